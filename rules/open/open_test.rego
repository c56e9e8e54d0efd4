package magikdelen.open_test

import data.magikdelen.open
import data.magikdelen.testkit

ids(vraag) := [f.id | some f in lijst] if {
	lijst := open.feiten with input as vraag
}

# ggz deelt gezondheidsgegevens met de politie in het ZVH vóór de WGS: alleen toestemming opent het
# beroepsgeheim en art. 9.
ggz_zvh(feiten) := testkit.zvh({
	"van": "ggz",
	"gegevens": ["gezondheid"],
	"datum": "2025-01-01",
	"feiten": feiten,
})

test_toestemming_open_als_het_de_enige_route_is if {
	{"id": "toestemming", "reden": "verandert"} in open.feiten with input as ggz_zvh({})
}

test_toestemming_niet_meer_open_als_hij_bekend_is if {
	not "toestemming" in ids(ggz_zvh({"toestemming": "gegeven"}))
	not "toestemming" in ids(ggz_zvh({"toestemming": "niet_gevraagd"}))
}

# Met toestemming van een minderjarige hangt de checklist van de leeftijd af; daarna van wie toestemde.
test_leeftijd_en_wie_toestemde_na_toestemming if {
	"leeftijd" in ids(ggz_zvh({"toestemming": "gegeven"}))
	"toestemming_door" in ids(ggz_zvh({"toestemming": "gegeven", "leeftijd": 14}))
	not "toestemming_door" in ids(ggz_zvh({"toestemming": "gegeven"}))
}

# Een wettelijke plicht (de verzuimmelding van de school) beslist: toestemming, acuut gevaar en de andere
# routes kunnen daar niets meer aan veranderen. Alleen doelverschuiving kan dat nog.
test_wettelijke_plicht_laat_alleen_toe_wat_kan_veranderen if {
	ids(testkit.vraag({
		"van": "school",
		"naar": ["leerplicht"],
		"gegevens": ["identificerend", "onderwijs"],
		"doel": "leerplicht_handhaving",
	})) == ["verkregen_voor"]
}

# Een toestand die beslist (de ots) staat vooraan, als ontbrekend of als alternatief.
test_ots_eerst_als_alternatief if {
	v := testkit.vraag({"van": "ggz", "naar": ["gecertificeerde_instelling"], "gegevens": ["gezondheid"], "doel": "ots_uitvoering"})
	open.feiten[0] == {"id": "ots", "reden": "alternatief"} with input as v
}

test_ontbrekende_deelname_eerst if {
	v := testkit.zvh({"naar": ["woningcorporatie"]})
	open.feiten[0] == {"id": "deelnemer_naar", "reden": "ontbrekend"} with input as v
}

# Deelname komt uit de convenantdata: een vaste deelnemer wordt niet gevraagd of hij deelneemt.
test_deelname_uit_data_niet_gevraagd if {
	v := testkit.zvh({})
	not "deelnemer_van" in ids(v)
	not "deelnemer_naar" in ids(v)
}

# Niet toegestaan kan niet strenger: alleen wat een alternatief opent, is nog open.
test_niet_toegestaan_alleen_alternatieven if {
	ids(ggz_zvh({"toestemming": "geweigerd"})) == []
	every f in open.feiten {
		f.reden == "alternatief"
	} with input as testkit.vraag({"naar": ["politie", "woningcorporatie"], "feiten": {"inclusiecriteria": false}})
}

test_proefwaarden if {
	open.proefwaarden("leeftijd") == [11, 15, 17, 18, 149]
	open.proefwaarden("acuut_gevaar") == [true, false]
	open.proefwaarden("toestemming") == ["niet_gevraagd", "gegeven", "geweigerd", "onmogelijk"]
	open.proefwaarden("casus_gesloten_op") == ["2026-03-01", "1900-01-01"] with input as testkit.vraag({})
	open.proefwaarden("verzocht_door") == ["wijkteam", "politie"] with input as testkit.vraag({})
	"zvh_casusoverleg" in open.proefwaarden("verkregen_voor") with input as testkit.zvh({})
}

# Het oorspronkelijke doel wordt met één doel per klasse van de doelbinding doorgerekend: het doel van de
# vraag zelf, een verenigbaar doel, elk stel taakwetten, een gesloten doel.
test_proefwaarden_doel_per_klasse if {
	w := open.proefwaarden("verkregen_voor") with input as testkit.zvh({})
	count(w) < count(data.kennisbank.doelen)
	"zvh_casusoverleg" in w # het doel van de vraag zelf
	some gesloten in w
	data.kennisbank.doelen[gesloten].gesloten
}

# Eén doel per klasse geeft hetzelfde als alle doelen: voor elke vraag hieronder geeft elk doel als
# oorspronkelijk doel dezelfde uitkomst als de vertegenwoordiger van zijn klasse. En het oorspronkelijke doel
# doet er bij die vragen toe (anders kan de toets niet falen).
test_doel_vertegenwoordigers_zoals_alle_doelen if {
	every v in doelbinding_vragen {
		vertegenwoordigers := open.doel_vertegenwoordigers with input as v
		every d, info in data.kennisbank.doelen {
			klasse := open.doelklasse(d, info) with input as v
			some r in vertegenwoordigers
			klasse == open.doelklasse(r, data.kennisbank.doelen[r]) with input as v
			uitkomst_met(v, d) == uitkomst_met(v, r)
		}
		open.anders("verkregen_voor") with input as v
	}
}

uitkomst_met(v, d) := u if {
	met := object.union(v, {"feiten": object.union(object.get(v, "feiten", {}), {"verkregen_voor": d})})
	u := open.uitkomst with input as met
}

doelbinding_vragen := [
	testkit.zvh({}),
	testkit.vraag({"van": "ggz", "naar": ["gemeente_college"], "gegevens": ["gezondheid"], "doel": "wvggz_verkennend_onderzoek", "feiten": {}}),
]

# Een feit dat geen regel leest, verandert niets en wordt nooit gevraagd.
test_feit_dat_niets_verandert_niet_open if {
	not open.anders("bulk") with input as testkit.zvh({})
	not open.anders("verzocht_door") with input as testkit.zvh({})
	open.anders("inclusiecriteria") with input as testkit.vraag({})
}

# uit_alternatieven_van: van de feiten die de alternatieven noemen blijven de feiten die de vraag niet kent en die
# het oordeel niet al als ontbrekend noemt; in_delen_met geeft met die feiten wat in_delen geeft.
test_uit_alternatieven_van_laat_bekende_feiten_weg if {
	vraag := ggz_zvh({"toestemming": "niet_gevraagd"})
	ua := open.uit_alternatieven_van({"toestemming", "acuut_gevaar"}) with input as vraag
	ua == {"acuut_gevaar"}
	open.in_delen_met(ua).redenen == {"acuut_gevaar": "alternatief"} with input as vraag
	not "acuut_gevaar" in object.keys(open.in_delen_met(ua).proeven) with input as vraag
}

test_in_delen_met_de_feiten_van_de_alternatieven_is_in_delen if {
	vraag := ggz_zvh({"toestemming": "niet_gevraagd"})
	fs := {f | some a in data.magikdelen.alternatieven.alternatieven; some f, _ in a.feiten} with input as vraag
	count(fs) > 0
	open.in_delen_met(open.uit_alternatieven_van(fs)) == open.in_delen with input as vraag
}

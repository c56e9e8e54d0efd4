package magikdelen.oordeel_test

import data.magikdelen.oordeel
import data.magikdelen.testkit

laag(o) := {"soort": "laag", "laag": "art6_van", "id": concat("_", ["laag", o]), "oordeel": o}

blok(o) := {"soort": "blokkade", "id": concat("_", ["blok", o]), "oordeel": o}

# --- het deeloordeel van een cel: contract §4, strengste eerst ---

test_niet_toegestaan_gaat_voor_alles if {
	oordeel.cel_oordeel([laag("toegestaan"), blok("onbepaald"), laag("niet_toegestaan")], {"vastleggen"}) == "niet_toegestaan"
}

test_onbepaald_gaat_voor_voorwaarden if {
	oordeel.cel_oordeel([laag("toegestaan_onder_voorwaarden"), blok("onbepaald")], {"vastleggen"}) == "onbepaald"
}

test_zonder_laag_onbepaald if {
	oordeel.cel_oordeel([], {"vastleggen"}) == "onbepaald"
}

test_toegestaan_bij_plichten_en_alleen_generieke_voorwaarden if {
	oordeel.cel_oordeel([laag("toegestaan"), laag("toegestaan")], {"vastleggen", "minimaal", "beveiligd"}) == "toegestaan"
}

test_voorwaarden_bij_een_case_specifieke_voorwaarde if {
	oordeel.cel_oordeel([laag("toegestaan")], {"vastleggen", "proportionaliteit"}) == "toegestaan_onder_voorwaarden"
}

test_voorwaarden_als_een_laag_voorwaarden_stelt if {
	oordeel.cel_oordeel([laag("toegestaan"), laag("toegestaan_onder_voorwaarden")], {"vastleggen"}) == "toegestaan_onder_voorwaarden"
}

test_positief if {
	oordeel.positief("toegestaan")
	oordeel.positief("toegestaan_onder_voorwaarden")
	not oordeel.positief("onbepaald")
	not oordeel.positief("niet_toegestaan")
}

test_positief_komt_uit_de_kennisbank if {
	not oordeel.positief("bestaat_niet")
	not oordeel.positief("toegestaan") with data.kennisbank.oordelen.toegestaan.positief as false
	oordeel.positief("nieuw") with data.kennisbank.oordelen.nieuw as {"positief": true}
	not oordeel.positief("nieuw") with data.kennisbank.oordelen.nieuw as {"positief": "ja"}
}

# Noodzaak geldt bij elke deling (AVG art. 5 lid 1 sub c): een zorgplicht. Een afweging of afspraak per
# geval (proportionaliteit, doelbinding) niet.
test_generiek if {
	oordeel.generiek("vastleggen")
	oordeel.generiek("noodzaak")
	not oordeel.generiek("proportionaliteit")
	not oordeel.generiek("doelbinding")
}

test_cel_voorwaarden_uit_lagen_kader_en_vastleggen if {
	oordeel.cel_voorwaarden(oordeel.kader_cel("politie"), [{"voorwaarden": ["cvp_toets"]}]) == {
		"cvp_toets", "noodzaak", "minimaal", "need_to_know", "doelbinding", "inclusie", "informeren", "vastleggen",
	} with input as testkit.zvh({})
}

test_beslissend_bij_een_negatief_oordeel if {
	oordeel.beslissend([laag("toegestaan"), blok("niet_toegestaan")], "niet_toegestaan") == [blok("niet_toegestaan")]
}

test_beslissend_bij_een_positief_oordeel if {
	oordeel.beslissend([laag("toegestaan"), laag("toegestaan_onder_voorwaarden")], "toegestaan_onder_voorwaarden") == [laag("toegestaan"), laag("toegestaan_onder_voorwaarden")]
}

test_zekerheid_van_een_nee_is_de_zekerste_reden if {
	its := [
		object.union(blok("niet_toegestaan"), {"zekerheid": "middel"}),
		object.union(laag("niet_toegestaan"), {"zekerheid": "hoog"}),
		object.union(laag("toegestaan_onder_voorwaarden"), {"zekerheid": "laag"}),
	]
	oordeel.cel_zekerheid(its, "niet_toegestaan", {}) == "hoog"
}

test_zekerheid_zonder_beslissende_uitkomst_is_laag if {
	oordeel.cel_zekerheid([], "onbepaald", {}) == "laag"
}

test_zekerheid_van_een_ja_is_de_zwakste_schakel if {
	# De route is zeker, maar de deelname van de politie komt uit data met zekerheid middel.
	oordeel.cel_zekerheid([object.union(laag("toegestaan"), {"zekerheid": "hoog"})], "toegestaan", oordeel.kader_cel("politie")) == "middel" with input as testkit.zvh({})
}

test_herstel_van if {
	oordeel.herstel_van({"herstel": {"inclusiecriteria": true}}) == [{"inclusiecriteria": true}]
	oordeel.herstel_van({"herstel": [{"ots": true}, {"toestemming": "gegeven"}]}) == [{"ots": true}, {"toestemming": "gegeven"}]
}

test_sorteer_blokkades_voor_lagen_in_hun_volgorde if {
	its := [
		{"soort": "laag", "laag": "art9_van", "id": "a"},
		{"soort": "laag", "laag": "regime", "id": "z"},
		{"soort": "blokkade", "id": "m"},
	]
	[i.id | some i in oordeel.sort_items(its)] == ["m", "z", "a"]
}

# --- een hele cel met de echte kennisbank ---

test_cel_in_het_zvh if {
	wgs := testkit.kb_route("wgs_verstrekking")
	oordeel.cel("politie", "identificerend") == {
		"naar": "politie",
		"gegevens": "identificerend",
		"oordeel": "toegestaan_onder_voorwaarden",
		"zekerheid": "middel",
		"grondslagen": ["avg_6_1_c", "wgs_samenwerkingsverbanden_1_5_1", "wgs_samenwerkingsverbanden_2_25"],
		"voorwaarden": ["noodzaak", "need_to_know", "minimaal", "doelbinding", "inclusie", "informeren", "vastleggen"],
		"redenen": [{"id": "wgs_verstrekking", "titel": wgs.titel, "tekst": wgs.tekst}],
		"ontbrekende_feiten": [],
		"keten": [{
			"laag": "art6_van",
			"label": "AVG art. 6 afzender",
			"status": "route",
			"route": "wgs_verstrekking",
			"titel": wgs.titel,
			"tekst": wgs.tekst,
			"oordeel": "toegestaan_onder_voorwaarden",
			"grondslagen": ["wgs_samenwerkingsverbanden_1_5_1", "wgs_samenwerkingsverbanden_2_25", "avg_6_1_c"],
		}],
		"herstel": [],
	} with input as testkit.zvh({})
}

test_cel_die_niet_mag_noemt_alleen_de_beslissende_redenen if {
	c := oordeel.cel("huisarts", "identificerend") with input as testkit.zvh({"naar": ["huisarts"], "datum": "2024-06-01"})
	c.oordeel == "niet_toegestaan"
	c.zekerheid == "middel"
	[r.id | some r in c.redenen] == ["ontvanger_geen_deelnemer", "geen_route_art6_van"]
	c.voorwaarden == []
	c.herstel == [{"deelnemer_naar": true}]
}

test_cel_herstel_ook_uit_een_geldende_route if {
	c := oordeel.cel("politie", "gezondheid") with input as testkit.zvh({"van": "ggz", "gegevens": ["gezondheid"]})
	{"acuut_gevaar": true} in c.herstel
}

# Fail closed: een cel waar geen enkele laag iets over zegt, is nooit toegestaan.
test_cel_zonder_laag_is_onbepaald if {
	c := oordeel.cel("politie", "identificerend") with input as testkit.zvh({})
		with data.magikdelen.lagen.uitkomsten as []
	c.oordeel == "onbepaald"
	c.zekerheid == "laag"
	c.redenen == []
	c.keten == []
	c.voorwaarden == []
}

# --- het totaaloordeel ---

test_totaal_is_het_strengste_deeloordeel if {
	invoer := testkit.zvh({"naar": ["politie", "huisarts"], "datum": "2024-06-01"})
	[[d.naar, d.oordeel] | some d in oordeel.deeloordelen] == [
		["huisarts", "niet_toegestaan"],
		["politie", "toegestaan_onder_voorwaarden"],
	] with input as invoer
	oordeel.oordeel == "niet_toegestaan" with input as invoer
	oordeel.zekerheid == "middel" with input as invoer
	oordeel.voorwaarden == [] with input as invoer
	[d.naar | some d in oordeel.toegestane_cellen] == ["politie"] with input as invoer
	[d.naar | some d in oordeel.beslissende_cellen] == ["huisarts"] with input as invoer
}

test_totaal_onbepaald_gaat_voor_voorwaarden if {
	invoer := testkit.zvh({"naar": ["politie", "woningcorporatie"], "datum": "2024-06-01"})
	oordeel.oordeel == "onbepaald" with input as invoer
	oordeel.zekerheid == "laag" with input as invoer
	oordeel.ontbrekende_feiten == ["deelnemer_naar"] with input as invoer
	[r.id | some r in oordeel.redenen] == ["deelname_onbekend"] with input as invoer
	[d.naar | some d in oordeel.toegestane_cellen] == ["politie"] with input as invoer
}

test_totaal_voorwaarden_als_alles_onder_voorwaarden_mag if {
	invoer := testkit.zvh({"naar": ["politie", "gemeente_college"]})
	oordeel.oordeel == "toegestaan_onder_voorwaarden" with input as invoer
	oordeel.voorwaarden == ["noodzaak", "need_to_know", "minimaal", "doelbinding", "inclusie", "informeren", "vastleggen"] with input as invoer
	oordeel.toegestane_cellen == [] with input as invoer
	oordeel.ontbrekende_feiten == [] with input as invoer
}

test_totaal_toegestaan_bij_een_wettelijke_plicht if {
	invoer := testkit.vraag({
		"van": "jeugdhulpaanbieder",
		"naar": ["gecertificeerde_instelling"],
		"doel": "ots_uitvoering",
		"feiten": {"ots": true},
	})
	oordeel.oordeel == "toegestaan" with input as invoer
	oordeel.zekerheid == "hoog" with input as invoer
	oordeel.voorwaarden == ["minimaal", "vastleggen"] with input as invoer
	oordeel.grondslagen == ["uavg_30_2_b", "jeugdwet_7_3_11_4"] with input as invoer
}

test_totaal_zonder_cellen_is_onbepaald if {
	invoer := testkit.zvh({"gegevens": []})
	oordeel.deeloordelen == [] with input as invoer
	oordeel.oordeel == "onbepaald" with input as invoer
	oordeel.zekerheid == "laag" with input as invoer
	oordeel.voorwaarden == [] with input as invoer
	oordeel.grondslagen == [] with input as invoer
	oordeel.redenen == [] with input as invoer
	oordeel.keten == [] with input as invoer
}

test_totaal_zonder_laag_is_onbepaald if {
	oordeel.oordeel == "onbepaald" with input as testkit.zvh({})
		with data.magikdelen.lagen.uitkomsten as []
}

test_redenen_elk_een_keer if {
	[r.id | some r in oordeel.redenen] == ["wgs_verstrekking"] with input as testkit.zvh({"gegevens": ["identificerend", "signaal"]})
}

# Elke reden één keer, op haar vroegste plek in een cel en dan op id: q staat in de eerste cel achteraan maar in
# de tweede vooraan, y in beide cellen op plek 1, z alleen vooraan in de eerste.
test_redenen_op_vroegste_plek_dan_id if {
	r := {id: {"id": id, "tekst": id} | some id in ["q", "y", "z"]}
	cellen := [{"redenen": [r.z, r.y, r.q]}, {"redenen": [r.q, r.y]}]
	oordeel.redenen == [r.q, r.z, r.y] with oordeel.beslissende_cellen as cellen
}

test_keten_een_stap_per_laag_en_route_met_samengevoegde_grondslagen if {
	invoer := testkit.zvh({"naar": ["gemeente_college", "veilig_thuis"], "datum": "2025-02-28"})
	[[s.laag, s.route] | some s in oordeel.keten] == [
		["art6_van", "eigen_taak_deelnemer"],
		["art6_naar", "eigen_taak_deelnemer"],
	] with input as invoer
	{g | some g in oordeel.keten[1].grondslagen} == {"avg_6_1_e", "wmo_5_1_1", "jeugdwet_7_4_0_1", "wmo_4_1_1"} with input as invoer
	count(oordeel.keten[1].grondslagen) == 4 with input as invoer
}

# --- doelbinding in het oordeel ---

# Een signaal uit de vroegsignalering schulden hergebruiken voor het ZVH-casusoverleg.
hergebruik(feiten) := testkit.zvh({"gegevens": ["signaal"], "feiten": object.union({"verkregen_voor": "vss_signaal"}, feiten)})

test_doelverschuiving_maakt_de_cel_niet_toegestaan if {
	c := oordeel.cel("politie", "signaal") with input as hergebruik({})
	c.oordeel == "niet_toegestaan"
	[r.id | some r in c.redenen] == ["doelverschuiving"]
	c.grondslagen == ["avg_5_1_b", "avg_6_4"]
}

test_doelverschuiving_bij_acuut_gevaar_maakt_de_cel_onbepaald if {
	c := oordeel.cel("politie", "signaal") with input as hergebruik({"acuut_gevaar": true})
	c.oordeel == "onbepaald"
	c.zekerheid == "laag"
	[r.id | some r in c.redenen] == ["doelverschuiving_acuut_gevaar"]
}

test_verenigbaar_hergebruik_laat_de_cel_toe if {
	c := oordeel.cel("politie", "signaal") with input as hergebruik({"verkregen_voor": "zvh_aanmelding"})
	c.oordeel == "toegestaan_onder_voorwaarden"
}

# Bij lage zekerheid komt de FG op de checklist (oordelen.yaml: zekerheden.laag.voorwaarde), en is
# "toegestaan" hooguit "toegestaan onder voorwaarden".
test_lage_zekerheid_brengt_de_fg if {
	c := oordeel.cel("politie", "gezondheid") with input as testkit.zvh({"van": "ggz", "gegevens": ["gezondheid"], "datum": "2025-06-01", "feiten": {"inclusiecriteria": true, "toestemming": "niet_gevraagd", "acuut_gevaar": false}})
	c.zekerheid == "laag"
	c.oordeel == "toegestaan_onder_voorwaarden"
	"fg" in {v | some v in c.voorwaarden}
}

test_hoge_zekerheid_zonder_fg if {
	c := oordeel.cel("politie", "identificerend") with input as testkit.zvh({})
	not "fg" in {v | some v in c.voorwaarden}
}

test_toegestaan_met_lage_zekerheid_wordt_onder_voorwaarden if {
	oordeel.met_zekerheid("toegestaan", "laag") == "toegestaan_onder_voorwaarden"
	oordeel.met_zekerheid("toegestaan", "hoog") == "toegestaan"
	oordeel.met_zekerheid("niet_toegestaan", "laag") == "niet_toegestaan"
}

# --- een blokkade over de deelname van de afzender vervalt als hij op eigen grond deelt ---

route_item(laag, id) := {"soort": "laag", "laag": laag, "status": "route", "id": id}

test_eigen_grondslag_afzender if {
	oordeel.eigen_grondslag_afzender([route_item("geheim", "toestemming_geheim"), route_item("art6_van", "toestemming_art6_privaat")])
	oordeel.eigen_grondslag_afzender([route_item("regime", "wpg_incidenteel"), route_item("art6_naar", "wgs_verwerking")])
}

# Een route van het convenant zelf is geen eigen grondslag; een laag zonder route ook niet; en zonder laag
# voor de grondslag (regime of art. 6) is er niets om op te steunen.
test_geen_eigen_grondslag_afzender if {
	not oordeel.eigen_grondslag_afzender([route_item("art6_van", "eigen_taak_deelnemer")])
	not oordeel.eigen_grondslag_afzender([route_item("art6_van", "toestemming_art6_privaat"), {"soort": "laag", "laag": "art9_van", "status": "geen_route", "id": "geen_route_art9_van"}])
	not oordeel.eigen_grondslag_afzender([route_item("geheim", "toestemming_geheim")])
}

test_blokkade_van_de_afzender_vervalt_bij_eigen_grondslag if {
	its := [{"soort": "blokkade", "id": "alleen_als_derde", "zijde": "van"}, route_item("art6_van", "toestemming_art6_privaat")]
	oordeel.vervalt(its[0], its)
	not oordeel.vervalt({"soort": "blokkade", "id": "alleen_als_derde", "zijde": "naar"}, its)
}

test_blokkade_buiten_looptijd_vervalt_als_elke_laag_een_route_heeft if {
	b := {"soort": "blokkade", "id": "convenant_niet_geldig", "zijde": "beide"}
	oordeel.vervalt(b, [b, route_item("regime", "wpg_incidenteel"), route_item("art6_naar", "meldpunt_wmo_verwerking")])
	not oordeel.vervalt(b, [b, route_item("regime", "wpg_incidenteel"), {"soort": "laag", "laag": "art6_naar", "status": "geen_route", "id": "geen_route_art6_naar"}])
	not oordeel.vervalt(b, [b])
}

# WGS art. 2.31 lid 9-10: een huisarts is geen deelnemer, maar met toestemming deelt hij op eigen grond.
test_huisarts_met_toestemming_deelt_op_eigen_grond if {
	invoer := testkit.zvh({"van": "huisarts", "naar": ["zvh_procesregisseur"], "gegevens": ["gezondheid"], "feiten": {"toestemming": "gegeven", "leeftijd": 45}})
	oordeel.oordeel == "toegestaan_onder_voorwaarden" with input as invoer
	not "alleen_als_derde" in {r.id | some r in oordeel.redenen} with input as invoer

	# Zonder toestemming, plicht of acuut gevaar houdt het beroepsgeheim het tegen (niet het convenant).
	invoer2 := object.union(invoer, {"feiten": {"toestemming": "niet_gevraagd", "acuut_gevaar": false, "inclusiecriteria": true}})
	oordeel.oordeel == "niet_toegestaan" with input as invoer2
	"geen_route_geheim" in {r.id | some r in oordeel.redenen} with input as invoer2
}

# Vóór de dekking van de kennisbank zegt alleen die blokkade iets.
test_buiten_dekking_alleen_die_blokkade if {
	[i.id | some i in oordeel.items("politie", "identificerend")] == ["buiten_dekking"] with input as testkit.zvh({"datum": "2018-01-01"})
}

# Een datum die geen dag is, wordt niet geraden (geen vandaag, geen dekkingsgrens): alleen die blokkade.
test_ongeldige_datum_alleen_die_blokkade if {
	every d in [20250601, "2025-02-30", "1 juni 2025", ""] {
		[i.id | some i in oordeel.items("politie", "identificerend")] == ["datum_ongeldig"] with input as testkit.zvh({"datum": d})
	}
}

test_ongeldige_datum_is_onbepaald_nooit_nee if {
	every d in [20250601, "2025-02-30"] {
		every c in ["identificerend", "gezondheid", "strafrechtelijk"] {
			oordeel.afleiding("politie", c).oordeel == "onbepaald" with input as testkit.zvh({"datum": d, "gegevens": [c]})
		}
	}
}

# De klasse van een categorie noemt of het beroepsgeheim van de afzender haar omvat: gezondheid bij de huisarts
# wel, identificerende gegevens bij de politie niet.
test_klasse_van_een_categorie_kent_het_beroepsgeheim if {
	oordeel.gegevens_klasse.gezondheid[2] == true with input as testkit.zvh({"van": "huisarts", "gegevens": ["gezondheid"]})
	oordeel.gegevens_klasse.identificerend[2] == false with input as testkit.zvh({})
}

# --- klassen van ontvangers (matrix) ---

ave_breed := testkit.vraag({
	"van": "gemeente_college",
	"naar": ["ggz", "verslavingszorg", "gecertificeerde_instelling", "ggd", "rvdk", "wijkteam", "politie", "jeugdhulpaanbieder", "jongerenwerk"],
	"gegevens": ["identificerend", "gezondheid", "strafrechtelijk", "bsn", "financieel"],
	"doel": "ave_afschalen",
	"convenant": "ave",
	"datum": "2026-03-01",
})

# Ontvangers met dezelfde klasse delen hun korte cellen, en die zijn wat elke ontvanger zelf zou krijgen.
test_ontvangers_van_een_klasse_delen_hun_korte_cellen if {
	v := oordeel.ontvanger_vertegenwoordiger with input as ave_breed
	v.verslavingszorg == "ggz"
	count({w | some w in v}) < count(v)
	every r, _ in v {
		eigen := oordeel.kort_rij(r) with input as ave_breed
		gedeeld := oordeel.kort_per_ontvanger[r] with input as ave_breed
		eigen == gedeeld
	}
}

# Toetst de doelbinding iets, dan is elke ontvanger een klasse apart.
test_met_doelbinding_elke_ontvanger_apart if {
	invoer := object.union(ave_breed, {"feiten": {"verkregen_voor": "ave_signaleren"}})
	v := oordeel.ontvanger_vertegenwoordiger with input as invoer
	every r, w in v {
		r == w
	}
}

# uniek laat het eerste van gelijke elementen staan, in de oorspronkelijke volgorde.
test_uniek_houdt_de_eerste_in_volgorde if {
	oordeel.uniek([]) == []
	oordeel.uniek(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]
	oordeel.uniek([{"id": 2}, {"id": 1}, {"id": 2}]) == [{"id": 2}, {"id": 1}]
	oordeel.uniek([[1, 2], [1], [1, 2]]) == [[1, 2], [1]]
}

# Cellen met dezelfde afleiding krijgen dezelfde uitleg (uitleg_van), alleen met hun eigen ontvanger en
# categorie: de politie aan de ZVH-tafel heeft veel cellen en weinig afleidingen.
test_cellen_delen_de_uitleg_van_hun_afleiding if {
	v := testkit.zvh({"van": "politie", "naar": ["overleg_deelnemers"], "gegevens": ["politiegegevens", "strafrechtelijk"], "feiten": {"deelnemer_naar": true, "inclusiecriteria": true}})
	cellen := oordeel.deeloordelen with input as v
	afleidingen := {oordeel.afleiding(d.naar, d.gegevens) | some d in cellen} with input as v
	count(afleidingen) < count(cellen)
	every d in cellen {
		a := oordeel.afleiding(d.naar, d.gegevens) with input as v
		d == object.union({"naar": d.naar, "gegevens": d.gegevens}, oordeel.uitleg_van(a)) with input as v
		d.oordeel == a.oordeel
	}
}

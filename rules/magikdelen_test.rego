package magikdelen_test

import data.magikdelen
import data.magikdelen.kader
import data.magikdelen.testkit

politie_aan_om := testkit.vraag({"van": "politie", "naar": ["om"], "gegevens": ["politiegegevens"], "doel": "opsporing"})

wpg_om := testkit.kb_route("wpg_om")

vastleggen := {
	"id": "vastleggen",
	"label": "Vastleggen",
	"tekst": "Leg vast wat u met wie deelt, op welke grondslag en waarom (voor de politie geldt de protocolplicht).",
}

wpg_16_1_a := {
	"id": "wpg_16_1_a",
	"titel": "Wpg art. 16 lid 1 sub a",
	"bron": "https://wetten.overheid.nl/jci1.3:c:BWBR0022463&artikel=16",
	"zekerheid": "hoog",
}

keten_wpg_om := [{
	"laag": "regime",
	"label": "Regime van de afzender",
	"status": "route",
	"route": "wpg_om",
	"titel": wpg_om.titel,
	"tekst": wpg_om.tekst,
	"oordeel": "toegestaan",
	"grondslagen": ["wpg_16_1_a"],
}]

# Het hele antwoord (contract §2) voor een wettelijke plicht: de politie aan het OM voor de opsporing.
test_antwoord_bij_een_wettelijke_plicht if {
	magikdelen.antwoord == {
		"oordeel": "toegestaan",
		"samenvatting": "Ja, een wettelijke plicht of recht dekt precies deze deling. Grondslag: Wpg art. 16 lid 1 sub a; 1 voorwaarde op de checklist.",
		"zekerheid": "hoog",
		"grondslagen": [wpg_16_1_a],
		"voorwaarden": [vastleggen],
		"redenen": [{"id": "wpg_om", "titel": wpg_om.titel, "tekst": wpg_om.tekst}],
		"alternatieven": [],
		"ontbrekende_feiten": [],
		"deeloordelen": [{
			"naar": "om",
			"gegevens": "politiegegevens",
			"oordeel": "toegestaan",
			"zekerheid": "hoog",
			"grondslagen": [wpg_16_1_a],
			"voorwaarden": [vastleggen],
			"redenen": [{"id": "wpg_om", "titel": wpg_om.titel, "tekst": wpg_om.tekst}],
			"ontbrekende_feiten": [],
			"keten": keten_wpg_om,
		}],
		"keten": keten_wpg_om,
		"kader": {"convenant": null, "route": "wettelijk"},
		"vraag": {
			"van": "politie",
			"naar": ["om"],
			"ontvangers": ["om"],
			"gegevens": ["politiegegevens"],
			"doel": "opsporing",
			"datum": "2026-03-01",
			"feiten": {},
		},
		"kennisbank": {"versie": data.kennisbank.versie},
		"vraagbaak": [{"id": "wpg_om", "vraag": "Mag de politie gegevens aan het OM geven?"}],
	} with input as politie_aan_om
		with data.magikdelen.vraagbaak.items as {
			"wpg_om": {"vraag": "Mag de politie gegevens aan het OM geven?", "convenanten": [], "partijen": ["politie", "om"], "gegevens": ["politiegegevens"]},
			"elders": {"vraag": "Iets anders?", "convenanten": [], "partijen": ["huisarts"], "gegevens": ["gezondheid"]},
		}
}

test_antwoord_in_het_zvh if {
	a := magikdelen.antwoord with input as testkit.zvh({})
	a.oordeel == "toegestaan_onder_voorwaarden"
	a.zekerheid == "middel"
	a.kader == {"convenant": "zvht", "naam": "Convenant Zorg- en Veiligheidshuis Twente", "route": "convenant"}
	[g.id | some g in a.grondslagen] == ["avg_6_1_c", "wgs_samenwerkingsverbanden_1_5_1", "wgs_samenwerkingsverbanden_2_25"]
	[v.id | some v in a.voorwaarden] == ["noodzaak", "need_to_know", "minimaal", "doelbinding", "inclusie", "informeren", "vastleggen"]
	[r.id | some r in a.redenen] == ["wgs_verstrekking"]
	endswith(a.samenvatting, "; 7 voorwaarden op de checklist.")
}

# Contract §2: elk oordeel behalve onbepaald citeert een grondslag met een link naar de officiële tekst.
test_elk_positief_oordeel_citeert_een_grondslag_met_link if {
	every invoer in [politie_aan_om, testkit.zvh({})] {
		a := magikdelen.antwoord with input as invoer
		count(a.grondslagen) > 0
		every g in a.grondslagen {
			startswith(g.bron, "https://")
		}
	}
}

test_genormaliseerde_vraag_met_convenant_en_fase if {
	magikdelen.genormaliseerd == {
		"van": "ggz",
		"naar": ["overleg_deelnemers"],
		"ontvangers": ["gemeente_college", "politie", "wijkteam"],
		"gegevens": ["gezondheid", "identificerend"],
		"doel": "zvh_casusoverleg",
		"datum": "2026-03-01",
		"feiten": {},
		"convenant": "zvht",
		"fase": "ave1",
	} with input as testkit.vraag({
		"van": "mediant",
		"naar": ["overleg_deelnemers"],
		"gegevens": ["identificerend", "gezondheid"],
		"convenant": "zvht",
		"fase": "ave1",
	})
		with data.kennisbank.convenanten.zvht as testkit.zvht([], {"deelnemers": [
			{"partij": "wijkteam", "deelname": "vast", "wgs": true, "zekerheid": "hoog"},
			{"partij": "politie", "deelname": "vast", "wgs": true, "zekerheid": "middel"},
			{"partij": "gemeente_college", "deelname": "vast", "wgs": true, "zekerheid": "hoog"},
			{"partij": "ggz", "deelname": "vast", "wgs": true, "zekerheid": "middel"},
		]})
}

test_reden_als_het_doel_niet_bij_het_gevraagde_convenant_hoort if {
	a := magikdelen.antwoord with input as testkit.wettelijk({"convenant": "zvht", "feiten": {"acuut_gevaar": true}})
	a.redenen[0] == {
		"id": "doel_buiten_convenant",
		"titel": "Ander kader dan gevraagd",
		"tekst": "Het doel Acuut gevaar afwenden hoort niet bij Convenant Zorg- en Veiligheidshuis Twente; de deling is beoordeeld via de wettelijke routes.",
	}
	a.kader == {"convenant": null, "route": "wettelijk"}
}

test_geen_kaderreden_als_het_doel_bij_het_convenant_hoort if {
	magikdelen.kader_redenen == [] with input as testkit.zvh({"convenant": "zvht"})
}

test_convenant_naam if {
	magikdelen.convenant_naam("zvht") == "Convenant Zorg- en Veiligheidshuis Twente"
	magikdelen.convenant_naam("onbekend_convenant") == "onbekend_convenant"
}

test_wat_wel_mag_als_het_geheel_niet_mag if {
	a := magikdelen.antwoord with input as testkit.zvh({"naar": ["politie", "huisarts"], "datum": "2024-06-01"})
	a.oordeel == "niet_toegestaan"
	a.samenvatting == "Nee, dit mag niet zoals gevraagd. Huisarts is op 2024-06-01 geen deelnemer van Convenant Zorg- en Veiligheidshuis Twente; buiten de kring is er geen grondslag om wat in de casus is besproken te delen."
	a.voorwaarden == []
	a.redenen[count(a.redenen) - 1] == {
		"id": "deels_toegestaan",
		"titel": "Wat wel mag",
		"tekst": "Wel mogelijk (onder de voorwaarden in de deeloordelen): Identificerende gegevens aan Politie.",
	}
	[d.oordeel | some d in a.deeloordelen] == ["niet_toegestaan", "toegestaan_onder_voorwaarden"]
}

test_geen_deelreden_als_alles_mag if {
	magikdelen.deels_redenen == [] with input as testkit.zvh({})
}

test_geen_deelreden_als_niets_mag if {
	magikdelen.deels_redenen == [] with input as testkit.zvh({"naar": ["huisarts"]})
}

test_samenvatting_bij_onbepaald_noemt_de_reden if {
	magikdelen.samenvatting == "Dit is niet vast te stellen; leg de vraag voor aan de FG of privacy officer van de verstrekkende organisatie. Of Woningcorporatie op 2024-06-01 deelneemt aan Convenant Zorg- en Veiligheidshuis Twente, staat niet vast." with input as testkit.zvh({"naar": ["woningcorporatie"], "datum": "2024-06-01"})
}

test_samenvatting_zonder_reden if {
	a := magikdelen.antwoord with input as testkit.zvh({"gegevens": []})
	a.oordeel == "onbepaald"
	a.samenvatting == "Dit is niet vast te stellen; leg de vraag voor aan de FG of privacy officer van de verstrekkende organisatie."
	a.deeloordelen == []
	a.redenen == []
}

test_samenvatting_zonder_grondslag_in_de_keten if {
	routes := [testkit.route({"lagen": ["regime"], "grondslagen": []})]
	magikdelen.samenvatting == "Ja, mits aan de voorwaarden op de checklist is voldaan." with input as politie_aan_om
		with data.kennisbank.routes as routes with data.kennisbank.routes_per_laag as testkit.per_laag(routes)
}

test_aantal_voorwaarden_enkelvoud_en_meervoud if {
	magikdelen.aantal_voorwaarden == "1 voorwaarde" with input as politie_aan_om
	magikdelen.aantal_voorwaarden == "7 voorwaarden" with input as testkit.zvh({})
}

test_reden_noemt_het_kader_van_het_doel if {
	a := magikdelen.antwoord with input as testkit.vraag({"convenant": "ave"})
	a.redenen[0].tekst == "Het doel Casusoverleg (MDO) hoort niet bij Convenant Aanpak Voorkoming Escalatie (Almelo); de deling is beoordeeld onder Convenant Zorg- en Veiligheidshuis Twente."
}

test_zelfstandige_route_bepaalt_het_kader if {
	route := {
		"id": "zelfstandig_test", "titel": "Zelfstandige testroute", "tekst": "t", "lagen": ["art6_van"],
		"van": ["wijkteam"], "naar": ["politie"], "doelen": ["zvh_casusoverleg"], "zelfstandig": true,
		"grondslagen": ["avg_6_1_e"], "voorwaarden": [], "oordeel": "toegestaan_onder_voorwaarden", "zekerheid": "hoog",
	}
	a := magikdelen.antwoord with input as testkit.vraag({"feiten": {"inclusiecriteria": false}})
		with data.kennisbank.routes as [route] with data.kennisbank.routes_per_laag as testkit.per_laag([route])
	a.kader == {"convenant": "zvht", "naam": "Convenant Zorg- en Veiligheidshuis Twente", "route": "wettelijk"}
	"zelfstandige_wettelijke_route" in {r.id | some r in a.redenen}
	not "inclusie_niet_vervuld" in {r.id | some r in a.redenen}
}

# --- matrix: de korte cellen zeggen hetzelfde als de deeloordelen van het antwoord ---

breed := testkit.zvh({
	"van": "politie",
	"naar": ["om", "ggz", "huisarts", "niet_deelnemer", "woningcorporatie"],
	"gegevens": ["politiegegevens", "gezondheid", "identificerend", "bsn", "strafrechtelijk"],
})

# matrix_cellen: de cellen van de matrix uitgezet, zoals de bibliotheek dat doet (library/bulk).
matrix_cellen := [object.union(m.ontvangers[r][m.vertegenwoordiger[c]], {"naar": r, "gegevens": c}) |
	some [r, c] in sort(kader.cellen)
] if {
	m := magikdelen.matrix
}

test_matrix_volgt_de_deeloordelen if {
	cellen := matrix_cellen with input as breed
	delen := magikdelen.kern.deeloordelen with input as breed
	count(cellen) == 25
	count(delen) == 25
	every i, k in cellen {
		d := delen[i]
		k.naar == d.naar
		k.gegevens == d.gegevens
		k.oordeel == d.oordeel
		k.zekerheid == d.zekerheid
		k.grondslagen == sort([g.id | some g in d.grondslagen])
		k.voorwaarden == sort([v.id | some v in d.voorwaarden])
		k.ontbrekende_feiten == d.ontbrekende_feiten
		k.lagen == {s.laag: s.route | some s in d.keten}
	}
}

test_matrix_kent_meer_dan_een_oordeel if {
	oordelen := {k.oordeel | some k in matrix_cellen} with input as breed
	count(oordelen) > 1
}

# Een wettelijke plicht (toegestaan) naast een blokkade van het kader is een botsing.
test_botsing_tussen_plicht_en_blokkade if {
	its := [
		{"soort": "blokkade", "id": "gegevens_buiten_doel", "oordeel": "niet_toegestaan"},
		{"soort": "laag", "id": "wpg_plicht", "status": "route", "oordeel": "toegestaan"},
		{"soort": "laag", "id": "wgs", "status": "route", "oordeel": "toegestaan_onder_voorwaarden"},
	]
	data.magikdelen.oordeel.botsingen(its) == ["gegevens_buiten_doel/wpg_plicht"]
}

test_geen_botsing_zonder_blokkade if {
	data.magikdelen.oordeel.botsingen([{"soort": "laag", "id": "wpg_plicht", "status": "route", "oordeel": "toegestaan"}]) == []
}

test_matrix_noemt_het_kader if {
	magikdelen.matrix.kader.convenant == "zvht" with input as breed
}

# De reden zegt waarom het convenant niet nodig was: eigen grondslag van de afzender.
test_reden_afzender_op_eigen_grond if {
	a := magikdelen.antwoord with input as testkit.zvh({"van": "huisarts", "naar": ["zvh_procesregisseur"], "gegevens": ["gezondheid"], "feiten": {"toestemming": "gegeven", "leeftijd": 45}})
	"afzender_eigen_grondslag" in {r.id | some r in a.redenen}
}

# Buiten de looptijd van het convenant: alleen de eigen grondslagen tellen, en het antwoord zegt dat.
test_reden_buiten_looptijd if {
	a := magikdelen.antwoord with input as testkit.vraag({
		"van": "politie", "naar": ["meldpunt_zorgwekkend_gedrag"], "gegevens": ["identificerend", "signaal"],
		"doel": "ave_signaleren", "datum": "2021-06-01",
	})
	a.oordeel == "toegestaan_onder_voorwaarden"
	"convenant_buiten_looptijd" in {r.id | some r in a.redenen}
	{s.route | some s in a.keten; s.laag == "regime"} == {"wpg_incidenteel"}
}

# Een geweigerde toestemming staat in het antwoord, en de checklist zegt niet "vraag toestemming".
test_geweigerde_toestemming_in_het_antwoord if {
	a := magikdelen.antwoord with input as testkit.zvh({"van": "ggz", "naar": ["zvh_procesregisseur"], "gegevens": ["gezondheid"], "datum": "2025-06-01", "feiten": {"toestemming": "geweigerd"}})
	a.redenen[0].id == "toestemming_geweigerd"
	every v in a.voorwaarden {
		not contains(v.tekst, "met toestemming")
		v.id != "toestemming_expliciet"
	}
	{v.tekst | some v in a.voorwaarden; v.id == "subsidiariteit"} == {"Ga na of het doel niet op een minder ingrijpende manier te bereiken is, bijvoorbeeld doordat betrokkene het zelf vertelt; betrokkene heeft toestemming geweigerd."}
}

# De bewaartermijn loopt vanaf de eerste verwerking; is die onbekend, dan zegt het antwoord dat.
test_reden_bewaartermijn_eerste_verwerking if {
	a := magikdelen.antwoord with input as testkit.zvh({"feiten": {"casus_gesloten_op": "2025-06-01"}})
	"bewaartermijn_eerste_verwerking" in {r.id | some r in a.redenen}
}

# Het antwoord zonder vraagbaak (dat de Go-bibliotheek vraagt) is het antwoord met een lege lijst
# vraagbaakitems, en alleen daarin verschillend.
test_antwoord_zonder_vraagbaak_is_het_antwoord_zonder_links if {
	vraag := testkit.vraag({"van": "wijkteam", "naar": ["zvh_procesregisseur"], "gegevens": ["identificerend", "signaal"], "doel": "zvh_aanmelding", "convenant": "zvht", "feiten": {"inclusiecriteria": true}})
	volledig := magikdelen.antwoord with input as vraag
	zonder := magikdelen.antwoord_zonder_vraagbaak with input as vraag
	count(volledig.vraagbaak) > 0
	zonder.vraagbaak == []
	object.remove(zonder, ["vraagbaak"]) == object.remove(volledig, ["vraagbaak"])
	kern_zonder := magikdelen.kern_zonder_vraagbaak with input as vraag
	kern_zonder == object.union(zonder, {"alternatieven": []})
}

# Een blokkade noemt de datum met uitleg.datum_plek (kader_test: test_blokkade_leest_de_datum_niet); het antwoord
# schrijft haar in, in de redenen, in de deeloordelen en in de samenvatting, en noemt datum_plek nergens.
test_reden_noemt_de_datum if {
	a := magikdelen.antwoord with input as testkit.zvh({"van": "huisarts", "datum": "2024-06-01"})
	tekst := "Huisarts is op 2024-06-01 geen deelnemer van Convenant Zorg- en Veiligheidshuis Twente, dus het convenant dekt deze deling niet. Een convenant is geen grondslag: of Huisarts op een eigen grondslag mag delen, moet de FG beoordelen."
	{r.tekst | some r in a.redenen; r.id == "afzender_geen_deelnemer"} == {tekst}
	{r.tekst | some d in a.deeloordelen; some r in d.redenen; r.id == "afzender_geen_deelnemer"} == {tekst}
	contains(a.samenvatting, tekst)
	not contains(json.marshal(a), "{datum}")
}

package magikdelen.routes_test

import data.magikdelen.kader
import data.magikdelen.routes
import data.magikdelen.testkit

# Een vraag buiten de convenanten, zodat alleen de routes van de test meedoen.
wettelijk := testkit.wettelijk({"gegevens": ["signaal"], "feiten": {"leeftijd": 40}})

toestemming := {"feit": "toestemming", "waarde": "gegeven", "voorwaarde": "toestemming_expliciet", "bij_minderjarige": "toestemming_minderjarige"}

ids(routes_lijst) := [r.id | some r in routes_lijst]

# partij_past: de selectoren passen bij partij p in rol in de vraag van de input.
partij_past(selectoren, p, rol) if routes.selectie_past(selectoren, routes.partij(p, rol))

# --- kandidaten: doel, datum, grondslagen en afzender ---

test_kandidaten_in_het_zvh_na_de_wgs if {
	ids(routes.kandidaten("art6_van")) == ["wgs_verstrekking", "eigen_taak_deelnemer"] with input as testkit.zvh({})
}

test_kandidaten_in_het_zvh_voor_de_wgs if {
	ids(routes.kandidaten("art6_van")) == ["eigen_taak_deelnemer"] with input as testkit.zvh({"datum": "2025-02-28"})
}

test_kandidaten_politie_aan_het_zvh_rond_de_wgs_overgang if {
	voor := ids(routes.kandidaten("regime")) with input as testkit.zvh({"van": "politie", "naar": ["wijkteam"], "datum": "2025-02-28"})
	na := ids(routes.kandidaten("regime")) with input as testkit.zvh({"van": "politie", "naar": ["wijkteam"], "datum": "2025-03-01"})
	"wpg_samenwerkingsverband" in voor
	not "wgs_politie" in voor
	"wgs_politie" in na
	not "wpg_samenwerkingsverband" in na
}

test_kandidaat_alleen_binnen_de_looptijd_van_de_route if {
	r := testkit.route({"geldig_vanaf": "2026-01-01", "geldig_tot": "2026-12-31"})
	grenzen := testkit.datumgrenzen(object.union(data.kennisbank, {"routes": [r]}))
	ids(routes.kandidaten("art6_van")) == ["r_test"] with input as testkit.wettelijk({"datum": "2026-01-01"})
		with data.kennisbank.routes as [r] with data.kennisbank.routes_per_laag as testkit.per_laag([r])
		with data.kennisbank.datumgrenzen as grenzen
	ids(routes.kandidaten("art6_van")) == [] with input as testkit.wettelijk({"datum": "2025-12-31"})
		with data.kennisbank.routes as [r] with data.kennisbank.routes_per_laag as testkit.per_laag([r])
		with data.kennisbank.datumgrenzen as grenzen
	ids(routes.kandidaten("art6_van")) == [] with input as testkit.wettelijk({"datum": "2027-01-01"})
		with data.kennisbank.routes as [r] with data.kennisbank.routes_per_laag as testkit.per_laag([r])
		with data.kennisbank.datumgrenzen as grenzen
}

test_kandidaat_alleen_als_elke_grondslag_geldt if {
	# Een route die de WGS noemt, geldt pas vanaf 2025-03-01, ook zonder eigen geldig_vanaf.
	r := testkit.route({"grondslagen": ["avg_6_1_c", "wgs_samenwerkingsverbanden_1_5_1"]})
	ids(routes.kandidaten("art6_van")) == [] with input as testkit.wettelijk({"datum": "2025-02-28"})
		with data.kennisbank.routes as [r] with data.kennisbank.routes_per_laag as testkit.per_laag([r])
	ids(routes.kandidaten("art6_van")) == ["r_test"] with input as testkit.wettelijk({"datum": "2025-03-01"})
		with data.kennisbank.routes as [r] with data.kennisbank.routes_per_laag as testkit.per_laag([r])
}

test_kandidaat_alleen_voor_de_eigen_laag if {
	ids(routes.kandidaten("art9_van")) == [] with input as wettelijk with data.kennisbank.routes as [testkit.route({})] with data.kennisbank.routes_per_laag as testkit.per_laag([testkit.route({})])
}

test_kandidaat_alleen_voor_een_passende_afzender if {
	ids(routes.kandidaten("art6_van")) == [] with input as wettelijk
		with data.kennisbank.routes as [testkit.route({"van": ["politie"]})] with data.kennisbank.routes_per_laag as testkit.per_laag([testkit.route({"van": ["politie"]})])
}

test_doel_past_bij_wettelijke_route if {
	routes.doel_past_op({"doelen": ["*"]}, wettelijk.doel, wettelijk.datum)
	routes.doel_past_op({"doelen": ["opsporing", "gevaar_afwenden"]}, wettelijk.doel, wettelijk.datum)
}

test_doel_past_niet_bij_ander_doel if {
	not routes.doel_past_op({"doelen": ["opsporing"]}, wettelijk.doel, wettelijk.datum)
}

test_doel_past_bij_route_van_het_eigen_uitgewerkte_convenant if {
	routes.doel_past_op({"convenant": "zvht", "doelen": ["zvh_casusoverleg"]}, testkit.zvh({}).doel, testkit.zvh({}).datum)
	routes.doel_past_op({"convenant": "zvht", "doelen": ["*"]}, testkit.zvh({}).doel, testkit.zvh({}).datum)
}

test_doel_past_niet_bij_route_van_een_convenant_buiten_de_vraag if {
	not routes.doel_past_op({"convenant": "zvht", "doelen": ["*"]}, wettelijk.doel, wettelijk.datum)
	not routes.doel_past_op({"convenant": "zvht", "doelen": ["zvh_screening"]}, testkit.zvh({}).doel, testkit.zvh({}).datum)
}

test_doel_past_niet_bij_een_convenant_dat_niet_is_uitgewerkt if {
	v := testkit.vraag({"doel": "ave_signaleren"})
	not routes.doel_past_op({"convenant": "ave", "doelen": ["*"]}, v.doel, v.datum)
		with data.kennisbank.convenanten.ave as testkit.ave_in_voorbereiding
}

test_gegevens_past if {
	routes.gegevens_past({}, "signaal")
	routes.gegevens_past({"gegevens": ["*"]}, "signaal")
	routes.gegevens_past({"gegevens": ["gezondheid", "signaal"]}, "signaal")
	not routes.gegevens_past({"gegevens": ["gezondheid"]}, "signaal")
}

# --- selectoren ---

test_selector_alle_organisaties if {
	partij_past(["*"], "ggz", "naar") with input as wettelijk
	not partij_past(["*"], "niet_deelnemer", "naar") with input as wettelijk
	not partij_past(["*"], "betrokkene", "naar") with input as wettelijk
	not partij_past(["*"], "overleg_deelnemers", "naar") with input as wettelijk
}

test_selector_partij_id if {
	partij_past(["om", "politie"], "politie", "naar") with input as wettelijk
	not partij_past(["politie"], "om", "naar") with input as wettelijk
}

test_selector_eigen_taak if {
	partij_past(["@taak"], "politie", "naar") with input as wettelijk
	not partij_past(["@taak"], "politie", "naar") with input as testkit.vraag({"doel": "huisuitzetting"})
}

test_selector_privaat_en_publiek if {
	partij_past(["@privaat"], "ggz", "van") with input as wettelijk
	not partij_past(["@privaat"], "gemeente_college", "van") with input as wettelijk
	not partij_past(["@privaat"], "niet_deelnemer", "van") with input as wettelijk
	partij_past(["@publiek"], "gemeente_college", "van") with input as wettelijk
	not partij_past(["@publiek"], "ggz", "van") with input as wettelijk
}

test_selector_beroepsgeheim if {
	partij_past(["@beroepsgeheim"], "huisarts", "van") with input as wettelijk
	not partij_past(["@beroepsgeheim"], "wijkteam", "van") with input as wettelijk
}

test_selector_bijzondere_wet if {
	partij_past(["@bijzondere_wet"], "politie", "van") with input as wettelijk
	partij_past(["@bijzondere_wet"], "om", "van") with input as wettelijk
	not partij_past(["@bijzondere_wet"], "wijkteam", "van") with input as wettelijk
}

test_selector_deelnemers if {
	partij_past(["@deelnemers"], "politie", "naar") with input as testkit.zvh({})
	partij_past(["@deelnemers"], "woningcorporatie", "naar") with input as testkit.zvh({"datum": "2024-06-01"})
	not partij_past(["@deelnemers"], "huisarts", "naar") with input as testkit.zvh({"datum": "2024-06-01"})
	not partij_past(["@deelnemers"], "politie", "naar") with input as wettelijk
}

# Een derde (WGS art. 2.31 lid 9-10) en een afzender die geen deelnemer is, laten de route toe; het kader
# maakt de cel onbepaald. Een pseudo-rol zonder rol in de casus niet.
test_selector_deelnemers_derde_en_afzender_buiten_de_kring if {
	partij_past(["@deelnemers"], "huisarts", "naar") with input as testkit.zvh({})
	partij_past(["@deelnemers"], "huisarts", "van") with input as testkit.zvh({"datum": "2024-06-01"})
	not partij_past(["@deelnemers"], "niet_deelnemer", "van") with input as testkit.zvh({})
	not partij_past(["@deelnemers"], "niet_deelnemer", "naar") with input as testkit.zvh({})
}

test_selector_wgs_deelnemers if {
	partij_past(["@wgs_deelnemers"], "politie", "naar") with input as testkit.zvh({})
	not partij_past(["@wgs_deelnemers"], "woningcorporatie", "naar") with input as testkit.zvh({})
	not partij_past(["@wgs_deelnemers"], "huisarts", "naar") with input as testkit.zvh({"feiten": {"deelnemer_naar": true}})
}

test_selector_combinatie_moet_helemaal_passen if {
	partij_past(["@deelnemers+@publiek"], "politie", "naar") with input as testkit.zvh({})
	not partij_past(["@deelnemers+@publiek"], "ggz", "naar") with input as testkit.zvh({})
	not partij_past(["@deelnemers+@publiek"], "huisarts", "naar") with input as testkit.zvh({})
	partij_past(["@deelnemers+@publiek"], "leerplicht", "naar") with input as testkit.zvh({})
}

# De selectoren lezen de vraag niet zelf: partij geeft hun doel, afzender en deelname als argument, zodat de
# engine hun uitkomst over vragen heen kan bewaren (library/gedeeldecache.go).
test_selectoren_zonder_vraag if {
	deelnemer := {"id": "politie", "rol": "naar", "doel": "zvh_casusoverleg", "van": "wijkteam", "deelname": "ja", "wgs": true}
	routes.selectie_past(["@deelnemers"], deelnemer)
	routes.selectie_past(["@wgs_deelnemers+@publiek"], deelnemer)
	not routes.selectie_past(["@deelnemers"], object.union(deelnemer, {"deelname": "nee"}))
	routes.selectie_past(["@deelnemers"], object.union(deelnemer, {"deelname": "nee", "rol": "van"}))
	not routes.selectie_past(["@wgs_deelnemers"], object.union(deelnemer, {"wgs": false}))
	routes.selectie_past(["@taak"], object.union(deelnemer, {"doel": "opsporing"}))
	not routes.selectie_past(["@taak"], object.union(deelnemer, {"doel": "huisuitzetting"}))
	routes.selectie_past(["@zelfde_organisatie"], {"id": "leerplicht", "rol": "naar", "van": "wijkteam"})
	not routes.selectie_past(["@zelfde_organisatie"], {"id": "politie", "rol": "naar", "van": "wijkteam"})
}

# Een partij die de kennisbank niet kent, heeft geen deelname en is geen Wgs-deelnemer.
test_partij_buiten_de_kennisbank if {
	p := routes.partij("onbekende_partij", "naar") with input as testkit.zvh({})
	p.deelname == "onbekend_in_kennisbank"
	p.wgs == false
	not partij_past(["@deelnemers"], "onbekende_partij", "naar") with input as testkit.zvh({})
}

test_onbekende_selector_past_niet if {
	not partij_past(["@onbekend"], "politie", "naar") with input as testkit.zvh({})
}

# --- status van een route ---

acuut := testkit.route({"feiten": {"acuut_gevaar": true}})

met_toestemming := testkit.route({"handelingen": [toestemming]})

test_status_geldt_als_de_toestand_geldt if {
	routes.status(acuut) == "geldt" with input as testkit.wettelijk({"feiten": {"acuut_gevaar": true}})
}

test_status_gesloten_als_de_toestand_anders_is if {
	routes.status(acuut) == "gesloten" with input as testkit.wettelijk({"feiten": {"acuut_gevaar": false}})
}

test_status_onbekend_als_de_toestand_ontbreekt if {
	routes.status(acuut) == "onbekend" with input as wettelijk
	routes.ontbrekend(acuut) == {"acuut_gevaar"} with input as wettelijk
}

test_status_geldt_als_de_handeling_nog_kan if {
	routes.status(met_toestemming) == "geldt" with input as wettelijk
	routes.status(met_toestemming) == "geldt" with input as testkit.wettelijk({"feiten": {"toestemming": "gegeven"}})
}

test_status_gesloten_als_de_handeling_niet_is_gedaan if {
	routes.status(met_toestemming) == "gesloten" with input as testkit.wettelijk({"feiten": {"toestemming": "geweigerd"}})
	routes.status(met_toestemming) == "gesloten" with input as testkit.wettelijk({"feiten": {"toestemming": "niet_gevraagd"}})
}

# --- voorwaarden uit handelingen ---

test_open_handeling_wordt_voorwaarde if {
	routes.extra_voorwaarden(met_toestemming) == {"toestemming_expliciet"} with input as wettelijk
}

test_gedane_handeling_geeft_geen_voorwaarde if {
	routes.extra_voorwaarden(met_toestemming) == set() with input as testkit.wettelijk({"feiten": {"toestemming": "gegeven", "leeftijd": 40}})
}

test_minderjarige_toestemming if {
	routes.extra_voorwaarden(met_toestemming) == {"toestemming_minderjarige"} with input as testkit.wettelijk({"feiten": {"toestemming": "gegeven", "leeftijd": 14}})
	routes.extra_voorwaarden(met_toestemming) == {"toestemming_expliciet", "toestemming_minderjarige"} with input as testkit.wettelijk({"feiten": {"leeftijd": 17}})
}

test_geen_minderjarige_toestemming_bij_weigering if {
	routes.extra_voorwaarden(met_toestemming) == set() with input as testkit.wettelijk({"feiten": {"toestemming": "geweigerd", "leeftijd": 14}})
}

test_meerderjarig_vanaf_18 if {
	routes.minderjarig with input as testkit.wettelijk({"feiten": {"leeftijd": 17}})
	not routes.minderjarig with input as testkit.wettelijk({"feiten": {"leeftijd": 18}})
}

# Contract §5 en brief §5: zonder leeftijd is betrokkene volwassen.
test_onbekende_leeftijd_is_niet_minderjarig if {
	not routes.minderjarig with input as testkit.wettelijk({})
	routes.extra_voorwaarden(met_toestemming) == {"toestemming_expliciet"} with input as testkit.wettelijk({})
}

test_herstel_noemt_toestanden_en_handelingen if {
	routes.herstel(testkit.route({"feiten": {"ots": true}, "handelingen": [toestemming]})) == {"ots": true, "toestemming": "gegeven"}
	routes.herstel(testkit.route({})) == {}
}

# --- eigen grondslagen ---

test_eigen_partij if {
	routes.eigen_partij("art6_naar", "politie", "wijkteam") == "politie"
	routes.eigen_partij("art6_van", "politie", "wijkteam") == "wijkteam"
	routes.eigen_partij("art9", "politie", "wijkteam") == "wijkteam"
}

test_eigen_grondslagen_van_de_taak if {
	routes.eigen_grondslagen({"eigen_grondslag": true}, "art6_van", "politie", "wijkteam", wettelijk.datum) == ["avg_6_1_e", "wmo_5_1_1", "jeugdwet_7_4_0_1"]
	routes.eigen_grondslagen({"eigen_grondslag": true}, "art6_naar", "politie", "wijkteam", wettelijk.datum) == ["politiewet_3"]
	routes.eigen_grondslagen({}, "art6_van", "politie", "wijkteam", wettelijk.datum) == []
}

# Alleen de eigen grondslagen die op de dag gelden: vóór 25 mei 2018 geen AVG.
test_eigen_grondslagen_op_de_dag if {
	not "avg_6_1_e" in routes.eigen_grondslagen({"eigen_grondslag": true}, "art6_van", "politie", "wijkteam", "2018-05-24")
	"avg_6_1_e" in routes.eigen_grondslagen({"eigen_grondslag": true}, "art6_van", "politie", "wijkteam", "2018-05-25")
}

# --- een route voor een cel: eigen grondslagen, categorie en ontvanger ---

test_route_voegt_eigen_grondslagen_toe_zonder_dubbele if {
	r := testkit.route({"grondslagen": ["avg_6_1_c", "avg_6_1_e"], "eigen_grondslag": true, "voorwaarden": ["noodzaak"], "handelingen": [toestemming]})
	u := uitkomst([r])
	u.status == "route"
	u.grondslagen == ["avg_6_1_c", "avg_6_1_e", "wmo_5_1_1", "jeugdwet_7_4_0_1"]
	u.voorwaarden == ["noodzaak", "toestemming_expliciet"]
}

test_route_niet_voor_andere_gegevens if {
	uitkomst([testkit.route({"gegevens": ["gezondheid"]})]).status == "geen_route"
}

test_route_niet_voor_een_andere_ontvanger if {
	uitkomst([testkit.route({"naar": ["om"]})]).status == "geen_route"
}

test_route_niet_zonder_eigen_grondslag if {
	# Justid heeft geen eigen taakgrondslag: een route op de eigen taak past dan niet.
	u := routes.uitkomst("art6_naar", "justid", "signaal", []) with input as object.union(wettelijk, {"naar": ["justid"]})
		with data.kennisbank.routes as [testkit.route({"lagen": ["art6_naar"], "grondslagen": [], "eigen_grondslag": true})] with data.kennisbank.routes_per_laag as testkit.per_laag([testkit.route({"lagen": ["art6_naar"], "grondslagen": [], "eigen_grondslag": true})])
	u.status == "geen_route"
}

# Cellen met dezelfde klasse delen één berekening; de uitkomst zelf draagt toch haar eigen cel.
test_cellen_van_een_klasse_delen_de_uitkomst if {
	invoer := object.union(wettelijk, {"naar": ["om", "rvdk"], "gegevens": ["signaal", "financieel"]})
	rs := [testkit.route({"naar": ["om", "rvdk"], "gegevens": ["signaal", "financieel"]})]
	count(klassen("art6_van")) == 1 with input as invoer with data.kennisbank.routes as rs with data.kennisbank.routes_per_laag as testkit.per_laag(rs)
	u := routes.uitkomst("art6_van", "rvdk", "financieel", []) with input as invoer with data.kennisbank.routes as rs with data.kennisbank.routes_per_laag as testkit.per_laag(rs)
	u.id == "r_test"
}

test_cellen_van_verschillende_klassen if {
	invoer := object.union(wettelijk, {"naar": ["om", "rvdk"], "gegevens": ["signaal", "financieel"]})
	rs := [testkit.route({"naar": ["om"], "gegevens": ["signaal"]})]
	count(klassen("art6_van")) == 4 with input as invoer with data.kennisbank.routes as rs with data.kennisbank.routes_per_laag as testkit.per_laag(rs)
}

# klassen(laag): de klassen (ontvanger, categorie) onder de cellen van de vraag.
klassen(laag) := {[routes.naar_klasse(laag, r), routes.klasse_gegevens(laag, c)] | some [r, c] in kader.cellen}

# --- kiezen tussen routes ---

uitkomst(rs) := uitkomst_bij(rs, wettelijk)

uitkomst_bij(rs, invoer) := u if {
	u := routes.uitkomst("art6_van", "politie", "signaal", ["avg_6_3"]) with input as invoer
		with data.kennisbank.routes as rs with data.kennisbank.routes_per_laag as testkit.per_laag(rs)
}

gekozen(rs) := uitkomst(rs).id

test_uitkomst_met_een_geldende_route if {
	uitkomst([testkit.route({"voorwaarden": ["noodzaak"]})]) == {
		"soort": "laag",
		"laag": "art6_van",
		"status": "route",
		"id": "r_test",
		"titel": "Testroute",
		"tekst": "Een route voor de test.",
		"oordeel": "toegestaan_onder_voorwaarden",
		"zekerheid": "middel",
		"voorwaarden": ["noodzaak"],
		"grondslagen": ["avg_6_1_e"],
		"ontbrekende_feiten": [],
		"herstel": [],
	}
}

test_beste_route_mildste_oordeel if {
	gekozen([
		testkit.route({"id": "a_voorwaarden", "zekerheid": "hoog"}),
		testkit.route({"id": "b_plicht", "oordeel": "toegestaan", "zekerheid": "laag"}),
	]) == "b_plicht"
}

test_beste_route_dan_hoogste_zekerheid if {
	gekozen([
		testkit.route({"id": "a_middel", "zekerheid": "middel"}),
		testkit.route({"id": "b_hoog", "zekerheid": "hoog", "voorwaarden": ["noodzaak", "minimaal"]}),
	]) == "b_hoog"
}

test_beste_route_dan_zonder_open_handeling if {
	# Gelijke zekerheid: de wettelijke route gaat voor toestemming die nog gevraagd moet worden.
	gekozen([
		testkit.route({"id": "a_toestemming", "handelingen": [toestemming]}),
		testkit.route({"id": "b_wet", "voorwaarden": ["noodzaak", "minimaal"]}),
	]) == "b_wet"
}

test_beste_route_dan_kortste_checklist if {
	gekozen([
		testkit.route({"id": "a_lang", "voorwaarden": ["noodzaak", "minimaal"]}),
		testkit.route({"id": "b_kort", "voorwaarden": ["noodzaak"]}),
	]) == "b_kort"
}

test_beste_route_bij_gelijkspel_de_laagste_id if {
	gekozen([testkit.route({"id": "b_route"}), testkit.route({"id": "a_route"})]) == "a_route"
}

test_geldende_route_gaat_voor_onbekende if {
	u := uitkomst([
		testkit.route({"id": "a_plicht_bij_ots", "oordeel": "toegestaan", "feiten": {"ots": true}}),
		testkit.route({"id": "b_geldt"}),
	])
	u.id == "b_geldt"
	u.herstel == [{"ots": true}]
}

test_uitkomst_onbekend if {
	uitkomst_bij(
		[
			testkit.route({"id": "a", "feiten": {"acuut_gevaar": true}}),
			testkit.route({"id": "b", "feiten": {"ots": true}}),
			testkit.route({"id": "c", "handelingen": [toestemming]}),
		],
		testkit.wettelijk({"gegevens": ["signaal"], "feiten": {"toestemming": "geweigerd"}}),
	) == {
		"soort": "laag",
		"laag": "art6_van",
		"status": "onbekend",
		"id": "onbekend_art6_van",
		"titel": "AVG art. 6 afzender",
		"tekst": "AVG art. 6 afzender: de route hangt af van een feit dat niet is opgegeven (acuut_gevaar, ots).",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"voorwaarden": [],
		"grondslagen": [],
		"ontbrekende_feiten": ["acuut_gevaar", "ots"],
		"herstel": [{"acuut_gevaar": true}, {"ots": true}],
	}
}

test_uitkomst_zonder_route if {
	rs := [
		testkit.route({"id": "b_acuut", "feiten": {"acuut_gevaar": true}, "van": ["huisarts"]}),
		testkit.route({"id": "a_toestemming", "handelingen": [toestemming]}),
		testkit.route({"id": "c_acuut", "feiten": {"acuut_gevaar": true}}),
	]
	routes.uitkomst("art6_van", "politie", "signaal", ["avg_6_3"]) == {
		"soort": "laag",
		"laag": "art6_van",
		"status": "geen_route",
		"id": "geen_route_art6_van",
		"titel": "AVG art. 6 afzender",
		"tekst": "De afzender heeft voor deze verstrekking geen grondslag in AVG art. 6; de eigen taak dekt dit doel niet.",
		"oordeel": "niet_toegestaan",
		"zekerheid": "middel",
		"voorwaarden": [],
		"grondslagen": ["avg_6_3"],
		"ontbrekende_feiten": [],
		"gesloten_routes": ["a_toestemming", "c_acuut"],
		"herstel": [{"toestemming": "gegeven"}, {"acuut_gevaar": true}],
	} with input as testkit.wettelijk({"gegevens": ["signaal"], "feiten": {"toestemming": "geweigerd", "acuut_gevaar": false}})
		with data.kennisbank.routes as rs with data.kennisbank.routes_per_laag as testkit.per_laag(rs)
}

test_uitkomst_zonder_kandidaten if {
	u := uitkomst([])
	u.status == "geen_route"
	u.gesloten_routes == []
	u.herstel == []
}

# Leeftijdsgrenzen voor toestemming (feiten.yaml): wie geldig toestemming geeft.
minderjarige_ggz(leeftijd, door) := testkit.vraag({
	"van": "ggz", "naar": ["politie"], "gegevens": ["gezondheid"], "doel": "gevaar_afwenden",
	"feiten": {"toestemming": "gegeven", "toestemming_door": door, "leeftijd": leeftijd, "acuut_gevaar": false},
})

toestemming_geheim := [r | some r in data.kennisbank.routes; r.id == "toestemming_geheim"][0]

test_toestemming_van_het_kind_onder_12_is_niet_geldig if {
	routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(10, "betrokkene")
}

test_toestemming_van_de_ouders_onder_12_is_geldig if {
	not routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(10, "ouders")
}

test_van_12_tot_16_kind_en_ouders_samen if {
	routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(14, "ouders")
	routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(14, "betrokkene")
	not routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(14, "beide")
}

test_vanaf_16_het_kind_zelf if {
	not routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(16, "betrokkene")
	routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(16, "ouders")
}

test_zonder_leeftijd_of_toestemming_door_geen_leeftijdstoets if {
	zonder_leeftijd := testkit.vraag({"van": "ggz", "naar": ["politie"], "gegevens": ["gezondheid"], "feiten": {"toestemming": "gegeven", "toestemming_door": "betrokkene"}})
	not routes.gesloten(toestemming_geheim) with input as zonder_leeftijd
	zonder_door := testkit.vraag({"van": "ggz", "naar": ["politie"], "gegevens": ["gezondheid"], "feiten": {"toestemming": "gegeven", "leeftijd": 10}})
	not routes.gesloten(toestemming_geheim) with input as zonder_door
}

# "!a" past als a niet past: houders van een beroepsgeheim vallen buiten de WGS-verstrekkingsplicht (art. 2.29 lid 2).
test_selector_niet if {
	partij_past(["@wgs_deelnemers+!@beroepsgeheim"], "politie", "van") with input as testkit.zvh({})
	not partij_past(["@wgs_deelnemers+!@beroepsgeheim"], "ggz", "van") with input as testkit.zvh({})
	partij_past(["!@beroepsgeheim"], "wijkteam", "van") with input as wettelijk
}

# Op de grens zelf: wie toestemt, wisselt precies op 12 en op 16 jaar (de routes vergelijken de leeftijd via
# vraag.leeftijdsklasse), niet een jaar eerder of later.
test_toestemming_wisselt_precies_op_de_leeftijdsgrens if {
	not routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(11, "ouders")
	routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(12, "ouders")
	routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(15, "betrokkene")
	not routes.gesloten(toestemming_geheim) with input as minderjarige_ggz(16, "betrokkene")
}

package magikdelen.doelbinding_test

import data.magikdelen.doelbinding
import data.magikdelen.testkit

eurlex := "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679"

# Gegevens uit het ZVH-casusoverleg die de woningcorporatie wil gebruiken voor een huisuitzetting.
hergebruik(feiten) := testkit.vraag({
	"naar": ["woningcorporatie"],
	"gegevens": ["signaal"],
	"doel": "huisuitzetting",
	"feiten": object.union({"verkregen_voor": "zvh_casusoverleg"}, feiten),
})

test_oorsprong_is_het_feit_verkregen_voor if {
	doelbinding.oorsprong == "zvh_casusoverleg" with input as hergebruik({})
}

test_verenigbaar_met_hetzelfde_doel if {
	doelbinding.verenigbaar with input as testkit.zvh({"feiten": {"verkregen_voor": "zvh_casusoverleg"}})
}

test_verenigbaar_volgens_de_kennisbank if {
	doelbinding.verenigbaar with input as testkit.zvh({"feiten": {"verkregen_voor": "zvh_aanmelding"}})
}

test_niet_verenigbaar_met_een_ander_doel if {
	not doelbinding.verenigbaar with input as hergebruik({})
}

test_niet_verenigbaar_terug_in_de_keten if {
	# zvh_evaluatie is met niets verenigbaar: evaluatiegegevens gaan niet terug naar het casusoverleg.
	not doelbinding.verenigbaar with input as testkit.zvh({"feiten": {"verkregen_voor": "zvh_evaluatie"}})
}

test_doelverschuiving if {
	doelbinding.blokkades == {{
		"soort": "blokkade",
		"id": "doelverschuiving",
		"titel": "Doelverschuiving",
		"oordeel": "niet_toegestaan",
		"zekerheid": "middel",
		"grondslagen": ["avg_5_1_b", "avg_6_4"],
		"bronnen": [eurlex],
		"tekst": "De gegevens zijn verkregen voor Casusoverleg (MDO); gebruik voor Huisuitzetting is een ander, onverenigbaar doel, en geen wettelijke route staat deze verstrekking toe.",
		"naar": "woningcorporatie",
		"gegevens": "signaal",
		"ontbrekende_feiten": [],
		"herstel": {},
	}} with input as hergebruik({})
}

test_doelverschuiving_zonder_acuut_gevaar if {
	{b.id | some b in doelbinding.blokkades} == {"doelverschuiving"} with input as hergebruik({"acuut_gevaar": false})
}

test_doelverschuiving_bij_acuut_gevaar_is_aan_de_fg if {
	doelbinding.blokkades == {{
		"soort": "blokkade",
		"id": "doelverschuiving_acuut_gevaar",
		"titel": "Doelverschuiving bij acuut gevaar",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"grondslagen": ["avg_6_4", "avg_23_1"],
		"bronnen": [eurlex],
		"tekst": "De gegevens zijn verkregen voor Casusoverleg (MDO); of gebruik voor Huisuitzetting bij acuut gevaar verenigbaar is, moet de FG wegen.",
		"naar": "woningcorporatie",
		"gegevens": "signaal",
		"ontbrekende_feiten": [],
		"herstel": {},
	}} with input as hergebruik({"acuut_gevaar": true})
}

test_doelverschuiving_per_cel if {
	{[b.naar, b.gegevens] | some b in doelbinding.blokkades} == {
		["woningcorporatie", "signaal"], ["woningcorporatie", "huisvesting"],
		["politie", "signaal"], ["politie", "huisvesting"],
	} with input as testkit.vraag({
		"naar": ["woningcorporatie", "politie"],
		"gegevens": ["signaal", "huisvesting"],
		"doel": "huisuitzetting",
		"feiten": {"verkregen_voor": "vss_signaal"},
	})
}

test_geen_doelverschuiving_zonder_oorsprong if {
	doelbinding.blokkades == set() with input as testkit.vraag({"naar": ["woningcorporatie"], "doel": "huisuitzetting"})
}

test_geen_doelverschuiving_bij_verenigbaar_doel if {
	doelbinding.blokkades == set() with input as testkit.vraag({"doel": "zvh_uitvoering", "feiten": {"verkregen_voor": "zvh_casusoverleg"}})
}

test_geen_doelverschuiving_acuut_gevaar_bij_verenigbaar_doel if {
	doelbinding.blokkades == set() with input as testkit.zvh({"feiten": {"verkregen_voor": "zvh_casusoverleg", "acuut_gevaar": true}})
}

# --- hergebruik binnen het college (Wmo 2015 art. 5.1.1 lid 4, Wgs art. 8d) ---

# De schuldhulpverlener (Wgs) geeft gegevens aan het wijkteam voor AVE-hulp (Wmo).
wgs_naar_wmo(feiten) := testkit.vraag({
	"van": "schuldhulpverlener",
	"naar": ["wijkteam"],
	"gegevens": ["financieel"],
	"doel": "ave_hulp",
	"feiten": feiten,
})

test_herkomst_uit_de_functie_van_de_afzender if {
	doelbinding.oorsprong_wetten == {"wgs"} with input as wgs_naar_wmo({})
	doelbinding.doel_wetten == {"wmo"} with input as wgs_naar_wmo({})
	{h.id | some h in doelbinding.regelingen} == {"wmo_hergebruik_met_toestemming"} with input as wgs_naar_wmo({})
}

test_herkomst_uit_verkregen_voor_gaat_voor if {
	doelbinding.oorsprong_wetten == {"jeugdwet"} with input as wgs_naar_wmo({"verkregen_voor": "vsj_duiden"})
	{h.id | some h in doelbinding.regelingen} == {"wmo_hergebruik_met_toestemming"} with input as wgs_naar_wmo({"verkregen_voor": "vsj_duiden"})
}

# Het wijkteam werkt voor Wmo én Jeugdwet: zonder verkregen_voor is de herkomst niet te bepalen.
test_geen_regeling_als_de_herkomst_onbepaald_is if {
	count(doelbinding.regelingen) == 0 with input as wgs_naar_wmo({}) with input.van as "wijkteam"
}

# Wmo-gegevens voor de Wmo: geen hergebruik.
test_geen_regeling_binnen_dezelfde_wet if {
	count(doelbinding.regelingen) == 0 with input as wgs_naar_wmo({"verkregen_voor": "wmo_ondersteuning"})
}

# Buiten het college (de GGZ hoort er niet bij) geldt de regel niet.
test_geen_regeling_buiten_de_organisatie if {
	count(doelbinding.regelingen) == 0 with input as wgs_naar_wmo({"verkregen_voor": "vss_schuldhulp"}) with input.van as "ggz"
}

test_hergebruik_geweigerd_is_niet_toegestaan if {
	{[b.id, b.oordeel, b.zekerheid, b.grondslagen] | some b in doelbinding.blokkades} == {[
		"hergebruik_niet_toegestaan", "niet_toegestaan", "hoog", ["wmo_5_1_1_4"],
	]} with input as wgs_naar_wmo({"toestemming": "geweigerd"})
}

test_hergebruik_met_toestemming_is_een_schakel if {
	{[u.id, u.oordeel, u.voorwaarden] | some u in doelbinding.uitkomst.wijkteam.financieel} == {[
		"wmo_hergebruik_met_toestemming", "toegestaan_onder_voorwaarden", [],
	]} with input as wgs_naar_wmo({"toestemming": "gegeven"})
	doelbinding.blokkades == set() with input as wgs_naar_wmo({"toestemming": "gegeven"})
}

# Nog niet gevraagd is een handeling die de professional kan doen: een voorwaarde, geen nee.
test_hergebruik_zonder_bekende_toestemming_is_een_voorwaarde if {
	{u.voorwaarden | some u in doelbinding.uitkomst.wijkteam.financieel} == {["toestemming_expliciet"]} with input as wgs_naar_wmo({})
	doelbinding.blokkades == set() with input as wgs_naar_wmo({})
}

# De regel gaat voor de algemene toets: ook een onverenigbaar oorspronkelijk doel blokkeert niet als er
# toestemming is.
test_hergebruikregel_gaat_voor_de_algemene_toets if {
	not doelbinding.verenigbaar with input as wgs_naar_wmo({"verkregen_voor": "vss_schuldhulp", "toestemming": "gegeven"})
	doelbinding.blokkades == set() with input as wgs_naar_wmo({"verkregen_voor": "vss_schuldhulp", "toestemming": "gegeven"})
}

# Wgs art. 8d: de andere kant op mag zonder toestemming.
test_wgs_8d_zonder_toestemming if {
	invoer := testkit.vraag({"van": "wijkteam", "naar": ["schuldhulpverlener"], "gegevens": ["financieel"], "doel": "vss_schuldhulp", "feiten": {"verkregen_voor": "ave_hulp", "toestemming": "geweigerd"}})
	{[u.id, u.oordeel, u.grondslagen] | some u in doelbinding.uitkomst.schuldhulpverlener.financieel} == {[
		"wgs_hergebruik_sociaal_domein", "toegestaan_onder_voorwaarden", ["wet_schuldhulpverlening_8d"],
	]} with input as invoer
	doelbinding.blokkades == set() with input as invoer
}

# De regel geldt niet vóór haar grondslag (de Wgs-wijziging); dan telt de algemene toets.
test_hergebruikregel_alleen_binnen_haar_geldigheid if {
	count(doelbinding.regelingen) == 0 with input as wgs_naar_wmo({"verkregen_voor": "vss_schuldhulp"})
		with data.kennisbank.hergebruik as [object.union(testkit.kb_hergebruik("wmo_hergebruik_met_toestemming"), {"geldig_vanaf": "2030-01-01"})]
		with data.kennisbank.datumgrenzen as testkit.grenzen_met(["2030-01-01"])
}

# --- een wettelijke route heft de verenigbaarheidstoets op (AVG art. 6 lid 4: een wettelijke regeling) ---

# Politiegegevens die voor de politietaak zijn verkregen, gaan langs Wpg art. 20 lid 3 naar het ZVH.
test_wpg_route_is_geen_doelverschuiving if {
	invoer := testkit.zvh({"van": "politie", "naar": ["wijkteam"], "gegevens": ["politiegegevens"], "feiten": {"verkregen_voor": "opsporing"}})
	doelbinding.wettelijk_verder("wijkteam", "politiegegevens") with input as invoer
	doelbinding.blokkades == set() with input as invoer
}

# Dezelfde gegevens zonder wettelijke route (de burgemeester is geen route voor een huisuitzetting): wel.
test_zonder_wettelijke_route_wel_doelverschuiving if {
	invoer := testkit.vraag({"van": "politie", "naar": ["woningcorporatie"], "gegevens": ["politiegegevens"], "doel": "huisuitzetting", "feiten": {"verkregen_voor": "politietaak"}})
	not doelbinding.wettelijk_verder("woningcorporatie", "politiegegevens") with input as invoer
	{b.id | some b in doelbinding.blokkades} == {"doelverschuiving"} with input as invoer
}

# Een gesloten doel (het Wgs-signaal) blijft strikt doelgebonden, ook langs de WGS-verstrekkingsplicht; die
# doelverschuiving is zeker.
test_gesloten_oorsprong_blijft_doelgebonden if {
	invoer := testkit.zvh({"van": "gemeente_college", "naar": ["politie"], "gegevens": ["financieel"], "feiten": {"verkregen_voor": "vss_signaal"}})
	not doelbinding.wettelijk_verder("politie", "financieel") with input as invoer
	{[b.id, b.zekerheid] | some b in doelbinding.blokkades} == {["doelverschuiving", "hoog"]} with input as invoer
}

test_verdere_verwerking_op_de_laag_of_de_route if {
	doelbinding.verdere_verwerking("regime", "wpg_incidenteel")
	doelbinding.verdere_verwerking("geheim", "conflict_van_plichten")
	not doelbinding.verdere_verwerking("art6_van", "eigen_taak_afzender")
}

# actief: een cel zoekt de doelbinding alleen op als er een oorspronkelijk doel of een regeling is; dan zegt
# zij per cel wat de regels zeggen, anders niets.
test_actief_met_een_oorspronkelijk_doel if {
	doelbinding.actief with input as hergebruik({})
	[b.id | some b in doelbinding.blokkaden("woningcorporatie", "signaal")] == ["doelverschuiving"] with input as hergebruik({})
	doelbinding.uitkomsten("woningcorporatie", "signaal") == [] with input as hergebruik({})
}

test_actief_met_een_regeling_zonder_oorspronkelijk_doel if {
	doelbinding.actief with input as wgs_naar_wmo({})
	[u.id | some u in doelbinding.uitkomsten("wijkteam", "financieel")] == ["wmo_hergebruik_met_toestemming"] with input as wgs_naar_wmo({})
	doelbinding.blokkaden("wijkteam", "financieel") == [] with input as wgs_naar_wmo({})
}

test_niet_actief_zonder_oorspronkelijk_doel_en_regeling if {
	not doelbinding.actief with input as testkit.zvh({})
	doelbinding.blokkaden("zvh_procesregisseur", "signaal") == [] with input as testkit.zvh({})
	doelbinding.uitkomsten("zvh_procesregisseur", "signaal") == [] with input as testkit.zvh({})
}

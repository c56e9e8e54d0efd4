package magikdelen.lint_test

import data.magikdelen.lint

# cel: een matrixcel zoals Go haar doorgeeft; de velden van wijziging vervangen die van de standaardcel.
cel(wijziging) := object.union(object.remove(standaardcel, object.keys(wijziging)), wijziging)

standaardcel := {
	"doel": "vss_signaal",
	"van": "woningcorporatie",
	"naar": "gemeente_college",
	"gegevens": "identificerend",
	"oordeel": "toegestaan",
	"zekerheid": "hoog",
	"grondslagen": [],
	"voorwaarden": [],
	"ontbrekende_feiten": [],
	"redenen": ["wgs_signaal_betalingsachterstand"],
	"lagen": {"art6_van": "wgs_signaal_betalingsachterstand", "art6_naar": "wgs_signaal_betalingsachterstand"},
}

cellen(cs) := {"controle": "cellen", "convenant": "vroegsignalering_schulden", "cellen": cs}

kort(bs) := {[b.id, b.ernst, b.cel, b.bericht] | some b in bs}

ids(bs) := {b.id | some b in bs}

test_een_beantwoorde_cel_is_geen_bevinding if {
	lint.bevindingen == set() with input as cellen([cel({})])
}

test_gat_onbepaald_zonder_reden_en_zonder_feit if {
	kort(lint.bevindingen) == {["gat", "waarschuwing", 1, "doel Signaal betalingsachterstand: geen regel beantwoordt deze delingen"]} with input as cellen([
		cel({}),
		cel({"oordeel": "onbepaald", "redenen": null, "lagen": null}),
	])
}

test_geen_gat_met_een_reden_of_een_ontbrekend_feit if {
	lint.bevindingen == set() with input as cellen([
		cel({"oordeel": "onbepaald", "redenen": ["afzender_geen_deelnemer"]}),
		cel({"oordeel": "onbepaald", "redenen": [], "ontbrekende_feiten": ["toestemming"]}),
		cel({"oordeel": "niet_toegestaan", "redenen": []}),
	])
}

test_botsing_per_paar_met_zijn_plek if {
	bs := lint.bevindingen with input as cellen([cel({"oordeel": "niet_toegestaan", "botsingen": ["gegevens_buiten_doel/wet_schuldhulpverlening_bsn", "zonder_schuine_streep"]})])
	{[b.bericht, b.volgorde] | some b in bs} == {
		["doel Signaal betalingsachterstand: route wet_schuldhulpverlening_bsn (toegestaan) en blokkade gegevens_buiten_doel passen allebei; het strengste oordeel geldt", [2, 0]],
		["doel Signaal betalingsachterstand: route  (toegestaan) en blokkade zonder_schuine_streep passen allebei; het strengste oordeel geldt", [2, 1]],
	}
}

test_geen_botsing_zonder_botsingen if {
	lint.bevindingen == set() with input as cellen([cel({"oordeel": "niet_toegestaan", "botsingen": null}), cel({"oordeel": "niet_toegestaan", "botsingen": []})])
}

test_bijzonder_zonder_route_in_de_laag_en_zonder_regime if {
	bs := lint.bevindingen with input as cellen([cel({"gegevens": "gezondheid"})])
	kort(bs) == {["bijzonder_zonder_uitzondering", "waarschuwing", 0, "doel Signaal betalingsachterstand: art9-gegevens mogen worden gedeeld zonder route in die laag en zonder route van een gesloten regime"]}
}

# Eén kant van de klasse met een route is genoeg; geen_route_art9_naar telt niet als route.
test_bijzonder_met_een_route_aan_een_kant if {
	lint.bevindingen == set() with input as cellen([cel({"gegevens": "gezondheid", "lagen": {"art9_van": "geen_route_art9_van", "art9_naar": "wgs_gezondheid"}})])
}

test_bijzonder_met_een_gesloten_regime if {
	lint.bevindingen == set() with input as cellen([cel({"gegevens": "strafrechtelijk", "lagen": {"regime": "wpg_20_3"}})])
	ids(lint.bevindingen) == {"bijzonder_zonder_uitzondering"} with input as cellen([cel({"gegevens": "strafrechtelijk", "lagen": {"regime": "geen_route_regime", "art10_van": "geen_route_art10_van"}})])
}

test_bijzonder_alleen_als_de_deling_mag if {
	lint.bevindingen == set() with input as cellen([cel({"gegevens": "gezondheid", "oordeel": "niet_toegestaan"})])
	lint.bevindingen == set() with input as cellen([cel({"gegevens": "gezondheid", "oordeel": "onbekend_oordeel"})])
}

# Een klasse die de kennisbank niet bijzonder noemt, geeft geen bevinding: dat staat in gegevens.yaml.
test_bijzonder_volgt_de_klassen_van_de_kennisbank if {
	lint.bevindingen == set() with input as cellen([cel({"gegevens": "gezondheid"})]) with data.kennisbank.klassen.art9.bijzonder as false
}

verlopen(cs) := {"controle": "verlopen", "convenant": "vroegsignalering_schulden", "tot": "2025-12-31", "cellen": cs}

test_verlopen_convenant_dat_nog_via_eigen_route_toestaat if {
	kort(lint.bevindingen) == {["verlopen_convenant_toegestaan", "fout", 0, "Vroegsignalering schulden (Wgs) is op 2025-12-31 verlopen, maar doel vss_signaal geeft nog toegestaan via convenantroute wgs_signaal_betalingsachterstand"]} with input as verlopen([cel({})])
}

test_verlopen_convenant_zonder_eigen_route_of_zonder_toestemming if {
	lint.bevindingen == set() with input as verlopen([
		cel({"lagen": {"art6_van": "eigen_taak_afzender"}}),
		cel({"oordeel": "niet_toegestaan"}),
		cel({"oordeel": "onbepaald", "lagen": null}),
		cel({"lagen": null}),
	])
}

# Met twee eigen routes noemt de bevinding de eerste op id, niet een toevallige.
test_verlopen_kiest_de_route_vast if {
	bs := lint.bevindingen with input as verlopen([cel({"lagen": {"art6_van": "wgs_signaal_betalingsachterstand", "art6_naar": "wgs_bsn_schuldhulpverlening"}})])
		with data.kennisbank.convenanten.vroegsignalering_schulden.routes as [{"id": "wgs_signaal_betalingsachterstand"}, {"id": "wgs_bsn_schuldhulpverlening"}]
	{b.groep | some b in bs} == {"verlopen_convenant_toegestaan|vss_signaal|wgs_bsn_schuldhulpverlening"}
}

test_vertrokken_deelnemer_die_nog_deelt if {
	kort(lint.bevindingen) == {["vertrokken_deelnemer_toegestaan", "fout", 0, "Woningcorporatie doet sinds 2026-01-01 niet meer mee aan Vroegsignalering schulden (Wgs), maar doel vss_signaal geeft nog toegestaan via convenantroute wgs_signaal_betalingsachterstand"]} with input as {
		"controle": "vertrokken", "convenant": "vroegsignalering_schulden", "partij": "woningcorporatie", "dag": "2026-01-01",
		"cellen": [cel({})],
	}
}

# De controles zijn gescheiden: de cellen van de ene geven geen bevindingen van de andere.
test_elke_controle_alleen_haar_eigen_regels if {
	ids(lint.bevindingen) == {"gat"} with input as cellen([cel({"oordeel": "onbepaald", "redenen": [], "lagen": {}})])
	lint.bevindingen == set() with input as verlopen([cel({"oordeel": "onbepaald", "redenen": [], "lagen": {}})])
	lint.bevindingen == set() with input as {"controle": "anders", "convenant": "vroegsignalering_schulden", "cellen": [cel({"oordeel": "onbepaald", "redenen": []})]}
}

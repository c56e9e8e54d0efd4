package magikdelen.lagen.geheim_test

import data.magikdelen.lagen.geheim
import data.magikdelen.testkit

ggz_aan_politie(datum, feiten) := testkit.zvh({"van": "ggz", "gegevens": ["gezondheid"], "datum": datum, "feiten": feiten})

test_goed_hulpverlenerschap_gaat_voor_toestemming_die_nog_gevraagd_moet_worden if {
	# Beide routes gelden; toestemming komt alleen op de checklist als zij de enige route is (contract §4).
	# Conflict van plichten wacht op acuut_gevaar.
	testkit.uitkomsten(geheim.uitkomst) == {object.union(
		testkit.route_uitkomst(
			"geheim", "politie", "gezondheid", "wgs_goed_hulpverlenerschap",
			["goed_hulpverlenerschap", "minimaal", "subsidiariteit"],
			["wgs_samenwerkingsverbanden_2_29_2"],
		),
		{"herstel": [{"acuut_gevaar": true}]},
	)} with input as ggz_aan_politie("2026-03-01", {"leeftijd": 40})
}

# ZVH-05: zonder toestemming, vanaf de WGS, goed hulpverlenerschap (WGS art. 2.29 lid 2) met lage zekerheid.
test_goed_hulpverlenerschap_zonder_toestemming_vanaf_de_wgs if {
	testkit.uitkomsten(geheim.uitkomst) == {testkit.route_uitkomst(
		"geheim", "politie", "gezondheid", "wgs_goed_hulpverlenerschap",
		["goed_hulpverlenerschap", "minimaal", "subsidiariteit"],
		["wgs_samenwerkingsverbanden_2_29_2"],
	)} with input as ggz_aan_politie("2025-03-01", {"toestemming": "niet_gevraagd", "acuut_gevaar": false})
}

# Vóór de WGS opent een convenant het beroepsgeheim niet.
test_geen_route_zonder_toestemming_voor_de_wgs if {
	testkit.uitkomsten(geheim.uitkomst) == {testkit.geen_route(
		"geheim", "politie", "gezondheid", ["wgbo_7_457", "wet_big_88"],
		["conflict_van_plichten", "toestemming_geheim"],
		[{"toestemming": "gegeven"}, {"acuut_gevaar": true}],
	)} with input as ggz_aan_politie("2025-02-28", {"toestemming": "niet_gevraagd", "acuut_gevaar": false})
}

test_onbekend_als_acuut_gevaar_beslist if {
	u := testkit.uitkomsten(geheim.uitkomst) with input as ggz_aan_politie("2025-02-28", {"toestemming": "geweigerd"})
	{[x.id, x.oordeel, x.ontbrekende_feiten, x.herstel] | some x in u} == {["onbekend_geheim", "onbepaald", ["acuut_gevaar"], [{"acuut_gevaar": true}]]}
}

test_conflict_van_plichten_bij_acuut_gevaar if {
	testkit.uitkomsten(geheim.uitkomst) == {testkit.route_uitkomst(
		"geheim", "politie", "gezondheid", "conflict_van_plichten",
		["cvp_toets", "minimaal"],
		["conflict_van_plichten", "wgbo_7_457"],
	)} with input as ggz_aan_politie("2026-03-01", {"toestemming": "onmogelijk", "acuut_gevaar": true})
}

# Jeugdwet art. 7.3.11 lid 4: een wettelijke plicht, dus toegestaan zonder toestemming. De route van het
# conflict van plichten blijft als herstel bewaard (acuut_gevaar is onbekend).
test_informatieplicht_aan_de_gi_bij_een_ots if {
	testkit.uitkomsten(geheim.uitkomst) == {object.union(
		testkit.route_uitkomst(
			"geheim", "gecertificeerde_instelling", "gezondheid", "informatieplicht_gi_ots",
			["minimaal"],
			["jeugdwet_7_3_11_4", "uavg_30_2_b"],
		),
		{"herstel": [{"acuut_gevaar": true}]},
	)} with input as testkit.vraag({
		"van": "jeugdhulpaanbieder",
		"naar": ["gecertificeerde_instelling"],
		"gegevens": ["gezondheid"],
		"doel": "ots_uitvoering",
		"feiten": {"ots": true},
	})
}

test_geen_informatieplicht_zonder_ots if {
	{u.id | some u in testkit.uitkomsten(geheim.uitkomst)} == {"toestemming_geheim"} with input as testkit.vraag({
		"van": "jeugdhulpaanbieder",
		"naar": ["gecertificeerde_instelling"],
		"gegevens": ["gezondheid"],
		"doel": "ots_uitvoering",
		"feiten": {"ots": false},
	})
}

test_medisch_geheim_omvat_ook_naam_en_adres if {
	{u.gegevens | some u in testkit.uitkomsten(geheim.uitkomst)} == {"identificerend"} with input as testkit.zvh({"van": "huisarts"})
}

test_geheim_omvat_alleen_de_genoemde_categorieen if {
	testkit.uitkomsten(geheim.uitkomst) == set() with input as testkit.zvh({"van": "ggd"})
	{u.gegevens | some u in testkit.uitkomsten(geheim.uitkomst)} == {"gezondheid"} with input as testkit.zvh({"van": "ggd", "gegevens": ["identificerend", "gezondheid"]})
}

test_geen_beroepsgeheim_geen_laag if {
	testkit.uitkomsten(geheim.uitkomst) == set() with input as testkit.zvh({"gegevens": ["gezondheid"]})
}

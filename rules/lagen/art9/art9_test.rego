package magikdelen.lagen.art9_test

import data.magikdelen.lagen.art9
import data.magikdelen.testkit

# WGS art. 2.29 lid 1: in het ZVH zonder toestemming, aan beide kanten (verstrekken en verwerken).
wgs(laag, id) := testkit.route_uitkomst(
	laag, "politie", "gezondheid", id,
	["noodzaak"],
	["wgs_samenwerkingsverbanden_2_29_1", "avg_9_2_g"],
)

test_gezondheid_in_het_zvh_via_de_wgs if {
	testkit.uitkomsten(art9.uitkomst) == {wgs("art9_van", "wgs_gezondheid_verstrekken")} with input as testkit.zvh({"gegevens": ["gezondheid"]})
}

test_gezondheid_in_het_zvh_via_de_wgs_bij_een_avg_ontvanger if {
	testkit.uitkomsten(art9.uitkomst) == {
		object.union(wgs("art9_van", "wgs_gezondheid_verstrekken"), {"naar": "ggz"}),
		object.union(wgs("art9_naar", "wgs_gezondheid"), {"naar": "ggz"}),
	} with input as testkit.zvh({"naar": ["ggz"], "gegevens": ["gezondheid"], "feiten": {"leeftijd": 40}})
}

test_gegeven_toestemming_is_de_kortste_route if {
	testkit.uitkomsten(art9.uitkomst) == {
		object.union(testkit.route_uitkomst("art9_van", "ggz", "gezondheid", "toestemming_art9", [], ["avg_9_2_a", "uavg_22_2_a"]), {}),
		testkit.route_uitkomst("art9_naar", "ggz", "gezondheid", "toestemming_art9", [], ["avg_9_2_a", "uavg_22_2_a"]),
	} with input as testkit.zvh({"naar": ["ggz"], "gegevens": ["gezondheid"], "feiten": {"leeftijd": 40, "toestemming": "gegeven"}})
}

test_geen_uitzondering_voor_de_wgs_zonder_toestemming if {
	testkit.uitkomsten(art9.uitkomst) == {testkit.geen_route(
		"art9_van", "politie", "gezondheid", ["avg_9_1"],
		["toestemming_art9"],
		[{"toestemming": "gegeven"}],
	)} with input as testkit.zvh({"gegevens": ["gezondheid"], "datum": "2025-02-28", "feiten": {"toestemming": "niet_gevraagd"}})
}

# Een derde (de huisarts) valt niet onder WGS art. 2.29 lid 1: hij heeft een eigen uitzondering nodig.
test_een_derde_heeft_een_eigen_uitzondering_nodig if {
	{[u.laag, u.status] | some u in testkit.uitkomsten(art9.uitkomst)} == {["art9_van", "geen_route"], ["art9_naar", "route"]} with input as testkit.zvh({
		"van": "huisarts", "naar": ["ggz"], "gegevens": ["gezondheid"], "feiten": {"toestemming": "niet_gevraagd"},
	})
}

test_huiselijk_geweld_is_ook_art9 if {
	{u.gegevens | some u in testkit.uitkomsten(art9.uitkomst)} == {"huiselijk_geweld"} with input as testkit.zvh({"gegevens": ["huiselijk_geweld", "signaal"]})
}

# Alleen de ontvanger valt onder de AVG: alleen zijn kant wordt getoetst.
test_art9_ook_als_alleen_de_ontvanger_onder_de_avg_valt if {
	{[u.laag, u.id] | some u in testkit.uitkomsten(art9.uitkomst)} == {["art9_naar", "wgs_gezondheid"]} with input as testkit.zvh({
		"van": "politie",
		"naar": ["wijkteam"],
		"gegevens": ["gezondheid"],
	})
}

# Betrokkene zelf is geen verwerkingsverantwoordelijke: zijn kant wordt niet getoetst.
test_geen_art9_naar_voor_betrokkene if {
	{u.laag | some u in testkit.uitkomsten(art9.uitkomst)} == {"art9_van"} with input as testkit.vraag({
		"van": "ggz", "naar": ["betrokkene"], "gegevens": ["gezondheid"], "doel": "inzageverzoek",
	})
}

test_geen_art9_voor_gewone_gegevens if {
	testkit.uitkomsten(art9.uitkomst) == set() with input as testkit.zvh({})
}

test_geen_art9_tussen_wpg_en_wjsg if {
	testkit.uitkomsten(art9.uitkomst) == set() with input as testkit.vraag({"van": "politie", "naar": ["om"], "gegevens": ["gezondheid"], "doel": "opsporing"})
}

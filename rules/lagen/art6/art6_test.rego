package magikdelen.lagen.art6_test

import data.magikdelen.lagen.art6
import data.magikdelen.testkit

wgs_verstrekking(naar) := testkit.route_uitkomst(
	"art6_van", naar, "identificerend", "wgs_verstrekking",
	["noodzaak"],
	["wgs_samenwerkingsverbanden_1_5_1", "wgs_samenwerkingsverbanden_2_25", "avg_6_1_c"],
)

test_afzender_vanaf_de_wgs if {
	testkit.uitkomsten(art6.uitkomst) == {wgs_verstrekking("politie")} with input as testkit.zvh({})
}

test_afzender_en_ontvanger_vanaf_de_wgs if {
	testkit.uitkomsten(art6.uitkomst) == {
		wgs_verstrekking("gemeente_college"),
		testkit.route_uitkomst(
			"art6_naar", "gemeente_college", "identificerend", "wgs_verwerking",
			["doelbinding"],
			["wgs_samenwerkingsverbanden_2_25", "wgs_samenwerkingsverbanden_2_26", "avg_6_1_e"],
		),
	} with input as testkit.zvh({"naar": ["gemeente_college"]})
}

# Vóór de WGS: de eigen taak van elke deelnemer, binnen de kring van het convenant (brief §0.2 punt 1).
test_afzender_en_ontvanger_voor_de_wgs_op_eigen_taak if {
	testkit.uitkomsten(art6.uitkomst) == {
		testkit.route_uitkomst(
			"art6_van", "gemeente_college", "identificerend", "eigen_taak_deelnemer",
			["noodzaak", "proportionaliteit"],
			["avg_6_1_e", "wmo_5_1_1", "jeugdwet_7_4_0_1"],
		),
		testkit.route_uitkomst(
			"art6_naar", "gemeente_college", "identificerend", "eigen_taak_deelnemer",
			["noodzaak", "proportionaliteit"],
			["avg_6_1_e", "wmo_5_1_1", "jeugdwet_7_4_0_1"],
		),
	} with input as testkit.zvh({"naar": ["gemeente_college"], "datum": "2025-02-28"})
}

test_geen_art6_voor_wpg_en_wjsg if {
	testkit.uitkomsten(art6.uitkomst) == set() with input as testkit.vraag({"van": "politie", "naar": ["om"], "doel": "opsporing"})
}

test_betrokkene_wordt_niet_als_ontvanger_getoetst if {
	{[u.laag, u.id] | some u in testkit.uitkomsten(art6.uitkomst)} == {["art6_van", "inzagerecht"]} with input as testkit.vraag({
		"naar": ["betrokkene"],
		"doel": "inzageverzoek",
	})
}

# Een huisuitzetting hoort niet bij de taak van het wijkteam, en een niet-deelnemer heeft geen eigen grondslag.
test_niet_deelnemer_heeft_geen_grondslag if {
	testkit.uitkomsten(art6.uitkomst) == {
		testkit.geen_route("art6_van", "niet_deelnemer", "identificerend", ["avg_6_3"], [], []),
		testkit.geen_route("art6_naar", "niet_deelnemer", "identificerend", ["avg_6_3"], [], []),
	} with input as testkit.vraag({"naar": ["niet_deelnemer"], "doel": "huisuitzetting"})
}

test_ontvanger_getoetst if {
	art6.ontvanger_getoetst("politie")
	art6.ontvanger_getoetst("niet_deelnemer")
	not art6.ontvanger_getoetst("betrokkene")
	not art6.ontvanger_getoetst("betrokken_niet_deelnemer")
	not art6.ontvanger_getoetst("overleg_deelnemers")
}

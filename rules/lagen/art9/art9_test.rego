package magikdelen.lagen.art9_test

import data.magikdelen.lagen.art9
import data.magikdelen.testkit

wgs_gezondheid := testkit.route_uitkomst(
	"art9", "politie", "gezondheid", "wgs_gezondheid",
	["noodzaak"],
	["wgs_samenwerkingsverbanden_2_29_1", "avg_9_2_g"],
)

# WGS art. 2.29 lid 1: in het ZVH zonder toestemming; toestemming is dan niet de enige route.
test_gezondheid_in_het_zvh_via_de_wgs if {
	art9.uitkomsten == {wgs_gezondheid} with input as testkit.zvh({"gegevens": ["gezondheid"]})
}

test_gezondheid_in_het_zvh_via_de_wgs_bij_een_volwassene if {
	art9.uitkomsten == {wgs_gezondheid} with input as testkit.zvh({"gegevens": ["gezondheid"], "feiten": {"leeftijd": 40}})
}

test_gegeven_toestemming_is_de_kortste_route if {
	art9.uitkomsten == {testkit.route_uitkomst(
		"art9", "politie", "gezondheid", "toestemming_art9",
		[],
		["avg_9_2_a", "uavg_22_2_a"],
	)} with input as testkit.zvh({"gegevens": ["gezondheid"], "feiten": {"leeftijd": 40, "toestemming": "gegeven"}})
}

test_geen_uitzondering_voor_de_wgs_zonder_toestemming if {
	art9.uitkomsten == {testkit.geen_route(
		"art9", "politie", "gezondheid", ["avg_9_1"],
		["toestemming_art9"],
		[{"toestemming": "gegeven"}],
	)} with input as testkit.zvh({"gegevens": ["gezondheid"], "datum": "2025-02-28", "feiten": {"toestemming": "niet_gevraagd"}})
}

test_huiselijk_geweld_is_ook_art9 if {
	{u.gegevens | some u in art9.uitkomsten} == {"huiselijk_geweld"} with input as testkit.zvh({"gegevens": ["huiselijk_geweld", "signaal"]})
}

test_art9_ook_als_alleen_de_ontvanger_onder_de_avg_valt if {
	{u.id | some u in art9.uitkomsten} == {"wgs_gezondheid"} with input as testkit.zvh({
		"van": "politie",
		"naar": ["wijkteam"],
		"gegevens": ["gezondheid"],
	})
}

test_geen_art9_voor_gewone_gegevens if {
	art9.uitkomsten == set() with input as testkit.zvh({})
}

test_geen_art9_tussen_wpg_en_wjsg if {
	art9.uitkomsten == set() with input as testkit.vraag({"van": "politie", "naar": ["om"], "gegevens": ["gezondheid"], "doel": "opsporing"})
}

package magikdelen.lagen.art10_test

import data.magikdelen.lagen.art10
import data.magikdelen.testkit

test_strafrechtelijk_in_het_zvh_via_de_wgs if {
	testkit.uitkomsten(art10.uitkomst) == {
		testkit.route_uitkomst(
			"art10_van", "ggz", "strafrechtelijk", "wgs_strafrechtelijk_verstrekken",
			["doelbinding"],
			["wgs_samenwerkingsverbanden_2_30", "avg_10"],
		),
		testkit.route_uitkomst(
			"art10_naar", "ggz", "strafrechtelijk", "wgs_strafrechtelijk",
			["doelbinding"],
			["wgs_samenwerkingsverbanden_2_30", "avg_10"],
		),
	} with input as testkit.zvh({"naar": ["ggz"], "gegevens": ["strafrechtelijk"]})
}

test_politiegegevens_bij_een_avg_ontvanger if {
	{[u.laag, u.id] | some u in testkit.uitkomsten(art10.uitkomst)} == {["art10_naar", "wgs_strafrechtelijk"]} with input as testkit.zvh({
		"van": "politie",
		"naar": ["wijkteam"],
		"gegevens": ["politiegegevens"],
	})
}

test_verkregen_via_de_wpg_buiten_het_zvh if {
	{u.id | some u in testkit.uitkomsten(art10.uitkomst)} == {"wpg_wjsg_ontvanger_art10"} with input as testkit.vraag({
		"van": "politie",
		"naar": ["gemeente_burgemeester"],
		"gegevens": ["politiegegevens"],
		"doel": "openbare_orde_maatregel",
	})
}

# Zonder bekende route is art. 10 onbepaald: de FG beslist (brief §4.1 punt 4), aan beide kanten.
test_geen_route_is_onbepaald if {
	testkit.uitkomsten(art10.uitkomst) == {
		testkit.geen_route(
			"art10_van", "woningcorporatie", "strafrechtelijk", ["avg_10"],
			["toestemming_art10"],
			[{"toestemming": "gegeven"}],
		),
		testkit.geen_route(
			"art10_naar", "woningcorporatie", "strafrechtelijk", ["avg_10"],
			["toestemming_art10"],
			[{"toestemming": "gegeven"}],
		),
	} with input as testkit.vraag({
		"naar": ["woningcorporatie"],
		"gegevens": ["strafrechtelijk"],
		"doel": "huisuitzetting",
		"feiten": {"toestemming": "niet_gevraagd"},
	})
}

test_geen_art10_voor_gewone_gegevens if {
	testkit.uitkomsten(art10.uitkomst) == set() with input as testkit.zvh({})
}

test_geen_art10_tussen_wpg_en_wjsg if {
	testkit.uitkomsten(art10.uitkomst) == set() with input as testkit.vraag({"van": "politie", "naar": ["om"], "gegevens": ["politiegegevens"], "doel": "opsporing"})
}

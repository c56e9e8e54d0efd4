package magikdelen.lagen.regime_test

import data.magikdelen.lagen.regime
import data.magikdelen.testkit

politie_aan_zvh(datum) := testkit.zvh({"van": "politie", "naar": ["wijkteam"], "gegevens": ["politiegegevens"], "datum": datum})

test_politie_aan_het_zvh_voor_de_wgs_via_wpg_20_lid_1 if {
	testkit.uitkomsten(regime.uitkomst) == {testkit.route_uitkomst(
		"regime", "wijkteam", "politiegegevens", "wpg_samenwerkingsverband",
		["minimaal", "need_to_know", "noodzaak", "vastleggen", "zwaarwegend_algemeen_belang"],
		["wpg_20_1", "wpg_20_2"],
	)} with input as politie_aan_zvh("2025-02-28")
}

test_politie_aan_het_zvh_vanaf_de_wgs_via_wpg_20_lid_3 if {
	testkit.uitkomsten(regime.uitkomst) == {testkit.route_uitkomst(
		"regime", "wijkteam", "politiegegevens", "wgs_politie",
		["minimaal", "need_to_know", "noodzaak", "vastleggen"],
		["wpg_20_3", "wgs_samenwerkingsverbanden_1_5_2"],
	)} with input as politie_aan_zvh("2025-03-01")
}

test_politie_zonder_route_in_de_wpg if {
	testkit.uitkomsten(regime.uitkomst) == {testkit.geen_route("regime", "woningcorporatie", "politiegegevens", ["wpg_18_1", "wpg_19", "wpg_20_1"], [], [])} with input as testkit.vraag({
		"van": "politie",
		"naar": ["woningcorporatie"],
		"gegevens": ["politiegegevens"],
		"doel": "huisuitzetting",
	})
}

test_wjsg_zonder_route if {
	testkit.uitkomsten(regime.uitkomst) == {testkit.geen_route("regime", "politie", "justitiele_documentatie", ["wjsg_39f", "wjsg_51c"], [], [])} with input as testkit.vraag({
		"van": "justid",
		"gegevens": ["justitiele_documentatie"],
		"doel": "opsporing",
	})
}

test_om_aan_de_burgemeester if {
	testkit.uitkomsten(regime.uitkomst) == {testkit.route_uitkomst(
		"regime", "gemeente_burgemeester", "strafvorderlijk", "wjsg_burgemeester",
		["minimaal", "ovj_besluit", "proportionaliteit", "subsidiariteit", "zwaarwegend_algemeen_belang"],
		["wjsg_39f", "wjsg_39j"],
	)} with input as testkit.vraag({
		"van": "om",
		"naar": ["gemeente_burgemeester"],
		"gegevens": ["strafvorderlijk"],
		"doel": "openbare_orde_maatregel",
	})
}

test_regime_geldt_per_cel if {
	{[u.naar, u.gegevens] | some u in testkit.uitkomsten(regime.uitkomst)} == {
		["wijkteam", "politiegegevens"], ["wijkteam", "identificerend"],
		["om", "politiegegevens"], ["om", "identificerend"],
	} with input as testkit.zvh({"van": "politie", "naar": ["wijkteam", "om"], "gegevens": ["politiegegevens", "identificerend"]})
}

test_regime_van_toepassing_voor_wpg_en_wjsg if {
	regime.van_toepassing with input as testkit.vraag({"van": "politie"})
	regime.van_toepassing with input as testkit.vraag({"van": "dji"})
}

test_regime_niet_van_toepassing_voor_een_avg_afzender if {
	not regime.van_toepassing with input as testkit.zvh({})
	testkit.uitkomsten(regime.uitkomst) == set() with input as testkit.zvh({})
}

package magikdelen.lagen.bsn_test

import data.magikdelen.lagen.bsn
import data.magikdelen.testkit

test_bsn_in_het_zvh_vanaf_de_wgs if {
	testkit.uitkomsten(bsn.uitkomst) == {testkit.route_uitkomst(
		"bsn", "politie", "bsn", "wgs_bsn",
		["noodzaak"],
		["wgs_samenwerkingsverbanden_2_29_1", "uavg_46"],
	)} with input as testkit.zvh({"gegevens": ["bsn"], "datum": "2025-03-01"})
}

test_geen_bsn_in_het_zvh_voor_de_wgs if {
	testkit.uitkomsten(bsn.uitkomst) == {testkit.geen_route("bsn", "politie", "bsn", ["uavg_46"], [], [])} with input as testkit.zvh({"gegevens": ["bsn"], "datum": "2025-02-28"})
}

test_geen_bsn_laag_voor_andere_gegevens if {
	testkit.uitkomsten(bsn.uitkomst) == set() with input as testkit.zvh({"gegevens": ["identificerend", "signaal"]})
}

test_geen_bsn_laag_tussen_wpg_en_wjsg if {
	testkit.uitkomsten(bsn.uitkomst) == set() with input as testkit.vraag({"van": "politie", "naar": ["om"], "gegevens": ["bsn"], "doel": "opsporing"})
}

test_bsn_laag_ook_als_alleen_de_ontvanger_onder_de_avg_valt if {
	{u.id | some u in testkit.uitkomsten(bsn.uitkomst)} == {"wgs_bsn"} with input as testkit.zvh({"van": "politie", "naar": ["wijkteam"], "gegevens": ["bsn"]})
}

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
		"tekst": "De gegevens zijn verkregen voor Casusoverleg (MDO); gebruik voor Huisuitzetting is een ander, onverenigbaar doel.",
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

package magikdelen.uitleg_test

import data.magikdelen.testkit
import data.magikdelen.uitleg

meta_volledig := {
	"title": "Testblokkade",
	"related_resources": [{"ref": "https://wetten.overheid.nl/a"}, {"ref": "https://wetten.overheid.nl/b", "description": "b"}],
	"custom": {
		"id": "test_blokkade",
		"oordeel": "niet_toegestaan",
		"zekerheid": "middel",
		"grondslagen": ["avg_5_2"],
		"herstel": {"toestemming": "gegeven"},
	},
}

meta_kaal := {"title": "Kaal", "custom": {"id": "kaal", "oordeel": "onbepaald", "zekerheid": "laag"}}

test_blokkade_uit_metadata if {
	uitleg.blokkade(meta_volledig, "politie", "signaal", "Een tekst.", {}) == {
		"soort": "blokkade",
		"id": "test_blokkade",
		"titel": "Testblokkade",
		"oordeel": "niet_toegestaan",
		"zekerheid": "middel",
		"grondslagen": ["avg_5_2"],
		"bronnen": ["https://wetten.overheid.nl/a", "https://wetten.overheid.nl/b"],
		"tekst": "Een tekst.",
		"naar": "politie",
		"gegevens": "signaal",
		"ontbrekende_feiten": [],
		"herstel": {"toestemming": "gegeven"},
	}
}

test_blokkade_zonder_optionele_metadata if {
	uitleg.blokkade(meta_kaal, "ggz", "bsn", "T.", {}) == {
		"soort": "blokkade",
		"id": "kaal",
		"titel": "Kaal",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"grondslagen": [],
		"bronnen": [],
		"tekst": "T.",
		"naar": "ggz",
		"gegevens": "bsn",
		"ontbrekende_feiten": [],
		"herstel": {},
	}
}

test_blokkade_extra_overschrijft_velden if {
	b := uitleg.blokkade(meta_volledig, "politie", "signaal", "T.", {"zekerheid": "hoog", "ontbrekende_feiten": ["deelnemer_naar"]})
	b.zekerheid == "hoog"
	b.ontbrekende_feiten == ["deelnemer_naar"]
	b.oordeel == "niet_toegestaan"
}

test_label_van_een_bekend_id if uitleg.label("partijen", "ggz") == "GGZ-instelling"

test_label_van_een_onbekend_id_is_het_id if uitleg.label("partijen", "sportclub") == "sportclub"

test_citaat if {
	uitleg.citaat("avg_5_1_b") == {
		"id": "avg_5_1_b",
		"titel": "AVG art. 5 lid 1 sub b",
		"bron": "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679",
		"zekerheid": "hoog",
	}
}

test_voorwaarde if {
	uitleg.voorwaarde("noodzaak") == {
		"id": "noodzaak",
		"label": "Noodzaak",
		"tekst": "Deel alleen wat voor dit doel noodzakelijk is, en leg vast waarom het nodig is.",
	}
}

test_rang_oordeel_strengste_eerst if {
	[uitleg.rang_oordeel(o) | some o in ["niet_toegestaan", "onbepaald", "toegestaan_onder_voorwaarden", "toegestaan"]] == [0, 1, 2, 3]
}

test_rang_zekerheid_laagste_eerst if {
	[uitleg.rang_zekerheid(z) | some z in ["laag", "middel", "hoog"]] == [0, 1, 2]
}

test_laagste_zekerheid if uitleg.laagste({"hoog", "middel"}) == "middel"

test_laagste_van_een if uitleg.laagste({"hoog"}) == "hoog"

test_hoogste_zekerheid if uitleg.hoogste({"laag", "middel"}) == "middel"

# contract §4: niet_toegestaan > onbepaald > toegestaan_onder_voorwaarden > toegestaan.
test_strengste_niet_toegestaan_gaat_voor_alles if {
	uitleg.strengste({"toegestaan", "toegestaan_onder_voorwaarden", "onbepaald", "niet_toegestaan"}) == "niet_toegestaan"
}

test_strengste_onbepaald_gaat_voor_toegestaan if {
	uitleg.strengste({"toegestaan", "toegestaan_onder_voorwaarden", "onbepaald"}) == "onbepaald"
}

test_strengste_voorwaarden_gaan_voor_toegestaan if {
	uitleg.strengste({"toegestaan", "toegestaan_onder_voorwaarden"}) == "toegestaan_onder_voorwaarden"
}

test_strengste_alleen_toegestaan if uitleg.strengste({"toegestaan"}) == "toegestaan"

test_gesorteerd_op_volgorde_van_de_kennisbank if {
	uitleg.gesorteerd("voorwaarden", {"vastleggen", "minimaal", "noodzaak"}) == ["noodzaak", "minimaal", "vastleggen"]
}

test_gesorteerd_onbekend_achteraan_op_id if {
	uitleg.gesorteerd("voorwaarden", {"zz_onbekend", "aa_onbekend", "noodzaak"}) == ["noodzaak", "aa_onbekend", "zz_onbekend"]
}

test_met_datum_schrijft_de_datum_van_de_vraag_in if {
	uitleg.met_datum("Op {datum} geen deelnemer.") == "Op 2024-06-01 geen deelnemer." with input as testkit.vraag({"datum": "2024-06-01"})
	uitleg.met_datum("Zonder datum.") == "Zonder datum." with input as testkit.vraag({"datum": "2024-06-01"})
	uitleg.met_datum_redenen([{"id": "a", "titel": "A", "tekst": "Op {datum}."}, {"id": "b", "titel": "B", "tekst": "Nee."}]) == [
		{"id": "a", "titel": "A", "tekst": "Op 2024-06-01."},
		{"id": "b", "titel": "B", "tekst": "Nee."},
	] with input as testkit.vraag({"datum": "2024-06-01"})
}

# feit_redenen: een opgegeven feit met de waarde van een reden_bij geeft die reden, een andere waarde of een feit
# dat niet is opgegeven geen; de redenen staan in volgorde van het id van hun feit.
test_feit_redenen_alleen_bij_de_waarde_van_de_reden if {
	{r.id | some r in uitleg.feit_redenen} == {"toestemming_geweigerd"} with input as testkit.vraag({"feiten": {"toestemming": "geweigerd"}})
	uitleg.feit_redenen == [] with input as testkit.vraag({"feiten": {"toestemming": "gegeven"}})
	uitleg.feit_redenen == [] with input as testkit.vraag({"feiten": {}})
	[r.id | some r in uitleg.feit_redenen] == ["a_ja", "b_nee"] with input as testkit.vraag({"feiten": {"b": false, "a": true, "c": true}})
		with data.kennisbank.feiten as {
			"b": {"reden_bij": [{"waarde": false, "id": "b_nee", "titel": "B", "tekst": "B."}]},
			"a": {"reden_bij": [{"waarde": true, "id": "a_ja", "titel": "A", "tekst": "A."}]},
			"c": {},
		}
}

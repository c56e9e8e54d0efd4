# Regressietests voor gebreken die bij het schrijven van de unit-tests zijn gevonden en hersteld.
package magikdelen.regressie_test

import data.magikdelen
import data.magikdelen.lagen.art10
import data.magikdelen.testkit
import data.magikdelen.vraag

# D1 — contract §2: datum is optioneel, standaard vandaag (ook via de OPA-bundel): het antwoord vult haar in,
# met of zonder het veld (null).
test_datum_zonder_datum_is_vandaag if {
	vandaag := time.format([time.now_ns(), "UTC", "2006-01-02"])
	magikdelen.antwoord.vraag.datum == vandaag with input as object.remove(testkit.vraag({}), ["datum"])
	magikdelen.antwoord.vraag.datum == vandaag with input as testkit.vraag({"datum": null})
}

test_antwoord_zonder_datum_beoordeelt_vandaag if {
	magikdelen.antwoord.oordeel == "toegestaan_onder_voorwaarden" with input as object.remove(testkit.zvh({}), ["datum"])
}

# D2 — brief §4.8 stap 1: een betrokken niet-deelnemer buiten een convenant is onbepaald (FG), geen nee.
test_betrokken_niet_deelnemer_buiten_convenant_is_onbepaald if {
	magikdelen.antwoord.oordeel == "onbepaald" with input as testkit.wettelijk({
		"naar": ["betrokken_niet_deelnemer"],
		"gegevens": ["signaal"],
		"feiten": {"acuut_gevaar": true},
	})
}

# D2 — kader: een overlegtafel zonder convenant is onbepaald ("noem de ontvangers afzonderlijk"), geen nee.
test_overleg_zonder_convenant_is_onbepaald if {
	magikdelen.antwoord.oordeel == "onbepaald" with input as testkit.wettelijk({
		"naar": ["overleg_deelnemers"],
		"gegevens": ["signaal"],
		"feiten": {"acuut_gevaar": true},
	})
}

# D3 — contract §4: toestemming komt alleen op de checklist als toestemming de enige route is.
test_art10_voor_de_wgs_zonder_toestemming_via_uavg_33 if {
	{u.id | some u in testkit.uitkomsten(art10.uitkomst)} == {"samenwerkingsverband_art10"} with input as testkit.zvh({
		"gegevens": ["strafrechtelijk"],
		"datum": "2025-02-28",
		"feiten": {"leeftijd": 40},
	})
}

# D4 — een overleg bij een convenant dat niet is uitgewerkt noemt de reden.
test_overleg_bij_niet_uitgewerkt_convenant_noemt_de_reden if {
	[r.id | some r in magikdelen.antwoord.redenen] == ["convenant_niet_uitgewerkt"] with input as testkit.vraag({
		"naar": ["overleg_deelnemers"],
		"gegevens": ["signaal"],
		"doel": "ave_signaleren",
	})
		with data.kennisbank.convenanten.ave as testkit.ave_in_voorbereiding
}

# D5 — een reden staat één keer in een deeloordeel, ook als één route meerdere lagen dekt.
test_deeloordeel_noemt_elke_reden_een_keer if {
	a := magikdelen.antwoord with input as testkit.vraag({
		"van": "jeugdhulpaanbieder",
		"naar": ["gecertificeerde_instelling"],
		"doel": "ots_uitvoering",
		"feiten": {"ots": true},
	})
	[r.id | some r in a.deeloordelen[0].redenen] == ["informatieplicht_gi_ots"]
}

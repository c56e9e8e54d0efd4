package magikdelen.alternatieven_test

import data.magikdelen.alternatieven
import data.magikdelen.oordeel
import data.magikdelen.testkit

# ggz deelt gezondheidsgegevens met de politie in het ZVH vóór de WGS, zonder toestemming: nee.
ggz_zonder_toestemming(feiten) := testkit.zvh({
	"van": "ggz",
	"gegevens": ["gezondheid"],
	"datum": "2025-01-01",
	"feiten": object.union({"toestemming": "niet_gevraagd", "acuut_gevaar": false, "leeftijd": 40}, feiten),
})

test_toestemming_als_alternatief if {
	alternatieven.alternatieven == [{
		"tekst": "Toestemming van betrokkene: gegeven. Dan is het oordeel: toegestaan onder voorwaarden.",
		"feiten": {"toestemming": "gegeven"},
		"oordeel": "toegestaan_onder_voorwaarden",
	}] with input as ggz_zonder_toestemming({})
}

# Acuut gevaar opent het beroepsgeheim (conflict van plichten) maar niet art. 9: geen minder streng oordeel.
test_alleen_wat_minder_streng_is if {
	{"acuut_gevaar": true} in alternatieven.enkel with input as ggz_zonder_toestemming({})
	not {"acuut_gevaar": true} in {a.feiten | some a in alternatieven.alternatieven} with input as ggz_zonder_toestemming({})
}

test_twee_feiten_samen_als_geen_van_beide_alleen_volstaat if {
	alternatieven.alternatieven == [{
		"tekst": "Inclusiecriteria ZVH vervuld: ja; Toestemming van betrokkene: gegeven. Dan is het oordeel: toegestaan onder voorwaarden.",
		"feiten": {"inclusiecriteria": true, "toestemming": "gegeven"},
		"oordeel": "toegestaan_onder_voorwaarden",
	}] with input as ggz_zonder_toestemming({"inclusiecriteria": false})
}

test_geen_paar_als_een_feit_alleen_volstaat if {
	# {inclusiecriteria, toestemming} en {toestemming, acuut_gevaar} zijn paren, maar toestemming alleen volstaat.
	count(alternatieven.paar) > 0 with input as ggz_zonder_toestemming({})
	[a.feiten | some a in alternatieven.alternatieven] == [{"toestemming": "gegeven"}] with input as ggz_zonder_toestemming({})
}

test_minst_strenge_alternatief_eerst if {
	alternatieven.alternatieven == [
		{
			"tekst": "Ontvanger is deelnemer: ja; Inclusiecriteria ZVH vervuld: ja. Dan is het oordeel: toegestaan onder voorwaarden.",
			"feiten": {"deelnemer_naar": true, "inclusiecriteria": true},
			"oordeel": "toegestaan_onder_voorwaarden",
		},
		{
			"tekst": "Inclusiecriteria ZVH vervuld: ja. Dan is het oordeel: onbepaald.",
			"feiten": {"inclusiecriteria": true},
			"oordeel": "onbepaald",
		},
	] with input as testkit.vraag({"naar": ["politie", "woningcorporatie"], "datum": "2024-06-01", "feiten": {"inclusiecriteria": false}})
}

test_van_onbepaald_naar_voorwaarden if {
	alternatieven.alternatieven == [{
		"tekst": "Ontvanger is deelnemer: ja. Dan is het oordeel: toegestaan onder voorwaarden.",
		"feiten": {"deelnemer_naar": true},
		"oordeel": "toegestaan_onder_voorwaarden",
	}] with input as testkit.zvh({"naar": ["woningcorporatie"], "datum": "2024-06-01"})
}

# Onder de WGS kan een woningcorporatie geen deelnemer worden: geen alternatief "word deelnemer".
test_geen_alternatief_deelnemer_worden_als_de_wet_de_kring_vastlegt if {
	alternatieven.alternatieven == [] with input as testkit.zvh({"naar": ["woningcorporatie"]})
}

test_ander_doel_en_andere_ontvanger if {
	alternatieven.alternatieven == [{
		"tekst": "Zijn er zorgen over de veiligheid van betrokkene of huisgenoten, volg dan de meldcode en meld zo nodig bij Veilig Thuis. Dan is het oordeel: toegestaan onder voorwaarden.",
		"feiten": {},
		"oordeel": "toegestaan_onder_voorwaarden",
		"doel": "meldcode_melding",
		"naar": ["veilig_thuis"],
	}] with input as testkit.vraag({"gegevens": ["signaal"], "doel": "opsporing"})
}

test_geen_alternatieven_bij_toegestaan if {
	alternatieven.alternatieven == [] with input as testkit.vraag({
		"van": "jeugdhulpaanbieder",
		"naar": ["gecertificeerde_instelling"],
		"doel": "ots_uitvoering",
		"feiten": {"ots": true},
	})
}

test_geen_alternatieven_als_niets_helpt if {
	# Buiten het convenant, zonder herstel: een niet-deelnemer heeft geen grondslag.
	alternatieven.alternatieven == [] with input as testkit.wettelijk({"naar": ["niet_deelnemer"], "feiten": {"acuut_gevaar": true}})
}

test_hoogstens_max_aantal if {
	alternatieven.alternatieven == [] with input as ggz_zonder_toestemming({})
		with alternatieven.max_aantal as 0
}

test_nieuw_feit if {
	alternatieven.nieuw_feit({"ots": true}) with input as testkit.vraag({"feiten": {"ots": false}})
	alternatieven.nieuw_feit({"ots": true}) with input as testkit.vraag({})
	not alternatieven.nieuw_feit({"ots": true}) with input as testkit.vraag({"feiten": {"ots": true}})
}

test_nieuwe_invoer_voegt_feiten_toe if {
	alternatieven.nieuwe_invoer({"feiten": {"ots": true}}) == testkit.zvh({"feiten": {"ots": true}}) with input as testkit.zvh({})
}

test_nieuwe_invoer_vervangt_doel_en_ontvanger if {
	alternatieven.nieuwe_invoer({"doel": "meldcode_melding", "naar": ["veilig_thuis"], "tekst": "t"}) == testkit.zvh({
		"doel": "meldcode_melding",
		"naar": ["veilig_thuis"],
	}) with input as testkit.zvh({})
}

test_feit_tekst if {
	alternatieven.feit_tekst("toestemming", "niet_gevraagd") == "Toestemming van betrokkene: niet gevraagd"
	alternatieven.feit_tekst("onbekend_feit", true) == "onbekend_feit: ja"
}

test_waarde_tekst if {
	alternatieven.waarde_tekst(true) == "ja"
	alternatieven.waarde_tekst(false) == "nee"
	alternatieven.waarde_tekst("niet_gevraagd") == "niet gevraagd"
	alternatieven.waarde_tekst(16) == "16"
}

test_naar_wijziging if {
	alternatieven.naar_wijziging({"doel": "meldcode_melding", "naar": "veilig_thuis"}) == {"naar": ["veilig_thuis"]}
	alternatieven.naar_wijziging({"doel": "gevaar_afwenden"}) == {}
}

test_ander_doel_zonder_andere_ontvanger if {
	alternatieven.alternatieven == [{
		"tekst": "Is er acuut gevaar, deel dan om het af te wenden. Dan is het oordeel: toegestaan onder voorwaarden.",
		"feiten": {},
		"oordeel": "toegestaan_onder_voorwaarden",
		"doel": "gevaar_afwenden",
	}] with input as testkit.vraag({"gegevens": ["signaal"], "doel": "opsporing"})
		with data.kennisbank.doelen.opsporing as object.union(data.kennisbank.doelen.opsporing, {"alternatieven": [{
			"doel": "gevaar_afwenden",
			"tekst": "Is er acuut gevaar, deel dan om het af te wenden.",
		}]})
}

# Een geweigerde toestemming is definitief (feiten.yaml): geen alternatief dringt aan op toestemming.
test_geen_alternatief_tegen_een_geweigerde_toestemming if {
	invoer := ggz_zonder_toestemming({"toestemming": "geweigerd"})
	count(alternatieven.enkel) > 0 with input as ggz_zonder_toestemming({})
	lijst := alternatieven.alternatieven with input as invoer
	every a in lijst {
		not a.feiten.toestemming
	}
	alternatieven.definitief_anders({"toestemming": "gegeven"}) with input as invoer
	not alternatieven.definitief_anders({"toestemming": "gegeven"}) with input as ggz_zonder_toestemming({})
}

# kies (ook wat de Go-bibliotheek aanroept na het naast elkaar doorrekenen): alleen wat minder streng is, het
# minst strenge eerst, en een paar alleen als geen van beide helften alleen al even ver komt.
test_kies_uit_doorgerekende_wijzigingen if {
	enkel := [
		{"oordeel": "onbepaald", "w": {"feiten": {"inclusiecriteria": true}}},
		{"oordeel": "niet_toegestaan", "w": {"feiten": {"acuut_gevaar": true}}},
	]
	paar := [
		{"oordeel": "onbepaald", "w": {"feiten": {"inclusiecriteria": true, "acuut_gevaar": true}}},
		{"oordeel": "toegestaan_onder_voorwaarden", "w": {"feiten": {"inclusiecriteria": true, "deelnemer_naar": true}}},
	]
	[[a.oordeel, a.feiten] | some a in alternatieven.kies("niet_toegestaan", enkel, [], paar)] == [
		["toegestaan_onder_voorwaarden", {"inclusiecriteria": true, "deelnemer_naar": true}],
		["onbepaald", {"inclusiecriteria": true}],
	]
}

test_kies_uit_niets_is_niets if {
	alternatieven.kies("onbepaald", [], [], []) == []
}

# milder_oordeel: het oordeel alleen als het minder streng is dan het gegeven oordeel; anders onbepaald
# (undefined), want een cel die even streng blijft, beslist dat al.
test_milder_oordeel_alleen_als_minder_streng if {
	nu := testkit.vraag({"naar": ["politie", "woningcorporatie"], "datum": "2024-06-01", "feiten": {"inclusiecriteria": false}})
	beter := testkit.vraag({"naar": ["politie", "woningcorporatie"], "datum": "2024-06-01", "feiten": {"inclusiecriteria": true, "deelnemer_naar": true}})
	oordeel.oordeel == "niet_toegestaan" with input as nu
	oordeel.niet_milder_dan("niet_toegestaan") with input as nu
	not alternatieven.milder_oordeel("niet_toegestaan") with input as nu
	alternatieven.milder_oordeel("niet_toegestaan") == "toegestaan_onder_voorwaarden" with input as beter
	alternatieven.milder_oordeel("onbepaald") == "toegestaan_onder_voorwaarden" with input as beter
	not alternatieven.milder_oordeel("toegestaan_onder_voorwaarden") with input as beter
}

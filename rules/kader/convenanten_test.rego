# Tests voor de kadermechanismen van AVE, vroegsignalering en de Wams, tegen de echte kennisbank.
package magikdelen.kader_test

import data.magikdelen
import data.magikdelen.kader
import data.magikdelen.routes
import data.magikdelen.testkit

ids(a) := {r.id | some r in a.redenen}

blok_ids := {b.id | some b in kader.blokkades}

# --- fase ---

test_fase_past_niet_bij_het_doel if {
	"fase_past_niet" in blok_ids with input as testkit.vraag({"doel": "ave_signaleren", "fase": "ave3", "gegevens": ["signaal"]})
}

test_fase_past_bij_het_doel if {
	not "fase_past_niet" in blok_ids with input as testkit.vraag({"doel": "ave_signaleren", "fase": "ave1", "gegevens": ["signaal"]})
}

test_doel_zonder_fase_past_bij_elk_niveau if {
	not "fase_past_niet" in blok_ids with input as testkit.vraag({"doel": "ave_afschalen", "fase": "ave2", "gegevens": ["signaal"]})
}

# --- rol in de casus (afschalen) ---

test_geen_rol_meer_na_afschalen if {
	a := magikdelen.antwoord with input as testkit.vraag({"doel": "ave_afschalen", "fase": "ave2", "gegevens": ["signaal"], "feiten": {"rol_in_casus": false}})
	a.oordeel == "niet_toegestaan"
	"geen_rol_meer" in ids(a)
	{"rol_in_casus": true} in {x.feiten | some x in a.alternatieven}
}

test_rol_in_casus_onbekend_geeft_need_to_know if {
	not "geen_rol_meer" in blok_ids with input as testkit.vraag({"doel": "ave_afschalen", "gegevens": ["signaal"]})
	"need_to_know" in kader.kader_voorwaarden with input as testkit.vraag({"doel": "ave_afschalen", "gegevens": ["signaal"]})
}

# --- wetsvoorstel ---

wams_vraag(feiten) := testkit.vraag({
	"van": "wijkteam", "naar": ["ggz"], "doel": "wams_gecoordineerde_aanpak",
	"gegevens": ["financieel"], "feiten": feiten,
})

test_wetsvoorstel_niet_in_werking if {
	a := magikdelen.antwoord with input as wams_vraag({})
	a.oordeel == "niet_toegestaan"
	"wetsvoorstel_niet_in_werking" in ids(a)
	not "wetsvoorstel" in ids(a)
}

test_wetsvoorstel_stel_dat_met_waarschuwing_en_lage_zekerheid if {
	a := magikdelen.antwoord with input as wams_vraag({"wams_in_werking": true, "meervoudig_samenhangend": true, "coordinator": true})
	a.oordeel == "toegestaan_onder_voorwaarden"
	a.zekerheid == "laag"
	"wetsvoorstel" in ids(a)
	"wams_criteria" in {v.id | some v in a.voorwaarden}
}

test_wetsvoorstel_zonder_samenhang_is_onbepaald if {
	a := magikdelen.antwoord with input as wams_vraag({"wams_in_werking": true})
	a.oordeel == "onbepaald"
	a.ontbrekende_feiten == ["meervoudig_samenhangend"]
}

test_wetsvoorstel_laat_het_beroepsgeheim_staan if {
	a := magikdelen.antwoord with input as testkit.vraag({
		"van": "ggz", "naar": ["wijkteam"], "gegevens": ["gezondheid"], "doel": "wams_onderzoek_professional",
		"feiten": {"wams_in_werking": true, "meervoudig_samenhangend": true, "toestemming": "niet_gevraagd"},
	})
	a.oordeel == "niet_toegestaan"
	{s.status | some s in a.keten; s.laag == "geheim"} == {"onbekend"}
}

# --- open kring: geen getekend convenant, geen deelnamecontrole ---

test_open_kring_toetst_geen_deelname if {
	v := testkit.vraag({"van": "school", "naar": ["politie"], "doel": "vsj_signaleren", "gegevens": ["signaal"], "feiten": {"leeftijd": 14}})
	not kader.kring_gesloten with input as v
	blok_ids == set() with input as v
	a := magikdelen.antwoord with input as v
	a.oordeel == "niet_toegestaan"
	"geen_route_art6_van" in ids(a)
}

test_gesloten_kring_is_de_standaard if {
	kader.kring_gesloten with input as testkit.zvh({})
}

# --- gesloten doel: alleen de eigen routes ---

test_gesloten_doel_laat_geen_toestemmingsroute_toe if {
	v := testkit.vraag({"van": "woningcorporatie", "naar": ["gemeente_college"], "doel": "vss_signaal", "gegevens": ["financieel"], "feiten": {"wettelijke_stappen": false}})
	not routes.doel_past_op({"doelen": ["*"]}, v.doel, v.datum)
	a := magikdelen.antwoord with input as v
	a.oordeel == "niet_toegestaan"
	{"wettelijke_stappen": true} in {x.feiten | some x in a.alternatieven}

	# De wet legt de weg van het signaal vast: past die niet, dan is het nee zeker.
	a.zekerheid == "hoog"
}

# Buiten een gesloten doel kent de kennisbank niet elke grondslag: zonder route is het nee niet zeker.
test_zonder_route_buiten_gesloten_doel_is_nee_niet_zeker if {
	a := magikdelen.antwoord with input as testkit.vraag({"van": "woningcorporatie", "naar": ["politie"], "doel": "vss_schuldhulp", "gegevens": ["financieel"], "feiten": {"toestemming": "geweigerd"}})
	a.oordeel == "niet_toegestaan"
	a.zekerheid == "middel"
}

test_wgs_signaal_na_de_stappen_is_een_wettelijke_plicht if {
	a := magikdelen.antwoord with input as testkit.vraag({"van": "woningcorporatie", "naar": ["gemeente_college"], "doel": "vss_signaal", "gegevens": ["identificerend", "financieel"], "feiten": {"wettelijke_stappen": true}})
	a.oordeel == "toegestaan"
}

# --- zelfstandige wettelijke route ---

test_zelfstandige_route_gaat_voor_de_kring_van_het_convenant if {
	v := testkit.vraag({"van": "politie", "naar": ["meldpunt_zorgwekkend_gedrag"], "doel": "ave_signaleren", "gegevens": ["signaal"]})
	kader.zelfstandig("meldpunt_zorgwekkend_gedrag").id == "wpg_meldpunten_niet_acuut" with input as v
	not kader.convenant_geldt("meldpunt_zorgwekkend_gedrag") with input as v
	a := magikdelen.antwoord with input as v
	a.oordeel == "toegestaan_onder_voorwaarden"
	a.kader.route == "wettelijk"
	"zelfstandige_wettelijke_route" in ids(a)
}

test_zonder_zelfstandige_route_geldt_het_convenant if {
	v := testkit.vraag({"van": "wijkteam", "naar": ["politie"], "doel": "ave_signaleren", "gegevens": ["signaal"]})
	not kader.zelfstandig("politie") with input as v
	kader.convenant_geldt("politie") with input as v
}

test_zelfstandige_route_niet_voor_haar_ingangsdatum if {
	not kader.zelfstandig("meldpunt_zorgwekkend_gedrag") with input as testkit.vraag({"van": "politie", "naar": ["meldpunt_zorgwekkend_gedrag"], "doel": "ave_signaleren", "datum": "2021-06-01"})
}

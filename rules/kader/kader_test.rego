package magikdelen.kader_test

import data.magikdelen.kader
import data.magikdelen.testkit
import data.magikdelen.uitleg

zvht := "Convenant Zorg- en Veiligheidshuis Twente"

eurlex := "https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679"

wgs(artikel) := concat("", ["https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=", artikel])

# blokkade: een volledig verwachte blokkade; velden vult de standaardwaarden aan.
blokkade(velden) := object.union(
	{"soort": "blokkade", "grondslagen": [], "bronnen": [], "ontbrekende_feiten": [], "herstel": {}},
	velden,
)

# samenvatting van de blokkades: [id, naar, gegevens, oordeel, zekerheid].
kort(bs) := {[b.id, b.naar, b.gegevens, b.oordeel, b.zekerheid] | some b in bs}

# uitgeschreven(bs): de blokkades bs met de datum in hun teksten, zoals het antwoord ze uitschrijft: een blokkade
# noemt de datum met uitleg.datum_plek (test_blokkade_leest_de_datum_niet).
uitgeschreven(bs) := {object.union(b, {"tekst": uitleg.met_datum(b.tekst)}) | some b in bs}

# --- convenant en doel ---

test_convenant_van_het_doel if {
	kader.convenant_id == "zvht" with input as testkit.zvh({})
	kader.convenant.naam == zvht with input as testkit.zvh({})
}

test_geen_convenant_bij_een_wettelijk_doel if {
	not kader.convenant_id with input as testkit.wettelijk({})
	not kader.convenant with input as testkit.wettelijk({})
}

test_buiten_gevraagd_convenant_bij_wettelijk_doel if {
	kader.buiten_gevraagd_convenant with input as testkit.wettelijk({"convenant": "zvht"})
}

test_buiten_gevraagd_convenant_bij_doel_van_ander_convenant if {
	kader.buiten_gevraagd_convenant with input as testkit.zvh({"convenant": "ave"})
}

test_niet_buiten_gevraagd_convenant_als_het_doel_erbij_hoort if {
	not kader.buiten_gevraagd_convenant with input as testkit.zvh({"convenant": "zvht"})
}

test_niet_buiten_gevraagd_convenant_zonder_convenant_in_de_vraag if {
	not kader.buiten_gevraagd_convenant with input as testkit.wettelijk({})
}

# --- deelname ---

test_deelname_uit_de_convenantdata if {
	[kader.deelname(p, "naar") | some p in ["politie", "woningcorporatie", "betrokken_niet_deelnemer", "huisarts", "niet_deelnemer"]] == [
		"ja", "derde", "onbekend", "derde", "nee",
	] with input as testkit.zvh({})
}

# Vóór de WGS legt het convenant de kring vast: per casus is onbekend, wie er niet in staat is geen deelnemer.
test_deelname_uit_de_convenantdata_voor_de_wgs if {
	[kader.deelname(p, "naar") | some p in ["politie", "woningcorporatie", "betrokken_niet_deelnemer", "huisarts", "niet_deelnemer", "justid"]] == [
		"ja", "onbekend", "onbekend", "nee", "nee", "nee",
	] with input as testkit.zvh({"datum": "2025-02-28"})
}

# Een functie zonder eigen deelname neemt deel via haar organisatie (WGS art. 2.27 lid 1: het college).
test_functie_neemt_deel_via_haar_organisatie if {
	[kader.deelname(p, "van") | some p in ["leerplicht", "schuldhulpverlener", "ave_procesregisseur", "meldpunt_zorgwekkend_gedrag"]] == [
		"ja", "ja", "ja", "ja",
	] with input as testkit.zvh({})
	kader.deelnemer_data("leerplicht").via == "gemeente_college" with input as testkit.zvh({})
	kader.deelnemer_data("leerplicht").wgs with input as testkit.zvh({})
	not kader.deelnemer_data("wijkteam").via with input as testkit.zvh({})
}

# Een eigen deelname gaat voor die van de organisatie (AVE: leerplicht neemt alleen per casus deel).
test_eigen_deelname_gaat_voor_die_van_de_organisatie if {
	kader.deelname("leerplicht", "van") == "onbekend" with input as testkit.vraag({"doel": "ave_niveau3_overleg"})
}

test_organisatie_van_een_partij if {
	kader.organisatie("leerplicht") == "gemeente_college"
	kader.organisatie("politie") == "politie"
}

test_deelname_feit_gaat_voor_de_data if {
	kader.deelname("politie", "naar") == "nee" with input as testkit.zvh({"feiten": {"deelnemer_naar": false}})
	kader.deelname("huisarts", "naar") == "ja" with input as testkit.zvh({"feiten": {"deelnemer_naar": true}})
}

test_deelname_feit_van_de_afzender_raakt_de_ontvanger_niet if {
	kader.deelname("politie", "naar") == "ja" with input as testkit.zvh({"feiten": {"deelnemer_van": false}})
	kader.deelname("wijkteam", "van") == "nee" with input as testkit.zvh({"feiten": {"deelnemer_van": false}})
}

test_deelname_buiten_het_datumvenster if {
	kader.deelname("politie", "naar") == "ja" with input as testkit.zvh({"datum": "2025-02-28"})
		with data.kennisbank.convenanten.zvht as met_vensters
	kader.deelname("politie", "naar") == "nee" with input as testkit.zvh({"datum": "2025-03-01"})
		with data.kennisbank.convenanten.zvht as met_vensters
	kader.deelname("ggz", "naar") == "nee" with input as testkit.zvh({"datum": "2025-02-28"})
		with data.kennisbank.convenanten.zvht as met_vensters
	kader.deelname("ggz", "naar") == "ja" with input as testkit.zvh({"datum": "2025-03-01"})
		with data.kennisbank.convenanten.zvht as met_vensters
}

met_vensters := testkit.zvht(["kring_bij_wet"], {"deelnemers": testkit.deelnemers_met_vensters})

# Met de kring bij wet wordt een organisatie buiten de lijst een derde, geen niet-deelnemer.
test_deelname_buiten_het_datumvenster_met_kring_bij_wet if {
	kader.deelname("politie", "naar") == "derde" with input as testkit.zvh({"datum": "2025-03-01"})
		with data.kennisbank.convenanten.zvht as testkit.zvht([], {"deelnemers": testkit.deelnemers_met_vensters})
}

# --- ontvangers: overleg_deelnemers ---

vaste_deelnemers_zonder_wijkteam := {
	"gemeente_college", "gemeente_burgemeester", "zvh_procesregisseur", "politie", "om", "reclassering",
	"rvdk", "veilig_thuis", "ggz", "verslavingszorg", "jeugdhulpaanbieder", "gecertificeerde_instelling",
	"dji", "ggd",
}

# Justid verstrekt aan het samenwerkingsverband (Wjsg art. 8b) maar zit niet aan tafel (aan_tafel: false).
test_justid_is_deelnemer_maar_zit_niet_aan_tafel if {
	kader.deelname("justid", "van") == "ja" with input as testkit.zvh({})
	not "justid" in kader.ontvangers with input as testkit.zvh({"naar": ["overleg_deelnemers"]})
}

test_overleg_deelnemers_zijn_de_vaste_deelnemers_behalve_de_afzender if {
	kader.ontvangers == vaste_deelnemers_zonder_wijkteam with input as testkit.zvh({"naar": ["overleg_deelnemers"]})
}

test_overleg_deelnemers_plus_een_genoemde_ontvanger if {
	kader.ontvangers == vaste_deelnemers_zonder_wijkteam | {"woningcorporatie"} with input as testkit.zvh({"naar": ["overleg_deelnemers", "woningcorporatie"]})
}

test_overleg_deelnemers_volgen_de_datum if {
	kader.ontvangers == {"politie"} with input as testkit.zvh({"naar": ["overleg_deelnemers"], "datum": "2025-02-28"})
		with data.kennisbank.convenanten.zvht as met_vensters
	kader.ontvangers == {"ggz"} with input as testkit.zvh({"naar": ["overleg_deelnemers"], "datum": "2025-03-01"})
		with data.kennisbank.convenanten.zvht as met_vensters
}

test_overleg_deelnemers_zonder_convenant_blijft_staan if {
	kader.ontvangers == {"overleg_deelnemers"} with input as testkit.wettelijk({"naar": ["overleg_deelnemers"]})
}

test_ontvangers_als_rol if {
	kader.ontvangers == {"ggz", "politie"} with input as testkit.zvh({"naar": ["mediant", "politie"]})
}

test_cellen_per_ontvanger_en_categorie if {
	kader.cellen == {
		["politie", "identificerend"], ["politie", "signaal"],
		["ggz", "identificerend"], ["ggz", "signaal"],
	} with input as testkit.zvh({"naar": ["politie", "ggz"], "gegevens": ["identificerend", "signaal"]})
}

# --- blokkades ---

test_geen_blokkades_binnen_het_kader if {
	kader.blokkades == set() with input as testkit.zvh({})
}

test_convenant_niet_uitgewerkt if {
	kader.blokkades == {blokkade({
		"id": "convenant_niet_uitgewerkt",
		"titel": "Convenant nog niet uitgewerkt",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"bronnen": ["https://wetten.overheid.nl/jci1.3:c:BWBR0040940&artikel=41"],
		"tekst": "Convenant Aanpak Voorkoming Escalatie (Almelo) is nog niet uitgewerkt in de kennisbank; de regels kunnen deze deling nog niet beoordelen.",
		"naar": "politie",
		"gegevens": "signaal",
	})} with input as testkit.vraag({"doel": "ave_signaleren", "gegevens": ["signaal"]})
		with data.kennisbank.convenanten.ave as testkit.ave_in_voorbereiding
}

test_convenant_niet_geldig_voor_de_begindatum if {
	uitgeschreven(kader.blokkades) == {blokkade({
		"id": "convenant_niet_geldig",
		"titel": "Convenant niet geldig op de datum",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"grondslagen": ["avg_6_3"],
		"bronnen": [eurlex],
		"tekst": "Convenant Zorg- en Veiligheidshuis Twente gold op 2018-12-31 niet (looptijd vanaf 2019-01-01). Een convenant is geen grondslag: alleen de eigen grondslagen van de partijen tellen; of die deze deling dragen, moet de FG beoordelen.",
		"naar": "politie",
		"gegevens": "identificerend",
		"zijde": "beide",
	})} with input as testkit.zvh({"datum": "2018-12-31"})
		with data.kennisbank.convenanten.zvht as testkit.zvht([], {"geldig_vanaf": "2019-01-01"})
}

# Vóór 25 mei 2018 (de AVG) kent de kennisbank het recht niet: alleen die blokkade, geen andere.
test_buiten_de_dekking_van_de_kennisbank if {
	kort(kader.blokkades) == {
		["buiten_dekking", "politie", "identificerend", "onbepaald", "laag"],
		["convenant_niet_geldig", "politie", "identificerend", "onbepaald", "laag"],
	} with input as testkit.zvh({"datum": "2018-05-24"})
	kader.buiten_dekking with input as testkit.zvh({"datum": "2018-05-24"})
	not kader.buiten_dekking with input as testkit.zvh({"datum": "2018-05-25"})
}

# Buiten de looptijd geldt geen enkele afspraak van het convenant (hier: de gegevens per doel).
test_buiten_de_looptijd_geen_afspraken_van_het_convenant if {
	{b.id | some b in kader.blokkades} == {"convenant_niet_geldig"} with input as testkit.zvh({"datum": "2018-12-31", "doel": "zvh_evaluatie"})
		with data.kennisbank.convenanten.zvht as testkit.zvht([], {"geldig_vanaf": "2019-01-01"})
}

test_convenant_geldig_op_de_begindatum if {
	kader.blokkades == set() with input as testkit.zvh({"datum": "2018-05-25"})
}

test_convenant_niet_geldig_na_de_einddatum_zonder_begindatum if {
	kort(kader.blokkades) == {["convenant_niet_geldig", "politie", "identificerend", "onbepaald", "laag"]} with input as testkit.zvh({})
		with data.kennisbank.convenanten.zvht as testkit.zvht(["geldig_vanaf"], {"geldig_tot": "2025-12-31"})
		with data.kennisbank.datumgrenzen as testkit.grenzen_met(["2025-12-31"])
	{b.tekst | some b in uitgeschreven(kader.blokkades)} == {"Convenant Zorg- en Veiligheidshuis Twente gold op 2026-03-01 niet (looptijd tot en met 2025-12-31). Een convenant is geen grondslag: alleen de eigen grondslagen van de partijen tellen; of die deze deling dragen, moet de FG beoordelen."} with input as testkit.zvh({})
		with data.kennisbank.convenanten.zvht as testkit.zvht(["geldig_vanaf"], {"geldig_tot": "2025-12-31"})
		with data.kennisbank.datumgrenzen as testkit.grenzen_met(["2025-12-31"])
}

test_looptijd_met_begin_en_einde if {
	kader.looptijd == "vanaf 2018-05-25 tot en met 2025-12-31" with input as testkit.zvh({})
		with data.kennisbank.convenanten.zvht as testkit.zvht([], {"geldig_tot": "2025-12-31"})
}

test_convenant_niet_getekend if {
	kader.blokkades == {blokkade({
		"id": "convenant_niet_getekend",
		"titel": "Convenant niet ondertekend",
		"oordeel": "niet_toegestaan",
		"zekerheid": "hoog",
		"grondslagen": ["avg_5_2"],
		"bronnen": [eurlex],
		"tekst": "Convenant Zorg- en Veiligheidshuis Twente is niet ondertekend; zonder ondertekend convenant is er geen afgesproken kring.",
		"naar": "politie",
		"gegevens": "identificerend",
		"herstel": {"convenant_getekend": true},
	})} with input as testkit.zvh({"feiten": {"convenant_getekend": false}})
}

test_convenant_getekend_geeft_geen_blokkade if {
	kader.blokkades == set() with input as testkit.zvh({"feiten": {"convenant_getekend": true}})
}

test_convenant_getekend_zonder_convenant_geeft_geen_blokkade if {
	kader.blokkades == set() with input as testkit.wettelijk({"feiten": {"convenant_getekend": false}})
}

# Vóór de WGS: de huisarts staat niet in het convenant. Hij kan een eigen grondslag hebben, dus onbepaald (FG),
# en toetreden tot het convenant is een alternatief.
test_afzender_geen_deelnemer_volgens_de_data if {
	uitgeschreven(kader.blokkades) == {blokkade({
		"id": "afzender_geen_deelnemer",
		"titel": "Afzender is geen deelnemer",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"grondslagen": ["avg_6_3"],
		"bronnen": [eurlex],
		"tekst": "Huisarts is op 2024-06-01 geen deelnemer van Convenant Zorg- en Veiligheidshuis Twente, dus het convenant dekt deze deling niet. Een convenant is geen grondslag: of Huisarts op een eigen grondslag mag delen, moet de FG beoordelen.",
		"naar": "politie",
		"gegevens": "identificerend",
		"herstel": {"deelnemer_van": true},
		"zijde": "van",
	})} with input as testkit.zvh({"van": "huisarts", "datum": "2024-06-01"})
}

# Met de kring bij wet (WGS) is deelnemer worden geen alternatief, en de wet wordt geciteerd.
test_afzender_geen_deelnemer_volgens_feit_onder_de_wgs if {
	{[b.id, b.oordeel, b.zekerheid, b.grondslagen, b.herstel] | some b in kader.blokkades} == {[
		"afzender_geen_deelnemer", "onbepaald", "laag",
		["avg_6_3", "wgs_samenwerkingsverbanden_2_27_1", "wgs_samenwerkingsverbanden_2_27_2"], {},
	]} with input as testkit.zvh({"feiten": {"deelnemer_van": false}})
}

# Een blokkade noemt de datum met uitleg.datum_plek, niet zelf: zo leest het oordeel alleen de peildatum en deelt
# een vraag op een andere dag met dezelfde peildatum het (library/invoerdelen.go). Het antwoord schrijft de datum
# in (magikdelen_test: test_reden_noemt_de_datum).
test_blokkade_leest_de_datum_niet if {
	{b.tekst | some b in kader.blokkades} == {"Huisarts is op {datum} geen deelnemer van Convenant Zorg- en Veiligheidshuis Twente, dus het convenant dekt deze deling niet. Een convenant is geen grondslag: of Huisarts op een eigen grondslag mag delen, moet de FG beoordelen."} with input as testkit.zvh({"van": "huisarts", "datum": "2024-06-01"})
}

test_afzender_niet_deelnemer_is_nooit_zeker if {
	kort(kader.blokkades) == {["afzender_geen_deelnemer", "politie", "identificerend", "onbepaald", "laag"]} with input as testkit.zvh({"van": "niet_deelnemer"})
}

test_ontvanger_geen_deelnemer_volgens_de_data if {
	uitgeschreven(kader.blokkades) == {blokkade({
		"id": "ontvanger_geen_deelnemer",
		"titel": "Ontvanger is geen deelnemer",
		"oordeel": "niet_toegestaan",
		"zekerheid": "middel",
		"grondslagen": ["avg_5_1_b"],
		"bronnen": [eurlex],
		"tekst": "Huisarts is op 2024-06-01 geen deelnemer van Convenant Zorg- en Veiligheidshuis Twente; buiten de kring is er geen grondslag om wat in de casus is besproken te delen.",
		"naar": "huisarts",
		"gegevens": "identificerend",
		"herstel": {"deelnemer_naar": true},
	})} with input as testkit.zvh({"naar": ["huisarts"], "datum": "2024-06-01"})
}

# Een ontvanger die geen deelnemer is: nooit hoge zekerheid op de kring alleen. Onder de WGS geldt daarnaast
# de geheimhoudingsplicht van het samenwerkingsverband (art. 1.11), en die is wel zeker.
test_ontvanger_geen_deelnemer_volgens_feit_onder_de_wgs if {
	kort(kader.blokkades) == {
		["ontvanger_geen_deelnemer", "politie", "identificerend", "niet_toegestaan", "middel"],
		["geheimhouding_samenwerkingsverband", "politie", "identificerend", "niet_toegestaan", "hoog"],
	} with input as testkit.zvh({"feiten": {"deelnemer_naar": false}})
	{b.grondslagen | some b in kader.blokkades; b.id == "geheimhouding_samenwerkingsverband"} == {["wgs_samenwerkingsverbanden_1_11", "wgs_samenwerkingsverbanden_1_7"]} with input as testkit.zvh({"feiten": {"deelnemer_naar": false}})
}

test_ontvanger_niet_deelnemer_voor_de_wgs_is_niet_zeker if {
	kort(kader.blokkades) == {["ontvanger_geen_deelnemer", "niet_deelnemer", "identificerend", "niet_toegestaan", "middel"]} with input as testkit.zvh({"naar": ["niet_deelnemer"], "datum": "2024-06-01"})
}

test_ontvanger_niet_deelnemer_onder_de_wgs if {
	kort(kader.blokkades) == {
		["ontvanger_geen_deelnemer", "niet_deelnemer", "identificerend", "niet_toegestaan", "middel"],
		["geheimhouding_samenwerkingsverband", "niet_deelnemer", "identificerend", "niet_toegestaan", "hoog"],
	} with input as testkit.zvh({"naar": ["niet_deelnemer"]})
}

# WGS art. 2.31 lid 9-10: een niet-deelnemer kan alleen incidenteel als derde aanschuiven. Dat is geen nee
# (de publieke deelnemers kunnen het besluiten) en geen "word deelnemer" (de wet sluit dat uit).
test_alleen_als_derde_onder_de_wgs if {
	kader.blokkades == {blokkade({
		"id": "alleen_als_derde",
		"titel": "Alleen incidenteel als derde",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"grondslagen": ["wgs_samenwerkingsverbanden_2_31_9"],
		"bronnen": [wgs("2.31")],
		"tekst": "Huisarts is geen deelnemer van Convenant Zorg- en Veiligheidshuis Twente en kan dat ook niet worden; alleen als de publieke deelnemers Huisarts incidenteel als derde laten aanschuiven, kan de deling binnen het samenwerkingsverband. Of dat zo is, en of Huisarts een eigen grondslag heeft, moet de FG beoordelen.",
		"naar": "huisarts",
		"gegevens": "identificerend",
		"ontbrekende_feiten": ["deelnemer_naar"],
		"zijde": "naar",
	})} with input as testkit.zvh({"naar": ["huisarts"]})
}

# Huisarts, school, woningcorporatie, Halt, jongerenwerk en zorgverzekeraar worden gelijk behandeld.
test_niet_deelnemers_onder_de_wgs_gelijk_behandeld if {
	{p: kader.deelname(p, "van") | some p in ["huisarts", "school", "woningcorporatie", "halt", "jongerenwerk", "zorgverzekeraar"]} == {
		"huisarts": "derde", "school": "derde", "woningcorporatie": "derde", "halt": "derde",
		"jongerenwerk": "derde", "zorgverzekeraar": "derde",
	} with input as testkit.zvh({})
}

test_betrokkene_is_nooit_een_niet_deelnemer if {
	kader.blokkades == set() with input as testkit.zvh({"naar": ["betrokkene"]})
}

test_ontvanger_deelnemer_volgens_feit if {
	kader.blokkades == set() with input as testkit.zvh({"naar": ["huisarts"], "feiten": {"deelnemer_naar": true}})
}

test_deelname_onbekend_bij_deelname_per_casus if {
	uitgeschreven(kader.blokkades) == {blokkade({
		"id": "deelname_onbekend",
		"titel": "Deelname onbekend",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"bronnen": [eurlex],
		"tekst": "Of Woningcorporatie op 2024-06-01 deelneemt aan Convenant Zorg- en Veiligheidshuis Twente, staat niet vast.",
		"naar": "woningcorporatie",
		"gegevens": "identificerend",
		"ontbrekende_feiten": ["deelnemer_naar"],
		"herstel": {"deelnemer_naar": true},
		"zijde": "naar",
	})} with input as testkit.zvh({"naar": ["woningcorporatie"], "datum": "2024-06-01"})
}

test_deelname_onbekend_van_de_afzender if {
	{[b.id, b.ontbrekende_feiten, b.herstel] | some b in kader.blokkades} == {["deelname_onbekend", ["deelnemer_van"], {"deelnemer_van": true}]} with input as testkit.zvh({"van": "halt", "datum": "2024-06-01"})
}

test_deelname_onbekend_bij_betrokken_niet_deelnemer_in_convenant if {
	kort(kader.blokkades) == {["deelname_onbekend", "betrokken_niet_deelnemer", "identificerend", "onbepaald", "laag"]} with input as testkit.zvh({"naar": ["betrokken_niet_deelnemer"]})
}

test_deelname_per_casus_bevestigd_door_feit if {
	kader.blokkades == set() with input as testkit.zvh({"naar": ["woningcorporatie"], "feiten": {"deelnemer_naar": true}})
}

test_betrokken_niet_deelnemer_zonder_convenant if {
	kader.blokkades == {blokkade({
		"id": "betrokken_niet_deelnemer",
		"titel": "Betrokken niet-deelnemer",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"bronnen": [wgs("2.31")],
		"tekst": "Betrokken niet-deelnemer heeft een eigen rol in de casus maar geen vastgelegde route; de FG moet dit beoordelen.",
		"naar": "betrokken_niet_deelnemer",
		"gegevens": "identificerend",
	})} with input as testkit.wettelijk({"naar": ["betrokken_niet_deelnemer"]})
}

test_gewone_ontvanger_zonder_convenant_geeft_geen_blokkade if {
	kader.blokkades == set() with input as testkit.wettelijk({"naar": ["huisarts"]})
}

test_overleg_zonder_convenant if {
	kader.blokkades == {blokkade({
		"id": "overleg_zonder_convenant",
		"titel": "Overlegtafel zonder convenant",
		"oordeel": "onbepaald",
		"zekerheid": "laag",
		"tekst": "Zonder convenant is niet te bepalen wie er aan de casustafel zitten; noem de ontvangers afzonderlijk.",
		"naar": "overleg_deelnemers",
		"gegevens": "identificerend",
	})} with input as testkit.wettelijk({"naar": ["overleg_deelnemers"]})
}

test_overleg_met_convenant_geeft_geen_blokkade if {
	kader.blokkades == set() with input as testkit.zvh({"naar": ["overleg_deelnemers"]})
}

test_inclusie_niet_vervuld if {
	kader.blokkades == {blokkade({
		"id": "inclusie_niet_vervuld",
		"titel": "Inclusiecriteria niet vervuld",
		"oordeel": "niet_toegestaan",
		"zekerheid": "middel",
		"grondslagen": ["wgs_samenwerkingsverbanden_2_25", "avg_5_1_b", "avg_5_1_c"],
		"bronnen": [wgs("2.25"), eurlex],
		"tekst": "De casus voldoet niet aan de inclusiecriteria, dus Casusoverleg (MDO) is niet noodzakelijk.",
		"naar": "politie",
		"gegevens": "identificerend",
		"herstel": {"inclusiecriteria": true},
	})} with input as testkit.vraag({"feiten": {"inclusiecriteria": false}})
}

test_inclusie_onbekend_is_geen_blokkade if {
	kader.blokkades == set() with input as testkit.vraag({})
}

test_inclusie_niet_vereist_voor_de_screening if {
	kader.blokkades == set() with input as testkit.vraag({"doel": "zvh_screening", "feiten": {"inclusiecriteria": false}})
}

test_gegevens_buiten_doel if {
	kader.blokkades == {blokkade({
		"id": "gegevens_buiten_doel",
		"titel": "Gegevens passen niet bij het doel",
		"oordeel": "niet_toegestaan",
		"zekerheid": "middel",
		"grondslagen": ["avg_5_1_c"],
		"bronnen": [eurlex],
		"tekst": `Gezondheidsgegevens hoort niet bij Screening en triage (dat doel draagt ten hoogste: Identificerende gegevens, Burgerservicenummer, Betrokkenheid ("is bekend bij")).`,
		"naar": "politie",
		"gegevens": "gezondheid",
	})} with input as testkit.zvh({"doel": "zvh_screening", "gegevens": ["gezondheid", "identificerend"]})
}

test_gegevens_binnen_doel_met_alle_gegevens if {
	kader.blokkades == set() with input as testkit.zvh({"gegevens": ["gezondheid", "strafrechtelijk"]})
}

test_evaluatie_draagt_geen_persoonsgegevens if {
	{b.tekst | some b in kader.blokkades} == {"Identificerende gegevens hoort niet bij Evaluatie en verantwoording (dat doel draagt ten hoogste: geen persoonsgegevens)."} with input as testkit.zvh({"doel": "zvh_evaluatie"})
}

test_opsomming if {
	kader.opsomming([]) == "geen persoonsgegevens"
	kader.opsomming(["bsn", "signaal"]) == "Burgerservicenummer, Signaal"
}

test_bewaartermijn_verstreken if {
	kader.blokkades == {blokkade({
		"id": "bewaartermijn_verstreken",
		"titel": "Bewaartermijn verstreken",
		"oordeel": "niet_toegestaan",
		"zekerheid": "hoog",
		"grondslagen": ["avg_5_1_e", "wgs_samenwerkingsverbanden_1_8_7"],
		"bronnen": [wgs("1.8")],
		"tekst": "De bewaartermijn van Convenant Zorg- en Veiligheidshuis Twente liep uiterlijk af op 2025-06-30 (casus gesloten op 2020-06-30; de eerste verwerking lag daar niet na).",
		"naar": "politie",
		"gegevens": "identificerend",
	})} with input as testkit.zvh({"feiten": {"casus_gesloten_op": "2020-06-30"}})
}

test_bewaartermijn_op_de_laatste_dag_nog_niet_verstreken if {
	kader.blokkades == set() with input as testkit.zvh({"datum": "2025-06-30", "feiten": {"casus_gesloten_op": "2020-06-30"}})
}

test_bewaartermijn_de_dag_erna_verstreken if {
	kort(kader.blokkades) == {["bewaartermijn_verstreken", "politie", "identificerend", "niet_toegestaan", "hoog"]} with input as testkit.zvh({"datum": "2025-07-01", "feiten": {"casus_gesloten_op": "2020-06-30"}})
}

test_bewaartermijn_zonder_sluitingsdatum if {
	not kader.bewaartermijn_einde with input as testkit.zvh({})
}

test_bewaartermijn_zonder_convenant if {
	kader.blokkades == set() with input as testkit.wettelijk({"feiten": {"casus_gesloten_op": "2000-01-01"}})
}

test_bewaartermijn_zonder_grondslag_in_het_convenant if {
	kader.grondslagen_bewaartermijn == ["avg_5_1_e"] with input as testkit.zvh({})
		with data.kennisbank.convenanten.zvht as testkit.zvht(["bewaartermijn"], {"bewaartermijn": {"jaren": 5}})
	kader.grondslagen_bewaartermijn == ["avg_5_1_e", "wgs_samenwerkingsverbanden_1_8_7"] with input as testkit.zvh({})
}

# --- voorwaarden en zekerheid per cel ---

test_voorwaarden_van_het_casusoverleg if {
	kader.voorwaarden_cel.politie == {"noodzaak", "minimaal", "need_to_know", "doelbinding", "inclusie", "informeren"} with input as testkit.zvh({})
}

test_informeren_niet_als_betrokkene_geinformeerd_is if {
	kader.voorwaarden_cel.politie == {"noodzaak", "minimaal", "need_to_know", "doelbinding", "inclusie"} with input as testkit.zvh({"feiten": {"betrokkene_geinformeerd": "ja"}})
	kader.voorwaarden_cel.politie == {"noodzaak", "minimaal", "need_to_know", "doelbinding", "inclusie"} with input as testkit.zvh({"feiten": {"betrokkene_geinformeerd": "uitzondering"}})
}

test_informeren_als_betrokkene_niet_geinformeerd_is if {
	"informeren" in kader.voorwaarden_cel.politie with input as testkit.zvh({"feiten": {"betrokkene_geinformeerd": "nee"}})
}

test_bewaartermijn_als_voorwaarde_binnen_de_termijn if {
	"bewaartermijn" in kader.voorwaarden_cel.politie with input as testkit.zvh({"feiten": {"casus_gesloten_op": "2024-01-01"}})
}

test_deelnemer_als_voorwaarde_bij_deelname_per_casus if {
	"deelnemer" in kader.voorwaarden_cel.woningcorporatie with input as testkit.zvh({"naar": ["woningcorporatie"], "datum": "2024-06-01"})
}

test_deelnemer_als_voorwaarde_bij_deelname_uit_feit if {
	"deelnemer" in kader.voorwaarden_cel.politie with input as testkit.zvh({"feiten": {"deelnemer_naar": true}})
}

test_geen_deelnemer_voorwaarde_bij_vaste_deelnemers if {
	not "deelnemer" in kader.voorwaarden_cel.politie with input as testkit.zvh({})
}

test_voorwaarden_van_een_wettelijk_doel if {
	kader.voorwaarden_cel.politie == {"noodzaak", "minimaal"} with input as testkit.wettelijk({"feiten": {"deelnemer_naar": true}})
}

test_zekerheden_uit_de_convenantdata if {
	kader.zekerheden_cel.politie == {"hoog", "middel"} with input as testkit.zvh({})
}

test_zekerheden_niet_uit_de_data_als_een_feit_de_deelname_geeft if {
	kader.zekerheden_cel.politie == {"hoog"} with input as testkit.zvh({"feiten": {"deelnemer_naar": true}})
}

test_zekerheden_zonder_convenant if {
	kader.zekerheden_cel.politie == set() with input as testkit.wettelijk({})
}

# --- regime en bewaartermijn op de datum ---

# DJI: tenuitvoerleggingsgegevens vallen pas sinds 2019-01-01 onder de Wjsg (partijen.yaml, regime_vanaf).
test_regime_onbekend_voor_regime_vanaf if {
	kort(kader.blokkades) == {["regime_onbekend", "gemeente_college", "tenuitvoerlegging", "onbepaald", "laag"]} with input as testkit.vraag({
		"van": "dji", "naar": ["gemeente_college"], "gegevens": ["tenuitvoerlegging"], "doel": "nazorg_detentie", "datum": "2018-09-01",
	})
	kader.blokkades == set() with input as testkit.vraag({
		"van": "dji", "naar": ["gemeente_college"], "gegevens": ["tenuitvoerlegging"], "doel": "nazorg_detentie", "datum": "2019-01-01",
	})
}

# WGS art. 1.8 lid 7: vijf jaar vanaf de eerste verwerking, ook als de casus nog open is.
test_bewaartermijn_vanaf_de_eerste_verwerking if {
	invoer := testkit.zvh({"feiten": {"eerste_verwerking_op": "2020-06-01"}})
	kader.bewaartermijn_einde == "2025-06-01" with input as invoer
	{[b.id, b.tekst] | some b in kader.blokkades} == {[
		"bewaartermijn_verstreken",
		"De bewaartermijn van Convenant Zorg- en Veiligheidshuis Twente liep uiterlijk af op 2025-06-01 (eerste verwerking op 2020-06-01).",
	]} with input as invoer
}

# Zonder datum van de eerste verwerking is de sluitingsdatum + 5 jaar de uiterste grens; daarvoor staat niet
# vast of de termijn voorbij is: het antwoord zegt dat, en de checklist vraagt het na te gaan.
test_bewaartermijn_onzeker_zonder_eerste_verwerking if {
	invoer := testkit.zvh({"feiten": {"casus_gesloten_op": "2025-06-01"}})
	kader.bewaartermijn_onzeker with input as invoer
	kader.blokkades == set() with input as invoer
	"bewaartermijn" in kader.voorwaarden_cel.politie with input as invoer
	not kader.bewaartermijn_onzeker with input as testkit.zvh({"feiten": {"casus_gesloten_op": "2025-06-01", "eerste_verwerking_op": "2024-01-01"}})
}

test_bewaartermijn_vanaf_sluiting_zonder_wgs if {
	kader.bewaartermijn_basis == "casus gesloten op 2024-01-01" with input as testkit.zvh({"feiten": {"casus_gesloten_op": "2024-01-01"}})
		with data.kennisbank.convenanten.zvht as testkit.zvht(["bewaartermijn"], {"bewaartermijn": {"jaren": 5, "tekst": "x", "zekerheid": "laag"}})
}

test_geen_bewaartermijn_voorwaarde_zonder_convenant if {
	not "bewaartermijn" in kader.voorwaarden_cel.politie with input as testkit.wettelijk({"feiten": {"casus_gesloten_op": "2025-06-01"}})
}

test_looptijd_tot_zonder_begin if {
	kader.looptijd == "tot en met 2025-12-31" with input as testkit.zvh({})
		with data.kennisbank.convenanten.zvht as testkit.zvht(["geldig_vanaf"], {"geldig_tot": "2025-12-31"})
}

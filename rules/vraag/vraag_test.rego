package magikdelen.vraag_test

import data.magikdelen.testkit
import data.magikdelen.vraag

test_rol_van_een_rol_is_de_rol if vraag.rol("ggz") == "ggz"

test_rol_van_een_organisatie_is_haar_partij if vraag.rol("gemeente_almelo") == "gemeente_college"

test_rol_van_een_onbekend_id_is_ongedefinieerd if not vraag.rol("sportclub")

test_van_wordt_een_rol if {
	vraag.van == "ggz" with input as testkit.vraag({"van": "mediant"})
}

test_naar_als_lijst_wordt_lijst_van_rollen if {
	vraag.naar == ["politie", "gemeente_college"] with input as testkit.vraag({"naar": ["politie", "gemeente_hengelo"]})
}

test_naar_als_tekst_wordt_lijst if {
	vraag.naar == ["veilig_thuis"] with input as testkit.vraag({"naar": "veilig_thuis_twente"})
}

test_naar_van_ander_type_is_leeg if {
	vraag.naar == [] with input as testkit.vraag({"naar": 7})
}

test_gegevens_zijn_een_verzameling if {
	vraag.gegevens == {"signaal", "bsn"} with input as testkit.vraag({"gegevens": ["signaal", "bsn", "signaal"]})
}

test_doel_fase_en_convenant_komen_uit_de_vraag if {
	invoer := testkit.vraag({"doel": "ave_signaleren", "fase": "ave1", "convenant": "ave"})
	vraag.doel == "ave_signaleren" with input as invoer
	vraag.fase == "ave1" with input as invoer
	vraag.convenant_gevraagd == "ave" with input as invoer
}

test_zonder_fase_en_convenant_zijn_die_ongedefinieerd if {
	not vraag.fase with input as testkit.vraag({})
	not vraag.convenant_gevraagd with input as testkit.vraag({})
}

test_feiten_standaard_leeg if {
	vraag.feiten == {} with input as object.remove(testkit.vraag({}), ["feiten"])
}

test_feit_geeft_waarde_of_null if {
	invoer := testkit.vraag({"feiten": {"leeftijd": 14, "ots": false}})
	vraag.feit("leeftijd") == 14 with input as invoer
	vraag.feit("ots") == false with input as invoer
	vraag.feit("toestemming") == null with input as invoer
}

test_bekend_ook_als_het_feit_onwaar_is if {
	vraag.bekend("ots") with input as testkit.vraag({"feiten": {"ots": false}})
}

test_niet_bekend_als_het_feit_ontbreekt if {
	not vraag.bekend("ots") with input as testkit.vraag({"feiten": {"toestemming": "gegeven"}})
}

test_datum_uit_de_vraag if {
	vraag.datum == "2025-02-28" with input as testkit.vraag({"datum": "2025-02-28"})
}

test_datum_van_ander_type_is_geen_vandaag if {
	vraag.datum == "" with input as testkit.vraag({"datum": 20260301})
	not vraag.datum_geldig with input as testkit.vraag({"datum": 20260301})
}

# De regels lezen geen klok: zonder datum is de datum leeg (vandaag komt van magikdelen.antwoord, contract §2).
test_zonder_datum_geen_klok if {
	vraag.datum == "" with input as testkit.vraag({"datum": null})
	vraag.datum == "" with input as object.remove(testkit.vraag({}), ["datum"])
	not vraag.datum_geldig with input as object.remove(testkit.vraag({}), ["datum"])
}

test_datum_geldig_alleen_een_bestaande_dag if {
	every d in ["2026-03-01", "2024-02-29", "1999-12-31"] {
		vraag.datum_geldig with input as testkit.vraag({"datum": d})
	}
	every d in ["2026-13-01", "2025-02-29", "2026-3-1", "gisteren", "", "2026-03-01T00:00:00Z"] {
		not vraag.datum_geldig with input as testkit.vraag({"datum": d})
	}
}

# peildatum: de laatste datumgrens op of vóór de datum; op een grens die grens zelf, de dag ervoor de grens
# daarvoor. Met grenzen 0000-01-01, 2025-03-01 en 2025-03-02 (de WGS en de dag erna).
wgs_grenzen := ["0000-01-01", "2025-03-01", "2025-03-02"]

test_peildatum_is_de_laatste_grens_op_of_voor_de_datum if {
	vraag.peildatum == "0000-01-01" with input as testkit.vraag({"datum": "2025-02-28"})
		with data.kennisbank.datumgrenzen as wgs_grenzen
	vraag.peildatum == "2025-03-01" with input as testkit.vraag({"datum": "2025-03-01"})
		with data.kennisbank.datumgrenzen as wgs_grenzen
	vraag.peildatum == "2025-03-02" with input as testkit.vraag({"datum": "2025-03-02"})
		with data.kennisbank.datumgrenzen as wgs_grenzen
	vraag.peildatum == "2025-03-02" with input as testkit.vraag({"datum": "2031-07-15"})
		with data.kennisbank.datumgrenzen as wgs_grenzen
}

# Zo vergelijkt peildatum met een dag van de kennisbank (hier de WGS) als de datum zelf, op de dagen rond die dag.
test_peildatum_vergelijkt_als_de_datum if {
	every d in ["2025-02-27", "2025-02-28"] {
		p := vraag.peildatum with input as testkit.vraag({"datum": d}) with data.kennisbank.datumgrenzen as wgs_grenzen
		not p >= "2025-03-01"
		p <= "2025-03-01"
	}
	p := vraag.peildatum with input as testkit.vraag({"datum": "2025-03-01"}) with data.kennisbank.datumgrenzen as wgs_grenzen
	p >= "2025-03-01"
	p <= "2025-03-01"
	every d in ["2025-03-02", "2026-12-07"] {
		q := vraag.peildatum with input as testkit.vraag({"datum": d}) with data.kennisbank.datumgrenzen as wgs_grenzen
		q >= "2025-03-01"
		not q <= "2025-03-01"
	}
}

# Een ongeldige datum blijft wat zij is (de regels beoordelen haar niet: datum_ongeldig).
test_peildatum_van_een_ongeldige_datum_is_de_datum if {
	vraag.peildatum == "2025-02-30" with input as testkit.vraag({"datum": "2025-02-30"})
	vraag.peildatum == "" with input as testkit.vraag({"datum": 20250301})
}

# De echte kennisbank: elke grens is een dag, gesorteerd, en elke dag die een route, grondslag of convenant noemt
# is er een.
test_datumgrenzen_van_de_kennisbank if {
	g := data.kennisbank.datumgrenzen
	g == sort(g)
	g[0] == "0000-01-01"
	every d in ["2018-05-25", "2025-03-01", "2025-03-02", "2021-01-01"] {
		d in g
	}
}

# leeftijdsklasse: de hoogste leeftijdsgrens op of onder de leeftijd, onder alle grenzen de laagste min één. De
# grenzen van de kennisbank: 12, 16 (toestemming per leeftijd), 18 (meerderjarig) en 150.
klasse(leeftijd) := k if {
	k := vraag.leeftijdsklasse with input as testkit.vraag({"feiten": {"leeftijd": leeftijd}})
}

test_leeftijdsgrenzen_uit_de_kennisbank if vraag.leeftijdsgrenzen == {12, 16, 18, 150}

test_leeftijdsklasse_is_de_hoogste_grens_op_of_onder_de_leeftijd if {
	klasse(0) == 11
	klasse(11) == 11
	klasse(12) == 12
	klasse(15) == 12
	klasse(16) == 16
	klasse(17) == 16
	klasse(18) == 18
	klasse(45) == 18
	klasse(149) == 18
	klasse(150) == 150
}

# Voor elke leeftijd van 0 tot en met 151 (ook een breuk) en elke grens: leeftijd < grens precies als
# leeftijdsklasse < grens. Zo geven de regels die met de klasse vergelijken hetzelfde als met de leeftijd zelf.
test_leeftijdsklasse_vergelijkt_als_de_leeftijd if {
	every leeftijd in array.concat(numbers.range(0, 151), [11.5, 17.9]) {
		k := klasse(leeftijd)
		every g in vraag.leeftijdsgrenzen {
			(leeftijd < g) == k < g
		}
	}
}

# Twee volwassenen hebben dezelfde klasse (de bibliotheek deelt wat de regels ermee uitrekenen); een kind van 11
# en een van 12 niet.
test_leeftijdsklasse_deelt_alleen_tussen_twee_grenzen if {
	klasse(19) == klasse(64)
	klasse(11) != klasse(12)
	klasse(17) != klasse(18)
}

# Zonder leeftijd, of met een leeftijd die geen getal is: die waarde zelf (de regels toetsen is_number).
test_leeftijdsklasse_zonder_getal_is_de_waarde_zelf if {
	vraag.leeftijdsklasse == null with input as testkit.vraag({})
	klasse("twaalf") == "twaalf"
}

# Zonder grenzen in de kennisbank: de leeftijd zelf.
test_leeftijdsklasse_zonder_grenzen_is_de_leeftijd if {
	vraag.leeftijdsklasse == 14 with input as testkit.vraag({"feiten": {"leeftijd": 14}})
		with vraag.leeftijdsgrenzen as set()
}

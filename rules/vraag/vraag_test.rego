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

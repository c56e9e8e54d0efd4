package magikdelen.datum_test

import data.magikdelen.datum

venster := {"vanaf": "2025-03-01", "tot": "2025-12-31"}

test_binnen_op_de_begindatum if datum.binnen("2025-03-01", venster, "vanaf", "tot")

test_binnen_op_de_einddatum if datum.binnen("2025-12-31", venster, "vanaf", "tot")

test_niet_binnen_de_dag_voor_de_begindatum if not datum.binnen("2025-02-28", venster, "vanaf", "tot")

test_niet_binnen_de_dag_na_de_einddatum if not datum.binnen("2026-01-01", venster, "vanaf", "tot")

test_ontbrekende_grenzen_zijn_open if {
	datum.binnen("1900-01-01", {}, "vanaf", "tot")
	datum.binnen("2999-12-31", {"vanaf": "2025-03-01"}, "vanaf", "tot")
}

# De WGS geldt vanaf 2025-03-01: een route met geldig_vanaf geldt vanaf die dag, niet de dag ervoor.
test_geldig_vanaf_de_wgs_overgang if {
	datum.geldig("2025-03-01", {"geldig_vanaf": "2025-03-01"})
	not datum.geldig("2025-02-28", {"geldig_vanaf": "2025-03-01"})
}

# De constructie van vóór de WGS geldt tot en met 2025-02-28.
test_geldig_tot_de_wgs_overgang if {
	datum.geldig("2025-02-28", {"geldig_tot": "2025-02-28"})
	not datum.geldig("2025-03-01", {"geldig_tot": "2025-02-28"})
}

test_geldig_leest_niet_de_deelnamevelden if {
	datum.geldig("2020-01-01", {"vanaf": "2025-03-01", "tot": "2025-12-31"})
}

test_plus_jaren_telt_het_jaar_op if datum.plus_jaren("2019-06-30", 5) == "2024-06-30"

test_plus_jaren_houdt_maand_en_dag if datum.plus_jaren("2019-12-31", 1) == "2020-12-31"

test_plus_jaren_op_29_februari_blijft_tekst if datum.plus_jaren("2020-02-29", 5) == "2025-02-29"

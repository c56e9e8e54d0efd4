# METADATA
# title: De vraag
# description: >-
#   Normaliseert de vraag van het contract (§2): naar als lijst, concrete organisaties naar hun rol,
#   feiten als object, datum standaard vandaag. Alle andere pakketten lezen de vraag via dit pakket,
#   zodat alternatieven met een gewijzigde invoer opnieuw kunnen worden doorgerekend.
package magikdelen.vraag

import data.kennisbank as kb

# rol geeft de partij-rol van een id: een rol uit de woordenlijst, of de rol van een concrete organisatie
# die een convenant noemt.
rol(id) := id if kb.partijen[id]

rol(id) := kb.organisaties[id].partij if not kb.partijen[id]

van := rol(input.van)

naar_ids := input.naar if is_array(input.naar)

naar_ids := [input.naar] if is_string(input.naar)

# naar is de lijst van gevraagde ontvangers, als rollen; overleg_deelnemers wordt in het kader uitgeschreven.
naar := [rol(id) | some id in naar_ids]

gegevens := {c | some c in input.gegevens}

doel := input.doel

feiten := object.get(input, "feiten", {})

fase := input.fase

convenant_gevraagd := input.convenant

default datum := ""

datum := input.datum if is_string(input.datum)

# Zonder datum geldt vandaag. (object.get, niet "not is_string(input.datum)": OPA haalt input.datum anders
# uit de negatie en de regel faalt als het veld ontbreekt.)
datum := time.format([time.now_ns(), "UTC", "2006-01-02"]) if not is_string(object.get(input, "datum", null))

# feit geeft de waarde van een feit, of null als het feit niet is opgegeven.
feit(id) := object.get(feiten, id, null)

bekend(id) if feit(id) != null

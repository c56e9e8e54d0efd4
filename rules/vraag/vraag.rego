# METADATA
# title: De vraag
# description: >-
#   Normaliseert de vraag van het contract (§2): naar als lijst, concrete organisaties naar hun rol,
#   feiten als object, de datum zoals de vraag haar geeft. Alle andere pakketten lezen de vraag via dit pakket,
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

# datum: de datum uit de vraag. De regels lezen geen klok: de datum komt van wie vraagt. De bibliotheek vult
# haar altijd in; een vraag aan de OPA-bundel zonder datum krijgt vandaag van magikdelen.antwoord (contract
# §2, de enige plek die de klok leest). Zonder datum, of met een datum die geen tekst is (geen gok), is datum
# leeg en blokkeert het kader elke cel (datum_ongeldig).
default datum := ""

datum := input.datum if is_string(input.datum)

# datum_gegeven: de datum zoals de vraag haar geeft, ook als zij geen tekst is; null zonder datum.
default datum_gegeven := null

datum_gegeven := input.datum

# datum_geldig: de datum is een bestaande dag in de vorm JJJJ-MM-DD.
datum_geldig if {
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, datum)
	time.parse_ns("2006-01-02", datum)
}

# peildatum: de datum waarmee de regels de datum van de deling vergelijken met een dag uit de kennisbank: de
# laatste datumgrens (kb.datumgrenzen: elke dag die de kennisbank noemt en de dag erna, bij het laden
# opgebouwd, buiten de voorbeeldvragen van de vraagbaak, die de regels niet lezen) op of vóór de datum. Voor
# elke dag X van de kennisbank is datum >= X precies als peildatum >= X, en datum <= X precies als
# peildatum <= X (ligt datum na X, dan ook de dag na X, een grens). Wat de regels met peildatum uitrekenen is
# dus gelijk voor alle datums tussen twee grenzen, en de bibliotheek deelt het over vragen op zulke datums
# (library/invoerdelen.go). Teksten, en vergelijkingen met datums uit de feiten (de bewaartermijn), gebruiken
# datum zelf. Een ongeldige datum blijft wat zij is.
peildatum := max([g | some g in grenzen; g <= datum]) if {
	datum_geldig
	grenzen := kb.datumgrenzen # eenmaal uit de kennisbank gelezen, niet per grens
}

peildatum := datum if not datum_geldig

# leeftijdsklasse: de leeftijd waarmee de regels de leeftijd van betrokkene (feit leeftijd) vergelijken met een
# leeftijdsgrens uit de kennisbank, altijd als leeftijd < grens: de hoogste grens op of onder de leeftijd, en
# onder alle grenzen de laagste grens min één. Voor elke grens G is leeftijd < G precies als leeftijdsklasse < G.
# Wat de regels met leeftijdsklasse uitrekenen is dus gelijk voor alle leeftijden tussen twee grenzen (alle
# volwassenen onder de hoogste grens bijvoorbeeld), en de bibliotheek deelt het over vragen met zulke
# leeftijden, zoals bij peildatum. Een regel die de leeftijd anders vergelijkt, of met een getal dat hier niet
# bij staat, leest feit("leeftijd") zelf. Zonder leeftijd, of een leeftijd die geen getal is: die waarde zelf.
leeftijdsklasse := max(onder) if {
	is_number(feit("leeftijd"))
	onder := [g | some g in leeftijdsgrenzen; g <= feit("leeftijd")]
	count(onder) > 0
} else := min(leeftijdsgrenzen) - 1 if {
	is_number(feit("leeftijd"))
	count(leeftijdsgrenzen) > 0
} else := feit("leeftijd")

# leeftijdsgrenzen: de leeftijden waarmee de regels de leeftijd vergelijken: de meerderjarigheid en de grenzen
# van wie toestemt per leeftijd (feiten.yaml).
leeftijdsgrenzen contains kb.feiten.leeftijd.meerderjarig_vanaf

leeftijdsgrenzen contains b.tot if {
	some banden in kb.feiten.toestemming_door.geldig_per_leeftijd
	some b in banden
}

# feit geeft de waarde van een feit, of null als het feit niet is opgegeven. Andere regels lezen feiten alleen
# via feit (en bekend), niet via input.feiten of feiten zelf: de Go-bibliotheek probeert voor de open feiten
# alleen de feiten die de uitkomst hier opvraagt, en toetst bij het laden dat dit zo is (library/gelezenfeiten.go).
feit(id) := object.get(feiten, id, null)

bekend(id) if feit(id) != null

# METADATA
# title: Doelbinding
# description: >-
#   Gegevens die voor het ene doel zijn verkregen (feit verkregen_voor), mogen alleen voor een verenigbaar
#   doel verder worden gebruikt (AVG art. 5 lid 1 sub b en art. 6 lid 4). Welke doelen verenigbaar zijn,
#   staat per doel in de kennisbank.
package magikdelen.doelbinding

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.uitleg
import data.magikdelen.vraag

oorsprong := vraag.feit("verkregen_voor")

# verenigbaar is waar als het doel van de vraag gelijk is aan, of verenigbaar met, het oorspronkelijke doel.
verenigbaar if oorsprong == vraag.doel

verenigbaar if vraag.doel in object.get(kb.doelen, [oorsprong, "verenigbaar_met"], [])

# METADATA
# title: Doelverschuiving
# description: De gegevens zijn verkregen voor een ander doel dat niet verenigbaar is met het doel van deze deling.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 5 lid 1 sub b en art. 6 lid 4
# custom:
#   id: doelverschuiving
#   oordeel: niet_toegestaan
#   zekerheid: middel
#   grondslagen: [avg_5_1_b, avg_6_4]
blokkade[r][c] contains uitleg.blokkade(rego.metadata.rule(), r, c, tekst, {}) if {
	is_string(oorsprong)
	not verenigbaar
	not vraag.feit("acuut_gevaar") == true
	kader.cellen[[r, c]]
	tekst := sprintf("De gegevens zijn verkregen voor %s; gebruik voor %s is een ander, onverenigbaar doel.", [uitleg.label("doelen", oorsprong), uitleg.label("doelen", vraag.doel)])
}

# METADATA
# title: Doelverschuiving bij acuut gevaar
# description: >-
#   Bij acuut gevaar kan verdere verwerking voor een ander doel verenigbaar zijn (AVG art. 6 lid 4 met art. 23,
#   bijvoorbeeld ter voorkoming van strafbare feiten of ter bescherming van anderen). Die afweging maakt de FG,
#   niet de tool.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 6 lid 4 en art. 23 lid 1
# custom:
#   id: doelverschuiving_acuut_gevaar
#   oordeel: onbepaald
#   zekerheid: laag
#   grondslagen: [avg_6_4, avg_23_1]
blokkade[r][c] contains uitleg.blokkade(rego.metadata.rule(), r, c, tekst, {}) if {
	is_string(oorsprong)
	not verenigbaar
	vraag.feit("acuut_gevaar") == true
	kader.cellen[[r, c]]
	tekst := sprintf("De gegevens zijn verkregen voor %s; of gebruik voor %s bij acuut gevaar verenigbaar is, moet de FG wegen.", [uitleg.label("doelen", oorsprong), uitleg.label("doelen", vraag.doel)])
}

# blokkades: alle blokkades als één verzameling. De regels hierboven staan per cel (blokkade[r][c]), zodat
# het oordeel per cel kan opzoeken in plaats van alles te doorzoeken.
blokkades contains b if {
	some r, c
	some b in blokkade[r][c]
}

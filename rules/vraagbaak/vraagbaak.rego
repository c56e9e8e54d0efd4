# METADATA
# title: Vraagbaak bij het antwoord
# description: >-
#   Kiest de vraagbaakitems die bij een antwoord horen, zodat het antwoord verwijst naar de uitleg voor
#   deze partijen, gegevens, dit doel en dit convenant. Een item telt alleen mee als het ten minste één
#   partij, gegevenscategorie of doel van de vraag noemt. Punten: het convenant van het antwoord +3, elke
#   afzender of ontvanger +2, elke gevraagde categorie +1, het doel +2. De hoogste drie; bij gelijke
#   punten gaat het specifiekere item voor, en daarna het id.
package magikdelen.vraagbaak

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.vraag

# max_links: hoeveel vraagbaakitems een antwoord ten hoogste noemt.
max_links := 3

# items: de vraagbaak van de kennisbank; een kennisbank zonder vraagbaak heeft er geen.
items := object.get(kb, "vraagbaak", {})

# betrokken: de afzender, de gevraagde ontvangers en de ontvangers aan de casustafel.
betrokken := ({vraag.van} | {n | some n in vraag.naar}) | kader.ontvangers

# links: de relevante items, meeste punten eerst, bij gelijke punten op id.
links := [{"id": r[2], "vraag": items[r[2]].vraag} |
	some r in array.slice(sort(gerangschikt), 0, max_links)
]

# gerangschikt: [-punten, omvang, id] per relevant item, zodat sort de volgorde geeft: bij gelijke punten
# eerst het specifiekere item (dat minder convenanten, partijen, gegevens en doelen noemt), dan op id.
gerangschikt contains [0 - punten(item), omvang(item), id] if {
	some id, item in items
	treffers(item) > 0
}

# omvang: hoeveel convenanten, partijen, gegevens en doelen het item noemt.
omvang(item) := sum([count(object.get(item, veld, [])) | some veld in ["convenanten", "partijen", "gegevens", "doelen"]])

# treffers: hoeveel partijen, categorieën en doelen van de vraag het item noemt.
treffers(item) := (count(partijen(item)) + count(gegevens(item))) + count(doelen(item))

partijen(item) := {p | some p in object.get(item, "partijen", []); p in betrokken}

gegevens(item) := {c | some c in object.get(item, "gegevens", []); c in vraag.gegevens}

doelen(item) := {d | some d in object.get(item, "doelen", []); d == vraag.doel}

# punten: het convenant +3, elke betrokken partij +2, elke gevraagde categorie +1, het doel +2.
punten(item) := ((convenant_punten(item) + (2 * count(partijen(item)))) + count(gegevens(item))) + (2 * count(doelen(item)))

default convenant_punten(_) := 0

convenant_punten(item) := 3 if kader.convenant_id in object.get(item, "convenanten", [])

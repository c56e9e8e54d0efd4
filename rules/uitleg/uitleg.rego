# METADATA
# title: Uitleg
# description: >-
#   Eén plek waar uitkomsten, redenen en citaten worden opgebouwd: uit de METADATA van de regel die
#   een reden geeft en uit de kennisbank. Geen regel bouwt zijn eigen resultaatobject.
package magikdelen.uitleg

import data.kennisbank as kb

# blokkade bouwt een blokkerende uitkomst voor cel (naar, gegevens) uit de METADATA van de regel:
# custom.id, custom.oordeel, custom.zekerheid en custom.grondslagen; extra overschrijft velden.
blokkade(meta, naar, gegevens, tekst, extra) := object.union(
	{
		"soort": "blokkade",
		"id": meta.custom.id,
		"titel": meta.title,
		"oordeel": meta.custom.oordeel,
		"zekerheid": meta.custom.zekerheid,
		"grondslagen": object.get(meta.custom, "grondslagen", []),
		"bronnen": [r.ref | some r in object.get(meta, "related_resources", [])],
		"tekst": tekst,
		"naar": naar,
		"gegevens": gegevens,
		"ontbrekende_feiten": [],
		"herstel": object.get(meta.custom, "herstel", {}),
	},
	extra,
)

# label geeft het Nederlandse label van een id uit een woordenlijst van de kennisbank.
label(soort, id) := kb[soort][id].label

label(soort, id) := id if not kb[soort][id]

# citaat geeft een grondslag zoals het antwoord hem citeert.
citaat(id) := {
	"id": id,
	"titel": kb.grondslagen[id].titel,
	"bron": kb.grondslagen[id].bron,
	"zekerheid": kb.grondslagen[id].zekerheid,
}

# voorwaarde geeft een voorwaarde zoals het antwoord hem op de checklist zet.
voorwaarde(id) := {"id": id, "label": kb.voorwaarden[id].label, "tekst": kb.voorwaarden[id].tekst}

# rang van een oordeel (0 = strengst) en van een zekerheid (0 = laagst).
rang_oordeel(o) := kb.oordelen[o].rang

rang_zekerheid(z) := kb.zekerheden[z].rang

# laagste en hoogste zekerheid van een niet-lege verzameling.
laagste(zs) := z if {
	r := min({rang_zekerheid(x) | some x in zs})
	some z, info in kb.zekerheden
	info.rang == r
}

hoogste(zs) := z if {
	r := max({rang_zekerheid(x) | some x in zs})
	some z, info in kb.zekerheden
	info.rang == r
}

# strengste oordeel van een niet-lege verzameling.
strengste(os) := o if {
	r := min({rang_oordeel(x) | some x in os})
	some o, info in kb.oordelen
	info.rang == r
}

# gesorteerd sorteert ids op de volgorde van de kennisbank, daarna op id.
gesorteerd(soort, ids) := [id | some paar in sort([[object.get(kb[soort], [id, "volgorde"], 9999), id] | some id in ids]); id := paar[1]]

# METADATA
# title: Uitleg
# description: >-
#   Eén plek waar uitkomsten, redenen en citaten worden opgebouwd: uit de METADATA van de regel die
#   een reden geeft en uit de kennisbank. Geen regel bouwt zijn eigen resultaatobject.
package magikdelen.uitleg

import data.kennisbank as kb
import data.magikdelen.datum
import data.magikdelen.vraag

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

# schakel bouwt een uitkomst, een schakel van de juridische keten, uit een route of regeling van de kennisbank:
# id, titel, tekst, oordeel en zekerheid komen uit bron; extra vult aan of vervangt (status, voorwaarden,
# grondslagen, herstel). Zo bouwt, naast blokkade, geen regel zijn eigen uitkomst.
schakel(bron, extra) := object.union(
	{
		"id": bron.id,
		"titel": bron.titel,
		"tekst": bron.tekst,
		"oordeel": bron.oordeel,
		"zekerheid": bron.zekerheid,
		"voorwaarden": [],
		"grondslagen": [],
		"ontbrekende_feiten": [],
		"herstel": [],
	},
	extra,
)

# reden bouwt een reden van het antwoord (redenen) uit de METADATA van de regel die hem geeft: custom.id en
# title; de tekst noemt de partijen en data van deze vraag.
reden(meta, tekst) := {"id": meta.custom.id, "titel": meta.title, "tekst": tekst}

# datum_plek: waar een tekst van een blokkade de datum van de vraag noemt. De blokkade en alles wat het oordeel
# eruit afleidt, lezen zo de datum niet zelf, maar alleen vraag.peildatum: een vraag op een andere dag met
# dezelfde peildatum heeft hetzelfde oordeel, en de Go-bibliotheek deelt dat tussen zulke vragen
# (library/invoerdelen.go). Het antwoord schrijft de datum in (met_datum, met_datum_redenen), pas waar het de
# redenen uitschrijft (magikdelen.rego). Geen label of naam in de kennisbank bevat deze tekens.
datum_plek := "{datum}"

# met_datum(t): tekst t met de datum van de vraag op datum_plek; een tekst zonder datum_plek leest de datum niet.
met_datum(t) := replace(t, datum_plek, vraag.datum) if contains(t, datum_plek)

else := t

# met_datum_redenen(rs): de redenen rs met de datum in hun teksten (met_datum).
met_datum_redenen(rs) := [{"id": r.id, "titel": r.titel, "tekst": met_datum(r.tekst)} | some r in rs]

# label geeft het Nederlandse label van een id uit een woordenlijst van de kennisbank.
label(soort, id) := kb[soort][id].label

label(soort, id) := id if not kb[soort][id]

# geldt_op_datum(g): grondslag g is op de datum van de vraag in werking (geldig_vanaf, geldig_tot). Een
# antwoord citeert alleen zulke grondslagen: geen WGS vóór 1 maart 2025.
geldt_op_datum(g) if datum.geldig(vraag.peildatum, kb.grondslagen[g])

# citaat geeft een grondslag zoals het antwoord hem citeert.
citaat(id) := {
	"id": id,
	"titel": kb.grondslagen[id].titel,
	"bron": kb.grondslagen[id].bron,
	"zekerheid": kb.grondslagen[id].zekerheid,
}

# voorwaarde geeft een voorwaarde zoals het antwoord hem op de checklist zet, met de tekst van de eerste
# variant die bij de feiten van de vraag past (voorwaarden.yaml, varianten; bijvoorbeeld geen "vraag
# toestemming" als betrokkene die heeft geweigerd).
voorwaarde(id) := {"id": id, "label": kb.voorwaarden[id].label, "tekst": voorwaarde_tekst(id)}

voorwaarde_tekst(id) := ts[0] if {
	ts := [v.tekst | some v in object.get(kb.voorwaarden[id], "varianten", []); vraag.feit(v.feit) == v.waarde]
	count(ts) > 0
} else := kb.voorwaarden[id].tekst

# feit_redenen: wat een feit in de vraag zelf al zegt (feiten.yaml, reden_bij), zoals een geweigerde toestemming:
# het antwoord laat zien dat het die heeft meegewogen.
#
# Per feit van de kennisbank met een reden_bij, in volgorde van id, gelezen met vraag.feit: zo leest het antwoord
# alleen de feiten die een reden kunnen geven, niet de feiten als geheel (library/invoerdelen.go). Een waarde in
# reden_bij is nooit null (schema), dus alleen een opgegeven feit geeft een reden.
feit_redenen := [{"id": r.id, "titel": r.titel, "tekst": r.tekst} |
	some f in feiten_met_reden
	some r in kb.feiten[f].reden_bij
	vraag.feit(f) == r.waarde
]

feiten_met_reden := sort([f | some f, info in kb.feiten; info.reden_bij])

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

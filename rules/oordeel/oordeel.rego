# METADATA
# title: Oordeel
# description: >-
#   Verzamelt per cel (ontvanger × categorie) de blokkades van het kader en de doelbinding en de uitkomst van
#   elke laag, en leidt daaruit het deeloordeel af: een blokkade of een laag zonder route gaat voor alles;
#   daarna onbepaald; toegestaan alleen als elke laag een wettelijke plicht of recht volgt en er alleen
#   generieke voorwaarden zijn. Het totaal is het strengste deeloordeel (contract §4). Geen enkele laag die
#   een route vond is nooit toegestaan: dan is het onbepaald.
package magikdelen.oordeel

import data.kennisbank as kb
import data.magikdelen.doelbinding
import data.magikdelen.kader
import data.magikdelen.lagen
import data.magikdelen.lagen.geheim
import data.magikdelen.routes
import data.magikdelen.uitleg
import data.magikdelen.vraag

# items: alles wat over cel (r, c) is gezegd, opgezocht per cel (geen doorzoeking van alle cellen). Zonder
# geldige datum of vóór de dekking van de kennisbank zegt alleen die blokkade iets (geen lagen, geen
# grondslagen van later). Een blokkade over de deelname van de afzender vervalt als de afzender deze deling
# op eigen grond mag (eigen_grondslag_afzender): het convenant is dan niet nodig.
items(r, c) := [b | some b in kader.blokkaden(r, c); b.id in kader.alleen_blokkades] if {
	kader.buiten_beoordeling
} else := zonder_vervallen(alle_items(r, c))

# zonder_vervallen: alleen een blokkade van de kant van de afzender of van beide kanten kan vervallen; zonder
# zo'n blokkade blijven alle uitkomsten staan, zonder elke uitkomst apart te toetsen.
zonder_vervallen(its) := [i | some i in its; not vervalt(i, its)] if {
	some i in its
	i.soort == "blokkade"
	i.zijde in {"van", "beide"}
} else := its

vervalt(i, its) if {
	i.soort == "blokkade"
	i.zijde == "van"
	eigen_grondslag_afzender(its)
}

# Buiten de looptijd van een convenant vervalt de blokkade als elke laag een eigen route heeft.
vervalt(i, its) if {
	i.soort == "blokkade"
	i.zijde == "beide"
	lagen := [u | some u in its; u.soort == "laag"]
	count(lagen) > 0
	every u in lagen {
		u.status == "route"
	}
}

# afzender_lagen: de lagen die de kant van de afzender toetsen.
afzender_lagen := {"regime", "geheim", "art6_van", "art9_van", "art10_van"}

# eigen_grondslag_afzender: elke laag aan de kant van de afzender heeft een route die niet van het convenant is
# (een eigen taak, toestemming, een wettelijke plicht), met een route voor de grondslag zelf (regime of art. 6).
eigen_grondslag_afzender(its) if {
	zijde := [u | some u in its; u.soort == "laag"; u.laag in afzender_lagen]
	some g in zijde
	g.laag in {"regime", "art6_van"}
	every u in zijde {
		u.status == "route"
		not routes.per_id[u.id].convenant
	}
}

alle_items(r, c) := array.concat(
	array.concat([b | some b in kader.blokkaden(r, c)], doelbinding.blokkaden(r, c)),
	array.concat(
		lagen.uitkomsten(r, c),
		doelbinding.uitkomsten(r, c),
	),
)

# positief: het oordeel laat de deling toe (oordelen.yaml). Een onbekend oordeel is nooit positief (fail closed).
positief(o) if kb.oordelen[o].positief == true

generiek(v) if kb.voorwaarden[v].generiek

cel_voorwaarden(kc, its) := ({v | some i in its; some v in i.voorwaarden} | kc.voorwaarden) | {"vastleggen"}

cel_oordeel(its, vw) := "niet_toegestaan" if {
	some i in its
	i.oordeel == "niet_toegestaan"
} else := "onbepaald" if {
	some i in its
	i.oordeel == "onbepaald"
} else := "onbepaald" if {
	count([i | some i in its; i.soort == "laag"]) == 0
} else := "toegestaan" if {
	every i in its {
		i.oordeel == "toegestaan"
	}
	every v in vw {
		generiek(v)
	}
} else := "toegestaan_onder_voorwaarden"

# beslissend: de uitkomsten die het deeloordeel dragen.
beslissend(its, o) := [i | some i in its; i.oordeel == o] if not positief(o)

beslissend(its, o) := its if positief(o)

cel_zekerheid(its, o, _) := uitleg.hoogste({i.zekerheid | some i in beslissend(its, o)}) if {
	not positief(o)
	count(beslissend(its, o)) > 0
}

cel_zekerheid(its, o, _) := "laag" if {
	not positief(o)
	count(beslissend(its, o)) == 0
}

cel_zekerheid(its, o, kc) := uitleg.laagste({i.zekerheid | some i in its} | kc.zekerheden) if positief(o)

reden(i) := {"id": i.id, "titel": i.titel, "tekst": i.tekst}

keten_stap(u) := {
	"laag": u.laag,
	"label": kb.lagen[u.laag].label,
	"status": u.status,
	"route": u.id,
	"titel": u.titel,
	"tekst": u.tekst,
	"oordeel": u.oordeel,
	"grondslagen": [g | some g in u.grondslagen; uitleg.geldt_op_datum(g)],
}

cel(r, c) := object.union({"naar": r, "gegevens": c}, uitleg_van(afleiding(r, c)))

# uitleg_van(a): het deeloordeel van een cel met afleiding a, zonder de cel zelf. Een functie van de
# afleiding, zodat OPA het per afleiding eenmaal uitwerkt: de cellen van een overlegtafel hebben vaak dezelfde
# afleiding (de politie aan de ZVH-tafel: 28 cellen, 2 afleidingen).
uitleg_van(a) := {
	"oordeel": a.oordeel,
	"zekerheid": a.zekerheid,
	"grondslagen": uitleg.gesorteerd("grondslagen", {g | some i in a.beslissend; some g in i.grondslagen; uitleg.geldt_op_datum(g)}),
	"voorwaarden": cel_voorwaarden_lijst(a.voorwaarden, a.oordeel),
	"redenen": uniek([reden(i) | some i in sort_items(a.beslissend)]),
	"ontbrekende_feiten": cel_ontbrekend(a.items, a.oordeel),
	"keten": [keten_stap(u) | some u in sort_items([u | some u in a.items; u.soort == "laag"])],
	"herstel": [h | some i in a.items; some h in herstel_van(i)],
}

# kort_per_ontvanger[r][v]: het deeloordeel zonder uitleg voor ontvanger r en de categorieën met
# vertegenwoordiger v, voor wie veel cellen tegelijk bekijkt (een matrix, een verschil tussen twee versies):
# oordeel, zekerheid, de ids van grondslagen, voorwaarden en beslissende uitkomsten, en per laag de route die
# gold. Cel (r, c) heeft de korte cel kort_per_ontvanger[r][vertegenwoordiger[c]].
#
# Het hangt alleen af van de ontvanger en van wat de regels van de categorie lezen (gegevens_klasse):
# categorieën met dezelfde klasse delen bij één ontvanger één berekening (kort_klasse), over een
# vertegenwoordiger van de klasse. Zo kost een matrixrij het werk van enkele klassen per ontvanger, niet
# van elke cel. Daarna hangt de korte cel alleen af van wat het kader per ontvanger toevoegt (kader_cel) en
# van de uitkomsten zonder tekst (kort_velden): ontvangers met dezelfde delen de afleiding.
kort_per_ontvanger := {r: kort_rij(ontvanger_vertegenwoordiger[r]) | some r in kader.ontvangers}

# kort_rij(r): de korte cellen van ontvanger r, per vertegenwoordiger van een klasse van categorieën.
kort_rij(r) := {v: kort_klasse(r, v) | some v in vertegenwoordigers}

# ontvanger_klasse(r): alles wat de afleiding van een korte cel van ontvanger r leest: per laag de
# kandidaat-routes die bij r passen (met hun eigen grondslagen), de soort en het regime van r, of het convenant
# voor r geldt, wat het kader per ontvanger toevoegt (kader_cel) en de blokkades van r zonder hun teksten.
# Ontvangers met dezelfde klasse hebben dezelfde korte cellen; die worden één keer berekend, over een
# vertegenwoordiger (ontvanger_vertegenwoordiger). Toetst de doelbinding iets (doelbinding.actief), dan is
# elke ontvanger een klasse apart. Een regel die per cel iets anders van de ontvanger leest, hoort hier bij; de
# tests vergelijken de korte cellen met de deeloordelen van het antwoord (magikdelen_test.rego, library/bulk:
# TestMatrixVolgtBeantwoord).
ontvanger_klasse(r) := [r] if doelbinding.actief

else := [
	{laag: routes.naar_klasse(laag, r) | some laag, _ in kb.lagen},
	kb.partijen[r].soort,
	object.get(kb.partijen[r], "regime", null),
	convenant_geldt_voor(r),
	kader_cel(r),
	{object.remove(b, ["titel", "tekst", "bronnen", "naar", "gegevens"]) | some b in object.get(kader.blokkades_per_ontvanger, r, set())},
]

convenant_geldt_voor(r) if kader.convenant_geldt(r)

else := false

# ontvanger_klassen: de klasse van elke ontvanger, eenmaal per vraag; ontvanger_vertegenwoordiger[r]: de
# kleinste id in de klasse van r.
ontvanger_klassen := {r: ontvanger_klasse(r) | some r in kader.ontvangers}

ontvanger_leden[k] contains r if some r, k in ontvanger_klassen

ontvanger_vertegenwoordiger := {r: min(ontvanger_leden[k]) | some r, k in ontvanger_klassen}

vertegenwoordigers := {v | some v in vertegenwoordiger}

# gegevens_klasse[c]: alles wat de regels van categorie c lezen: haar kenmerken in gegevens.yaml (zonder
# de beschrijvende velden), of het doel haar draagt (kader: gegevens_buiten_doel), of het beroepsgeheim van
# de afzender haar omvat (laag geheim), en per laag welke kandidaat-routes haar dekken. Een regel die iets
# anders van een categorie leest, hoort hier bij; de tests vergelijken de korte cellen met de deeloordelen
# van het antwoord (magikdelen_test.rego, library/bulk: TestMatrixVolgtBeantwoord).
gegevens_klasse[c] := [
	object.remove(kb.gegevens[c], beschrijvende_velden),
	kader.gegevens_in_doel(c),
	geheim_omvat(c),
	{laag: routes.klasse_gegevens(laag, c) | some laag, _ in kb.lagen},
] if some c in vraag.gegevens

beschrijvende_velden := ["id", "label", "synoniemen", "omschrijving", "toelichting", "volgorde"]

geheim_omvat(c) if geheim.omvat(c)

else := false

# leden[k]: de categorieën van de vraag met klasse k. vertegenwoordiger[c]: de kleinste id in de klasse van
# c; eenmaal per vraag als geheel berekend, zodat een cel haar klasse met een id opzoekt.
leden[k] contains c if some c, k in gegevens_klasse

vertegenwoordiger := {c: min(leden[k]) | some c, k in gegevens_klasse}

kort_klasse(r, c) := kort(kader_cel(r), [kort_item(i) | some i in items(r, c)])

kort_item(i) := object.filter(i, kort_velden)

# kort_velden: wat kort van een uitkomst leest. Zonder teksten en cel zijn de uitkomsten van verschillende
# ontvangers vaak gelijk; dan deelt ook hun korte cel één berekening (OPA bewaart kort per argument). Een
# veld dat kort gaat lezen, hoort in deze lijst.
kort_velden := ["soort", "id", "laag", "status", "oordeel", "zekerheid", "grondslagen", "voorwaarden", "ontbrekende_feiten"]

# kader_cel(r): wat het kader per ontvanger aan de afleiding toevoegt: voorwaarden en de zekerheden van de
# deelname.
kader_cel(r) := {"voorwaarden": kader.voorwaarden_cel[r], "zekerheden": kader.zekerheden_cel[r]}

kort(kc, its) := {
	"oordeel": a.oordeel,
	"zekerheid": a.zekerheid,
	"grondslagen": sort({g | some i in a.beslissend; some g in i.grondslagen; uitleg.geldt_op_datum(g)}),
	"voorwaarden": sort([v | positief(a.oordeel); some v in a.voorwaarden]),
	"ontbrekende_feiten": cel_ontbrekend(its, a.oordeel),
	"redenen": sort({i.id | some i in a.beslissend}),
	"lagen": {u.laag: u.id | some u in its; u.soort == "laag"},
	"botsingen": botsingen(its),
} if {
	a := afleiding_van(kc, its)
}

# botsingen: een wettelijke plicht of recht (een route met oordeel toegestaan) die een blokkade van het
# kader of de doelbinding tegenspreekt: de wet zegt ja, het convenant nee. Voor de domeincontrole van de
# kwartiermaker ("toestaan en weigeren passen allebei"); het oordeel zelf blijft het strengste.
botsingen(its) := sort({sprintf("%s/%s", [b.id, u.id]) |
	some b in its
	b.soort == "blokkade"
	b.oordeel == "niet_toegestaan"
	some u in its
	u.soort == "laag"
	u.status == "route"
	u.oordeel == "toegestaan"
})

# afleiding(r, c): de uitkomsten van cel (r, c) en wat de aggregatie daaruit afleidt.
afleiding(r, c) := afleiding_van(kader_cel(r), items(r, c))

afleiding_van(kc, its) := {
	"items": its,
	"oordeel": o,
	"zekerheid": z,
	"voorwaarden": (vw | zekerheid_voorwaarde(z)),
	"beslissend": beslissend(its, o),
} if {
	vw := cel_voorwaarden(kc, its)
	o0 := cel_oordeel(its, vw)
	z := stel_dat_zekerheid(cel_zekerheid(its, o0, kc))
	o := met_zekerheid(o0, z)
}

# stel_dat_zekerheid: een antwoord dat rekent alsof een wetsvoorstel wet is ("stel dat", de Wams), is nooit
# zekerder dan laag: de tekst kan nog veranderen.
stel_dat_zekerheid(_) := "laag" if kader.stel_dat

stel_dat_zekerheid(z) := z if not kader.stel_dat

# zekerheid_voorwaarde: een zekerheid kan een voorwaarde meebrengen (oordelen.yaml), zoals de FG bij lage
# zekerheid; dan is "toegestaan" hooguit "toegestaan onder voorwaarden".
zekerheid_voorwaarde(z) := {kb.zekerheden[z].voorwaarde} if kb.zekerheden[z].voorwaarde

zekerheid_voorwaarde(z) := set() if not kb.zekerheden[z].voorwaarde

met_zekerheid("toegestaan", z) := "toegestaan_onder_voorwaarden" if count(zekerheid_voorwaarde(z)) > 0

met_zekerheid(o, z) := o if {
	not o == "toegestaan"
	z
}

met_zekerheid("toegestaan", z) := "toegestaan" if count(zekerheid_voorwaarde(z)) == 0

# cel_ontbrekend: alleen een onbepaald deeloordeel noemt de feiten die het zouden beslissen.
cel_ontbrekend(its, "onbepaald") := sort({f | some i in its; i.oordeel == "onbepaald"; some f in i.ontbrekende_feiten})

cel_ontbrekend(_, o) := [] if o != "onbepaald"

cel_voorwaarden_lijst(vw, o) := uitleg.gesorteerd("voorwaarden", vw) if positief(o)

cel_voorwaarden_lijst(_, o) := [] if not positief(o)

herstel_van(i) := [i.herstel] if is_object(i.herstel)

herstel_van(i) := i.herstel if is_array(i.herstel)

# sort_items: blokkades eerst, dan de lagen in hun volgorde.
sort_items(its) := [i | some paar in sort([[volgorde(i), i.id, i] | some i in its]); i := paar[2]]

volgorde(i) := 0 if i.soort == "blokkade"

volgorde(i) := kb.lagen[i.laag].volgorde if i.soort == "laag"

# Een hergebruikregel (doelbinding) komt na de lagen.
volgorde(i) := count(kb.lagen) + 1 if i.soort == "doelbinding"

deeloordelen := [cel(r, c) | some [r, c] in sort(kader.cellen)]

default oordeel := "onbepaald"

# Het oordeel leest alleen de afleiding van elke cel, niet haar uitleg (teksten, keten, herstel): zo rekent een
# alternatief (with input) het oordeel door zonder de deeloordelen op te bouwen. Een cel bestaat precies als
# haar afleiding bestaat, dus dit is het strengste deeloordeel.
oordeel := uitleg.strengste({afleiding(r, c).oordeel | some [r, c] in kader.cellen}) if count(kader.cellen) > 0

# niet_milder_dan(o): een cel is even streng als oordeel o of strenger, dus het oordeel ook. De evaluatie stopt
# bij de eerste zo'n cel: een alternatief dat niet minder streng uitkomt, hoeft niet elke cel door te rekenen.
# Eerst de lagen (lagen.streng): een laag die al zo streng is, zegt het zonder de rest van de cel; dat geldt niet
# buiten de beoordeling (dan tellen alleen blokkades). Anders (else) de afleiding van elke cel, die de al
# berekende uitkomsten van de lagen hergebruikt.
niet_milder_dan(o) if {
	not kader.buiten_beoordeling
	some [r, c] in kader.cellen
	lagen.streng(r, c, uitleg.rang_oordeel(o))
} else if {
	some [r, c] in kader.cellen
	uitleg.rang_oordeel(afleiding(r, c).oordeel) <= uitleg.rang_oordeel(o)
}

beslissende_cellen := [d | some d in deeloordelen; d.oordeel == oordeel]

default zekerheid := "laag"

zekerheid := uitleg.laagste({d.zekerheid | some d in beslissende_cellen}) if {
	positief(oordeel)
	count(beslissende_cellen) > 0
}

zekerheid := uitleg.hoogste({d.zekerheid | some d in beslissende_cellen}) if {
	not positief(oordeel)
	count(beslissende_cellen) > 0
}

# voorwaarden: de voorwaarden van de toegestane cellen (die een deeloordeel noemt), uit de afleiding van elke cel
# en niet uit haar uitleg: zo rekent ook de zoektocht naar open feiten (with input) de checklist door zonder de
# deeloordelen op te bouwen.
voorwaarden := uitleg.gesorteerd("voorwaarden", {v |
	some [r, c] in kader.cellen
	a := afleiding(r, c)
	positief(a.oordeel)
	some v in a.voorwaarden
}) if positief(oordeel)

voorwaarden := [] if not positief(oordeel)

grondslagen := uitleg.gesorteerd("grondslagen", {g | some d in beslissende_cellen; some g in d.grondslagen})

ontbrekende_feiten := sort({f | some d in deeloordelen; some f in d.ontbrekende_feiten})

# redenen: elke reden één keer, in de volgorde waarin de cellen ze noemen (blokkades eerst, dan de lagen):
# op haar vroegste plek in een cel, dan op id. Elke plek van elke reden één keer als verzameling, gesorteerd;
# een reden staat er dan het eerst op haar vroegste plek, en die houden we. Lineair in het aantal cellen.
reden_plekken := {[j, r.id, r] | some d in beslissende_cellen; some j, r in d.redenen}

redenen := [p[2] | some p in sort(reden_plekken); not eerder_genoemd(p)]

# eerder_genoemd: dezelfde reden staat ook op een vroegere plek.
eerder_genoemd([j, id, r]) if {
	j > 0
	some i in numbers.range(0, j - 1)
	[i, id, r] in reden_plekken
}

# uniek laat van gelijke elementen alleen het eerste staan, in de oorspronkelijke volgorde: per verschillend
# element zijn eerste plek, in volgorde van die plekken (de lijsten zijn lang en hebben weinig verschillende
# elementen, zoals de grondslagen van een stap over alle cellen van een tafel).
uniek(lijst) := [paar[1] | some paar in sort([[eerste(lijst, x), x] | some x in {y | some y in lijst}])]

eerste(lijst, x) := min({i | some i, y in lijst; y == x})

# toegestane_cellen: wat wel mag als het geheel niet mag (deels toegestaan).
toegestane_cellen := [d | some d in deeloordelen; positief(d.oordeel)] if not positief(oordeel)

default toegestane_cellen := []

# keten: één stap per laag en route over de beslissende cellen, met de grondslagen samengevoegd.
keten := [stap |
	some sleutel in sort({[kb.lagen[s.laag].volgorde, s.laag, s.route] | some d in beslissende_cellen; some s in d.keten})
	stappen := [s | some d in beslissende_cellen; some s in d.keten; s.laag == sleutel[1]; s.route == sleutel[2]]
	grondslagen := uniek([g | some s in stappen; some g in s.grondslagen])
	stap := object.union(stappen[0], {"grondslagen": grondslagen})
]

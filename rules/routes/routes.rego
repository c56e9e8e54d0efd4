# METADATA
# title: Routes
# description: >-
#   Het gedeelde mechanisme achter elke laag. Een route (kennisbank: routes.yaml en de routes in een
#   convenant) is een wettelijke weg door één of meer lagen. Per laag en per cel (ontvanger, categorie)
#   geldt de beste route die past; past er geen, dan geldt het oordeel zonder route van die laag.
#   Een route is dicht als een feit of handeling uitdrukkelijk anders is, onbekend als een toestand
#   ontbreekt, en geldt anders, met een voorwaarde voor elke handeling die nog moet gebeuren.
package magikdelen.routes

import data.kennisbank as kb
import data.magikdelen.datum
import data.magikdelen.kader
import data.magikdelen.uitleg
import data.magikdelen.vraag

# kandidaten[laag]: de routes die voor dit doel, op deze datum en voor deze afzender kunnen gelden.
kandidaten[laag] := [route |
	some route in kb.routes
	laag in route.lagen
	doel_past(route)
	datum.geldig(vraag.datum, route)
	grondslagen_geldig(route)
	partij_past(route.van, vraag.van, "van")
] if some laag, _ in kb.lagen

# grondslagen_geldig: een route geldt alleen zolang elke grondslag die zij noemt in werking is.
grondslagen_geldig(route) if {
	every g in route.grondslagen {
		datum.geldig(vraag.datum, kb.grondslagen[g])
	}
}

# Een gesloten doel (bijvoorbeeld het Wgs-signaal met zijn vaste gegevensset) kent alleen de routes van
# zijn eigen convenant of regeling; algemene wettelijke routes zoals toestemming gelden daar niet.
doel_past(route) if {
	not route.convenant
	not kader.doel_info.gesloten
	some d in route.doelen
	d in {"*", vraag.doel}
}

doel_past(route) if {
	route.convenant == kader.convenant_id
	kader.convenant.status == "uitgewerkt"
	some d in route.doelen
	d in {"*", vraag.doel}
}

gegevens_past(route, _) if not route.gegevens

gegevens_past(route, c) if {
	some g in route.gegevens
	g in {"*", c}
}

# partij_past: één van de selectoren past; een selector "a+b" past als a en b allebei passen.
partij_past(selectoren, p, rol) if {
	some sel in selectoren
	every deel in split(sel, "+") {
		selector(deel, p, rol)
	}
}

# organisatie: een echte organisatie, ook een betrokken niet-deelnemer (die heeft een eigen rol in de casus).
organisatie(p) if kb.partijen[p].soort in {"organisatie", "betrokken_niet_deelnemer"}

selector("*", p, _) if organisatie(p)

selector(sel, p, _) if {
	not startswith(sel, "@")
	sel != "*"
	sel == p
}

selector("@taak", p, _) if vraag.doel in kb.partijen[p].taak.doelen

selector("@privaat", p, _) if {
	organisatie(p)
	not kb.partijen[p].publiek
}

selector("@publiek", p, _) if {
	organisatie(p)
	kb.partijen[p].publiek
}

selector("@beroepsgeheim", p, _) if kb.partijen[p].geheimhouding.strikt

selector("@bijzondere_wet", p, _) if kb.partijen[p].regime in {"wpg", "wjsg"}

# Deelname die nog onbekend is, laat de route toe; het kader maakt de cel dan onbepaald.
selector("@deelnemers", p, rol) if kader.deelname(p, rol) in {"ja", "onbekend"}

selector("@wgs_deelnemers", p, rol) if {
	kader.deelname(p, rol) in {"ja", "onbekend"}
	kader.deelnemer_data(p).wgs == true
}

# eigen_partij: wiens eigen taak een route met eigen_grondslag citeert.
eigen_partij("art6_naar", r) := r

eigen_partij(laag, _) := vraag.van if laag != "art6_naar"

eigen_grondslagen(route, laag, r) := kb.partijen[eigen_partij(laag, r)].taak.grondslagen if route.eigen_grondslag

eigen_grondslagen(route, _, _) := [] if not route.eigen_grondslag

feiten(route) := object.get(route, "feiten", {})

handelingen(route) := object.get(route, "handelingen", [])

gesloten(route) if {
	some k, v in feiten(route)
	vraag.bekend(k)
	vraag.feit(k) != v
}

gesloten(route) if {
	some h in handelingen(route)
	vraag.bekend(h.feit)
	vraag.feit(h.feit) != h.waarde
}

# Toestemming van de verkeerde persoon voor de leeftijd (feiten.yaml, toestemming_door) opent de route niet.
gesloten(route) if {
	some h in handelingen(route)
	h.bij_minderjarige
	vraag.feit(h.feit) == h.waarde
	not toestemming_door_past
}

toestemming_door_past if not vraag.bekend("toestemming_door")

toestemming_door_past if not is_number(vraag.feit("leeftijd"))

toestemming_door_past if {
	leeftijd := vraag.feit("leeftijd")
	is_number(leeftijd)
	banden := [b | some b in kb.feiten.toestemming_door.geldig_per_leeftijd; leeftijd < b.tot]
	vraag.feit("toestemming_door") in banden[0].door
}

ontbrekend(route) := {k | some k, _ in feiten(route); not vraag.bekend(k)}

minderjarig if {
	leeftijd := vraag.feit("leeftijd")
	is_number(leeftijd)
	leeftijd < kb.feiten.leeftijd.meerderjarig_vanaf
}

# extra_voorwaarden: een handeling die nog niet is gedaan, komt als voorwaarde op de checklist.
extra_voorwaarden(route) := {h.voorwaarde | some h in handelingen(route); not vraag.bekend(h.feit)} | {h.bij_minderjarige |
	some h in handelingen(route)
	h.bij_minderjarige
	minderjarig
	not vraag.feit(h.feit) in {"geweigerd", "onmogelijk", "niet_gevraagd"}
}

status(route) := "gesloten" if gesloten(route)

else := "onbekend" if count(ontbrekend(route)) > 0

else := "geldt"

# herstel: welke feiten deze route zouden openen (voor de alternatieven).
herstel(route) := object.union(feiten(route), {h.feit: h.waarde | some h in handelingen(route)})

# beoordeel: hoe route er voor cel (r, c) in laag voor staat; ongedefinieerd als de route niet past.
beoordeel(route, laag, r, c) := {
	"route": route,
	"status": status(route),
	"voorwaarden": ({v | some v in route.voorwaarden} | extra_voorwaarden(route)),
	"open_handelingen": {h.feit | some h in handelingen(route); not vraag.bekend(h.feit)},
	"grondslagen": array.concat(route.grondslagen, [g | some g in eigen; not g in route.grondslagen]),
	"ontbrekend": ontbrekend(route),
} if {
	gegevens_past(route, c)
	partij_past(route.naar, r, "naar")
	eigen := eigen_grondslagen(route, laag, r)
	not leeg_eigen(route, eigen)
}

leeg_eigen(route, eigen) if {
	route.eigen_grondslag
	count(eigen) == 0
}

# uitkomst van laag voor cel (r, c); zonder_route_grondslagen citeert wat geldt als geen route past.
uitkomst(laag, r, c, zonder_route_grondslagen) := kies(laag, r, c, bs, zonder_route_grondslagen) if {
	bs := [b | some route in kandidaten[laag]; b := beoordeel(route, laag, r, c)]
}

kies(laag, r, c, bs, gz) := route_uitkomst(laag, r, c, beste(geldig), bs) if {
	geldig := [b | some b in bs; b.status == "geldt"]
	count(geldig) > 0
} else := onbekend_uitkomst(laag, r, c, onbekend) if {
	onbekend := [b | some b in bs; b.status == "onbekend"]
	count(onbekend) > 0
} else := geen_route_uitkomst(laag, r, c, bs, gz)

# sleutel ordent geldende routes: het mildste oordeel, dan de route die geen handeling meer vraagt
# (toestemming komt alleen op de checklist als zij de enige route is, contract §4), dan de hoogste
# zekerheid, dan de kortste checklist; de id beslist bij gelijkspel.
sleutel(b) := [
	0 - uitleg.rang_oordeel(b.route.oordeel),
	count(b.open_handelingen),
	0 - uitleg.rang_zekerheid(b.route.zekerheid),
	count(b.voorwaarden),
	b.route.id,
]

beste(bs) := b if {
	k := sort([sleutel(x) | some x in bs])[0]
	some b in bs
	sleutel(b) == k
}

basis(laag, r, c) := {"soort": "laag", "laag": laag, "naar": r, "gegevens": c}

# Een route die nog op een onbekende toestand wacht, blijft als herstel bewaard: zij kan een beter
# oordeel geven dan de route die nu geldt (bijvoorbeeld een wettelijke plicht bij een ots).
route_uitkomst(laag, r, c, b, bs) := object.union(basis(laag, r, c), {
	"status": "route",
	"id": b.route.id,
	"titel": b.route.titel,
	"tekst": b.route.tekst,
	"oordeel": b.route.oordeel,
	"zekerheid": b.route.zekerheid,
	"voorwaarden": sort(b.voorwaarden),
	"grondslagen": b.grondslagen,
	"ontbrekende_feiten": [],
	"herstel": [herstel(x.route) | some x in bs; x.status == "onbekend"],
})

onbekend_uitkomst(laag, r, c, bs) := object.union(basis(laag, r, c), {
	"status": "onbekend",
	"id": concat("_", ["onbekend", laag]),
	"titel": kb.lagen[laag].label,
	"tekst": sprintf("%s: de route hangt af van een feit dat niet is opgegeven (%s).", [kb.lagen[laag].label, concat(", ", sort(ontbrekend))]),
	"oordeel": "onbepaald",
	"zekerheid": "laag",
	"voorwaarden": [],
	"grondslagen": [],
	"ontbrekende_feiten": sort(ontbrekend),
	"herstel": [herstel(b.route) | some b in bs],
}) if {
	ontbrekend := {k | some b in bs; some k in b.ontbrekend}
}

geen_route_uitkomst(laag, r, c, bs, gz) := object.union(basis(laag, r, c), {
	"status": "geen_route",
	"id": concat("_", ["geen_route", laag]),
	"titel": kb.lagen[laag].label,
	"tekst": kb.lagen[laag].tekst,
	"oordeel": kb.lagen[laag].zonder_route.oordeel,
	"zekerheid": kb.lagen[laag].zonder_route.zekerheid,
	"voorwaarden": [],
	"grondslagen": gz,
	"ontbrekende_feiten": [],
	"gesloten_routes": sort([b.route.id | some b in bs; b.status == "gesloten"]),
	"herstel": [herstel(b.route) | some b in bs; b.status == "gesloten"],
})

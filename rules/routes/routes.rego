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

# kandidaten(laag): de routes die voor dit doel, op deze datum en voor deze afzender kunnen gelden; een
# functie, zodat OPA ze eenmaal per laag berekent en alleen voor de lagen die een cel toetst.
kandidaten(laag) := kandidaten_op(laag, vraag.peildatum, partij(vraag.van, "van"))

# kandidaten_op(laag, d, van): kandidaten voor datum d en afzender van (partij: met het doel van de vraag).
# Het hangt alleen af van zijn argumenten en de kennisbank, niet van de rest van de vraag (zoals de feiten):
# zo rekent de engine het één keer uit voor een vraag, haar alternatieven, de proeven van haar open feiten en
# elke latere vraag met dezelfde afzender, hetzelfde doel en dezelfde datum (library/gedeeldecache.go).
kandidaten_op(laag, d, van) := [route |
	some i in plekken(laag, van.doel)
	route := kb.routes[i]
	doel_past_op(route, van.doel, d)
	datum.geldig(d, route)
	grondslagen_geldig(route, d)
	selectie_past(route.van, van)
]

# plekken(laag, doel): de plekken in kb.routes van de routes in laag die doel of elk doel ("*") noemen, in
# volgorde. De kennisbank geeft die per laag en doel (routes_per_laag, bij het laden uit de routes
# opgebouwd); zo toetst een laag alleen haar eigen routes voor dit doel, niet elke route.
plekken(laag, doel) := sort({i | some i in object.get(kb.routes_per_laag, [laag, doel], [])} | {i | some i in object.get(kb.routes_per_laag, [laag, "*"], [])})

# grondslagen_geldig: een route geldt op dag d alleen zolang elke grondslag die zij noemt in werking is.
grondslagen_geldig(route, d) if not grondslag_buiten_werking(route, d)

grondslag_buiten_werking(route, d) if {
	some g in route.grondslagen
	not datum.geldig(d, kb.grondslagen[g])
}

# doel_past_op(route, doel, d): de route kan gelden voor doel op dag d.
# Een gesloten doel (bijvoorbeeld het Wgs-signaal met zijn vaste gegevensset) kent alleen de routes van
# zijn eigen convenant of regeling; algemene wettelijke routes zoals toestemming gelden daar niet.
doel_past_op(route, doel, _) if {
	not route.convenant
	not kb.doelen[doel].gesloten
	some d in route.doelen
	d in {"*", doel}
	doel_wet_past(route, doel)
	overheidstaak_past(route, doel)
}

# overheidstaak_past: een route buiten_overheidstaak geldt niet voor een doel dat een overheidstaak is.
overheidstaak_past(route, _) if not route.buiten_overheidstaak

overheidstaak_past(_, doel) if not kb.doelen[doel].overheidstaak

# doel_wet_past: een route met doel_wetten geldt alleen voor doelen die een van die taakwetten dienen.
doel_wet_past(route, _) if not route.doel_wetten

doel_wet_past(route, doel) if {
	some w in route.doel_wetten
	w in object.get(kb.doelen[doel], "wetten", [])
}

# De routes van een convenant gelden alleen binnen zijn looptijd: daarbuiten tellen alleen de eigen
# grondslagen van de partijen (een convenant is nooit zelf een grondslag). Het convenant van een doel
# staat bij het doel (kader.convenant_id).
doel_past_op(route, doel, d) if {
	route.convenant == kb.doelen[doel].convenant
	kb.convenanten[route.convenant].status == "uitgewerkt"
	datum.geldig(d, kb.convenanten[route.convenant])
	some x in route.doelen
	x in {"*", doel}
}

gegevens_past(route, _) if not route.gegevens

gegevens_past(route, c) if {
	some g in route.gegevens
	g in {"*", c}
}

# partij(p, rol): wat de selectoren over partij p als afzender (rol "van") of ontvanger ("naar") van deze
# vraag weten buiten de kennisbank: het doel en de afzender van de vraag, en de deelname van p aan het
# convenant (kader.deelname; met de feiten deelnemer_van en deelnemer_naar). Met dit alles als argument
# hangen de selectoren alleen van hun argumenten af.
partij(p, rol) := {
	"id": p,
	"rol": rol,
	"doel": vraag.doel,
	"van": vraag.van,
	"deelname": deelname(p, rol),
	"wgs": wgs_deelnemer(p),
}

deelname(p, rol) := kader.deelname(p, rol) if true

else := "onbekend_in_kennisbank"

wgs_deelnemer(p) if kader.deelnemer_data(p).wgs == true

else := false

# selectie_past: één van de selectoren past bij partij (zie partij); een selector "a+b" past als a en b
# allebei passen, een deel "!a" als a niet past.
selectie_past(selectoren, partij) if {
	some sel in selectoren
	not deel_past_niet(sel, partij)
}

deel_past_niet(sel, partij) if {
	some deel in split(sel, "+")
	not deel_past(deel, partij)
}

deel_past(deel, partij) if {
	not startswith(deel, "!")
	selector(deel, partij.id, partij)
}

deel_past(deel, partij) if {
	startswith(deel, "!")
	not selector(substring(deel, 1, -1), partij.id, partij)
}

# organisatie: een echte organisatie, ook een betrokken niet-deelnemer (die heeft een eigen rol in de casus).
organisatie(p) if kb.partijen[p].soort in {"organisatie", "betrokken_niet_deelnemer"}

selector("*", p, _) if organisatie(p)

selector(sel, p, _) if {
	not startswith(sel, "@")
	sel != "*"
	sel == p
}

selector("@taak", p, partij) if partij.doel in kb.partijen[p].taak.doelen

# @taak_organisatie: het doel hoort bij de taak van de organisatie waarvoor p optreedt (het college voor de
# leerplichtambtenaar); @zelfde_organisatie: p werkt voor dezelfde organisatie als de afzender.
selector("@taak_organisatie", p, partij) if partij.doel in kb.partijen[kader.organisatie(p)].taak.doelen

selector("@zelfde_organisatie", p, partij) if {
	organisatie(p)
	kader.organisatie(p) == kader.organisatie(partij.van)
}

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

# Deelname die nog onbekend is, of een derde die incidenteel kan aanschuiven, laat de route toe; het kader
# maakt de cel dan onbepaald.
selector("@deelnemers", _, partij) if partij.deelname in {"ja", "onbekend", "derde"}

# Een afzender die geen deelnemer is, kan een eigen grondslag hebben: de routes toetsen dan wat er verder
# nodig is, en het kader maakt de cel onbepaald (afzender_geen_deelnemer: de FG beoordeelt de eigen grondslag).
selector("@deelnemers", p, partij) if {
	partij.rol == "van"
	partij.deelname == "nee"
	organisatie(p)
}

selector("@wgs_deelnemers", _, partij) if {
	partij.deelname in {"ja", "onbekend"}
	partij.wgs == true
}

# eigen_partij: wiens eigen taak een route met eigen_grondslag citeert: in laag art6_naar die van ontvanger r,
# anders die van afzender van.
eigen_partij("art6_naar", r, _) := r

eigen_partij(laag, _, van) := van if laag != "art6_naar"

# Alleen de eigen grondslagen die op dag d gelden (geen AVG vóór 25 mei 2018).
eigen_grondslagen(route, laag, r, van, d) := [g |
	some g in kb.partijen[eigen_partij(laag, r, van)].taak.grondslagen
	datum.geldig(d, kb.grondslagen[g])
] if route.eigen_grondslag

eigen_grondslagen(route, _, _, _, _) := [] if not route.eigen_grondslag

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

# Toestemming van de verkeerde persoon voor de leeftijd is geen geldige toestemming: de route is dicht, en het
# alternatief noemt wie moet toestemmen. Wie toestemt, hangt af van het stelsel van de handeling (feiten.yaml,
# toestemming_door): het beroepsgeheim volgt de WGBO en de Jeugdwet, toestemming als AVG-grondslag volgt
# UAVG art. 5.
gesloten(route) if {
	some h in handelingen(route)
	verkeerde_persoon(h)
}

verkeerde_persoon(h) if {
	h.bij_minderjarige
	vraag.feit(h.feit) == h.waarde
	not toestemming_door_past(stelsel(h))
}

# juiste_persoon(h): wie voor deze leeftijd en dit stelsel wel toestemt (de eerste mogelijkheid).
juiste_persoon(h) := banden[0].door[0] if {
	leeftijd := vraag.leeftijdsklasse
	banden := [b | some b in kb.feiten.toestemming_door.geldig_per_leeftijd[stelsel(h)]; leeftijd < b.tot]
}

stelsel(h) := object.get(h, "stelsel", "avg")

toestemming_door_past(_) if not vraag.bekend("toestemming_door")

toestemming_door_past(_) if not is_number(vraag.leeftijdsklasse)

toestemming_door_past(stelsel) if {
	leeftijd := vraag.leeftijdsklasse
	is_number(leeftijd)
	banden := [b | some b in kb.feiten.toestemming_door.geldig_per_leeftijd[stelsel]; leeftijd < b.tot]
	vraag.feit("toestemming_door") in banden[0].door
}

ontbrekend(route) := {k | some k, _ in feiten(route); not vraag.bekend(k)}

minderjarig if {
	leeftijd := vraag.leeftijdsklasse
	is_number(leeftijd)
	leeftijd < kb.feiten.leeftijd.meerderjarig_vanaf
}

# open_handelingen: de handelingen die nog moeten gebeuren.
open_handelingen(route) := {h.feit | some h in handelingen(route); not vraag.bekend(h.feit)}

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

# herstel: welke feiten deze route zouden openen (voor de alternatieven); gaf de verkeerde persoon
# toestemming, dan ook wie wel moet toestemmen.
herstel(route) := object.union(
	object.union(feiten(route), {h.feit: h.waarde | some h in handelingen(route)}),
	{"toestemming_door": juiste_persoon(h) | some h in handelingen(route); verkeerde_persoon(h)},
)

# per_id: de routes op id (ids zijn uniek; de lader controleert dat).
per_id := {route.id: route | some route in kb.routes}

# stand(route): wat de route voor deze vraag betekent, los van de cel; een functie, zodat OPA het eenmaal per
# route en vraag berekent.
stand(route) := {
	"status": status(route),
	"voorwaarden": ({v | some v in route.voorwaarden} | extra_voorwaarden(route)),
	"open_handelingen": open_handelingen(route),
	"ontbrekend": ontbrekend(route),
}

leeg_eigen(route, eigen) if {
	route.eigen_grondslag
	count(eigen) == 0
}

# uitkomst van laag voor cel (r, c); zonder_route_grondslagen citeert wat geldt als geen route past. De
# uitkomst zegt niet over welke cel zij gaat: wie haar opvraagt, weet dat al (uitkomst[laag][r][c]).
#
# Een cel hangt in een laag alleen af van welke kandidaat-routes bij haar ontvanger passen (met hun eigen
# grondslagen) en welke haar categorie dekken: haar klasse. Cellen met dezelfde klasse krijgen dezelfde
# uitkomst, op de cel zelf na. Die uitkomst wordt per klasse één keer berekend (per_klasse, een functie die OPA
# per argument bewaart) en per cel alleen van ontvanger en categorie voorzien; zo kost een vraag met honderden
# cellen (een matrix) het werk van enkele klassen.
uitkomst(laag, r, c, zonder_route_grondslagen) := naar_soort(
	met_grondslagen(per_klasse(laag, naar_klasse(laag, r), klasse_gegevens(laag, c)), zonder_route_grondslagen),
	laag,
	r,
)

# Zonder route citeert de laag wat dan geldt; die grondslagen geeft de laag zelf mee.
met_grondslagen(u, gz) := object.union(u, {"grondslagen": gz}) if u.status == "geen_route"

# naar_soort: zonder route kan een laag voor een soort ontvanger iets anders zeggen (oordelen.yaml,
# zonder_route_naar), zoals onbepaald voor betrokkene zelf.
naar_soort(u, laag, r) := object.union(u, w) if {
	u.status == "geen_route"
	w := kb.lagen[laag].zonder_route_naar[kb.partijen[r].soort]
} else := u

met_grondslagen(u, _) := u if u.status != "geen_route"

# naar_klasse(laag, r): de kandidaat-routes (op plek) die bij ontvanger r passen, met hun eigen grondslagen.
# Een functie, zodat OPA het resultaat per laag en ontvanger bewaart en alleen berekent wat een cel vraagt;
# naar_klasse_op hangt, net als kandidaten_op, alleen van zijn argumenten af.
naar_klasse(laag, r) := naar_klasse_op(laag, vraag.peildatum, partij(vraag.van, "van"), partij(r, "naar"))

naar_klasse_op(laag, d, van, naar) := [[i, eigen] |
	some i, route in kandidaten_op(laag, d, van)
	selectie_past(route.naar, naar)
	eigen := eigen_grondslagen(route, laag, naar.id, van.id, d)
	not leeg_eigen(route, eigen)
]

# klasse_gegevens(laag, c): de kandidaat-routes (op plek) die categorie c dekken; een functie, zodat OPA het
# resultaat per laag en categorie bewaart (een opzoeking in een regel met meerdere sleutels bewaart OPA niet)
# en alleen de lagen berekent die een cel toetst.
klasse_gegevens(laag, c) := {i | some i, route in kandidaten(laag); gegevens_past(route, c)}

# per_klasse(laag, kn, kg): de uitkomst van een laag voor alle cellen met ontvangerklasse kn en
# categorieklasse kg, zonder de cel zelf: de routes die bij allebei passen.
per_klasse(laag, kn, kg) := object.union(kies(laag, bs), {"soort": "laag", "laag": laag}) if {
	bs := [object.union(stand(route), {"route": route, "grondslagen": met_eigen(route, eigen)}) |
		some [i, eigen] in kn
		kg[i]
		route := kandidaten(laag)[i]
	]
}

met_eigen(route, eigen) := array.concat(route.grondslagen, [g | some g in eigen; not g in route.grondslagen])

kies(laag, bs) := route_uitkomst(beste(geldig), bs) if {
	geldig := [b | some b in bs; b.status == "geldt"]
	count(geldig) > 0
} else := onbekend_uitkomst(laag, onbekend) if {
	onbekend := [b | some b in bs; b.status == "onbekend"]
	count(onbekend) > 0
} else := geen_route_uitkomst(laag, bs)

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

# Een route die nog op een onbekende toestand wacht, blijft als herstel bewaard: zij kan een beter
# oordeel geven dan de route die nu geldt (bijvoorbeeld een wettelijke plicht bij een ots).
route_uitkomst(b, bs) := uitleg.schakel(b.route, {
	"status": "route",
	"voorwaarden": sort(b.voorwaarden),
	"grondslagen": b.grondslagen,
	"herstel": [herstel(x.route) | some x in bs; x.status == "onbekend"],
})

onbekend_uitkomst(laag, bs) := uitleg.schakel(
	{
		"id": concat("_", ["onbekend", laag]),
		"titel": kb.lagen[laag].label,
		"tekst": sprintf("%s: de route hangt af van een feit dat niet is opgegeven (%s).", [kb.lagen[laag].label, concat(", ", sort(ontbrekend))]),
		"oordeel": "onbepaald",
		"zekerheid": "laag",
	},
	{
		"status": "onbekend",
		"ontbrekende_feiten": sort(ontbrekend),
		"herstel": [herstel(b.route) | some b in bs],
	},
) if {
	ontbrekend := {k | some b in bs; some k in b.ontbrekend}
}

# zekerheid_zonder_route: hoe zeker het oordeel zonder route is (oordelen.yaml). Bij een gesloten doel (het
# Wgs-signaal) legt de wet zelf vast langs welke weg het mag; past die niet, dan is het nee zeker.
zekerheid_zonder_route(laag) := "hoog" if kader.doel_info.gesloten

else := kb.lagen[laag].zonder_route.zekerheid

geen_route_uitkomst(laag, bs) := uitleg.schakel(
	{
		"id": concat("_", ["geen_route", laag]),
		"titel": kb.lagen[laag].label,
		"tekst": kb.lagen[laag].tekst,
		"oordeel": kb.lagen[laag].zonder_route.oordeel,
		"zekerheid": zekerheid_zonder_route(laag),
	},
	{
		"status": "geen_route",
		"gesloten_routes": sort([b.route.id | some b in bs; b.status == "gesloten"]),
		"herstel": [herstel(b.route) | some b in bs; b.status == "gesloten"],
	},
)

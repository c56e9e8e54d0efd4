# METADATA
# title: Domeincontrole
# description: >-
#   De domeincontrole over de doorgerekende regels (magikdelen controleer --regels). Go rekent de matrix van
#   een convenant door en geeft haar cellen als input.cellen; elke regel hier is één soort bevinding over
#   die cellen, met id, ernst, hint en volgorde in zijn METADATA. Go telt de cellen per groep en geeft een
#   paar voorbeelden. Wat een bevinding is, staat dus hier, niet in Go.
#
#   input: {"controle": "cellen" | "verlopen" | "vertrokken", "convenant": id, "cellen": [matrixcel, ...]}
#   met "tot" (verlopen: de einddatum van het convenant) of "partij" en "dag" (vertrokken: wie vertrok
#   en de eerste dag zonder hem).
package magikdelen.lint

import data.kennisbank as kb
import data.magikdelen.oordeel
import data.magikdelen.uitleg

# bevinding bouwt een bevinding over cel i uit de METADATA van de regel. Cellen met dezelfde groep worden
# samen geteld; rang ordent de bevindingen van één cel (eerst custom.volgorde van de regel, dan rang).
bevinding(meta, i, groep, rang, bericht) := {
	"id": meta.custom.id,
	"ernst": meta.custom.ernst,
	"hint": meta.custom.hint,
	"cel": i,
	"groep": concat("|", [meta.custom.id, groep]),
	"volgorde": [meta.custom.volgorde, rang],
	"bericht": bericht,
}

# METADATA
# title: Gat
# description: Geen regel beantwoordt de deling; het antwoord is onbepaald zonder reden en zonder ontbrekend feit.
# custom:
#   id: gat
#   ernst: waarschuwing
#   volgorde: 1
#   hint: "Geef de cel een route (routes.yaml of het convenant) of een blokkade, zodat het antwoord zegt waarom; nu verwijst het alleen naar de FG."
bevindingen contains bevinding(rego.metadata.rule(), i, cel.doel, 0, bericht) if {
	input.controle == "cellen"
	some i, cel in input.cellen
	cel.oordeel == "onbepaald"
	leeg(cel.redenen)
	leeg(cel.ontbrekende_feiten)
	bericht := sprintf("doel %s: geen regel beantwoordt deze delingen", [uitleg.label("doelen", cel.doel)])
}

# METADATA
# title: Botsing
# description: >-
#   Een wettelijke plicht of bevoegdheid (een route met oordeel toegestaan) en een blokkade van het convenant
#   of de doelbinding passen allebei op de cel; het strengste oordeel geldt.
# custom:
#   id: botsing
#   ernst: waarschuwing
#   volgorde: 2
#   hint: "Een wettelijke plicht gaat niet weg door een convenantafspraak: neem de categorie op in max_gegevens van het doel, of leg uit waarom het convenant hier strenger is."
bevindingen contains bevinding(rego.metadata.rule(), i, concat("|", [cel.doel, b]), j, bericht) if {
	input.controle == "cellen"
	some i, cel in input.cellen
	some j, b in lijst(object.get(cel, "botsingen", []))
	[blokkade, route] := voor_en_na(b, "/")
	bericht := sprintf("doel %s: route %s (toegestaan) en blokkade %s passen allebei; het strengste oordeel geldt", [uitleg.label("doelen", cel.doel), route, blokkade])
}

# METADATA
# title: Bijzondere gegevens zonder uitzondering
# description: >-
#   Gegevens van een bijzondere klasse (AVG art. 9 of art. 10, gegevens.yaml klassen) mogen worden gedeeld,
#   terwijl geen laag van die klasse een route vond (een uitzondering van art. 9 lid 2 of een art. 10-route)
#   en ook geen route van een gesloten regime (Wpg, Wjsg) de deling dekt. Een gesloten regime heeft voor elke
#   deling een eigen route, bijzondere gegevens inbegrepen; de AVG-lagen gelden dan niet. De lagen van een
#   klasse zijn er per kant (art9_van, art9_naar): één kant met een route is genoeg.
# custom:
#   id: bijzonder_zonder_uitzondering
#   ernst: waarschuwing
#   volgorde: 3
#   hint: "Controleer of de wet van afzender en ontvanger (Wpg, Wjsg) deze bijzondere gegevens dekt; zo niet, voeg een route voor de laag art9/art10 toe of beperk max_gegevens."
bevindingen contains bevinding(rego.metadata.rule(), i, concat("|", [cel.doel, klasse]), kb.klassen[klasse].volgorde, bericht) if {
	input.controle == "cellen"
	some i, cel in input.cellen
	oordeel.positief(cel.oordeel)
	some klasse in kb.gegevens[cel.gegevens].klassen
	kb.klassen[klasse].bijzonder == true
	geen_route_voor_klasse(lagen(cel), klasse)
	geen_route(lagen(cel), "regime")
	bericht := sprintf("doel %s: %s-gegevens mogen worden gedeeld zonder route in die laag en zonder route van een gesloten regime", [uitleg.label("doelen", cel.doel), klasse])
}

# METADATA
# title: Verlopen convenant staat nog iets toe
# description: De dag na het einde van het convenant mag een cel nog via een route van het convenant zelf.
# custom:
#   id: verlopen_convenant_toegestaan
#   ernst: fout
#   volgorde: 1
#   hint: "Een verlopen convenant mag geen deling meer dragen: controleer geldig_tot van het convenant en van zijn routes, en de regel convenant_niet_geldig."
bevindingen contains bevinding(rego.metadata.rule(), i, concat("|", [cel.doel, route]), 0, bericht) if {
	input.controle == "verlopen"
	some i, cel in input.cellen
	route := convenantroute(cel)
	aanhef := sprintf("%s is op %s verlopen, maar", [convenant_naam, input.tot])
	bericht := sprintf("%s doel %s geeft nog %s via convenantroute %s", [aanhef, cel.doel, cel.oordeel, route])
}

# METADATA
# title: Vertrokken deelnemer deelt nog
# description: De dag nadat een deelnemer vertrok, deelt hij nog (of ontvangt hij nog) via een route van het convenant.
# custom:
#   id: vertrokken_deelnemer_toegestaan
#   ernst: fout
#   volgorde: 1
#   hint: "Een vertrokken deelnemer deelt niet meer onder het convenant: controleer tot van de deelnemer en de selectoren van de convenantroutes."
bevindingen contains bevinding(rego.metadata.rule(), i, concat("|", [cel.doel, route]), 0, bericht) if {
	input.controle == "vertrokken"
	some i, cel in input.cellen
	route := convenantroute(cel)
	aanhef := sprintf("%s doet sinds %s niet meer mee aan %s, maar", [uitleg.label("partijen", input.partij), input.dag, convenant_naam])
	bericht := sprintf("%s doel %s geeft nog %s via convenantroute %s", [aanhef, cel.doel, cel.oordeel, route])
}

convenant_naam := kb.convenanten[input.convenant].naam

# eigen_routes: de routes in het eigen bestand van het convenant.
eigen_routes := {r.id | some r in lijst(object.get(kb.convenanten[input.convenant], "routes", []))}

# convenantroute: een toegestane cel die op een route van het convenant zelf steunt; bij meer dan één de
# eerste op id, zodat de bevinding niet van toevallige volgorde afhangt.
convenantroute(cel) := min(rs) if {
	oordeel.positief(cel.oordeel)
	rs := {id | some id in lagen(cel); id in eigen_routes}
	count(rs) > 0
}

# geen_route_voor_klasse: geen laag van de klasse (art9_van, art9_naar voor art9) vond een route.
geen_route_voor_klasse(ls, klasse) if {
	count({laag | some laag, _ in ls; startswith(laag, concat("", [klasse, "_"])); not geen_route(ls, laag)}) == 0
}

# geen_route: de laag gold niet voor de cel, of vond geen route.
geen_route(ls, laag) if not ls[laag]

geen_route(ls, laag) if startswith(ls[laag], "geen_route_")

# lagen: per laag de route (of geen_route_<laag>) van een cel; een cel zonder lagen heeft er geen.
lagen(cel) := cel.lagen if is_object(cel.lagen)

else := {}

lijst(x) := x if is_array(x)

else := []

leeg(x) if x == null

leeg(x) if count(x) == 0

# voor_en_na splitst s bij het eerste scheidingsteken; zonder scheidingsteken is het deel erna leeg.
voor_en_na(s, sep) := [substring(s, 0, i), substring(s, i + count(sep), -1)] if {
	i := indexof(s, sep)
	i >= 0
} else := [s, ""]

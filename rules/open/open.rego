# METADATA
# title: Open feiten
# description: >-
#   Welke feiten die de vraag niet noemt, kunnen het antwoord nog veranderen? De geleide modus van
#   `magikdelen vraag` stelt alleen die vragen. Afgeleid uit de regels, niet uit een vaste beslisboom: de
#   feiten die het oordeel als ontbrekend noemt, de feiten die een alternatief opent, en elk ander feit uit
#   de kennisbank waarvan een mogelijke waarde, met dezelfde regels opnieuw doorgerekend (with input), een
#   ander oordeel of een andere checklist geeft.
package magikdelen.open

import data.kennisbank as kb
import data.magikdelen.alternatieven
import data.magikdelen.oordeel
import data.magikdelen.vraag

# feiten: de open feiten met de reden waarom ze open zijn, in een vaste volgorde: eerst wat het oordeel
# beslist, dan wat een alternatief opent, dan wat het antwoord anders verandert; binnen een groep in de
# volgorde van feiten.yaml.
feiten := lijst(reden_per_feit)

# lijst(redenen): de open feiten van redenen (feit -> reden) in de vaste volgorde van feiten.
lijst(redenen) := [{"id": f, "reden": reden} |
	some rij in sort({[groep[reden], kb.feiten[f].volgorde, f, reden] | some f, reden in redenen})
	f := rij[2]
	reden := rij[3]
]

groep := {"ontbrekend": 0, "alternatief": 1, "verandert": 2}

reden_per_feit := object.union(vaste_redenen, {f: "verandert" | some f in verandert})

# vaste_redenen: de feiten die open zijn zonder proef: wat het oordeel als ontbrekend noemt en wat een
# alternatief nodig heeft.
vaste_redenen := vaste_redenen_met(uit_alternatieven)

vaste_redenen_met(ua) := object.union({f: "ontbrekend" | some f in ontbrekend}, {f: "alternatief" | some f in ua})

# ontbrekend: de feiten die het oordeel als ontbrekend en beslissend noemt.
ontbrekend contains f if {
	some f in oordeel.ontbrekende_feiten
	not vraag.bekend(f)
}

# uit_alternatieven: de onbekende feiten die een alternatief nodig heeft om minder streng uit te komen.
uit_alternatieven := uit_alternatieven_van({f | some a in alternatieven.alternatieven; some f, _ in a.feiten})

# uit_alternatieven_van(fs): van de feiten fs die de alternatieven noemen, de feiten die de vraag niet kent en
# die het oordeel niet al als ontbrekend noemt.
uit_alternatieven_van(fs) := {f | some f in fs; not vraag.bekend(f); not f in ontbrekend}

# verandert: elk ander onbekend feit waarvan een proefwaarde het oordeel of de checklist verandert.
verandert contains f if {
	some f in te_proberen
	anders(f)
}

# te_proberen: de feiten die verandert met proefwaarden doorrekent: elk onbekend feit dat nog niet open is.
# Deelname komt uit de convenantdata (contract §4); die feiten zijn alleen open als de regels ze als
# ontbrekend of in een alternatief noemen. Een oordeel "niet toegestaan" kan niet strenger en heeft geen
# checklist; wat het milder maakt, zeggen de alternatieven.
te_proberen := te_proberen_met(uit_alternatieven)

te_proberen_met(ua) := {f |
	oordeel.oordeel != "niet_toegestaan"
	some f, info in kb.feiten
	info.soort != "deelname"
	not vraag.bekend(f)
	not f in ontbrekend
	not f in ua
}

# uitkomst: wat van het antwoord kan veranderen door één feit: het oordeel en de checklist.
uitkomst := {"oordeel": oordeel.oordeel, "voorwaarden": oordeel.voorwaarden}

# anders(f): een proefwaarde van f geeft een andere uitkomst (de eerste die dat doet, volstaat).
anders(f) if {
	some w in proefwaarden(f)
	u := uitkomst with input as met(f, w)
	u != uitkomst
}

# met(f, w): de vraag met proefwaarde w voor feit f.
met(f, w) := object.union(input, {"feiten": object.union(vraag.feiten, {f: w})})

# in_delen: de open feiten in delen, voor de Go-bibliotheek: de vaste redenen, de uitkomst en per te proberen
# feit de vragen met zijn proefwaarden, in volgorde. De bibliotheek rekent die vragen naast elkaar door (uitkomst
# per vraag; een feit verandert als één uitkomst anders is) en zet de lijst in volgorde met lijst, zoals feiten
# dat in één evaluatie doet; een test vergelijkt de twee.
in_delen := in_delen_met(uit_alternatieven)

# in_delen_met(ua): in_delen met ua als de feiten die de alternatieven nodig hebben (uit_alternatieven_van). De
# bibliotheek geeft ze uit het antwoord op de vraag als zij dat al heeft (haar cache): de alternatieven worden
# dan niet opnieuw doorgerekend.
in_delen_met(ua) := {
	"redenen": vaste_redenen_met(ua),
	"uitkomst": uitkomst,
	"proeven": {f: [met(f, w) | some w in proefwaarden(f)] | some f in te_proberen_met(ua)},
}

# proefwaarden: de waarden waarmee een feit wordt doorgerekend. Ja/nee en keuzes: alle waarden. Een
# leeftijd: de grenzen uit de kennisbank (meerderjarigheid, toestemming per leeftijd). Een datum: de dag
# van de deling en een dag lang geleden. Een doel: één doel van elke klasse die de doelbinding onderscheidt.
# Een partij: de partijen van de vraag.
proefwaarden(f) := [true, false] if kb.feiten[f].type == "ja_nee"

proefwaarden(f) := kb.feiten[f].waarden if kb.feiten[f].type == "keuze"

proefwaarden(f) := sort(leeftijdsgrenzen) if kb.feiten[f].type == "geheel_getal"

proefwaarden(f) := [vraag.datum, "1900-01-01"] if kb.feiten[f].type == "datum"

proefwaarden(f) := doel_vertegenwoordigers if kb.feiten[f].type == "doel"

proefwaarden(f) := array.concat([vraag.van], vraag.naar) if kb.feiten[f].type == "partij"

leeftijdsgrenzen contains kb.feiten.leeftijd.meerderjarig_vanaf

leeftijdsgrenzen contains kb.feiten.leeftijd.meerderjarig_vanaf - 1

leeftijdsgrenzen contains b.tot - 1 if {
	some banden in kb.feiten.toestemming_door.geldig_per_leeftijd
	some b in banden
}

# doel_vertegenwoordigers: van de doelen die voor de doelbinding (rules/doelbinding) hetzelfde betekenen, het
# eerste. De doelbinding leest van het oorspronkelijke doel alleen of het het doel van de vraag is, of het
# daarmee verenigbaar is, de taakwetten en of het gesloten is; doelen die daarin gelijk zijn, geven hetzelfde
# oordeel (open_test.rego toetst dat tegen alle doelen).
doel_vertegenwoordigers := sort({min(ds) | some ds in doelklassen})

doelklassen[klasse] contains d if {
	some d, info in kb.doelen
	klasse := doelklasse(d, info)
}

doelklasse(d, info) := [
	d == vraag.doel,
	vraag.doel in object.get(info, "verenigbaar_met", []),
	sort(object.get(info, "wetten", [])),
	object.get(info, "gesloten", false),
]

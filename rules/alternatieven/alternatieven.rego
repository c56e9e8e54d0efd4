# METADATA
# title: Alternatieven
# description: >-
#   "Wat is er nodig om dit wel te mogen?" Elke route die dicht of onbekend was en elke blokkade met een
#   herstel noemt de feiten die haar zouden openen; de doelen in de kennisbank noemen andere routes. Elke
#   kandidaat wordt met dezelfde regels opnieuw doorgerekend (with input), en alleen wat een minder streng
#   oordeel geeft, komt in het antwoord.
package magikdelen.alternatieven

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.oordeel
import data.magikdelen.uitleg
import data.magikdelen.vraag

max_aantal := 6

huidige_feiten := vraag.feiten

# enkel: feitwijzigingen uit de herstelopties van de cellen die het oordeel dragen (een andere cel
# verbeteren verandert het totaal niet).
enkel contains h if {
	some d in oordeel.beslissende_cellen
	some h in d.herstel
	count(h) > 0
	nieuw_feit(h)
}

# nieuw_feit(h): h verandert een feit. Het leest elk feit via vraag.feit, niet de feiten als geheel: zo hangt
# wat enkel en paar uitrekenen alleen af van de feiten die zij noemen, en delen vragen die daarin gelijk zijn
# het (library/invoerdelen.go).
nieuw_feit(h) if {
	some k, v in h
	vraag.feit(k) != v
	not definitief_anders(h)
}

# definitief_anders(h): h verandert een feit dat al een definitieve waarde heeft (feiten.yaml, definitief),
# zoals een geweigerde toestemming: daar mag geen alternatief op aandringen.
definitief_anders(h) if {
	some k, v in h
	nu := vraag.feit(k)
	nu in object.get(kb.feiten, [k, "definitief"], [])
	v != nu
}

# paar: twee herstelopties van dezelfde cel samen, als ze elkaar niet tegenspreken.
paar contains object.union(h1, h2) if {
	some d in oordeel.beslissende_cellen
	some i, h1 in d.herstel
	some j, h2 in d.herstel
	i < j
	count(h1) > 0
	count(h2) > 0
	not definitief_anders(h1)
	not definitief_anders(h2)
	every k, v in h1 {
		object.get(h2, k, v) == v
	}
	object.union(h1, h2) != h1
	object.union(h1, h2) != h2
}

# Andere doelen en ontvangers uit de kennisbank.
doelwijzigingen contains object.union({"doel": a.doel, "tekst": a.tekst}, naar_wijziging(a)) if {
	some a in object.get(kader.doel_info, "alternatieven", [])
}

naar_wijziging(a) := {"naar": [a.naar]} if a.naar

naar_wijziging(a) := {} if not a.naar

nieuwe_invoer(w) := object.union(object.union(input, {"feiten": object.union(huidige_feiten, object.get(w, "feiten", {}))}), object.filter(w, {"doel", "naar"}))

# doorgerekend(w): het oordeel op de vraag met wijziging w, alleen als het minder streng is dan nu (anders
# kiest kies het toch niet).
doorgerekend(w) := {"oordeel": o, "w": w} if {
	huidig := oordeel.oordeel
	invoer := nieuwe_invoer(w)
	o := milder_oordeel(huidig) with input as invoer
}

# milder_oordeel(huidig): het oordeel op de vraag als dat minder streng is dan huidig. Een cel die even streng
# blijft, beslist dat al: de andere cellen worden dan niet doorgerekend (oordeel.niet_milder_dan).
milder_oordeel(huidig) := oordeel.oordeel if not oordeel.niet_milder_dan(huidig)

# te_doorrekenen: per soort de wijzigingen die opnieuw doorgerekend worden: één feit (enkel), een ander doel
# of een andere ontvanger (doel), en twee feiten samen (paar). Een toegestane deling heeft geen alternatief
# nodig.
default te_doorrekenen := {"enkel": set(), "doel": set(), "paar": set()}

te_doorrekenen := {
	"enkel": {{"feiten": h} | some h in enkel},
	"doel": doelwijzigingen,
	"paar": {{"feiten": h} | some h in paar},
} if not oordeel.oordeel == "toegestaan"

# alternatieven: de wijzigingen doorgerekend met dezelfde regels (with input), en daaruit gekozen.
alternatieven := kies(
	oordeel.oordeel,
	{doorgerekend(w) | some w in te_doorrekenen.enkel},
	{doorgerekend(w) | some w in te_doorrekenen.doel},
	{doorgerekend(w) | some w in te_doorrekenen.paar},
)

# met_invoer: de wijzigingen van te_doorrekenen, elk met de vraag waarmee ze doorgerekend worden. De
# Go-bibliotheek rekent die vragen naast elkaar door (milder_oordeel per vraag) en kiest
# daarna met kies, met dezelfde uitkomst als alternatieven; een test vergelijkt de twee.
met_invoer := {soort: [{"w": w, "invoer": nieuwe_invoer(w)} | some w in ws] | some soort, ws in te_doorrekenen}

# kies: de alternatieven uit de doorgerekende wijzigingen ({"oordeel", "w"}) bij het huidige oordeel: alleen
# wat minder streng uitkomt, het minst strenge eerst, hooguit max_aantal. Een paar telt alleen als geen van
# beide helften alleen al even ver komt.
kies(huidig, enkel_uit, doel_uit, paar_uit) := array.slice(gesorteerd(beter), 0, max_aantal) if {
	beter_enkel := {a | some a in enkel_uit; beter_dan(a, huidig)}
	beter_doel := {a | some a in doel_uit; beter_dan(a, huidig)}
	beter_paar := {a |
		some a in paar_uit
		beter_dan(a, huidig)
		not enkel_volstaat(beter_enkel, a.w.feiten, a.oordeel)
	}
	beter := (beter_enkel | beter_doel) | beter_paar
}

beter_dan(a, huidig) if uitleg.rang_oordeel(a.oordeel) > uitleg.rang_oordeel(huidig)

enkel_volstaat(beter_enkel, h, o) if {
	some e in beter_enkel
	uitleg.rang_oordeel(e.oordeel) >= uitleg.rang_oordeel(o)
	every k, v in e.w.feiten {
		h[k] == v
	}
}

gesorteerd(beter) := [alternatief(a) | some paar in sort([[0 - uitleg.rang_oordeel(a.oordeel), count(object.get(a.w, "feiten", {})), a] | some a in beter]); a := paar[2]]

alternatief(a) := object.union(
	{"tekst": tekst(a), "feiten": object.get(a.w, "feiten", {}), "oordeel": a.oordeel},
	object.filter(a.w, {"doel", "naar"}),
)

tekst(a) := sprintf("%s Dan is het oordeel: %s.", [a.w.tekst, lower(kb.oordelen[a.oordeel].label)]) if a.w.tekst

tekst(a) := sprintf("%s. Dan is het oordeel: %s.", [concat("; ", [feit_tekst(k, v) | some k, v in a.w.feiten]), lower(kb.oordelen[a.oordeel].label)]) if not a.w.tekst

feit_tekst(k, v) := sprintf("%s: %s", [uitleg.label("feiten", k), waarde_tekst(v)])

waarde_tekst(true) := "ja"

waarde_tekst(false) := "nee"

waarde_tekst(v) := replace(v, "_", " ") if is_string(v)

waarde_tekst(v) := format_int(v, 10) if is_number(v)

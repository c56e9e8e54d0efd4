# METADATA
# title: Doelbinding
# description: >-
#   Gegevens die voor het ene doel zijn verkregen (feit verkregen_voor), mogen alleen voor een verenigbaar
#   doel verder worden gebruikt (AVG art. 5 lid 1 sub b en art. 6 lid 4). Welke doelen verenigbaar zijn,
#   staat per doel in de kennisbank. De toets vervalt als de wet zelf de verstrekking voor dit doel toestaat
#   (een route met verdere_verwerking), en een hergebruikregel van de wet (Wmo 2015 art. 5.1.1 lid 4,
#   Wgs art. 8d) gaat voor de algemene toets.
package magikdelen.doelbinding

import data.kennisbank as kb
import data.magikdelen.datum
import data.magikdelen.kader
import data.magikdelen.lagen
import data.magikdelen.routes
import data.magikdelen.uitleg
import data.magikdelen.vraag

oorsprong := vraag.feit("verkregen_voor")

# verenigbaar is waar als het doel van de vraag gelijk is aan, of verenigbaar met, het oorspronkelijke doel.
verenigbaar if oorsprong == vraag.doel

verenigbaar if vraag.doel in object.get(kb.doelen, [oorsprong, "verenigbaar_met"], [])

# --- hergebruik binnen één organisatie (routes.yaml, hergebruik) ---

# oorsprong_wetten: de taakwetten waarvoor de gegevens zijn verkregen: die van verkregen_voor, of anders die
# van de functie van de afzender (de schuldhulpverlener heeft zijn gegevens voor de Wgs).
oorsprong_wetten := {w | some w in object.get(kb.doelen, [oorsprong, "wetten"], [])} if is_string(oorsprong)

oorsprong_wetten := {w | some w in object.get(kb.partijen, [vraag.van, "taak", "wetten"], [])} if not is_string(oorsprong)

doel_wetten := {w | some w in object.get(kader.doel_info, "wetten", [])}

# regelingen: de hergebruikregels die op deze vraag passen: de afzender hoort bij de organisatie van de
# regel, het doel dient de wet van de regel en de gegevens komen uit een van haar herkomstwetten.
regelingen contains h if {
	some h in kb.hergebruik
	kader.organisatie(vraag.van) == h.organisatie
	h.voor_wet in doel_wetten
	not h.voor_wet in oorsprong_wetten
	herkomst_past(h)
	datum.geldig(vraag.peildatum, h)
	routes.grondslagen_geldig(h, vraag.peildatum)
}

# Met verkregen_voor volstaat één herkomstwet; zonder verkregen_voor moeten alle taakwetten van de
# functie eronder vallen (anders is de herkomst niet te bepalen en geldt de regel niet).
herkomst_past(h) if {
	is_string(oorsprong)
	some w in oorsprong_wetten
	w in h.van_wetten
}

herkomst_past(h) if {
	not is_string(oorsprong)
	count(oorsprong_wetten) > 0
	every w in oorsprong_wetten {
		w in h.van_wetten
	}
}

# actief: de doelbinding heeft bij deze vraag iets te toetsen: een oorspronkelijk doel (verkregen_voor) of een
# hergebruikregel die past. Elke regel per cel hieronder vraagt een van beide; zonder zoekt een cel hier niets op
# (blokkaden, uitkomsten), zodat een vraag zonder verkregen_voor en zonder regeling er niets voor rekent. Een
# nieuwe regel per cel die iets anders vraagt, hoort hier bij.
actief if is_string(oorsprong)

actief if count(regelingen) > 0

# blokkaden(r, c) en uitkomsten(r, c): wat de doelbinding over cel (r, c) zegt (de regels blokkade en uitkomst).
blokkaden(r, c) := [b | some b in blokkade[r][c]] if actief

else := []

uitkomsten(r, c) := [u | some u in uitkomst[r][c]] if actief

else := []

# uitkomst[r][c]: een hergebruikregel die geldt, is een schakel in de keten: zij noemt haar grondslag en
# zet haar voorwaarden (zoals uitdrukkelijke toestemming die nog moet worden gevraagd) op de checklist.
uitkomst[r][c] contains uitleg.schakel(h, {
	"soort": "doelbinding",
	"grondslagen": h.grondslagen,
	"voorwaarden": sort({v | some v in h.voorwaarden} | routes.extra_voorwaarden(h)),
	"naar": r,
	"gegevens": c,
}) if {
	some h in regelingen
	routes.status(h) == "geldt"
	kader.cellen[[r, c]]
}

# METADATA
# title: Hergebruik niet toegestaan
# description: >-
#   De wet staat dit hergebruik binnen de organisatie alleen toe onder een voorwaarde die niet is vervuld,
#   zoals uitdrukkelijke toestemming van betrokkene (Wmo 2015 art. 5.1.1 lid 4).
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0035362&artikel=5.1.1
#     description: Wmo 2015 art. 5.1.1 lid 4
# custom:
#   id: hergebruik_niet_toegestaan
#   oordeel: niet_toegestaan
#   zekerheid: hoog
blokkade[r][c] contains uitleg.blokkade(rego.metadata.rule(), r, c, tekst, extra) if {
	some h in regelingen
	routes.status(h) == "gesloten"
	kader.cellen[[r, c]]
	tekst := sprintf("%s Daaraan is niet voldaan.", [h.tekst])
	extra := {"grondslagen": h.grondslagen, "zekerheid": h.zekerheid, "herstel": routes.herstel(h)}
}

# --- de algemene verenigbaarheidstoets ---

# wettelijk_verder(r, c): de verstrekking in cel (r, c) gaat langs een route waarmee de wet zelf deze
# verstrekking toestaat (verdere_verwerking, op de route of haar laag). Niet voor gegevens van een gesloten
# doel (de Wgs-signalen): die blijven strikt doelgebonden.
wettelijk_verder(r, c) if {
	not object.get(kb.doelen, [oorsprong, "gesloten"], false)
	some laag in ["regime", "geheim", "art6_van"]
	u := lagen.cel(laag, r, c)
	u.status == "route"
	verdere_verwerking(laag, u.id)
}

verdere_verwerking(laag, _) if kb.lagen[laag].verdere_verwerking

verdere_verwerking(_, id) if routes.per_id[id].verdere_verwerking

algemene_toets(r, c) if {
	is_string(oorsprong)
	not verenigbaar
	count(regelingen) == 0
	not wettelijk_verder(r, c)
}

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
blokkade[r][c] contains uitleg.blokkade(rego.metadata.rule(), r, c, tekst, strikt) if {
	kader.cellen[[r, c]]
	algemene_toets(r, c)
	not vraag.feit("acuut_gevaar") == true
	tekst := sprintf("De gegevens zijn verkregen voor %s; gebruik voor %s is een ander, onverenigbaar doel, en geen wettelijke route staat deze verstrekking toe.", [uitleg.label("doelen", oorsprong), uitleg.label("doelen", vraag.doel)])
}

# strikt: gegevens van een gesloten doel (de Wgs-signalen: een vaste gegevensset die de wet alleen voor dat doel
# geeft) zijn zeker doelgebonden.
default strikt := {}

strikt := {"zekerheid": "hoog"} if kb.doelen[oorsprong].gesloten

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
	kader.cellen[[r, c]]
	algemene_toets(r, c)
	vraag.feit("acuut_gevaar") == true
	tekst := sprintf("De gegevens zijn verkregen voor %s; of gebruik voor %s bij acuut gevaar verenigbaar is, moet de FG wegen.", [uitleg.label("doelen", oorsprong), uitleg.label("doelen", vraag.doel)])
}

# blokkades: alle blokkades als één verzameling. De regels hierboven staan per cel (blokkade[r][c]), zodat
# het oordeel per cel kan opzoeken in plaats van alles te doorzoeken.
blokkades contains b if {
	some r, c
	some b in blokkade[r][c]
}

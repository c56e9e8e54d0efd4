# METADATA
# title: magikdelen
# description: >-
#   Het antwoord op "mag ik dit delen?": met een vraag van het contract als input geeft
#   data.magikdelen.antwoord hetzelfde antwoordobject als `magikdelen vraag --formaat json`.
#   De lagen van een rechtmatige deling staan elk in een eigen pakket onder magikdelen.lagen; dit pakket
#   zet alleen het antwoord in elkaar.
# entrypoint: true
package magikdelen

import data.kennisbank as kb
import data.magikdelen.alternatieven
import data.magikdelen.datum
import data.magikdelen.kader
import data.magikdelen.oordeel
import data.magikdelen.uitleg
import data.magikdelen.vraag
import data.magikdelen.vraagbaak

# antwoord: het antwoord op de vraag. Zonder datum geldt de vraag voor vandaag (contract §2 en §5: de bundel
# antwoordt zoals de CLI); dit is de enige regel die de klok leest. Alle andere regels nemen de datum uit de
# vraag, en de bibliotheek vult die altijd zelf in.
antwoord := volledig if not zonder_datum

antwoord := a if {
	zonder_datum
	a := volledig with input as object.union(input, {"datum": time.format([time.now_ns(), "UTC", "2006-01-02"])})
}

zonder_datum if vraag.datum_gegeven == null

volledig := object.union(kern, {"alternatieven": alternatieven.alternatieven})

# kern: het antwoord zonder alternatieven. Die rekenen de vraag opnieuw door met andere feiten; wie veel
# vragen tegelijk doorrekent (een matrix, eigenschapstests), vraagt alleen de kern.
kern := object.union(kern_zonder_vraagbaak, {"vraagbaak": vraagbaak.links})

# antwoord_zonder_vraagbaak en kern_zonder_vraagbaak: het antwoord en de kern met een lege lijst
# vraagbaakitems. De Go-bibliotheek vraagt deze en zet de verwijzingen er zelf in, met een index die ze bij
# het laden bouwt (library/vraagbaakindex.go, dezelfde rangorde als vraagbaak.links; een test vergelijkt
# die twee). De rangorde is zoeken, geen recht.
antwoord_zonder_vraagbaak := object.union(kern_zonder_vraagbaak, {"alternatieven": alternatieven.alternatieven})

# antwoord_in_delen: het antwoord zonder vraagbaak in twee delen, voor de Go-bibliotheek: de kern en de
# wijzigingen die de alternatieven doorrekenen, elk met haar vraag (alternatieven.met_invoer). De bibliotheek
# rekent die vragen naast elkaar door (data.magikdelen.oordeel.oordeel) en kiest de alternatieven met
# alternatieven.kies, zoals antwoord_zonder_vraagbaak ze in één evaluatie na elkaar doorrekent; een test
# vergelijkt de twee antwoorden.
#
# De kern staat erin zonder de vraag (kern_zonder_vraag), de genormaliseerde vraag apart: de vraag noemt de datum,
# de rest van de kern meestal niet, en zo deelt de Go-bibliotheek de kern tussen vragen die alleen in de datum
# verschillen (library/invoerdelen.go). De bibliotheek zet de vraag weer in het antwoord.
antwoord_in_delen := {"kern": kern_zonder_vraag, "vraag": genormaliseerd, "doorrekenen": alternatieven.met_invoer}

kern_zonder_vraagbaak := object.union(kern_zonder_vraag, {"vraag": genormaliseerd})

# kern_zonder_vraag: kern_zonder_vraagbaak zonder de genormaliseerde vraag.
kern_zonder_vraag := {
	"oordeel": oordeel.oordeel,
	"samenvatting": samenvatting,
	"zekerheid": oordeel.zekerheid,
	"grondslagen": citaten(oordeel.grondslagen),
	"voorwaarden": voorwaarden_uitgeschreven(oordeel.voorwaarden),
	"redenen": redenen,
	"alternatieven": [],
	"ontbrekende_feiten": oordeel.ontbrekende_feiten,
	"deeloordelen": [deeloordeel(d) | some d in oordeel.deeloordelen],
	"keten": oordeel.keten,
	"kader": kader_info,
	"kennisbank": {"versie": kb.versie},
	"vraagbaak": [],
}

# matrix: per cel alleen het oordeel (oordeel.kort_klasse), zonder uitleg en alternatieven, per klasse van
# categorieën: per ontvanger de korte cel van elke vertegenwoordiger, en per categorie haar vertegenwoordiger.
# De cel (r, c) is ontvangers[r][vertegenwoordiger[c]] met naar r en gegevens c; de bibliotheek zet de
# klassen zo uit naar cellen en bouwt er de matrix en het verschil tussen twee versies van de kennisbank mee
# (library/bulk). Zo rekenen de regels geen cel twee keer uit en draagt het resultaat elke klasse één keer.
matrix := {
	"kader": kader_info,
	"vertegenwoordiger": oordeel.vertegenwoordiger,
	"ontvangers": oordeel.kort_per_ontvanger,
}

deeloordeel(d) := {
	"naar": d.naar,
	"gegevens": d.gegevens,
	"oordeel": d.oordeel,
	"zekerheid": d.zekerheid,
	"grondslagen": citaten(d.grondslagen),
	"voorwaarden": voorwaarden_uitgeschreven(d.voorwaarden),
	"redenen": uitleg.met_datum_redenen(d.redenen),
	"ontbrekende_feiten": d.ontbrekende_feiten,
	"keten": d.keten,
}

# citaten en voorwaarden_uitgeschreven: functies van de hele lijst, zodat OPA elke verschillende lijst één keer
# uitschrijft (de cellen van een overlegtafel delen meestal een paar afleidingen en dus hun lijsten).
citaten(ids) := [uitleg.citaat(g) | some g in ids]

voorwaarden_uitgeschreven(ids) := [uitleg.voorwaarde(v) | some v in ids]

genormaliseerd := object.union(
	{
		"van": vraag.van,
		"naar": vraag.naar,
		"ontvangers": sort(kader.ontvangers),
		"gegevens": sort(vraag.gegevens),
		"doel": vraag.doel,
		"datum": vraag.datum,
		"feiten": vraag.feiten,
	},
	object.filter(input, {"convenant", "fase"}),
)

default kader_info := {"convenant": null, "route": "wettelijk"}

kader_info := {"convenant": kader.convenant_id, "naam": kader.convenant.naam, "route": "convenant"} if {
	kader.convenant
	some r in kader.ontvangers
	not kader.zelfstandig(r)
}

kader_info := {"convenant": kader.convenant_id, "naam": kader.convenant.naam, "route": "wettelijk"} if {
	kader.convenant
	every r in kader.ontvangers {
		kader.zelfstandig(r)
	}
}

# De redenen van de cellen (oordeel.redenen, d.redenen) noemen de datum met uitleg.datum_plek; het antwoord schrijft
# haar hier in.
redenen := array.concat(array.concat(array.concat(uitleg.feit_redenen, kader_redenen), uitleg.met_datum_redenen(oordeel.redenen)), deels_redenen)

kader_redenen := [r | some r in kader_redenen_set]

# METADATA
# title: Ander kader dan gevraagd
# description: Het doel hoort niet bij het gevraagde convenant; het antwoord zegt onder welk kader het wel is beoordeeld.
# custom:
#   id: doel_buiten_convenant
kader_redenen_set contains uitleg.reden(rego.metadata.rule(), tekst) if {
	kader.buiten_gevraagd_convenant
	tekst := sprintf("Het doel %s hoort niet bij %s; de deling is beoordeeld %s.", [uitleg.label("doelen", vraag.doel), convenant_naam(vraag.convenant_gevraagd), beoordeeld_onder])
}

beoordeeld_onder := sprintf("onder %s", [kader.convenant.naam]) if kader.convenant

beoordeeld_onder := "via de wettelijke routes" if not kader.convenant

# METADATA
# title: Wettelijke route
# description: Een ontvanger valt onder een eigen wettelijke route; die route, niet het convenant, bepaalt het antwoord.
# custom:
#   id: zelfstandige_wettelijke_route
kader_redenen_set contains uitleg.reden(rego.metadata.rule(), tekst) if {
	kader.convenant
	some r in kader.ontvangers
	route := kader.zelfstandig(r)
	tekst := sprintf("De deling aan %s valt onder een eigen wettelijke route (%s); niet het convenant, maar die route bepaalt het antwoord.", [uitleg.label("partijen", r), route.titel])
}

# METADATA
# title: Wetsvoorstel, geen wet
# description: Het kader is een wetsvoorstel; het antwoord rekent alsof het in werking is.
# custom:
#   id: wetsvoorstel
kader_redenen_set contains uitleg.reden(rego.metadata.rule(), tekst) if {
	count(object.get(kader.convenant, "vereist_feiten", {})) > 0
	kader.vereiste_feiten_gelden
	tekst := sprintf("Dit antwoord rekent alsof %s in werking is (stel dat). Het is een wetsvoorstel: de tekst kan nog veranderen, dus de zekerheid is laag.", [kader.convenant.naam])
}

# METADATA
# title: Bewaartermijn vanaf de eerste verwerking
# description: De bewaartermijn loopt vanaf de eerste verwerking en die datum is niet opgegeven.
# custom:
#   id: bewaartermijn_eerste_verwerking
kader_redenen_set contains uitleg.reden(rego.metadata.rule(), tekst) if {
	kader.bewaartermijn_onzeker
	tekst := sprintf("De bewaartermijn van %s loopt %d jaar vanaf de eerste verwerking, niet vanaf het sluiten van de casus; die datum is niet opgegeven (eerste_verwerking_op). Ga na dat de gegevens niet langer dan die termijn bewaard zijn.", [kader.convenant.naam, kader.convenant.bewaartermijn.jaren])
}

# METADATA
# title: Buiten de looptijd van het convenant
# description: Het convenant gold op de datum niet; een positief antwoord steunt dan alleen op eigen wettelijke grondslagen.
# custom:
#   id: convenant_buiten_looptijd
kader_redenen_set contains uitleg.reden(rego.metadata.rule(), tekst) if {
	kader.convenant.status == "uitgewerkt"
	not datum.geldig(vraag.peildatum, kader.convenant)
	oordeel.oordeel in {"toegestaan", "toegestaan_onder_voorwaarden"}
	tekst := sprintf("%s gold op %s niet. De deling steunt daarom alleen op de eigen wettelijke grondslagen van de partijen, niet op afspraken uit het convenant.", [kader.convenant.naam, vraag.datum])
}

# METADATA
# title: Op eigen grond, buiten het convenant
# description: De afzender is geen deelnemer; een positief antwoord steunt op zijn eigen grondslag, niet op het convenant.
# custom:
#   id: afzender_eigen_grondslag
kader_redenen_set contains uitleg.reden(rego.metadata.rule(), tekst) if {
	kader.kring_gesloten
	kader.deelname(vraag.van, "van") in {"nee", "derde"}
	datum.geldig(vraag.peildatum, kader.convenant)
	oordeel.oordeel in {"toegestaan", "toegestaan_onder_voorwaarden"}
	tekst := sprintf("%s is geen deelnemer van %s; de deling steunt op een eigen grondslag van de afzender, niet op het convenant.", [uitleg.label("partijen", vraag.van), kader.convenant.naam])
}

convenant_naam(id) := kb.convenanten[id].naam

convenant_naam(id) := id if not kb.convenanten[id]

# METADATA
# title: Wat wel mag
# description: Bij een negatief of onzeker totaaloordeel noemt het antwoord de cellen die wel mogen.
# custom:
#   id: deels_toegestaan
deels_redenen := [uitleg.reden(rego.metadata.rule(), tekst)] if {
	count(oordeel.toegestane_cellen) > 0
	tekst := sprintf("Wel mogelijk (onder de voorwaarden in de deeloordelen): %s.", [concat("; ", [cel_tekst(d) | some d in oordeel.toegestane_cellen])])
}

default deels_redenen := []

cel_tekst(d) := sprintf("%s aan %s", [uitleg.label("gegevens", d.gegevens), uitleg.label("partijen", d.naar)])

samenvatting := sprintf("%s %s", [kb.oordelen[oordeel.oordeel].samenvatting, toelichting]) if toelichting != ""

samenvatting := kb.oordelen[oordeel.oordeel].samenvatting if toelichting == ""

default toelichting := ""

toelichting := uitleg.met_datum(oordeel.redenen[0].tekst) if not oordeel.oordeel in {"toegestaan", "toegestaan_onder_voorwaarden"}

# De samenvatting noemt de grondslag van de eerste laag in de keten (regime, beroepsgeheim, art. 6, …).
toelichting := sprintf("Grondslag: %s; %s op de checklist.", [kb.grondslagen[hoofdgrondslag].titel, aantal_voorwaarden]) if {
	oordeel.oordeel in {"toegestaan", "toegestaan_onder_voorwaarden"}
	hoofdgrondslag := [g | some s in oordeel.keten; some g in s.grondslagen][0]
}

aantal_voorwaarden := "1 voorwaarde" if count(oordeel.voorwaarden) == 1

aantal_voorwaarden := sprintf("%d voorwaarden", [count(oordeel.voorwaarden)]) if count(oordeel.voorwaarden) != 1

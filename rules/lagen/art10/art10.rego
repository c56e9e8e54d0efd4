# METADATA
# title: AVG art. 10 (strafrechtelijke gegevens)
# description: >-
#   Strafrechtelijke gegevens (ook politie-, strafvorderlijke, justitiële en tenuitvoerleggingsgegevens bij een
#   AVG-partij) alleen onder overheidstoezicht of met een wettelijke route: UAVG art. 32 en 33, of een
#   sectorwet zoals de WGS. Elke verwerking heeft er een nodig: de verstrekking door de afzender (art10_van)
#   en de verwerking door de ontvanger (art10_naar). Is er geen bekende route, dan is het antwoord onbepaald:
#   de FG beslist.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 10
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0040940&artikel=33
#     description: UAVG art. 33
package magikdelen.lagen.art10

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.routes

# cel(laag, r, c): de uitkomst van laag voor cel (r, c), als deze laag die cel toetst; een functie, zodat een
# cel alleen haar eigen uitkomst berekent. Alleen voor een toetsbare cel (kader.toetsbare_cellen): wie haar
# vraagt, data.magikdelen.lagen en de regel uitkomst hieronder, toetst dat eenmaal per cel.
cel("art10_van", r, c) := routes.uitkomst("art10_van", r, c, kb.lagen.art10_van.grondslagen) if {
	"art10" in kb.gegevens[c].klassen
	kader.avg_afzender
}

cel("art10_naar", r, c) := routes.uitkomst("art10_naar", r, c, kb.lagen.art10_naar.grondslagen) if {
	"art10" in kb.gegevens[c].klassen
	kader.avg_ontvanger(r)
}

# uitkomst[laag][r][c]: dezelfde uitkomsten per cel opgezocht, voor wie een hele laag bekijkt (de tests); het
# oordeel vraagt per cel cel(laag, r, c) (data.magikdelen.lagen.cel).
uitkomst.art10_van[r][c] := cel("art10_van", r, c) if kader.toetsbare_cellen[[r, c]]

uitkomst.art10_naar[r][c] := cel("art10_naar", r, c) if kader.toetsbare_cellen[[r, c]]

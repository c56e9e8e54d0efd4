# METADATA
# title: AVG art. 9 (bijzondere persoonsgegevens)
# description: >-
#   Gezondheid en andere bijzondere persoonsgegevens mogen niet worden verwerkt, tenzij een uitzondering van
#   art. 9 lid 2 geldt (uitdrukkelijke toestemming, vitaal belang, een sectorwet zoals WGS 2.29 lid 1). Elke
#   verwerking heeft er een nodig: de verstrekking door de afzender (art9_van, als die onder de AVG verwerkt)
#   en de verwerking door de ontvanger (art9_naar, als die onder de AVG verwerkt).
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 9
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0040940&artikel=22
#     description: UAVG art. 22
package magikdelen.lagen.art9

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.routes

# cel(laag, r, c): de uitkomst van laag voor cel (r, c), als deze laag die cel toetst; een functie, zodat een
# cel alleen haar eigen uitkomst berekent. Alleen voor een toetsbare cel (kader.toetsbare_cellen): wie haar
# vraagt, data.magikdelen.lagen en de regel uitkomst hieronder, toetst dat eenmaal per cel.
cel("art9_van", r, c) := routes.uitkomst("art9_van", r, c, kb.lagen.art9_van.grondslagen) if {
	"art9" in kb.gegevens[c].klassen
	kader.avg_afzender
}

cel("art9_naar", r, c) := routes.uitkomst("art9_naar", r, c, kb.lagen.art9_naar.grondslagen) if {
	"art9" in kb.gegevens[c].klassen
	kader.avg_ontvanger(r)
}

# uitkomst[laag][r][c]: dezelfde uitkomsten per cel opgezocht, voor wie een hele laag bekijkt (de tests); het
# oordeel vraagt per cel cel(laag, r, c) (data.magikdelen.lagen.cel).
uitkomst.art9_van[r][c] := cel("art9_van", r, c) if kader.toetsbare_cellen[[r, c]]

uitkomst.art9_naar[r][c] := cel("art9_naar", r, c) if kader.toetsbare_cellen[[r, c]]

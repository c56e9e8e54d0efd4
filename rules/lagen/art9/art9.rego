# METADATA
# title: AVG art. 9 (bijzondere persoonsgegevens)
# description: >-
#   Gezondheid en andere bijzondere persoonsgegevens mogen niet worden verwerkt, tenzij een uitzondering van
#   art. 9 lid 2 geldt (uitdrukkelijke toestemming, vitaal belang, een sectorwet zoals WGS 2.29 lid 1).
#   De laag geldt als afzender of ontvanger onder de AVG verwerkt.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 9
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0040940&artikel=22
#     description: UAVG art. 22
package magikdelen.lagen.art9

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.routes

uitkomst.art9[r][c] := routes.uitkomst("art9", r, c, kb.lagen.art9.grondslagen) if {
	kader.toetsbare_cellen[[r, c]]
	"art9" in kb.gegevens[c].klassen
	kader.avg_betrokken(r)
}

# uitkomsten: alle uitkomsten van deze laag als verzameling; uitkomst[laag][r][c] is die van één cel.
uitkomsten contains object.union(uitkomst[laag][r][c], {"naar": r, "gegevens": c}) if {
	some laag, r, c
	uitkomst[laag][r][c]
}

# METADATA
# title: AVG art. 6 van afzender en ontvanger
# description: >-
#   Zowel de verstrekking door de afzender als de verwerking door de ontvanger heeft een grondslag in AVG
#   art. 6 nodig, als die partij onder de AVG verwerkt. Een overheid kan niet op toestemming of gerechtvaardigd
#   belang leunen als een wettelijke taak ontbreekt.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 6
package magikdelen.lagen.art6

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.routes
import data.magikdelen.vraag

# De betrokkene zelf, een betrokken niet-deelnemer (FG) en een overlegtafel zonder convenant worden niet
# als ontvanger getoetst; het kader zegt wat daar geldt.
ontvanger_getoetst(r) if kb.partijen[r].soort in {"organisatie", "niet_deelnemer"}

# cel(laag, r, c): de uitkomst van laag voor cel (r, c), als deze laag die cel toetst; een functie, zodat een
# cel alleen haar eigen uitkomst berekent. Alleen voor een toetsbare cel (kader.toetsbare_cellen): wie haar
# vraagt, data.magikdelen.lagen en de regel uitkomst hieronder, toetst dat eenmaal per cel.
cel("art6_van", r, c) := routes.uitkomst("art6_van", r, c, kb.lagen.art6_van.grondslagen) if {
	kb.partijen[vraag.van].regime == "avg"
}

cel("art6_naar", r, c) := routes.uitkomst("art6_naar", r, c, kb.lagen.art6_naar.grondslagen) if {
	kb.partijen[r].regime == "avg"
	ontvanger_getoetst(r)
}

# uitkomst[laag][r][c]: dezelfde uitkomsten per cel opgezocht, voor wie een hele laag bekijkt (de tests); het
# oordeel vraagt per cel cel(laag, r, c) (data.magikdelen.lagen.cel).
uitkomst.art6_van[r][c] := cel("art6_van", r, c) if kader.toetsbare_cellen[[r, c]]

uitkomst.art6_naar[r][c] := cel("art6_naar", r, c) if kader.toetsbare_cellen[[r, c]]

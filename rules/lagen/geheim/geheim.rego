# METADATA
# title: Beroepsgeheim
# description: >-
#   Een strikt beroepsgeheim (BW 7:457, Wet BIG 88, Jeugdwet 7.3.11) gaat alleen open met toestemming,
#   een wettelijke plicht of bevoegdheid, een meldrecht of een conflict van plichten. Een convenant is
#   nooit een doorbrekingsgrond. Bij medisch beroepsgeheim verraadt ook naam en adres dat iemand patiënt is.
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0005290&artikel=457
#     description: BW art. 7:457 (WGBO)
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=2.29
#     description: WGS art. 2.29 lid 2
package magikdelen.lagen.geheim

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.routes
import data.magikdelen.vraag

geheimhouding := kb.partijen[vraag.van].geheimhouding

# omvat: het strikte beroepsgeheim van de afzender dekt categorie c.
omvat(_) if geheimhouding.omvat == "alle"

omvat(c) if c in geheimhouding.omvat

# cel(laag, r, c): de uitkomst van laag voor cel (r, c), als deze laag die cel toetst; een functie, zodat een
# cel alleen haar eigen uitkomst berekent. Alleen voor een toetsbare cel (kader.toetsbare_cellen): wie haar
# vraagt, data.magikdelen.lagen en de regel uitkomst hieronder, toetst dat eenmaal per cel.
cel("geheim", r, c) := routes.uitkomst("geheim", r, c, geheimhouding.grondslagen) if {
	geheimhouding.strikt
	omvat(c)
}

# uitkomst[laag][r][c]: dezelfde uitkomsten per cel opgezocht, voor wie een hele laag bekijkt (de tests); het
# oordeel vraagt per cel cel(laag, r, c) (data.magikdelen.lagen.cel).
uitkomst.geheim[r][c] := cel("geheim", r, c) if kader.toetsbare_cellen[[r, c]]

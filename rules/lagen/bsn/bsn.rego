# METADATA
# title: Gebruik van het BSN
# description: Het burgerservicenummer mag alleen worden gebruikt ter uitvoering van een wet die het voorschrijft (UAVG art. 46).
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0040940&artikel=46
#     description: UAVG art. 46
package magikdelen.lagen.bsn

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.routes

# cel(laag, r, c): de uitkomst van laag voor cel (r, c), als deze laag die cel toetst; een functie, zodat een
# cel alleen haar eigen uitkomst berekent. Alleen voor een toetsbare cel (kader.toetsbare_cellen): wie haar
# vraagt, data.magikdelen.lagen en de regel uitkomst hieronder, toetst dat eenmaal per cel.
cel("bsn", r, c) := routes.uitkomst("bsn", r, c, kb.lagen.bsn.grondslagen) if {
	kb.gegevens[c].bsn
	kader.avg_betrokken(r)
}

# uitkomst[laag][r][c]: dezelfde uitkomsten per cel opgezocht, voor wie een hele laag bekijkt (de tests); het
# oordeel vraagt per cel cel(laag, r, c) (data.magikdelen.lagen.cel).
uitkomst.bsn[r][c] := cel("bsn", r, c) if kader.toetsbare_cellen[[r, c]]

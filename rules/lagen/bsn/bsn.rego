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

uitkomst.bsn[r][c] := routes.uitkomst("bsn", r, c, kb.lagen.bsn.grondslagen) if {
	kader.toetsbare_cellen[[r, c]]
	kb.gegevens[c].bsn
	kader.avg_betrokken(r)
}

# METADATA
# title: Lagen
# description: >-
#   De uitkomsten van de lagen voor één cel. Elke laag staat in een eigen pakket met een functie
#   cel(laag, r, c); hier kiest cel de laag, zodat een cel alleen haar eigen uitkomsten berekent in plaats van
#   de regels uitkomst[laag][r][c] van alle pakketten op te zoeken (die opzoeking kostte een derde van een
#   matrix).
package magikdelen.lagen

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.lagen.art10
import data.magikdelen.lagen.art6
import data.magikdelen.lagen.art9
import data.magikdelen.lagen.bsn
import data.magikdelen.lagen.geheim
import data.magikdelen.lagen.regime

# uitkomsten(r, c): de uitkomst van elke laag die cel (r, c) van de vraag (kader.cellen) toetst, in de volgorde
# van de ids van de lagen (oordelen.yaml). Een laag zonder regels geeft geen uitkomst; een overlegtafel die niet
# kan worden uitgeschreven, toetst geen laag (kader.toetsbare_cellen). Wie uitkomsten vraagt, vraagt het voor
# een cel van de vraag (het oordeel doorloopt kader.cellen): zo toetst een cel alleen de soort van haar
# ontvanger, een opzoeking in de kennisbank, en niet de verzameling van alle cellen (3 % van een matrix).
uitkomsten(r, c) := [u | some laag, _ in kb.lagen; u := laag_cel(laag, r, c)] if kb.partijen[r].soort != "overleg"

else := []

# cel(laag, r, c): de uitkomst van één laag voor cel (r, c), als de laag die cel toetst.
cel(laag, r, c) := laag_cel(laag, r, c) if kader.toetsbare_cellen[[r, c]]

# laag_cel kiest het pakket van de laag; het pakket toetst de cel niet opnieuw.
laag_cel("art10_naar", r, c) := art10.cel("art10_naar", r, c)

laag_cel("art10_van", r, c) := art10.cel("art10_van", r, c)

laag_cel("art6_naar", r, c) := art6.cel("art6_naar", r, c)

laag_cel("art6_van", r, c) := art6.cel("art6_van", r, c)

laag_cel("art9_naar", r, c) := art9.cel("art9_naar", r, c)

laag_cel("art9_van", r, c) := art9.cel("art9_van", r, c)

laag_cel("bsn", r, c) := bsn.cel("bsn", r, c)

laag_cel("geheim", r, c) := geheim.cel("geheim", r, c)

laag_cel("regime", r, c) := regime.cel("regime", r, c)

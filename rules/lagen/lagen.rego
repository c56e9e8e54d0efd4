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
# van de ids van de lagen (oordelen.yaml; een test vergelijkt de lijst hieronder met de lagen van de
# kennisbank). Een overlegtafel die niet kan worden uitgeschreven, toetst geen laag (kader.toetsbare_cellen). Wie
# uitkomsten vraagt, vraagt het voor een cel van de vraag (het oordeel doorloopt kader.cellen): zo toetst een
# cel alleen de soort van haar ontvanger, een opzoeking in de kennisbank, en niet de verzameling van alle
# cellen (3 % van een matrix). De pakketten staan hier elk met hun laag uitgeschreven: een functie die de laag
# kiest uit negen definities, kostte een matrix 12 % (OPA probeert dan per aanroep elke definitie).
uitkomsten(r, c) := [u |
	some per_laag in [
		[u | u := art10.cel("art10_naar", r, c)],
		[u | u := art10.cel("art10_van", r, c)],
		[u | u := art6.cel("art6_naar", r, c)],
		[u | u := art6.cel("art6_van", r, c)],
		[u | u := art9.cel("art9_naar", r, c)],
		[u | u := art9.cel("art9_van", r, c)],
		[u | u := bsn.cel("bsn", r, c)],
		[u | u := geheim.cel("geheim", r, c)],
		[u | u := regime.cel("regime", r, c)],
	]
	some u in per_laag
] if kb.partijen[r].soort != "overleg"

else := []

# streng(r, c, rang): een laag geeft cel (r, c) een oordeel met rang rang of strenger (0 = strengst). Een
# uitkomst van een laag vervalt nooit (alleen blokkades kunnen vervallen: oordeel.zonder_vervallen) en een
# deeloordeel is nooit milder dan een van zijn uitkomsten (oordeel.cel_oordeel), dus dan is het deeloordeel
# minstens zo streng. De lagen worden na elkaar geprobeerd (else): de eerste die zo streng is, beslist, zonder
# de andere lagen door te rekenen. Voor wie alleen dat wil weten (oordeel.niet_milder_dan).
streng(r, c, rang) if {
	kb.partijen[r].soort != "overleg"
	streng_in_een_laag(r, c, rang)
}

streng_in_een_laag(r, c, rang) if {
	zo_streng(art6.cel("art6_van", r, c), rang)
} else if {
	zo_streng(art6.cel("art6_naar", r, c), rang)
} else if {
	zo_streng(regime.cel("regime", r, c), rang)
} else if {
	zo_streng(geheim.cel("geheim", r, c), rang)
} else if {
	zo_streng(art9.cel("art9_van", r, c), rang)
} else if {
	zo_streng(art9.cel("art9_naar", r, c), rang)
} else if {
	zo_streng(art10.cel("art10_van", r, c), rang)
} else if {
	zo_streng(art10.cel("art10_naar", r, c), rang)
} else if {
	zo_streng(bsn.cel("bsn", r, c), rang)
}

zo_streng(u, rang) if kb.oordelen[u.oordeel].rang <= rang

# cel(laag, r, c): de uitkomst van één laag voor cel (r, c), als de laag die cel toetst.
cel(laag, r, c) := u if {
	kader.toetsbare_cellen[[r, c]]
	some u in uitkomsten(r, c)
	u.laag == laag
}

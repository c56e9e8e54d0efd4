# METADATA
# title: Regime van de afzender
# description: >-
#   De politie (Wet politiegegevens), het OM, Justid en DJI (Wjsg) verstrekken alleen via de routes die hun
#   wet noemt: een gesloten stelsel. De AVG-toets van art. 6 geldt niet voor hun kant van de deling.
# related_resources:
#   - ref: https://wetten.overheid.nl/BWBR0022463
#     description: Wet politiegegevens
#   - ref: https://wetten.overheid.nl/BWBR0014194
#     description: Wet justitiële en strafvorderlijke gegevens
package magikdelen.lagen.regime

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.routes
import data.magikdelen.vraag

regime := kb.partijen[vraag.van].regime

# Het regime geldt vanaf regime_vanaf (partijen.yaml); daarvoor zegt het kader dat de regels onbekend zijn.
van_toepassing if {
	regime in {"wpg", "wjsg"}
	vraag.peildatum >= object.get(kb.partijen[vraag.van], "regime_vanaf", "0000-01-01")
}

# cel(laag, r, c): de uitkomst van laag voor cel (r, c), als deze laag die cel toetst; een functie, zodat een
# cel alleen haar eigen uitkomst berekent. Alleen voor een toetsbare cel (kader.toetsbare_cellen): wie haar
# vraagt, data.magikdelen.lagen en de regel uitkomst hieronder, toetst dat eenmaal per cel.
cel("regime", r, c) := routes.uitkomst("regime", r, c, kb.lagen.regime.grondslagen_per_regime[regime]) if {
	van_toepassing
}

# uitkomst[laag][r][c]: dezelfde uitkomsten per cel opgezocht, voor wie een hele laag bekijkt (de tests); het
# oordeel vraagt per cel cel(laag, r, c) (data.magikdelen.lagen.cel).
uitkomst.regime[r][c] := cel("regime", r, c) if kader.toetsbare_cellen[[r, c]]

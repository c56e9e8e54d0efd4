package magikdelen.lagen_test

import data.kennisbank as kb
import data.magikdelen.kader
import data.magikdelen.lagen
import data.magikdelen.lagen.art10
import data.magikdelen.lagen.art6
import data.magikdelen.lagen.art9
import data.magikdelen.lagen.bsn
import data.magikdelen.lagen.geheim
import data.magikdelen.lagen.regime
import data.magikdelen.oordeel
import data.magikdelen.testkit

# Vragen waarin elke laag minstens één cel toetst: de politie (Wpg) en de GGZ (beroepsgeheim) aan
# organisaties onder de AVG, met gewone, bijzondere en strafrechtelijke gegevens en het BSN.
vragen := [
	testkit.zvh({"van": "politie", "naar": ["om", "ggz", "woningcorporatie"], "gegevens": ["politiegegevens", "bsn", "strafrechtelijk", "gezondheid"]}),
	testkit.zvh({"van": "ggz", "naar": ["politie", "huisarts", "wijkteam"], "gegevens": ["gezondheid", "identificerend", "strafrechtelijk", "bsn"]}),
]

via_regels := {[laag, r, c, u] |
	some pakket in [art10.uitkomst, art6.uitkomst, art9.uitkomst, bsn.uitkomst, geheim.uitkomst, regime.uitkomst]
	some laag, per_ontvanger in pakket
	some r, per_categorie in per_ontvanger
	some c, u in per_categorie
}

via_cel := {[laag, r, c, u] |
	some [r, c] in kader.toetsbare_cellen
	some laag, _ in kb.lagen
	u := lagen.cel(laag, r, c)
}

# lagen.cel kiest voor elke cel de uitkomst die de regel uitkomst van het pakket van de laag geeft.
test_cel_zoals_de_regels_van_elk_pakket if {
	every v in vragen {
		regels := via_regels with input as v
		cellen := via_cel with input as v
		count(regels) > 0
		cellen == regels
	}
}

# Elke laag van de kennisbank heeft een pakket dat lagen.cel kiest (de vragen hierboven raken ze alle).
test_elke_laag_heeft_een_pakket if {
	gezien := {laag | some v in vragen; some [laag, _, _, _] in via_cel with input as v}
	gezien == {laag | some laag, _ in kb.lagen}
}

# uitkomsten(r, c) noemt de lagen in de volgorde van hun ids in de kennisbank, elk hoogstens één keer.
test_uitkomsten_volgen_de_lagen_van_de_kennisbank if {
	every v in vragen {
		paren := kader.toetsbare_cellen with input as v
		every paar in paren {
			us := lagen.uitkomsten(paar[0], paar[1]) with input as v
			[u.laag | some u in us] == [laag | some laag, _ in kb.lagen; some u in us; u.laag == laag]
			count({u.laag | some u in us}) == count(us)
		}
	}
}

# uitkomsten(r, c): de uitkomsten van de cel in de volgorde van de ids van de lagen.
test_uitkomsten_in_de_volgorde_van_de_lagen if {
	us := lagen.uitkomsten("huisarts", "strafrechtelijk") with input as vragen[1]
	[u.laag | some u in us] == ["art10_naar", "art10_van", "art6_naar", "art6_van", "geheim"]
}

# Een cel die geen laag toetst, krijgt geen uitkomst: een overlegtafel die niet kan worden uitgeschreven
# (zonder convenant). lagen.cel toetst ook of de cel bij de vraag hoort.
test_geen_uitkomst_buiten_de_toetsbare_cellen if {
	tafel := testkit.vraag({"naar": ["overleg_deelnemers"], "doel": "gevaar_afwenden"})
	lagen.uitkomsten("overleg_deelnemers", "identificerend") == [] with input as tafel
	not lagen.cel("art6_van", "overleg_deelnemers", "identificerend") with input as tafel
	not lagen.cel("art6_naar", "ggz", "signaal") with input as vragen[0]
	not lagen.cel("art6_naar", "huisarts", "gezondheid") with input as vragen[0]
	count(lagen.uitkomsten("ggz", "gezondheid")) > 0 with input as vragen[0]
	lagen.cel("art6_naar", "ggz", "gezondheid") with input as vragen[0]
}

# streng(r, c, rang) zegt ja precies als een uitkomst van een laag van de cel zo streng is, en dan is het
# deeloordeel ook zo streng (waar oordeel.niet_milder_dan op rekent), bij elke rang.
test_streng_als_een_laag_zo_streng_is if {
	every v in vragen {
		paren := kader.toetsbare_cellen with input as v
		every paar in paren {
			every rang in numbers.range(0, 3) {
				us := lagen.uitkomsten(paar[0], paar[1]) with input as v
				verwacht := count([u | some u in us; kb.oordelen[u.oordeel].rang <= rang]) > 0
				verwacht == streng(paar, rang, v)
				deeloordeel_volgt(paar, rang, v)
			}
		}
	}
}

test_streng_ziet_een_strenge_laag if {
	some v in vragen
	some paar in kader.toetsbare_cellen with input as v
	streng(paar, 0, v)
}

streng(paar, rang, v) if {
	lagen.streng(paar[0], paar[1], rang) with input as v
} else := false

deeloordeel_volgt(paar, rang, v) if not streng(paar, rang, v)

deeloordeel_volgt(paar, rang, v) if {
	a := oordeel.afleiding(paar[0], paar[1]) with input as v
	kb.oordelen[a.oordeel].rang <= rang
}

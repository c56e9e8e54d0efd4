package magikdelen.vraagbaak_test

import data.magikdelen.testkit
import data.magikdelen.vraagbaak

# Een kleine vraagbaak, in plaats van die van de kennisbank (with vraagbaak.items); de standaardvraag van de testkit is wijkteam → politie, identificerend,
# zvh_casusoverleg (convenant zvht).
items := {
	"a_convenant_en_afzender": {"vraag": "A?", "convenanten": ["zvht"], "partijen": ["wijkteam"], "gegevens": []},
	"b_alles": {"vraag": "B?", "convenanten": [], "partijen": ["politie", "wijkteam"], "gegevens": ["identificerend"], "doelen": ["zvh_casusoverleg"]},
	"c_alleen_convenant": {"vraag": "C?", "convenanten": ["zvht"], "partijen": ["huisarts"], "gegevens": ["gezondheid"], "doelen": []},
	"d_ontvanger": {"vraag": "D?", "convenanten": ["ave"], "partijen": ["politie"], "gegevens": []},
	"e_categorie": {"vraag": "E?", "convenanten": [], "partijen": ["ggz"], "gegevens": ["identificerend"]},
	"f_ontvanger": {"vraag": "F?", "convenanten": [], "partijen": ["politie"], "gegevens": []},
}

test_punten_per_soort_treffer if {
	vraagbaak.punten(items.a_convenant_en_afzender) == 5 with input as testkit.vraag({})
	vraagbaak.punten(items.b_alles) == 7 with input as testkit.vraag({})
	vraagbaak.punten(items.d_ontvanger) == 2 with input as testkit.vraag({})
	vraagbaak.punten(items.e_categorie) == 1 with input as testkit.vraag({})
}

# De drie met de meeste punten; d en f hebben er evenveel, maar f is specifieker (noemt geen convenant).
test_hoogste_drie_op_punten_en_omvang if {
	vraagbaak.links == [
		{"id": "b_alles", "vraag": "B?"},
		{"id": "a_convenant_en_afzender", "vraag": "A?"},
		{"id": "f_ontvanger", "vraag": "F?"},
	] with input as testkit.vraag({})
		with vraagbaak.items as items
}

# Even veel punten en even specifiek: op id.
test_gelijk_op_id if {
	vraagbaak.links == [{"id": "d1", "vraag": "D?"}, {"id": "d2", "vraag": "D?"}] with input as testkit.vraag({})
		with vraagbaak.items as {"d2": items.d_ontvanger, "d1": items.d_ontvanger}
}

test_omvang_telt_ontbrekende_velden_niet if {
	vraagbaak.omvang(items.a_convenant_en_afzender) == 2
	vraagbaak.omvang(items.b_alles) == 4
}

# Alleen het convenant is niet genoeg: er moet een partij, categorie of doel overeenkomen.
test_alleen_convenant_telt_niet if {
	vraagbaak.links == [] with input as testkit.vraag({})
		with vraagbaak.items as {"c": items.c_alleen_convenant}
}

# Zonder convenant (een wettelijk doel) geeft het convenant geen punten.
test_wettelijk_doel_geen_convenantpunten if {
	vraagbaak.punten(items.a_convenant_en_afzender) == 2 with input as testkit.wettelijk({})
}

test_lege_vraagbaak if {
	vraagbaak.links == [] with input as testkit.vraag({})
		with vraagbaak.items as {}
}

# De ontvangers aan de casustafel tellen mee: overleg_deelnemers wordt uitgeschreven naar de deelnemers.
test_casustafel_telt_mee if {
	vraagbaak.links == [{"id": "om", "vraag": "OM?"}] with input as testkit.zvh({"naar": ["overleg_deelnemers"]})
		with vraagbaak.items as {"om": {"vraag": "OM?", "convenanten": [], "partijen": ["om"], "gegevens": []}}
}

# Het item noemt overleg_deelnemers zelf: dat telt ook, via de gevraagde ontvangers.
test_gevraagde_ontvanger_telt_mee if {
	"overleg_deelnemers" in vraagbaak.betrokken with input as testkit.zvh({"naar": ["overleg_deelnemers"]})
}

# Zonder vraagbaak in de kennisbank (een oudere bundel) is de vraagbaak leeg.
test_kennisbank_zonder_vraagbaak if {
	vraagbaak.items == {} with data.kennisbank as {"versie": "x"}
}

# De echte vraagbaak: elk item heeft een vraag, dus elke link ook.
test_links_uit_de_kennisbank_hebben_een_vraag if {
	links := vraagbaak.links with input as testkit.zvh({"naar": ["overleg_deelnemers"]})
	count(links) <= 3
	every l in links {
		data.kennisbank.vraagbaak[l.id].vraag == l.vraag
	}
}

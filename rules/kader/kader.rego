# METADATA
# title: Kader van het convenant
# description: >-
#   Bepaalt of een convenant de deling omvat, wie er deelnemers zijn op de datum, wie er aan de casustafel
#   zitten (overleg_deelnemers), en blokkeert wat buiten de kring, de doelen, de inclusiecriteria, de
#   gegevens per doel en de bewaartermijn valt. Een convenant bepaalt alleen de kring en de afspraken;
#   het is nooit zelf een grondslag.
package magikdelen.kader

import data.kennisbank as kb
import data.magikdelen.datum
import data.magikdelen.uitleg
import data.magikdelen.vraag

doel_info := kb.doelen[vraag.doel]

# convenant_id is het convenant waar het doel bij hoort (leeg bij een wettelijk doel).
convenant_id := doel_info.convenant

convenant := kb.convenanten[convenant_id]

# buiten_gevraagd_convenant: de vraag noemt een convenant, maar het doel hoort daar niet bij. De deling
# wordt dan via de wettelijke routes beoordeeld en het antwoord zegt dat.
buiten_gevraagd_convenant if {
	vraag.convenant_gevraagd
	vraag.convenant_gevraagd != object.get(doel_info, "convenant", "")
}

# zelfstandig(r): een wettelijke route die op zichzelf staat (routes.yaml, zelfstandig: true) dekt de
# deling van de afzender aan r voor dit doel. Dan bepaalt het convenant niet de kring: het antwoord volgt
# de wettelijke route en zegt dat. Zulke routes noemen partijen bij naam (geen groepen).
zelfstandig(r) := route if {
	some route in zelfstandige_routes
	r in route.naar
}

# zelfstandige_routes: eenmaal per vraag, de zelfstandige routes voor dit doel, deze datum en deze afzender.
zelfstandige_routes := zelfstandige_routes_op(vraag.doel, vraag.peildatum, vraag.van)

# zelfstandige_routes_op hangt alleen van zijn argumenten af: de engine bewaart het over vragen heen
# (library/gedeeldecache.go).
zelfstandige_routes_op(doel, d, van) := [route |
	some route in kb.routes
	route.zelfstandig
	not route.convenant
	doel in route.doelen
	datum.geldig(d, route)
	van in route.van
]

# avg_afzender: de afzender verwerkt onder de AVG; avg_ontvanger(r): ontvanger r doet dat. Dan gelden de
# AVG-lagen (art. 9, art. 10) aan die kant van de deling; avg_betrokken(r): aan een van beide (BSN).
avg_afzender if kb.partijen[vraag.van].regime == "avg"

# Betrokkene zelf is geen verwerkingsverantwoordelijke: als ontvanger brengt hij de AVG-lagen niet mee.
avg_ontvanger(r) if {
	kb.partijen[r].regime == "avg"
	kb.partijen[r].soort != "betrokkene"
}

avg_betrokken(_) if avg_afzender

avg_betrokken(r) if avg_ontvanger(r)

# convenant_in_beeld(r): de deling aan r hoort bij een uitgewerkt convenant (geen zelfstandige wettelijke
# route); convenant_geldt(r): en het convenant geldt op de datum. Buiten zijn looptijd geeft het geen kring,
# doelen of gegevensgrenzen: dan tellen alleen de eigen grondslagen van de partijen.
convenant_in_beeld(r) if {
	convenant.status == "uitgewerkt"
	not zelfstandig(r)
}

convenant_geldt(r) if {
	convenant_in_beeld(r)
	datum.geldig(vraag.peildatum, convenant)
}

# kring_gesloten: het convenant heeft een vaste kring van deelnemers (standaard). Zonder getekend
# convenant (kring: open) toetsen de regels geen deelname; alleen wettelijke routes tellen.
kring_gesloten if object.get(convenant, "kring", "gesloten") == "gesloten"

# organisatie(p): de organisatie waarvoor functie p optreedt (partijen.yaml, organisatie), of p zelf. De
# leerplichtambtenaar, de schuldhulpverlener, het wijkteam en het meldpunt treden op voor het college.
organisatie(p) := object.get(kb.partijen[p], "organisatie", p)

# deelnemer_data(p): de deelname van p aan het convenant op de datum (één keer per vraag opgezocht). Een
# functie zonder eigen deelname neemt deel via haar organisatie (WGS art. 2.27 lid 1: het college voor zijn
# taken onder de Wmo, Jeugdwet, Participatiewet, Wgs en Leerplichtwet).
deelnemer_data(p) := deelnemer_op_datum[p]

deelnemer_data(p) := object.union(deelnemer_op_datum[organisatie(p)], {"via": organisatie(p)}) if {
	not deelnemer_op_datum[p]
	organisatie(p) != p
}

# deelnemer_op_datum: per partij haar eerste deelname die op de datum loopt; eenmaal per vraag als geheel
# berekend, zodat elke opzoeking (ook van wie geen deelnemer is) een opzoeking blijft. deelnemers_op hangt
# alleen van zijn argumenten af: de engine bewaart het over vragen heen (library/gedeeldecache.go).
default deelnemer_op_datum := {}

deelnemer_op_datum := deelnemers_op(convenant_id, vraag.peildatum)

deelnemers_op(c, d) := {p: ds[0] |
	some p in {x.partij | some x in deelnames}
	ds := [x | some x in deelnames; x.partij == p]
} if {
	deelnames := [x | some x in kb.convenanten[c].deelnemers; datum.binnen(d, x, "vanaf", "tot")]
}

# kring_bij_wet: op de datum legt een wet de kring vast (de WGS voor het ZVH, art. 2.27). Wie daar niet in
# staat, kan geen deelnemer worden; hooguit kunnen de publieke deelnemers een derde incidenteel laten
# aanschuiven (derden: incidenteel, WGS art. 2.31 lid 9-10).
kring_bij_wet := k if {
	k := convenant.kring_bij_wet
	datum.binnen(vraag.peildatum, k, "vanaf", "tot")
}

# deelname geeft ja, nee, onbekend of derde voor partij p als afzender (rol "van") of ontvanger (rol
# "naar"), één keer per vraag berekend voor alle partijen.
deelname(p, rol) := deelname_status[rol][p]

deelname_status[rol][p] := bepaal_deelname(p, rol) if {
	some rol in {"van", "naar"}
	some p, _ in kb.partijen
}

# bepaal_deelname: een feit deelnemer_van of deelnemer_naar gaat voor de convenantdata.
bepaal_deelname(p, rol) := s if {
	f := vraag.feit(concat("_", ["deelnemer", rol]))
	is_boolean(f)
	s := {true: "ja", false: "nee"}[f]
} else := "ja" if {
	deelnemer_data(p).deelname == "vast"
} else := "onbekend" if {
	deelnemer_data(p).deelname == "per_casus"
} else := "onbekend" if {
	kb.partijen[p].soort == "betrokken_niet_deelnemer"
} else := "derde" if {
	kring_bij_wet.derden == "incidenteel"
	kb.partijen[p].soort == "organisatie"
} else := "nee"

# deelname_uit_feit: de deelname staat in de vraag, niet in de convenantdata.
deelname_uit_feit(rol) if is_boolean(vraag.feit(concat("_", ["deelnemer", rol])))

# ontvangers: de gevraagde ontvangers, met overleg_deelnemers uitgeschreven naar de vaste deelnemers.
ontvangers contains r if {
	some r in vraag.naar
	kb.partijen[r].soort != "overleg"
}

ontvangers contains r if {
	some n in vraag.naar
	kb.partijen[n].soort == "overleg"
	convenant.status == "uitgewerkt"
	some d in convenant.deelnemers
	d.deelname == "vast"
	object.get(d, "aan_tafel", true)
	datum.binnen(vraag.peildatum, d, "vanaf", "tot")
	r := d.partij
	r != vraag.van
}

ontvangers contains r if {
	some r in vraag.naar
	kb.partijen[r].soort == "overleg"
	not convenant.status == "uitgewerkt"
}

# cellen: elke ontvanger met elke categorie van de vraag. Als geheel één keer per vraag berekend, net als
# toetsbare_cellen: elke laag zoekt per cel op of zij haar toetst.
cellen := {[r, c] | some r in ontvangers; some c in vraag.gegevens}

# toetsbare_cellen: de cellen die de lagen toetsen. Een overlegtafel die niet kan worden uitgeschreven,
# toetst geen laag; daar zegt het kader wat geldt.
toetsbare_cellen := {[r, c] | some [r, c] in cellen; kb.partijen[r].soort != "overleg"}

# METADATA
# title: Buiten de dekking van de kennisbank
# description: >-
#   De kennisbank beschrijft het recht vanaf een bepaalde datum (oordelen.yaml, dekking: de AVG sinds
#   25 mei 2018). Voor een deling op een eerdere datum citeert het antwoord geen wet die toen nog niet gold:
#   het is onbepaald, en de FG beoordeelt het.
# custom:
#   id: buiten_dekking
#   oordeel: onbepaald
#   zekerheid: laag
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, kb.dekking.tekst, {}) if {
	buiten_dekking
	ontvangers[r]
}

buiten_dekking if {
	vraag.datum_geldig
	vraag.peildatum < kb.dekking.vanaf
}

# METADATA
# title: Geen geldige datum
# description: >-
#   Welk recht geldt, hangt af van de datum van de deling. Een datum die geen bestaande dag in de vorm
#   JJJJ-MM-DD is, beoordelen de regels niet: ze raden geen datum. Zonder datum geldt vandaag (contract §2).
# custom:
#   id: datum_ongeldig
#   oordeel: onbepaald
#   zekerheid: laag
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {}) if {
	not vraag.datum_geldig
	ontvangers[r]
	tekst := sprintf("De datum van de deling (%s) is geen bestaande dag in de vorm JJJJ-MM-DD; zonder datum kan de kennisbank niet zeggen welk recht geldt.", [json.marshal(vraag.datum_gegeven)])
}

# buiten_beoordeling: de regels beoordelen de cellen niet (geen geldige datum, of een datum vóór de dekking):
# alleen die blokkade zegt iets (oordeel.items).
buiten_beoordeling if not vraag.datum_geldig

buiten_beoordeling if buiten_dekking

alleen_blokkades := {"buiten_dekking", "datum_ongeldig"}

# METADATA
# title: Regime van de afzender onbekend op de datum
# description: >-
#   Het regime van de afzender geldt pas vanaf een datum (partijen.yaml, regime_vanaf): de tenuitvoerleggings-
#   gegevens van DJI vallen pas sinds 2019 onder de Wjsg. Voor een eerdere deling kent de kennisbank de regels
#   niet; de FG beoordeelt het.
# custom:
#   id: regime_onbekend
#   oordeel: onbepaald
#   zekerheid: laag
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {}) if {
	vanaf := kb.partijen[vraag.van].regime_vanaf
	vraag.peildatum < vanaf
	ontvangers[r]
	tekst := sprintf("Het regime van %s voor deze gegevens geldt pas vanaf %s; welke regels op %s golden, kent de kennisbank niet.", [uitleg.label("partijen", vraag.van), vanaf, uitleg.datum_plek])
}

# METADATA
# title: Convenant nog niet uitgewerkt
# description: Het convenant staat in de woordenlijst, maar zijn deelnemers, doelen en routes zijn nog niet als data vastgelegd.
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0040940&artikel=41
#     description: vraag het de FG
# custom:
#   id: convenant_niet_uitgewerkt
#   oordeel: onbepaald
#   zekerheid: laag
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {}) if {
	convenant.status != "uitgewerkt"
	ontvangers[r]
	not zelfstandig(r)
	tekst := sprintf("%s is nog niet uitgewerkt in de kennisbank; de regels kunnen deze deling nog niet beoordelen.", [convenant.naam])
}

# METADATA
# title: Convenant niet geldig op de datum
# description: >-
#   Een convenant geldt alleen binnen zijn looptijd; daarbuiten geeft het geen kring en geen afspraken. Het is
#   ook nooit zelf een grondslag: buiten de looptijd tellen alleen de eigen grondslagen van de partijen, en of
#   die de deling dragen, beoordeelt de FG.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 6 lid 3 (de grondslag staat in de wet, niet in een convenant)
# custom:
#   id: convenant_niet_geldig
#   oordeel: onbepaald
#   zekerheid: laag
#   grondslagen: [avg_6_3]
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"zijde": "beide"}) if {
	not datum.geldig(vraag.peildatum, convenant)
	ontvangers[r]
	convenant_in_beeld(r)
	tekst := sprintf("%s gold op %s niet (looptijd %s). Een convenant is geen grondslag: alleen de eigen grondslagen van de partijen tellen; of die deze deling dragen, moet de FG beoordelen.", [convenant.naam, uitleg.datum_plek, looptijd])
}

looptijd := sprintf("vanaf %s tot en met %s", [convenant.geldig_vanaf, convenant.geldig_tot]) if {
	convenant.geldig_vanaf
	convenant.geldig_tot
}

looptijd := sprintf("vanaf %s", [convenant.geldig_vanaf]) if {
	convenant.geldig_vanaf
	not convenant.geldig_tot
}

looptijd := sprintf("tot en met %s", [convenant.geldig_tot]) if {
	not convenant.geldig_vanaf
	convenant.geldig_tot
}

# METADATA
# title: Convenant niet ondertekend
# description: De vraag zegt dat het convenant waarop zij steunt niet is ondertekend.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 5 lid 2
# custom:
#   id: convenant_niet_getekend
#   oordeel: niet_toegestaan
#   zekerheid: hoog
#   grondslagen: [avg_5_2]
#   herstel: {convenant_getekend: true}
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {}) if {
	convenant
	vraag.feit("convenant_getekend") == false
	ontvangers[r]
	not zelfstandig(r)
	tekst := sprintf("%s is niet ondertekend; zonder ondertekend convenant is er geen afgesproken kring.", [convenant.naam])
}

# METADATA
# title: Afzender is geen deelnemer
# description: >-
#   Het convenant dekt alleen delingen door zijn deelnemers. Een afzender die geen deelnemer is, kan wel een
#   eigen grondslag hebben (een eigen taak, toestemming, een wettelijke plicht); of die deze deling draagt,
#   beoordeelt de FG. Een verzoek van een deelnemer maakt een buitenstaander geen deelnemer.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 6 lid 3 (de grondslag staat in de wet, niet in een convenant)
# custom:
#   id: afzender_geen_deelnemer
#   oordeel: onbepaald
#   zekerheid: laag
#   grondslagen: [avg_6_3]
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"grondslagen": array.concat(["avg_6_3"], kring_grondslagen), "herstel": word_deelnemer("van"), "zijde": "van"}) if {
	kring_gesloten
	deelname(vraag.van, "van") == "nee"
	ontvangers[r]
	convenant_geldt(r)
	tekst := sprintf("%s is op %s geen deelnemer van %s, dus het convenant dekt deze deling niet. Een convenant is geen grondslag: of %s op een eigen grondslag mag delen, moet de FG beoordelen.", [uitleg.label("partijen", vraag.van), uitleg.datum_plek, convenant.naam, uitleg.label("partijen", vraag.van)])
}

# METADATA
# title: Ontvanger is geen deelnemer
# description: >-
#   Buiten de kring van het convenant is er geen grondslag om wat in het casusoverleg is besproken te delen.
#   Dit steunt alleen op de kring van het convenant, dus nooit met hoge zekerheid.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 5 lid 1 sub b (doelbinding)
# custom:
#   id: ontvanger_geen_deelnemer
#   oordeel: niet_toegestaan
#   zekerheid: middel
#   grondslagen: [avg_5_1_b]
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"zekerheid": z, "grondslagen": array.concat(["avg_5_1_b"], kring_grondslagen), "herstel": word_deelnemer("naar")}) if {
	kring_gesloten
	ontvangers[r]
	convenant_geldt(r)
	kb.partijen[r].soort != "betrokkene"
	deelname(r, "naar") == "nee"
	tekst := sprintf("%s is op %s geen deelnemer van %s; buiten de kring is er geen grondslag om wat in de casus is besproken te delen.", [uitleg.label("partijen", r), uitleg.datum_plek, convenant.naam])
	z := uitleg.laagste({convenant.zekerheid, "middel"})
}

# kring_grondslagen: de wet die de kring op de datum vastlegt, of niets als alleen het convenant dat doet.
default kring_grondslagen := []

kring_grondslagen := kring_bij_wet.grondslagen

# word_deelnemer: het alternatief "word deelnemer" bestaat alleen als geen wet de kring vastlegt.
word_deelnemer(rol) := {concat("_", ["deelnemer", rol]): true} if not kring_bij_wet

word_deelnemer(_) := {} if kring_bij_wet

# METADATA
# title: Geheimhouding in het samenwerkingsverband
# description: >-
#   Wie bij een wettelijk samenwerkingsverband betrokken is, heeft een geheimhoudingsplicht; gegevens en
#   resultaten gaan naar anderen dan de deelnemers alleen met een wettelijke grondslag (WGS art. 1.7 lid 2
#   en 1.11). Een ontvanger die geen deelnemer is en niet als derde is toegelaten, valt daarbuiten.
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=1.11
#     description: WGS art. 1.11 (geheimhouding)
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=1.7
#     description: WGS art. 1.7 (resultaten aan derden)
# custom:
#   id: geheimhouding_samenwerkingsverband
#   oordeel: niet_toegestaan
#   zekerheid: hoog
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"grondslagen": g.grondslagen}) if {
	g := convenant.geheimhouding
	datum.binnen(vraag.peildatum, g, "vanaf", "tot")
	ontvangers[r]
	convenant_geldt(r)
	kb.partijen[r].soort in {"organisatie", "niet_deelnemer"}
	deelname(r, "naar") == "nee"
	tekst := sprintf("Wie bij %s betrokken is, moet geheimhouden wat hij daar weet; %s is geen deelnemer en niet als derde toegelaten, en voor een verstrekking daarbuiten is geen wettelijke grondslag genoemd.", [convenant.naam, uitleg.label("partijen", r)])
}

# METADATA
# title: Alleen incidenteel als derde
# description: >-
#   Een wet legt de kring vast en deze organisatie staat er niet in. De publieke deelnemers kunnen haar
#   incidenteel als derde laten aanschuiven, met toegang tot alleen het noodzakelijke; dan gelden de regels
#   voor private deelnemers. Of dat in deze casus is gebeurd, staat niet vast: de FG beoordeelt het.
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=2.31
#     description: WGS art. 2.31 lid 9-10 (incidentele deelname van derden)
# custom:
#   id: alleen_als_derde
#   oordeel: onbepaald
#   zekerheid: laag
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"grondslagen": kring_bij_wet.derden_grondslagen, "ontbrekende_feiten": [feit], "zijde": rol}) if {
	kring_gesloten
	ontvangers[r]
	convenant_geldt(r)
	some [p, rol] in [[vraag.van, "van"], [r, "naar"]]
	deelname(p, rol) == "derde"
	feit := concat("_", ["deelnemer", rol])
	tekst := sprintf("%s is geen deelnemer van %s en kan dat ook niet worden; alleen als de publieke deelnemers %s incidenteel als derde laten aanschuiven, kan de deling binnen het samenwerkingsverband. Of dat zo is, en of %s een eigen grondslag heeft, moet de FG beoordelen.", [uitleg.label("partijen", p), convenant.naam, uitleg.label("partijen", p), uitleg.label("partijen", p)])
}

# METADATA
# title: Deelname onbekend
# description: >-
#   De partij neemt alleen per casus deel (of heeft een eigen rol zonder het convenant te hebben getekend).
#   Of zij op de datum deelneemt, kan de kennisbank niet vaststellen: geef deelnemer_van of deelnemer_naar op,
#   of leg de vraag voor aan de FG (toetreding, incidentele deelname of toestemming).
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 5 lid 2 (verantwoordingsplicht)
# custom:
#   id: deelname_onbekend
#   oordeel: onbepaald
#   zekerheid: laag
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"ontbrekende_feiten": [feit], "herstel": {feit: true}, "zijde": rol}) if {
	kring_gesloten
	ontvangers[r]
	convenant_geldt(r)
	some [p, rol] in [[vraag.van, "van"], [r, "naar"]]
	deelname(p, rol) == "onbekend"
	feit := concat("_", ["deelnemer", rol])
	tekst := sprintf("Of %s op %s deelneemt aan %s, staat niet vast.", [uitleg.label("partijen", p), uitleg.datum_plek, convenant.naam])
}

# METADATA
# title: Betrokken niet-deelnemer
# description: Een organisatie met een eigen rol in de casus die geen deelnemer is, is geen automatische weigering; de FG beoordeelt toetreding, incidentele deelname of toestemming.
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=2.31
#     description: WGS art. 2.31 lid 9-10
# custom:
#   id: betrokken_niet_deelnemer
#   oordeel: onbepaald
#   zekerheid: laag
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {}) if {
	not convenant
	ontvangers[r]
	kb.partijen[r].soort == "betrokken_niet_deelnemer"
	tekst := sprintf("%s heeft een eigen rol in de casus maar geen vastgelegde route; de FG moet dit beoordelen.", [uitleg.label("partijen", r)])
}

# METADATA
# title: Overlegtafel zonder convenant
# description: overleg_deelnemers kan alleen worden uitgeschreven als het doel bij een convenant hoort.
# custom:
#   id: overleg_zonder_convenant
#   oordeel: onbepaald
#   zekerheid: laag
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {}) if {
	not convenant
	ontvangers[r]
	kb.partijen[r].soort == "overleg"
	tekst := "Zonder convenant is niet te bepalen wie er aan de casustafel zitten; noem de ontvangers afzonderlijk."
}

# METADATA
# title: Inclusiecriteria niet vervuld
# description: Zonder vervulde inclusiecriteria is aanmelden of bespreken in het Zorg- en Veiligheidshuis niet noodzakelijk; de passende route is de lokale aanpak.
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=2.25
#     description: WGS art. 2.25 (doel van het ZVH)
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 5 lid 1 sub b en c
# custom:
#   id: inclusie_niet_vervuld
#   oordeel: niet_toegestaan
#   zekerheid: middel
#   grondslagen: [wgs_samenwerkingsverbanden_2_25, avg_5_1_b, avg_5_1_c]
#   herstel: {inclusiecriteria: true}
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"zekerheid": convenant.inclusiecriteria.zekerheid}) if {
	doel_info.vereist_inclusie
	vraag.feit("inclusiecriteria") == false
	ontvangers[r]
	convenant_geldt(r)
	tekst := sprintf("De casus voldoet niet aan de inclusiecriteria, dus %s is niet noodzakelijk.", [doel_info.label])
}

# METADATA
# title: Gegevens passen niet bij het doel
# description: Elk doel van het convenant draagt ten hoogste bepaalde gegevens; wat daarbuiten valt, is niet noodzakelijk voor dat doel.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 5 lid 1 sub c (minimale gegevensverwerking)
# custom:
#   id: gegevens_buiten_doel
#   oordeel: niet_toegestaan
#   zekerheid: middel
#   grondslagen: [avg_5_1_c]
categorie_blokkaden(r, c) := {buiten_doel(rego.metadata.rule(), c)} if {
	not gegevens_in_doel(c)
	convenant_geldt(r)
} else := set()

# buiten_doel(meta, c): de blokkade voor categorie c, eenmaal per categorie opgebouwd (een functie): zij is bij
# elke ontvanger waarvoor het convenant geldt dezelfde, zonder ontvanger (naar: null), zoals de blokkades per
# ontvanger zonder categorie zijn.
buiten_doel(meta, c) := uitleg.blokkade(meta, null, c, tekst, zekerheid_gegevensset) if {
	max := doel_info.max_gegevens
	tekst := sprintf("%s hoort niet bij %s (dat doel draagt ten hoogste: %s).", [uitleg.label("gegevens", c), doel_info.label, opsomming(max)])
}

# METADATA
# title: Doel past niet bij het niveau
# description: Een doel van het convenant hoort bij een niveau (fase); op een ander niveau geeft het convenant die deling niet.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 5 lid 1 sub b en c
# custom:
#   id: fase_past_niet
#   oordeel: niet_toegestaan
#   zekerheid: middel
#   grondslagen: [avg_5_1_b, avg_5_1_c]
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {}) if {
	is_string(vraag.fase)
	doel_info.fase != vraag.fase
	ontvangers[r]
	convenant_geldt(r)
	tekst := sprintf("%s hoort bij niveau %s, niet bij niveau %s.", [doel_info.label, doel_info.fase, vraag.fase])
}

# METADATA
# title: Ontvanger heeft geen rol meer
# description: Na afschalen vervalt de noodzaak om partners te informeren die geen rol meer hebben in de casus.
# related_resources:
#   - ref: https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679
#     description: AVG art. 5 lid 1 sub b en c
# custom:
#   id: geen_rol_meer
#   oordeel: niet_toegestaan
#   zekerheid: middel
#   grondslagen: [avg_5_1_b, avg_5_1_c]
#   herstel: {rol_in_casus: true}
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {}) if {
	doel_info.vereist_rol_in_casus
	vraag.feit("rol_in_casus") == false
	ontvangers[r]
	convenant_geldt(r)
	tekst := sprintf("%s heeft geen rol meer in de casus; de noodzaak om te blijven informeren is vervallen.", [uitleg.label("partijen", r)])
}

# METADATA
# title: Wetsvoorstel niet in werking
# description: >-
#   Een wetsvoorstel is geen wet: zijn routes gelden alleen als de vraag uitdrukkelijk rekent alsof het in
#   werking is ("stel dat"), en dan altijd met lage zekerheid.
# related_resources:
#   - ref: https://zoek.officielebekendmakingen.nl/kst-36295-3.html
#     description: Wetsvoorstel Wams, Kamerstukken 36 295
# custom:
#   id: wetsvoorstel_niet_in_werking
#   oordeel: niet_toegestaan
#   zekerheid: middel
#   grondslagen: [avg_6_3]
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"herstel": convenant.vereist_feiten}) if {
	not vereiste_feiten_gelden
	ontvangers[r]
	convenant_geldt(r)
	tekst := sprintf("%s is geen wet; zonder \"stel dat\" geeft het geen grondslag.", [convenant.naam])
}

# stel_dat: de vraag rekent alsof een wetsvoorstel wet is (het convenant vereist feiten en die gelden).
stel_dat if {
	count(object.get(convenant, "vereist_feiten", {})) > 0
	vereiste_feiten_gelden
}

# vereiste_feiten_gelden: de feiten die het convenant vereist (bijvoorbeeld wams_in_werking) staan in de vraag.
vereiste_feiten_gelden if {
	every k, v in object.get(convenant, "vereist_feiten", {}) {
		vraag.feit(k) == v
	}
}

# gegevens_in_doel(c): het doel draagt categorie c (doelen.yaml, max_gegevens; zonder die lijst elke categorie).
gegevens_in_doel(c) if {
	max := object.get(doel_info, "max_gegevens", ["*"])
	some g in max
	g in {"*", c}
} else := false

# zekerheid_gegevensset: de gegevensset van een gesloten doel legt de wet vast (het Wgs-signaal: contactgegevens
# en de hoogte van de achterstand), niet een afspraak in een convenant: wat erbuiten valt, is zeker niet
# toegestaan.
default zekerheid_gegevensset := {}

zekerheid_gegevensset := {"zekerheid": "hoog"} if doel_info.gesloten

opsomming(ids) := "geen persoonsgegevens" if count(ids) == 0

opsomming(ids) := concat(", ", [uitleg.label("gegevens", id) | some id in ids]) if count(ids) > 0

# METADATA
# title: Bewaartermijn verstreken
# description: Na afloop van de bewaartermijn worden de gegevens vernietigd of geanonimiseerd; er valt niets meer te delen.
# related_resources:
#   - ref: https://wetten.overheid.nl/jci1.3:c:BWBR0049962&artikel=1.8
#     description: WGS art. 1.8 lid 7 (bewaartermijn)
# custom:
#   id: bewaartermijn_verstreken
#   oordeel: niet_toegestaan
#   zekerheid: hoog
#   grondslagen: [avg_5_1_e]
blokkade_ontvanger[r] contains uitleg.blokkade(rego.metadata.rule(), r, null, tekst, {"grondslagen": grondslagen_bewaartermijn}) if {
	einde := bewaartermijn_einde
	vraag.datum > einde
	ontvangers[r]
	convenant_geldt(r)
	tekst := sprintf("De bewaartermijn van %s liep uiterlijk af op %s (%s).", [convenant.naam, einde, bewaartermijn_basis])
}

# bewaartermijn_vanaf: waar de termijn van het convenant begint: bij de eerste verwerking (WGS art. 1.8 lid 7)
# of bij het sluiten van de casus.
bewaartermijn_vanaf := object.get(convenant, ["bewaartermijn", "vanaf"], "sluiting")

# bewaartermijn_einde: de laatste dag van de termijn. Loopt hij vanaf de eerste verwerking en is die datum
# niet bekend, dan is de sluitingsdatum een bovengrens (de eerste verwerking lag daar niet na): wat daarna
# komt, is zeker verstreken.
bewaartermijn_einde := datum.plus_jaren(vraag.feit("eerste_verwerking_op"), convenant.bewaartermijn.jaren) if {
	bewaartermijn_vanaf == "eerste_verwerking"
	is_string(vraag.feit("eerste_verwerking_op"))
} else := datum.plus_jaren(vraag.feit("casus_gesloten_op"), convenant.bewaartermijn.jaren) if {
	is_string(vraag.feit("casus_gesloten_op"))
}

bewaartermijn_basis := sprintf("eerste verwerking op %s", [vraag.feit("eerste_verwerking_op")]) if {
	bewaartermijn_vanaf == "eerste_verwerking"
	is_string(vraag.feit("eerste_verwerking_op"))
} else := sprintf("casus gesloten op %s; de eerste verwerking lag daar niet na", [vraag.feit("casus_gesloten_op")]) if {
	bewaartermijn_vanaf == "eerste_verwerking"
} else := sprintf("casus gesloten op %s", [vraag.feit("casus_gesloten_op")])

# bewaartermijn_onzeker: de termijn loopt vanaf de eerste verwerking, die datum is niet opgegeven en de
# casus is gesloten; of de termijn al voorbij is, staat niet vast. Dat zegt het antwoord, en de checklist
# vraagt het na te gaan (een handeling die de professional kan doen).
bewaartermijn_onzeker if {
	bewaartermijn_vanaf == "eerste_verwerking"
	not is_string(vraag.feit("eerste_verwerking_op"))
	is_string(vraag.feit("casus_gesloten_op"))
	vraag.datum <= bewaartermijn_einde
}

default grondslagen_bewaartermijn := ["avg_5_1_e"]

grondslagen_bewaartermijn := ["avg_5_1_e", convenant.bewaartermijn.grondslag] if convenant.bewaartermijn.grondslag

# voorwaarden_cel[r]: de voorwaarden die het kader aan een positieve uitkomst voor ontvanger r toevoegt
# (eenmaal per ontvanger berekend, gedeeld door al haar cellen).
voorwaarden_cel[r] := {v | some v in kader_voorwaarden} | {v | some v in deelnemer_voorwaarde(r)} if ontvangers[r]

kader_voorwaarden contains v if some v in doel_info.voorwaarden

kader_voorwaarden contains "inclusie" if doel_info.vereist_inclusie

kader_voorwaarden contains "informeren" if {
	doel_info.informeren
	not vraag.feit("betrokkene_geinformeerd") in {"ja", "uitzondering"}
}

kader_voorwaarden contains "bewaartermijn" if bewaartermijn_einde

kader_voorwaarden contains "bewaartermijn" if {
	is_string(vraag.feit("casus_gesloten_op"))
	convenant.bewaartermijn
}

kader_voorwaarden contains "need_to_know" if doel_info.vereist_rol_in_casus

deelnemer_voorwaarde(r) := {"deelnemer"} if {
	convenant_geldt(r)
	kring_gesloten
	some [p, rol] in [[vraag.van, "van"], [r, "naar"]]
	kb.partijen[p].soort == "organisatie"
	deelname_bijzonder(p, rol)
} else := set()

deelname_bijzonder(_, rol) if deelname_uit_feit(rol)

deelname_bijzonder(p, _) if deelnemer_data(p).deelname == "per_casus"

# zekerheden_cel[r]: hoe zeker de deelname van afzender en ontvanger is, als die uit de convenantdata komt.
zekerheden_cel[r] := {z |
	convenant_geldt(r)
	kring_gesloten
	some [p, rol] in [[vraag.van, "van"], [r, "naar"]]
	not deelname_uit_feit(rol)
	z := deelnemer_data(p).zekerheid
} if ontvangers[r]

# blokkaden(r, c): de blokkades van cel (r, c), als verzameling. Bijna elke blokkade hangt alleen van de
# ontvanger af (blokkade_ontvanger[r], eenmaal per ontvanger opgebouwd): alle cellen van de ontvanger delen
# dezelfde blokkade, zonder categorie (gegevens: null). Wat de cellen ervan lezen, hangt niet van de
# categorie af. Daarbij komen de blokkades van de categorie (categorie_blokkaden). Een functie voor een cel van
# de vraag (kader.cellen; de cel toetst dat zelf): zo zoekt een cel niet de regels van alle blokkades op.
blokkaden(r, c) := object.get(blokkades_per_ontvanger, r, set()) | categorie_blokkaden(r, c)

# blokkade[r][c]: dezelfde blokkades per cel opgezocht, voor wie alle blokkades bekijkt (blokkades, de tests).
blokkade[r][c] contains b if {
	cellen[[r, c]]
	some b in blokkaden(r, c)
}

# blokkades_per_ontvanger: de blokkades van elke ontvanger, als geheel één keer per vraag opgebouwd. Zo
# rekent de cel een opzoeking, niet elke blokkaderegel opnieuw (een opzoeking in een regel met meerdere
# sleutels, blokkade_ontvanger[r], bewaart OPA niet).
blokkades_per_ontvanger := {r: blokkade_ontvanger[r] | some r in ontvangers}

# blokkades: alle blokkades als één verzameling, elk met haar cel. De regels hierboven staan per cel
# (blokkade[r][c]), zodat het oordeel per cel kan opzoeken in plaats van alles te doorzoeken.
blokkades contains object.union(b, {"naar": r, "gegevens": c}) if {
	some r, c
	some b in blokkade[r][c]
}

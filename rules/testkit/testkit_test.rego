# METADATA
# title: Testkit
# description: >-
#   Gedeelde bouwstenen voor de Rego-tests: vragen van het contract (§2) met vaste standaardwaarden,
#   verwachte laaguitkomsten, en een routebouwer en convenantvarianten voor een kleine, gecontroleerde
#   wereld (with data.kennisbank.… as …). Geen tests; alleen hulpmiddelen.
package magikdelen.testkit

# vraag: wijkteam deelt identificerende gegevens met de politie voor het ZVH-casusoverleg op 2026-03-01.
# wijziging vervangt velden; feiten worden samengevoegd.
vraag(wijziging) := object.union(
	{
		"van": "wijkteam",
		"naar": ["politie"],
		"gegevens": ["identificerend"],
		"doel": "zvh_casusoverleg",
		"datum": "2026-03-01",
		"feiten": {},
	},
	wijziging,
)

# zvh: een ZVH-vraag waarin de inclusiecriteria vervuld zijn.
zvh(wijziging) := vraag(object.union({"feiten": {"inclusiecriteria": true}}, wijziging))

# wettelijk: een vraag voor een doel buiten de convenanten (acuut gevaar afwenden).
wettelijk(wijziging) := vraag(object.union({"doel": "gevaar_afwenden"}, wijziging))

# route: een route in laag art6_van voor iedereen en elk doel; wijziging vervangt velden.
route(wijziging) := object.union(
	{
		"id": "r_test",
		"titel": "Testroute",
		"tekst": "Een route voor de test.",
		"lagen": ["art6_van"],
		"van": ["*"],
		"naar": ["*"],
		"doelen": ["*"],
		"grondslagen": ["avg_6_1_e"],
		"voorwaarden": [],
		"oordeel": "toegestaan_onder_voorwaarden",
		"zekerheid": "middel",
	},
	wijziging,
)

# per_laag(rs): de index routes_per_laag van routes rs, zoals de kennisbank hem bij het laden opbouwt (per laag
# en doel de plekken van de routes). Wie data.kennisbank.routes vervangt, vervangt die index mee.
per_laag(rs) := {laag: {doel: [i | some i, r in rs; laag in r.lagen; doel in r.doelen] |
	some r in rs
	laag in r.lagen
	some doel in r.doelen
} |
	some r in rs
	some laag in r.lagen
}

test_per_laag_zoals_de_kennisbank if {
	per_laag(data.kennisbank.routes) == data.kennisbank.routes_per_laag
}

# datumgrenzen(kb): de index datumgrenzen van kennisbank kb, zoals de kennisbank hem bij het laden opbouwt: elke
# tekst die een dag is (JJJJ-MM-DD), de dag erna en 0000-01-01, gesorteerd, buiten de voorbeeldvragen van de
# vraagbaak (controles: vragen, geen kennis; de regels lezen ze niet). Wie een datum in data.kennisbank
# vervangt, vervangt die index mee.
datumgrenzen(k) := sort({g |
	walk(object.remove(k, ["datumgrenzen"]), [pad, d])
	not voorbeeldvraag(pad)
	is_string(d)
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, d)
	ns := time.parse_ns("2006-01-02", d)
	some g in [d, time.format([time.add_date(ns, 0, 0, 1), "UTC", "2006-01-02"])]
} | {"0000-01-01"})

# voorbeeldvraag(pad): pad ligt in een voorbeeldvraag van de vraagbaak.
voorbeeldvraag(pad) if {
	pad[0] == "vraagbaak"
	pad[2] == "controles"
}

test_datumgrenzen_zonder_de_voorbeeldvragen if {
	k := {
		"routes": [{"geldig_vanaf": "2024-01-01"}],
		"vraagbaak": {"x": {"vraag": "2023-05-05", "controles": [{"vraag": {"datum": "2026-03-01"}}]}},
	}
	datumgrenzen(k) == ["0000-01-01", "2023-05-05", "2023-05-06", "2024-01-01", "2024-01-02"]
}

# grenzen_met(dagen): de datumgrenzen van de echte kennisbank met dagen erbij (en de dag na elk), voor een test
# die een datum in data.kennisbank vervangt door een dag die daar niet staat.
grenzen_met(dagen) := sort({g | some g in data.kennisbank.datumgrenzen} | {g |
	some d in dagen
	some g in [d, time.format([time.add_date(time.parse_ns("2006-01-02", d), 0, 0, 1), "UTC", "2006-01-02"])]
})

test_grenzen_met_voegt_de_dag_en_de_dag_erna_toe if {
	g := grenzen_met(["2025-12-31"])
	"2025-12-31" in g
	"2026-01-01" in g
	every d in data.kennisbank.datumgrenzen {
		d in g
	}
	g == sort(g)
}

test_datumgrenzen_zoals_de_kennisbank if {
	datumgrenzen(data.kennisbank) == data.kennisbank.datumgrenzen
}

# kb_route: een route uit de echte kennisbank.
kb_route(id) := r if {
	some r in data.kennisbank.routes
	r.id == id
}

# kb_hergebruik: een hergebruikregel uit de echte kennisbank.
kb_hergebruik(id) := h if {
	some h in data.kennisbank.hergebruik
	h.id == id
}

# route_uitkomst: wat routes.uitkomst geeft als de route met dit id uit de kennisbank de beste is en geen
# andere route op een onbekende toestand wacht.
route_uitkomst(laag, naar, gegevens, id, voorwaarden, grondslagen) := {
	"soort": "laag",
	"laag": laag,
	"naar": naar,
	"gegevens": gegevens,
	"status": "route",
	"id": id,
	"titel": kb_route(id).titel,
	"tekst": kb_route(id).tekst,
	"oordeel": kb_route(id).oordeel,
	"zekerheid": kb_route(id).zekerheid,
	"voorwaarden": voorwaarden,
	"grondslagen": grondslagen,
	"ontbrekende_feiten": [],
	"herstel": [],
}

# zvht: het ZVHT-convenant uit de kennisbank zonder de velden in weg en met wijziging erover. Vervang er
# het hele convenant mee (with data.kennisbank.convenanten.zvht as …): een with op een dieper pad wordt
# bij het lezen via een regel met het origineel samengevoegd.
zvht(weg, wijziging) := object.union(object.remove(data.kennisbank.convenanten.zvht, weg), wijziging)

# deelnemers_met_vensters: ZVHT-deelnemers met een einddatum (politie) en een begindatum (ggz) rond de
# WGS-overgang van 2025-03-01.
deelnemers_met_vensters := [
	{"partij": "wijkteam", "deelname": "vast", "wgs": true, "zekerheid": "hoog"},
	{"partij": "politie", "deelname": "vast", "wgs": true, "zekerheid": "middel", "tot": "2025-02-28"},
	{"partij": "ggz", "deelname": "vast", "wgs": true, "zekerheid": "middel", "vanaf": "2025-03-01"},
	{"partij": "halt", "deelname": "per_casus", "wgs": false, "zekerheid": "laag"},
]

# geen_route: wat routes.uitkomst geeft als geen route van laag past.
geen_route(laag, naar, gegevens, grondslagen, gesloten, herstel) := {
	"soort": "laag",
	"laag": laag,
	"naar": naar,
	"gegevens": gegevens,
	"status": "geen_route",
	"id": concat("_", ["geen_route", laag]),
	"titel": data.kennisbank.lagen[laag].label,
	"tekst": data.kennisbank.lagen[laag].tekst,
	"oordeel": data.kennisbank.lagen[laag].zonder_route.oordeel,
	"zekerheid": data.kennisbank.lagen[laag].zonder_route.zekerheid,
	"voorwaarden": [],
	"grondslagen": grondslagen,
	"ontbrekende_feiten": [],
	"gesloten_routes": gesloten,
	"herstel": herstel,
}

# ave_in_voorbereiding: het AVE-convenant zoals het was vóór het werd uitgewerkt (status in_voorbereiding),
# voor tests van een convenant dat de regels nog niet kunnen beoordelen.
ave_in_voorbereiding := {
	"id": "ave",
	"naam": "Convenant Aanpak Voorkoming Escalatie (Almelo)",
	"soort": "convenant",
	"status": "in_voorbereiding",
	"omschrijving": "In voorbereiding.",
	"zekerheid": "laag",
	"doelen": [{"id": "ave_signaleren", "label": "Signaleren (AVE 1)"}],
}

# uitkomsten: alle uitkomsten van een laag als verzameling, voor tests die een hele laag vergelijken.
# uitkomst is de regel uitkomst van het laagpakket: uitkomst[laag][r][c] is die van één cel.
uitkomsten(uitkomst) := {object.union(u, {"naar": r, "gegevens": c}) |
	some per_ontvanger in uitkomst
	some r, per_categorie in per_ontvanger
	some c, u in per_categorie
}

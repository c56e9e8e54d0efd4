# METADATA
# title: Datumlogica
# description: >-
#   Geldigheidsvensters van grondslagen, routes, convenanten en deelname. Datums zijn ISO-strings
#   (JJJJ-MM-DD) en worden als tekst vergeleken. De datum komt altijd uit de vraag, nooit uit de klok
#   van de regels zelf (behalve als de vraag geen datum heeft).
package magikdelen.datum

# binnen is waar als dag d binnen [vanaf, tot] van obj ligt; ontbrekende grenzen zijn open.
binnen(d, obj, vanaf_veld, tot_veld) if {
	d >= object.get(obj, vanaf_veld, "0000-01-01")
	d <= object.get(obj, tot_veld, "9999-12-31")
}

# geldig is binnen voor objecten met geldig_vanaf en geldig_tot.
geldig(d, obj) if binnen(d, obj, "geldig_vanaf", "geldig_tot")

# plus_jaren telt n jaar op bij datum d (29 februari blijft een tekstdatum; vergelijken gaat goed).
plus_jaren(d, n) := sprintf("%04d%s", [to_number(substring(d, 0, 4)) + n, substring(d, 4, 6)])

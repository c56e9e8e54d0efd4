package library

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/suggestie"
)

// Keuze is one option a person can pick: an id of the knowledge base with its Dutch label, or a value of
// a fact.
type Keuze struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Waarde any    `json:"waarde"`          // the value in a Vraag: the id, or true/false for a ja/nee fact
	Groep  string `json:"groep,omitempty"` // the group it is shown under, such as the covenant of a purpose
}

// GroepWettelijk is the group of the purposes outside the covenants (Keuzes("doelen")).
const GroepWettelijk = "Buiten de convenanten (wettelijke routes)"

// Keuzes returns a vocabulary as options with their Dutch labels, in the order of the knowledge base:
// "partijen" and "gegevens" as their files list them; "doelen" grouped per covenant (by covenant id, each
// covenant's purposes as its file lists them, Groep the covenant's name), then the purposes outside the
// covenants (Groep GroepWettelijk); "convenanten" and "organisaties" (the concrete organisations a
// covenant names, which resolve to a party) by id, labelled with their names; "fasen" by id. An unknown
// soort gives nil.
func (k *Kennisbank) Keuzes(soort string) []Keuze {
	switch soort {
	case "partijen", "gegevens":
		return k.inVolgorde(soort)
	case "doelen":
		var out []Keuze
		for _, cid := range k.ids["convenanten"] {
			c := k.Item("convenanten", cid)
			naam, _ := c["naam"].(string)
			doelen, _ := c["doelen"].([]any)
			for _, d := range doelen {
				if did := id(d); k.Item("doelen", did) != nil {
					out = append(out, Keuze{ID: did, Label: k.Label("doelen", did), Waarde: did, Groep: naam})
				}
			}
		}
		for _, d := range k.inVolgorde("doelen") {
			if _, vanConvenant := k.Item("doelen", d.ID)["convenant"]; !vanConvenant {
				d.Groep = GroepWettelijk
				out = append(out, d)
			}
		}
		return out
	case "convenanten", "organisaties":
		out := make([]Keuze, 0, len(k.ids[soort]))
		for _, cid := range k.ids[soort] {
			out = append(out, Keuze{ID: cid, Label: k.Label(soort, cid), Waarde: cid})
		}
		return out
	case "fasen":
		out := make([]Keuze, 0, len(k.ids[soort]))
		for _, f := range k.ids[soort] {
			out = append(out, Keuze{ID: f, Label: f, Waarde: f})
		}
		return out
	}
	return nil
}

// Label returns the Dutch label of an id ("naam" for a covenant or a concrete organisation), or the id
// itself when it has none.
func (k *Kennisbank) Label(soort, itemID string) string {
	item := k.Item(soort, itemID)
	if item == nil && soort == "partijen" {
		item = k.Item("organisaties", itemID)
	}
	for _, veld := range []string{"label", "naam"} {
		if s, ok := item[veld].(string); ok && s != "" {
			return s
		}
	}
	return itemID
}

// inVolgorde lists a vocabulary with a "volgorde" (the position in its file) in that order.
func (k *Kennisbank) inVolgorde(soort string) []Keuze {
	ids := k.IDs(soort)
	volgorde := func(i string) int {
		v, ok := k.Item(soort, i)["volgorde"].(int)
		if !ok {
			return 1 << 30
		}
		return v
	}
	slices.SortStableFunc(ids, func(a, b string) int { return volgorde(a) - volgorde(b) })
	out := make([]Keuze, 0, len(ids))
	for _, i := range ids {
		out = append(out, Keuze{ID: i, Label: k.Label(soort, i), Waarde: i})
	}
	return out
}

// Kies finds the option that invoer names: its id or its label, forgiving case, diacritics, spaces,
// underscores and punctuation, or failing that the one option whose label or id begins with or contains
// every word of invoer. When no option or several fit, ok is false and suggesties holds the closest
// options (at most five), for "bedoelde u …?".
func Kies(keuzes []Keuze, invoer string) (gekozen Keuze, suggesties []Keuze, ok bool) {
	gezocht := normaliseer(invoer)
	if gezocht == "" {
		return Keuze{}, nil, false
	}
	for _, k := range keuzes {
		if normaliseer(k.ID) == gezocht || normaliseer(k.Label) == gezocht {
			return k, nil, true
		}
	}
	woorden := strings.Fields(gezocht)
	var passend []Keuze
	for _, k := range keuzes {
		tekst := normaliseer(k.Label) + " " + normaliseer(k.ID)
		alle := true
		for _, w := range woorden {
			alle = alle && strings.Contains(tekst, w)
		}
		if alle {
			passend = append(passend, k)
		}
	}
	if len(passend) == 1 {
		return passend[0], nil, true
	}
	if len(passend) > 1 {
		return Keuze{}, passend[:min(len(passend), 5)], false
	}
	// A typo: the options whose normalised label or id is closest.
	namen := make([]string, 0, 2*len(keuzes))
	per := map[string][]Keuze{}
	for _, k := range keuzes {
		for _, n := range []string{normaliseer(k.Label), normaliseer(k.ID)} {
			if _, dubbel := per[n]; !dubbel {
				namen = append(namen, n)
			}
			per[n] = append(per[n], k)
		}
	}
	gezien := map[string]bool{}
	for _, n := range suggestie.Dichtstbij(gezocht, namen, 5) {
		for _, k := range per[n] {
			if !gezien[k.ID] && len(suggesties) < 5 {
				gezien[k.ID] = true
				suggesties = append(suggesties, k)
			}
		}
	}
	return Keuze{}, suggesties, false
}

// normaliseer lowercases s, drops diacritics and turns everything but letters and digits into single
// spaces: "Gezondheids-gegevens" and "gezondheids_gegevens" both become "gezondheids gegevens".
func normaliseer(s string) string {
	var b strings.Builder
	spatie := true
	for _, r := range strings.ToLower(s) {
		r = zonderAccent(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			spatie = false
		} else if !spatie {
			b.WriteByte(' ')
			spatie = true
		}
	}
	return strings.TrimSpace(b.String())
}

// zonderAccent maps the accented letters of Dutch (and a few more) onto their base letter.
func zonderAccent(r rune) rune {
	if r < 0xC0 {
		return r
	}
	for basis, varianten := range accenten {
		if strings.ContainsRune(varianten, r) {
			return basis
		}
	}
	return r
}

var accenten = map[rune]string{
	'a': "àáâãäå", 'c': "ç", 'e': "èéêë", 'i': "ìíîï", 'n': "ñ", 'o': "òóôõö", 'u': "ùúûü", 'y': "ýÿ",
}

// WaardeTekst writes the value of a fact for people: ja or nee for a ja/nee fact, the label of a party or
// a purpose, a date the Dutch way, other values with spaces for underscores.
func (k *Kennisbank) WaardeTekst(feit string, v any) string {
	soort, _ := k.Item("feiten", feit)["type"].(string)
	switch x := v.(type) {
	case bool:
		if x {
			return "ja"
		}
		return "nee"
	case string:
		switch soort {
		case "partij":
			return k.Label("partijen", x)
		case "doel":
			return k.Label("doelen", x)
		case "datum":
			return DatumTekst(x)
		}
		return strings.ReplaceAll(x, "_", " ")
	case float64:
		if x == float64(int64(x)) {
			return fmt.Sprintf("%d", int64(x))
		}
	}
	return fmt.Sprintf("%v", v)
}

package kennisbank

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
	// Synoniemen are other words people use for it ("wijkagent" for politie), from the knowledge base's
	// synoniemen; for a covenant its short name.
	Synoniemen []string `json:"synoniemen,omitempty"`
}

// GroepWettelijk is the group of the purposes outside the covenants (Keuzes("doelen")).
const GroepWettelijk = "Buiten de convenanten (wettelijke routes)"

// GroepOorsprong is the group of the tasks data can come from without being a purpose to share for, such as
// the police task (Keuzes("oorsprongen"), for the fact verkregen_voor).
const GroepOorsprong = "Oorspronkelijke taak van de afzender"

// Keuzes returns a vocabulary as options with their Dutch labels and synonyms, in the order of the
// knowledge base: "partijen", "gegevens" and "feiten" as their files list them; "doelen" grouped per
// covenant (by covenant id, each covenant's purposes as its file lists them, Groep the covenant's name),
// then the purposes outside the covenants (Groep GroepWettelijk); "oorsprongen" as "doelen" plus the tasks
// data can come from (Groep GroepOorsprong, for the fact verkregen_voor); "convenanten" and "organisaties"
// (the concrete organisations a covenant names, which resolve to a party) by id, labelled with their names;
// "fasen" by id. An unknown soort gives nil.
func (k *Kennisbank) Keuzes(soort string) []Keuze {
	switch soort {
	case "partijen", "gegevens", "feiten":
		return k.InVolgorde(soort)
	case "doelen", "oorsprongen":
		var out []Keuze
		for _, cid := range k.ids["convenanten"] {
			c, _ := k.Convenant(cid)
			for _, d := range c.Doelen {
				if k.Item("doelen", d.ID) != nil {
					out = append(out, Keuze{ID: d.ID, Label: k.Label("doelen", d.ID), Waarde: d.ID, Groep: c.Naam, Synoniemen: k.synoniemen("doelen", d.ID)})
				}
			}
		}
		for _, d := range k.InVolgorde(soort) {
			if k.DoelConvenant(d.ID) == "" {
				d.Groep = GroepWettelijk
				if k.AlleenOorsprong(d.ID) {
					d.Groep = GroepOorsprong
				}
				out = append(out, d)
			}
		}
		return out
	case "convenanten", "organisaties":
		out := make([]Keuze, 0, len(k.ids[soort]))
		for _, cid := range k.ids[soort] {
			keuze := Keuze{ID: cid, Label: k.Label(soort, cid), Waarde: cid}
			if kort := k.Veld(soort, cid, "korte_naam"); kort != "" {
				keuze.Synoniemen = []string{strings.ToLower(kort)}
			}
			out = append(out, keuze)
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

// Label returns the Dutch label of an id ("naam" for a covenant or a concrete organisation, "titel" for a
// legal ground; a party id that is no role is looked up among the organisations), or the id
// itself when it has none.
func (k *Kennisbank) Label(soort, itemID string) string {
	item := k.Item(soort, itemID)
	if item == nil && soort == "partijen" {
		item = k.Item("organisaties", itemID)
	}
	for _, veld := range []string{"label", "naam", "titel"} {
		if s, ok := item[veld].(string); ok && s != "" {
			return s
		}
	}
	return itemID
}

// inVolgorde lists a vocabulary with a "volgorde" (the position in its file) in that order.
func (k *Kennisbank) InVolgorde(soort string) []Keuze {
	ids := k.IDs(soort)
	if soort == "oorsprongen" {
		soort = "doelen"
	}
	volgorde := func(i string) int { return k.volgorde(soort, i) }
	slices.SortStableFunc(ids, func(a, b string) int { return volgorde(a) - volgorde(b) })
	out := make([]Keuze, 0, len(ids))
	for _, i := range ids {
		out = append(out, Keuze{ID: i, Label: k.Label(soort, i), Waarde: i, Synoniemen: k.synoniemen(soort, i)})
	}
	return out
}

// synoniemen gives the synonyms of an item, as its file lists them.
func (k *Kennisbank) synoniemen(soort, itemID string) []string {
	return k.Velden(soort, itemID, "synoniemen")
}

// Kies finds the option that invoer names, forgiving case, diacritics, spaces, underscores and
// punctuation: first an option whose id or label it is, then one whose synonym it is, then the one option
// whose label or id contains every word of invoer (failing that, whose synonyms do), and last the one
// option within a simple typo of invoer (one wrong, missing, extra or swapped letter in a word of four to
// six letters, two in a longer one; none in shorter words, where a typo is another word). When no option
// or several fit, ok is false and suggesties holds the options that fit, or else the ones that are close
// (at most five, closest first; none when nothing is close), for "bedoelde u …?".
func Kies(keuzes []Keuze, invoer string) (gekozen Keuze, suggesties []Keuze, ok bool) {
	gezocht := normaliseer(invoer)
	if gezocht == "" {
		return Keuze{}, nil, false
	}
	stappen := []func(Keuze) bool{
		func(k Keuze) bool { return normaliseer(k.ID) == gezocht || normaliseer(k.Label) == gezocht },
		func(k Keuze) bool {
			return slices.ContainsFunc(k.Synoniemen, func(s string) bool { return normaliseer(s) == gezocht })
		},
		func(k Keuze) bool { return bevatWoorden(normaliseer(k.Label)+" "+normaliseer(k.ID), gezocht) },
		func(k Keuze) bool { return bevatWoorden(normaliseer(strings.Join(k.Synoniemen, " | ")), gezocht) },
	}
	for _, past := range stappen {
		var passend []Keuze
		for _, k := range keuzes {
			if past(k) && !slices.ContainsFunc(passend, func(p Keuze) bool { return p.ID == k.ID }) {
				passend = append(passend, k)
			}
		}
		if len(passend) == 1 {
			return passend[0], nil, true
		}
		if len(passend) > 1 {
			return Keuze{}, passend[:min(len(passend), 5)], false
		}
	}
	rang := rangschik(keuzes, gezocht)
	if len(rang) > 0 && rang[0].afstand <= tikfoutGrens(gezocht) && (len(rang) == 1 || rang[1].afstand > rang[0].afstand) {
		return rang[0].keuze, nil, true
	}
	// Close: a typo away, or differing in at most a third of the letters and not much further off than
	// the nearest.
	for _, r := range rang[:min(len(rang), 5)] {
		if r.afstand <= tikfoutGrens(gezocht) || r.maat <= 0.34 && r.maat <= 2*rang[0].maat {
			suggesties = append(suggesties, r.keuze)
		}
	}
	return Keuze{}, suggesties, false
}

// Noemt reports whether tekst names this option exactly: its id, its label or one of its synonyms,
// forgiving only case, diacritics, spaces, underscores and punctuation (not typos or parts of names).
func (k Keuze) Noemt(tekst string) bool {
	g := normaliseer(tekst)
	if g == "" {
		return false
	}
	return normaliseer(k.ID) == g || normaliseer(k.Label) == g ||
		slices.ContainsFunc(k.Synoniemen, func(s string) bool { return normaliseer(s) == g })
}

// Herken maps what a person typed to an id of the vocabulary soort: "partijen" (with the concrete
// organisations a covenant names), "gegevens", "doelen", "convenanten", "feiten" or "fasen". It accepts
// an id, a label or a synonym in any capitalisation, part of a name that fits one item only, and a
// simple typo (see Kies). When tekst names no single item, id is empty, suggesties holds the items that
// fit or else the nearest few (at most five, closest first, with their labels), and err is an
// *OnbekendeIDFout with their ids; its Veld is the vocabulary's singular ("partij"), for the caller to
// replace by the field it read. An unknown soort is an error as well.
//
// Use Keuze.Noemt on the recognised item to tell an exact name from a forgiven typo or a part of a name,
// for instance to say what was understood.
func (k *Kennisbank) Herken(soort, tekst string) (id string, suggesties []Keuze, err error) {
	keuzes := k.Keuzes(soort)
	if soort == "partijen" {
		keuzes = append(keuzes, k.Keuzes("organisaties")...)
	}
	if keuzes == nil || soort == "organisaties" {
		return "", nil, fmt.Errorf("onbekende soort %q: kies partijen, gegevens, doelen, convenanten, feiten of fasen", soort)
	}
	gekozen, suggesties, ok := Kies(keuzes, tekst)
	if ok {
		return gekozen.ID, nil, nil
	}
	if len(suggesties) == 0 {
		// Nothing is close: still offer the nearest few.
		for _, r := range rangschik(keuzes, normaliseer(tekst)) {
			if len(suggesties) == 5 {
				break
			}
			suggesties = append(suggesties, r.keuze)
		}
	}
	ids := make([]string, len(suggesties))
	for i, s := range suggesties {
		ids[i] = s.ID
	}
	return "", suggesties, &OnbekendeIDFout{Veld: enkelvoud(soort), Waarde: tekst, Soort: soort, Suggesties: ids}
}

// bevatWoorden reports whether every word of gezocht occurs in tekst.
func bevatWoorden(tekst, gezocht string) bool {
	for _, w := range strings.Fields(gezocht) {
		if !strings.Contains(tekst, w) {
			return false
		}
	}
	return true
}

// tikfoutGrens is the number of edits that still count as a typo of gezocht: none for words of up to three
// letters (where one edit gives another word, such as om and ggd), one up to six letters, two beyond.
func tikfoutGrens(gezocht string) int {
	switch n := len([]rune(gezocht)); {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	}
	return 2
}

type gerangschikt struct {
	keuze   Keuze
	afstand int     // edits from the nearest of its names
	maat    float64 // afstand relative to the length of that name, for the order of the suggestions
}

// rangschik orders the options by how close their nearest name (id, label or synonym) is to gezocht,
// closest first; options at the same distance keep their order. An option at most a typo away comes
// first; the others follow by their relative distance, so a short id does not win for being short.
func rangschik(keuzes []Keuze, gezocht string) []gerangschikt {
	var uit []gerangschikt
	gezien := map[string]bool{}
	for _, k := range keuzes {
		if gezien[k.ID] {
			continue
		}
		gezien[k.ID] = true
		r := gerangschikt{keuze: k, afstand: 1 << 30, maat: 2}
		if len(gezocht) > suggestie.MaxLengte {
			uit = append(uit, r) // no name is near; keep the order of the options
			continue
		}
		for _, naam := range append([]string{k.ID, k.Label}, k.Synoniemen...) {
			n := normaliseer(naam)
			d := suggestie.Afstand(gezocht, n)
			maat := float64(d) / float64(max(len([]rune(n)), len([]rune(gezocht)), 1))
			if strings.Contains(n, gezocht) || strings.Contains(gezocht, n) && len(n) > 3 {
				maat = min(maat, 0.1) // one name in the other: "politiebureau", "ggz-instelling"
			}
			r.afstand = min(r.afstand, d)
			r.maat = min(r.maat, maat)
		}
		uit = append(uit, r)
	}
	grens := tikfoutGrens(gezocht)
	slices.SortStableFunc(uit, func(a, b gerangschikt) int {
		ta, tb := a.afstand <= grens, b.afstand <= grens
		switch {
		case ta && tb:
			return a.afstand - b.afstand
		case ta:
			return -1
		case tb:
			return 1
		case a.maat < b.maat:
			return -1
		case a.maat > b.maat:
			return 1
		}
		return 0
	})
	return uit
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
	f, _ := k.Feit(feit)
	soort := f.Type
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

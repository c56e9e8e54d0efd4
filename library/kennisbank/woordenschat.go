package kennisbank

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/veld"
)

// The vocabulary that the Go side needs to present answers is declared once, in the knowledge base, and
// decoded here into types when it is loaded: which verdicts are positive and how they rank
// (oordelen.yaml, oordelen), the order of certainty (oordelen.yaml, zekerheden), the range of a
// whole-number fact (feiten.yaml). Go only reads it; no verdict, certainty or bound is written in Go.

// OordeelInfo is one verdict of oordelen.yaml.
type OordeelInfo struct {
	ID       Oordeel
	Label    string
	Rang     int  // higher is more permissive
	Positief bool // the verdict allows the share (a "ja")
}

// Zekerheid is one level of certainty of oordelen.yaml.
type Zekerheid struct {
	ID    string
	Label string
	Rang  int // higher is more certain
}

// woordenschat is the typed part of a knowledge base, derived from its data when it is loaded.
type woordenschat struct {
	oordelen    map[Oordeel]OordeelInfo
	zekerheden  map[string]Zekerheid
	hoogsteRang int // of the certainties
	laagsteRang int
	bereik      map[string]bereik // whole-number fact -> its range
	soorten     map[string]partijsoort
	klassen     []Klasse          // from ordinary to the strictest
	wetten      map[string]string // special regime of a category (gegevens.yaml, bijzondere_wetten) -> its form heading
	grondslagen map[string]GrondslagInfo
	doelen      map[string]doelInfo
	feiten      map[string]FeitInfo
}

// FeitInfo is one fact of the knowledge base (feiten.yaml) as Go needs it: its label, the question that
// asks it ("" when the file gives none), its type (ja_nee, keuze, geheel_getal, datum, partij or doel)
// and, for a choice, its values in the order of the file.
type FeitInfo struct {
	ID      string
	Label   string
	Vraag   string
	Type    string
	Waarden []string
}

// doelInfo is what Go needs of a purpose: its covenant ("" outside the covenants) and whether it is only
// an origin (a task data was gathered for, not a purpose to share for).
type doelInfo struct {
	convenant       string
	alleenOorsprong bool
}

// GrondslagInfo is one entry of the catalogue of legal grounds (grondslagen.yaml): the provision, its
// official text and how sure the knowledge base is of it. An answer cites it as a Grondslag.
type GrondslagInfo struct {
	ID          string
	Titel       string
	Wet         string // the law, as the handreiking groups the grounds
	Vindplaats  string
	Bron        string // the address of the official text
	GeldigVanaf string
	GeldigTot   string
	Uitleg      string
	Verificatie string // geverifieerd, waarschijnlijk or onzeker
	Zekerheid   string
	Herkomst    string
}

// Klasse is one AVG class of personal data (gegevens.yaml, klassen).
type Klasse struct {
	ID        string
	Label     string
	Bijzonder bool // processing is forbidden unless an exception applies (AVG art. 9, art. 10)
}

// bereik is the range of a whole-number fact, with its wording for an error, made once at load.
type bereik struct {
	min, max int64
	tekst    string
}

// partijsoort is one kind of party (partijen.yaml, soorten).
type partijsoort struct {
	tafel                 bool
	groep                 string // the heading a form lists parties of this kind under
	matrixVan, matrixNaar []string
}

// typeer decodes the vocabulary of k.data. It tolerates a knowledge base with errors (Controleer lints
// those): what is missing or of the wrong type is left out, so that nothing becomes positive or certain
// by accident.
func (k *Kennisbank) typeer() {
	w := woordenschat{oordelen: map[Oordeel]OordeelInfo{}, zekerheden: map[string]Zekerheid{}, bereik: map[string]bereik{},
		hoogsteRang: math.MinInt, laagsteRang: math.MaxInt}
	oordelen, _ := k.data["oordelen"].(map[string]any)
	for id, v := range oordelen {
		m, _ := v.(map[string]any)
		rang, ok := geheel(m["rang"])
		if !ok {
			continue
		}
		positief, _ := m["positief"].(bool)
		w.oordelen[Oordeel(id)] = OordeelInfo{ID: Oordeel(id), Label: veld.Tekst(m, "label"), Rang: int(rang), Positief: positief}
	}
	zekerheden, _ := k.data["zekerheden"].(map[string]any)
	for id, v := range zekerheden {
		m, _ := v.(map[string]any)
		rang, ok := geheel(m["rang"])
		if !ok {
			continue
		}
		w.zekerheden[id] = Zekerheid{ID: id, Label: veld.Tekst(m, "label"), Rang: int(rang)}
		w.hoogsteRang = max(w.hoogsteRang, int(rang))
		w.laagsteRang = min(w.laagsteRang, int(rang))
	}
	feiten, _ := k.data["feiten"].(map[string]any)
	w.feiten = make(map[string]FeitInfo, len(feiten))
	for id, v := range feiten {
		m, _ := v.(map[string]any)
		w.feiten[id] = FeitInfo{ID: id, Label: veld.Tekst(m, "label"), Vraag: veld.Tekst(m, "vraag"), Type: veld.Tekst(m, "type"), Waarden: veld.Teksten(m, "waarden")}
		lo, okLo := geheel(m["minimum"])
		hi, okHi := geheel(m["maximum"])
		if okLo && okHi {
			w.bereik[id] = bereik{lo, hi, fmt.Sprintf("geheel getal van %d tot en met %d", lo, hi)}
		}
	}
	soorten, _ := k.data["partijsoorten"].(map[string]any)
	w.soorten = map[string]partijsoort{}
	for id, v := range soorten {
		m, _ := v.(map[string]any)
		tafel, _ := m["tafel"].(bool)
		groep := cmp.Or(veld.Tekst(m, "groep"), veld.Tekst(m, "label"), id)
		w.soorten[id] = partijsoort{tafel: tafel, groep: groep, matrixVan: veld.Teksten(m, "matrix_van"), matrixNaar: veld.Teksten(m, "matrix_naar")}
	}
	grondslagen, _ := k.data["grondslagen"].(map[string]any)
	w.grondslagen = make(map[string]GrondslagInfo, len(grondslagen))
	for id, v := range grondslagen {
		m, _ := v.(map[string]any)
		w.grondslagen[id] = GrondslagInfo{ID: id, Titel: veld.Tekst(m, "titel"), Wet: veld.Tekst(m, "wet"), Vindplaats: veld.Tekst(m, "vindplaats"),
			Bron: veld.Tekst(m, "bron"), GeldigVanaf: veld.Tekst(m, "geldig_vanaf"), GeldigTot: veld.Tekst(m, "geldig_tot"), Uitleg: veld.Tekst(m, "uitleg"),
			Verificatie: veld.Tekst(m, "verificatie"), Zekerheid: veld.Tekst(m, "zekerheid"), Herkomst: veld.Tekst(m, "herkomst")}
	}
	doelen, _ := k.data["doelen"].(map[string]any)
	w.doelen = make(map[string]doelInfo, len(doelen))
	for id, v := range doelen {
		m, _ := v.(map[string]any)
		alleen, _ := m["alleen_oorsprong"].(bool)
		w.doelen[id] = doelInfo{convenant: veld.Tekst(m, "convenant"), alleenOorsprong: alleen}
	}
	wetten, _ := k.data["bijzondere_wetten"].(map[string]any)
	w.wetten = map[string]string{}
	for id, v := range wetten {
		m, _ := v.(map[string]any)
		w.wetten[id] = cmp.Or(veld.Tekst(m, "groep"), veld.Tekst(m, "label"), id)
	}
	klassen, _ := k.data["klassen"].(map[string]any)
	for _, id := range k.idsInVolgorde("klassen") {
		m, _ := klassen[id].(map[string]any)
		bijzonder, _ := m["bijzonder"].(bool)
		w.klassen = append(w.klassen, Klasse{ID: id, Label: veld.Tekst(m, "label"), Bijzonder: bijzonder})
	}
	k.woorden = w
}

// geheel reads a whole number as the loaders give it (json.Number, or a Go integer).
func geheel(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case int64:
		return n, true
	case int:
		return int64(n), true
	case float64:
		if n == math.Trunc(n) {
			return int64(n), true
		}
	}
	return 0, false
}

// Oordeel returns a verdict of the knowledge base; ok is false for an unknown one.
func (k *Kennisbank) Oordeel(o Oordeel) (info OordeelInfo, ok bool) {
	info, ok = k.woorden.oordelen[o]
	return info, ok
}

// Grondslag returns a legal ground of the catalogue (grondslagen.yaml); ok is false for an unknown id.
func (k *Kennisbank) Grondslag(id string) (g GrondslagInfo, ok bool) {
	g, ok = k.woorden.grondslagen[id]
	return g, ok
}

// Feit returns a fact of the knowledge base (feiten.yaml); ok is false for an unknown one.
func (k *Kennisbank) Feit(id string) (f FeitInfo, ok bool) {
	f, ok = k.woorden.feiten[id]
	return f, ok
}

// DoelConvenant is the covenant purpose d belongs to; "" for a purpose outside the covenants (judged
// through the statutory routes) or an unknown one.
func (k *Kennisbank) DoelConvenant(d string) string { return k.woorden.doelen[d].convenant }

// AlleenOorsprong reports whether purpose d is only an origin: the task data was gathered for (the fact
// verkregen_voor), not a purpose to share for (doelen.yaml, alleen_oorsprong).
func (k *Kennisbank) AlleenOorsprong(d string) bool { return k.woorden.doelen[d].alleenOorsprong }

// Positief reports whether verdict o allows the share (oordelen.yaml: positief). An unknown verdict is
// never positive.
func (k *Kennisbank) Positief(o Oordeel) bool { return k.woorden.oordelen[o].Positief }

// Zekerheid returns a level of certainty of the knowledge base; ok is false for an unknown one.
func (k *Kennisbank) Zekerheid(id string) (z Zekerheid, ok bool) {
	z, ok = k.woorden.zekerheden[id]
	return z, ok
}

// Zekerheden returns the levels of certainty, least certain first.
func (k *Kennisbank) Zekerheden() []Zekerheid {
	out := slices.Collect(maps.Values(k.woorden.zekerheden))
	slices.SortFunc(out, func(a, b Zekerheid) int { return cmp.Or(cmp.Compare(a.Rang, b.Rang), cmp.Compare(a.ID, b.ID)) })
	return out
}

// MetVoorbehoud reports whether certainty z deserves a note beside a citation or an entry: it is set and
// not the highest certainty of the knowledge base. An unknown certainty gets the note too.
func (k *Kennisbank) MetVoorbehoud(z string) bool {
	if z == "" {
		return false
	}
	info, ok := k.woorden.zekerheden[z]
	return !ok || info.Rang < k.woorden.hoogsteRang
}

// LaagsteZekerheid reports whether z is the lowest certainty of the knowledge base (for a handreiking's
// list of what is still uncertain).
func (k *Kennisbank) LaagsteZekerheid(z string) bool {
	info, ok := k.woorden.zekerheden[z]
	return ok && info.Rang == k.woorden.laagsteRang
}

// InBereik checks a value of whole-number fact feit against its range; soort names in Dutch what the
// fact allows, without an article ("geheel getal van 0 tot en met 150"), for the error when ok is false.
func (k *Kennisbank) InBereik(feit string, n int64) (soort string, ok bool) {
	b, heeft := k.woorden.bereik[feit]
	if !heeft {
		return "geheel getal", true
	}
	return b.tekst, b.min <= n && n <= b.max
}

// Bereik returns the smallest and largest value a whole-number fact may take (feiten.yaml: minimum,
// maximum); ok is false for a fact without a range.
func (k *Kennisbank) Bereik(feit string) (minimum, maximum int64, ok bool) {
	b, ok := k.woorden.bereik[feit]
	return b.min, b.max, ok
}

// soort is the kind of party p ("" for an unknown party).
func (k *Kennisbank) soort(p string) string {
	pt, _ := k.Partij(p)
	return pt.Soort
}

// Tafel reports whether party p is a case table (partijen.yaml, soorten: tafel): it neither shares nor
// receives itself; its participants do, each on their own.
func (k *Kennisbank) Tafel(p string) bool {
	return k.woorden.soorten[k.soort(p)].tafel
}

// partijenInMatrix lists the parties whose kind puts them in a matrix by default (partijen.yaml, soorten:
// matrix_van, matrix_naar), in the order of the knowledge base. kader is wettelijk, convenant or open_kring;
// rol is van or naar.
func (k *Kennisbank) PartijenIn(kader, rol string) []string {
	var uit []string
	for _, p := range k.IDs("partijen") {
		s := k.woorden.soorten[k.soort(p)]
		kaders := s.matrixVan
		if rol == "naar" {
			kaders = s.matrixNaar
		}
		if slices.Contains(kaders, kader) {
			uit = append(uit, p)
		}
	}
	return uit
}

// Klassen returns the AVG classes of personal data, from ordinary to the strictest (gegevens.yaml).
func (k *Kennisbank) Klassen() []Klasse { return slices.Clone(k.woorden.klassen) }

// StrengsteKlasse is the strictest class of data category gegevens ("" for an unknown category): where a
// form lists it.
func (k *Kennisbank) StrengsteKlasse(gegevens string) string {
	c, _ := k.Categorie(gegevens)
	heeft := c.Klassen
	uit := ""
	for _, kl := range k.woorden.klassen {
		if slices.Contains(heeft, kl.ID) {
			uit = kl.ID
		}
	}
	return uit
}

// PartijGroep is the heading under which a form lists party p: the groep of its kind (partijen.yaml,
// soorten), or the kind's label when it has none.
func (k *Kennisbank) PartijGroep(p string) string {
	return k.woorden.soorten[k.soort(p)].groep
}

// PartijGroepen are the headings of PartijGroep in the order of the kinds, each once.
func (k *Kennisbank) PartijGroepen() []string {
	var uit []string
	for _, s := range k.idsInVolgorde("partijsoorten") {
		if g := k.woorden.soorten[s].groep; !slices.Contains(uit, g) {
			uit = append(uit, g)
		}
	}
	return uit
}

// GegevensGroep is the heading under which a form lists data category c: the groep of its special regime
// (bijzondere_wet, declared in gegevens.yaml bijzondere_wetten), else the label of its strictest class.
func (k *Kennisbank) GegevensGroep(c string) string {
	cat, _ := k.Categorie(c)
	if g, ok := k.woorden.wetten[cat.BijzondereWet]; ok {
		return g
	}
	strengste := k.StrengsteKlasse(c)
	for _, kl := range k.woorden.klassen {
		if kl.ID == strengste {
			return kl.Label
		}
	}
	return ""
}

// GegevensGroepen are the headings of GegevensGroep in order, each once: the classes from ordinary to the
// strictest, then the special regimes in the order of gegevens.yaml.
func (k *Kennisbank) GegevensGroepen() []string {
	var uit []string
	for _, kl := range k.woorden.klassen {
		if !slices.Contains(uit, kl.Label) {
			uit = append(uit, kl.Label)
		}
	}
	for _, w := range k.idsInVolgorde("bijzondere_wetten") {
		if g := k.woorden.wetten[w]; !slices.Contains(uit, g) {
			uit = append(uit, g)
		}
	}
	return uit
}

// idsInVolgorde lists the ids of vocabulary soort in the order of their file, then by id.
func (k *Kennisbank) idsInVolgorde(soort string) []string {
	ids, _ := k.data[soort].(map[string]any)
	return slices.SortedFunc(maps.Keys(ids), func(a, b string) int {
		return cmp.Or(cmp.Compare(k.volgorde(soort, a), k.volgorde(soort, b)), cmp.Compare(a, b))
	})
}

package bulk

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// VerschilVraag says what Vergelijk compares: the covenants (empty: every covenant of either version, and
// the statutory routes as Wettelijk) on
// one date, with facts that hold for every cell. Doelen, Van, Naar and Gegevens narrow the space (empty:
// everything, as in MatrixVraag).
type VerschilVraag struct {
	Convenanten []string       `json:"convenanten,omitempty"`
	Datum       string         `json:"datum"`
	Feiten      map[string]any `json:"feiten,omitempty"`
	Doelen      []string       `json:"doelen,omitempty"`
	Van         []string       `json:"van,omitempty"`
	Naar        []string       `json:"naar,omitempty"`
	Gegevens    []string       `json:"gegevens,omitempty"`
}

// Verschil is the semantic difference between two versions of the knowledge base (and rules): which
// answers (doel, van, naar, gegevens) change verdict, grounds, conditions or certainty.
type Verschil struct {
	Oud          string              `json:"oud"`   // knowledge-base version of the old side
	Nieuw        string              `json:"nieuw"` // and of the new side
	Datum        string              `json:"datum"`
	Feiten       map[string]any      `json:"feiten,omitempty"`
	Convenanten  []ConvenantVerschil `json:"convenanten"`
	Cellen       int                 `json:"cellen"`       // cells compared
	Gewijzigd    int                 `json:"gewijzigd"`    // cells with any change
	Telling      map[string]int      `json:"telling"`      // changed cells per kind of change
	Overgeslagen []string            `json:"overgeslagen"` // covenants not evaluated: same rules and files
}

// The kinds of change of a cell.
const (
	WijzigingOordeel     = "oordeel"
	WijzigingGrondslagen = "grondslagen"
	WijzigingVoorwaarden = "voorwaarden"
	WijzigingZekerheid   = "zekerheid"
	WijzigingNieuw       = "nieuw"     // the cell exists only in the new version (a new participant, purpose, …)
	WijzigingVervallen   = "vervallen" // the cell exists only in the old version
)

// ConvenantVerschil is the difference for one covenant.
type ConvenantVerschil struct {
	Convenant string `json:"convenant"`
	Naam      string `json:"naam"`
	// Status: "gewijzigd", "ongewijzigd" (evaluated, nothing changed), "overgeslagen" (the rules and
	// every file it depends on are byte-identical, so no answer can differ), "nieuw" or "vervallen"
	// (the covenant exists in one version only).
	Status      string         `json:"status"`
	Cellen      int            `json:"cellen"`
	Telling     map[string]int `json:"telling"`
	Groepen     []Groep        `json:"groepen"`
	Wijzigingen []Wijziging    `json:"wijzigingen"`
}

// Wijziging is one changed cell. Oud or Nieuw is nil for a cell that exists in one version only.
type Wijziging struct {
	Sleutel string     `json:"sleutel"` // doel|van|naar|gegevens
	Soorten []string   `json:"soorten"`
	Oud     *MatrixCel `json:"oud,omitempty"`
	Nieuw   *MatrixCel `json:"nieuw,omitempty"`
}

// Groep counts the cells of one purpose with the same change, e.g. every cell whose verdict went from
// toegestaan_onder_voorwaarden to niet_toegestaan, or that gained the same condition.
type Groep struct {
	Doel        string   `json:"doel"`
	Soort       string   `json:"soort"`
	Van         string   `json:"van,omitempty"`   // old value (verdict or certainty)
	Naar        string   `json:"naar,omitempty"`  // new value
	Erbij       []string `json:"erbij,omitempty"` // grounds or conditions added
	Eraf        []string `json:"eraf,omitempty"`  // and removed
	Aantal      int      `json:"aantal"`
	Voorbeelden []string `json:"voorbeelden"` // up to five cell keys
}

// Wettelijk is the id Vergelijk gives the purposes outside the covenants (the statutory routes), compared
// like a covenant; VerschilVraag.Convenanten may name it.
const Wettelijk = "wettelijk"

// maxVoorbeelden is how many example cells a group lists.
const maxVoorbeelden = 5

// Vergelijk compares the answers of two engines (two versions of the knowledge base or of the rules) over
// the decision space of each covenant on a date: every purpose, participant of either version, recipient
// and category. A covenant whose own file, the shared files and the rules are byte-identical in both
// versions is skipped: no answer can differ.
func Vergelijk(ctx context.Context, oud, nieuw *library.Engine, vv VerschilVraag) (*Verschil, error) {
	if !kennisbank.GeldigeDatum(vv.Datum) {
		return nil, &kennisbank.DatumFout{Veld: "datum", Waarde: vv.Datum}
	}
	ko, kn := oud.Kennisbank(), nieuw.Kennisbank()
	convenanten := vv.Convenanten
	if len(convenanten) == 0 {
		convenanten = append(unie(ko.IDs("convenanten"), kn.IDs("convenanten")), Wettelijk)
	}
	for i, c := range convenanten {
		if c != Wettelijk && ko.Item("convenanten", c) == nil && kn.Item("convenanten", c) == nil {
			return nil, kn.BekendAls(fmt.Sprintf("convenant[%d]", i), "convenanten", c)
		}
	}
	uit := &Verschil{Oud: ko.Versie(), Nieuw: kn.Versie(), Datum: vv.Datum, Feiten: vv.Feiten, Telling: map[string]int{}, Overgeslagen: []string{}}
	for _, c := range convenanten {
		cv, err := verschilVan(ctx, oud, nieuw, c, vv)
		if err != nil {
			return nil, err
		}
		if cv.Status == "overgeslagen" {
			uit.Overgeslagen = append(uit.Overgeslagen, c)
		}
		uit.Cellen += cv.Cellen
		uit.Gewijzigd += len(cv.Wijzigingen)
		for k, n := range cv.Telling {
			uit.Telling[k] += n
		}
		uit.Convenanten = append(uit.Convenanten, cv)
	}
	return uit, nil
}

func verschilVan(ctx context.Context, oud, nieuw *library.Engine, c string, vv VerschilVraag) (ConvenantVerschil, error) {
	ko, kn := oud.Kennisbank(), nieuw.Kennisbank()
	cv := ConvenantVerschil{Convenant: c, Telling: map[string]int{}, Groepen: []Groep{}, Wijzigingen: []Wijziging{}}
	in := func(k *kennisbank.Kennisbank) bool { return c == Wettelijk || k.Item("convenanten", c) != nil }
	switch {
	case c == Wettelijk:
		cv.Naam = WettelijkeRoutes
	case in(kn):
		cv.Naam = kn.Veld("convenanten", c, "naam")
	default:
		cv.Naam = ko.Veld("convenanten", c, "naam")
	}
	if in(ko) && in(kn) && zelfdeGrondslag(ko, kn, c) {
		cv.Status = "overgeslagen"
		return cv, nil
	}
	// The space: the union of both versions' defaults, each side with the ids it knows.
	var doelen, van, naar []string
	for _, k := range []*kennisbank.Kennisbank{ko, kn} {
		if !in(k) {
			continue
		}
		if c == Wettelijk {
			doelen = unie(doelen, doelenVan(k, ""))
			wv := k.PartijenIn("wettelijk", "van")
			van = unie(van, wv)
			naar = unie(naar, wv, k.PartijenIn("wettelijk", "naar"))
			continue
		}
		doelen = unie(doelen, doelenVan(k, c))
		van = unie(van, deelnemersOp(k, c, vv.Datum))
		naar = unie(naar, deelnemersOp(k, c, vv.Datum), k.PartijenIn("convenant", "naar"))
	}
	gegevens := unie(ko.IDs("gegevens"), kn.IDs("gegevens"))
	doelen, van, naar, gegevens = smal(doelen, vv.Doelen), smal(van, vv.Van), smal(naar, vv.Naar), smal(gegevens, vv.Gegevens)
	matrix := func(e *library.Engine, doelen []string) (map[string]MatrixCel, error) {
		k := e.Kennisbank()
		if !in(k) {
			return map[string]MatrixCel{}, nil
		}
		eigen := c
		if c == Wettelijk {
			eigen = ""
		}
		mv := MatrixVraag{Convenant: eigen, Wettelijk: c == Wettelijk, Datum: vv.Datum, Feiten: vv.Feiten,
			Doelen:   bekendeIDs(k, "doelen", doelen, func(d string) bool { return k.DoelConvenant(d) == eigen }),
			Van:      bekendeIDs(k, "partijen", van, nil),
			Naar:     bekendeIDs(k, "partijen", naar, nil),
			Gegevens: bekendeIDs(k, "gegevens", gegevens, nil),
		}
		if len(mv.Doelen) == 0 || len(mv.Van) == 0 || len(mv.Naar) == 0 || len(mv.Gegevens) == 0 {
			return map[string]MatrixCel{}, nil
		}
		m, err := MaakMatrix(ctx, e, mv)
		if err != nil {
			return nil, err
		}
		cellen := make(map[string]MatrixCel, len(m.Cellen))
		for _, cel := range m.Cellen {
			cellen[cel.Sleutel()] = cel
		}
		return cellen, nil
	}
	groepen := map[string]*Groep{}
	groep := func(g Groep, sleutel string) {
		k := strings.Join([]string{g.Doel, g.Soort, g.Van, g.Naar, strings.Join(g.Erbij, ","), strings.Join(g.Eraf, ",")}, "|")
		bestaand, ok := groepen[k]
		if !ok {
			g.Voorbeelden = []string{}
			bestaand = &g
			groepen[k] = bestaand
		}
		bestaand.Aantal++
		if len(bestaand.Voorbeelden) < maxVoorbeelden {
			bestaand.Voorbeelden = append(bestaand.Voorbeelden, sleutel)
		}
	}
	// Purpose by purpose, so that only one purpose's cells of each version are in memory at a time (the
	// statutory routes are over 160,000 cells). A cell's key begins with its purpose and a "|", so
	// taking the purposes in the order of purpose+"|" visits the keys in their sorted order, as one
	// comparison of the whole space would.
	perDoel := slices.Clone(doelen)
	slices.SortFunc(perDoel, func(a, b string) int { return strings.Compare(a+"|", b+"|") })
	for _, d := range perDoel {
		mo, err := matrix(oud, []string{d})
		if err != nil {
			return cv, fmt.Errorf("oude versie: %w", err)
		}
		mn, err := matrix(nieuw, []string{d})
		if err != nil {
			return cv, fmt.Errorf("nieuwe versie: %w", err)
		}
		sleutels := unie(slices.Sorted(maps.Keys(mo)), slices.Sorted(maps.Keys(mn)))
		slices.Sort(sleutels)
		cv.Cellen += len(sleutels)
		for _, s := range sleutels {
			o, okO := mo[s]
			n, okN := mn[s]
			w := Wijziging{Sleutel: s}
			switch {
			case !okO:
				w.Soorten, w.Nieuw = []string{WijzigingNieuw}, &n
				groep(Groep{Doel: n.Doel, Soort: WijzigingNieuw, Naar: string(n.Oordeel)}, s)
			case !okN:
				w.Soorten, w.Oud = []string{WijzigingVervallen}, &o
				groep(Groep{Doel: o.Doel, Soort: WijzigingVervallen, Van: string(o.Oordeel)}, s)
			default:
				w.Oud, w.Nieuw = &o, &n
				if o.Oordeel != n.Oordeel {
					w.Soorten = append(w.Soorten, WijzigingOordeel)
					groep(Groep{Doel: o.Doel, Soort: WijzigingOordeel, Van: string(o.Oordeel), Naar: string(n.Oordeel)}, s)
				}
				if erbij, eraf := lijstVerschil(o.Grondslagen, n.Grondslagen); len(erbij)+len(eraf) > 0 {
					w.Soorten = append(w.Soorten, WijzigingGrondslagen)
					groep(Groep{Doel: o.Doel, Soort: WijzigingGrondslagen, Erbij: erbij, Eraf: eraf}, s)
				}
				if erbij, eraf := lijstVerschil(o.Voorwaarden, n.Voorwaarden); len(erbij)+len(eraf) > 0 {
					w.Soorten = append(w.Soorten, WijzigingVoorwaarden)
					groep(Groep{Doel: o.Doel, Soort: WijzigingVoorwaarden, Erbij: erbij, Eraf: eraf}, s)
				}
				if o.Zekerheid != n.Zekerheid {
					w.Soorten = append(w.Soorten, WijzigingZekerheid)
					groep(Groep{Doel: o.Doel, Soort: WijzigingZekerheid, Van: o.Zekerheid, Naar: n.Zekerheid}, s)
				}
			}
			if len(w.Soorten) == 0 {
				continue
			}
			for _, soort := range w.Soorten {
				cv.Telling[soort]++
			}
			cv.Wijzigingen = append(cv.Wijzigingen, w)
		}
	}
	for _, g := range groepen {
		cv.Groepen = append(cv.Groepen, *g)
	}
	// Largest groups first; ties in a stable order.
	slices.SortFunc(cv.Groepen, func(a, b Groep) int {
		if a.Aantal != b.Aantal {
			return b.Aantal - a.Aantal
		}
		return strings.Compare(a.Doel+a.Soort+a.Van+a.Naar+strings.Join(a.Erbij, ",")+strings.Join(a.Eraf, ","),
			b.Doel+b.Soort+b.Van+b.Naar+strings.Join(b.Erbij, ",")+strings.Join(b.Eraf, ","))
	})
	switch {
	case !in(ko):
		cv.Status = "nieuw"
	case !in(kn):
		cv.Status = "vervallen"
	case len(cv.Wijzigingen) > 0:
		cv.Status = "gewijzigd"
	default:
		cv.Status = "ongewijzigd"
	}
	return cv, nil
}

// zelfdeGrondslag: the rules, the shared knowledge-base files and the covenant's own file are identical,
// so no answer under this covenant can differ. Other covenants' files and the vraagbaak do not count:
// the rules read only the purpose's own covenant, and the vraagbaak does not change a verdict.
func zelfdeGrondslag(a, b *kennisbank.Kennisbank, convenant string) bool {
	relevant := func(pad string) bool {
		if strings.HasPrefix(pad, "convenants/vraagbaak/") {
			return false
		}
		if rest, ok := strings.CutPrefix(pad, "convenants/convenanten/"); ok {
			return strings.TrimSuffix(rest, ".yaml") == convenant // the statutory frame reads no covenant
		}
		return true
	}
	gefilterd := func(k *kennisbank.Kennisbank) map[string]string {
		uit := map[string]string{}
		for p, h := range k.Bestanden() {
			if relevant(p) {
				uit[p] = h
			}
		}
		return uit
	}
	return len(a.Bestanden()) > 0 && maps.Equal(gefilterd(a), gefilterd(b))
}

// lijstVerschil gives what b has that a lacks, and the other way round (both sorted).
func lijstVerschil(a, b []string) (erbij, eraf []string) {
	for _, x := range b {
		if !slices.Contains(a, x) {
			erbij = append(erbij, x)
		}
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			eraf = append(eraf, x)
		}
	}
	slices.Sort(erbij)
	slices.Sort(eraf)
	return erbij, eraf
}

// smal keeps the ids of lijst that are in filter; an empty filter keeps everything.
func smal(lijst, filter []string) []string {
	if len(filter) == 0 {
		return lijst
	}
	var uit []string
	for _, x := range lijst {
		if slices.Contains(filter, x) {
			uit = append(uit, x)
		}
	}
	return uit
}

// unie joins lists, keeping the first occurrence order.
func unie(lijsten ...[]string) []string {
	var uit []string
	for _, l := range lijsten {
		for _, x := range l {
			if !slices.Contains(uit, x) {
				uit = append(uit, x)
			}
		}
	}
	return uit
}

// bekendeIDs keeps the ids that k knows (and that pass the filter, if any).
func bekendeIDs(k *kennisbank.Kennisbank, soort string, ids []string, filter func(string) bool) []string {
	var uit []string
	for _, id := range ids {
		if k.Item(soort, id) != nil && (filter == nil || filter(id)) {
			uit = append(uit, id)
		}
	}
	return uit
}

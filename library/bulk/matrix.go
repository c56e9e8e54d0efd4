package bulk

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/veld"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// WettelijkeRoutes is the name of the matrix of the purposes outside the covenants (MatrixVraag.Wettelijk).
const WettelijkeRoutes = "Wettelijke routes buiten de convenanten"

// QueryMatrix is the decision behind Matrix: per cell only the verdict, without explanation or
// alternatives (data.magikdelen.matrix).
const QueryMatrix = "data.magikdelen.matrix"

// MatrixVraag says which part of the decision space Matrix evaluates: one covenant on one date, for
// all its purposes or some of them.
type MatrixVraag struct {
	Convenant string `json:"convenant,omitempty"`
	// Wettelijk: instead of a covenant, the purposes outside the covenants (statutory routes), with every
	// organisation as sender and the data subject among the recipients.
	Wettelijk bool           `json:"wettelijk,omitempty"`
	Doelen    []string       `json:"doelen,omitempty"`   // empty: every purpose of the covenant, in the order of the process
	Datum     string         `json:"datum,omitempty"`    // empty: today (the engine's clock)
	Van       []string       `json:"van,omitempty"`      // empty: the participants on the date
	Naar      []string       `json:"naar,omitempty"`     // empty: the senders plus the non-participant roles
	Gegevens  []string       `json:"gegevens,omitempty"` // empty: every data category, in the order of gegevens.yaml
	Feiten    map[string]any `json:"feiten,omitempty"`   // facts that hold for every cell
}

// Matrix is who may share which category with whom for the purposes of one covenant on one date.
// Cells are ordered by purpose, sender, recipient and category (the order of the fields Doelen, Van,
// Naar and Gegevens); a party is never its own recipient.
type Matrix struct {
	Convenant  string                     `json:"convenant"`
	Naam       string                     `json:"naam"`
	Datum      string                     `json:"datum"`
	Feiten     map[string]any             `json:"feiten,omitempty"`
	Kennisbank string                     `json:"kennisbank"`
	Doelen     []string                   `json:"doelen"`
	Van        []string                   `json:"van"`
	Naar       []string                   `json:"naar"`
	Gegevens   []string                   `json:"gegevens"`
	Cellen     []MatrixCel                `json:"cellen"`
	Telling    map[kennisbank.Oordeel]int `json:"telling"`
}

// MatrixCel is the verdict for one (purpose, sender, recipient, category), as the rules give it for the
// question with only that cell. Lagen maps each layer to the route (or outcome id) that decided it.
type MatrixCel struct {
	Doel              string             `json:"doel"`
	Van               string             `json:"van"`
	Naar              string             `json:"naar"`
	Gegevens          string             `json:"gegevens"`
	Oordeel           kennisbank.Oordeel `json:"oordeel"`
	Zekerheid         string             `json:"zekerheid"`
	Grondslagen       []string           `json:"grondslagen"`
	Voorwaarden       []string           `json:"voorwaarden"`
	OntbrekendeFeiten []string           `json:"ontbrekende_feiten"`
	Redenen           []string           `json:"redenen"`
	Lagen             map[string]string  `json:"lagen"`
	// Botsingen: "blokkade/route" pairs where a statutory duty or right (a route with verdict toegestaan)
	// meets a block of the covenant or purpose binding in this cell (the strictest verdict wins).
	Botsingen []string `json:"botsingen,omitempty"`
}

// Sleutel identifies a cell across versions of the knowledge base.
func (c MatrixCel) Sleutel() string {
	return c.Doel + "|" + c.Van + "|" + c.Naar + "|" + c.Gegevens
}

// Cel finds one cell.
func (m *Matrix) Cel(doel, van, naar, gegevens string) (MatrixCel, bool) {
	i, ok := slices.BinarySearchFunc(m.Cellen, [4]int{index(m.Doelen, doel), index(m.Van, van), index(m.Naar, naar), index(m.Gegevens, gegevens)}, func(c MatrixCel, k [4]int) int {
		return slices.Compare([]int{index(m.Doelen, c.Doel), index(m.Van, c.Van), index(m.Naar, c.Naar), index(m.Gegevens, c.Gegevens)}, k[:])
	})
	if !ok {
		return MatrixCel{}, false
	}
	return m.Cellen[i], true
}

func index(lijst []string, s string) int { return slices.Index(lijst, s) }

// Matrix evaluates every (purpose, sender, recipient, category) of a covenant on a date with the same
// rules as Beantwoord: one evaluation per purpose and sender covers all its recipients and categories,
// the rules share the work of cells that follow the same routes, and the evaluations run in parallel
// (one per CPU). Unknown ids give an *OnbekendeIDFout, like Beantwoord.
//
// A covenant's space is tens of thousands of cells; the evaluation allocates about 15-25 KB per cell
// that is garbage at once, so a process that runs matrices often does well with a higher GOGC (the CLI
// uses 400 for its bulk commands).
func MaakMatrix(ctx context.Context, e *library.Engine, mv MatrixVraag) (*Matrix, error) {
	m, err := matrixOpzet(e, mv)
	if err != nil {
		return nil, err
	}
	// Rules without the matrix decision (an older version, compared by Vergelijk) are read through the
	// answer without alternatives.
	query, uitKern := QueryMatrix, !e.HeeftBeslissing(QueryMatrix)
	if uitKern {
		query = library.QueryKern
	}
	type taak struct{ d, v int }
	taken := make(chan taak)
	resultaten := make([][]MatrixCel, len(m.Doelen)*len(m.Van))
	var (
		wg      sync.WaitGroup
		eenmaal sync.Once
		fout    error
	)
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	for range min(runtime.GOMAXPROCS(0), len(resultaten)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range taken {
				cellen, err := matrixRij(ctx, e, query, uitKern, m, m.Doelen[t.d], m.Van[t.v], mv.Feiten)
				if err != nil {
					eenmaal.Do(func() { fout = err; stop() })
					continue
				}
				resultaten[t.d*len(m.Van)+t.v] = cellen
			}
		}()
	}
verdeel:
	for d := range m.Doelen {
		for v := range m.Van {
			select {
			case taken <- taak{d, v}:
			case <-ctx.Done():
				break verdeel
			}
		}
	}
	close(taken)
	wg.Wait()
	if fout == nil && ctx.Err() != nil {
		fout = ctx.Err()
	}
	if fout != nil {
		return nil, fout
	}
	for _, r := range resultaten {
		m.Cellen = append(m.Cellen, r...)
	}
	for _, c := range m.Cellen {
		m.Telling[c.Oordeel]++
	}
	return m, nil
}

// matrixOpzet checks the question and fills in the defaults from the covenant data.
func matrixOpzet(e *library.Engine, mv MatrixVraag) (*Matrix, error) {
	kb := e.Kennisbank()
	switch {
	case mv.Wettelijk && mv.Convenant != "":
		return nil, &kennisbank.BuitenKaderFout{Veld: "convenant", Waarde: mv.Convenant, Reden: "kan niet samen met de wettelijke routes"}
	case mv.Wettelijk:
	case mv.Convenant == "":
		return nil, &kennisbank.OntbrekendVeldFout{Veld: "convenant"}
	default:
		if err := kb.BekendAls("convenant", "convenanten", mv.Convenant); err != nil {
			return nil, err
		}
	}
	datum := mv.Datum
	if datum == "" {
		datum = e.Vandaag()
	} else if !kennisbank.GeldigeDatum(datum) {
		return nil, kennisbank.NieuweDatumFout("datum", datum)
	}
	if len(mv.Feiten) > 0 {
		feiten := make(map[string]any, len(mv.Feiten))
		for _, naam := range slices.Sorted(maps.Keys(mv.Feiten)) {
			w, err := kb.FeitWaarde(naam, mv.Feiten[naam])
			if err != nil {
				return nil, err
			}
			feiten[naam] = w
		}
		mv.Feiten = feiten
	}
	conv, _ := kb.Convenant(mv.Convenant)
	m := &Matrix{
		Convenant: mv.Convenant, Naam: conv.Naam, Datum: datum, Feiten: mv.Feiten,
		Kennisbank: kb.Versie(), Telling: map[kennisbank.Oordeel]int{},
	}
	if mv.Wettelijk {
		m.Naam = WettelijkeRoutes
	}
	var err error
	if m.Doelen, err = kiesIDs(kb, "doel", "doelen", mv.Doelen, doelenVan(kb, mv.Convenant)); err != nil {
		return nil, err
	}
	for _, d := range m.Doelen {
		if c := kb.DoelConvenant(d); c != mv.Convenant {
			reden := "hoort niet bij convenant " + mv.Convenant
			if mv.Wettelijk {
				reden = "hoort bij convenant " + c
			}
			return nil, &kennisbank.BuitenKaderFout{Veld: "doel", Waarde: d, Reden: reden, Suggesties: doelenVan(kb, mv.Convenant)}
		}
	}
	if len(m.Doelen) == 0 {
		return nil, fmt.Errorf("convenant %s heeft geen doelen", mv.Convenant)
	}
	deelnemers := deelnemersOp(kb, mv.Convenant, datum)
	extra := zonder(kb.PartijenIn("convenant", "naar"), deelnemers)
	if mv.Wettelijk {
		deelnemers = kb.PartijenIn("wettelijk", "van")
		extra = zonder(kb.PartijenIn("wettelijk", "naar"), deelnemers)
	}
	if m.Van, err = kiesIDs(kb, "van", "partijen", mv.Van, deelnemers); err != nil {
		return nil, err
	}
	if m.Naar, err = kiesIDs(kb, "naar", "partijen", mv.Naar, append(slices.Clone(deelnemers), extra...)); err != nil {
		return nil, err
	}
	for _, n := range m.Naar {
		if kb.Tafel(n) {
			return nil, &kennisbank.BuitenKaderFout{Veld: "naar", Waarde: n, Reden: "is een overlegtafel, geen ontvanger; een matrix toont de deelnemers elk apart", Suggesties: deelnemers}
		}
	}
	if m.Gegevens, err = kiesIDs(kb, "gegevens", "gegevens", mv.Gegevens, gegevensInVolgorde(kb)); err != nil {
		return nil, err
	}
	if len(m.Van) == 0 || len(m.Naar) == 0 || len(m.Gegevens) == 0 {
		return nil, errors.New("matrix: geen afzenders, ontvangers of categorieën op deze datum")
	}
	return m, nil
}

// kiesIDs checks the asked ids, or takes the defaults.
func kiesIDs(kb *kennisbank.Kennisbank, veld, soort string, gevraagd, standaard []string) ([]string, error) {
	if len(gevraagd) == 0 {
		return standaard, nil
	}
	uit := make([]string, 0, len(gevraagd))
	for i, id := range gevraagd {
		if err := kb.BekendAls(fmt.Sprintf("%s[%d]", veld, i), soort, id); err != nil {
			return nil, err
		}
		if !slices.Contains(uit, id) {
			uit = append(uit, id)
		}
	}
	return uit, nil
}

// matrixRij evaluates one purpose and sender for all recipients and categories.
func matrixRij(ctx context.Context, e *library.Engine, query string, uitKern bool, m *Matrix, doel, van string, feiten map[string]any) ([]MatrixCel, error) {
	naar := make([]any, 0, len(m.Naar))
	for _, n := range m.Naar {
		if n != van {
			naar = append(naar, n)
		}
	}
	if len(naar) == 0 {
		return nil, nil
	}
	gegevens := make([]any, len(m.Gegevens))
	for i, g := range m.Gegevens {
		gegevens[i] = g
	}
	invoer := map[string]any{"van": van, "naar": naar, "gegevens": gegevens, "doel": doel, "datum": m.Datum}
	if m.Convenant != "" {
		invoer["convenant"] = m.Convenant
	}
	if len(feiten) > 0 {
		invoer["feiten"] = feiten
	}
	waarde, ok, err := e.Evalueer(ctx, query, invoer)
	if err != nil {
		return nil, fmt.Errorf("matrix (%s, %s): %w", doel, van, err)
	}
	if !ok {
		return nil, errors.New("evalueer regels: geen matrix (regels onvolledig)")
	}
	obj, _ := waarde.(map[string]any)
	var cellen []MatrixCel
	switch {
	case uitKern:
		cellen = cellenUitKern(obj, doel, van)
	case obj["ontvangers"] != nil:
		return cellenUitKlassen(obj, doel, van, naar, m.Gegevens)
	default:
		cellen = cellenUitMatrix(obj, doel, van)
	}
	// The rules order cells by recipient id; the matrix keeps the order of its columns.
	sort.SliceStable(cellen, func(i, j int) bool {
		a, b := cellen[i], cellen[j]
		if a.Naar != b.Naar {
			return index(m.Naar, a.Naar) < index(m.Naar, b.Naar)
		}
		return index(m.Gegevens, a.Gegevens) < index(m.Gegevens, b.Gegevens)
	})
	return cellen, nil
}

// cellenUitKlassen expands the matrix decision per class of categories (data.magikdelen.matrix: per
// recipient the short cell of each representative category, and per category its representative) into
// cells, in the order of the matrix's columns. A cell the decision does not cover is an error: the rules
// are incomplete, and a matrix never guesses a verdict.
func cellenUitKlassen(obj map[string]any, doel, van string, naar []any, gegevens []string) ([]MatrixCel, error) {
	ontvangers, _ := obj["ontvangers"].(map[string]any)
	vertegenwoordiger, _ := obj["vertegenwoordiger"].(map[string]any)
	cellen := make([]MatrixCel, 0, len(naar)*len(gegevens))
	for _, x := range naar {
		n, _ := x.(string)
		klassen, _ := ontvangers[n].(map[string]any)
		for _, g := range gegevens {
			v, _ := vertegenwoordiger[g].(string)
			kort, ok := klassen[v].(map[string]any)
			if !ok {
				return nil, fmt.Errorf("evalueer regels: geen oordeel voor cel (%s, %s, %s, %s) (regels onvolledig)", doel, van, n, g)
			}
			cellen = append(cellen, korteCel(kort, doel, van, n, g))
		}
	}
	return cellen, nil
}

func cellenUitMatrix(obj map[string]any, doel, van string) []MatrixCel {
	ruw, _ := obj["cellen"].([]any)
	cellen := make([]MatrixCel, 0, len(ruw))
	for _, x := range ruw {
		c, _ := x.(map[string]any)
		cellen = append(cellen, korteCel(c, doel, van, veld.Tekst(c, "naar"), veld.Tekst(c, "gegevens")))
	}
	return cellen
}

// korteCel reads one short cell of the rules (oordeel.kort); each cell gets its own slices, also where
// cells of one class share the short cell.
func korteCel(c map[string]any, doel, van, naar, gegevens string) MatrixCel {
	return MatrixCel{
		Doel: doel, Van: van, Naar: naar, Gegevens: gegevens,
		Oordeel: kennisbank.Oordeel(veld.Tekst(c, "oordeel")), Zekerheid: veld.Tekst(c, "zekerheid"),
		Grondslagen: veld.Teksten(c, "grondslagen"), Voorwaarden: veld.Teksten(c, "voorwaarden"),
		OntbrekendeFeiten: veld.Teksten(c, "ontbrekende_feiten"), Redenen: veld.Teksten(c, "redenen"),
		Lagen: tekstMap(c["lagen"]), Botsingen: veld.Teksten(c, "botsingen"),
	}
}

// cellenUitKern reads the cells from the answer's deeloordelen, for rules that predate the matrix
// decision (an older git revision compared by Vergelijk): slower, but the same content.
func cellenUitKern(obj map[string]any, doel, van string) []MatrixCel {
	ruw, _ := obj["deeloordelen"].([]any)
	cellen := make([]MatrixCel, 0, len(ruw))
	idsVan := func(x any) []string {
		lijst, _ := x.([]any)
		uit := make([]string, 0, len(lijst))
		for _, y := range lijst {
			if m, ok := y.(map[string]any); ok {
				uit = append(uit, veld.Tekst(m, "id"))
			}
		}
		return slices.Compact(slices.Sorted(slices.Values(uit)))
	}
	for _, x := range ruw {
		c, _ := x.(map[string]any)
		lagen := map[string]string{}
		keten, _ := c["keten"].([]any)
		for _, s := range keten {
			if m, ok := s.(map[string]any); ok {
				lagen[veld.Tekst(m, "laag")] = veld.Tekst(m, "route")
			}
		}
		cellen = append(cellen, MatrixCel{
			Doel: doel, Van: van, Naar: veld.Tekst(c, "naar"), Gegevens: veld.Tekst(c, "gegevens"),
			Oordeel: kennisbank.Oordeel(veld.Tekst(c, "oordeel")), Zekerheid: veld.Tekst(c, "zekerheid"),
			Grondslagen: idsVan(c["grondslagen"]), Voorwaarden: idsVan(c["voorwaarden"]),
			OntbrekendeFeiten: veld.Teksten(c, "ontbrekende_feiten"), Redenen: idsVan(c["redenen"]),
			Lagen: lagen,
		})
	}
	return cellen
}

func tekstMap(x any) map[string]string {
	m, _ := x.(map[string]any)
	uit := make(map[string]string, len(m))
	for k, v := range m {
		if s, ok := v.(string); ok {
			uit[k] = s
		}
	}
	return uit
}

// doelenVan lists the purposes of a covenant in the order of the process: as the covenant's file lists
// them; without a covenant, the purposes outside the covenants in the order of doelen.yaml.
func doelenVan(k *kennisbank.Kennisbank, convenant string) []string {
	var uit []string
	if convenant != "" {
		c, _ := k.Convenant(convenant)
		for _, d := range c.Doelen {
			if k.Item("doelen", d.ID) != nil {
				uit = append(uit, d.ID)
			}
		}
		return uit
	}
	for _, d := range k.InVolgorde("doelen") {
		if k.DoelConvenant(d.ID) == "" {
			uit = append(uit, d.ID)
		}
	}
	return uit
}

// gegevensInVolgorde lists the data categories in the order of gegevens.yaml (from identifying data to
// the most sensitive), not by id.
func gegevensInVolgorde(k *kennisbank.Kennisbank) []string {
	keuzes := k.InVolgorde("gegevens")
	uit := make([]string, len(keuzes))
	for i, g := range keuzes {
		uit[i] = g.ID
	}
	return uit
}

// deelnemersOp lists the parties that take part in a covenant on a date (a participation window is
// inclusive on both ends, as in the rules). A covenant without participants (an open circle) has every
// organisation as possible sender.
func deelnemersOp(k *kennisbank.Kennisbank, convenant, datum string) []string {
	var uit []string
	c, _ := k.Convenant(convenant)
	for _, d := range c.Deelnemers {
		if d.Vanaf != "" && datum < d.Vanaf || d.Tot != "" && datum > d.Tot {
			continue
		}
		if d.Partij != "" && !slices.Contains(uit, d.Partij) {
			uit = append(uit, d.Partij)
		}
	}
	if len(c.Deelnemers) == 0 {
		uit = k.PartijenIn("open_kring", "van")
	}
	return uit
}

// zonder is a without the elements of b, in the order of a.
func zonder(a, b []string) []string {
	var uit []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			uit = append(uit, x)
		}
	}
	return uit
}

// MatrixDeelnemers lists the default senders of a covenant's matrix: its participants on the date, or
// every organisation for a covenant without a fixed circle.
func MatrixDeelnemers(kb *kennisbank.Kennisbank, convenant, datum string) []string {
	return deelnemersOp(kb, convenant, datum)
}

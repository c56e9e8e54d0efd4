package web

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// formulierPagina is the guided form: step 1 the question, step 2 the open facts.
type formulierPagina struct {
	Basis
	Stap                                          int
	Fouten                                        []veldFout
	FoutVelden                                    map[string]string // form field id -> its messages
	VanLijst, NaarLijst, GegevensLijst, DoelLijst lijstVeld
	Datum                                         string
	Vandaag                                       string

	// Step 2.
	Samenvatting []paar
	WijzigAdres  string
	Verborgen    []paar
	Feiten       []feitVeld
	Beantwoord   []paar // facts answered in an earlier round
}

// lijstVeld is one question of step 1: a list of options in groups, radio buttons or check boxes.
type lijstVeld struct {
	Naam, Type, Vraag, Hint, Fout string
	Stap                          int
	Groepen                       []groep
}

// groep is a list of options under a heading (a fieldset).
type groep struct {
	Titel  string
	Opties []optie
}

type optie struct {
	ID, Label, Zoek string
	Gekozen         bool
}

type paar struct{ Naam, Waarde string }

// feitVeld is one open fact as a form field; the answer "weet ik niet" leaves it unknown.
type feitVeld struct {
	ID, Label, Vraag, Type string
	Beslist                bool // the verdict is onbepaald until it is known
	Onbekend               bool // no value chosen: "weet ik niet"
	Opties                 []optie
	Waarde                 string
}

// formulier serves GET /: without a question the empty form; with the four parts of a question the open
// facts; when no open fact is left, the answer (303 to its address).
func (h *Handler) formulier(w http.ResponseWriter, r *http.Request) {
	e := h.engine(w, r)
	if e == nil {
		return
	}
	kb := e.Kennisbank()
	q := r.URL.Query()
	in := leesInvoer(q, kb, h.opts.klok())
	if !in.gegeven || q.Get("stap") == "wijzig" {
		// The empty form, or the question filled in to change it.
		in.fouten = nil
		h.toonFormulier(w, r, kb, in, http.StatusOK)
		return
	}
	if len(in.fouten) > 0 {
		h.toonFormulier(w, r, kb, in, http.StatusBadRequest)
		return
	}
	// The purpose decides the frame, as in the guided mode: a covenant purpose brings its covenant.
	if in.v.Convenant == "" {
		if c := kb.DoelConvenant(in.v.Doel); c != "" {
			in.v.Convenant = c
		}
	}
	if in.v.Datum == "" {
		in.v.Datum = h.vandaag()
	}
	if _, err := kb.Controleer(in.v, h.opts.klok()); err != nil {
		h.invoerFout(w, r, kb, in, err)
		return
	}
	open, err := h.openFeiten(r.Context(), e, in.v)
	if err != nil {
		h.evaluatieFout(w, r, kb, in, "formulier", err)
		return
	}
	var over []kennisbank.Feitvraag
	for _, f := range open {
		if _, bekend := in.v.Feiten[f.ID]; !bekend && !slices.Contains(in.onbekend, f.ID) {
			over = append(over, f)
		}
	}
	if len(over) == 0 {
		http.Redirect(w, r, VraagAdres(in.v), http.StatusSeeOther)
		return
	}
	p := h.formulierBasis(kb, in)
	p.Stap = 2
	p.Titel = "Mag ik dit delen? Nog een paar vragen"
	p.Samenvatting = vraagSamenvatting(kb, in.v)
	p.WijzigAdres = "/?" + wijzigQuery(in.v)
	p.Verborgen = verborgenVelden(in.v, in.onbekend)
	for _, f := range over {
		p.Feiten = append(p.Feiten, nieuwFeitVeld(f, nil))
	}
	for _, naam := range slices.Sorted(maps.Keys(in.v.Feiten)) {
		p.Beantwoord = append(p.Beantwoord, paar{kb.Label("feiten", naam), kb.WaardeTekst(naam, in.v.Feiten[naam])})
	}
	for _, naam := range in.onbekend {
		p.Beantwoord = append(p.Beantwoord, paar{kb.Label("feiten", naam), "weet ik niet"})
	}
	h.schrijfPagina(w, r, http.StatusOK, "formulier", p)
}

// openFeiten asks the rules which facts can still change the answer, within a turn and the time limit.
func (h *Handler) openFeiten(ctx context.Context, e *library.Engine, v kennisbank.Vraag) ([]kennisbank.Feitvraag, error) {
	klaar, ok := h.wachtBeurt(ctx)
	if !ok {
		return nil, ctx.Err()
	}
	defer klaar()
	ctx, stop := context.WithTimeout(ctx, h.opts.tijdslimiet)
	defer stop()
	return e.OpenFeiten(ctx, v)
}

// toonFormulier shows step 1 of the form, with what was valid filled in and the problems on top.
func (h *Handler) toonFormulier(w http.ResponseWriter, r *http.Request, kb *kennisbank.Kennisbank, in invoer, status int) {
	p := h.formulierBasis(kb, in)
	p.Stap = 1
	p.Titel = "Mag ik dit delen?"
	p.Hoofd = true
	if len(in.fouten) > 0 {
		p.Titel = "Fout in de vraag – Mag ik dit delen?"
	}
	h.schrijfPagina(w, r, status, "formulier", p)
}

func (h *Handler) formulierBasis(kb *kennisbank.Kennisbank, in invoer) formulierPagina {
	p := formulierPagina{Basis: Basis{Versie: kb.Versie()}, Fouten: in.fouten, FoutVelden: map[string]string{}, Datum: in.v.Datum, Vandaag: h.vandaag()}
	for _, f := range in.fouten {
		p.FoutVelden[f.Veld] = strings.TrimSpace(p.FoutVelden[f.Veld] + " " + f.Bericht)
	}
	if p.Datum == "" {
		p.Datum = p.Vandaag
	}
	gekozen := func(ids ...string) func(string) bool {
		return func(id string) bool { return slices.Contains(ids, id) }
	}
	var afzenders []kennisbank.Keuze
	for _, k := range kb.Keuzes("partijen") {
		if !kb.Tafel(k.ID) {
			afzenders = append(afzenders, k)
		}
	}
	p.VanLijst = lijstVeld{Naam: "van", Type: "radio", Stap: 1, Vraag: vraagVan, Hint: "De partij die de gegevens deelt.", Fout: p.FoutVelden["veld-van"],
		Groepen: partijGroepen(kb, afzenders, gekozen(in.v.Van))}
	p.NaarLijst = lijstVeld{Naam: "naar", Type: "checkbox", Stap: 2, Vraag: vraagNaar, Hint: "Eén of meer.", Fout: p.FoutVelden["veld-naar"],
		Groepen: partijGroepen(kb, kb.Keuzes("partijen"), gekozen(in.v.Naar...))}
	p.GegevensLijst = lijstVeld{Naam: "gegevens", Type: "checkbox", Stap: 3, Vraag: vraagGegevens, Hint: "Eén of meer; kies op inhoud, niet op etiket.", Fout: p.FoutVelden["veld-gegevens"],
		Groepen: gegevensGroepen(kb, gekozen(in.v.Gegevens...))}
	p.DoelLijst = lijstVeld{Naam: "doel", Type: "radio", Stap: 4, Vraag: vraagDoel, Fout: p.FoutVelden["veld-doel"],
		Groepen: doelGroepen(kb, gekozen(in.v.Doel))}
	return p
}

// zoektekst is what the filter box of the form searches: the label and the synonyms, never the id.
func zoektekst(k kennisbank.Keuze) string {
	return strings.ToLower(strings.Join(append([]string{k.Label}, k.Synoniemen...), " | "))
}

func nieuweOptie(_ *kennisbank.Kennisbank, _ string, k kennisbank.Keuze, gekozen func(string) bool) optie {
	return optie{ID: k.ID, Label: k.Label, Zoek: zoektekst(k), Gekozen: gekozen(k.ID)}
}

// partijGroepen groups the parties under the headings of their kinds (partijen.yaml, soorten: groep).
func partijGroepen(kb *kennisbank.Kennisbank, keuzes []kennisbank.Keuze, gekozen func(string) bool) []groep {
	return groepeer(kb.PartijGroepen(), keuzes, kb.PartijGroep, func(k kennisbank.Keuze) optie { return nieuweOptie(kb, "partijen", k, gekozen) })
}

// gegevensGroepen groups the data categories by their strictest AVG class (gegevens.yaml, klassen, in that
// order), and the data of the special regimes apart (bijzondere_wetten), in the order of gegevens.yaml.
func gegevensGroepen(kb *kennisbank.Kennisbank, gekozen func(string) bool) []groep {
	return groepeer(kb.GegevensGroepen(), kb.Keuzes("gegevens"), kb.GegevensGroep, func(k kennisbank.Keuze) optie { return nieuweOptie(kb, "gegevens", k, gekozen) })
}

// groepeer puts each choice under its heading (groepVan), the headings in the order of titels; a
// heading not in titels comes last. Empty headings are left out.
func groepeer(titels []string, keuzes []kennisbank.Keuze, groepVan func(string) string, nieuw func(kennisbank.Keuze) optie) []groep {
	groepen := make([]groep, len(titels))
	plek := map[string]int{}
	for i, t := range titels {
		groepen[i].Titel = t
		plek[t] = i
	}
	for _, k := range keuzes {
		t := groepVan(k.ID)
		i, ok := plek[t]
		if !ok {
			i = len(groepen)
			plek[t] = i
			groepen = append(groepen, groep{Titel: t})
		}
		groepen[i].Opties = append(groepen[i].Opties, nieuw(k))
	}
	return nietLeeg(groepen...)
}

// doelGroepen groups the purposes per covenant, then those outside the covenants.
func doelGroepen(kb *kennisbank.Kennisbank, gekozen func(string) bool) []groep {
	var uit []groep
	for _, k := range kb.Keuzes("doelen") {
		if len(uit) == 0 || uit[len(uit)-1].Titel != k.Groep {
			uit = append(uit, groep{Titel: k.Groep})
		}
		uit[len(uit)-1].Opties = append(uit[len(uit)-1].Opties, nieuweOptie(kb, "doelen", k, gekozen))
	}
	return uit
}

func nietLeeg(groepen ...groep) []groep {
	var uit []groep
	for _, g := range groepen {
		if len(g.Opties) > 0 {
			uit = append(uit, g)
		}
	}
	return uit
}

// nieuwFeitVeld makes a form field of an open fact, with the given value chosen (nil: "weet ik niet").
func nieuwFeitVeld(f kennisbank.Feitvraag, waarde any) feitVeld {
	v := feitVeld{ID: f.ID, Label: f.Label, Vraag: f.Vraag, Type: f.Type, Beslist: f.Reden == kennisbank.RedenOntbrekend, Onbekend: waarde == nil}
	switch f.Type {
	case "geheel_getal", "datum":
		if waarde != nil {
			v.Waarde = fmt.Sprint(waarde)
		}
	default:
		for _, k := range f.Keuzes {
			w := fmt.Sprint(k.Waarde)
			if b, ok := k.Waarde.(bool); ok {
				w = map[bool]string{true: "ja", false: "nee"}[b]
			}
			v.Opties = append(v.Opties, optie{ID: w, Label: k.Label, Gekozen: waarde != nil && fmt.Sprint(waarde) == fmt.Sprint(k.Waarde)})
		}
	}
	return v
}

// vraagSamenvatting is the question in words, for the top of step 2 and of the answer.
func vraagSamenvatting(kb *kennisbank.Kennisbank, v kennisbank.Vraag) []paar {
	labels := func(soort string, ids []string) string {
		uit := make([]string, len(ids))
		for i, id := range ids {
			uit[i] = kb.Label(soort, id)
		}
		return strings.Join(uit, ", ")
	}
	p := []paar{
		{"Van", kb.Label("partijen", v.Van)},
		{"Naar", labels("partijen", v.Naar)},
		{"Gegevens", labels("gegevens", v.Gegevens)},
		{"Doel", kb.Label("doelen", v.Doel)},
	}
	if v.Convenant != "" {
		p = append(p, paar{"Convenant", kb.Label("convenanten", v.Convenant)})
	}
	if v.Fase != "" {
		p = append(p, paar{"Fase", v.Fase})
	}
	if v.Datum != "" {
		p = append(p, paar{"Datum", kennisbank.DatumTekst(v.Datum)})
	}
	return p
}

// wijzigQuery is the query of the form filled in with the question, to change it.
func wijzigQuery(v kennisbank.Vraag) string {
	return vraagQuery(kennisbank.Vraag{Van: v.Van, Naar: v.Naar, Gegevens: v.Gegevens, Doel: v.Doel, Convenant: v.Convenant, Fase: v.Fase, Datum: v.Datum, Feiten: v.Feiten}) + "&stap=wijzig"
}

// verborgenVelden carry the question and the facts answered so far from one round of the form to the
// next.
func verborgenVelden(v kennisbank.Vraag, onbekend []string) []paar {
	p := []paar{{"van", v.Van}, {"naar", strings.Join(v.Naar, ",")}, {"gegevens", strings.Join(v.Gegevens, ",")}, {"doel", v.Doel}}
	if v.Convenant != "" {
		p = append(p, paar{"convenant", v.Convenant})
	}
	if v.Fase != "" {
		p = append(p, paar{"fase", v.Fase})
	}
	if v.Datum != "" {
		p = append(p, paar{"datum", v.Datum})
	}
	for _, naam := range slices.Sorted(maps.Keys(v.Feiten)) {
		p = append(p, paar{"feit", naam + "=" + fmt.Sprint(v.Feiten[naam])})
	}
	for _, naam := range onbekend {
		p = append(p, paar{"onbekend", naam})
	}
	return p
}

// invoerFout shows the form with a library error about the question (400); anything else is internal.
func (h *Handler) invoerFout(w http.ResponseWriter, r *http.Request, kb *kennisbank.Kennisbank, in invoer, err error) {
	f, ok := veldFoutVan(kb, err)
	if !ok {
		h.interneFout(w, r, "vraag", err)
		return
	}
	in.fouten = append(in.fouten, f)
	h.toonFormulier(w, r, kb, in, http.StatusBadRequest)
}

// evaluatieFout handles an error of an evaluation: bad input is the form (400), a time limit 503, the
// rest internal.
func (h *Handler) evaluatieFout(w http.ResponseWriter, r *http.Request, kb *kennisbank.Kennisbank, in invoer, wat string, err error) {
	if _, ok := veldFoutVan(kb, err); ok {
		h.invoerFout(w, r, kb, in, err)
		return
	}
	if errors.Is(err, context.DeadlineExceeded) && r.Context().Err() == nil {
		w.Header().Set("Retry-After", "1")
		h.toonMelding(w, r, http.StatusServiceUnavailable, "Even geduld", "De vraag kon niet op tijd worden beantwoord; de server is druk. Probeer het zo opnieuw.")
		return
	}
	h.interneFout(w, r, wat, err)
}

// veldFoutVan turns a typed input error of the library into a veldFout, naming the field in Dutch.
func veldFoutVan(kb *kennisbank.Kennisbank, err error) (veldFout, bool) {
	var (
		oid *kennisbank.OnbekendeIDFout
		tf  *kennisbank.TypeFout
		df  *kennisbank.DatumFout
		ovf *kennisbank.OntbrekendVeldFout
		bkf *kennisbank.BuitenKaderFout
	)
	veld := ""
	switch {
	case errors.As(err, &oid):
		veld = oid.Veld
	case errors.As(err, &tf):
		veld = tf.Veld
	case errors.As(err, &df):
		veld = df.Veld
	case errors.As(err, &ovf):
		veld = ovf.Veld
	case errors.As(err, &bkf):
		veld = bkf.Veld
	default:
		return veldFout{}, false
	}
	naam, _, _ := strings.Cut(veld, "[")
	f := veldFout{Veld: "veld-" + naam, Bericht: err.Error()}
	switch naam {
	case "van":
		f.Naam = vraagVan
	case "naar":
		f.Naam = vraagNaar
	case "gegevens":
		f.Naam = vraagGegevens
	case "doel":
		f.Naam = vraagDoel
	case "datum":
		f.Naam = vraagDatum
	default:
		if feit, ok := strings.CutPrefix(veld, "feiten."); ok {
			f.Veld, f.Naam = "feit-"+feit, kb.Label("feiten", feit)
		} else {
			f.Naam = naam
		}
	}
	if _, bericht, ok := strings.Cut(f.Bericht, ": "); ok {
		f.Bericht = hoofdletter(bericht) + "."
	}
	return f, true
}

func hoofdletter(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// vraag serves the answer page GET /vraag?…: the canonical address answers, any other form of the same
// question redirects there (303), bad input gives the form (400).
func (h *Handler) vraag(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	e := h.engine(w, r)
	if e == nil {
		return
	}
	kb := e.Kennisbank()
	in := leesInvoer(r.URL.Query(), kb, h.opts.klok())
	if !in.gegeven {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	if len(in.fouten) > 0 {
		h.toonFormulier(w, r, kb, in, http.StatusBadRequest)
		return
	}
	if in.v.Datum == "" {
		in.v.Datum = h.vandaag() // the address keeps the date, so that it answers the same tomorrow
	}
	if _, err := kb.Controleer(in.v, h.opts.klok()); err != nil {
		h.invoerFout(w, r, kb, in, err)
		return
	}
	if canoniek := vraagQuery(in.v); r.URL.RawQuery != canoniek {
		http.Redirect(w, r, "/vraag?"+canoniek, http.StatusSeeOther)
		return
	}
	klaar, ok := h.wachtBeurt(r.Context())
	if !ok {
		return
	}
	ctx, stop := context.WithTimeout(r.Context(), h.opts.tijdslimiet)
	a, err := e.Beantwoord(ctx, in.v)
	stop()
	klaar()
	eind := time.Now()
	if err != nil {
		h.evaluatieFout(w, r, kb, in, "antwoord", err)
		return
	}
	// The page goes out in two parts: the verdict, the legal chain, the checklist and the rest of the answer
	// as soon as the answer is there, and then the open facts (a trial per fact, often most of the time),
	// so that the professional reads the answer while the page asks the rules which facts can change it.
	s := &stroom{w: w, status: http.StatusOK}
	p := antwoordPaginaVan(kb, in.v, a)
	p.Open = func() feitenBlok {
		s.spoel()
		open, err := h.openFeiten(r.Context(), e, in.v)
		if err != nil {
			h.openFeitenFout(r, err)
			return feitenBlok{Onbepaald: true}
		}
		return feitenBlokVan(in.v, open)
	}
	h.schrijfStroom(s, "antwoord", p)
	if h.opts.bon != nil {
		h.roepBon(r.Context(), in.v, a, start, eind)
	}
}

// openFeitenFout: the open facts of an answer page that is already partly sent failed. The page says so
// in their place; an error that is not a time limit or a client that left is logged as internal.
func (h *Handler) openFeitenFout(r *http.Request, err error) {
	if r.Context().Err() != nil || errors.Is(err, context.DeadlineExceeded) {
		return
	}
	h.logInterneFout("open feiten", err)
}

// roepBon calls the receipt hook; the page is already written, so a panic in it is only logged.
func (h *Handler) roepBon(ctx context.Context, v kennisbank.Vraag, a library.Antwoord, start, eind time.Time) {
	defer func() {
		if p := recover(); p != nil {
			h.opts.log.Error("paniek in de bon-hook")
		}
	}()
	h.opts.bon(ctx, v, a, start, eind)
}

// antwoordPagina is the answer page.
type antwoordPagina struct {
	Basis
	Oordeel       oordeelBlok
	Samenvatting  []paar
	Adres         string
	WijzigAdres   string
	Keten         []ketenStap
	Redenen       []paar
	Voorwaarden   []voorwaardeRegel
	Grondslagen   []grondslagRegel
	Alternatieven []alternatiefRegel
	Ontbrekend    []paar
	FG            string
	Open          func() feitenBlok // the open facts; the page calls it where they go, after the answer
	Deeloordelen  []deelRegel
	Vraagbaak     []paar
}

// feitenBlok is the part of the answer page with the facts that can still change the answer, as a form.
type feitenBlok struct {
	Feiten    []feitVeld
	Verborgen []paar
	Onbepaald bool // they could not be determined (time limit or error); the page says so
}

// feitenBlokVan gives the form of the open facts the question does not give.
func feitenBlokVan(v kennisbank.Vraag, open []kennisbank.Feitvraag) feitenBlok {
	var b feitenBlok
	for _, f := range open {
		if _, bekend := v.Feiten[f.ID]; !bekend {
			b.Feiten = append(b.Feiten, nieuwFeitVeld(f, nil))
		}
	}
	if len(b.Feiten) > 0 {
		b.Verborgen = verborgenVelden(v, nil)
	}
	return b
}

type oordeelBlok struct {
	ID, Klasse, Symbool, Woord, Samenvatting, Zekerheid string
}

type ketenStap struct {
	Label, Titel, Tekst string
	Grondslagen         []string
}

type voorwaardeRegel struct{ ID, Label, Tekst string }

type grondslagRegel struct{ ID, Titel, URL, Zekerheid string }

type alternatiefRegel struct{ Tekst, Adres, Oordeel string }

type deelRegel struct{ Naar, Gegevens, Klasse, Symbool, Woord, ID string }

// oordeelKlasse is the CSS class of a verdict (colour); the word and symbol always go with it.
func oordeelKlasse(o kennisbank.Oordeel) string {
	switch o {
	case kennisbank.Toegestaan:
		return "oordeel-ja"
	case kennisbank.ToegestaanOnderVoorwaarden:
		return "oordeel-voorwaarden"
	case kennisbank.Onbepaald:
		return "oordeel-onbepaald"
	case kennisbank.NietToegestaan:
		return "oordeel-nee"
	}
	return "oordeel-fout"
}

// antwoordPaginaVan gives the answer page without its open facts (p.Open).
func antwoordPaginaVan(kb *kennisbank.Kennisbank, v kennisbank.Vraag, a library.Antwoord) antwoordPagina {
	p := antwoordPagina{
		Basis:        Basis{Titel: kb.Label("oordelen", string(a.Oordeel)) + " – Mag ik dit delen?", Versie: a.Kennisbank.Versie},
		Samenvatting: vraagSamenvatting(kb, v),
		Adres:        VraagAdres(v),
		WijzigAdres:  "/?" + wijzigQuery(v),
		Oordeel: oordeelBlok{
			ID: string(a.Oordeel), Klasse: oordeelKlasse(a.Oordeel), Symbool: a.Oordeel.Symbool(),
			Woord: kb.Label("oordelen", string(a.Oordeel)), Samenvatting: a.Samenvatting, Zekerheid: kb.Label("zekerheden", a.Zekerheid),
		},
	}
	// The frame: under a covenant, or the statutory routes.
	kader := "de wettelijke routes (geen convenant)"
	if a.Kader.Convenant != nil {
		naam := a.Kader.Naam
		if naam == "" {
			naam = kb.Label("convenanten", *a.Kader.Convenant)
		}
		if a.Kader.Route == "convenant" {
			kader = naam + ", binnen de kring en de doelen van het convenant"
		} else {
			kader = "een eigen wettelijke route, niet de kring van " + naam
		}
	}
	p.Samenvatting = append(p.Samenvatting, paar{"Kader", kader})
	for _, naam := range slices.Sorted(maps.Keys(v.Feiten)) {
		p.Samenvatting = append(p.Samenvatting, paar{kb.Label("feiten", naam), kb.WaardeTekst(naam, v.Feiten[naam])})
	}
	inKeten := map[string]bool{}
	for _, s := range a.Keten {
		inKeten[s.Route] = true
		stap := ketenStap{Label: s.Label, Tekst: s.Tekst}
		if stap.Label == "" {
			stap.Label = kb.Label("lagen", s.Laag)
		}
		switch s.Status {
		case "geen_route":
			stap.Titel = "geen route (" + strings.ToLower(kb.Label("oordelen", string(s.Oordeel))) + ")"
		case "onbekend":
			stap.Titel = "hangt af van een ontbrekend feit"
		default:
			stap.Titel = strings.TrimSuffix(s.Titel, ".")
		}
		for _, g := range s.Grondslagen {
			info, _ := kb.Grondslag(g)
			stap.Grondslagen = append(stap.Grondslagen, cmpOr(info.Titel, g))
		}
		p.Keten = append(p.Keten, stap)
	}
	for _, r := range a.Redenen {
		if !inKeten[r.ID] {
			p.Redenen = append(p.Redenen, paar{r.Titel, r.Tekst})
		}
	}
	for _, vw := range a.Voorwaarden {
		p.Voorwaarden = append(p.Voorwaarden, voorwaardeRegel{ID: vw.ID, Label: cmpOr(vw.Label, kb.Label("voorwaarden", vw.ID)), Tekst: vw.Tekst})
	}
	for _, g := range a.Grondslagen {
		r := grondslagRegel{ID: g.ID, Titel: g.Titel}
		if kennisbank.OfficieleBron(g.Bron) {
			r.URL = g.Bron
		}
		if kb.MetVoorbehoud(g.Zekerheid) {
			r.Zekerheid = kb.Label("zekerheden", g.Zekerheid)
		}
		p.Grondslagen = append(p.Grondslagen, r)
	}
	for _, alt := range a.Alternatieven {
		nieuw := v
		nieuw.Feiten = maps.Clone(v.Feiten)
		for k, w := range alt.Feiten {
			if nieuw.Feiten == nil {
				nieuw.Feiten = map[string]any{}
			}
			nieuw.Feiten[k] = w
		}
		if alt.Doel != "" {
			nieuw.Doel = alt.Doel
			if c := kb.DoelConvenant(alt.Doel); c != "" && v.Convenant != "" {
				nieuw.Convenant = c
			} else if c == "" {
				nieuw.Convenant = ""
			}
		}
		if len(alt.Naar) > 0 {
			nieuw.Naar = kennisbank.Ontvangers(alt.Naar)
		}
		p.Alternatieven = append(p.Alternatieven, alternatiefRegel{Tekst: alt.Tekst, Adres: VraagAdres(nieuw), Oordeel: kb.Label("oordelen", string(alt.Oordeel))})
	}
	for _, f := range a.OntbrekendeFeiten {
		feit, _ := kb.Feit(f)
		p.Ontbrekend = append(p.Ontbrekend, paar{kb.Label("feiten", f), feit.Vraag})
	}
	if a.Oordeel == kennisbank.Onbepaald {
		p.FG = kb.Label("partijen", v.Van)
	}
	if len(a.Deeloordelen) > 1 {
		for _, d := range a.Deeloordelen {
			p.Deeloordelen = append(p.Deeloordelen, deelRegel{
				Naar: kb.Label("partijen", d.Naar), Gegevens: kb.Label("gegevens", d.Gegevens), ID: string(d.Oordeel),
				Klasse: oordeelKlasse(d.Oordeel), Symbool: d.Oordeel.Symbool(), Woord: kb.Label("oordelen", string(d.Oordeel)),
			})
		}
	}
	for _, l := range a.Vraagbaak {
		item, _ := kb.Vraagbaakitem(l.ID)
		p.Vraagbaak = append(p.Vraagbaak, paar{l.Vraag, item.Samenvatting})
	}
	return p
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

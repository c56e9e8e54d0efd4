package library

import "github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"

// Antwoord is the answer to a Vraag. Its JSON is the answer JSON of the contract (§2), with more keys.
type Antwoord struct {
	Oordeel           kennisbank.Oordeel `json:"oordeel"`
	Samenvatting      string             `json:"samenvatting"`
	Zekerheid         string             `json:"zekerheid"`
	Grondslagen       []Grondslag        `json:"grondslagen"`
	Voorwaarden       []Voorwaarde       `json:"voorwaarden"`
	Redenen           []Reden            `json:"redenen"`
	Alternatieven     []Alternatief      `json:"alternatieven"`
	OntbrekendeFeiten []string           `json:"ontbrekende_feiten"`
	Deeloordelen      []Deeloordeel      `json:"deeloordelen"`
	Keten             []Stap             `json:"keten"`
	Kader             Kader              `json:"kader"`
	Vraag             BeoordeeldeVraag   `json:"vraag"`
	Kennisbank        KennisbankInfo     `json:"kennisbank"`
	// Vraagbaak are at most three vraagbaak entries about the parties, categories, purpose and covenant
	// of the question, most relevant first (see Kennisbank.Vraagbaakitem for the entry itself).
	Vraagbaak []Vraagbaakverwijzing `json:"vraagbaak"`
}

// Vraagbaakverwijzing points an answer to a vraagbaak entry.
type Vraagbaakverwijzing struct {
	ID    string `json:"id"`
	Vraag string `json:"vraag"`
}

// Grondslag is a citation of a legal ground, with a link to the official text.
type Grondslag struct {
	ID        string `json:"id"`
	Titel     string `json:"titel"`
	Bron      string `json:"bron"`
	Zekerheid string `json:"zekerheid"`
}

// Voorwaarde is one item of the checklist.
type Voorwaarde struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Tekst string `json:"tekst"`
}

// Reden explains a verdict: a rule that blocked the share, or the route a layer followed.
type Reden struct {
	ID    string `json:"id"`
	Titel string `json:"titel"`
	Tekst string `json:"tekst"`
}

// Alternatief is a change of facts, purpose or recipient that gives a less strict verdict, evaluated by
// the same rules.
type Alternatief struct {
	Tekst   string             `json:"tekst"`
	Feiten  map[string]any     `json:"feiten"`
	Doel    string             `json:"doel,omitempty"`
	Naar    []string           `json:"naar,omitempty"`
	Oordeel kennisbank.Oordeel `json:"oordeel"`
}

// Deeloordeel is the verdict for one recipient and one category.
type Deeloordeel struct {
	Naar              string             `json:"naar"`
	Gegevens          string             `json:"gegevens"`
	Oordeel           kennisbank.Oordeel `json:"oordeel"`
	Zekerheid         string             `json:"zekerheid"`
	Grondslagen       []Grondslag        `json:"grondslagen"`
	Voorwaarden       []Voorwaarde       `json:"voorwaarden"`
	Redenen           []Reden            `json:"redenen"`
	OntbrekendeFeiten []string           `json:"ontbrekende_feiten"`
	Keten             []Stap             `json:"keten"`
}

// Stap is one layer of the legal chain: which route the layer followed, or why it has none.
type Stap struct {
	Laag        string             `json:"laag"`
	Label       string             `json:"label"`
	Status      string             `json:"status"` // route, onbekend or geen_route
	Route       string             `json:"route"`
	Titel       string             `json:"titel"`
	Tekst       string             `json:"tekst"`
	Oordeel     kennisbank.Oordeel `json:"oordeel"`
	Grondslagen []string           `json:"grondslagen"`
}

// Kader says whether the share was judged under a covenant or through the statutory routes.
type Kader struct {
	Convenant *string `json:"convenant"` // null when no covenant applies
	Naam      string  `json:"naam,omitempty"`
	Route     string  `json:"route"` // convenant or wettelijk
}

// BeoordeeldeVraag is the question as the rules read it: roles resolved, date filled in and the
// covenant table (overleg_deelnemers) written out in Ontvangers.
type BeoordeeldeVraag struct {
	Van        string         `json:"van"`
	Naar       []string       `json:"naar"`
	Ontvangers []string       `json:"ontvangers"`
	Gegevens   []string       `json:"gegevens"`
	Doel       string         `json:"doel"`
	Convenant  string         `json:"convenant,omitempty"`
	Fase       string         `json:"fase,omitempty"`
	Datum      string         `json:"datum"`
	Feiten     map[string]any `json:"feiten"`
}

// KennisbankInfo identifies the knowledge base that produced an answer.
type KennisbankInfo struct {
	Versie string `json:"versie"`
}

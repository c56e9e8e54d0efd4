package kennisbank

import (
	"encoding/json"
	"slices"
	"sync"
)

// Convenant is one covenant, statutory scheme or bill of the knowledge base (convenanten/<id>.yaml),
// typed as the schema describes it. Optional fields are zero when the file leaves them out; a list
// that the file gives as empty ([]) is non-nil, so a view can tell "none" from "not said" (max_gegevens).
// Data() keeps the plain form the rules read.
type Convenant struct {
	ID              string            `json:"id"`
	Naam            string            `json:"naam"`
	KorteNaam       string            `json:"korte_naam,omitempty"`
	Soort           string            `json:"soort"`
	Status          string            `json:"status"`
	Omschrijving    string            `json:"omschrijving"`
	GeldigVanaf     string            `json:"geldig_vanaf,omitempty"`
	GeldigTot       string            `json:"geldig_tot,omitempty"`
	Zekerheid       string            `json:"zekerheid"`
	Kring           string            `json:"kring,omitempty"` // gesloten (default) or open
	Fasen           []string          `json:"fasen,omitempty"`
	VereistFeiten   map[string]any    `json:"vereist_feiten,omitempty"` // a bill: evaluated only "stel dat" these facts hold
	Bronnen         []Bron            `json:"bronnen,omitempty"`
	Artikelen       []Artikel         `json:"artikelen,omitempty"`
	WettelijkeBasis []WettelijkeBasis `json:"wettelijke_basis,omitempty"`
	Bewaartermijn   *Bewaartermijn    `json:"bewaartermijn,omitempty"`
	KringBijWet     *KringBijWet      `json:"kring_bij_wet,omitempty"`
	Geheimhouding   *Geheimhouding    `json:"geheimhouding,omitempty"`
	Inclusie        *Inclusiecriteria `json:"inclusiecriteria,omitempty"`
	Deelnemers      []Deelnemer       `json:"deelnemers,omitempty"`
	Niveaus         []Niveau          `json:"niveaus,omitempty"`
	Doelen          []ConvenantDoel   `json:"doelen"`
	Routes          []Route           `json:"routes,omitempty"`
	OpenVragen      []string          `json:"open_vragen,omitempty"`
}

// Bron is a source of a covenant: a title and its address.
type Bron struct {
	Titel string `json:"titel"`
	URL   string `json:"url"`
}

// Artikel is an article of a covenant text, with the address of its source.
type Artikel struct {
	ID    string `json:"id"`
	Titel string `json:"titel"`
	Bron  string `json:"bron"`
}

// WettelijkeBasis is a law that underlies a covenant, in a window (vanaf, tot).
type WettelijkeBasis struct {
	Grondslag string `json:"grondslag"`
	Vanaf     string `json:"vanaf,omitempty"`
	Tot       string `json:"tot,omitempty"`
	Tekst     string `json:"tekst,omitempty"`
}

// Bewaartermijn is how long a covenant's data may be kept.
type Bewaartermijn struct {
	Jaren     *int   `json:"jaren,omitempty"`
	Vanaf     string `json:"vanaf,omitempty"` // eerste_verwerking or sluiting
	Grondslag string `json:"grondslag,omitempty"`
	Tekst     string `json:"tekst,omitempty"`
	Zekerheid string `json:"zekerheid,omitempty"`
}

// KringBijWet is the window in which a law fixes a covenant's circle of participants (the WGS), with the
// legal grounds and whether third parties may join a case (derden).
type KringBijWet struct {
	Vanaf             string   `json:"vanaf,omitempty"`
	Tot               string   `json:"tot,omitempty"`
	Grondslagen       []string `json:"grondslagen,omitempty"`
	Derden            string   `json:"derden,omitempty"` // incidenteel or geen
	DerdenGrondslagen []string `json:"derden_grondslagen,omitempty"`
	Tekst             string   `json:"tekst,omitempty"`
}

// Geheimhouding is the window of a statutory duty of secrecy for everyone involved in a covenant.
type Geheimhouding struct {
	Vanaf       string   `json:"vanaf,omitempty"`
	Tot         string   `json:"tot,omitempty"`
	Grondslagen []string `json:"grondslagen,omitempty"`
	Tekst       string   `json:"tekst,omitempty"`
}

// Inclusiecriteria say when a case falls under a covenant.
type Inclusiecriteria struct {
	Tekst     string `json:"tekst"`
	Bron      string `json:"bron,omitempty"`
	Zekerheid string `json:"zekerheid,omitempty"`
}

// Deelnemer is a participant of a covenant in a window (vanaf, tot).
type Deelnemer struct {
	Partij       string        `json:"partij"`
	Deelname     string        `json:"deelname,omitempty"` // vast or per_casus
	WGS          *bool         `json:"wgs,omitempty"`      // nil: the file does not say
	AanTafel     *bool         `json:"aan_tafel,omitempty"`
	Zekerheid    string        `json:"zekerheid,omitempty"`
	Bron         string        `json:"bron,omitempty"`
	Vanaf        string        `json:"vanaf,omitempty"`
	Tot          string        `json:"tot,omitempty"`
	Organisaties []Organisatie `json:"organisaties,omitempty"`
}

// Organisatie is a named organisation that takes part for a party.
type Organisatie struct {
	ID   string `json:"id,omitempty"`
	Naam string `json:"naam"`
}

// Niveau is a level of escalation of a covenant (AVE): who directs and what is shared.
type Niveau struct {
	Fase        string `json:"fase"`
	Kleur       string `json:"kleur,omitempty"`
	Casusregie  string `json:"casusregie,omitempty"`
	Procesregie string `json:"procesregie,omitempty"`
	Bestuurlijk string `json:"bestuurlijk,omitempty"`
	Delen       string `json:"delen,omitempty"`
}

// ConvenantDoel is a purpose of a covenant. MaxGegevens is nil when the file does not limit the data,
// empty when no personal data may go, and ["*"] for every category as far as necessary.
type ConvenantDoel struct {
	ID              string            `json:"id"`
	Label           string            `json:"label"`
	Synoniemen      []string          `json:"synoniemen,omitempty"`
	Omschrijving    string            `json:"omschrijving,omitempty"`
	Stap            *int              `json:"stap,omitempty"`
	Fase            string            `json:"fase,omitempty"`
	Beslist         string            `json:"beslist,omitempty"`
	VereistInclusie *bool             `json:"vereist_inclusie,omitempty"`
	Informeren      *bool             `json:"informeren,omitempty"`
	MaxGegevens     []string          `json:"max_gegevens,omitempty"`
	Voorwaarden     []string          `json:"voorwaarden,omitempty"`
	VerenigbaarMet  []string          `json:"verenigbaar_met,omitempty"`
	Wetten          []string          `json:"wetten,omitempty"`
	Alternatieven   []DoelAlternatief `json:"alternatieven,omitempty"`
	Gesloten        bool              `json:"gesloten,omitempty"`
	VereistRol      *bool             `json:"vereist_rol_in_casus,omitempty"` // only for a party with a role in the case
}

// DoelAlternatief is what a purpose suggests when a share is not allowed: another purpose or recipient.
type DoelAlternatief struct {
	Doel  string `json:"doel,omitempty"`
	Naar  string `json:"naar,omitempty"`
	Tekst string `json:"tekst"`
}

// Route is a route of the knowledge base (routes.yaml or a covenant's own routes): who may share what
// with whom for which purposes, on which legal grounds and conditions.
type Route struct {
	ID          string         `json:"id"`
	Convenant   string         `json:"convenant,omitempty"` // the covenant whose file holds the route; "" for routes.yaml
	Titel       string         `json:"titel"`
	Tekst       string         `json:"tekst,omitempty"`
	Lagen       []string       `json:"lagen,omitempty"`
	Van         []string       `json:"van,omitempty"`
	Naar        []string       `json:"naar,omitempty"`
	Doelen      []string       `json:"doelen,omitempty"`
	DoelWetten  []string       `json:"doel_wetten,omitempty"`
	Gegevens    []string       `json:"gegevens,omitempty"`
	GeldigVanaf string         `json:"geldig_vanaf,omitempty"`
	GeldigTot   string         `json:"geldig_tot,omitempty"`
	Feiten      map[string]any `json:"feiten,omitempty"`
	Handelingen []Handeling    `json:"handelingen,omitempty"`
	Grondslagen []string       `json:"grondslagen,omitempty"`
	Voorwaarden []string       `json:"voorwaarden,omitempty"`
	Oordeel     string         `json:"oordeel,omitempty"`
	Zekerheid   string         `json:"zekerheid,omitempty"`

	EigenGrondslag      bool `json:"eigen_grondslag,omitempty"`      // the route needs a ground of the party's own
	BuitenOverheidstaak bool `json:"buiten_overheidstaak,omitempty"` // not for a purpose that is a public task
	Zelfstandig         bool `json:"zelfstandig,omitempty"`          // decides the share on its own, covenant or not
	VerdereVerwerking   bool `json:"verdere_verwerking,omitempty"`
}

// Handeling is an action a route asks for when a fact has a value: a condition on the checklist.
type Handeling struct {
	Feit            string `json:"feit"`
	Waarde          any    `json:"waarde"`
	Voorwaarde      string `json:"voorwaarde"`
	BijMinderjarige string `json:"bij_minderjarige,omitempty"`
	Stelsel         string `json:"stelsel,omitempty"` // avg or geheim
}

// getypeerd holds the typed covenants and routes, decoded from the data on first use.
type getypeerd struct {
	once        sync.Once
	convenanten map[string]*Convenant
	routes      []Route
}

// typeerConvenanten decodes the covenants and routes of the data once.
func (k *Kennisbank) typeerConvenanten() *getypeerd {
	k.getypeerd.once.Do(func() {
		k.getypeerd.convenanten = typeerLijst[Convenant](k, "convenanten")
		routes, _ := k.data["routes"].([]any)
		for _, r := range routes {
			var t Route
			if decodeer(r, &t) {
				k.getypeerd.routes = append(k.getypeerd.routes, t)
			}
		}
	})
	return &k.getypeerd
}

// decodeer reads plain data (as the loader gives it) into a typed value; false if it does not fit.
func decodeer(v, uit any) bool {
	bs, err := json.Marshal(v)
	return err == nil && json.Unmarshal(bs, uit) == nil
}

// Routes returns every route of the knowledge base, typed, in the order the rules see them
// (data.kennisbank.routes): those of routes.yaml and those of the covenants' own files. The lists are
// shared and must not be changed.
func (k *Kennisbank) Routes() []Route { return slices.Clone(k.typeerConvenanten().routes) }

// Convenant returns covenant id, typed; ok is false for an unknown id. The result is the caller's copy
// at its top level; its lists are shared and must not be changed.
func (k *Kennisbank) Convenant(id string) (c Convenant, ok bool) {
	return opgezocht(k.typeerConvenanten().convenanten, id)
}

package kennisbank

import (
	"encoding/json"
	"sync"
)

// Partij is one party (role) of partijen.yaml, typed as the schema describes it.
type Partij struct {
	ID            string        `json:"id"`
	Label         string        `json:"label"`
	Synoniemen    []string      `json:"synoniemen,omitempty"`
	Omschrijving  string        `json:"omschrijving"`
	Soort         string        `json:"soort"`                 // organisatie, or a pseudo-role (overleg, betrokkene, ...)
	Organisatie   string        `json:"organisatie,omitempty"` // the party this function acts for; "" for itself
	Regime        string        `json:"regime"`                // avg, wpg or wjsg
	RegimeVanaf   string        `json:"regime_vanaf,omitempty"`
	Publiek       bool          `json:"publiek"`
	Geheimhouding Beroepsgeheim `json:"geheimhouding"`
	Taak          Taak          `json:"taak"`
	Zekerheid     string        `json:"zekerheid"`
	Toelichting   string        `json:"toelichting,omitempty"`
}

// Beroepsgeheim is a party's duty of secrecy: its kind (beroepsgeheim, wettelijk or geen), whether it is
// strict (only consent, a statutory duty, a right to report or a conflict of duties break it), what it
// covers and its legal grounds.
type Beroepsgeheim struct {
	Soort       string   `json:"soort"`
	Strikt      bool     `json:"strikt"`
	Omvat       *Omvang  `json:"omvat,omitempty"` // nil: the file does not say
	Grondslagen []string `json:"grondslagen"`
}

// Omvang is what a duty of secrecy covers: every datum ("alle": even name and address tell that someone is
// a client) or the listed categories.
type Omvang struct {
	Alle     bool
	Gegevens []string
}

// UnmarshalJSON reads "alle" or a list of category ids.
func (o *Omvang) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*o = Omvang{Alle: s == "alle"}
		return nil
	}
	*o = Omvang{}
	return json.Unmarshal(b, &o.Gegevens)
}

// MarshalJSON writes the form UnmarshalJSON reads.
func (o Omvang) MarshalJSON() ([]byte, error) {
	if o.Alle {
		return json.Marshal("alle")
	}
	return json.Marshal(o.Gegevens)
}

// Taak is a party's own statutory task: the legal grounds for AVG art. 6, the purposes of that task and
// the laws it gathers data for.
type Taak struct {
	Grondslagen []string `json:"grondslagen"`
	Doelen      []string `json:"doelen"`
	Wetten      []string `json:"wetten,omitempty"`
}

// Categorie is one category of personal data (gegevens.yaml, gegevens).
type Categorie struct {
	ID            string   `json:"id"`
	Label         string   `json:"label"`
	Synoniemen    []string `json:"synoniemen,omitempty"`
	Omschrijving  string   `json:"omschrijving"`
	Klassen       []string `json:"klassen"`                  // AVG classes: gewoon, art9, art10
	BijzondereWet string   `json:"bijzondere_wet,omitempty"` // wpg or wjsg: data of a closed regime
	BSN           bool     `json:"bsn,omitempty"`
	Toelichting   string   `json:"toelichting,omitempty"`
}

// VoorwaardeInfo is one condition of voorwaarden.yaml (an answer lists it as a Voorwaarde on the checklist).
type VoorwaardeInfo struct {
	ID          string              `json:"id"`
	Label       string              `json:"label"`
	Tekst       string              `json:"tekst"`
	Varianten   []VoorwaardeVariant `json:"varianten,omitempty"`
	Generiek    bool                `json:"generiek,omitempty"` // holds for every share; does not make a yes conditional
	Grondslagen []string            `json:"grondslagen,omitempty"`
}

// VoorwaardeVariant is the wording of a condition when a fact has a value.
type VoorwaardeVariant struct {
	Feit   string `json:"feit"`
	Waarde any    `json:"waarde"`
	Tekst  string `json:"tekst"`
}

// Partij returns party id, typed; ok is false for an unknown id. Its lists are shared and must not be
// changed.
func (k *Kennisbank) Partij(id string) (p Partij, ok bool) {
	return opgezocht(k.typeerWoorden().partijen, id)
}

// Categorie returns data category id, typed; ok is false for an unknown id.
func (k *Kennisbank) Categorie(id string) (c Categorie, ok bool) {
	return opgezocht(k.typeerWoorden().categorieen, id)
}

// Voorwaarde returns condition id, typed; ok is false for an unknown id.
func (k *Kennisbank) Voorwaarde(id string) (v VoorwaardeInfo, ok bool) {
	return opgezocht(k.typeerWoorden().voorwaarden, id)
}

// getypeerdeWoorden holds the typed parties, categories and conditions, decoded on first use: the
// questions of the CLI never need them, and decoding them costs more than the rest of the vocabulary.
type getypeerdeWoorden struct {
	once        sync.Once
	partijen    map[string]*Partij
	categorieen map[string]*Categorie
	voorwaarden map[string]*VoorwaardeInfo
}

func (k *Kennisbank) typeerWoorden() *getypeerdeWoorden {
	k.woordenGetypeerd.once.Do(func() {
		k.woordenGetypeerd.partijen = typeerLijst[Partij](k, "partijen")
		k.woordenGetypeerd.categorieen = typeerLijst[Categorie](k, "gegevens")
		k.woordenGetypeerd.voorwaarden = typeerLijst[VoorwaardeInfo](k, "voorwaarden")
	})
	return &k.woordenGetypeerd
}

func opgezocht[T any](m map[string]*T, id string) (T, bool) {
	p, ok := m[id]
	if !ok {
		var nul T
		return nul, false
	}
	return *p, true
}

// typeerLijst decodes the items of one kind of the data (a map of id to item) as type T, in one pass. A
// field of the wrong type stays zero and the rest is read (encoding/json); the schema check reports it.
func typeerLijst[T any](k *Kennisbank, soort string) map[string]*T {
	uit := map[string]*T{}
	if bs, err := json.Marshal(k.data[soort]); err == nil {
		_ = json.Unmarshal(bs, &uit) // a type error leaves that field zero and reads the rest
	}
	return uit
}

package kennisbank

import "strings"

// Why a fact is open (Feitvraag.Reden), as the rules say it.
const (
	RedenOntbrekend  = "ontbrekend"  // the verdict is onbepaald until this fact is known
	RedenAlternatief = "alternatief" // an alternative needs it to give a less strict verdict
	RedenVerandert   = "verandert"   // one of its values gives another verdict or another checklist
)

// Feitvraag is a fact that the question does not give and that can still change the answer, ready to be
// asked: its question text and type from feiten.yaml and, where the values are a list, the options.
type Feitvraag struct {
	ID     string  `json:"id"`
	Label  string  `json:"label"`
	Vraag  string  `json:"vraag"`
	Type   string  `json:"type"` // ja_nee, keuze, geheel_getal, datum, partij or doel
	Keuzes []Keuze `json:"keuzes,omitempty"`
	Reden  string  `json:"reden"` // RedenOntbrekend, RedenAlternatief or RedenVerandert
}

// Feitvraag returns fact id as a question: its label, question text and type from feiten.yaml, and its
// options: ja and nee for a ja/nee fact, the values for a choice, the parties or the purposes (with their
// labels) for a party or a purpose; none for a number or a date. ok is false for an unknown fact.
func (k *Kennisbank) Feitvraag(feit string) (f Feitvraag, ok bool) {
	info, ok := k.Feit(feit)
	if !ok {
		return Feitvraag{}, false
	}
	f = Feitvraag{ID: feit, Label: info.Label, Vraag: info.Vraag, Type: info.Type}
	if f.Vraag == "" {
		f.Vraag = f.Label + "?"
	}
	switch f.Type {
	case "ja_nee":
		f.Keuzes = []Keuze{
			{ID: "ja", Label: "ja", Waarde: true, Synoniemen: []string{"j", "true", "waar"}},
			{ID: "nee", Label: "nee", Waarde: false, Synoniemen: []string{"n", "false", "onwaar"}},
		}
	case "keuze":
		for _, s := range info.Waarden {
			f.Keuzes = append(f.Keuzes, Keuze{ID: s, Label: strings.ReplaceAll(s, "_", " "), Waarde: s})
		}
	case "partij":
		f.Keuzes = k.Keuzes("partijen")
	case "doel":
		f.Keuzes = k.Keuzes("oorsprongen")
	}
	return f, true
}

package kennisbank

import (
	"fmt"
	"strings"
)

// OnbekendeIDFout reports an id that the knowledge base does not know, with the closest known ids.
type OnbekendeIDFout struct {
	Veld       string   // the field of the question, e.g. "naar[1]" or "feiten.verzocht_door"
	Waarde     string   // the unknown id
	Soort      string   // the vocabulary: partijen, gegevens, doelen, convenanten, fasen, feiten, waarden
	Suggesties []string // closest known ids, closest first
	Opties     []string // for Soort "waarden": the allowed values of the fact
}

func (e *OnbekendeIDFout) Error() string {
	s := fmt.Sprintf("%s: %s %q", e.Veld, onbekend(e.Soort), Kort(e.Waarde))
	if e.Soort == "waarden" && len(e.Opties) > 0 {
		s += "; kies uit " + strings.Join(e.Opties, ", ")
	}
	if len(e.Suggesties) > 0 {
		s += "; bedoelde u " + strings.Join(quote(e.Suggesties), " of ") + "?"
	}
	return s
}

// TypeFout reports a value of the wrong type or outside the allowed values.
type TypeFout struct {
	Veld     string
	Verwacht string
	Gekregen string
}

func (e *TypeFout) Error() string {
	if e.Veld == "" { // the document itself
		return fmt.Sprintf("verwacht %s, kreeg %s", e.Verwacht, Kort(e.Gekregen))
	}
	return fmt.Sprintf("%s: verwacht %s, kreeg %s", e.Veld, e.Verwacht, Kort(e.Gekregen))
}

// DatumFout reports a date that is not a valid ISO date (JJJJ-MM-DD), with what it probably means or
// why it does not exist, when that can be told.
type DatumFout struct {
	Veld    string
	Waarde  string
	Bedoeld string // the ISO date a Dutch date (1-3-2026) means, if it is one
	Reden   string // why the date does not exist, e.g. "februari 2026 heeft 28 dagen"
}

func (e *DatumFout) Error() string {
	s := fmt.Sprintf("%s: ongeldige datum %q, verwacht JJJJ-MM-DD", e.Veld, Kort(e.Waarde))
	switch {
	case e.Bedoeld != "":
		s += fmt.Sprintf("; bedoelde u %s?", e.Bedoeld)
	case e.Reden != "":
		s += ": " + e.Reden
	}
	return s
}

// OntbrekendVeldFout reports a required field that is missing or empty; Velden lists every missing
// required field of the question (Veld is the first).
type OntbrekendVeldFout struct {
	Veld   string
	Velden []string
}

func (e *OntbrekendVeldFout) Error() string {
	if len(e.Velden) > 1 {
		return "verplichte velden ontbreken: " + strings.Join(e.Velden, ", ")
	}
	return fmt.Sprintf("%s: verplicht veld ontbreekt", e.Veld)
}

// JSONFout reports malformed question JSON, a duplicate or an unknown key.
type JSONFout struct {
	Veld    string // the offending key, if known
	Bericht string
	Regel   int // the position in the input, from 1, when known
	Kolom   int
	Dubbel  bool // Veld occurs twice in one object
}

func (e *JSONFout) Error() string {
	plek := ""
	if e.Regel > 0 {
		plek = fmt.Sprintf(" (regel %d, kolom %d)", e.Regel, e.Kolom)
	}
	if e.Veld != "" {
		return fmt.Sprintf("%s: %s%s", Kort(e.Veld), e.Bericht, plek)
	}
	return "ongeldige JSON" + plek + ": " + e.Bericht
}

// maxKort is the length at which Kort cuts a value.
const maxKort = 60

// Kort cuts a value that someone typed to at most 60 characters for a message, so that a mistaken
// paste of a whole document does not fill the screen.
func Kort(s string) string {
	r := []rune(s)
	if len(r) <= maxKort {
		return s
	}
	return string(r[:maxKort-1]) + fmt.Sprintf("… (%d tekens)", len(r))
}

// KennisbankFout is one problem in the knowledge base, with its position.
type KennisbankFout struct {
	Soort      string // the kind of problem, a stable id: yaml, schema, onbekende_verwijzing, dubbel_id, …
	Bestand    string
	Regel      int
	Kolom      int
	Pointer    string // JSON pointer into the file
	Bericht    string
	Suggesties []string
}

func (e KennisbankFout) Error() string {
	var b strings.Builder
	b.WriteString(e.Bestand)
	if e.Regel > 0 {
		fmt.Fprintf(&b, ":%d", e.Regel)
		if e.Kolom > 0 {
			fmt.Fprintf(&b, ":%d", e.Kolom)
		}
	}
	if e.Pointer != "" {
		fmt.Fprintf(&b, " (%s)", e.Pointer)
	}
	b.WriteString(": ")
	b.WriteString(e.Bericht)
	if len(e.Suggesties) > 0 {
		b.WriteString("; bedoelde u " + strings.Join(quote(e.Suggesties), " of ") + "?")
	}
	return b.String()
}

// KennisbankFouten is the list of problems found while loading a knowledge base.
type KennisbankFouten []KennisbankFout

func (f KennisbankFouten) Error() string {
	regels := make([]string, len(f))
	for i, e := range f {
		regels[i] = e.Error()
	}
	aantal := fmt.Sprintf("%d fouten", len(f))
	if len(f) == 1 {
		aantal = "1 fout"
	}
	return fmt.Sprintf("kennisbank ongeldig (%s):\n%s", aantal, strings.Join(regels, "\n"))
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// onbekend gives "onbekende partij", "onbekend feit": Dutch het-words take no -e.
func onbekend(soort string) string {
	w := enkelvoud(soort)
	switch w {
	case "feit", "doel", "convenant", "vraagbaakitem":
		return "onbekend " + w
	}
	return "onbekende " + w
}

func enkelvoud(soort string) string {
	switch soort {
	case "partijen":
		return "partij"
	case "gegevens":
		return "gegevenscategorie"
	case "doelen", "oorsprongen":
		return "doel"
	case "convenanten":
		return "convenant"
	case "fasen":
		return "fase"
	case "feiten":
		return "feit"
	case "voorwaarden":
		return "voorwaarde"
	case "grondslagen":
		return "grondslag"
	case "routes":
		return "route"
	case "lagen":
		return "laag"
	case "waarden":
		return "waarde"
	case "organisaties":
		return "organisatie"
	case "vraagbaak":
		return "vraagbaakitem"
	case "partijsoorten":
		return "partijsoort"
	case "groepen":
		return "groep"
	case "klassen":
		return "klasse"
	case "bijzondere_wetten":
		return "bijzondere wet"
	}
	return soort
}

// BuitenKaderFout is a known id used where it does not belong, such as a purpose of another covenant in a
// matrix of this one, or the case-table pseudo-role as a matrix column.
type BuitenKaderFout struct {
	Veld       string
	Waarde     string
	Reden      string   // Dutch, e.g. "hoort niet bij convenant zvht"
	Suggesties []string // ids that do belong here
}

func (e *BuitenKaderFout) Error() string {
	s := fmt.Sprintf("%s: %q %s", e.Veld, e.Waarde, e.Reden)
	if len(e.Suggesties) > 0 {
		s += fmt.Sprintf("; kies uit %s", strings.Join(quote(e.Suggesties), ", "))
	}
	return s
}

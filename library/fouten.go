package library

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
	s := fmt.Sprintf("%s: %s %q", e.Veld, onbekend(e.Soort), e.Waarde)
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
	return fmt.Sprintf("%s: verwacht %s, kreeg %s", e.Veld, e.Verwacht, e.Gekregen)
}

// DatumFout reports a date that is not a valid ISO date (JJJJ-MM-DD).
type DatumFout struct {
	Veld   string
	Waarde string
}

func (e *DatumFout) Error() string {
	return fmt.Sprintf("%s: ongeldige datum %q, verwacht JJJJ-MM-DD", e.Veld, e.Waarde)
}

// OntbrekendVeldFout reports a required field that is missing or empty.
type OntbrekendVeldFout struct{ Veld string }

func (e *OntbrekendVeldFout) Error() string {
	return fmt.Sprintf("%s: verplicht veld ontbreekt", e.Veld)
}

// JSONFout reports malformed question JSON or an unknown key.
type JSONFout struct {
	Veld    string // the offending key, if known
	Bericht string
}

func (e *JSONFout) Error() string {
	if e.Veld != "" {
		return fmt.Sprintf("%s: %s", e.Veld, e.Bericht)
	}
	return "ongeldige JSON: " + e.Bericht
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
	case "doelen":
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

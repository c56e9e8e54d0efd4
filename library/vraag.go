package library

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/suggestie"
)

// Vraag is the question "mag ik dit delen?" of the contract (§2): may party Van share the categories
// Gegevens with the recipients Naar for purpose Doel.
type Vraag struct {
	Van       string         `json:"van"`
	Naar      Ontvangers     `json:"naar"`
	Gegevens  []string       `json:"gegevens"`
	Doel      string         `json:"doel"`
	Convenant string         `json:"convenant,omitempty"`
	Fase      string         `json:"fase,omitempty"`
	Datum     string         `json:"datum,omitempty"` // JJJJ-MM-DD; empty means today
	Feiten    map[string]any `json:"feiten,omitempty"`
}

// Ontvangers is a list of recipients; in JSON it may be a single string or a list.
type Ontvangers []string

// UnmarshalJSON accepts "politie" as well as ["politie", "om"].
func (o *Ontvangers) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		*o = nil
		return nil
	}
	var een string
	if err := json.Unmarshal(b, &een); err == nil {
		*o = Ontvangers{een}
		return nil
	}
	var lijst []string
	if err := json.Unmarshal(b, &lijst); err != nil {
		return &TypeFout{Veld: "naar", Verwacht: "een partij-id of een lijst van partij-id's", Gekregen: strings.TrimSpace(string(b))}
	}
	*o = lijst
	return nil
}

// LeesVraag decodes question JSON strictly: unknown keys, trailing data and wrong types are errors.
func LeesVraag(r io.Reader) (Vraag, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 1<<20+1))
	if err != nil {
		return Vraag{}, &JSONFout{Bericht: err.Error()}
	}
	if len(raw) > 1<<20 {
		return Vraag{}, &JSONFout{Bericht: "de vraag is groter dan 1 MiB"}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	var v Vraag
	if err := dec.Decode(&v); err != nil {
		return Vraag{}, jsonFout(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return Vraag{}, &JSONFout{Bericht: "meer dan één JSON-document"}
	}
	for k, w := range v.Feiten {
		if n, ok := w.(json.Number); ok {
			i, err := n.Int64()
			if err != nil {
				return Vraag{}, &TypeFout{Veld: "feiten." + k, Verwacht: "een geheel getal", Gekregen: n.String()}
			}
			v.Feiten[k] = i
		}
	}
	return v, nil
}

func jsonFout(err error) error {
	var te *TypeFout
	if errors.As(err, &te) {
		return te
	}
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return &TypeFout{Veld: ute.Field, Verwacht: jsonType(ute.Type.String()), Gekregen: ute.Value}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &JSONFout{Bericht: fmt.Sprintf("%s (byte %d)", se.Error(), se.Offset)}
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		veld := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		return &JSONFout{Veld: veld, Bericht: "onbekend veld; toegestaan zijn van, naar, gegevens, doel, convenant, fase, datum, feiten"}
	}
	if errors.Is(err, io.EOF) {
		return &JSONFout{Bericht: "lege invoer"}
	}
	return &JSONFout{Bericht: err.Error()}
}

func jsonType(t string) string {
	switch t {
	case "string":
		return "tekst"
	case "[]string":
		return "een lijst van tekst"
	case "map[string]interface {}":
		return "een object"
	}
	return t
}

// Controleer checks a question against the vocabulary of the knowledge base, without evaluating it,
// and fills in vandaag as the date when the question has none. It gives the same typed errors as
// Beantwoord.
func (k *Kennisbank) Controleer(v Vraag, vandaag time.Time) (Vraag, error) {
	if v.Van == "" {
		return v, &OntbrekendVeldFout{Veld: "van"}
	}
	if err := k.partij("van", v.Van); err != nil {
		return v, err
	}
	if len(v.Naar) == 0 {
		return v, &OntbrekendVeldFout{Veld: "naar"}
	}
	for i, n := range v.Naar {
		if n == "" {
			return v, &OntbrekendVeldFout{Veld: fmt.Sprintf("naar[%d]", i)}
		}
		if err := k.partij(fmt.Sprintf("naar[%d]", i), n); err != nil {
			return v, err
		}
	}
	if len(v.Gegevens) == 0 {
		return v, &OntbrekendVeldFout{Veld: "gegevens"}
	}
	for i, g := range v.Gegevens {
		if err := k.bekend(fmt.Sprintf("gegevens[%d]", i), "gegevens", g); err != nil {
			return v, err
		}
	}
	if v.Doel == "" {
		return v, &OntbrekendVeldFout{Veld: "doel"}
	}
	if alleen, _ := k.Item("doelen", v.Doel)["alleen_oorsprong"].(bool); alleen {
		return v, &BuitenKaderFout{Veld: "doel", Waarde: v.Doel, Reden: "is geen doel om voor te delen maar een oorspronkelijke taak; gebruik het als feit verkregen_voor", Suggesties: suggestie.Dichtstbij(v.Doel, k.ids["doelen"], 3)}
	}
	if err := k.bekend("doel", "doelen", v.Doel); err != nil {
		return v, err
	}
	if v.Convenant != "" {
		if err := k.bekend("convenant", "convenanten", v.Convenant); err != nil {
			return v, err
		}
	}
	if v.Fase != "" {
		if err := k.bekend("fase", "fasen", v.Fase); err != nil {
			return v, err
		}
	}
	if v.Datum == "" {
		v.Datum = vandaag.Format(time.DateOnly)
	} else if !geldigeDatum(v.Datum) {
		return v, &DatumFout{Veld: "datum", Waarde: v.Datum}
	}
	namen := make([]string, 0, len(v.Feiten))
	for naam := range v.Feiten {
		namen = append(namen, naam)
	}
	sort.Strings(namen)
	for _, naam := range namen {
		if err := k.feit(naam, v.Feiten[naam]); err != nil {
			return v, err
		}
	}
	return v, nil
}

func geldigeDatum(s string) bool {
	t, err := time.Parse(time.DateOnly, s)
	return err == nil && t.Format(time.DateOnly) == s
}

// Bekend returns nil if id is in the vocabulary soort ("partijen", "gegevens", "doelen", "convenanten",
// "fasen", "feiten", "voorwaarden", "grondslagen"), and otherwise an *OnbekendeIDFout with the closest
// known ids.
func (k *Kennisbank) Bekend(soort, id string) error {
	return k.bekend(enkelvoud(soort), soort, id)
}

// Dichtstbij returns at most n of bekend closest to onbekend, closest first, for "bedoelde u …?".
func Dichtstbij(onbekend string, bekend []string, n int) []string {
	return suggestie.Dichtstbij(onbekend, bekend, n)
}

func (k *Kennisbank) bekend(veld, soort, id string) error {
	if contains(k.ids[soort], id) {
		return nil
	}
	fout := &OnbekendeIDFout{Veld: veld, Waarde: id, Soort: soort, Suggesties: suggestie.Dichtstbij(id, k.ids[soort], 3)}
	if soort == "oorsprongen" {
		fout.Soort = "doelen"
	}
	return fout
}

func (k *Kennisbank) partij(veld, id string) error {
	if k.Item("partijen", id) != nil || k.Item("organisaties", id) != nil {
		return nil
	}
	alle := append(k.IDs("partijen"), k.ids["organisaties"]...)
	return &OnbekendeIDFout{Veld: veld, Waarde: id, Soort: "partijen", Suggesties: suggestie.Dichtstbij(id, alle, 3)}
}

func (k *Kennisbank) feit(naam string, waarde any) error {
	veld := "feiten." + naam
	f := k.Item("feiten", naam)
	if f == nil {
		return &OnbekendeIDFout{Veld: veld, Waarde: naam, Soort: "feiten", Suggesties: suggestie.Dichtstbij(naam, k.ids["feiten"], 3)}
	}
	gekregen := fmt.Sprintf("%v", waarde)
	switch f["type"] {
	case "ja_nee":
		if _, ok := waarde.(bool); !ok {
			return &TypeFout{Veld: veld, Verwacht: "true of false", Gekregen: gekregen}
		}
	case "geheel_getal":
		n, ok := waarde.(int64)
		if !ok {
			if i, isInt := waarde.(int); isInt {
				n, ok = int64(i), true
			}
		}
		if !ok || n < 0 || n > 150 {
			return &TypeFout{Veld: veld, Verwacht: "een geheel getal van 0 tot 150", Gekregen: gekregen}
		}
	case "datum":
		s, ok := waarde.(string)
		if !ok || !geldigeDatum(s) {
			return &DatumFout{Veld: veld, Waarde: gekregen}
		}
	case "keuze":
		s, _ := waarde.(string)
		var opties []string
		for _, w := range f["waarden"].([]any) {
			opties = append(opties, w.(string))
		}
		if !contains(opties, s) {
			return &OnbekendeIDFout{Veld: veld, Waarde: gekregen, Soort: "waarden", Suggesties: suggestie.Dichtstbij(s, opties, 3), Opties: opties}
		}
	case "partij":
		s, ok := waarde.(string)
		if !ok {
			return &TypeFout{Veld: veld, Verwacht: "een partij-id", Gekregen: gekregen}
		}
		return k.partij(veld, s)
	case "doel":
		s, ok := waarde.(string)
		if !ok {
			return &TypeFout{Veld: veld, Verwacht: "een doel-id", Gekregen: gekregen}
		}
		return k.bekend(veld, "oorsprongen", s)
	}
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

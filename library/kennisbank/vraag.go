package kennisbank

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

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

// LeesVraag decodes question JSON strictly: unknown keys, duplicate keys, trailing data and wrong types
// are errors. A UTF-8 byte order mark at the start is skipped. Syntax errors say where (line and column)
// and what was expected, in Dutch.
func LeesVraag(r io.Reader) (Vraag, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 1<<20+1))
	if err != nil {
		return Vraag{}, &JSONFout{Bericht: err.Error()}
	}
	if len(raw) > 1<<20 {
		return Vraag{}, &JSONFout{Bericht: "de vraag is groter dan 1 MiB"}
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(raw)) == 0 {
		return Vraag{}, &JSONFout{Bericht: "lege invoer"}
	}
	if err := controleerJSON(raw); err != nil {
		return Vraag{}, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	var v Vraag
	if err := dec.Decode(&v); err != nil {
		return Vraag{}, jsonFout(raw, err, vraagVelden)
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

// vraagVelden are the keys of question JSON.
var vraagVelden = []string{"van", "naar", "gegevens", "doel", "convenant", "fase", "datum", "feiten"}

// controleerJSON checks the syntax of raw (one document) and that no object has a key twice; an error
// says where, by line and column.
func controleerJSON(raw []byte) error {
	var x any
	if err := json.Unmarshal(raw, &x); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) && !strings.Contains(se.Error(), "unexpected end") {
			return syntaxFout(raw, int(se.Offset)-1, se)
		}
		return syntaxFout(raw, len(raw), err)
	}
	return geenDubbeleSleutels(raw)
}

// geenDubbeleSleutels walks the tokens of a syntactically valid document: a key that occurs twice in one
// object is an error, with the path of the key and its position.
func geenDubbeleSleutels(raw []byte) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	type niveau struct {
		object   bool
		sleutel  bool // an object expects a key next
		pad      string
		sleutels map[string]bool
		laatste  string // the path of the last key of an object
	}
	var stapel []*niveau
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // io.EOF: the end; anything else the syntax check has reported already
		}
		var top *niveau
		if len(stapel) > 0 {
			top = stapel[len(stapel)-1]
		}
		d, isDelim := tok.(json.Delim)
		if top != nil && top.object && top.sleutel && !isDelim {
			sleutel, _ := tok.(string)
			pad := sleutel
			if top.pad != "" {
				pad = top.pad + "." + sleutel
			}
			if top.sleutels[sleutel] {
				regel, kolom := regelKolom(raw, sleutelBegin(raw, int(dec.InputOffset())))
				return &JSONFout{Veld: pad, Bericht: "deze sleutel staat twee keer in hetzelfde object; laat er één staan", Regel: regel, Kolom: kolom, Dubbel: true}
			}
			top.sleutels[sleutel] = true
			top.sleutel = false
			top.laatste = pad
			continue
		}
		switch {
		case isDelim && (d == '{' || d == '['):
			pad := ""
			if top != nil && top.object {
				pad = top.laatste
			} else if top != nil {
				pad = top.pad
			}
			stapel = append(stapel, &niveau{object: d == '{', sleutel: d == '{', pad: pad, sleutels: map[string]bool{}})
			continue
		case isDelim:
			stapel = stapel[:len(stapel)-1]
		}
		if len(stapel) > 0 && stapel[len(stapel)-1].object {
			stapel[len(stapel)-1].sleutel = true // a value is complete: a key comes next
		}
	}
}

// sleutelBegin finds the opening quote of the key that ends (with its closing quote) just before eind.
func sleutelBegin(raw []byte, eind int) int {
	for i := eind - 2; i >= 0; i-- {
		if raw[i] == '"' && (i == 0 || raw[i-1] != '\\') {
			return i
		}
	}
	return 0
}

// regelKolom gives the line and column (from 1, in characters) of byte offset i of raw.
func regelKolom(raw []byte, i int) (regel, kolom int) {
	i = max(0, min(i, len(raw)))
	voor := raw[:i]
	regel = bytes.Count(voor, []byte("\n")) + 1
	kolom = utf8.RuneCount(voor[bytes.LastIndexByte(voor, '\n')+1:]) + 1
	return regel, kolom
}

// syntaxFout gives a JSON syntax error at byte offset i in Dutch.
func syntaxFout(raw []byte, i int, err error) error {
	regel, kolom := regelKolom(raw, i)
	return &JSONFout{Bericht: vertaalSyntax(err), Regel: regel, Kolom: kolom}
}

var tekenRe = regexp.MustCompile(`^invalid character '(.+)' (.*)$`)

// vertaalSyntax translates the messages of encoding/json's scanner.
func vertaalSyntax(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end of JSON input") {
		return "de JSON houdt onverwacht op; ontbreekt er een } of ], of een aanhalingsteken?"
	}
	m := tekenRe.FindStringSubmatch(err.Error())
	if m == nil {
		return "ongeldige JSON"
	}
	teken, waar := m[1], m[2]
	if teken == `\'` {
		teken = "'"
	}
	switch {
	case waar == "looking for beginning of value":
		if teken == "'" {
			return "onverwacht teken ': gebruik dubbele aanhalingstekens (\") om tekst"
		}
		return fmt.Sprintf("onverwacht teken %s: hier hoort een waarde (tekst tussen \"\", een getal, true, false, null, een lijst [...] of een object {...})", teken)
	case waar == "looking for beginning of object key string":
		if teken == "'" {
			return "onverwacht teken ': een sleutel staat tussen dubbele aanhalingstekens, zoals \"van\""
		}
		if teken == "}" {
			return "een komma te veel vóór }"
		}
		return fmt.Sprintf("onverwacht teken %s: hier hoort een sleutel tussen dubbele aanhalingstekens, zoals \"van\"", teken)
	case waar == "after object key":
		return fmt.Sprintf("onverwacht teken %s: na een sleutel hoort een dubbele punt (:)", teken)
	case waar == "after object key:value pair":
		return fmt.Sprintf("onverwacht teken %s: na een waarde in een object hoort een komma of }", teken)
	case waar == "after array element":
		return fmt.Sprintf("onverwacht teken %s: na een element van een lijst hoort een komma of ]", teken)
	case waar == "in string literal":
		return "ongeldig teken in tekst; een regeleinde of tab schrijft u als \\n of \\t"
	case waar == "in string escape code":
		return fmt.Sprintf("ongeldige escape \\%s in tekst", teken)
	case strings.HasPrefix(waar, "in literal"):
		return "ongeldige waarde; bedoelde u true, false of null (zonder aanhalingstekens), of tekst tussen \"\"?"
	case strings.HasPrefix(waar, "in numeric literal"), strings.HasPrefix(waar, "after decimal point"), strings.HasPrefix(waar, "in exponent"):
		return "ongeldig getal"
	case waar == "after top-level value":
		return "meer dan één JSON-document"
	}
	return fmt.Sprintf("onverwacht teken %s", teken)
}

// jsonFout translates a decoding error of raw; velden are the keys the object may have.
func jsonFout(raw []byte, err error, velden []string) error {
	var te *TypeFout
	if errors.As(err, &te) {
		return te
	}
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		if ute.Field == "" {
			return &TypeFout{Verwacht: "een JSON-object ({…})", Gekregen: jsonSoort(ute.Value)}
		}
		return &TypeFout{Veld: ute.Field, Verwacht: jsonType(ute.Type.String()), Gekregen: jsonSoort(ute.Value)}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return syntaxFout(raw, int(se.Offset)-1, se)
	}
	if msg := err.Error(); strings.HasPrefix(msg, "json: unknown field ") {
		veld := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		bericht := "onbekend veld; toegestaan zijn " + strings.Join(velden, ", ")
		bedoeld := andereSleutels[strings.ToLower(veld)]
		if s := suggestie.Dichtstbij(veld, velden, 1); bedoeld == "" && len(s) > 0 {
			bedoeld = s[0]
		}
		if slices.Contains(velden, bedoeld) {
			bericht += fmt.Sprintf("; bedoelde u %q?", bedoeld)
		}
		return &JSONFout{Veld: veld, Bericht: bericht}
	}
	if errors.Is(err, io.EOF) {
		return &JSONFout{Bericht: "lege invoer"}
	}
	return &JSONFout{Bericht: "ongeldige vraag"}
}

// andereSleutels are keys people write for the keys of a question: English, plural, or another word.
var andereSleutels = map[string]string{
	"from": "van", "afzender": "van", "to": "naar", "ontvanger": "naar", "ontvangers": "naar",
	"data": "gegevens", "categorie": "gegevens", "categorieen": "gegevens", "categorieën": "gegevens",
	"purpose": "doel", "doelen": "doel", "covenant": "convenant", "phase": "fase", "date": "datum",
	"facts": "feiten", "feit": "feiten",
}

// jsonType says in Dutch what a Go type of Vraag expects.
func jsonType(t string) string {
	switch t {
	case "string":
		return "tekst"
	case "[]string":
		return "een lijst van tekst"
	case "map[string]interface {}", "map[string]any":
		return "een object"
	}
	return "een andere waarde"
}

// jsonSoort names a kind of JSON value as encoding/json reports it.
func jsonSoort(v string) string {
	switch v {
	case "array":
		return "een lijst"
	case "object":
		return "een object"
	case "string":
		return "tekst"
	case "number":
		return "een getal"
	case "bool":
		return "true of false"
	}
	if strings.HasPrefix(v, "number") {
		return "een getal"
	}
	return v
}

// Controleer checks a question against the vocabulary of the knowledge base, without evaluating it,
// and fills in vandaag as the date when the question has none. It gives the same typed errors as
// Beantwoord; all missing required fields are named in one OntbrekendVeldFout. The question it returns
// has its facts in their canonical types: "ja" and "nee" (or "true" and "false") for a ja/nee fact
// become true and false, true and false for a choice between ja and nee become "ja" and "nee". The
// caller's map is not changed.
func (k *Kennisbank) Controleer(v Vraag, vandaag time.Time) (Vraag, error) {
	var ontbrekend []string
	if v.Van == "" {
		ontbrekend = append(ontbrekend, "van")
	}
	if len(v.Naar) == 0 {
		ontbrekend = append(ontbrekend, "naar")
	}
	if len(v.Gegevens) == 0 {
		ontbrekend = append(ontbrekend, "gegevens")
	}
	if v.Doel == "" {
		ontbrekend = append(ontbrekend, "doel")
	}
	if len(ontbrekend) > 0 {
		return v, &OntbrekendVeldFout{Veld: ontbrekend[0], Velden: ontbrekend}
	}
	if err := k.partij("van", v.Van); err != nil {
		return v, err
	}
	for i, n := range v.Naar {
		if n == "" {
			return v, &OntbrekendVeldFout{Veld: fmt.Sprintf("naar[%d]", i)}
		}
		if err := k.partij(fmt.Sprintf("naar[%d]", i), n); err != nil {
			return v, err
		}
	}
	for i, g := range v.Gegevens {
		if err := k.BekendAls(fmt.Sprintf("gegevens[%d]", i), "gegevens", g); err != nil {
			return v, err
		}
	}
	if k.AlleenOorsprong(v.Doel) {
		return v, &BuitenKaderFout{Veld: "doel", Waarde: v.Doel, Reden: "is geen doel om voor te delen maar een oorspronkelijke taak; gebruik het als feit verkregen_voor", Suggesties: suggestie.Dichtstbij(v.Doel, k.ids["doelen"], 3)}
	}
	if err := k.BekendAls("doel", "doelen", v.Doel); err != nil {
		return v, err
	}
	if v.Convenant != "" {
		if err := k.BekendAls("convenant", "convenanten", v.Convenant); err != nil {
			return v, err
		}
	}
	if v.Fase != "" {
		if err := k.BekendAls("fase", "fasen", v.Fase); err != nil {
			return v, err
		}
	}
	if v.Datum == "" {
		v.Datum = vandaag.Format(time.DateOnly)
	} else if !geldigeDatum(v.Datum) {
		return v, NieuweDatumFout("datum", v.Datum)
	}
	if len(v.Feiten) > 0 {
		feiten := make(map[string]any, len(v.Feiten))
		for _, naam := range slices.Sorted(maps.Keys(v.Feiten)) {
			w, err := k.FeitWaarde(naam, v.Feiten[naam])
			if err != nil {
				return v, err
			}
			feiten[naam] = w
		}
		v.Feiten = feiten
	}
	return v, nil
}

// GeldigeDatum reports whether s is a real day written JJJJ-MM-DD.
func GeldigeDatum(s string) bool { return geldigeDatum(s) }

func geldigeDatum(s string) bool {
	t, err := time.Parse(time.DateOnly, s)
	return err == nil && t.Format(time.DateOnly) == s
}

var (
	isoDatumRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	nlDatumRe  = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$`)
)

// LeesDatum reads a date as people write it: JJJJ-MM-DD, or the Dutch D-M-JJJJ (1-3-2026, 01/03/2026,
// 1.3.2026: day first), and gives it as JJJJ-MM-DD. A date that does not exist, such as 30-2-2026, is a
// *DatumFout that says why. The question JSON itself takes only JJJJ-MM-DD (Controleer explains a Dutch
// date there with the ISO date it means).
func LeesDatum(s string) (string, error) {
	s = strings.TrimSpace(s)
	var j, m, d string
	if g := isoDatumRe.FindStringSubmatch(s); g != nil {
		j, m, d = g[1], g[2], g[3]
	} else if g := nlDatumRe.FindStringSubmatch(s); g != nil {
		d, m, j = g[1], g[2], g[3]
	} else {
		return "", NieuweDatumFout("datum", s)
	}
	iso := fmt.Sprintf("%s-%02s-%02s", j, m, d)
	iso = strings.ReplaceAll(iso, " ", "0")
	if !geldigeDatum(iso) {
		return "", NieuweDatumFout("datum", s)
	}
	return iso, nil
}

var maanden = []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// datumFout explains an invalid date: the ISO date a Dutch date means, or why a date does not exist.
func NieuweDatumFout(veld, waarde string) *DatumFout {
	e := &DatumFout{Veld: veld, Waarde: waarde}
	var j, m, d int
	if g := isoDatumRe.FindStringSubmatch(waarde); g != nil {
		fmt.Sscan(g[1], &j)
		fmt.Sscan(g[2], &m)
		fmt.Sscan(g[3], &d)
	} else if g := nlDatumRe.FindStringSubmatch(strings.TrimSpace(waarde)); g != nil {
		fmt.Sscan(g[1], &d)
		fmt.Sscan(g[2], &m)
		fmt.Sscan(g[3], &j)
		if iso := fmt.Sprintf("%04d-%02d-%02d", j, m, d); geldigeDatum(iso) {
			e.Bedoeld = iso
			return e
		}
	} else {
		return e
	}
	switch {
	case m < 1 || m > 12:
		e.Reden = fmt.Sprintf("er is geen maand %d", m)
	case d < 1 || d > dagenIn(j, m):
		e.Reden = fmt.Sprintf("%s %d heeft %d dagen", maanden[m-1], j, dagenIn(j, m))
	}
	return e
}

func dagenIn(jaar, maand int) int {
	return time.Date(jaar, time.Month(maand)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Bekend returns nil if id is in the vocabulary soort ("partijen", "gegevens", "doelen", "convenanten",
// "fasen", "feiten", "voorwaarden", "grondslagen"), and otherwise an *OnbekendeIDFout with the closest
// known ids.
func (k *Kennisbank) Bekend(soort, id string) error {
	return k.BekendAls(enkelvoud(soort), soort, id)
}

// Dichtstbij returns at most n of bekend closest to onbekend, closest first, for "bedoelde u …?".
func Dichtstbij(onbekend string, bekend []string, n int) []string {
	return suggestie.Dichtstbij(onbekend, bekend, n)
}

func (k *Kennisbank) BekendAls(veld, soort, id string) error {
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

// feit checks the value of one fact and gives it in its canonical type (see Controleer).
func (k *Kennisbank) FeitWaarde(naam string, waarde any) (any, error) {
	veld := "feiten." + naam
	f, ok := k.Feit(naam)
	if !ok {
		return nil, &OnbekendeIDFout{Veld: veld, Waarde: naam, Soort: "feiten", Suggesties: suggestie.Dichtstbij(naam, k.ids["feiten"], 3)}
	}
	gekregen := fmt.Sprintf("%v", waarde)
	switch f.Type {
	case "ja_nee":
		if b, ok := leesJaNee(waarde); ok {
			return b, nil
		}
		return nil, &TypeFout{Veld: veld, Verwacht: "ja of nee (of true of false)", Gekregen: gekregen}
	case "geheel_getal":
		n, ok := waarde.(int64)
		if !ok {
			if i, isInt := waarde.(int); isInt {
				n, ok = int64(i), true
			}
		}
		soort, binnen := k.InBereik(naam, n)
		if !ok || !binnen {
			return nil, &TypeFout{Veld: veld, Verwacht: "een " + soort, Gekregen: gekregen}
		}
		return n, nil
	case "datum":
		s, ok := waarde.(string)
		if !ok || !geldigeDatum(s) {
			return nil, NieuweDatumFout(veld, gekregen)
		}
	case "keuze":
		opties := f.Waarden
		s, _ := waarde.(string)
		if b, ok := waarde.(bool); ok && contains(opties, "ja") && contains(opties, "nee") {
			s = map[bool]string{true: "ja", false: "nee"}[b]
		}
		if !contains(opties, s) {
			return nil, &OnbekendeIDFout{Veld: veld, Waarde: gekregen, Soort: "waarden", Suggesties: suggestie.Dichtstbij(s, opties, 3), Opties: opties}
		}
		return s, nil
	case "partij":
		s, ok := waarde.(string)
		if !ok {
			return nil, &TypeFout{Veld: veld, Verwacht: "een partij-id", Gekregen: gekregen}
		}
		return s, k.partij(veld, s)
	case "doel":
		s, ok := waarde.(string)
		if !ok {
			return nil, &TypeFout{Veld: veld, Verwacht: "een doel-id", Gekregen: gekregen}
		}
		return s, k.BekendAls(veld, "oorsprongen", s)
	}
	return waarde, nil
}

// leesJaNee reads the value of a ja/nee fact: a bool, or ja, nee, true or false in any case.
func leesJaNee(waarde any) (bool, bool) {
	switch w := waarde.(type) {
	case bool:
		return w, true
	case string:
		switch strings.ToLower(strings.TrimSpace(w)) {
		case "ja", "true":
			return true, true
		case "nee", "false":
			return false, true
		}
	}
	return false, false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

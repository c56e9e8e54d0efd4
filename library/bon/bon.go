package bon

import (
	"crypto/rand"
	"encoding/hex"
	"maps"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// Fixed values of a Bon written by Nieuw.
const (
	// StatusBeantwoord is the status of a question that was answered, whatever the verdict.
	StatusBeantwoord = "beantwoord"
	// VerwerkingVraag is the name of the processing operation "answer one question".
	VerwerkingVraag = "magikdelen.vraag"
)

// The time formats of a Bon: Tijd to the second, Start and Eind to the nanosecond, both in UTC.
const (
	TijdFormaat     = time.RFC3339
	NanoTijdFormaat = "2006-01-02T15:04:05.000000000Z07:00"
)

// Bon is the receipt of one decision: one JSON line in a receipts file. It holds ids only.
type Bon struct {
	BesluitID        string             `json:"besluit_id"` // random UUIDv4 of this decision
	Tijd             string             `json:"tijd"`       // when the decision was made, RFC 3339 UTC
	Start            string             `json:"start"`      // start of the evaluation, RFC 3339 UTC with nanoseconds
	Eind             string             `json:"eind"`       // end of the evaluation, idem
	Status           string             `json:"status"`     // StatusBeantwoord
	Verwerking       string             `json:"verwerking"` // name of the processing operation, VerwerkingVraag
	TraceID          string             `json:"trace_id"`   // W3C trace-context trace-id: 32 lowercase hex
	SpanID           string             `json:"span_id"`    // W3C trace-context parent-id of this action: 16 lowercase hex
	Vraag            Vraag              `json:"vraag"`
	Oordeel          kennisbank.Oordeel `json:"oordeel"`
	Zekerheid        string             `json:"zekerheid"`
	Grondslagen      []string           `json:"grondslagen"` // ids of the legal grounds of the answer
	Voorwaarden      []string           `json:"voorwaarden"` // ids of the conditions of the answer
	KennisbankVersie string             `json:"kennisbank_versie"`
}

// Vraag is the question as the rules read it (library.BeoordeeldeVraag): ids, a date and the facts,
// nothing else.
type Vraag = library.BeoordeeldeVraag

// Nieuw makes the receipt of answer a, evaluated from start to eind, with a fresh decision id, trace
// id and span id. It copies ids only: the texts of the answer (summary, reasons, condition texts,
// titles and links of the grounds) stay out.
func Nieuw(a library.Antwoord, start, eind time.Time) Bon {
	v := a.Vraag
	feiten := maps.Clone(v.Feiten)
	if feiten == nil {
		feiten = map[string]any{}
	}
	b := Bon{
		BesluitID:  uuid4(),
		Tijd:       eind.UTC().Format(TijdFormaat),
		Start:      start.UTC().Format(NanoTijdFormaat),
		Eind:       eind.UTC().Format(NanoTijdFormaat),
		Status:     StatusBeantwoord,
		Verwerking: VerwerkingVraag,
		TraceID:    willekeurigHex(16),
		SpanID:     willekeurigHex(8),
		Vraag: Vraag{
			Van:        v.Van,
			Naar:       kopie(v.Naar),
			Ontvangers: kopie(v.Ontvangers),
			Gegevens:   kopie(v.Gegevens),
			Doel:       v.Doel,
			Convenant:  v.Convenant,
			Fase:       v.Fase,
			Datum:      v.Datum,
			Feiten:     feiten,
		},
		Oordeel:          a.Oordeel,
		Zekerheid:        a.Zekerheid,
		Grondslagen:      make([]string, 0, len(a.Grondslagen)),
		Voorwaarden:      make([]string, 0, len(a.Voorwaarden)),
		KennisbankVersie: a.Kennisbank.Versie,
	}
	for _, g := range a.Grondslagen {
		b.Grondslagen = append(b.Grondslagen, g.ID)
	}
	for _, w := range a.Voorwaarden {
		b.Voorwaarden = append(b.Voorwaarden, w.ID)
	}
	return b
}

// Traceparent gives the W3C trace-context header value of the receipt's action
// ("00-<trace_id>-<span_id>-01"), to correlate it with other logs.
func (b Bon) Traceparent() string {
	return "00-" + b.TraceID + "-" + b.SpanID + "-01"
}

// kopie copies s, and gives an empty list rather than nil so the JSON has [] rather than null.
func kopie(s []string) []string {
	return append(make([]string, 0, len(s)), s...)
}

// willekeurigHex gives n random bytes from crypto/rand as lowercase hex, never all zeros (an
// all-zero trace or span id is invalid in W3C trace context).
func willekeurigHex(n int) string {
	b := make([]byte, n)
	for {
		rand.Read(b) // never returns an error; it crashes the program if the system has no randomness
		for _, x := range b {
			if x != 0 {
				return hex.EncodeToString(b)
			}
		}
	}
}

// uuid4 gives a random UUID version 4 (RFC 9562).
func uuid4() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

package bon

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// LeesFout is a line of a receipts file that is not a receipt.
type LeesFout struct {
	Regel int // 1-based line number
	Err   error
}

func (e *LeesFout) Error() string { return fmt.Sprintf("regel %d: ongeldige bon: %v", e.Regel, e.Err) }
func (e *LeesFout) Unwrap() error { return e.Err }

// Lees reads all complete receipts from r. A record is complete when its newline was written: a last
// line without one (a crash in the middle of a write) is ignored. Empty lines are skipped. Any other
// line that is not a JSON receipt with a besluit_id gives a *LeesFout with its line number, together
// with the receipts before it.
func Lees(r io.Reader) ([]Bon, error) {
	br := bufio.NewReader(r)
	var bonnen []Bon
	for regel := 1; ; regel++ {
		lijn, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			return bonnen, nil // lijn, if any, is a torn last line
		}
		if err != nil {
			return bonnen, fmt.Errorf("lees bonnen: %w", err)
		}
		lijn = bytes.TrimRight(lijn, "\r\n")
		if len(bytes.TrimSpace(lijn)) == 0 {
			continue
		}
		var b Bon
		if err := json.Unmarshal(lijn, &b); err != nil {
			return bonnen, &LeesFout{Regel: regel, Err: err}
		}
		if b.BesluitID == "" {
			return bonnen, &LeesFout{Regel: regel, Err: errors.New("besluit_id ontbreekt")}
		}
		bonnen = append(bonnen, b)
	}
}

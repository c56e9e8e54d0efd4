package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// tekstSchrijver is a ResponseWriter that counts the texts it is given as texts.
type tekstSchrijver struct {
	*httptest.ResponseRecorder
	teksten int
}

func (t *tekstSchrijver) WriteString(s string) (int, error) {
	t.teksten++
	return t.ResponseRecorder.WriteString(s)
}

// TestStatusSchrijverTekst: a text written through the instrumentation reaches the writer as a text (no copy
// into a []byte of a 128 kB answer) and counts as a 200, like Write.
func TestStatusSchrijverTekst(t *testing.T) {
	onder := &tekstSchrijver{ResponseRecorder: httptest.NewRecorder()}
	sw := &statusSchrijver{ResponseWriter: onder}
	if _, err := sw.WriteString(`{"oordeel":"toegestaan"}`); err != nil {
		t.Fatal(err)
	}
	if onder.teksten != 1 || onder.Body.String() != `{"oordeel":"toegestaan"}` {
		t.Errorf("onder kreeg %d teksten, %q", onder.teksten, onder.Body.String())
	}
	if !sw.geschreven || sw.status != http.StatusOK {
		t.Errorf("status %d, geschreven %v; verwacht 200", sw.status, sw.geschreven)
	}
}

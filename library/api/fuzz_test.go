package api_test

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzVraagEndpoint posts arbitrary bytes to /v1/vraag: the answer is a 200 or a 4xx, never a 5xx,
// and always JSON.
func FuzzVraagEndpoint(f *testing.F) {
	bestanden, _ := filepath.Glob("../../testdata/scenarios/*.json")
	for _, pad := range bestanden {
		inhoud, err := os.ReadFile(pad)
		if err != nil {
			f.Fatal(err)
		}
		var sc struct {
			Vraag json.RawMessage `json:"vraag"`
		}
		if err := json.Unmarshal(inhoud, &sc); err != nil {
			f.Fatalf("%s: %v", pad, err)
		}
		f.Add([]byte(sc.Vraag))
	}
	for _, s := range []string{
		"", "{", "}", "null", "[]", `""`, "0", `{}`, `{"van":null}`, `{"naar":{}}`,
		geldigeVraag + " x", `{"van":"wijkteam","naar":[1],"gegevens":[null],"doel":7}`,
		`{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"ave_signaleren","feiten":{"leeftijd":1e400}}`,
		`{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"ave_signaleren","feiten":{"leeftijd":-1}}`,
		`{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"ave_signaleren","datum":"2026-13-01"}`,
		`{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"ave_signaleren","feiten":{"verzocht_door":5}}`,
		`{"van":"wijkteam","naar":"politie","gegevens":["signaal"],"doel":"ave_signaleren","feiten":{"toestemming":["gegeven"]}}`,
		"\xff\xfe", `{"van":"\ud800"}`, strings.Repeat("[", 10000),
	} {
		f.Add([]byte(s))
	}
	h := testHandler(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest("POST", "/v1/vraag", strings.NewReader(string(body)))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 && (rec.Code < 400 || rec.Code >= 500) {
			t.Fatalf("status %d voor %q: %s", rec.Code, body, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("geen JSON voor %q: %q", body, rec.Body)
		}
	})
}

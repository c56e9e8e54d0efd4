package web_test

import "testing"

// zwaar marks a test whose pages each evaluate a whole answer with its open facts (a second of Rego
// evaluation, ten to fifteen times that under -race). Under -race it is skipped: what the race detector can
// find in the handler, TestRoutes, TestBon and the API tests exercise with lighter pages. The README's test
// command runs these tests without -race first.
func zwaar(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("zware toets: draait zonder -race (zie de testopdracht in de README)")
	}
}

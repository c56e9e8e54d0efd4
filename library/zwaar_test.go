package library_test

import "testing"

// zwaar marks a test that sweeps the decision space, answers every question of a directory, re-derives the
// open facts or checks a broken knowledge base per case: each costs seconds of Rego evaluation or policy
// compilation. Under -race it is skipped: the race detector makes that ten to fifteen times slower and finds
// nothing there that the concurrency tests do not exercise. The README's test command runs them without
// -race (go test ./... && go test -race ./...).
func zwaar(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("zware toets: draait zonder -race (zie de testopdracht in de README)")
	}
}

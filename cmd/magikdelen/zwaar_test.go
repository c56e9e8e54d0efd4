package main

import "testing"

// zwaar marks a test that starts the CLI dozens of times or walks a guided session, each step evaluating
// the open facts. Under -race it is skipped: the race detector makes Rego evaluation ten to fifteen times
// slower, and these tests exercise no concurrency that the lighter tests do not. The README's test
// command runs them without -race.
func zwaar(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("zware toets: draait zonder -race (zie de testopdracht in de README)")
	}
}

// lichteScripts are the CLI scripts (testdata/script) that also run under -race: bad input and error
// paths, JSON output and a working copy of the knowledge base. The others start the CLI many more times
// and run without -race only.
var lichteScripts = []string{"fouten", "invoer", "kennisbank", "vraag_json"}

//go:build race

package web_test

// raceDetector is true when the tests run with -race, which makes Rego evaluation about ten times slower:
// the tests that answer every scenario through a page then take a deterministic sample.
const raceDetector = true

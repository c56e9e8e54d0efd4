//go:build race

package library_test

// raceDetector is true when the tests run with -race. The race detector makes Rego evaluation about ten
// times slower, so the property tests then take their small deterministic sample (see kiesSchaal).
const raceDetector = true

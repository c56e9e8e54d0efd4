//go:build race

package web_test

// raceDetector is true when the tests run with -race, which makes Rego evaluation about ten times slower
// (see zwaar).
const raceDetector = true

//go:build race

package main

// raceDetector is true when the tests run with -race, which makes Rego evaluation about ten times slower.
const raceDetector = true

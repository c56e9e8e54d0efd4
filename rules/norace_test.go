//go:build !race

package rules_test

// raceDetector is true when the tests run with -race (see TestRego).
const raceDetector = false

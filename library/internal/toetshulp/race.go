//go:build race

package toetshulp

// Race is true when the tests run with -race. The race detector makes Rego evaluation about ten times
// slower, so the property tests then take their small deterministic sample.
const Race = true

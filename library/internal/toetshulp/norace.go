//go:build !race

package toetshulp

// Race is true when the tests run with -race (see race.go).
const Race = false

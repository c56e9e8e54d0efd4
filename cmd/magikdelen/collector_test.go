package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// collector gives the process's GC percentage and memory limit, leaving them as they were.
func collector() (procent int, limiet int64) {
	procent = debug.SetGCPercent(100)
	debug.SetGCPercent(procent)
	return procent, debug.SetMemoryLimit(-1) // a negative limit only reads it
}

// TestCollectorVoorEenVraag: a question from the command line turns the collector off with a 256 MiB
// limit, unless GOGC or GOMEMLIMIT is set; a run that is not the whole process (a test's) leaves the
// collector alone.
func TestCollectorVoorEenVraag(t *testing.T) {
	procent, limiet := collector()
	t.Cleanup(func() {
		debug.SetGCPercent(procent)
		debug.SetMemoryLimit(limiet)
	})
	for _, tc := range []struct {
		naam    string
		getenv  func(string) string
		procent int
		limiet  int64
	}{
		{"geen omgeving", env(), -1, 256 << 20},
		{"GOGC gezet", env("GOGC", "200"), 100, math.MaxInt64},
		{"GOMEMLIMIT gezet", env("GOMEMLIMIT", "1GiB"), 100, math.MaxInt64},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		collectorVoorEenVraag(tc.getenv)
		if p, l := collector(); p != tc.procent || l != tc.limiet {
			t.Errorf("%s: GC-percentage %d en geheugengrens %d, verwacht %d en %d", tc.naam, p, l, tc.procent, tc.limiet)
		}
	}
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	if code, _, fout := draai(t, stromen{Getenv: env()}, zvh05...); code != 0 {
		t.Fatalf("exit %d: %s", code, fout)
	}
	if p, l := collector(); p != 100 || l != math.MaxInt64 {
		t.Errorf("een vraag in een test zette de collector op %d en %d", p, l)
	}
	if code, _, fout := draai(t, stromen{Getenv: env(), Proces: true}, zvh05...); code != 0 {
		t.Fatalf("exit %d: %s", code, fout)
	}
	if p, l := collector(); p != -1 || l != 256<<20 {
		t.Errorf("een vraag als heel proces: GC-percentage %d en geheugengrens %d, verwacht -1 en %d", p, l, 256<<20)
	}
}

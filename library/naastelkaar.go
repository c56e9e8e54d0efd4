package library

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// naastElkaar runs werk(0) … werk(n-1) side by side, one goroutine per CPU (at most n, the caller's
// own among them), and returns the first error in the order of i; after an error no new work starts.
// The rules' prepared queries are safe for concurrent use, so each werk may evaluate one.
func naastElkaar(n int, werk func(i int) error) error {
	fouten := make([]error, n)
	var volgende atomic.Int64
	loop := func() {
		for {
			i := int(volgende.Add(1)) - 1
			if i >= n {
				return
			}
			if fouten[i] = werk(i); fouten[i] != nil {
				volgende.Store(int64(n)) // stop handing out work
				return
			}
		}
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) - 1 {
		wg.Go(loop)
	}
	loop()
	wg.Wait()
	for _, err := range fouten {
		if err != nil {
			return err
		}
	}
	return nil
}

package api

import (
	"sync/atomic"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

// EngineBron gives the engine that answers the current request, or nil while none is loaded.
type EngineBron interface {
	Huidig() *library.Engine
}

// Wissel is an EngineBron whose engine can be swapped atomically, e.g. after a reload of the knowledge
// base. The zero value holds no engine. It is safe for concurrent use.
type Wissel struct {
	p atomic.Pointer[library.Engine]
}

// Huidig returns the current engine, or nil.
func (w *Wissel) Huidig() *library.Engine { return w.p.Load() }

// Zet makes e the engine for every request that starts after it returns.
func (w *Wissel) Zet(e *library.Engine) { w.p.Store(e) }

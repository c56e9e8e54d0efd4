package library

import (
	"container/list"
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// beslisCache keeps the answers of one engine: key = knowledge-base version + the checked question
// (date filled in) as JSON; value = the answer and its encoded JSON (or, for OpenFeiten, the open facts). It is bounded (least recently used
// out first) and evaluates identical concurrent misses once. A new engine (serveer --herlaad) starts
// with an empty cache, so an answer never outlives its knowledge base.
type beslisCache struct {
	maxBytes int64 // the bound on the memory of the kept items (see schat)
	maxItems int   // a bound on their number as well; 0: none (tests)

	mu     sync.Mutex
	lijst  *list.List               // front = most recently used; values are *cacheItem
	items  map[string]*list.Element // key -> element of lijst
	vlucht map[string]*vlucht       // misses being evaluated now
	bytes  int64                    // the estimated memory of the kept items together

	treffers, missers, gedeeld atomic.Uint64
}

type cacheItem struct {
	sleutel string
	omvang  int64 // estimated memory, see omvang
	a       Antwoord
	json    jsonDelen // the answer's JSON (an OpenFeiten item has none)
	// tekst is json as one string, made when Beslissing.JSON first asks for it
	tekst     string
	tekstEens sync.Once
	open      []openFeit // OpenFeiten keeps its result under the key "open\x00" + the question's key
	// deelt: a shares memory with a core the engine keeps (kerngeheugen.go), so it is handed out as a copy
	deelt bool
}

// vlucht is one evaluation that concurrent callers with the same question wait for.
type vlucht struct {
	klaar chan struct{}
	item  *cacheItem
	err   error
}

func nieuweBeslisCache(maxBytes int64, maxItems int) *beslisCache {
	return &beslisCache{maxBytes: maxBytes, maxItems: maxItems, lijst: list.New(), items: map[string]*list.Element{}, vlucht: map[string]*vlucht{}}
}

// schat estimates what an item holds in memory: its key, its JSON, and the decoded answer, which holds
// about the same text again; the open facts are small.
func (it *cacheItem) schat() int64 {
	n := int64(len(it.sleutel)) + 2*int64(it.json.len()) + 512
	for _, o := range it.open {
		n += int64(len(o.ID)+len(o.Reden)) + 32
	}
	return n
}

// CacheStatistiek counts the work of an engine's decision cache (see MetCache).
type CacheStatistiek struct {
	Grootte  int    // answers in the cache now
	Bytes    int64  // their estimated memory
	Maximum  int64  // the bound in bytes set with MetCache; 0 = no cache
	Treffers uint64 // answers served from the cache
	Missers  uint64 // answers the rules evaluated
	Gedeeld  uint64 // answers that waited for the same question evaluated at the same time

	// GedeeldeWaarden: the values of the rules the engine keeps for its later questions, also without this
	// cache (calls that read no part of the question, gedeeldecache.go, and values with the parts they read,
	// invoerdelen.go).
	GedeeldeWaarden int64
}

// CacheStatistiek tells how the decision cache is used, all zero when the engine has none, and how many values of
// the rules the engine keeps for later questions.
func (e *Engine) CacheStatistiek() CacheStatistiek {
	var waarden int64
	if e.gedeeld != nil {
		waarden += e.gedeeld.aantal.Load()
	}
	if e.afh != nil {
		waarden += e.afh.aantal.Load()
	}
	c := e.cache
	if c == nil {
		return CacheStatistiek{GedeeldeWaarden: waarden}
	}
	c.mu.Lock()
	n, b := c.lijst.Len(), c.bytes
	c.mu.Unlock()
	return CacheStatistiek{Grootte: n, Bytes: b, Maximum: c.maxBytes, Treffers: c.treffers.Load(), Missers: c.missers.Load(), Gedeeld: c.gedeeld.Load(),
		GedeeldeWaarden: waarden}
}

// kijk gives the item of sleutel when the cache holds it now, without evaluating, waiting or counting.
func (c *beslisCache) kijk(sleutel string) (*cacheItem, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[sleutel]
	if !ok {
		return nil, false
	}
	return el.Value.(*cacheItem), true
}

// haal returns the answer for key: from the cache, from a concurrent evaluation of the same key, or by
// calling bereken. Errors are not kept. When the evaluation of another caller fails because its context
// ended, a caller whose own context is still live evaluates again itself.
func (c *beslisCache) haal(ctx context.Context, sleutel string, bereken func(context.Context) (*cacheItem, error)) (*cacheItem, error) {
	for {
		c.mu.Lock()
		if el, ok := c.items[sleutel]; ok {
			c.lijst.MoveToFront(el)
			c.mu.Unlock()
			c.treffers.Add(1)
			return el.Value.(*cacheItem), nil
		}
		if v, ok := c.vlucht[sleutel]; ok {
			c.mu.Unlock()
			select {
			case <-v.klaar:
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			if v.err != nil && contextFout(v.err) && ctx.Err() == nil {
				continue // the other caller gave up; this one has time left
			}
			c.gedeeld.Add(1)
			return v.item, v.err
		}
		v := &vlucht{klaar: make(chan struct{})}
		c.vlucht[sleutel] = v
		c.mu.Unlock()

		c.missers.Add(1)
		v.item, v.err = c.berekenVeilig(ctx, bereken)
		if v.item != nil {
			v.item.sleutel = sleutel
			v.item.omvang = v.item.schat()
		}

		c.mu.Lock()
		delete(c.vlucht, sleutel)
		if v.err == nil && v.item.omvang <= c.maxBytes {
			c.items[sleutel] = c.lijst.PushFront(v.item)
			c.bytes += v.item.omvang
			for c.bytes > c.maxBytes || (c.maxItems > 0 && c.lijst.Len() > c.maxItems) {
				oud := c.lijst.Back()
				c.lijst.Remove(oud)
				delete(c.items, oud.Value.(*cacheItem).sleutel)
				c.bytes -= oud.Value.(*cacheItem).omvang
			}
		}
		c.mu.Unlock()
		close(v.klaar)
		return v.item, v.err
	}
}

// berekenVeilig turns a panic in bereken into an error, so that callers waiting for it are released.
func (c *beslisCache) berekenVeilig(ctx context.Context, bereken func(context.Context) (*cacheItem, error)) (item *cacheItem, err error) {
	defer func() {
		if p := recover(); p != nil {
			item, err = nil, &paniekFout{waarde: p}
		}
	}()
	return bereken(ctx)
}

type paniekFout struct{ waarde any }

func (p *paniekFout) Error() string { return "evalueer regels: onverwachte fout" }

func contextFout(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// cacheSleutel is the knowledge-base version and the checked question as JSON (map keys sorted).
func cacheSleutel(versie string, v kennisbank.Vraag) (string, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return versie + "\x00" + string(raw), nil
}

// kloon gives a copy of the answer that shares no slice or map with a: a caller may change what
// Beantwoord returns without changing the cached answer.
func (a Antwoord) kloon() Antwoord {
	b := a
	b.Grondslagen = slices.Clone(a.Grondslagen)
	b.Voorwaarden = slices.Clone(a.Voorwaarden)
	b.Redenen = slices.Clone(a.Redenen)
	b.OntbrekendeFeiten = slices.Clone(a.OntbrekendeFeiten)
	b.Keten = kloonKeten(a.Keten)
	b.Vraagbaak = slices.Clone(a.Vraagbaak)
	if a.Alternatieven != nil {
		b.Alternatieven = make([]Alternatief, len(a.Alternatieven))
		for i, x := range a.Alternatieven {
			x.Feiten = maps.Clone(x.Feiten)
			x.Naar = slices.Clone(x.Naar)
			b.Alternatieven[i] = x
		}
	}
	if a.Deeloordelen != nil {
		b.Deeloordelen = make([]Deeloordeel, len(a.Deeloordelen))
		for i, d := range a.Deeloordelen {
			d.Grondslagen = slices.Clone(d.Grondslagen)
			d.Voorwaarden = slices.Clone(d.Voorwaarden)
			d.Redenen = slices.Clone(d.Redenen)
			d.OntbrekendeFeiten = slices.Clone(d.OntbrekendeFeiten)
			d.Keten = kloonKeten(d.Keten)
			b.Deeloordelen[i] = d
		}
	}
	if a.Kader.Convenant != nil {
		c := *a.Kader.Convenant
		b.Kader.Convenant = &c
	}
	b.Vraag.Naar = slices.Clone(a.Vraag.Naar)
	b.Vraag.Ontvangers = slices.Clone(a.Vraag.Ontvangers)
	b.Vraag.Gegevens = slices.Clone(a.Vraag.Gegevens)
	b.Vraag.Feiten = maps.Clone(a.Vraag.Feiten)
	return b
}

func kloonKeten(k []Stap) []Stap {
	if k == nil {
		return nil
	}
	out := make([]Stap, len(k))
	for i, s := range k {
		s.Grondslagen = slices.Clone(s.Grondslagen)
		out[i] = s
	}
	return out
}

package library_test

// Property tests over the ZVHT decision space: every party as sender and recipient, every data
// category, every ZVHT purpose, three dates (before the covenant, before the WGS, after the WGS) and the
// facts that decide a ZVHT share. Each deeloordeel is one (recipient, category) cell with its own
// verdict, grounds, conditions and legal chain; the properties are checked per cell and per answer.
//
// The space is far too large to enumerate in a unit test (a cell costs 2 to 7 ms of Rego evaluation, ten
// times that with -race, and more per cell in a question with hundreds of cells), so the questions come
// from deterministic generators at three scales:
//
//	klein     with -short: a few hundred cells, every party, category and purpose at least once
//	normaal   plain go test: about ten times as many
//	volledig  -eigenschappen.volledig: every sender × purpose × date with all recipients and categories,
//	          plus the targeted subspaces in full (tens of minutes; run without -race)
//
// -eigenschappen.uitvoer=pad writes every violation as one JSON line, for the rules owner.

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

var (
	volledigeRuimte    = flag.Bool("eigenschappen.volledig", false, "doorloop de hele ZVHT-beslisruimte (tientallen minuten; draai zonder -race)")
	schendingenUitvoer = flag.String("eigenschappen.uitvoer", "", "schrijf elke schending als JSON-regel naar dit bestand")
)

const (
	datumVoorConvenant = "2017-06-01"
	datumVoorWGS       = "2024-06-01"
	datumNaWGS         = "2025-06-01"
	wgsVanaf           = "2025-03-01"
)

var ruimteDatums = []string{datumVoorConvenant, datumVoorWGS, datumNaWGS}

// art9Gegevens are the art. 9 categories of the brief (§2): gezondheid, bijzonder_overig and
// huiselijk_geweld (max of art. 9 and art. 10).
var art9Gegevens = []string{"gezondheid", "bijzonder_overig", "huiselijk_geweld"}

// ruimteFeiten are the facts that decide a ZVHT share.
var ruimteFeiten = []string{"inclusiecriteria", "toestemming", "acuut_gevaar", "deelnemer_van", "deelnemer_naar", "betrokkene_geinformeerd"}

type schaal int

const (
	klein schaal = iota
	normaal
	volledig
)

func (s schaal) String() string { return [...]string{"klein", "normaal", "volledig"}[s] }

func kiesSchaal() schaal {
	switch {
	case *volledigeRuimte:
		return volledig
	case testing.Short():
		return klein
	}
	return normaal
}

// ruimte is the vocabulary of the decision space, read from the knowledge base.
type ruimte struct {
	kb            *kennisbank.Kennisbank
	partijen      []string // every party id, overleg_deelnemers included
	ontvangers    []string // every party id except overleg_deelnemers (which expands to the table)
	gegevens      []string
	zvhDoelen     []string
	strikt        []string // senders with strict professional secrecy
	zvhDeelnemers []string // the fixed participants of the ZVHT covenant
	geldigVanaf   string   // of the ZVHT covenant
	domeinen      map[string][]any
}

func nieuweRuimte(t testing.TB, kb *kennisbank.Kennisbank) *ruimte {
	t.Helper()
	r := &ruimte{kb: kb, partijen: kb.IDs("partijen"), gegevens: kb.IDs("gegevens"), domeinen: map[string][]any{}}
	for _, p := range r.partijen {
		if kb.Item("partijen", p)["soort"] != "overleg" {
			r.ontvangers = append(r.ontvangers, p)
		}
		if geheim, _ := kb.Item("partijen", p)["geheimhouding"].(map[string]any); geheim["strikt"] == true {
			r.strikt = append(r.strikt, p)
		}
	}
	for _, d := range kb.IDs("doelen") {
		if kb.Item("doelen", d)["convenant"] == "zvht" {
			r.zvhDoelen = append(r.zvhDoelen, d)
		}
	}
	zvht := kb.Item("convenanten", "zvht")
	r.geldigVanaf, _ = zvht["geldig_vanaf"].(string)
	deelnemers, _ := zvht["deelnemers"].([]any)
	for _, d := range deelnemers {
		if d := d.(map[string]any); d["deelname"] == "vast" {
			r.zvhDeelnemers = append(r.zvhDeelnemers, d["partij"].(string))
		}
	}
	for _, f := range ruimteFeiten {
		item := kb.Item("feiten", f)
		switch item["type"] {
		case "ja_nee":
			r.domeinen[f] = []any{nil, true, false}
		case "keuze":
			r.domeinen[f] = []any{nil}
			for _, w := range item["waarden"].([]any) {
				r.domeinen[f] = append(r.domeinen[f], w)
			}
		default:
			t.Fatalf("feit %s: onverwacht type %v", f, item["type"])
		}
	}
	for _, c := range art9Gegevens {
		if kb.Item("gegevens", c) == nil {
			t.Fatalf("art. 9-categorie %s ontbreekt in de kennisbank", c)
		}
	}
	if len(r.zvhDoelen) != 6 || len(r.strikt) == 0 || len(r.zvhDeelnemers) == 0 || r.geldigVanaf == "" || len(r.ontvangers) != len(r.partijen)-1 {
		t.Fatalf("onverwachte ZVHT-ruimte: doelen %v, strikt %v, geldig vanaf %q", r.zvhDoelen, r.strikt, r.geldigVanaf)
	}
	return r
}

// geval is one question of the space with its answer. The space is answered without alternatives
// (ZonderAlternatieven, a third of the cost); for a sample the full answer is asked twice as well.
type geval struct {
	bron     string // generator and index, e.g. "breed/17"
	vraag    kennisbank.Vraag
	antwoord library.Antwoord
	json     []byte // antwoord as JSON
	volledig []byte // sample only: the full answer (with alternatives) as JSON
	opnieuw  []byte // sample only: the full answer to the same question asked again
}

// vraagJSON is the question as a user would send it (for failure messages and the report).
func (g *geval) vraagJSON() string {
	b, _ := json.Marshal(g.vraag)
	return string(b)
}

// ---------------------------------------------------------------------------------------------------
// Generators

// generator builds the questions of one part of the space at scale s.
type generator struct {
	naam   string
	vragen func(r *ruimte, s schaal) []kennisbank.Vraag
}

var generatoren = []generator{
	{"breed", breedVragen},
	{"geheim", geheimVragen},
	{"deelname", deelnameVragen},
	{"voor_convenant", voorConvenantVragen},
	{"overleg", overlegVragen},
	{"wettelijke_plicht", wettelijkePlichtVragen},
}

func nieuweRNG(naam string) *rand.Rand {
	var seed uint64
	for _, b := range []byte(naam) {
		seed = seed*131 + uint64(b)
	}
	return rand.New(rand.NewPCG(seed, 0x6d61676b))
}

func kies[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// kiesN picks n distinct elements in a stable order.
func kiesN(rng *rand.Rand, xs []string, n int) []string {
	idx := rng.Perm(len(xs))[:min(n, len(xs))]
	sort.Ints(idx)
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

// willekeurigeFeiten draws every fact of the space from its domain (nil = not stated). gewicht repeats
// values to bias the draw: a blocking value drawn too often leaves nothing positive to check.
func willekeurigeFeiten(r *ruimte, rng *rand.Rand, gewicht map[string][]any) map[string]any {
	f := map[string]any{}
	for _, naam := range ruimteFeiten {
		dom := r.domeinen[naam]
		if w, ok := gewicht[naam]; ok {
			dom = w
		}
		if v := kies(rng, dom); v != nil {
			f[naam] = v
		}
	}
	return f
}

// ruimGewicht biases the broad sample towards facts that leave routes open.
var ruimGewicht = map[string][]any{
	"inclusiecriteria": {nil, true, true, false},
	"deelnemer_van":    {nil, nil, true, false},
	"deelnemer_naar":   {nil, nil, true, false},
}

// ruimeFeiten are the most permissive facts: every route that a fact can open is open. A rule that must
// never give a positive verdict is tested against these.
func ruimeFeiten() map[string]any {
	return map[string]any{"inclusiecriteria": true, "toestemming": "gegeven", "acuut_gevaar": true, "betrokkene_geinformeerd": "ja"}
}

// dekAf makes sure every id in alle occurs in the field (naar or gegevens) of some question, by adding
// the missing ones to the questions in turn. A cell costs the same wherever it is, so a generator adds
// recipients to questions with one category and categories to questions with one recipient.
func dekAf(vragen []kennisbank.Vraag, alle []string, veld func(*kennisbank.Vraag) *[]string) {
	gezien := map[string]bool{}
	for i := range vragen {
		for _, x := range *veld(&vragen[i]) {
			gezien[x] = true
		}
	}
	j := 0
	for _, x := range alle {
		if gezien[x] || len(vragen) == 0 {
			continue
		}
		lijst := veld(&vragen[j%len(vragen)])
		*lijst = append(*lijst, x)
		j++
	}
}

func naarVeld(v *kennisbank.Vraag) *[]string     { return (*[]string)(&v.Naar) }
func gegevensVeld(v *kennisbank.Vraag) *[]string { return &v.Gegevens }

// dekAlles covers every recipient in the first half of vragen and every category in the second half.
func dekAlles(r *ruimte, vragen []kennisbank.Vraag) {
	h := (len(vragen) + 1) / 2
	dekAf(vragen[:h], r.ontvangers, naarVeld)
	dekAf(vragen[h:], r.gegevens, gegevensVeld)
}

// breedVragen covers every sender × purpose pair (at scale normaal) with random recipients, categories
// and facts; volledig asks every sender × purpose × date with all recipients and all categories in one
// question.
func breedVragen(r *ruimte, s schaal) []kennisbank.Vraag {
	rng := nieuweRNG("breed")
	var vragen []kennisbank.Vraag
	if s == volledig {
		for _, van := range r.partijen {
			for _, doel := range r.zvhDoelen {
				for _, datum := range ruimteDatums {
					vragen = append(vragen, kennisbank.Vraag{
						Van: van, Naar: slices.Clone(r.ontvangers), Gegevens: slices.Clone(r.gegevens),
						Doel: doel, Convenant: "zvht", Datum: datum, Feiten: willekeurigeFeiten(r, rng, ruimGewicht),
					})
				}
			}
		}
		return vragen
	}
	n, nNaar, nGeg := len(r.partijen), 1, 1
	if s == normaal {
		n, nNaar, nGeg = len(r.partijen)*len(r.zvhDoelen), 2, 3 // every sender × purpose pair once
	}
	for i := range n {
		naar := kiesN(rng, r.ontvangers, nNaar)
		if i%3 == 0 {
			naar = kiesN(rng, r.zvhDeelnemers, nNaar) // a third to fixed participants, where positives are
		}
		vragen = append(vragen, kennisbank.Vraag{
			Van:      r.partijen[i%len(r.partijen)],
			Naar:     naar,
			Gegevens: kiesN(rng, r.gegevens, nGeg),
			Doel:     r.zvhDoelen[i%len(r.zvhDoelen)],
			Datum:    ruimteDatums[(i+i/len(r.zvhDoelen))%len(ruimteDatums)],
			Feiten:   willekeurigeFeiten(r, rng, ruimGewicht),
		})
		if i%2 == 0 {
			vragen[i].Convenant = "zvht"
		}
	}
	dekAlles(r, vragen)
	return vragen
}

// geheimVragen: senders with strict professional secrecy share art. 9 data, with every value of
// toestemming and acuut_gevaar, before and after the WGS switch; the other facts are permissive. It
// always includes the case of property (b2) — toestemming niet_gevraagd, acuut_gevaar false,
// 2024-06-01 — for every strict sender, every purpose, every recipient and every art. 9 category.
func geheimVragen(r *ruimte, s schaal) []kennisbank.Vraag {
	rng := nieuweRNG("geheim")
	toestemming := r.domeinen["toestemming"]
	acuut := r.domeinen["acuut_gevaar"]
	feiten := func(t, a any, extra map[string]any) map[string]any {
		f := map[string]any{"inclusiecriteria": true, "betrokkene_geinformeerd": "ja"}
		if t != nil {
			f["toestemming"] = t
		}
		if a != nil {
			f["acuut_gevaar"] = a
		}
		for k, v := range extra {
			f[k] = v
		}
		return f
	}
	// (b2): klein one question per purpose with one art. 9 category, the recipients spread over them;
	// normaal every strict sender × purpose; volledig with all recipients.
	var b2 []kennisbank.Vraag
	for i := range max(len(r.strikt), len(r.zvhDoelen)) {
		doelen := []string{r.zvhDoelen[i%len(r.zvhDoelen)]}
		if s != klein && i < len(r.strikt) {
			doelen = r.zvhDoelen
		} else if s != klein {
			continue
		}
		for _, doel := range doelen {
			v := kennisbank.Vraag{
				Van: r.strikt[i%len(r.strikt)], Naar: kiesN(rng, r.zvhDeelnemers, 1), Gegevens: []string{art9Gegevens[len(b2)%len(art9Gegevens)]},
				Doel: doel, Convenant: "zvht", Datum: datumVoorWGS, Feiten: feiten("niet_gevraagd", false, nil),
			}
			if s != klein {
				v.Gegevens = slices.Clone(art9Gegevens)
			}
			if s == volledig {
				v.Naar = slices.Clone(r.ontvangers)
			}
			b2 = append(b2, v)
		}
	}
	dekAf(b2, r.ontvangers, naarVeld)
	dekAf(b2, art9Gegevens, gegevensVeld)
	vragen := b2
	switch s {
	case klein:
		for i := range 2 * len(r.strikt) {
			vragen = append(vragen, kennisbank.Vraag{
				Van: r.strikt[i%len(r.strikt)], Naar: kiesN(rng, r.zvhDeelnemers, 1), Gegevens: slices.Clone(art9Gegevens),
				Doel: r.zvhDoelen[(i+2)%len(r.zvhDoelen)], Convenant: "zvht", Datum: ruimteDatums[1+i%2],
				Feiten: feiten(toestemming[i%len(toestemming)], acuut[i%len(acuut)], nil),
			})
		}
	case normaal:
		i := 0
		for _, van := range r.strikt {
			for _, doel := range r.zvhDoelen {
				for _, datum := range ruimteDatums {
					vragen = append(vragen, kennisbank.Vraag{
						Van: van, Naar: kiesN(rng, r.ontvangers, 3), Gegevens: slices.Clone(art9Gegevens),
						Doel: doel, Convenant: "zvht", Datum: datum,
						Feiten: feiten(toestemming[i%len(toestemming)], acuut[(i/len(toestemming))%len(acuut)], nil),
					})
					i++
				}
			}
		}
	case volledig:
		for _, van := range r.strikt {
			for _, doel := range r.zvhDoelen {
				for _, datum := range ruimteDatums {
					for _, t := range toestemming {
						for _, a := range acuut {
							for _, extra := range []map[string]any{nil, {"deelnemer_van": true, "deelnemer_naar": true}} {
								vragen = append(vragen, kennisbank.Vraag{
									Van: van, Naar: slices.Clone(r.ontvangers), Gegevens: slices.Clone(art9Gegevens),
									Doel: doel, Convenant: "zvht", Datum: datum, Feiten: feiten(t, a, extra),
								})
							}
						}
					}
				}
			}
		}
	}
	return vragen
}

// deelnameVragen: a non-participant sends or receives, or the question says a party does not
// participate, under every ZVHT purpose and with the most permissive other facts.
func deelnameVragen(r *ruimte, s schaal) []kennisbank.Vraag {
	rng := nieuweRNG("deelname")
	varianten := []func(v *kennisbank.Vraag){
		func(v *kennisbank.Vraag) { v.Van = "niet_deelnemer" },
		func(v *kennisbank.Vraag) { v.Naar = kennisbank.Ontvangers{"niet_deelnemer"} },
		func(v *kennisbank.Vraag) { v.Feiten["deelnemer_van"] = false },
		func(v *kennisbank.Vraag) { v.Feiten["deelnemer_naar"] = false },
	}
	herhaal, nNaar, nGeg := 2, 1, 1
	datums := []string{datumNaWGS}
	switch s {
	case normaal:
		herhaal, nNaar, nGeg, datums = 1, 2, 3, ruimteDatums
	case volledig:
		herhaal, datums = 1, ruimteDatums
	}
	var vragen, voorNaar []kennisbank.Vraag // voorNaar: the questions in which every cell falls under (c)
	i := 0
	for k := range herhaal {
		for _, doel := range r.zvhDoelen {
			for _, datum := range datums {
				for j, variant := range varianten {
					if s == klein && j != (i+k)%len(varianten) {
						continue // klein: one variant per question, in turn
					}
					v := kennisbank.Vraag{
						Van: r.zvhDeelnemers[i%len(r.zvhDeelnemers)], Naar: kiesN(rng, r.zvhDeelnemers, nNaar), Gegevens: kiesN(rng, r.gegevens, nGeg),
						Doel: doel, Convenant: "zvht", Datum: datum, Feiten: ruimeFeiten(),
					}
					if s == volledig {
						v.Naar, v.Gegevens = slices.Clone(r.ontvangers), slices.Clone(r.gegevens)
					}
					variant(&v)
					if j == 1 {
						vragen = append(vragen, v)
					} else {
						voorNaar = append(voorNaar, v)
					}
				}
				i++
			}
		}
	}
	h := (len(voorNaar) + 1) / 2
	dekAf(voorNaar[:h], r.ontvangers, naarVeld)
	vragen = append(vragen, voorNaar...)
	dekAf(vragen[:len(vragen)-h], r.gegevens, gegevensVeld)
	return vragen
}

// voorConvenantVragen: ZVHT purposes dated before the covenant, with the most permissive facts.
func voorConvenantVragen(r *ruimte, s schaal) []kennisbank.Vraag {
	rng := nieuweRNG("voor_convenant")
	var vragen []kennisbank.Vraag
	n, nNaar, nGeg := 2*len(r.zvhDoelen), 1, 1
	switch s {
	case normaal:
		n, nNaar, nGeg = len(r.partijen)*len(r.zvhDoelen)/2, 2, 2
	case volledig:
		n = len(r.partijen) * len(r.zvhDoelen)
	}
	for i := range n {
		v := kennisbank.Vraag{
			Van: r.partijen[(i*7)%len(r.partijen)], Naar: kiesN(rng, r.zvhDeelnemers, nNaar), Gegevens: kiesN(rng, r.gegevens, nGeg),
			Doel: r.zvhDoelen[i%len(r.zvhDoelen)], Convenant: "zvht", Datum: datumVoorConvenant, Feiten: ruimeFeiten(),
		}
		v.Feiten["deelnemer_van"], v.Feiten["deelnemer_naar"] = true, true
		if s == volledig {
			v.Van = r.partijen[i/len(r.zvhDoelen)]
			v.Naar, v.Gegevens = slices.Clone(r.ontvangers), slices.Clone(r.gegevens)
		}
		vragen = append(vragen, v)
	}
	dekAlles(r, vragen)
	return vragen
}

// overlegVragen: the covenant table as recipient (overleg_deelnemers expands to every fixed participant).
func overlegVragen(r *ruimte, s schaal) []kennisbank.Vraag {
	rng := nieuweRNG("overleg")
	vragen := []kennisbank.Vraag{{
		Van: "ggz", Naar: kennisbank.Ontvangers{"overleg_deelnemers"}, Gegevens: []string{"gezondheid"},
		Doel: "zvh_casusoverleg", Convenant: "zvht", Datum: datumNaWGS, Feiten: map[string]any{"toestemming": "niet_gevraagd", "acuut_gevaar": false},
	}}
	if s == klein {
		return vragen
	}
	for i, doel := range r.zvhDoelen {
		for j, datum := range ruimteDatums {
			if s == normaal && j != i%len(ruimteDatums) {
				continue
			}
			vragen = append(vragen, kennisbank.Vraag{
				Van: kies(rng, r.partijen), Naar: kennisbank.Ontvangers{"overleg_deelnemers"}, Gegevens: kiesN(rng, r.gegevens, 2),
				Doel: doel, Convenant: "zvht", Datum: datum, Feiten: willekeurigeFeiten(r, rng, ruimGewicht),
			})
		}
	}
	return vragen
}

// wettelijkePlichtVragen: statutory duties outside the covenant that give toegestaan (Jeugdwet 7.3.11
// lid 4 to the GI, police to the OM), so that property (f) has toegestaan answers to check.
func wettelijkePlichtVragen(r *ruimte, s schaal) []kennisbank.Vraag {
	vanaf := []string{"huisarts", "school", "ggz"}
	geg := []string{"identificerend", "gezondheid", "huiselijk_geweld"}
	if s != klein {
		vanaf, geg = r.ontvangers, r.gegevens
	}
	vragen := []kennisbank.Vraag{{
		Van: "politie", Naar: kennisbank.Ontvangers{"om"}, Gegevens: []string{"politiegegevens", "strafrechtelijk"},
		Doel: "opsporing", Datum: datumNaWGS,
	}}
	for _, van := range vanaf {
		vragen = append(vragen, kennisbank.Vraag{
			Van: van, Naar: kennisbank.Ontvangers{"gecertificeerde_instelling"}, Gegevens: slices.Clone(geg),
			Doel: "ots_uitvoering", Datum: datumNaWGS, Feiten: map[string]any{"ots": true},
		})
	}
	return vragen
}

// ---------------------------------------------------------------------------------------------------
// The answered space, computed once and shared by the property subtests.

var (
	ruimteOnce     sync.Once
	ruimteGevallen []*geval
	ruimteFout     error
)

var (
	kernOnce sync.Once
	kern     *library.Engine
	kernFout error
)

// kernEngine returns one engine that answers without alternatives, for bulk evaluation.
func kernEngine(t testing.TB) *library.Engine {
	t.Helper()
	kernOnce.Do(func() { kern, kernFout = library.New(context.Background(), library.ZonderAlternatieven()) })
	if kernFout != nil {
		t.Fatalf("New(ZonderAlternatieven): %v", kernFout)
	}
	return kern
}

// zonderAlternatieven gives the JSON of an answer with its alternatives left out.
func zonderAlternatieven(raw []byte) []byte {
	var a library.Antwoord
	if err := json.Unmarshal(raw, &a); err != nil {
		return raw
	}
	a.Alternatieven = nil
	b, _ := json.Marshal(a)
	return b
}

func beslisruimte(t *testing.T) (*ruimte, []*geval) {
	t.Helper()
	e, k := testEngine(t), kernEngine(t)
	r := nieuweRuimte(t, e.Kennisbank())
	s := kiesSchaal()
	ruimteOnce.Do(func() {
		var gevallen []*geval
		for _, gen := range generatoren {
			for i, v := range gen.vragen(r, s) {
				gevallen = append(gevallen, &geval{bron: fmt.Sprintf("%s/%d", gen.naam, i), vraag: v})
			}
		}
		// Ask every sixth question (every twentieth at full scale) twice more, with alternatives, to check
		// determinism and that leaving the alternatives out changes nothing else.
		stap := 6
		if s == volledig {
			stap = 20
		}
		werk := make(chan int)
		var wg sync.WaitGroup
		var mu sync.Mutex
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range werk {
					g := gevallen[i]
					a, err := k.Beantwoord(context.Background(), g.vraag)
					if err == nil {
						g.antwoord = a
						g.json, err = json.Marshal(a)
					}
					for _, doel := range []*[]byte{&g.volledig, &g.opnieuw} {
						if err != nil || i%stap != 0 {
							break
						}
						var b library.Antwoord
						if b, err = e.Beantwoord(context.Background(), g.vraag); err == nil {
							*doel, err = json.Marshal(b)
						}
					}
					if err != nil {
						mu.Lock()
						if ruimteFout == nil {
							ruimteFout = fmt.Errorf("%s %s: %w", g.bron, g.vraagJSON(), err)
						}
						mu.Unlock()
					}
				}
			}()
		}
		for i := range gevallen {
			werk <- i
		}
		close(werk)
		wg.Wait()
		ruimteGevallen = gevallen
	})
	if ruimteFout != nil {
		t.Fatalf("Beantwoord: %v", ruimteFout)
	}
	return r, ruimteGevallen
}

// ---------------------------------------------------------------------------------------------------
// Properties

// schending is one violation of a property: in a cell, or (cel == nil) in the answer as a whole.
type schending struct {
	cel     *library.Deeloordeel
	soort   string // a short key that groups violations of the same kind
	bericht string
}

type eigenschap struct {
	naam string
	// geldt says whether the property says something about cell c of g (nil: the answer): the
	// antecedent. It drives the coverage check; controleer finds the violations.
	geldt      func(r *ruimte, g *geval, c *library.Deeloordeel) bool
	controleer func(r *ruimte, g *geval) []schending
}

var eigenschappen = []eigenschap{
	{"a_positief_met_officiele_grondslag", altijd, eigenschapA},
	{"a2_niet_toegestaan_met_officiele_grondslag", altijd, eigenschapA2},
	{"b_beroepsgeheim_art9", geldtB, eigenschapB},
	{"b2_beroepsgeheim_zonder_toestemming_voor_wgs", geldtB2, eigenschapB2},
	{"c_niet_deelnemer", geldtC, eigenschapC},
	{"d_voor_convenant", geldtD, eigenschapD},
	{"e_vorm_en_determinisme", altijd, eigenschapE},
	{"f_toegestaan_alleen_generiek", altijd, eigenschapF},
}

func altijd(*ruimte, *geval, *library.Deeloordeel) bool { return true }

func positief(o kennisbank.Oordeel) bool {
	return o == kennisbank.Toegestaan || o == kennisbank.ToegestaanOnderVoorwaarden
}

var officieleBron = regexp.MustCompile(`^https://(wetten\.overheid\.nl|eur-lex\.europa\.eu|(zoek\.)?officielebekendmakingen\.nl)/`)

func heeftOfficieleGrondslag(gs []library.Grondslag) bool {
	for _, g := range gs {
		if officieleBron.MatchString(g.Bron) {
			return true
		}
	}
	return false
}

func voorwaardeIDs(vs []library.Voorwaarde) []string {
	ids := make([]string, len(vs))
	for i, v := range vs {
		ids[i] = v.ID
	}
	return ids
}

func feit(g *geval, naam string) any { return g.vraag.Feiten[naam] }

// (a) No toegestaan / toegestaan_onder_voorwaarden answer or cell without a ground that links to the
// official text.
func eigenschapA(_ *ruimte, g *geval) (out []schending) {
	if positief(g.antwoord.Oordeel) && !heeftOfficieleGrondslag(g.antwoord.Grondslagen) {
		out = append(out, schending{nil, "antwoord_zonder_officiele_grondslag", fmt.Sprintf("%s zonder grondslag met officiële link (%v)", g.antwoord.Oordeel, g.antwoord.Grondslagen)})
	}
	for i := range g.antwoord.Deeloordelen {
		c := &g.antwoord.Deeloordelen[i]
		if positief(c.Oordeel) && !heeftOfficieleGrondslag(c.Grondslagen) {
			out = append(out, schending{c, "cel_zonder_officiele_grondslag", fmt.Sprintf("%s zonder grondslag met officiële link (%v)", c.Oordeel, c.Grondslagen)})
		}
	}
	return out
}

// (a2) The contract (§2) asks the same of every verdict other than onbepaald: niet_toegestaan cites the
// rule or law that blocks the share.
func eigenschapA2(_ *ruimte, g *geval) (out []schending) {
	if g.antwoord.Oordeel == kennisbank.NietToegestaan && !heeftOfficieleGrondslag(g.antwoord.Grondslagen) {
		out = append(out, schending{nil, "antwoord_zonder_officiele_grondslag", "niet_toegestaan zonder grondslag met officiële link"})
	}
	for i := range g.antwoord.Deeloordelen {
		c := &g.antwoord.Deeloordelen[i]
		if c.Oordeel == kennisbank.NietToegestaan && !heeftOfficieleGrondslag(c.Grondslagen) {
			out = append(out, schending{c, "cel_zonder_officiele_grondslag", "niet_toegestaan zonder grondslag met officiële link"})
		}
	}
	return out
}

func striktGeheim(r *ruimte, p string) bool { return slices.Contains(r.strikt, p) }

func geldtB(r *ruimte, g *geval, c *library.Deeloordeel) bool {
	return c != nil && striktGeheim(r, g.vraag.Van) && slices.Contains(art9Gegevens, c.Gegevens)
}

// doorbrekingsgronden are the routes through professional secrecy that property (b) accepts, each with
// the facts under which it may carry a positive verdict. A new route through the secrecy layer must be
// added here on purpose.
var doorbrekingsgronden = map[string]func(g *geval, c *library.Deeloordeel) string{
	// consent: stated, or left open as the toestemming_expliciet condition.
	"toestemming_geheim": func(g *geval, c *library.Deeloordeel) string {
		t, gezet := g.vraag.Feiten["toestemming"]
		if t == "gegeven" || (!gezet && slices.Contains(voorwaardeIDs(c.Voorwaarden), "toestemming_expliciet")) {
			return ""
		}
		return fmt.Sprintf("toestemming-route met toestemming=%v en voorwaarden %v", t, voorwaardeIDs(c.Voorwaarden))
	},
	// WGS art. 2.29 lid 2 (goed hulpverlenerschap), only from 2025-03-01.
	"wgs_goed_hulpverlenerschap": func(g *geval, c *library.Deeloordeel) string {
		if g.vraag.Datum < wgsVanaf {
			return "WGS art. 2.29 lid 2 vóór " + wgsVanaf
		}
		if !slices.Contains(voorwaardeIDs(c.Voorwaarden), "goed_hulpverlenerschap") {
			return "WGS art. 2.29 lid 2 zonder de voorwaarde goed_hulpverlenerschap"
		}
		return ""
	},
	// Jeugdwet art. 7.3.11 lid 4: to the GI for an ondertoezichtstelling.
	"informatieplicht_gi_ots": func(g *geval, c *library.Deeloordeel) string {
		if feit(g, "ots") != true || c.Naar != "gecertificeerde_instelling" {
			return fmt.Sprintf("Jeugdwet 7.3.11 lid 4 met ots=%v naar %s", feit(g, "ots"), c.Naar)
		}
		return ""
	},
	// Meldrecht: a report to Veilig Thuis.
	"meldrecht_veilig_thuis": func(g *geval, c *library.Deeloordeel) string {
		if g.vraag.Doel != "meldcode_melding" || c.Naar != "veilig_thuis" {
			return fmt.Sprintf("meldrecht voor doel %s naar %s", g.vraag.Doel, c.Naar)
		}
		return ""
	},
	// Conflict of duties: only with acute danger, and the test is left to the professional.
	"conflict_van_plichten": func(g *geval, c *library.Deeloordeel) string {
		if feit(g, "acuut_gevaar") != true {
			return fmt.Sprintf("conflict van plichten met acuut_gevaar=%v", feit(g, "acuut_gevaar"))
		}
		if !slices.Contains(voorwaardeIDs(c.Voorwaarden), "cvp_toets") {
			return "conflict van plichten zonder de voorwaarde cvp_toets"
		}
		return ""
	},
}

// (b) A strict secrecy holder's art. 9 data is only positive through a recognised breach of secrecy.
func eigenschapB(r *ruimte, g *geval) (out []schending) {
	for i := range g.antwoord.Deeloordelen {
		c := &g.antwoord.Deeloordelen[i]
		if !geldtB(r, g, c) || !positief(c.Oordeel) {
			continue
		}
		var stap *library.Stap
		for j := range c.Keten {
			if c.Keten[j].Laag == "geheim" {
				stap = &c.Keten[j]
			}
		}
		switch {
		case stap == nil:
			out = append(out, schending{c, "geen_geheim_stap", "positief zonder stap voor het beroepsgeheim in de keten"})
		case stap.Status != "route":
			out = append(out, schending{c, "geheim_zonder_route", fmt.Sprintf("positief terwijl het beroepsgeheim status %s heeft", stap.Status)})
		case doorbrekingsgronden[stap.Route] == nil:
			out = append(out, schending{c, "geen_doorbrekingsgrond:" + stap.Route, fmt.Sprintf("route %s is geen doorbrekingsgrond voor het beroepsgeheim", stap.Route)})
		default:
			if waarom := doorbrekingsgronden[stap.Route](g, c); waarom != "" {
				out = append(out, schending{c, "doorbreking_zonder_feiten:" + stap.Route, waarom})
			}
		}
	}
	return out
}

func geldtB2(r *ruimte, g *geval, c *library.Deeloordeel) bool {
	return geldtB(r, g, c) && slices.Contains(r.zvhDoelen, g.vraag.Doel) && g.vraag.Datum == datumVoorWGS &&
		feit(g, "toestemming") == "niet_gevraagd" && feit(g, "acuut_gevaar") == false
}

// (b2) In particular: no consent asked, no acute danger, before the WGS: never positive.
func eigenschapB2(r *ruimte, g *geval) (out []schending) {
	for i := range g.antwoord.Deeloordelen {
		c := &g.antwoord.Deeloordelen[i]
		if geldtB2(r, g, c) && positief(c.Oordeel) {
			out = append(out, schending{c, "positief", fmt.Sprintf("%s zonder toestemming, zonder acuut gevaar, vóór de WGS", c.Oordeel)})
		}
	}
	return out
}

func geldtC(r *ruimte, g *geval, c *library.Deeloordeel) bool {
	if c == nil || !slices.Contains(r.zvhDoelen, g.vraag.Doel) {
		return false
	}
	return g.vraag.Van == "niet_deelnemer" || c.Naar == "niet_deelnemer" ||
		feit(g, "deelnemer_van") == false || feit(g, "deelnemer_naar") == false
}

// (c) Under a ZVHT purpose nothing positive goes from or to a non-participant.
func eigenschapC(r *ruimte, g *geval) (out []schending) {
	for i := range g.antwoord.Deeloordelen {
		c := &g.antwoord.Deeloordelen[i]
		if geldtC(r, g, c) && positief(c.Oordeel) {
			out = append(out, schending{c, "positief", fmt.Sprintf("%s met van=%s, naar=%s, deelnemer_van=%v, deelnemer_naar=%v",
				c.Oordeel, g.vraag.Van, c.Naar, feit(g, "deelnemer_van"), feit(g, "deelnemer_naar"))})
		}
	}
	return out
}

func geldtD(r *ruimte, g *geval, _ *library.Deeloordeel) bool {
	return slices.Contains(r.zvhDoelen, g.vraag.Doel) && g.vraag.Datum < r.geldigVanaf
}

// (d) Nothing is positive for a ZVHT purpose before the covenant's geldig_vanaf.
func eigenschapD(r *ruimte, g *geval) (out []schending) {
	if !geldtD(r, g, nil) {
		return nil
	}
	if positief(g.antwoord.Oordeel) {
		out = append(out, schending{nil, "antwoord_positief", fmt.Sprintf("%s op %s, vóór %s", g.antwoord.Oordeel, g.vraag.Datum, r.geldigVanaf)})
	}
	for i := range g.antwoord.Deeloordelen {
		c := &g.antwoord.Deeloordelen[i]
		if positief(c.Oordeel) {
			out = append(out, schending{c, "cel_positief", fmt.Sprintf("%s op %s, vóór %s", c.Oordeel, g.vraag.Datum, r.geldigVanaf)})
		}
	}
	return out
}

var (
	oordeelRang = map[kennisbank.Oordeel]int{kennisbank.NietToegestaan: 0, kennisbank.Onbepaald: 1, kennisbank.ToegestaanOnderVoorwaarden: 2, kennisbank.Toegestaan: 3}
	zekerheden  = []string{"hoog", "middel", "laag"}
	stapStatus  = []string{"route", "onbekend", "geen_route"}
)

// (e) Shape: every onbepaald has a reason; verdicts, certainties, conditions, layers and grounds come from
// the vocabulary; the overall verdict is the strictest cell verdict; the same question gives the same
// JSON.
func eigenschapE(r *ruimte, g *geval) (out []schending) {
	a := &g.antwoord
	voorwaarden, grondslagen, lagen := r.kb.IDs("voorwaarden"), r.kb.IDs("grondslagen"), r.kb.IDs("lagen")
	add := func(c *library.Deeloordeel, soort, format string, args ...any) {
		out = append(out, schending{c, soort, fmt.Sprintf(format, args...)})
	}
	if _, ok := oordeelRang[a.Oordeel]; !ok {
		add(nil, "oordeel_onbekend", "oordeel %q niet in de woordenlijst", a.Oordeel)
	}
	if !slices.Contains(zekerheden, a.Zekerheid) {
		add(nil, "zekerheid_onbekend", "zekerheid %q niet in de woordenlijst", a.Zekerheid)
	}
	if a.Oordeel == kennisbank.Onbepaald && len(a.Redenen) == 0 {
		add(nil, "onbepaald_zonder_reden", "onbepaald zonder redenen")
	}
	for _, v := range a.Voorwaarden {
		if !slices.Contains(voorwaarden, v.ID) {
			add(nil, "voorwaarde_onbekend", "voorwaarde %q onbekend", v.ID)
		}
	}
	if len(a.Deeloordelen) == 0 {
		add(nil, "geen_deeloordelen", "antwoord zonder deeloordelen")
	}
	strengste := kennisbank.Toegestaan
	for i := range a.Deeloordelen {
		c := &a.Deeloordelen[i]
		if rang, ok := oordeelRang[c.Oordeel]; !ok {
			add(c, "oordeel_onbekend", "oordeel %q niet in de woordenlijst", c.Oordeel)
		} else if rang < oordeelRang[strengste] {
			strengste = c.Oordeel
		}
		if !slices.Contains(zekerheden, c.Zekerheid) {
			add(c, "zekerheid_onbekend", "zekerheid %q niet in de woordenlijst", c.Zekerheid)
		}
		if c.Oordeel == kennisbank.Onbepaald && len(c.Redenen) == 0 {
			add(c, "onbepaald_zonder_reden", "onbepaald zonder redenen")
		}
		for _, v := range c.Voorwaarden {
			if !slices.Contains(voorwaarden, v.ID) {
				add(c, "voorwaarde_onbekend", "voorwaarde %q onbekend", v.ID)
			}
		}
		for _, gr := range c.Grondslagen {
			if !slices.Contains(grondslagen, gr.ID) {
				add(c, "grondslag_onbekend", "grondslag %q onbekend", gr.ID)
			}
		}
		for _, s := range c.Keten {
			if !slices.Contains(lagen, s.Laag) || !slices.Contains(stapStatus, s.Status) {
				add(c, "keten_onbekend", "ketenstap laag %q status %q", s.Laag, s.Status)
			}
			for _, gr := range s.Grondslagen {
				if !slices.Contains(grondslagen, gr) {
					add(c, "grondslag_onbekend", "ketenstap %s: grondslag %q onbekend", s.Laag, gr)
				}
			}
		}
	}
	if len(a.Deeloordelen) > 0 && a.Oordeel != strengste {
		add(nil, "niet_strengste", "oordeel %s, maar het strengste deeloordeel is %s", a.Oordeel, strengste)
	}
	if g.opnieuw != nil && !bytes.Equal(g.volledig, g.opnieuw) {
		add(nil, "niet_deterministisch", "dezelfde vraag gaf twee verschillende antwoorden (%d en %d bytes)", len(g.volledig), len(g.opnieuw))
	}
	if g.volledig != nil && !bytes.Equal(zonderAlternatieven(g.volledig), zonderAlternatieven(g.json)) {
		add(nil, "zonder_alternatieven_wijkt_af", "het antwoord zonder alternatieven verschilt van het volledige antwoord op meer dan de alternatieven")
	}
	return out
}

// (f) toegestaan carries only the generic care duties as conditions.
func eigenschapF(r *ruimte, g *geval) (out []schending) {
	generiek := func(id string) bool { return r.kb.Item("voorwaarden", id)["generiek"] == true }
	if g.antwoord.Oordeel == kennisbank.Toegestaan {
		for _, v := range g.antwoord.Voorwaarden {
			if !generiek(v.ID) {
				out = append(out, schending{nil, "niet_generiek:" + v.ID, fmt.Sprintf("toegestaan met de niet-generieke voorwaarde %s", v.ID)})
			}
		}
	}
	for i := range g.antwoord.Deeloordelen {
		c := &g.antwoord.Deeloordelen[i]
		if c.Oordeel != kennisbank.Toegestaan {
			continue
		}
		for _, v := range c.Voorwaarden {
			if !generiek(v.ID) {
				out = append(out, schending{c, "niet_generiek:" + v.ID, fmt.Sprintf("toegestaan met de niet-generieke voorwaarde %s", v.ID)})
			}
		}
	}
	return out
}

// ---------------------------------------------------------------------------------------------------
// Tests

func TestEigenschappen(t *testing.T) {
	zwaar(t)
	t.Parallel()
	r, gevallen := beslisruimte(t)
	cellen := 0
	for _, g := range gevallen {
		cellen += len(g.antwoord.Deeloordelen)
	}
	t.Logf("schaal %s: %d vragen, %d deeloordelen", kiesSchaal(), len(gevallen), cellen)

	var uitvoer *json.Encoder
	if *schendingenUitvoer != "" {
		f, err := os.Create(*schendingenUitvoer)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		uitvoer = json.NewEncoder(f)
	}
	var uitvoerMu sync.Mutex

	for _, e := range eigenschappen {
		t.Run(e.naam, func(t *testing.T) {
			t.Parallel()
			perSoort := map[string]int{}
			var soorten []string
			for _, g := range gevallen {
				for _, s := range e.controleer(r, g) {
					if perSoort[s.soort] == 0 {
						soorten = append(soorten, s.soort)
						// The first violation of each kind in full: question, cell and legal chain.
						t.Errorf("%s\n%s", s.bericht, beschrijf(g, s.cel))
					}
					perSoort[s.soort]++
					if uitvoer != nil {
						uitvoerMu.Lock()
						_ = uitvoer.Encode(schendingRegel(e.naam, g, s))
						uitvoerMu.Unlock()
					}
				}
			}
			for _, soort := range soorten {
				t.Errorf("%s: %d schendingen van soort %s", e.naam, perSoort[soort], soort)
			}
		})
	}
}

// TestEigenschappenDekking checks that every property was evaluated over every party (as sender or
// recipient), every category it is about and every ZVHT purpose, and that no property holds vacuously.
func TestEigenschappenDekking(t *testing.T) {
	zwaar(t)
	t.Parallel()
	r, gevallen := beslisruimte(t)
	for _, e := range eigenschappen {
		t.Run(e.naam, func(t *testing.T) {
			t.Parallel()
			partijen, gegevens, doelen := map[string]bool{}, map[string]bool{}, map[string]bool{}
			antecedent := 0
			for _, g := range gevallen {
				if e.geldt(r, g, nil) {
					antecedent++
				}
				for i := range g.antwoord.Deeloordelen {
					c := &g.antwoord.Deeloordelen[i]
					if !e.geldt(r, g, c) {
						continue
					}
					antecedent++
					partijen[g.vraag.Van], partijen[c.Naar], gegevens[c.Gegevens], doelen[g.vraag.Doel] = true, true, true, true
				}
				if e.geldt(r, g, nil) {
					partijen[g.vraag.Van], doelen[g.vraag.Doel] = true, true
					for _, n := range g.vraag.Naar {
						partijen[n] = true
					}
					for _, c := range g.vraag.Gegevens {
						gegevens[c] = true
					}
				}
			}
			if antecedent == 0 {
				t.Fatalf("%s: geen enkele vraag valt onder de eigenschap", e.naam)
			}
			wilGegevens := r.gegevens
			if strings.HasPrefix(e.naam, "b") {
				wilGegevens = art9Gegevens
			}
			var mist []string
			for _, p := range r.partijen {
				// A property about strict senders covers the parties as recipients; the table pseudo-role
				// never is a cell (it expands to the participants).
				if !partijen[p] && p != "overleg_deelnemers" {
					mist = append(mist, "partij "+p)
				}
			}
			for _, c := range wilGegevens {
				if !gegevens[c] {
					mist = append(mist, "gegevens "+c)
				}
			}
			for _, d := range r.zvhDoelen {
				if !doelen[d] {
					mist = append(mist, "doel "+d)
				}
			}
			if len(mist) > 0 {
				t.Errorf("%s dekt niet: %s", e.naam, strings.Join(mist, ", "))
			}
			t.Logf("%s: %d gevallen onder de eigenschap", e.naam, antecedent)
		})
	}
	// overleg_deelnemers is a party too: it must have been asked about.
	gevraagd := false
	for _, g := range gevallen {
		gevraagd = gevraagd || slices.Contains(g.vraag.Naar, "overleg_deelnemers")
	}
	if !gevraagd {
		t.Error("geen vraag aan overleg_deelnemers")
	}
}

// TestEigenschappenKunnenFalen feeds each property a real answer that was made wrong on purpose, so that
// a property that can never fail is caught.
func TestEigenschappenKunnenFalen(t *testing.T) {
	t.Parallel()
	e := testEngine(t)
	r := nieuweRuimte(t, e.Kennisbank())
	vraag := func(v kennisbank.Vraag) *geval {
		t.Helper()
		v.Feiten = maps.Clone(v.Feiten) // the cases share their questions; each mutates its own copy
		a, err := e.Beantwoord(context.Background(), v)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(a)
		return &geval{bron: "mutatie", vraag: v, antwoord: a, json: b}
	}
	// ZVH-05: ggz → table, gezondheid, after the WGS, through goed hulpverlenerschap.
	zvh05 := kennisbank.Vraag{Van: "ggz", Naar: kennisbank.Ontvangers{"wijkteam"}, Gegevens: []string{"gezondheid"}, Doel: "zvh_casusoverleg",
		Convenant: "zvht", Datum: datumNaWGS, Feiten: map[string]any{"toestemming": "niet_gevraagd", "acuut_gevaar": false, "inclusiecriteria": true}}
	ots := kennisbank.Vraag{Van: "huisarts", Naar: kennisbank.Ontvangers{"gecertificeerde_instelling"}, Gegevens: []string{"gezondheid"},
		Doel: "ots_uitvoering", Datum: datumNaWGS, Feiten: map[string]any{"ots": true}}

	eigen := func(naam string) eigenschap {
		for _, e := range eigenschappen {
			if e.naam == naam {
				return e
			}
		}
		t.Fatalf("geen eigenschap %s", naam)
		return eigenschap{}
	}
	positieveCel := func(g *geval) *library.Deeloordeel {
		t.Helper()
		for i := range g.antwoord.Deeloordelen {
			if positief(g.antwoord.Deeloordelen[i].Oordeel) {
				return &g.antwoord.Deeloordelen[i]
			}
		}
		t.Fatalf("geen positieve cel in %s", g.vraagJSON())
		return nil
	}
	tests := []struct {
		eigenschap string
		vraag      kennisbank.Vraag
		bederf     func(g *geval)
	}{
		{"a_positief_met_officiele_grondslag", zvh05, func(g *geval) {
			c := positieveCel(g)
			for i := range c.Grondslagen {
				c.Grondslagen[i].Bron = "https://example.org/wet"
			}
		}},
		{"a2_niet_toegestaan_met_officiele_grondslag", zvh05, func(g *geval) {
			c := positieveCel(g)
			c.Oordeel, c.Grondslagen = kennisbank.NietToegestaan, nil
		}},
		{"b_beroepsgeheim_art9", zvh05, func(g *geval) { g.vraag.Datum = datumVoorWGS }},
		{"b_beroepsgeheim_art9", zvh05, func(g *geval) {
			for i := range positieveCel(g).Keten {
				if positieveCel(g).Keten[i].Laag == "geheim" {
					positieveCel(g).Keten[i].Route = "eigen_taak_deelnemer"
				}
			}
		}},
		{"b_beroepsgeheim_art9", zvh05, func(g *geval) {
			c := positieveCel(g)
			c.Keten = slices.DeleteFunc(c.Keten, func(s library.Stap) bool { return s.Laag == "geheim" })
		}},
		{"b2_beroepsgeheim_zonder_toestemming_voor_wgs", zvh05, func(g *geval) { g.vraag.Datum = datumVoorWGS }},
		{"c_niet_deelnemer", zvh05, func(g *geval) { g.vraag.Feiten["deelnemer_naar"] = false }},
		{"c_niet_deelnemer", zvh05, func(g *geval) { positieveCel(g).Naar = "niet_deelnemer" }},
		{"d_voor_convenant", zvh05, func(g *geval) { g.vraag.Datum = datumVoorConvenant }},
		{"e_vorm_en_determinisme", zvh05, func(g *geval) { g.antwoord.Oordeel = kennisbank.Toegestaan }},
		{"e_vorm_en_determinisme", zvh05, func(g *geval) { positieveCel(g).Voorwaarden[0].ID = "onbekende_voorwaarde" }},
		{"e_vorm_en_determinisme", zvh05, func(g *geval) { g.volledig, g.opnieuw = g.json, append([]byte("x"), g.json...) }},
		{"e_vorm_en_determinisme", zvh05, func(g *geval) {
			b := g.antwoord
			b.Zekerheid = "hoog"
			g.volledig, _ = json.Marshal(b)
		}},
		{"e_vorm_en_determinisme", zvh05, func(g *geval) {
			c := positieveCel(g)
			c.Oordeel, c.Redenen = kennisbank.Onbepaald, nil
		}},
		{"f_toegestaan_alleen_generiek", ots, func(g *geval) {
			c := positieveCel(g)
			c.Voorwaarden = append(c.Voorwaarden, library.Voorwaarde{ID: "toestemming_expliciet"})
		}},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.eigenschap, i), func(t *testing.T) {
			t.Parallel()
			e := eigen(tt.eigenschap)
			g := vraag(tt.vraag)
			if s := e.controleer(r, g); len(s) > 0 {
				t.Fatalf("het echte antwoord schendt %s al: %s\n%s", tt.eigenschap, s[0].bericht, beschrijf(g, s[0].cel))
			}
			tt.bederf(g)
			if s := e.controleer(r, g); len(s) == 0 {
				t.Errorf("%s vindt het bedorven antwoord niet: %s", tt.eigenschap, g.vraagJSON())
			}
		})
	}
}

// ---------------------------------------------------------------------------------------------------
// Reporting

// beschrijf gives the question and, for a cell, its verdict, conditions, grounds and legal chain.
func beschrijf(g *geval, c *library.Deeloordeel) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  vraag (%s): %s\n", g.bron, g.vraagJSON())
	fmt.Fprintf(&b, "  antwoord: %s (%s)\n", g.antwoord.Oordeel, g.antwoord.Zekerheid)
	if c == nil {
		return b.String()
	}
	fmt.Fprintf(&b, "  cel %s × %s: %s (%s), voorwaarden %v\n", c.Naar, c.Gegevens, c.Oordeel, c.Zekerheid, voorwaardeIDs(c.Voorwaarden))
	for _, s := range c.Keten {
		fmt.Fprintf(&b, "    keten %-9s %-10s %-28s %s %v\n", s.Laag, s.Status, s.Route, s.Oordeel, s.Grondslagen)
	}
	for _, rd := range c.Redenen {
		fmt.Fprintf(&b, "    reden %s\n", rd.ID)
	}
	return b.String()
}

func schendingRegel(naam string, g *geval, s schending) map[string]any {
	regel := map[string]any{"eigenschap": naam, "soort": s.soort, "bericht": s.bericht, "bron": g.bron,
		"vraag": g.vraag, "oordeel": g.antwoord.Oordeel}
	if s.cel != nil {
		regel["cel"] = map[string]any{"naar": s.cel.Naar, "gegevens": s.cel.Gegevens, "oordeel": s.cel.Oordeel,
			"voorwaarden": voorwaardeIDs(s.cel.Voorwaarden), "keten": s.cel.Keten}
	}
	return regel
}

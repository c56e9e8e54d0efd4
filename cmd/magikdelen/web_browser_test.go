package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/web"
)

// schermafdrukkenEnv names the folder where TestWebInBrowser saves its screenshots (the README's are
// made with MAGIKDELEN_SCHERMAFDRUKKEN=docs).
const schermafdrukkenEnv = "MAGIKDELEN_SCHERMAFDRUKKEN"

// breedtes are the screens of the browser tests: a laptop and a phone.
var breedtes = []struct {
	naam        string
	breed, hoog int64
	mobiel      bool
}{{"1280", 1280, 900, false}, {"390", 390, 844, true}}

// webTab is a tab of the browser on the server's pages that records console errors, exceptions and
// requests to anything but the server.
type webTab struct {
	t     *testing.T
	ctx   context.Context
	basis string
	mu    sync.Mutex
	fout  []string
}

func nieuweWebTab(t *testing.T, bctx context.Context, basis string) *webTab {
	t.Helper()
	w := &webTab{t: t, basis: basis}
	tab, sluit := chromedp.NewContext(bctx, chromedp.WithListener(func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			w.fout = append(w.fout, "uitzondering: "+e.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				w.fout = append(w.fout, fmt.Sprintf("console.%s", e.Type))
			}
		case *cdplog.EventEntryAdded:
			// CSP violations and failed loads end up here.
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
				w.fout = append(w.fout, fmt.Sprintf("log %s (%s): %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			// data: URLs are Chromium's own (the icon of a date field), not a request of the page.
			if !strings.HasPrefix(e.Request.URL, basis+"/") && !strings.HasPrefix(e.Request.URL, "data:") {
				w.fout = append(w.fout, "externe bron: "+e.Request.URL)
			}
		}
	}))
	t.Cleanup(sluit)
	w.ctx = tab
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("Network.enable: %v", err)
	}
	if _, err := chromedp.Call(tab, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatalf("Log.enable: %v", err)
	}
	return w
}

// problemen returns and forgets what the tab recorded.
func (w *webTab) problemen() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.fout
	w.fout = nil
	return p
}

func (w *webTab) doe(wat string, acties ...chromedp.Action[chromedp.Void]) {
	w.t.Helper()
	if err := chromedp.Do(w.ctx, acties...); err != nil {
		w.t.Fatalf("chromium, %s: %v", wat, err)
	}
}

func waarde[T any](w *webTab, expressie string, opts ...chromedp.EvaluateOption) T {
	w.t.Helper()
	v, err := chromedp.Run(w.ctx, chromedp.Evaluate[T](expressie, opts...))
	if err != nil {
		w.t.Fatalf("chromium, %s: %v", expressie[:min(len(expressie), 80)], err)
	}
	return v
}

func (w *webTab) open(pad string) {
	w.t.Helper()
	w.doe("open "+pad, chromedp.Navigate(w.basis+pad), chromedp.WaitReady(chromedp.CSS("main")))
}

func (w *webTab) scherm(b struct {
	naam        string
	breed, hoog int64
	mobiel      bool
}) {
	w.t.Helper()
	opts := []chromedp.EmulateViewportOption{}
	if b.mobiel {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateScale(3))
	}
	w.doe("scherm "+b.naam, chromedp.EmulateViewport(b.breed, b.hoog, opts...))
}

// toets presses keys, as a person at the keyboard would.
func (w *webTab) toets(keys string, opts ...chromedp.KeyOption) {
	w.t.Helper()
	w.doe("toets "+strconv.Quote(keys), chromedp.KeyEvent(keys, opts...))
}

// actief describes the element that has the keyboard focus.
type actief struct {
	Tag, Type, Name, Value, ID, Tekst, Lijst string
	Checked                                  bool
}

func (w *webTab) actief() actief {
	w.t.Helper()
	return waarde[actief](w, `(() => { const e = document.activeElement || document.body; const f = e.closest("fieldset[data-filter]");
  return {tag: e.tagName, type: e.type || "", name: e.name || "", value: e.value || "", id: e.id, tekst: (e.textContent || "").trim(), lijst: f ? f.id : "", checked: !!e.checked}; })()`)
}

// verstuur presses Enter on the focused button and waits for the next page: a new document (the old
// one is marked first), completely loaded. It returns the new address.
func (w *webTab) verstuur() string {
	w.t.Helper()
	waarde[bool](w, `window.magikdelenOud = true`)
	w.toets(kb.Enter)
	for range 200 {
		loc, err := chromedp.Run(w.ctx, chromedp.Evaluate[string](`(!window.magikdelenOud && document.readyState === "complete") ? location.href : ""`))
		if err == nil && loc != "" {
			return loc
		}
		time.Sleep(50 * time.Millisecond)
	}
	w.t.Fatalf("geen nieuwe pagina na Enter")
	return ""
}

// naarInhoud uses the skip link: Tab to it, Enter, and the focus is on the main content.
func (w *webTab) naarInhoud() {
	w.t.Helper()
	w.toets(kb.Tab)
	if a := w.actief(); a.Tekst != "Naar de inhoud" {
		w.t.Fatalf("eerste Tab: %+v, verwacht de link \"Naar de inhoud\"", a)
	}
	w.toets(kb.Enter)
	if a := w.actief(); a.ID != "hoofdinhoud" {
		w.t.Fatalf("na de link \"Naar de inhoud\": focus op %+v", a)
	}
}

// tabNaar presses Tab until past returns true for the focused element (at most n times).
func (w *webTab) tabNaar(wat string, n int, past func(actief) bool) actief {
	w.t.Helper()
	for range n {
		w.toets(kb.Tab)
		if a := w.actief(); past(a) {
			return a
		}
	}
	w.t.Fatalf("met Tab niet bij %s gekomen", wat)
	return actief{}
}

// persona is a professional who fills in the form by keyboard: per list the words typed in its filter
// box (each must leave exactly one option), and the answers to the open facts.
type persona struct {
	naam    string
	lijsten []struct {
		naam     string
		termen   []string
		verwacht []string // the ids chosen
	}
	feiten map[string]string
}

var personas = []persona{
	{
		naam: "wijkagent ZVH casusoverleg",
		lijsten: []struct {
			naam     string
			termen   []string
			verwacht []string
		}{
			{"van", []string{"wijkagent"}, []string{"politie"}},
			{"naar", []string{"casustafel"}, []string{"overleg_deelnemers"}},
			{"gegevens", []string{"strafrechtelijk", "politie-informatie"}, []string{"strafrechtelijk", "politiegegevens"}},
			{"doel", []string{"casusoverleg (mdo)"}, []string{"zvh_casusoverleg"}},
		},
		feiten: map[string]string{"inclusiecriteria": "ja"},
	},
	{
		naam: "huisarts acuut gevaar",
		lijsten: []struct {
			naam     string
			termen   []string
			verwacht []string
		}{
			{"van", []string{"huisarts"}, []string{"huisarts"}},
			{"naar", []string{"wijkagent"}, []string{"politie"}},
			{"gegevens", []string{"identificerende", "diagnose"}, []string{"identificerend", "gezondheid"}},
			{"doel", []string{"acuut gevaar afwenden"}, []string{"gevaar_afwenden"}},
		},
		feiten: map[string]string{"acuut_gevaar": "ja"},
	},
}

// vulIn fills in the form as the persona, by keyboard only: the skip link, then per list Tab to its
// filter box, type, Tab to the one option left, Space; then Tab to "Verder" and Enter; then for every
// round of open facts Tab through them, choose the persona's answer with the arrow keys (the rest stays
// "weet ik niet"), and Enter on "Verder". It returns the address of the answer page.
func (w *webTab) vulIn(p persona) string {
	w.t.Helper()
	w.open("/")
	w.naarInhoud()
	for _, l := range p.lijsten {
		for i, term := range l.termen {
			if i == 0 {
				w.tabNaar("het zoekvak van "+l.naam, 8, func(a actief) bool { return a.Type == "search" && a.Lijst == "veld-"+l.naam })
			} else {
				w.toets(kb.Tab, chromedp.KeyModifiers(kb.ModifierShift))
				if a := w.actief(); a.Type != "search" {
					w.t.Fatalf("Shift+Tab: %+v, verwacht het zoekvak van %s", a, l.naam)
				}
				w.toets("a", chromedp.KeyModifiers(kb.ModifierCtrl))
				w.toets(kb.Backspace)
			}
			w.toets(term)
			zichtbaar := waarde[[]string](w, `Array.from(document.querySelectorAll("#veld-`+l.naam+` .keuze:not([hidden]) input")).map(i => i.value)`)
			if len(zichtbaar) != 1 || zichtbaar[0] != l.verwacht[i] {
				w.t.Fatalf("%s: zoeken op %q laat %v zien, verwacht alleen %s", l.naam, term, zichtbaar, l.verwacht[i])
			}
			w.toets(kb.Tab)
			if a := w.actief(); a.Name != l.naam || a.Value != l.verwacht[i] {
				w.t.Fatalf("%s: Tab na het zoeken: %+v", l.naam, a)
			}
			w.toets(" ")
			if a := w.actief(); !a.Checked {
				w.t.Fatalf("%s: spatie kiest %s niet", l.naam, a.Value)
			}
		}
	}
	w.tabNaar("de knop Verder", 6, func(a actief) bool { return a.Tag == "BUTTON" && a.Tekst == "Verder" })
	adres := w.verstuur()
	for ronde := 0; !strings.Contains(adres, "/vraag?"); ronde++ {
		if ronde == 5 {
			w.t.Fatalf("na 5 rondes feiten nog geen antwoord: %s", adres)
		}
		w.naarInhoud()
		for range 80 {
			w.toets(kb.Tab)
			a := w.actief()
			if a.Tag == "BUTTON" && a.Tekst == "Verder" {
				break
			}
			naam, ok := strings.CutPrefix(a.Name, "feit.")
			if !ok || p.feiten[naam] == "" || a.Type != "radio" {
				continue
			}
			for range 8 {
				if a = w.actief(); a.Value == p.feiten[naam] && a.Checked {
					break
				}
				w.toets(kb.ArrowUp)
			}
			if a.Value != p.feiten[naam] || !a.Checked {
				w.t.Fatalf("feit %s: met de pijltjes niet bij %q: %+v", naam, p.feiten[naam], a)
			}
		}
		if a := w.actief(); a.Tag != "BUTTON" {
			w.t.Fatalf("de knop Verder niet bereikt: %+v (adres %s, kop %q)", a, waarde[string](w, "location.href"), waarde[string](w, `document.querySelector("h1").innerText`))
		}
		adres = w.verstuur()
	}
	return adres
}

// vraagUitAdres reads the question back from the address of an answer page.
func vraagUitAdres(t *testing.T, kbase *kennisbank.Kennisbank, adres string) kennisbank.Vraag {
	t.Helper()
	u, err := url.Parse(adres)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	v := kennisbank.Vraag{Van: q.Get("van"), Naar: kennisbank.Ontvangers(strings.Split(q.Get("naar"), ",")), Gegevens: strings.Split(q.Get("gegevens"), ","),
		Doel: q.Get("doel"), Convenant: q.Get("convenant"), Fase: q.Get("fase"), Datum: q.Get("datum")}
	for _, f := range q["feit"] {
		naam, w, _ := strings.Cut(f, "=")
		if v.Feiten == nil {
			v.Feiten = map[string]any{}
		}
		fv, _ := kbase.Feitvraag(naam)
		switch {
		case fv.Type == "ja_nee":
			v.Feiten[naam] = w == "true"
		case fv.Type == "geheel_getal":
			n, _ := strconv.ParseInt(w, 10, 64)
			v.Feiten[naam] = n
		default:
			v.Feiten[naam] = w
		}
	}
	return v
}

// getoond is what the answer page shows: the verdict, the grounds and conditions (ids and texts) and
// the verdicts per recipient and category.
type getoond struct {
	Oordeel     string   `json:"oordeel"`
	Woord       string   `json:"woord"`
	Grondslagen []string `json:"grondslagen"`
	Voorwaarden []string `json:"voorwaarden"`
	Teksten     string   `json:"teksten"`
	Deel        []string `json:"deel"`
	Disclaimer  bool     `json:"disclaimer"`
}

const toonJS = `(() => {
  const o = document.querySelector("section.oordeel");
  return {
    oordeel: o ? o.dataset.oordeel : "",
    woord: o ? o.querySelector("h2").innerText : "",
    grondslagen: Array.from(document.querySelectorAll("li[data-grondslag]")).map(l => l.dataset.grondslag),
    voorwaarden: Array.from(document.querySelectorAll("li[data-voorwaarde]")).map(l => l.dataset.voorwaarde),
    teksten: Array.from(document.querySelectorAll("li[data-voorwaarde], li[data-grondslag]")).map(l => l.innerText).join("\n"),
    deel: Array.from(document.querySelectorAll("tr[data-oordeel]")).map(r => r.dataset.oordeel),
    disclaimer: document.body.innerText.includes("Dit antwoord is een hulpmiddel, geen juridisch advies"),
  };
})()`

// vergelijkMetLibrary checks that the page shows the library's answer: same verdict (as word too),
// grounds, conditions with their texts, and verdicts per recipient and category.
func vergelijkMetLibrary(t *testing.T, naam string, kbase *kennisbank.Kennisbank, a library.Antwoord, g getoond) {
	t.Helper()
	if g.Oordeel != string(a.Oordeel) {
		t.Errorf("%s: oordeel op de pagina %q, library %q", naam, g.Oordeel, a.Oordeel)
	}
	if woord := kbase.Label("oordelen", string(a.Oordeel)); !strings.Contains(g.Woord, woord) {
		t.Errorf("%s: het oordeel staat er niet in woorden (%q, verwacht %q)", naam, g.Woord, woord)
	}
	var grondslagen, voorwaarden, deel []string
	for _, gr := range a.Grondslagen {
		grondslagen = append(grondslagen, gr.ID)
		if !strings.Contains(g.Teksten, gr.Titel) {
			t.Errorf("%s: grondslag %q staat niet op de pagina", naam, gr.Titel)
		}
	}
	for _, v := range a.Voorwaarden {
		voorwaarden = append(voorwaarden, v.ID)
		if !strings.Contains(g.Teksten, v.Tekst) {
			t.Errorf("%s: tekst van voorwaarde %s staat niet op de pagina", naam, v.ID)
		}
	}
	if len(a.Deeloordelen) > 1 {
		for _, d := range a.Deeloordelen {
			deel = append(deel, string(d.Oordeel))
		}
	}
	if !slices.Equal(grondslagen, g.Grondslagen) {
		t.Errorf("%s: grondslagen op de pagina %v, library %v", naam, g.Grondslagen, grondslagen)
	}
	if !slices.Equal(voorwaarden, g.Voorwaarden) {
		t.Errorf("%s: voorwaarden op de pagina %v, library %v", naam, g.Voorwaarden, voorwaarden)
	}
	if !slices.Equal(deel, g.Deel) {
		t.Errorf("%s: deeloordelen op de pagina %v, library %v", naam, g.Deel, deel)
	}
	if !g.Disclaimer {
		t.Errorf("%s: \"Dit antwoord is een hulpmiddel, geen juridisch advies\" ontbreekt", naam)
	}
}

// TestWebInBrowser drives the web pages of magikdelen serveer in headless Chromium: a wijkagent and a
// huisarts fill in the form by keyboard only at 1280 and 390 px and get the library's answer; every
// third shared scenario's answer page shows the library's verdict, grounds and conditions; axe-core finds no
// serious accessibility violation; no page has a console error (a CSP violation is one), loads anything
// from elsewhere or is wider than a phone; the printed heat map keeps every column.
func TestWebInBrowser(t *testing.T) {
	chromium := browserToets(t)
	basis, _, stop := startServeer(t, &serveerOpties{g: &globaleOpties{}})
	t.Cleanup(func() { _ = stop() })
	dir := t.TempDir()
	bctx := startChromium(t, chromium, dir)
	e := testEngine(t)
	kbase := e.Kennisbank()
	afdrukMap := os.Getenv(schermafdrukkenEnv)

	t.Run("formulier per toetsenbord", func(t *testing.T) {
		for _, b := range breedtes {
			for _, p := range personas {
				t.Run(b.naam+"/"+p.naam, func(t *testing.T) {
					w := nieuweWebTab(t, bctx, basis)
					w.scherm(b)
					adres := w.vulIn(p)
					v := vraagUitAdres(t, kbase, adres)
					for _, l := range p.lijsten {
						var gekozen []string
						switch l.naam {
						case "van":
							gekozen = []string{v.Van}
						case "naar":
							gekozen = v.Naar
						case "gegevens":
							gekozen = v.Gegevens
						case "doel":
							gekozen = []string{v.Doel}
						}
						if !slices.Equal(slices.Sorted(slices.Values(gekozen)), slices.Sorted(slices.Values(l.verwacht))) {
							t.Errorf("%s in het antwoordadres: %v, verwacht %v", l.naam, gekozen, l.verwacht)
						}
					}
					for f, w := range p.feiten {
						if got := fmt.Sprint(v.Feiten[f]); got != map[string]string{"ja": "true", "nee": "false"}[w] && got != w {
							t.Errorf("feit %s = %v, verwacht %s", f, v.Feiten[f], w)
						}
					}
					a, err := e.Beantwoord(context.Background(), v)
					if err != nil {
						t.Fatalf("Beantwoord: %v", err)
					}
					vergelijkMetLibrary(t, p.naam, kbase, a, waarde[getoond](w, toonJS))
					breedte := waarde[[2]int](w, `[document.documentElement.scrollWidth, window.innerWidth]`)
					if breedte[0] > breedte[1] {
						t.Errorf("antwoordpagina breder dan het scherm: %v", breedte)
					}
					if afdrukMap != "" && strings.HasPrefix(p.naam, "huisarts") {
						bewaarSchermafdruk(t, w, filepath.Join(afdrukMap, "web-antwoord-"+b.naam+".png"))
						w.open("/")
						bewaarSchermafdruk(t, w, filepath.Join(afdrukMap, "web-formulier-"+b.naam+".png"))
					}
					for _, pr := range w.problemen() {
						t.Error(pr)
					}
				})
			}
		}
	})

	t.Run("scenario's", func(t *testing.T) {
		// Every third scenario as rendered in the browser; library/web's TestAntwoordZoalsLibrary compares
		// every scenario's page with the library without a browser.
		w := nieuweWebTab(t, bctx, basis)
		for i, s := range webScenarios(t) {
			if i%3 != 0 {
				continue
			}
			a, err := e.Beantwoord(context.Background(), s.vraag)
			if err != nil {
				t.Fatalf("%s: Beantwoord: %v", s.id, err)
			}
			v := s.vraag
			if v.Datum == "" {
				v.Datum = a.Vraag.Datum
			}
			w.open(web.VraagAdres(v))
			vergelijkMetLibrary(t, s.id, kbase, a, waarde[getoond](w, toonJS))
		}
		for _, pr := range w.problemen() {
			t.Error(pr)
		}
	})

	t.Run("toegankelijkheid", func(t *testing.T) {
		axe, err := os.ReadFile(filepath.Join("testdata", "axe", "axe.min.js"))
		if err != nil {
			t.Fatal(err)
		}
		paginas := []string{
			"/",
			"/?van=huisarts&naar=politie&gegevens=identificerend,gezondheid&doel=gevaar_afwenden&datum=2026-03-01",
			"/vraag?van=politie&naar=overleg_deelnemers&gegevens=politiegegevens,strafrechtelijk&doel=zvh_casusoverleg&convenant=zvht&datum=2025-06-01",
			"/vraag?van=wijkteem&naar=politie&gegevens=identificerend&doel=zvh_aanmelding",
			"/handreiking?convenant=wams",
			"/matrix",
			"/matrix?convenant=zvht&datum=2025-06-01&doel=zvh_casusoverleg&van=politie,ggz,wijkteam",
			"/bestaat-niet",
		}
		for _, b := range breedtes {
			w := nieuweWebTab(t, bctx, basis)
			w.scherm(b)
			for _, pad := range paginas {
				w.open(pad)
				// The focus of the error summary is set by the page's own script; wait until it ran.
				w.doe("wacht", chromedp.Sleep(50*time.Millisecond))
				if _, err := chromedp.Run(w.ctx, chromedp.Evaluate[bool](string(axe)+";true")); err != nil {
					t.Fatalf("axe laden: %v", err)
				}
				ernstig := waarde[[]string](w, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r =>
  r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id + " (" + v.impact + "): " + v.help + ": " +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise)
				for _, s := range ernstig {
					t.Errorf("%s op %s px: %s", pad, b.naam, s)
				}
				breedte := waarde[[2]int](w, `[document.documentElement.scrollWidth, window.innerWidth]`)
				if breedte[0] > breedte[1] {
					t.Errorf("%s op %s px: breder dan het scherm %v", pad, b.naam, breedte)
				}
				// Focus is visible: the focused link of the skip link has an outline.
				w.toets(kb.Tab)
				if stijl := waarde[string](w, `getComputedStyle(document.activeElement).outlineStyle`); stijl == "none" {
					t.Errorf("%s: de focus is niet zichtbaar", pad)
				}
			}
			for _, pr := range w.problemen() {
				// A 404 or 400 page is logged by Chromium as a failed resource.
				if strings.Contains(pr, "status of 404") || strings.Contains(pr, "status of 400") {
					continue
				}
				t.Error(pr)
			}
		}
	})

	t.Run("matrix afdrukken", func(t *testing.T) {
		// Every recipient of the ZVHT on a date, one purpose: more columns than fit on paper in one table.
		pad := "/matrix?convenant=zvht&datum=2025-06-01&doel=zvh_casusoverleg"
		w := nieuweWebTab(t, bctx, basis)
		w.open(pad)
		ontvangers := len(bulk.MatrixDeelnemers(kbase, "zvht", "2025-06-01")) + 2
		// A4 landscape with 10 mm margins: 277 mm of content, 1047 CSS pixels.
		if _, err := chromedp.Call(w.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		w.doe("papierbreedte", chromedp.EmulateViewport(1047, 740))
		type meting struct {
			Kolommen   int      `json:"kolommen"`
			Buiten     []string `json:"buiten"`
			Gebroken   []string `json:"gebroken"`
			Toelichten int      `json:"toelichten"`
		}
		m := waarde[meting](w, `(() => {
  const breed = document.documentElement.clientWidth;
  const koppen = Array.from(document.querySelectorAll(".rooster th.naar"));
  const buiten = koppen.filter(k => k.getBoundingClientRect().right > breed + 0.5).map(k => k.innerText);
  const gebroken = [];
  for (const th of document.querySelectorAll(".rooster tbody th")) {
    const tekst = th.firstChild;
    if (!tekst || tekst.nodeType !== 3) continue;
    const s = tekst.textContent;
    let i = 0;
    for (const woord of s.split(/(\s+)/)) {
      if (woord.trim()) {
        const r = document.createRange();
        r.setStart(tekst, i); r.setEnd(tekst, i + woord.length);
        const regels = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));
        if (regels.size > 1) gebroken.push(woord);
      }
      i += woord.length;
    }
  }
  return {kolommen: koppen.length, buiten, gebroken, toelichten: document.querySelectorAll("a.cel[aria-label]").length};
})()`)
		t.Logf("afdruk A4 liggend: %d kolomkoppen (%d ontvangers), %d cellen met tekst", m.Kolommen, ontvangers, m.Toelichten)
		if m.Kolommen != ontvangers {
			t.Errorf("%d kolomkoppen, verwacht %d ontvangers", m.Kolommen, ontvangers)
		}
		if len(m.Buiten) > 0 {
			t.Errorf("bij afdrukken vallen kolommen van het papier: %v", m.Buiten)
		}
		if len(m.Gebroken) > 0 {
			t.Errorf("rijkoppen breken midden in een woord: %v", m.Gebroken)
		}
		if m.Toelichten == 0 {
			t.Errorf("geen cellen met een link en een tekst")
		}
		pdf, err := chromedp.Call(w.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: waar(), PrintBackground: waar()})
		if err != nil {
			t.Fatalf("afdrukken als PDF: %v", err)
		}
		if !bytes.HasPrefix(pdf.Data, []byte("%PDF")) {
			t.Fatalf("geen PDF")
		}
		// With poppler's pdftotext the PDF itself is read back: every recipient is in it.
		if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
			pdfPad := filepath.Join(dir, "matrix.pdf")
			if err := os.WriteFile(pdfPad, pdf.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			uit, err := exec.Command(pdftotext, "-layout", pdfPad, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			tekst := strings.Join(strings.Fields(string(uit)), " ")
			for _, n := range append(bulk.MatrixDeelnemers(kbase, "zvht", "2025-06-01"), "niet_deelnemer", "betrokken_niet_deelnemer") {
				// Column headers are printed vertically: look for the first word of the label.
				eerste := strings.Fields(kbase.Label("partijen", n))[0]
				if !strings.Contains(tekst, eerste) {
					t.Errorf("ontvanger %s (%q) staat niet in de PDF", n, eerste)
				}
			}
		} else {
			t.Log("pdftotext niet gevonden; de PDF zelf is niet nagelezen")
		}
		for _, pr := range w.problemen() {
			t.Error(pr)
		}
	})

	t.Run("matrix grootte", func(t *testing.T) {
		// The whole ZVHT covenant on one page (every purpose): measured, and well under the 5.7 MB of
		// the old heat map with a tooltip per square.
		res, err := http.Get(basis + "/matrix?convenant=zvht&datum=2025-06-01")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("matrix ZVHT, alle doelen: %d bytes", len(b))
		if res.StatusCode != 200 || len(b) > 1_500_000 {
			t.Errorf("matrix ZVHT: status %d, %d bytes (verwacht minder dan 1,5 MB)", res.StatusCode, len(b))
		}
	})
}

func waar() *bool { b := true; return &b }

func bewaarSchermafdruk(t *testing.T, w *webTab, pad string) {
	t.Helper()
	png, err := chromedp.Run(w.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("schermafdruk: %v", err)
	}
	if err := os.WriteFile(pad, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

type webScenario struct {
	id    string
	vraag kennisbank.Vraag
}

// webScenarios are the shared scenarios of testdata/scenarios with their questions.
func webScenarios(t *testing.T) []webScenario {
	t.Helper()
	paden, err := filepath.Glob(filepath.Join("..", "..", "testdata", "scenarios", "*.json"))
	if err != nil || len(paden) == 0 {
		t.Fatalf("scenario's: %v", err)
	}
	var uit []webScenario
	for _, p := range paden {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			ID    string          `json:"id"`
			Vraag json.RawMessage `json:"vraag"`
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		v, err := kennisbank.LeesVraag(bytes.NewReader(s.Vraag))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		uit = append(uit, webScenario{s.ID, v})
	}
	return uit
}

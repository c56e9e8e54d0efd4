package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// browserVerplicht is the value of MAGIKDELEN_BROWSER that makes a missing browser a failure instead
// of a skip (CI installs Debian's chromium and sets it).
const browserVerplicht = "verplicht"

// browserToets starts a browser test: it finds Chromium (zoekChromium) and skips with -short and under
// -race. The race detector makes the server behind the pages ten times slower, so that the browser's
// waits measure the machine instead of the pages; the pages' concurrency is checked by the web tests, and
// the README's test command runs the browser tests without -race first.
func browserToets(t *testing.T) string {
	t.Helper()
	chromium := zoekChromium(t)
	if testing.Short() {
		t.Skip("browser test overgeslagen met -short")
	}
	if raceDetector {
		t.Skip("browser test overgeslagen met -race (de testopdracht in de README draait hem zonder)")
	}
	return chromium
}

// zoekChromium finds the browser: $MAGIKDELEN_CHROMIUM, else chromium or chromium-browser on the PATH.
func zoekChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("MAGIKDELEN_CHROMIUM"); p != "" {
		return p
	}
	for _, naam := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(naam); err == nil {
			return p
		}
	}
	if os.Getenv("MAGIKDELEN_BROWSER") == browserVerplicht {
		t.Fatal("chromium niet gevonden, en MAGIKDELEN_BROWSER=verplicht (installeer: apt-get install -y chromium)")
	}
	t.Skip("chromium niet gevonden; zet MAGIKDELEN_BROWSER=verplicht om dit een fout te maken")
	return ""
}

// TestHandreikingInBrowser opens the HTML handreiking, as `magikdelen handreiking -u x.html` writes it,
// in headless chromium: the page renders with every covenant, has no console errors or exceptions,
// loads nothing but itself, has only well-formed links, fits a phone's width (390 px) and hides its
// navigation bar in print.
func TestHandreikingInBrowser(t *testing.T) {
	chromium := browserToets(t)
	dir := t.TempDir()

	kennisbanken := map[string]string{"fixture": filepath.Join("..", "..", "testdata", "handreiking", "kennisbank")}
	if _, err := kennisbank.LaadKennisbank(os.DirFS(filepath.Join("..", "..", "convenants"))); err == nil {
		kennisbanken["ingebouwd"] = ""
	} else {
		t.Logf("ingebouwde kennisbank niet geladen, alleen de fixture: %v", err)
	}
	// A kwartiermaker can check the page of a working copy too.
	if werkkopie := os.Getenv("MAGIKDELEN_BROWSER_KENNISBANK"); werkkopie != "" {
		kennisbanken["werkkopie"] = werkkopie
	}

	bctx := startChromium(t, chromium, dir)

	for _, naam := range slices.Sorted(func(yield func(string) bool) {
		for k := range kennisbanken {
			if !yield(k) {
				return
			}
		}
	}) {
		t.Run(naam, func(t *testing.T) {
			args := []string{"handreiking", "-u", filepath.Join(dir, naam+".html")}
			if kb := kennisbanken[naam]; kb != "" {
				args = append(args, "--kennisbank", kb)
			}
			code, _, fout := draai(t, stromen{Getenv: env()}, args...)
			if code != codeOK {
				t.Fatalf("magikdelen %s: exitcode %d: %s", strings.Join(args, " "), code, fout)
			}
			pad, err := filepath.Abs(args[2])
			if err != nil {
				t.Fatal(err)
			}
			var namen []string
			for _, c := range laadVoorTest(t, kennisbanken[naam]).Convenanten() {
				namen = append(namen, c.Naam)
			}
			for _, p := range browserProblemen(t, bctx, pad, namen) {
				t.Error(p)
			}
		})
	}

	// The checks can fail: a page with every fault gives every problem.
	t.Run("slechte pagina", func(t *testing.T) {
		pad := filepath.Join(dir, "slecht.html")
		if err := os.WriteFile(pad, []byte(slechtePagina), 0o644); err != nil {
			t.Fatal(err)
		}
		problemen := strings.Join(browserProblemen(t, bctx, pad, []string{"Convenant X"}), "\n")
		for _, want := range []string{
			`titel "Slecht"`, `geen kop voor convenant "Convenant X"`, "link #nergens: geen element met dit id",
			"link relatief.html: geen absolute URL", "link ftp://example.org/x: geen http(s)-URL",
			"scrollWidth", "de navigatiebalk wordt afgedrukt", "console: console.error: \"kapot\"",
			"console: uitzondering: Uncaught", "externe bron: https://example.invalid/plaatje.png",
		} {
			if !strings.Contains(problemen, want) {
				t.Errorf("probleem %q niet gevonden in:\n%s", want, problemen)
			}
		}
	})
}

func laadVoorTest(t *testing.T, kennisbankMap string) *kennisbank.Kennisbank {
	t.Helper()
	pad := kennisbankMap
	if pad == "" {
		pad = filepath.Join("..", "..", "convenants")
	}
	kb, err := kennisbank.LaadKennisbank(os.DirFS(pad))
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

// browserProblemen opens the file in a new tab of the browser and returns what is wrong with it: a
// title that does not start with "Handreiking", a missing h2 for one of the covenants, console errors
// and exceptions, requests for anything but the file, malformed links, a page wider than a phone, and
// a navigation bar that is printed.
func browserProblemen(t *testing.T, bctx context.Context, pad string, convenanten []string) []string {
	t.Helper()
	paginaURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(pad)}).String()
	var mu sync.Mutex
	var fouten, verzoeken []string
	tab, sluit := chromedp.NewContext(bctx, chromedp.WithListener(func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			fouten = append(fouten, "uitzondering: "+e.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var delen []string
				for _, a := range e.Args {
					delen = append(delen, string(a.Value))
				}
				fouten = append(fouten, fmt.Sprintf("console.%s: %s", e.Type, strings.Join(delen, " ")))
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError || e.Entry.Level == cdplog.EntryLevelWarning {
				fouten = append(fouten, fmt.Sprintf("log %s (%s): %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			if e.Request.URL != paginaURL {
				verzoeken = append(verzoeken, e.Request.URL)
			}
		}
	}))
	defer sluit()

	stap := func(naam string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("chromium, %s: %v", naam, err)
		}
	}
	_, err := chromedp.Call(tab, network.Enable, network.EnableParams{})
	stap("Network.enable", err)
	_, err = chromedp.Call(tab, cdplog.Enable, cdp.Empty{})
	stap("Log.enable", err)
	stap("open de pagina", chromedp.Do(tab, chromedp.Navigate(paginaURL), chromedp.WaitReady(chromedp.CSS("main"))))

	titel, err := chromedp.Run(tab, chromedp.Title())
	stap("titel", err)
	koppen, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("h2")).map(h => h.textContent)`))
	stap("koppen", err)
	aantalLinks, err := chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll("a[href]").length`))
	stap("links tellen", err)
	slechteLinks, err := chromedp.Run(tab, chromedp.Evaluate[[]string](linkControle))
	stap("links controleren", err)
	stap("telefoonscherm", chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(3))))
	type maten struct {
		ScrollWidth int `json:"scrollWidth"`
		InnerWidth  int `json:"innerWidth"`
	}
	breedte, err := chromedp.Run(tab, chromedp.Evaluate[maten](`({scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth})`))
	stap("breedte", err)
	_, err = chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	stap("afdrukweergave", err)
	balkInPrint, err := chromedp.Run(tab, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".balk")).display`))
	stap("balk bij afdrukken", err)

	var problemen []string
	meld := func(format string, args ...any) { problemen = append(problemen, fmt.Sprintf(format, args...)) }
	if !strings.HasPrefix(titel, "Handreiking") {
		meld("titel %q", titel)
	}
	for _, c := range convenanten {
		if !slices.ContainsFunc(koppen, func(k string) bool { return strings.HasPrefix(k, c) }) {
			meld("geen kop voor convenant %q in de pagina; h2: %q", c, koppen)
		}
	}
	if aantalLinks < 1 {
		meld("geen links in de pagina")
	}
	for _, l := range slechteLinks {
		meld("link %s", l)
	}
	if breedte.InnerWidth != 390 || breedte.ScrollWidth > breedte.InnerWidth {
		meld("op 390 px breed: scrollWidth %d, innerWidth %d (verwacht scrollWidth <= innerWidth = 390)", breedte.ScrollWidth, breedte.InnerWidth)
	}
	if balkInPrint != "none" {
		meld("de navigatiebalk wordt afgedrukt (display %q)", balkInPrint)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, f := range fouten {
		meld("console: %s", f)
	}
	for _, v := range verzoeken {
		meld("de pagina laadt een externe bron: %s", v)
	}
	return problemen
}

// slechtePagina has every fault that browserProblemen looks for.
const slechtePagina = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Slecht</title></head><body>
<header class="balk">balk</header><main><h2>Iets anders</h2>
<a href="#nergens">weg</a> <a href="relatief.html">relatief</a> <a href="ftp://example.org/x">ftp</a>
<div style="width: 2000px">breed</div><img src="https://example.invalid/plaatje.png" alt="">
<script>console.error("kapot"); throw new Error("stuk");</script></main></body></html>`

// linkControle lists the links of the page that are not well formed: an internal link must point at an
// element of the page, any other link must be an absolute http(s) URL with a host.
const linkControle = `(() => {
  const slecht = [];
  for (const a of document.querySelectorAll("a[href]")) {
    const href = a.getAttribute("href");
    if (href.startsWith("#")) {
      let id;
      try { id = decodeURIComponent(href.slice(1)); } catch (e) { slecht.push(href + ": ongeldige codering"); continue; }
      if (id === "" || !document.getElementById(id)) slecht.push(href + ": geen element met dit id");
      continue;
    }
    let u;
    try { u = new URL(href); } catch (e) { slecht.push(href + ": geen absolute URL"); continue; }
    if ((u.protocol !== "https:" && u.protocol !== "http:") || u.hostname === "" || /\s/.test(href)) {
      slecht.push(href + ": geen http(s)-URL met een host");
    }
  }
  return slecht;
})()`

// startChromium starts headless Chromium with the flags this machine needs (no sandbox, no background
// networking, a fresh profile in dir) and gives a browser context that ends with the test. The time limit
// only stops a browser that hangs: on a loaded machine a test with dozens of pages takes minutes.
func startChromium(t *testing.T, chromium, dir string) context.Context {
	t.Helper()
	ctx, stop := context.WithTimeout(context.Background(), 15*time.Minute)
	t.Cleanup(stop)
	actx, stopAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("mute-audio", true),
		chromedp.UserDataDir(filepath.Join(dir, "profiel")),
		chromedp.WindowSize(1024, 768),
	)
	t.Cleanup(stopAlloc)
	bctx, stopBrowser := chromedp.NewContext(actx)
	t.Cleanup(stopBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start chromium (%s): %v", chromium, err)
	}
	return bctx
}

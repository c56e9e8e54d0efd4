package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMatrixInBrowser opens the HTML heat map, as `magikdelen matrix -u x.html` writes it, in headless
// chromium with the checks of the handreiking (renders, a heading per covenant, no console errors, no
// external requests, well-formed links, no horizontal overflow of the page at 390 px), and checks that
// the grid scrolls inside its own box on a phone and that every square has its tooltip.
func TestMatrixInBrowser(t *testing.T) {
	chromium := zoekChromium(t)
	if testing.Short() {
		t.Skip("browser test overgeslagen met -short")
	}
	dir := t.TempDir()
	pad := filepath.Join(dir, "matrix.html")
	// Wide enough to overflow a phone: every recipient, five senders, four categories, with details (links).
	args := []string{"matrix", "--convenant", "zvht", "--datum", "2025-06-01", "--doel", "zvh_casusoverleg,zvh_aanmelding",
		"--van", "politie,ggz,wijkteam,veilig_thuis,woningcorporatie", "--gegevens", "identificerend,gezondheid,strafrechtelijk,huiselijk_geweld",
		"--details", "-u", pad}
	code, _, fout := draai(t, stromen{Getenv: env()}, args...)
	if code != codeOK {
		t.Fatalf("magikdelen %s: exitcode %d: %s", strings.Join(args, " "), code, fout)
	}

	bctx := startChromium(t, chromium, dir)

	for _, p := range browserProblemen(t, bctx, pad, []string{"Convenant Zorg- en Veiligheidshuis Twente"}) {
		// The page title of the handreiking check; the matrix has its own, checked below.
		if strings.HasPrefix(p, "titel ") {
			continue
		}
		t.Error(p)
	}

	tab, sluit := chromedp.NewContext(bctx)
	defer sluit()
	type meting struct {
		Titel         string `json:"titel"`
		Vakjes        int    `json:"vakjes"`
		ZonderTitel   int    `json:"zonderTitel"`
		Roosters      int    `json:"roosters"`
		RoosterScroll int    `json:"roosterScroll"`
		RoosterBreed  int    `json:"roosterBreed"`
		PaginaScroll  int    `json:"paginaScroll"`
		Binnen        int    `json:"binnen"`
	}
	if err := chromedp.Do(tab, chromedp.Navigate("file://"+filepath.ToSlash(pad)), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
		t.Fatalf("chromium, open de pagina: %v", err)
	}
	if err := chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(3))); err != nil {
		t.Fatalf("chromium, telefoonscherm: %v", err)
	}
	m, err := chromedp.Run(tab, chromedp.Evaluate[meting](`(() => {
  const r = document.querySelector(".rooster");
  const vakjes = document.querySelectorAll(".rooster .vak");
  return {
    titel: document.title,
    vakjes: vakjes.length,
    zonderTitel: Array.from(vakjes).filter(v => !v.title.includes(" → ") || !v.title.includes(": ")).length,
    roosters: document.querySelectorAll(".rooster").length,
    roosterScroll: r.scrollWidth, roosterBreed: r.clientWidth,
    paginaScroll: document.documentElement.scrollWidth, binnen: window.innerWidth,
  };
})()`))
	if err != nil {
		t.Fatalf("chromium, meten: %v", err)
	}
	t.Logf("op 390 px: %+v", m)
	if !strings.HasPrefix(m.Titel, "Matrix gegevensdeling: Convenant Zorg- en Veiligheidshuis Twente") {
		t.Errorf("titel %q", m.Titel)
	}
	if m.Roosters != 2 {
		t.Errorf("%d roosters, verwacht 2 (één per doel)", m.Roosters)
	}
	if m.Vakjes == 0 || m.ZonderTitel != 0 {
		t.Errorf("%d vakjes, %d zonder tooltip \"van → naar, gegevens: oordeel\"", m.Vakjes, m.ZonderTitel)
	}
	if m.RoosterScroll <= m.RoosterBreed {
		t.Errorf("het rooster past op 390 px (scrollWidth %d, clientWidth %d): de test meet het scrollen niet meer", m.RoosterScroll, m.RoosterBreed)
	}
	if m.PaginaScroll > m.Binnen {
		t.Errorf("de pagina zelf is breder dan het scherm: scrollWidth %d, innerWidth %d", m.PaginaScroll, m.Binnen)
	}
}

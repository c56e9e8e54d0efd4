package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// TestMatrixInBrowser opens the HTML heat map, as `magikdelen matrix -u x.html` writes it, in headless
// chromium with the checks of the handreiking (renders, a heading per covenant, no console errors, no
// external requests, well-formed links, no horizontal overflow of the page at 390 px), and checks that
// the grid scrolls inside its own box on a phone, that every cell is a link with a text for screen
// readers, and that following a cell's link shows its explanation (also inside the closed details).
func TestMatrixInBrowser(t *testing.T) {
	chromium := browserToets(t)
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
		Cellen        int    `json:"cellen"`
		ZonderTekst   int    `json:"zonderTekst"`
		ZonderDoel    int    `json:"zonderDoel"`
		Roosters      int    `json:"roosters"`
		Kolommen      int    `json:"kolommen"`
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
  const cellen = Array.from(document.querySelectorAll(".rooster a.cel"));
  return {
    titel: document.title,
    cellen: cellen.length,
    zonderTekst: cellen.filter(c => !/ naar .+: \d+ /.test(c.getAttribute("aria-label") || "")).length,
    zonderDoel: cellen.filter(c => !document.getElementById(decodeURIComponent(c.getAttribute("href").slice(1)))).length,
    roosters: document.querySelectorAll(".rooster").length,
    kolommen: document.querySelectorAll(".rooster th.naar").length,
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
	// Two purposes, each with its recipients split over tables of at most weergave.MatrixKolommen.
	ontvangers := len(bulk.MatrixDeelnemers(laadVoorTest(t, ""), "zvht", "2025-06-01")) + 2
	perDoel := (ontvangers + weergave.MatrixKolommen - 1) / weergave.MatrixKolommen
	if m.Roosters != 2*perDoel || m.Kolommen != 2*ontvangers {
		t.Errorf("%d roosters met %d kolommen, verwacht %d en %d (2 doelen, %d ontvangers, hoogstens %d per tabel)", m.Roosters, m.Kolommen, 2*perDoel, 2*ontvangers, ontvangers, weergave.MatrixKolommen)
	}
	if m.Cellen == 0 || m.ZonderTekst != 0 || m.ZonderDoel != 0 {
		t.Errorf("%d cellen, %d zonder tekst \"van naar ontvanger: n oordeel\", %d zonder toelichting", m.Cellen, m.ZonderTekst, m.ZonderDoel)
	}
	if m.RoosterScroll <= m.RoosterBreed {
		t.Errorf("het rooster past op 390 px (scrollWidth %d, clientWidth %d): de test meet het scrollen niet meer", m.RoosterScroll, m.RoosterBreed)
	}
	if m.PaginaScroll > m.Binnen {
		t.Errorf("de pagina zelf is breder dan het scherm: scrollWidth %d, innerWidth %d", m.PaginaScroll, m.Binnen)
	}
	// Following a cell's link by keyboard opens its explanation, also inside the closed <details>.
	zichtbaar, err := chromedp.Run(tab, chromedp.Evaluate[bool](`(() => {
  const a = document.querySelector(".rooster a.cel");
  a.focus(); a.click();
  const doel = document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
  return doel.closest("details").open && doel.getBoundingClientRect().height > 0;
})()`))
	if err != nil {
		t.Fatalf("chromium, cel volgen: %v", err)
	}
	if !zichtbaar {
		t.Errorf("de toelichting van een cel is na de link niet zichtbaar")
	}
}

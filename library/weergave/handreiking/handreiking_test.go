package handreiking_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/handreiking"
)

// handreikingFixture is the small fixed knowledge base of the handreiking's golden files.
const handreikingFixture = "../../../testdata/handreiking/kennisbank"

func fixtureKennisbank(t *testing.T) *kennisbank.Kennisbank {
	t.Helper()
	kb, err := kennisbank.LaadKennisbank(os.DirFS(handreikingFixture))
	if err != nil {
		t.Fatalf("LaadKennisbank(%s): %v", handreikingFixture, err)
	}
	return kb
}

// fixtureMet is the fixture as a MapFS with some files replaced.
func fixtureMet(t *testing.T, vervang map[string]string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(handreikingFixture), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		inhoud, err := fs.ReadFile(os.DirFS(handreikingFixture), p)
		m[p] = &fstest.MapFile{Data: inhoud}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, s := range vervang {
		m[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return m
}

func TestHandreikingDeterministisch(t *testing.T) {
	t.Parallel()
	for naam, maak := range map[string]func(*kennisbank.Kennisbank, ...handreiking.Optie) ([]byte, error){
		"markdown": handreiking.Markdown, "html": handreiking.HTML,
	} {
		t.Run(naam, func(t *testing.T) {
			t.Parallel()
			// Two loads, so that nothing depends on the order of a map in one loaded knowledge base.
			a, err := maak(fixtureKennisbank(t))
			if err != nil {
				t.Fatal(err)
			}
			b, err := maak(fixtureKennisbank(t))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("twee keer gemaakt, verschillende uitvoer:\n%s", cmp.Diff(string(a), string(b)))
			}
		})
	}
}

// TestHandreikingInhoud checks that the handreiking shows what the knowledge base holds: every covenant,
// its participants by label, purposes, conditions with their checklist text, routes, articles, the
// statutory routes, the legal grounds with their links, the vraagbaak and the open questions.
func TestHandreikingInhoud(t *testing.T) {
	t.Parallel()
	kb := fixtureKennisbank(t)
	uit, err := handreiking.Markdown(kb)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(uit)
	bevat := func(s string) {
		t.Helper()
		if !strings.Contains(doc, s) {
			t.Errorf("handreiking bevat %q niet", s)
		}
	}
	bevat("# Handreiking gegevensdeling in zorg en veiligheid\n")
	bevat("\n## Inhoud\n")
	for _, c := range kb.Convenanten() {
		bevat("\n## " + c.Naam)
		item := kb.Item("convenanten", c.ID)
		for _, v := range item["open_vragen"].([]any) {
			bevat("- " + regexp.MustCompile(`\d{4}-\d\d-\d\d`).ReplaceAllStringFunc(v.(string), kennisbank.DatumTekst) + "\n")
		}
		for _, a := range item["artikelen"].([]any) {
			// Only official sources are links; the title of any other stays, without the link.
			if bron := a.(map[string]any)["bron"].(string); kennisbank.OfficieleBron(bron) {
				bevat("(" + bron + ")")
			} else {
				bevat("- " + markdownTekst(a.(map[string]any)["titel"].(string)) + "\n")
			}
		}
		for _, d := range item["doelen"].([]any) {
			bevat(markdownTekst(d.(map[string]any)["label"].(string)) + "\n")
		}
	}
	// Labels for people, no internal ids in the running text.
	bevat("| College van B&W | vast | hele looptijd | ja | hoog | Gemeente Almelo, Gemeente Enschede, Gemeente Hengelo |")
	if strings.Contains(doc, "**Id:**") || strings.Contains(doc, "`gemeente_college`") {
		t.Errorf("handreiking noemt interne id's")
	}
	// The WGS switch and its legal basis, with Dutch dates.
	bevat("- **Vanaf 1 maart 2025:** [WGS (samenwerkingsverbanden)")
	bevat("- **Geldig:** tot en met 28 februari 2025\n")
	// Conditions with their checklist text.
	noodzaak := kb.Item("voorwaarden", "noodzaak")
	bevat("- **Noodzaak** — " + noodzaak["tekst"].(string))
	// The statutory routes outside covenants, with the grounds' official links.
	bevat("\n## Wettelijke routes buiten de convenanten\n")
	bevat("\n### Conflict van plichten\n")
	bevat("[Conflict van plichten (Sr art. 40, overmacht in de zin van noodtoestand)](https://wetten.overheid.nl/jci1.3:c:BWBR0001854&artikel=40)")
	bevat("\n## Grondslagen\n")
	bevat("\n## Vraagbaak\n")
	// Grouped by theme: per covenant, then the general questions.
	bevat("\n### Vragen over ZVHT\n")
	for _, v := range kb.Vraagbaak() {
		bevat("\n#### " + v.Vraag + "\n")
	}
	// The headings of a vraagbaak text are moved under its question.
	bevat("\n##### Kort antwoord\n")
	// Open questions: the bill, the uncertain grounds and routes, the uncertain answers.
	bevat("\n## Open vragen\n")
	bevat("- **Status:** wetsvoorstel; de regels rekenen er alleen mee als de vraag zegt: Stel dat de Wams in werking is = ja (\"stel dat\").")
	bevat("\n### Grondslagen met zekerheid laag of onzekere verificatie\n")
	bevat("[Wpg art. 7](https://wetten.overheid.nl/jci1.3:c:BWBR0022463&artikel=7)")
	bevat("\n### Antwoorden in de vraagbaak met zekerheid laag\n")
	bevat("- **Routes met zekerheid laag:** [Beroepsgeheimhouder aan het ZVH (WGS art. 2.29 lid 2)](#beroepsgeheimhouder-aan-het-zvh-wgs-art-229-lid-2).")

	// Every ground the text links to is in the list of grounds, with its official link.
	grondslagen := doc[strings.Index(doc, "\n## Grondslagen\n"):strings.Index(doc, "\n## Vraagbaak\n")]
	for _, id := range kb.IDs("grondslagen") {
		g := kb.Item("grondslagen", id)
		verwijzing := "[" + markdownTekst(g["titel"].(string)) + "](" + g["bron"].(string) + ")"
		if strings.Contains(doc, verwijzing) && !strings.Contains(grondslagen, verwijzing+" — ") && !strings.Contains(grondslagen, verwijzing+" *") {
			t.Errorf("grondslag %s wordt genoemd maar staat niet onder Grondslagen", id)
		}
	}
	if strings.ContainsAny(doc, "\uE000\uE001") {
		t.Errorf("handreiking bevat een onvervangen verwijzing")
	}
}

var markdownTeken = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, "~", `\~`)

func markdownTekst(s string) string { return markdownTeken.Replace(s) }

// TestHandreikingLinks checks the links of the HTML page without a browser: every internal link points
// at an id of the page, every other link is an absolute http(s) URL.
func TestHandreikingLinks(t *testing.T) {
	t.Parallel()
	uit, err := handreiking.HTML(fixtureKennisbank(t))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(` id="([^"]*)"`).FindAllStringSubmatch(string(uit), -1) {
		if ids[m[1]] {
			t.Errorf("id %q komt twee keer voor", m[1])
		}
		ids[m[1]] = true
	}
	hrefs := regexp.MustCompile(` href="([^"]*)"`).FindAllStringSubmatch(string(uit), -1)
	if len(hrefs) < 50 {
		t.Fatalf("maar %d links", len(hrefs))
	}
	for _, m := range hrefs {
		href := strings.ReplaceAll(m[1], "&amp;", "&")
		if frag, ok := strings.CutPrefix(href, "#"); ok {
			doel, err := url.PathUnescape(frag)
			if err != nil || !ids[doel] {
				t.Errorf("link %q: geen element met id %q", href, doel)
			}
			continue
		}
		u, err := url.Parse(href)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			t.Errorf("link %q is geen absolute http(s)-URL", href)
		}
	}
}

// TestHandreikingOntsnapt puts markup into the texts of the knowledge base: it must come out as text in
// Markdown and escaped in HTML, and raw HTML in a vraagbaak text must not reach the page.
func TestHandreikingOntsnapt(t *testing.T) {
	t.Parallel()
	zvht, err := os.ReadFile(handreikingFixture + "/convenanten/zvht.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kwaad := strings.Replace(string(zvht), "naam: Convenant Zorg- en Veiligheidshuis Twente\n",
		"naam: \"Convenant <script>alert('naam')</script> & *Twente* [x](javascript:alert(1))\"\n", 1)
	kwaad = strings.Replace(kwaad, "open_vragen:\n", "open_vragen:\n  - \"# Geen kop <img src=x onerror=alert(1)> &amp; `code`\"\n", 1)
	if kwaad == string(zvht) {
		t.Fatal("fixture zvht.yaml is veranderd; pas de test aan")
	}
	kb, err := kennisbank.LaadKennisbank(fixtureMet(t, map[string]string{"convenanten/zvht.yaml": kwaad}))
	if err != nil {
		t.Fatal(err)
	}

	md, err := handreiking.Markdown(kb)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"## Convenant \\<script>alert('naam')\\</script> & \\*Twente\\* \\[x\\](javascript:alert(1)) (ZVHT)\n",
		"- \\# Geen kop \\<img src=x onerror=alert(1)> \\&amp; \\`code\\`\n",
	} {
		if !bytes.Contains(md, []byte(s)) {
			t.Errorf("markdown bevat %q niet", s)
		}
	}

	html, err := handreiking.HTML(kb)
	if err != nil {
		t.Fatal(err)
	}
	pagina := string(html)
	for _, s := range []string{"<script", "<img", `href="javascript`, "onerror=alert(1)>", "alert(\"x\")"} {
		if strings.Contains(pagina, s) {
			t.Errorf("html bevat %q", s)
		}
	}
	for _, s := range []string{
		"Convenant &lt;script&gt;alert(",
		"&lt;img src=x onerror=alert(1)&gt; &amp;amp; `code`",
		"<title>Handreiking gegevensdeling in zorg en veiligheid</title>",
	} {
		if !strings.Contains(pagina, s) {
			t.Errorf("html bevat %q niet", s)
		}
	}

	// With one covenant, its name is the page title, escaped.
	html, err = handreiking.HTML(kb, handreiking.AlleenConvenant("zvht"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), "<title>Handreiking: Convenant &lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt; &amp; *Twente* [x](javascript:alert(1)) (ZVHT)</title>") {
		t.Errorf("titel niet ontsnapt:\n%s", string(html)[:600])
	}
}

func TestHandreikingAlleenConvenant(t *testing.T) {
	t.Parallel()
	kb := fixtureKennisbank(t)
	uit, err := handreiking.Markdown(kb, handreiking.AlleenConvenant("wams"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(uit)
	if !strings.HasPrefix(doc, "# Handreiking: Wet aanpak meervoudige problematiek sociaal domein (wetsvoorstel) (Wams)\n") {
		t.Errorf("titel: %q", doc[:100])
	}
	var convenanten []string
	for _, r := range strings.Split(doc, "\n") {
		if strings.HasPrefix(r, "## ") {
			convenanten = append(convenanten, r)
		}
	}
	want := []string{"## Inhoud", "## Wet aanpak meervoudige problematiek sociaal domein (wetsvoorstel) (Wams)",
		"## Wettelijke routes buiten de convenanten", "## Grondslagen", "## Vraagbaak", "## Open vragen"}
	if diff := cmp.Diff(want, convenanten); diff != "" {
		t.Errorf("hoofdstukken (-verwacht +gekregen):\n%s", diff)
	}
	// Only the vraagbaak entries about this covenant.
	if !strings.Contains(doc, "Is de Wams al van kracht?") || strings.Contains(doc, "Mag ik als wijkteam een casus aanmelden bij het Zorg- en Veiligheidshuis?") {
		t.Errorf("vraagbaak niet beperkt tot het convenant")
	}

	_, err = handreiking.Markdown(kb, handreiking.AlleenConvenant("zvh"))
	var oid *kennisbank.OnbekendeIDFout
	if !errors.As(err, &oid) || oid.Soort != "convenanten" || !slices.Contains(oid.Suggesties, "zvht") {
		t.Errorf("onbekend convenant: %v", err)
	}
}

// TestHandreikingIngebouwd generates the handreiking of the embedded knowledge base: every covenant is
// in it and every internal link has its target.
func TestHandreikingIngebouwd(t *testing.T) {
	t.Parallel()
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		t.Fatal(err)
	}
	uit, err := handreiking.Markdown(kb)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range kb.Convenanten() {
		if !bytes.Contains(uit, []byte("\n## "+c.Naam)) {
			t.Errorf("convenant %s ontbreekt", c.ID)
		}
	}
	if _, err := handreiking.HTML(kb); err != nil {
		t.Fatal(err)
	}
}

// The handreiking of the embedded knowledge base, as Markdown and as one HTML page.
func ExampleMarkdown() {
	kb, err := kennisbank.LaadKennisbank(convenants.FS)
	if err != nil {
		fmt.Println(err)
		return
	}
	md, err := handreiking.Markdown(kb, handreiking.AlleenConvenant("zvht"))
	if err != nil {
		fmt.Println(err)
		return
	}
	titel, _, _ := strings.Cut(string(md), "\n")
	fmt.Println(titel)

	html, err := handreiking.HTML(kb)
	if err != nil {
		fmt.Println(err)
		return
	}
	begin, _, _ := strings.Cut(string(html), "\n")
	fmt.Println(begin)
	// Output:
	// # Handreiking: Convenant Zorg- en Veiligheidshuis Twente (ZVHT)
	// <!DOCTYPE html>
}

// TestHandreikingEditieEnBronnen: the edition date in Dutch under the title, Dutch dates throughout,
// links only to official sources, captions and scoped headers on every table, and a linked style sheet
// for a server.
func TestHandreikingEditieEnBronnen(t *testing.T) {
	t.Parallel()
	kb := fixtureKennisbank(t)
	md, err := handreiking.Markdown(kb, handreiking.Editie("2025-03-01"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(md), "# Handreiking gegevensdeling in zorg en veiligheid\n\n*Editie van 1 maart 2025*\n") {
		t.Errorf("geen editie onder de titel:\n%s", md[:200])
	}
	zonder, err := handreiking.Markdown(kb)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(zonder, []byte("Editie")) {
		t.Errorf("editie zonder de optie Editie")
	}
	var df *kennisbank.DatumFout
	if _, err := handreiking.Markdown(kb, handreiking.Editie("2025-02-30")); !errors.As(err, &df) {
		t.Errorf("ongeldige editie: %v", err)
	}

	// Dates in running text are Dutch: no ISO date outside the version line.
	tekst := regexp.MustCompile("`[^`]*`|\\]\\([^)]*\\)").ReplaceAllString(string(md), "")
	if m := regexp.MustCompile(`\b(19|20)\d\d-\d\d-\d\d\b`).FindString(tekst); m != "" {
		t.Errorf("datum %s niet in het Nederlands", m)
	}

	html, err := handreiking.HTML(kb, handreiking.Editie("2025-03-01"), handreiking.Stijlblad("/stijl.css"), handreiking.Terug("Mag ik dit delen?", "/"))
	if err != nil {
		t.Fatal(err)
	}
	pagina := string(html)
	for _, s := range []string{`<link rel="stylesheet" href="/stijl.css">`, `<a href="/">Mag ik dit delen?</a>`, `class="nieuwe-pagina"`, `<main id="hoofdinhoud"`} {
		if !strings.Contains(pagina, s) {
			t.Errorf("html bevat %q niet", s)
		}
	}
	if strings.Contains(pagina, "<style") {
		t.Errorf("html met een stijlblad heeft nog een <style>")
	}
	for _, m := range regexp.MustCompile(` href="(http[^"]*)"`).FindAllStringSubmatch(pagina, -1) {
		if href := strings.ReplaceAll(m[1], "&amp;", "&"); !kennisbank.OfficieleBron(href) {
			t.Errorf("link naar een niet-officiële bron: %s", href)
		}
	}
	if n, c := strings.Count(pagina, "<table>"), strings.Count(pagina, `<table><caption class="vh">`); n == 0 || n != c {
		t.Errorf("%d tabellen, %d met een bijschrift", n, c)
	}
	if strings.Contains(pagina, "<th>") {
		t.Errorf("kolomkop zonder scope")
	}
}

func TestOfficieleBron(t *testing.T) {
	t.Parallel()
	for link, want := range map[string]bool{
		"https://wetten.overheid.nl/jci1.3:c:BWBR0005290&artikel=457":          true,
		"https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32016R0679": true,
		"https://zoek.officielebekendmakingen.nl/stcrt-2024-1.html":            true,
		"https://www.vrtwente.nl/zorg-en-veiligheidshuis-twente":               true,
		"http://wetten.overheid.nl/x":                                          false, // not https
		"https://berthub.eu/tkconv/document.html?nummer=2026D07350":            false,
		"https://veiligewedstrijd.nl/ave-methodiek/":                           false,
		"https://overheid.nl.example.org/":                                     false,
		"https://nepoverheid.nl/":                                              false,
		"geen link":                                                            false,
	} {
		if got := kennisbank.OfficieleBron(link); got != want {
			t.Errorf("OfficieleBron(%q) = %v, verwacht %v", link, got, want)
		}
	}
}

// TestHandreikingGelijktijdig renders the handreiking from several goroutines at once (each renders its
// own clone of the template, with its own headings): the same document every time, and no race under
// go test -race.
func TestHandreikingGelijktijdig(t *testing.T) {
	t.Parallel()
	kb := fixtureKennisbank(t)
	want, err := handreiking.Markdown(kb)
	if err != nil {
		t.Fatal(err)
	}
	uit := make([][]byte, 8)
	fouten := make([]error, len(uit))
	var wg sync.WaitGroup
	for i := range uit {
		wg.Go(func() { uit[i], fouten[i] = handreiking.Markdown(kb) })
	}
	wg.Wait()
	for i, got := range uit {
		if fouten[i] != nil {
			t.Fatal(fouten[i])
		}
		if !bytes.Equal(got, want) {
			t.Errorf("goroutine %d: andere uitvoer:\n%s", i, cmp.Diff(string(want), string(got)))
		}
	}
}

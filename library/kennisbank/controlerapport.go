package kennisbank

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/twente-zorg-veiligheid/magikdelen/rules"
)

// Ernst is the severity of a finding: a fout makes the knowledge base unusable, a waarschuwing is
// probably a mistake but does not stop the library from loading it.
type Ernst string

// The severities of a Bevinding.
const (
	ErnstFout         Ernst = "fout"
	ErnstWaarschuwing Ernst = "waarschuwing"
)

// Bevinding is one finding of Controleer, with its position in the knowledge base.
type Bevinding struct {
	Ernst      Ernst    `json:"ernst"`
	ID         string   `json:"id"`      // stable snake_case id of the kind of finding, e.g. "onbekende_verwijzing"
	Bestand    string   `json:"bestand"` // path inside the knowledge base, e.g. "convenanten/zvht.yaml"
	Regel      int      `json:"regel,omitempty"`
	Kolom      int      `json:"kolom,omitempty"`
	Pointer    string   `json:"pointer,omitempty"` // JSON pointer into the file
	Bericht    string   `json:"bericht"`
	Hint       string   `json:"hint,omitempty"` // how to fix it
	Suggesties []string `json:"suggesties,omitempty"`
}

// Controlerapport is the result of Controleer: the findings ordered by file and position, and their
// counts.
type Controlerapport struct {
	Bevindingen    []Bevinding `json:"bevindingen"`
	Fouten         int         `json:"fouten"`
	Waarschuwingen int         `json:"waarschuwingen"`
}

// hints are the fix hints per finding id.
var hints = map[string]string{
	"bestand_ontbreekt":               "Een werkkopie heeft dezelfde indeling als convenants/: de vaste bestanden, convenanten/<id>.yaml en schema/kennisbank.schema.json.",
	"yaml":                            "Controleer op deze regel de inspringing (spaties, geen tabs), de dubbele punten en de aanhalingstekens.",
	"schema":                          "Zie schema/kennisbank.schema.json voor de toegestane velden, waarden en notaties.",
	"datum":                           "Een datum staat als JJJJ-MM-DD en moet bestaan: controleer dag en maand (februari heeft 28 dagen, in een schrikkeljaar 29).",
	"verwijzingen_niet_gecontroleerd": "Los eerst de fouten op die het lezen van een bestand verhinderen; controleer daarna opnieuw.",
	"onbekende_verwijzing":            "Gebruik een id dat in de kennisbank staat, of voeg het item toe aan het bestand waar het hoort.",
	"dubbel_id":                       "Geef elk item een eigen id; ids zijn stabiel, dus hernoem het nieuwe item en niet het bestaande.",
	"bestandsnaam":                    "Hernoem het bestand naar <id>.yaml (in vraagbaak/: <id>.md), of pas het id aan de bestandsnaam aan.",
	"datum_volgorde":                  "De einddatum moet op of na de begindatum liggen; controleer of de datums zijn omgedraaid.",
	"overlappende_versies":            "Laat de ene versie eindigen (tot) vóór de andere begint (vanaf), of voeg ze samen tot één regel.",
	"grond_zonder_officiele_link":     "Verwijs naar de officiële tekst op wetten.overheid.nl, eur-lex.europa.eu of (zoek.)officielebekendmakingen.nl.",
	"voorwaarde_ongebruikt":           "Verwijs ernaar vanuit een doel, een route, een handeling of een zekerheid, of verwijder de voorwaarde.",
	"convenant_verlopen":              "Verleng geldig_tot als het convenant is verlengd, of haal het convenant uit de kennisbank.",
	"route_zonder_grondslag":          "Noem de wettelijke grondslag onder grondslagen, of zet eigen_grondslag: true als de route op de eigen taak van de partij steunt.",
	"vraagbaak_opmaak":                "Een vraagbaakitem begint met een regel ---, dan de YAML-front-matter, dan weer een regel ---, en daaronder de tekst in Markdown.",
	"controle_zonder_datum":           "Zet een datum (JJJJ-MM-DD) in de vraag van de controle, zodat de controle morgen hetzelfde toetst als vandaag.",
	"ongeldige_controle":              "Een controle heeft de vorm van een scenario: vraag (zoals bij magikdelen vraag --invoer) en verwacht (oordeel, eventueel voorwaarden).",
	"vraagbaak_zonder_tekst":          "Schrijf onder de front matter het antwoord in Markdown, te beginnen met \"## Kort antwoord\".",
	"aanspreekvorm":                   "Magikdelen spreekt de professional aan met u; schrijf \"u\" en \"uw\" in plaats van \"je\", \"jij\" en \"jouw\" (en pas het werkwoord aan: \"deel je\" wordt \"deelt u\").",
	"synoniem_dubbel":                 "Een synoniem hoort bij één item van een lijst; anders vindt magikdelen bij dat woord meer dan één item en vraagt het welk u bedoelt. Haal het weg bij het item waar het het minst bij hoort.",
	"vraagbaak_zonder_kort_antwoord":  "Begin de tekst met de kop \"## Kort antwoord\": lezers en de handreiking verwachten daar het antwoord in een paar zinnen.",
}

// officieleBronnen are the hosts of the official law texts.
var officieleBronnen = map[string]bool{
	"wetten.overheid.nl":                  true,
	"eur-lex.europa.eu":                   true,
	"officielebekendmakingen.nl":          true,
	"zoek.officielebekendmakingen.nl":     true,
	"www.officielebekendmakingen.nl":      true,
	"www.wetten.overheid.nl":              true,
	"www.eur-lex.europa.eu":               true,
	"www.zoek.officielebekendmakingen.nl": true,
}

// Controleer validates the knowledge base in fsys (the layout of convenants/) for a kwartiermaker:
// every problem the loader rejects is a finding of Ernst fout, and domain checks that need no rule
// evaluation give waarschuwingen. It returns an error only when fsys cannot be checked at all, such
// as a folder without the schema.
func Controleer(fsys fs.FS) (Controlerapport, error) {
	return controleerOp(fsys, time.Now().Format(time.DateOnly))
}

// controleerOp is Controleer with "today" as an ISO date.
func controleerOp(fsys fs.FS, vandaag string) (Controlerapport, error) {
	regels, err := LeesRegels(rules.FS)
	if err != nil {
		return Controlerapport{}, err
	}
	b, err := laad(fsys, regels)
	var fouten KennisbankFouten
	if err != nil && !errors.As(err, &fouten) {
		return Controlerapport{}, err
	}
	var r Controlerapport
	for _, f := range fouten {
		r.Bevindingen = append(r.Bevindingen, Bevinding{
			Ernst: ErnstFout, ID: f.Soort, Bestand: f.Bestand, Regel: f.Regel, Kolom: f.Kolom,
			Pointer: f.Pointer, Bericht: f.Bericht, Hint: hints[f.Soort], Suggesties: f.Suggesties,
		})
	}
	if b != nil {
		r.Bevindingen = append(r.Bevindingen, b.waarschuwingen(vandaag, regels)...)
		r.Bevindingen = append(r.Bevindingen, b.vraagbaakWaarschuwingen()...)
		if len(b.onvolledig) > 0 {
			soorten := slices.Sorted(maps.Keys(b.onvolledig))
			r.Bevindingen = append(r.Bevindingen, Bevinding{
				Ernst: ErnstWaarschuwing, ID: "verwijzingen_niet_gecontroleerd", Bestand: ".",
				Bericht: "verwijzingen naar " + strings.Join(soorten, ", ") + " zijn niet gecontroleerd, omdat een bestand dat ze kan bevatten niet te lezen is",
				Hint:    hints["verwijzingen_niet_gecontroleerd"],
			})
		}
	} else if len(fouten) > 0 {
		r.Bevindingen = append(r.Bevindingen, Bevinding{
			Ernst: ErnstWaarschuwing, ID: "verwijzingen_niet_gecontroleerd", Bestand: ".",
			Bericht: "de verwijzingen tussen de bestanden zijn niet gecontroleerd, omdat een vast bestand niet te lezen is",
			Hint:    hints["verwijzingen_niet_gecontroleerd"],
		})
	}
	slices.SortStableFunc(r.Bevindingen, func(x, y Bevinding) int {
		return cmp.Or(cmp.Compare(x.Bestand, y.Bestand), cmp.Compare(x.Regel, y.Regel), cmp.Compare(x.Kolom, y.Kolom))
	})
	for _, f := range r.Bevindingen {
		if f.Ernst == ErnstFout {
			r.Fouten++
		} else {
			r.Waarschuwingen++
		}
	}
	if r.Bevindingen == nil {
		r.Bevindingen = []Bevinding{}
	}
	return r, nil
}

// waarschuwingen lints the indexed knowledge base: unofficial law links, unused conditions, expired
// covenants and routes without a legal ground. A condition also counts as used when a rule names it
// as a string literal (the rules add some conditions themselves, such as "inclusie").
func (b *bouwer) waarschuwingen(vandaag string, regels map[string][]byte) []Bevinding {
	var uit []Bevinding
	meld := func(id, sleutel, veld, bericht string) {
		p, ok := b.plek[sleutel]
		if !ok {
			return
		}
		f := b.fout(id, p.bestand, p.pointer+veld, bericht)
		uit = append(uit, Bevinding{
			Ernst: ErnstWaarschuwing, ID: id, Bestand: f.Bestand, Regel: f.Regel, Kolom: f.Kolom,
			Pointer: f.Pointer, Bericht: f.Bericht, Hint: hints[id],
		})
	}

	grondslagen, _ := b.kb.data["grondslagen"].(map[string]any)
	for _, gid := range slices.Sorted(maps.Keys(grondslagen)) {
		g, _ := grondslagen[gid].(map[string]any)
		bron, _ := g["bron"].(string)
		if !officieleBron(bron) {
			meld("grond_zonder_officiele_link", "grondslagen/"+gid, "/bron",
				fmt.Sprintf("grondslag %q verwijst niet naar een officiële wettekst: %q", gid, bron))
		}
	}

	gebruikt := map[string]bool{}
	noem := func(v any) {
		switch w := v.(type) {
		case string:
			gebruikt[w] = true
		case []any:
			for _, x := range w {
				if s, ok := x.(string); ok {
					gebruikt[s] = true
				}
			}
		}
	}
	doelen, _ := b.kb.data["doelen"].(map[string]any)
	for _, d := range doelen {
		dm, _ := d.(map[string]any)
		noem(dm["voorwaarden"])
	}
	routes, _ := b.kb.data["routes"].([]any)
	for _, r := range routes {
		rm, _ := r.(map[string]any)
		noem(rm["voorwaarden"])
		for _, h := range lijstVan(rm["handelingen"]) {
			noem(h["voorwaarde"])
			noem(h["bij_minderjarige"])
		}
	}
	zekerheden, _ := b.kb.data["zekerheden"].(map[string]any)
	for _, z := range zekerheden {
		zm, _ := z.(map[string]any)
		noem(zm["voorwaarde"])
	}
	voorwaarden, _ := b.kb.data["voorwaarden"].(map[string]any)
	for _, vid := range slices.Sorted(maps.Keys(voorwaarden)) {
		if !gebruikt[vid] && !inRegels(regels, vid) {
			meld("voorwaarde_ongebruikt", "voorwaarden/"+vid, "/id",
				fmt.Sprintf("voorwaarde %q wordt door geen doel, route, handeling of regel genoemd", vid))
		}
	}

	convenanten, _ := b.kb.data["convenanten"].(map[string]any)
	for _, cid := range slices.Sorted(maps.Keys(convenanten)) {
		c, _ := convenanten[cid].(map[string]any)
		if tot, _ := c["geldig_tot"].(string); tot != "" && tot < vandaag {
			meld("convenant_verlopen", "convenanten/"+cid, "/geldig_tot",
				fmt.Sprintf("convenant %q is verlopen: geldig_tot %s ligt vóór vandaag (%s)", cid, tot, vandaag))
		}
	}

	uit = append(uit, b.dubbeleSynoniemen()...)
	uit = append(uit, b.aanspreekvorm()...)

	for _, r := range routes {
		rm, _ := r.(map[string]any)
		gs, _ := rm["grondslagen"].([]any)
		eigen, _ := rm["eigen_grondslag"].(bool)
		if len(gs) == 0 && !eigen {
			meld("route_zonder_grondslag", "routes/"+id(rm), "/grondslagen",
				fmt.Sprintf("route %q noemt geen grondslag en heeft geen eigen_grondslag: true", id(rm)))
		}
	}
	return uit
}

func inRegels(regels map[string][]byte, id string) bool {
	for _, src := range regels {
		if bytes.Contains(src, []byte(`"`+id+`"`)) {
			return true
		}
	}
	return false
}

func officieleBron(bron string) bool {
	u, err := url.Parse(bron)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" {
		return false
	}
	return officieleBronnen[strings.ToLower(u.Hostname())]
}

// dubbeleSynoniemen warns about a synonym that names another item of the same vocabulary too (its id,
// label or one of its synonyms): Kennisbank.Herken cannot tell which one is meant.
func (b *bouwer) dubbeleSynoniemen() []Bevinding {
	var uit []Bevinding
	for _, soort := range []string{"partijen", "gegevens", "doelen", "feiten"} {
		keuzes := b.kb.Keuzes(soort)
		anderen := keuzes
		if soort == "partijen" {
			anderen = append(slices.Clone(keuzes), b.kb.Keuzes("organisaties")...)
		}
		for ik, k := range keuzes {
			for i, syn := range k.Synoniemen {
				var ook []string
				for ia, ander := range anderen {
					// A synonym the two share is reported once, at the later item.
					gedeeld := slices.ContainsFunc(ander.Synoniemen, func(s string) bool { return normaliseer(s) == normaliseer(syn) })
					if ander.ID != k.ID && ander.Noemt(syn) && !(gedeeld && ia > ik) {
						ook = append(ook, ander.ID)
					}
				}
				p, ok := b.plek[soort+"/"+k.ID]
				if len(ook) == 0 || !ok {
					continue
				}
				f := b.fout("synoniem_dubbel", p.bestand, fmt.Sprintf("%s/synoniemen/%d", p.pointer, i),
					fmt.Sprintf("synoniem %q van %s %q noemt ook %s", syn, enkelvoud(soort), k.ID, strings.Join(quote(ook), " en ")))
				uit = append(uit, Bevinding{
					Ernst: ErnstWaarschuwing, ID: f.Soort, Bestand: f.Bestand, Regel: f.Regel, Kolom: f.Kolom,
					Pointer: f.Pointer, Bericht: f.Bericht, Hint: hints[f.Soort],
				})
			}
		}
	}
	return uit
}

// jeVorm finds the informal Dutch "you" (je, jij, jou, jouw, jezelf), which the texts for professionals
// do not use: they say u.
var jeVorm = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(je|jij|jou|jouw|jezelf)(?:[^\p{L}]|$)`)

// aanspreekvorm warns, once per file, about texts of the knowledge base (YAML values, and the front matter
// and body of vraagbaak entries) that address the reader with je or jij instead of u: at the first one, with the lines of all.
func (b *bouwer) aanspreekvorm() []Bevinding {
	var uit []Bevinding
	type plaats struct {
		regel, kolom int
		pointer      string
		fragment     string
	}
	meld := func(bf *bestand, plaatsen []plaats) {
		if len(plaatsen) == 0 {
			return
		}
		regels := make([]string, 0, len(plaatsen))
		for _, p := range plaatsen {
			if r := fmt.Sprint(p.regel); !slices.Contains(regels, r) {
				regels = append(regels, r)
			}
		}
		eerste := plaatsen[0]
		bericht := fmt.Sprintf("spreekt de lezer aan met je of jij in plaats van u: %q", eerste.fragment)
		if len(regels) > 1 {
			bericht += fmt.Sprintf("; ook op regel %s", strings.Join(regels[1:], ", "))
		}
		uit = append(uit, Bevinding{
			Ernst: ErnstWaarschuwing, ID: "aanspreekvorm", Bestand: bf.pad, Regel: eerste.regel, Kolom: eerste.kolom,
			Pointer: eerste.pointer, Bericht: bericht, Hint: hints["aanspreekvorm"],
		})
	}
	// inYAML gives the places in a file's YAML values (for a vraagbaak entry: its front matter).
	inYAML := func(bf *bestand) []plaats {
		var plaatsen []plaats
		elkeTekst(bf.waarde, func(pointer, w string) {
			if f := jeFragment(w); f != "" {
				regel, kolom := bf.pos.Zoek(pointer)
				plaatsen = append(plaatsen, plaats{regel, kolom, pointer, f})
			}
		})
		return plaatsen
	}
	gesorteerd := func(plaatsen []plaats) []plaats {
		slices.SortStableFunc(plaatsen, func(x, y plaats) int { return x.regel - y.regel })
		return plaatsen
	}
	for _, bf := range b.bronnen {
		meld(bf, gesorteerd(inYAML(bf)))
	}
	for _, bf := range b.vb {
		plaatsen := inYAML(bf)
		for i, r := range strings.Split(bf.tekst, "\n") {
			if f := jeFragment(r); f != "" {
				plaatsen = append(plaatsen, plaats{regel: bf.regel + i, kolom: 1, fragment: f})
			}
		}
		meld(bf, gesorteerd(plaatsen))
	}
	return uit
}

// jeFragment gives a few words around the first je or jij in s, or "" when there is none.
func jeFragment(s string) string {
	loc := jeVorm.FindStringSubmatchIndex(s)
	if loc == nil {
		return ""
	}
	r := []rune(s)
	begin := utf8.RuneCountInString(s[:loc[2]])
	van, tot := max(0, begin-20), min(len(r), begin+25)
	f := strings.TrimSpace(string(r[van:tot]))
	if van > 0 {
		f = "…" + f
	}
	if tot < len(r) {
		f += "…"
	}
	return f
}

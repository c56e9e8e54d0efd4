package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// runGids is the guided mode of magikdelen vraag: it asks the question step by step on the terminal,
// then only the facts that can still change the answer, answers it like the flags would, and prints the
// equivalent command line. The conversation goes to stderr, the answer to stdout.
func runGids(ctx context.Context, opts *vraagOpties) error {
	s := opts.g.stromen
	engine, err := laadEngine(ctx, opts.g)
	if err != nil {
		return err
	}
	g := nieuweGids(s.In, s.Err, engine, time.Now())
	v, err := g.vraag(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(s.Err)
	if err := beantwoordEnToon(ctx, opts, engine, v); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "\nDezelfde vraag met opties:\n  %s\n", opdracht(v, opts))
	return nil
}

// afgebroken is the error when the input ends (Ctrl-D) before the question is complete: exit code 2.
var afgebroken = &gebruiksFout{bericht: "geleide vraag afgebroken: de invoer is beëindigd (Ctrl-D) voordat de vraag compleet was; er is niets beoordeeld"}

// weetIkNiet is the option, offered with every fact, that leaves the fact unknown.
var weetIkNiet = kennisbank.Keuze{ID: "weet_ik_niet", Label: "weet ik niet"}

// gids asks the questions of the guided mode. It reads answers line by line from in and writes the
// questions to uit, so it can be driven by a script in tests as well as by a terminal.
type gids struct {
	in       *bufio.Reader
	uit      io.Writer
	engine   *library.Engine
	kb       *kennisbank.Kennisbank
	vandaag  time.Time
	voorstel *voorstel // the one option the last "Bedoelde u …?" offered, if any
}

func nieuweGids(in io.Reader, uit io.Writer, engine *library.Engine, vandaag time.Time) *gids {
	return &gids{in: bufio.NewReader(in), uit: uit, engine: engine, kb: engine.Kennisbank(), vandaag: vandaag}
}

// vraag asks the question: who, with whom, what, what for, when, and then the open facts one by one
// until none is left that can change the answer.
func (g *gids) vraag(ctx context.Context) (kennisbank.Vraag, error) {
	fmt.Fprintln(g.uit, "Mag ik dit delen? Beantwoord de vragen hieronder: kies een nummer of typ de naam. Ctrl-D stopt.")
	var v kennisbank.Vraag
	organisaties := g.kb.Keuzes("organisaties") // accepted by id or name, not listed
	van, err := g.kiesEen("Wie bent u? (de partij die de gegevens deelt)", g.afzenders(), keuzeOpties{ook: organisaties})
	if err != nil {
		return v, err
	}
	naar, err := g.kiesMeer("Met wie wilt u de gegevens delen? (één of meer; scheid met komma's)", g.kb.Keuzes("partijen"), organisaties)
	if err != nil {
		return v, err
	}
	gegevens, err := g.kiesMeer("Welke gegevens wilt u delen? (één of meer; scheid met komma's)", g.kb.Keuzes("gegevens"), nil)
	if err != nil {
		return v, err
	}
	doel, err := g.kiesEen("Waarvoor deelt u de gegevens?", g.kb.Keuzes("doelen"), keuzeOpties{})
	if err != nil {
		return v, err
	}
	v = kennisbank.Vraag{Van: van.ID, Naar: kennisbank.Ontvangers(keuzeIDs(naar)), Gegevens: keuzeIDs(gegevens), Doel: doel.ID}
	// The purpose decides the frame (a covenant purpose belongs to exactly one covenant; a purpose outside
	// the covenants is judged through the statutory routes), so the covenant is not asked.
	if c := g.kb.DoelConvenant(doel.ID); c != "" {
		v.Convenant = c
	}
	if v.Datum, err = g.datum(); err != nil {
		return v, err
	}
	return v, g.feiten(ctx, &v)
}

// afzenders are the parties that can share: every party but the case table.
func (g *gids) afzenders() []kennisbank.Keuze {
	var out []kennisbank.Keuze
	for _, k := range g.kb.Keuzes("partijen") {
		if !g.kb.Tafel(k.ID) {
			out = append(out, k)
		}
	}
	return out
}

// feiten asks the open facts one at a time, most decisive first, and evaluates the question again after
// every answer. A fact answered with "weet ik niet" stays unknown and is not asked again.
func (g *gids) feiten(ctx context.Context, v *kennisbank.Vraag) error {
	onbekend := map[string]bool{}
	eerste := true
	for range len(g.kb.IDs("feiten")) + 1 { // every fact is asked at most once
		open, err := g.engine.OpenFeiten(ctx, *v)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(open, func(f kennisbank.Feitvraag) bool { return !onbekend[f.ID] })
		if i < 0 {
			return nil
		}
		if eerste {
			fmt.Fprintln(g.uit, "\nNog een paar vragen over de casus: alleen wat het antwoord kan veranderen.")
			eerste = false
		}
		f := open[i]
		waarde, bekend, err := g.feit(f)
		if err != nil {
			return err
		}
		if !bekend {
			onbekend[f.ID] = true
			continue
		}
		if v.Feiten == nil {
			v.Feiten = map[string]any{}
		}
		v.Feiten[f.ID] = waarde
	}
	return nil
}

// feit asks one fact. bekend is false for "weet ik niet".
func (g *gids) feit(f kennisbank.Feitvraag) (waarde any, bekend bool, err error) {
	vraag := f.Vraag
	if f.Reden == kennisbank.RedenOntbrekend {
		vraag += " (dit beslist het antwoord)"
	}
	switch f.Type {
	case "geheel_getal":
		return g.getal(f.ID, vraag)
	case "datum":
		return g.feitDatum(vraag)
	}
	weet := weetIkNiet
	if slices.ContainsFunc(f.Keuzes, func(k kennisbank.Keuze) bool { return k.Groep != "" }) {
		weet.Groep = "Anders"
	}
	k, err := g.kiesEen(vraag, append(slices.Clone(f.Keuzes), weet), keuzeOpties{leeg: &weet})
	if err != nil || k.ID == weetIkNiet.ID {
		return nil, false, err
	}
	return k.Waarde, true, nil
}

// getal asks a whole number in the fact's range (feiten.yaml); an empty answer or "weet ik niet" leaves it
// unknown.
func (g *gids) getal(feit, vraag string) (any, bool, error) {
	for {
		antwoord, err := g.lees(vraag + "\n(een getal; Enter of \"weet ik niet\" als u het niet weet)")
		if err != nil {
			return nil, false, err
		}
		if weetNiet(antwoord) {
			return nil, false, nil
		}
		n, err := strconv.ParseInt(antwoord, 10, 64)
		soort, binnen := g.kb.InBereik(feit, n)
		if err == nil && binnen {
			return n, true, nil
		}
		fmt.Fprintf(g.uit, "%q is geen %s.\n", antwoord, soort)
	}
}

// feitDatum asks a date; an empty answer or "weet ik niet" leaves it unknown.
func (g *gids) feitDatum(vraag string) (any, bool, error) {
	for {
		antwoord, err := g.lees(vraag + "\n(JJJJ-MM-DD of D-M-JJJJ; Enter of \"weet ik niet\" als u het niet weet of het niet van toepassing is)")
		if err != nil {
			return nil, false, err
		}
		if weetNiet(antwoord) {
			return nil, false, nil
		}
		iso, err := kennisbank.LeesDatum(antwoord)
		if err == nil {
			g.bevestig(kennisbank.Keuze{Label: iso})
			return iso, true, nil
		}
		g.geenDatum(antwoord, err)
	}
}

// geenDatum says why an answer is no date.
func (g *gids) geenDatum(antwoord string, err error) {
	var df *kennisbank.DatumFout
	if errors.As(err, &df) && df.Reden != "" {
		fmt.Fprintf(g.uit, "%q bestaat niet: %s.\n", kennisbank.Kort(antwoord), df.Reden)
		return
	}
	fmt.Fprintf(g.uit, "%q is geen datum; schrijf bijvoorbeeld %s of %s.\n", kennisbank.Kort(antwoord), g.vandaag.Format(time.DateOnly), g.vandaag.Format("2-1-2006"))
}

// datum asks the date of the share; an empty answer is today.
func (g *gids) datum() (string, error) {
	vandaag := g.vandaag.Format(time.DateOnly)
	for {
		antwoord, err := g.lees(fmt.Sprintf("Op welke datum deelt u? (JJJJ-MM-DD of D-M-JJJJ; Enter voor vandaag, %s)", vandaag))
		if err != nil {
			return "", err
		}
		if antwoord == "" || strings.EqualFold(antwoord, "vandaag") {
			g.bevestig(kennisbank.Keuze{Label: vandaag})
			return vandaag, nil
		}
		iso, err := kennisbank.LeesDatum(antwoord)
		if err == nil {
			g.bevestig(kennisbank.Keuze{Label: iso})
			return iso, nil
		}
		g.geenDatum(antwoord, err)
	}
}

func geldigeDatum(s string) bool {
	t, err := time.Parse(time.DateOnly, s)
	return err == nil && t.Format(time.DateOnly) == s
}

func weetNiet(s string) bool {
	return s == "" || s == "?" || strings.EqualFold(strings.Join(strings.Fields(s), " "), weetIkNiet.Label)
}

// keuzeOpties tune kiesEen: ook are accepted by id or name but not listed; leeg is picked by an empty
// answer.
type keuzeOpties struct {
	ook  []kennisbank.Keuze
	leeg *kennisbank.Keuze
}

// langeLijst is the length from which a list no longer fits beside its question on a small screen: the
// prompt under it then repeats the question.
const langeLijst = 12

// kiesEen shows the numbered options and asks for one, until one fits; the chosen option is echoed.
func (g *gids) kiesEen(vraag string, keuzes []kennisbank.Keuze, o keuzeOpties) (kennisbank.Keuze, error) {
	g.voorstel = nil
	g.toon(vraag, keuzes)
	prompt := g.prompt(vraag, keuzes)
	if o.leeg != nil {
		prompt = fmt.Sprintf("Keuze (Enter: %s):", o.leeg.Label)
	}
	for {
		antwoord, err := g.lees(prompt)
		if err != nil {
			return kennisbank.Keuze{}, err
		}
		switch {
		case antwoord == "" && o.leeg != nil:
			return *o.leeg, nil
		case antwoord == "?":
			g.toon(vraag, keuzes)
			continue
		}
		if k, ok := g.zoek(keuzes, o.ook, antwoord); ok {
			g.bevestig(k)
			return k, nil
		}
	}
}

// kiesMeer shows the numbered options and asks for one or more, separated by commas, until all fit; ook
// are accepted by id or name but not listed. The chosen options are echoed.
func (g *gids) kiesMeer(vraag string, keuzes, ook []kennisbank.Keuze) ([]kennisbank.Keuze, error) {
	g.voorstel = nil
	g.toon(vraag, keuzes)
	prompt := g.prompt(vraag, keuzes)
	for {
		antwoord, err := g.lees(prompt)
		if err != nil {
			return nil, err
		}
		if antwoord == "?" {
			g.toon(vraag, keuzes)
			continue
		}
		delen := strings.Split(antwoord, ",")
		if g.voorstel != nil && g.voorstel.delen != nil && isJa(antwoord) && !heeftJa(keuzes) {
			// "ja" to "Bedoelde u …?": the earlier answer with the suggestion in place of the part that missed.
			delen = g.voorstel.delen
		}
		g.voorstel = nil
		var gekozen []kennisbank.Keuze
		alle := antwoord != ""
		for i, deel := range delen {
			if deel = strings.TrimSpace(deel); deel == "" {
				continue
			}
			k, ok := g.zoek(keuzes, ook, deel)
			if !ok {
				if g.voorstel != nil {
					g.voorstel.delen = append(slices.Clone(delen[:i]), append([]string{g.voorstel.keuze.ID}, delen[i+1:]...)...)
				}
				alle = false
				break
			}
			if !slices.ContainsFunc(gekozen, func(x kennisbank.Keuze) bool { return x.ID == k.ID }) {
				gekozen = append(gekozen, k)
			}
		}
		if alle && len(gekozen) > 0 {
			g.bevestig(gekozen...)
			return gekozen, nil
		}
		if antwoord == "" {
			fmt.Fprintln(g.uit, "Kies ten minste één: een nummer of een naam.")
		}
	}
}

// prompt is the line under a list: for a long list it repeats the question, which has scrolled away.
func (g *gids) prompt(vraag string, keuzes []kennisbank.Keuze) string {
	if len(keuzes) < langeLijst {
		return "Keuze:"
	}
	kort := vraag
	if i := strings.Index(kort, "?"); i >= 0 {
		kort = kort[:i+1]
	}
	return kort + " Nummer of (een deel van de) naam; ? toont de lijst opnieuw:"
}

// bevestig echoes what was chosen, so that a forgiven typo or a synonym is visible.
func (g *gids) bevestig(ks ...kennisbank.Keuze) {
	labels := make([]string, len(ks))
	for i, k := range ks {
		labels[i] = k.Label
	}
	fmt.Fprintf(g.uit, "→ %s\n", strings.Join(labels, ", "))
}

// voorstel is the one option a "Bedoelde u …?" offered, which "ja" accepts.
type voorstel struct {
	keuze kennisbank.Keuze
	delen []string // kiesMeer: the whole answer with the suggestion in place of the part that missed
}

// zoek resolves one answer: a number from the list, "ja" to the one option the previous "Bedoelde u
// …?" offered, or an id, a label or a synonym of keuzes or ook (forgiving case and simple typos, see
// library.Kies). On a miss it says so and shows the nearest listed options with their numbers.
func (g *gids) zoek(keuzes, ook []kennisbank.Keuze, antwoord string) (kennisbank.Keuze, bool) {
	antwoord = strings.TrimSpace(antwoord)
	vorig := g.voorstel
	g.voorstel = nil
	if antwoord == "" {
		return kennisbank.Keuze{}, false
	}
	if n, err := strconv.Atoi(antwoord); err == nil {
		if n >= 1 && n <= len(keuzes) {
			return keuzes[n-1], true
		}
		fmt.Fprintf(g.uit, "Kies een nummer van 1 tot en met %d.\n", len(keuzes))
		return kennisbank.Keuze{}, false
	}
	if vorig != nil && isJa(antwoord) && !heeftJa(keuzes) {
		return vorig.keuze, true
	}
	k, suggesties, ok := kennisbank.Kies(keuzes, antwoord)
	if ok {
		return k, true
	}
	if len(ook) > 0 {
		if k, _, ok := kennisbank.Kies(ook, antwoord); ok {
			return k, true
		}
	}
	if len(suggesties) == 0 {
		fmt.Fprintf(g.uit, "%q staat niet in de lijst; kies een nummer of typ (een deel van) een naam uit de lijst (? toont de lijst).\n", kennisbank.Kort(antwoord))
		return kennisbank.Keuze{}, false
	}
	delen := make([]string, len(suggesties))
	for i, s := range suggesties {
		nr := slices.IndexFunc(keuzes, func(k kennisbank.Keuze) bool { return k.ID == s.ID }) + 1
		delen[i] = fmt.Sprintf("%d. %s", nr, s.Label)
	}
	if len(suggesties) == 1 {
		g.voorstel = &voorstel{keuze: suggesties[0]}
		fmt.Fprintf(g.uit, "%q staat niet in de lijst. Bedoelde u: %s? Typ ja, of kies opnieuw.\n", kennisbank.Kort(antwoord), delen[0])
		return kennisbank.Keuze{}, false
	}
	fmt.Fprintf(g.uit, "%q staat niet eenduidig in de lijst. Bedoelde u: %s? Typ het nummer.\n", kennisbank.Kort(antwoord), strings.Join(delen, "; "))
	return kennisbank.Keuze{}, false
}

// isJa is yes to "Bedoelde u …?".
func isJa(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "j", "jazeker", "yes", "y":
		return true
	}
	return false
}

// heeftJa: the list itself has an option "ja" (a ja/nee fact), which "ja" picks.
func heeftJa(keuzes []kennisbank.Keuze) bool {
	return slices.ContainsFunc(keuzes, func(k kennisbank.Keuze) bool { return k.Noemt("ja") })
}

// toon writes a question with its numbered options, under their group headings when they have them.
func (g *gids) toon(vraag string, keuzes []kennisbank.Keuze) {
	fmt.Fprintf(g.uit, "\n%s\n", vraag)
	breedte := len(strconv.Itoa(len(keuzes)))
	groep := ""
	for i, k := range keuzes {
		if k.Groep != groep && k.Groep != "" {
			fmt.Fprintf(g.uit, "  %s\n", k.Groep)
		}
		groep = k.Groep
		fmt.Fprintf(g.uit, "  %*d. %s\n", breedte+1, i+1, k.Label)
	}
}

// lees shows a prompt and reads one answer line, trimmed. The end of the input is afgebroken.
func (g *gids) lees(prompt string) (string, error) {
	fmt.Fprintf(g.uit, "%s ", prompt)
	regel, err := g.in.ReadString('\n')
	switch {
	case errors.Is(err, io.EOF) && regel == "":
		fmt.Fprintln(g.uit)
		return "", afgebroken
	case err != nil && !errors.Is(err, io.EOF):
		return "", &invoerFout{veld: "standaardinvoer", err: err}
	}
	return strings.TrimSpace(regel), nil
}

func keuzeIDs(keuzes []kennisbank.Keuze) []string {
	out := make([]string, len(keuzes))
	for i, k := range keuzes {
		out[i] = k.ID
	}
	return out
}

// opdracht gives the command line that asks question v with flags: running it gives the same answer.
func opdracht(v kennisbank.Vraag, opts *vraagOpties) string {
	delen := []string{"magikdelen", "vraag"}
	if opts.g.kennisbank != "" {
		delen = append(delen, "--kennisbank", opts.g.kennisbank)
	}
	delen = append(delen, "--van", v.Van, "--naar", strings.Join(v.Naar, ","), "--gegevens", strings.Join(v.Gegevens, ","), "--doel", v.Doel)
	if v.Convenant != "" {
		delen = append(delen, "--convenant", v.Convenant)
	}
	if v.Fase != "" {
		delen = append(delen, "--fase", v.Fase)
	}
	if v.Datum != "" {
		delen = append(delen, "--datum", v.Datum)
	}
	for _, naam := range slices.Sorted(maps.Keys(v.Feiten)) {
		delen = append(delen, "--feit", fmt.Sprintf("%s=%v", naam, v.Feiten[naam]))
	}
	if opts.cmd != nil && opts.cmd.Flags().Changed("formaat") {
		delen = append(delen, "--formaat", string(opts.formaat))
	}
	if opts.bon != "" {
		delen = append(delen, "--bon", opts.bon)
	}
	for i, d := range delen {
		delen[i] = shellWoord(d)
	}
	return strings.Join(delen, " ")
}

var veiligWoord = regexp.MustCompile(`^[A-Za-z0-9_,.=:/@+-]+$`)

// shellWoord quotes s for a POSIX shell when it needs it.
func shellWoord(s string) string {
	if veiligWoord.MatchString(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave/handreiking"
)

// handreikingFormaten are the formats of magikdelen handreiking.
var handreikingFormaten = []formaat{formaatTekst, formaatMarkdown, formaatHTML}

// handreikingOpties are the options of magikdelen handreiking.
type handreikingOpties struct {
	g         *globaleOpties
	formaat   formaat
	uitvoer   string
	convenant string
	editie    string
}

func newHandreikingCmd(g *globaleOpties) *cobra.Command {
	opts := &handreikingOpties{g: g}
	cmd := &cobra.Command{
		Use:     "handreiking",
		Aliases: []string{"guide"},
		Short:   "Maak de handreiking: alle convenanten, routes, grondslagen, de vraagbaak en de open vragen",
		Long: `Maakt de handreiking uit de kennisbank: per convenant de deelnemers, de doelen met de gegevens die
ze ten hoogste mogen dragen en de voorwaarden van de checklist, de routes, de bewaartermijn en de
artikelen; daarna de wettelijke routes buiten de convenanten, de grondslagen met een link naar de
officiële tekst, de vraagbaak en alles wat de kennisbank als onzeker markeert (open vragen).

Als tekst op een terminal, anders als Markdown; --formaat html geeft één losse HTML-pagina zonder
externe bronnen, leesbaar op een telefoon en af te drukken (ook als pdf). Zonder --formaat kiest
--uitvoer het formaat naar de extensie van het bestand: .html of .htm html, .md of .markdown markdown,
.txt tekst; een andere extensie is een fout, zodat er nooit ongemerkt Markdown in bijvoorbeeld een .pdf
belandt. Onder de titel staat de editie: de datum van --editie, standaard vandaag. De uitvoer hangt
alleen af van de kennisbank en de editie: twee keer maken geeft hetzelfde bestand. Datums staan er in
het Nederlands in ("1 maart 2025"), links gaan alleen naar officiële bronnen.`,
		Example: `  magikdelen handreiking
  magikdelen handreiking --formaat html -u handreiking.html
  magikdelen handreiking --convenant zvht --formaat markdown
  magikdelen handreiking --kennisbank ./convenants -u concept.html`,
		Args:                  argumenten(0),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runHandreiking(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	voegFormaatToe(f, &opts.formaat, handreikingFormaten...)
	f.StringVarP(&opts.uitvoer, "uitvoer", "u", "", "schrijf de handreiking naar dit `bestand` in plaats van naar standaarduitvoer; ook --output")
	f.StringVar(&opts.convenant, "convenant", "", "alleen dit `convenant` (id), met de wettelijke routes en de vraagbaak erover; ook --covenant")
	f.StringVar(&opts.editie, "editie", "", "de datum van deze editie als `JJJJ-MM-DD` (standaard vandaag); ook --edition")
	return cmd
}

// runHandreiking generates the handreiking and writes it to stdout or to the --uitvoer file.
func runHandreiking(_ context.Context, opts *handreikingOpties) error {
	kb, err := laadKennisbank(opts.g)
	if err != nil {
		return err
	}
	editie := opts.editie
	if editie == "" {
		editie = time.Now().Format(time.DateOnly)
	} else if !geldigeDatum(editie) {
		return &kennisbank.DatumFout{Veld: "--editie", Waarde: editie}
	}
	lib := []handreiking.Optie{handreiking.Editie(editie)}
	s := opts.g.stromen
	if opts.convenant != "" {
		id, err := herkenner{kb: kb, uit: s.Err}.een("--convenant", "convenanten", opts.convenant)
		if err != nil {
			return err
		}
		lib = append(lib, handreiking.AlleenConvenant(id))
	}

	f := opts.formaat
	if f == "" {
		switch {
		case opts.uitvoer != "":
			var err error
			if f, err = formaatVoorBestand(opts.uitvoer, handreikingFormaten); err != nil {
				return err
			}
		default:
			f = kiesFormaat("", s)
		}
	}

	var uit []byte
	switch f {
	case formaatHTML:
		uit, err = handreiking.HTML(kb, lib...)
	default:
		uit, err = handreiking.Markdown(kb, lib...)
	}
	if err != nil {
		return err
	}
	if f == formaatTekst {
		opmaak := opmaakVoor(s)
		if opts.uitvoer != "" {
			opmaak = tekstOpmaak{breedte: 80} // a file: plain text, no colour codes
		}
		var b strings.Builder
		if err := schrijfTekst(&b, string(uit), opmaak); err != nil {
			return err
		}
		uit = []byte(b.String())
	}

	if opts.uitvoer == "" {
		_, err := s.Out.Write(uit)
		return err
	}
	// Under a temporary name, renamed when complete (uitvoer): a failed write leaves no half file.
	u, err := openUitvoer(opts.uitvoer, nil)
	if err != nil {
		return err
	}
	_, err = u.Write(uit)
	if err := u.sluit(err); err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "handreiking geschreven: %s (%s, %d bytes)\n", opts.uitvoer, f, len(uit))
	return nil
}

// onbekendeExtensie is the error for an --uitvoer file whose extension names no format of the command.
func onbekendeExtensie(pad, extensies, formaten string) error {
	ext := filepath.Ext(pad)
	waarom := fmt.Sprintf("aan de extensie %q is niet te zien welk formaat %s moet krijgen", ext, pad)
	if ext == "" {
		waarom = fmt.Sprintf("%s heeft geen extensie, dus is niet te zien welk formaat het moet krijgen", pad)
	}
	hint := ""
	if strings.EqualFold(ext, ".pdf") {
		hint = "; een pdf maakt u door de html-uitvoer in de browser af te drukken"
	}
	return &invoerFout{veld: "--uitvoer", err: fmt.Errorf("%s; gebruik %s, of kies het formaat met --formaat (%s)%s", waarom, extensies, formaten, hint)}
}

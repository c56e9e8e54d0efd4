package main

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// verschilOpties are the options of magikdelen verschil.
type verschilOpties struct {
	g           *globaleOpties
	formaat     formaat
	datum       string
	convenanten []string
	doelen      []string
	van         []string
	naar        []string
	gegevens    []string
	feiten      feiten
	cellen      bool
}

func newVerschilCmd(g *globaleOpties) *cobra.Command {
	opts := &verschilOpties{g: g, feiten: feiten{}}
	cmd := &cobra.Command{
		Use:     "verschil <oud> <nieuw>",
		Aliases: []string{"diff"},
		Short:   "Welke antwoorden veranderen tussen twee versies van de kennisbank",
		Long: `Vergelijkt twee versies van de kennisbank (en de regels) op hun antwoorden: voor elk convenant
rekent magikdelen elk doel, elke deelnemer, elke ontvanger en elke categorie door in beide versies, en
toont welke antwoorden (doel, van, naar, gegevens) een ander oordeel, andere grondslagen, andere
voorwaarden of een andere zekerheid krijgen, gegroepeerd en geteld. Dat is wat de stuurgroep aftekent
als een convenant wordt bijgewerkt.

<oud> en <nieuw> zijn elk:
  - een map met een kennisbank (een werkkopie van convenants/), getoetst met de ingebouwde regels;
  - een map met een project (met convenants/ en rules/), met zijn eigen regels;
  - een git-revisie van dit project (HEAD, HEAD~3, een tag of een tak), met de kennisbank en de regels
    van die revisie.

De doelen buiten de convenanten (de wettelijke routes) worden net zo vergeleken, als "convenant"
wettelijk (--convenant wettelijk). Een convenant waarvan de regels, de gedeelde bestanden en het eigen
bestand in beide versies gelijk zijn, wordt overgeslagen: geen antwoord kan verschillen. Exitcode 0 ook
als er verschillen zijn.`,
		Example: `  magikdelen verschil HEAD werkkopie/convenants
  magikdelen verschil v1.0 HEAD --convenant zvht --datum 2026-03-01
  magikdelen verschil oud/ nieuw/ --formaat json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return &gebruiksFout{cmd: cmd, gebruik: true, bericht: fmt.Sprintf("verschil verwacht twee versies (<oud> <nieuw>), kreeg er %d", len(args))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVerschil(cmd.Context(), opts, args[0], args[1])
		},
	}
	f := cmd.Flags()
	voegFormaatToe(f, &opts.formaat)
	f.StringVar(&opts.datum, "datum", "", "de `datum` waarop de antwoorden gelden (standaard vandaag)")
	f.Var(lijst{&opts.convenanten, "convenant"}, "convenant", "alleen dit convenant (herhaalbaar of met komma's)")
	f.Var(lijst{&opts.doelen, "doel"}, "doel", "alleen deze doelen")
	f.Var(lijst{&opts.van, "partij"}, "van", "alleen deze afzenders")
	f.Var(lijst{&opts.naar, "partij"}, "naar", "alleen deze ontvangers")
	f.Var(lijst{&opts.gegevens, "gegevens"}, "gegevens", "alleen deze categorieën")
	f.Var(opts.feiten, "feit", "een feit dat voor elke cel geldt, naam=waarde (herhaalbaar)")
	f.BoolVar(&opts.cellen, "cellen", false, "toon ook elke gewijzigde cel (standaard alleen de groepen)")
	return cmd
}

func runVerschil(ctx context.Context, opts *verschilOpties, oudArg, nieuwArg string) error {
	voorBulk(opts.g.stromen)
	datum := opts.datum
	if datum == "" {
		datum = time.Now().Format(time.DateOnly)
	}
	oud, opruimen, err := versieEngine(ctx, oudArg, "<oud>")
	defer opruimen()
	if err != nil {
		return err
	}
	nieuw, opruimenNieuw, err := versieEngine(ctx, nieuwArg, "<nieuw>")
	defer opruimenNieuw()
	if err != nil {
		return err
	}
	v, err := bulk.Vergelijk(ctx, oud, nieuw, bulk.VerschilVraag{
		Convenanten: opts.convenanten, Datum: datum, Feiten: opts.feiten,
		Doelen: opts.doelen, Van: opts.van, Naar: opts.naar, Gegevens: opts.gegevens,
	})
	if err != nil {
		return err
	}
	return toon(opts.g.stromen, opts.formaat, v, func() string { return weergave.Verschil(v, nieuw.Kennisbank(), oudArg, nieuwArg, opts.cellen) })
}

// versieEngine builds the engine of one side: a knowledge-base folder, a project folder or a git revision.
// opruimen removes what a git revision was unpacked into.
func versieEngine(ctx context.Context, arg, veld string) (*library.Engine, func(), error) {
	geen := func() {}
	if info, err := os.Stat(arg); err == nil && info.IsDir() {
		e, err := engineUitMap(ctx, arg)
		return e, geen, err
	}
	rev, err := gitRevisie(arg)
	if err != nil {
		return nil, geen, &invoerFout{veld: veld, err: fmt.Errorf("%q is geen map en geen git-revisie van dit project (%v)", arg, err)}
	}
	map_, err := os.MkdirTemp("", "magikdelen-verschil-")
	if err != nil {
		return nil, geen, err
	}
	opruimen := func() { os.RemoveAll(map_) }
	if err := pakRevisieUit(rev, map_); err != nil {
		return nil, opruimen, &invoerFout{veld: veld, err: err}
	}
	e, err := engineUitMap(ctx, map_)
	return e, opruimen, err
}

// engineUitMap loads a project folder (convenants/ and, if present, rules/) or a knowledge-base folder.
func engineUitMap(ctx context.Context, pad string) (*library.Engine, error) {
	kb := pad
	var opties []library.Optie
	if info, err := os.Stat(filepath.Join(pad, "convenants")); err == nil && info.IsDir() {
		kb = filepath.Join(pad, "convenants")
		if info, err := os.Stat(filepath.Join(pad, "rules")); err == nil && info.IsDir() {
			opties = append(opties, library.MetRegels(os.DirFS(filepath.Join(pad, "rules"))))
		}
	}
	opties = append(opties, library.MetKennisbank(os.DirFS(kb)))
	e, err := library.New(ctx, opties...)
	if err != nil {
		return nil, kennisbankLaadFout(&globaleOpties{kennisbank: kb}, err)
	}
	return e, nil
}

// gitRevisie resolves a revision of the project in the current directory to a commit id.
func gitRevisie(arg string) (string, error) {
	if strings.HasPrefix(arg, "-") {
		return "", errors.New("een revisie begint niet met -")
	}
	uit, err := exec.Command("git", "rev-parse", "--verify", "--quiet", arg+"^{commit}").Output()
	if err != nil {
		return "", errors.New("git kent deze revisie niet")
	}
	return strings.TrimSpace(string(uit)), nil
}

// pakRevisieUit writes the knowledge base and the rules of a revision into map_.
func pakRevisieUit(rev, map_ string) error {
	var fout bytes.Buffer
	cmd := exec.Command("git", "archive", "--format=tar", rev, "convenants", "rules")
	cmd.Stderr = &fout
	uit, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("git archive %s: %s", rev[:min(12, len(rev))], strings.TrimSpace(fout.String()))
	}
	tr := tar.NewReader(bytes.NewReader(uit))
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		doel := filepath.Join(map_, filepath.FromSlash(h.Name))
		if !strings.HasPrefix(doel, filepath.Clean(map_)+string(filepath.Separator)) {
			return fmt.Errorf("ongeldig pad in revisie: %s", h.Name)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(doel, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(doel), 0o755); err != nil {
				return err
			}
			inhoud, err := io.ReadAll(tr)
			if err != nil {
				return err
			}
			if err := os.WriteFile(doel, inhoud, 0o644); err != nil {
				return err
			}
		}
	}
}

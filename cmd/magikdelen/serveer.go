package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/api"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bon"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/web"
)

// The timeouts of the HTTP server: a question takes well under a second, so a slow client is cut off
// early.
const (
	leesKopTijd      = 5 * time.Second
	leesTijd         = 15 * time.Second
	schrijfTijd      = 30 * time.Second
	rustTijd         = 2 * time.Minute
	afsluitTijd      = 10 * time.Second
	standaardAdres   = "127.0.0.1:8080"
	standaardHerlaad = 2 * time.Second
	// standaardCache bounds the decision cache, in MiB: an answer with its JSON takes 50 kB (a few cells)
	// to 350 kB (a whole ZVH table), so some thousands of answers.
	standaardCache = 256
)

// serveerOpties are the options of magikdelen serveer.
type serveerOpties struct {
	g        *globaleOpties
	adres    string
	herlaad  bool
	interval time.Duration
	bon      string         // append a decision receipt per answered question to this file
	bonBatch int            // fsync after this many receipts (and at least every second); 0: after every receipt
	toegang  bool           // log one line per request (route, status, duration; never the question)
	cache    int            // MiB of answers kept per engine (library.MetCache); 0: none
	gestart  func(net.Addr) // tests: called when the server listens
}

func newServeerCmd(g *globaleOpties) *cobra.Command {
	opts := &serveerOpties{g: g}
	cmd := &cobra.Command{
		Use:     "serveer",
		Aliases: []string{"serve"},
		Short:   "Start de webpagina voor professionals en de HTTP JSON-API voor andere diensten",
		Long: `Start een HTTP-server met de webpagina en de JSON-API van magikdelen.

Voor mensen, in een browser: GET / stelt de vraag stap voor stap (wie bent u, met wie, welke gegevens,
waarvoor, en dan alleen de feiten die het antwoord nog kunnen veranderen); het antwoord staat op een
eigen adres, /vraag?van=…&naar=…&gegevens=…&doel=…[&convenant=…&fase=…&datum=…&feit=naam=waarde], met
dezelfde namen en waarden als de opties van magikdelen vraag, om te delen of af te drukken.
GET /handreiking en /matrix?convenant=… tonen de handreiking en de matrix. De pagina's werken zonder
JavaScript en laden niets van elders.

Voor diensten: POST /v1/vraag beantwoordt een vraag (dezelfde JSON als vraag --invoer en vraag
--formaat json), GET /v1/convenanten en /v1/convenanten/{id} tonen de convenanten, GET
/v1/openapi.json beschrijft de API. Voor beheer: /healthz, /readyz en /metrics (Prometheus).

De server bewaart geen vragen, behalve met --bon (besluitbonnen, ook van de webpagina). Logboek en
metrieken bevatten nooit de inhoud van een vraag; --toegangslog schrijft per verzoek alleen de route,
de status en de duur.

De server luistert standaard alleen op 127.0.0.1 en heeft geen authenticatie: zet hem achter een
reverse proxy als andere machines hem moeten bereiken. Met --herlaad en --kennisbank laadt de server
een gewijzigde werkkopie opnieuw; een ongeldige werkkopie wordt gemeld en de vorige blijft in gebruik.
Meldingen gaan naar standaardfout. Stop met Ctrl-C (SIGINT) of SIGTERM: lopende verzoeken worden
afgemaakt.`,
		Example: `  magikdelen serveer
  magikdelen serveer --adres 127.0.0.1:9000
  magikdelen serveer --kennisbank werkkopie/convenants --herlaad
  curl -s -d @vraag.json http://127.0.0.1:8080/v1/vraag
  open http://127.0.0.1:8080/`,
		DisableFlagsInUseLine: true,
		Args:                  argumenten(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServeer(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.adres, "adres", standaardAdres, "luister op dit `adres` (host:poort); standaard alleen deze machine")
	f.BoolVar(&opts.herlaad, "herlaad", false, "laad de kennisbank van --kennisbank opnieuw als die map verandert")
	f.DurationVar(&opts.interval, "herlaad-interval", standaardHerlaad, "hoe vaak --herlaad de map controleert (`duur`, bijv. 2s)")
	f.StringVar(&opts.bon, "bon", "", "schrijf per beantwoorde vraag een besluitbon (JSON-regel) naar dit `bestand` (zie library/bon/LOGBOEK.md)")
	f.IntVar(&opts.bonBatch, "bon-batch", 0, "fsync de bonnen per `n` stuks (en minstens elke seconde) in plaats van na elke bon")
	f.IntVar(&opts.cache, "cache", standaardCache, "bewaar antwoorden op herhaalde vragen in ten hoogste `n` MiB geheugen (0: geen cache); herladen begint met een lege cache")
	f.BoolVar(&opts.toegang, "toegangslog", false, "log per verzoek de methode, de route, de status en de duur (nooit het adres of de vraag)")
	return cmd
}

// runServeer serves the API until ctx ends or the process gets SIGINT or SIGTERM, then shuts down
// gracefully.
func runServeer(ctx context.Context, opts *serveerOpties) error {
	if opts.herlaad && opts.g.kennisbank == "" {
		return &gebruiksFout{bericht: "--herlaad werkt alleen met --kennisbank <map>: de ingebouwde kennisbank verandert niet"}
	}
	if opts.cache < 0 {
		return &gebruiksFout{bericht: fmt.Sprintf("--cache moet 0 of groter zijn, kreeg %d", opts.cache)}
	}
	if opts.herlaad && opts.interval <= 0 {
		return &gebruiksFout{bericht: fmt.Sprintf("--herlaad-interval moet groter dan 0 zijn, kreeg %s", opts.interval)}
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	logHandler := slog.NewTextHandler(opts.g.stromen.Err, nil)
	log := slog.New(logHandler)

	var hash string
	if opts.herlaad {
		// Hash before loading, so a change while loading is picked up by the first poll.
		h, err := inhoudsHash(opts.g.kennisbank)
		if err != nil {
			return &invoerFout{veld: "--kennisbank", err: err}
		}
		hash = h
	}
	engine, err := laadEngine(ctx, opts.g, library.MetCache(opts.cache))
	if err != nil {
		return err
	}
	var wissel api.Wissel
	wissel.Zet(engine)

	handlerOpties := []api.Optie{api.MetLogger(log)}
	webOpties := []web.Optie{web.MetLogger(log)}
	if opts.toegang {
		handlerOpties = append(handlerOpties, api.MetToegangslog(log))
	}
	if opts.bon != "" {
		var bonOpties []bon.Optie
		if opts.bonBatch > 0 {
			bonOpties = append(bonOpties, bon.FsyncPerBatch(opts.bonBatch, time.Second))
		}
		schrijver, err := bon.Open(opts.bon, bonOpties...)
		if err != nil {
			return &invoerFout{veld: "--bon", err: err}
		}
		defer schrijver.Close()
		schrijf := func(_ context.Context, _ kennisbank.Vraag, a library.Antwoord, start, eind time.Time) {
			if err := schrijver.Schrijf(bon.Nieuw(a, start, eind)); err != nil {
				log.Error("besluitbon niet geschreven", "fout", err)
			}
		}
		handlerOpties = append(handlerOpties, api.MetBon(schrijf))
		webOpties = append(webOpties, web.MetBon(schrijf))
	}
	handlerOpties = append(handlerOpties, api.MetPaginas(web.NieuweHandler(&wissel, webOpties...)))

	ln, err := net.Listen("tcp", opts.adres)
	if err != nil {
		return &invoerFout{veld: "--adres", err: err}
	}
	srv := &http.Server{
		Handler:           api.NieuweHandler(&wissel, handlerOpties...),
		ReadHeaderTimeout: leesKopTijd,
		ReadTimeout:       leesTijd,
		WriteTimeout:      schrijfTijd,
		IdleTimeout:       rustTijd,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logHandler, slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	log.Info("magikdelen serveert de webpagina en de API", "adres", "http://"+ln.Addr().String(), "versie", programmaVersie(),
		"kennisbank", engine.Kennisbank().Versie())
	if !loopback(ln.Addr()) {
		log.Warn("de webpagina en de API zijn bereikbaar vanaf het netwerk en hebben geen authenticatie; zet er een reverse proxy voor")
	}
	if opts.gestart != nil {
		opts.gestart(ln.Addr())
	}

	var wg sync.WaitGroup
	if opts.herlaad {
		wg.Add(1)
		go func() {
			defer wg.Done()
			herlaadLus(ctx, opts.g.kennisbank, opts.interval, hash, &wissel, log, library.MetCache(opts.cache))
		}()
	}
	serveFout := make(chan error, 1)
	go func() { serveFout <- srv.Serve(ln) }()

	select {
	case err := <-serveFout:
		stop()
		wg.Wait()
		return fmt.Errorf("serveer: %w", err)
	case <-ctx.Done():
	}
	log.Info("magikdelen stopt; lopende verzoeken worden afgemaakt")
	afsluitCtx, annuleer := context.WithTimeout(context.WithoutCancel(ctx), afsluitTijd)
	defer annuleer()
	err = srv.Shutdown(afsluitCtx)
	wg.Wait()
	if err != nil {
		_ = srv.Close()
		return fmt.Errorf("serveer: afsluiten: %w", err)
	}
	if err := <-serveFout; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serveer: %w", err)
	}
	log.Info("magikdelen is gestopt")
	return nil
}

// herlaadLus polls the folder every interval and swaps in a new engine when its content hash changes.
// A knowledge base that does not load is logged and the previous engine stays.
func herlaadLus(ctx context.Context, pad string, interval time.Duration, vorige string, w *api.Wissel, log *slog.Logger, opts ...library.Optie) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		hash, err := inhoudsHash(pad)
		if err != nil {
			log.Error("herladen: kennisbank niet te lezen; de vorige blijft in gebruik", "map", pad, "fout", err)
			continue
		}
		if hash == vorige {
			continue
		}
		vorige = hash
		e, err := library.New(ctx, append([]library.Optie{library.MetKennisbank(os.DirFS(pad))}, opts...)...)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			meldHerlaadFout(log, pad, err)
			continue
		}
		w.Zet(e)
		log.Info("kennisbank opnieuw geladen", "map", pad, "kennisbank", e.Kennisbank().Versie())
	}
}

// meldHerlaadFout logs why a reload failed, one line per problem in the knowledge base.
func meldHerlaadFout(log *slog.Logger, pad string, err error) {
	var kbf kennisbank.KennisbankFouten
	if !errors.As(err, &kbf) {
		log.Error("herladen mislukt; de vorige kennisbank blijft in gebruik", "map", pad, "fout", err)
		return
	}
	log.Error(fmt.Sprintf("herladen mislukt: kennisbank ongeldig (%d); de vorige blijft in gebruik", len(kbf)), "map", pad)
	for _, f := range kbf {
		f.Bestand = filepath.Join(pad, filepath.FromSlash(f.Bestand))
		log.Error("fout in de kennisbank", "fout", f.Error())
	}
}

// inhoudsHash is a hash of the names and contents of the files under pad, skipping hidden files and
// folders (.git, editor swap files).
func inhoudsHash(pad string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(pad, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != pad && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(pad, p)
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		n, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "\x00%d\x00", n)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("lees %s: %w", pad, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// loopback says whether the server listens on this machine only.
func loopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// programmaVersie is the module version of the binary, "(devel)" for a local build.
func programmaVersie() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

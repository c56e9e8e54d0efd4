// Package library answers "mag ik dit delen?" for other Go programs: may party A share data category X
// with party B for purpose Y, under which covenant and legal basis, and on which conditions.
//
// New loads the knowledge base (package library/kennisbank: the covenants and legal grounds in
// convenants/, embedded by default and then already validated when the program was built), or validates a
// working copy, compiles the Rego policy in rules/ and prepares the query, once. Beantwoord is then safe
// for concurrent use:
//
//	engine, err := library.New(ctx)
//	if err != nil { … }
//	antwoord, err := engine.Beantwoord(ctx, kennisbank.Vraag{
//		Van: "politie", Naar: kennisbank.Ontvangers{"overleg_deelnemers"},
//		Gegevens: []string{"politiegegevens"}, Doel: "zvh_casusoverleg",
//		Convenant: "zvht", Datum: "2025-06-01",
//		Feiten: map[string]any{"inclusiecriteria": true},
//	})
//	fmt.Println(antwoord.Oordeel) // toegestaan_onder_voorwaarden
//
// The question (kennisbank.Vraag) is in the vocabulary of the knowledge base; the answer's JSON is the
// answer JSON of the public contract. Bad input gives the typed errors of package kennisbank
// (OnbekendeIDFout with the closest known ids, TypeFout, DatumFout, OntbrekendVeldFout, JSONFout);
// a knowledge base with problems gives kennisbank.KennisbankFouten with file, line and JSON pointer.
// The library never prints and never exits. MetKennisbank loads a working copy (os.DirFS) without
// rebuilding.
//
// MetCache keeps the answers to repeated questions (bounded, least recently used out, one evaluation for
// identical questions asked at the same time); Beslis gives such an answer read-only with its JSON, at
// the cost of a lookup.
//
// One call may use every CPU: Beantwoord evaluates the alternatives of an answer that can still improve,
// and OpenFeiten the trial values of the unknown facts, as questions of their own side by side, up to
// GOMAXPROCS goroutines per call (the caller's own among them). Cancelling ctx stops them all.
//
// Engine.Kennisbank gives the loaded knowledge base (kennisbank.Kennisbank), typed: Convenant, Routes,
// Grondslag, DoelConvenant, Oordeel, Zekerheden, Klassen; Data is the plain document the rules see. For
// the kwartiermaker, kennisbank.Controleer validates a working copy; package library/bulk asks many
// questions at once through Evalueer: the matrix of who may share what, the answers that change between
// two versions (Vergelijk), and the domain lint over the evaluated rules (Domeincontrole).
//
// The knowledge base also holds the vraagbaak (convenants/vraagbaak/*.md): Kennisbank.Vraagbaak and
// Kennisbank.Vraagbaakitem give the entries, Kennisbank.ZoekVraagbaak searches them in a professional's
// own words, and ToetsVraagbaak runs the checks of every entry against the rules.
//
// The human views of all of this (Markdown, CSV, HTML, the handreiking) are in package
// library/weergave; this package returns typed values and JSON only.
package library

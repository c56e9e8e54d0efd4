// Package weergave holds every human view of magikdelen's results: the answer, a covenant and the list of
// covenants, the vocabulary, the vraagbaak (search hits and one entry), the matrix (Markdown grid, CSV
// and the HTML heat map), the reports of controleer, test and verschil, and — in the subpackage
// handreiking — the guidance document. Each view is Markdown (or CSV, or HTML from an embedded
// html/template with the one stylesheet pagina.css); the CLI renders the Markdown for the terminal, the
// web pages and other services use the HTML directly. The answer, a covenant, the list of covenants and
// the vraagbaak (search and entry) are text/templates in sjablonen/ over a small view model that holds
// the labels (the wording can change without touching Go); the other Markdown views are still written
// with a strings.Builder.
//
// Labels come from the knowledge base (Kennisbank.Label), dates from library.DatumTekst, and one escaper
// (esc, cel, link) keeps the knowledge base's text from turning into Markdown markup. The views read the
// library's typed results and accessors only; they hold no legal knowledge and never print: a view
// returns its text or writes to the io.Writer it is given.
package weergave

// Package weergave holds every human view of magikdelen's results: the answer, a covenant and the list of
// covenants, the vocabulary, the vraagbaak (search hits and one entry), the matrix (Markdown grid, CSV
// and the HTML heat map), the reports of controleer, test and verschil, and — in the subpackage
// handreiking — the guidance document. Each view is Markdown (or CSV, or HTML from an embedded
// html/template with the one stylesheet pagina.css); the CLI renders the Markdown for the terminal, the
// web pages and other services use the HTML directly. Every Markdown view of the CLI (answer, covenant
// and covenants, vocabulary, vraagbaak search and entry, matrix, the reports of controleer, test and
// verschil) is a text/template in sjablonen/ over a small view model that holds the labels, so the
// wording can change without touching Go; the handreiking's is handreiking/handreiking.md.tmpl.
//
// Labels come from the knowledge base (Kennisbank.Label), dates from library.DatumTekst, and one escaper
// (esc, cel, link) keeps the knowledge base's text from turning into Markdown markup. The views read the
// library's typed results and accessors only; they hold no legal knowledge and never print: a view
// returns its text or writes to the io.Writer it is given.
package weergave

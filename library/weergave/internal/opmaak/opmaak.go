// Package opmaak holds the one Markdown escaper of the views and the few text helpers that the answer,
// covenant, matrix and vraagbaak views (package weergave) share with the handreiking.
package opmaak

import (
	"regexp"
	"strings"
	"unicode"
)

// Tekst escapes text from the knowledge base so that it stays text in Markdown: no emphasis,
// strikethrough, links, code, HTML or entities. An underscore inside a word (an id such as
// niet_toegestaan) is no markup in Markdown and stays as it is, so that the Markdown reads and copies well.
func Tekst(s string) string {
	if !strings.ContainsAny(s, "\\*_`[]<~&") {
		return s
	}
	var b strings.Builder
	r := []rune(s)
	for i, c := range r {
		switch c {
		case '\\', '*', '`', '[', ']', '<', '~':
			b.WriteRune('\\')
		case '_':
			binnen := i > 0 && i+1 < len(r) && woordTeken(r[i-1]) && woordTeken(r[i+1])
			if !binnen {
				b.WriteRune('\\')
			}
		}
		b.WriteRune(c)
	}
	return entiteit.ReplaceAllString(b.String(), `\$0`)
}

// entiteit is an HTML entity, which Markdown would turn into its character.
var entiteit = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);`)

// woordTeken is a letter or digit: an underscore between two of them is part of a word.
func woordTeken(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// Cel escapes text for a table cell.
func Cel(s string) string { return strings.ReplaceAll(Tekst(s), "|", `\|`) }

// Link is a Markdown link with the escaped text; without a URL it is the escaped text alone.
func Link(tekst, url string, esc func(string) string) string {
	if url == "" {
		return esc(tekst)
	}
	return "[" + esc(tekst) + "](" + linkDoel.Replace(url) + ")"
}

// linkDoel keeps a URL one link destination in Markdown.
var linkDoel = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", `\`, "%5C", "`", "%60")

// Woord writes a snake_case value of the data for people.
func Woord(s string) string { return strings.ReplaceAll(s, "_", " ") }

// Periode writes a validity window for people, each date through datum (the CLI keeps ISO dates, the
// handreiking writes them the Dutch way): "van X tot en met Y", "vanaf X", "tot en met Y", or "" when
// both ends are open.
func Periode(vanaf, tot string, datum func(string) string) string {
	switch {
	case vanaf != "" && tot != "":
		return "van " + datum(vanaf) + " tot en met " + datum(tot)
	case vanaf != "":
		return "vanaf " + datum(vanaf)
	case tot != "":
		return "tot en met " + datum(tot)
	}
	return ""
}

// Looptijd is Periode, or "niet bekend" when neither end is known.
func Looptijd(vanaf, tot string, datum func(string) string) string {
	if p := Periode(vanaf, tot, datum); p != "" {
		return p
	}
	return "niet bekend"
}

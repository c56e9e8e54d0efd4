package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
	"github.com/twente-zorg-veiligheid/magikdelen/library/weergave"
)

// maxBreedte caps the word wrap of the tekst format, however wide the terminal.
const maxBreedte = 120

// kiesFormaat gives the format to write in: the one asked for, else tekst on a terminal and plain
// Markdown when stdout is a pipe or a file.
func kiesFormaat(gevraagd formaat, s stromen) formaat {
	switch {
	case gevraagd != "":
		return gevraagd
	case s.Terminal:
		return formaatTekst
	}
	return formaatMarkdown
}

// tekstOpmaak says how the tekst format is rendered.
type tekstOpmaak struct {
	breedte int  // word wrap in columns
	kleur   bool // false: plain text, no escape codes at all
}

// opmaakVoor derives the rendering from the streams: the terminal width capped at maxBreedte (80 when
// unknown), and colour only on a terminal, without NO_COLOR and not with TERM=dumb.
func opmaakVoor(s stromen) tekstOpmaak {
	b := s.Breedte
	if b <= 0 {
		b = 80
	}
	return tekstOpmaak{
		breedte: min(b, maxBreedte),
		kleur:   s.Terminal && s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb",
	}
}

// toon writes a result in format f. json writes waarde as one indented JSON document; markdown writes
// the document md() builds; tekst renders that document for the terminal with glamour.
func toon(s stromen, f formaat, waarde any, md func() string) error {
	switch kiesFormaat(f, s) {
	case formaatJSON:
		return schrijfJSON(s.Out, waarde)
	case formaatTekst:
		return schrijfTekst(s.Out, md(), opmaakVoor(s))
	default:
		_, err := io.WriteString(s.Out, md())
		return err
	}
}

// schrijfJSON writes v as one indented JSON document, without HTML escaping (links stay readable): the
// bytes of a json.Encoder with SetIndent("", "  "). The encoder writes compact JSON and an inspringer
// indents it in one pass, in pieces of jsonStuk bytes written to w as they are ready, so the indented
// document is never whole in memory; encoding/json indents with its full scanner per byte, which took a
// matrix of 50,000 cells (35 MB) about half a second, seven times the encoding itself.
func schrijfJSON(w io.Writer, v any) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("schrijf json: %w", err)
	}
	src := compact.Bytes()
	var in inspringer
	buf := make([]byte, 0, min(len(src), jsonStuk)*8/5)
	for len(src) > 0 {
		n := min(len(src), jsonStuk)
		buf = in.voegToe(buf[:0], src[:n])
		if _, err := w.Write(buf); err != nil {
			return err
		}
		src = src[n:]
	}
	return nil
}

// jsonStuk is how much compact JSON schrijfJSON indents before it writes.
const jsonStuk = 256 << 10

// inspringen appends src, compact JSON as json.Encoder writes it (no white space outside strings), to dst
// indented exactly as json.Indent(dst, src, "", "  ") does: a newline and two spaces per level after an
// opening bracket and after a comma, a space after a colon, and an empty object or array kept as {} or [].
// Bytes inside strings are copied as they are.
func inspringen(dst, src []byte) []byte {
	var in inspringer
	return in.voegToe(dst, src)
}

// inspringer indents compact JSON that arrives in pieces (cut anywhere, also inside a string or an
// escape): it keeps where it is between calls of voegToe.
type inspringer struct {
	diepte          int
	open            bool // a { or [ was written; its newline waits for the first element
	inTekst, escape bool
}

// voegToe appends the next piece of compact JSON to dst, indented (see inspringen).
func (in *inspringer) voegToe(dst, src []byte) []byte {
	diepte, open, inTekst, escape := in.diepte, in.open, in.inTekst, in.escape
	for _, c := range src {
		if inTekst {
			dst = append(dst, c)
			switch {
			case escape:
				escape = false
			case c == '\\':
				escape = true
			case c == '"':
				inTekst = false
			}
			continue
		}
		if open && c != '}' && c != ']' {
			open = false
			diepte++
			dst = nieuweRegel(dst, diepte)
		}
		switch c {
		case '"':
			inTekst = true
			dst = append(dst, c)
		case '{', '[':
			open = true
			dst = append(dst, c)
		case ',':
			dst = nieuweRegel(append(dst, c), diepte)
		case ':':
			dst = append(dst, c, ' ')
		case '}', ']':
			if open {
				open = false
			} else {
				diepte--
				dst = nieuweRegel(dst, diepte)
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	in.diepte, in.open, in.inTekst, in.escape = diepte, open, inTekst, escape
	return dst
}

func nieuweRegel(dst []byte, diepte int) []byte {
	dst = append(dst, '\n')
	for range diepte {
		dst = append(dst, ' ', ' ')
	}
	return dst
}

// schrijfTekst renders Markdown for the terminal. Links and inline code (commands, ids) are never
// broken over lines, so they stay clickable and can be copied whole; a line that holds a long one is
// longer than the width, and the terminal wraps it softly. A verdict marked with markeerOordeel becomes
// a coloured label on a terminal with colour, and the plain label without.
func schrijfTekst(w io.Writer, md string, o tekstOpmaak) error {
	stijl := platteStijl()
	if o.kleur {
		stijl = kleurStijl()
	}
	r, err := glamour.NewTermRenderer(glamour.WithStyles(stijl), glamour.WithWordWrap(o.breedte))
	if err != nil {
		return fmt.Errorf("tekstweergave: %w", err)
	}
	uit, err := r.Render(heel(md))
	if err != nil {
		return fmt.Errorf("tekstweergave: %w", err)
	}
	uit = oordeelLabels(uit, o.kleur)
	uit = losmaken.Replace(uit)
	uit = naloopSpaties.ReplaceAllString(uit, "$1")
	_, err = io.WriteString(w, uit)
	return err
}

// The word wrap of glamour breaks at spaces and at the characters of breekTekens. Inside links and
// inline code those are replaced by stand-ins from the private use area (one column wide, like the
// originals) that it does not break at, and put back after rendering.
const (
	breekTekens  = " -.,;+|"
	vasteSpatie  = '\uE000' // the stand-in of breekTekens[0]; the others follow
	oordeelEinde = '\uE011'
	oordeelBegin = '\uE020' // + the index of the verdict in oordeelKleuren
)

var (
	codeOfLink    = regexp.MustCompile("`[^`\n]+`|\\]\\([^)\\s]+\\)|https?://[^\\s)>\\]]+")
	maakVast      = vervanger(false)
	losmaken      = vervanger(true)
	naloopSpaties = regexp.MustCompile(`(?m)[ \t]+((?:\x1b\[[0-9;]*m)*)$`)
)

// vervanger replaces the characters of breekTekens by their stand-ins, or terug.
func vervanger(terug bool) *strings.Replacer {
	var paren []string
	for i, c := range breekTekens {
		echt, vast := string(c), string(rune(vasteSpatie+i))
		if terug {
			echt, vast = vast, echt
		}
		paren = append(paren, echt, vast)
	}
	return strings.NewReplacer(paren...)
}

// cijferPunt is a dot or comma between digits, as in "art. 2.25" or "1,5": no place to break either.
var cijferPunt = regexp.MustCompile(`\d[.,]\d`)

// heel makes the links, the inline code and the numbers of md unbreakable for the word wrap.
func heel(md string) string {
	md = codeOfLink.ReplaceAllStringFunc(md, maakVast.Replace)
	return cijferPunt.ReplaceAllStringFunc(md, maakVast.Replace)
}

// oordeelKleuren are the colours of the verdict labels, as background and foreground, strictest first;
// a coloured background with its own text colour reads on a light and on a dark terminal alike.
var oordeelKleuren = []struct {
	oordeel kennisbank.Oordeel
	sgr     string
}{
	{kennisbank.NietToegestaan, "1;97;41"},
	{kennisbank.Onbepaald, "1;30;43"},
	{kennisbank.ToegestaanOnderVoorwaarden, "1;30;46"},
	{kennisbank.Toegestaan, "1;97;42"},
}

// markeerOordeel marks the verdict label in a Markdown line (as **label**) so that schrijfTekst can show
// it as a coloured label; the Markdown format never contains the marks.
func markeerOordeel(regel, label string, o kennisbank.Oordeel) string {
	for i, k := range oordeelKleuren {
		if k.oordeel == o {
			merk := string(rune(oordeelBegin+i)) + strings.ReplaceAll(label, " ", string(vasteSpatie)) + string(oordeelEinde)
			return strings.Replace(regel, "**"+label+"**", merk, 1)
		}
	}
	return regel
}

var oordeelMerk = regexp.MustCompile("([\uE020-\uE023])([^\uE011]*)\uE011")

// oordeelLabels turns the marks of markeerOordeel into a label with a coloured background, or into the
// label in capitals without colour. Both take two columns more than the mark, which is why the mark has
// one column at each end.
func oordeelLabels(s string, kleur bool) string {
	return oordeelMerk.ReplaceAllStringFunc(s, func(m string) string {
		delen := oordeelMerk.FindStringSubmatch(m)
		i := int([]rune(delen[1])[0] - oordeelBegin)
		label := losmaken.Replace(delen[2])
		if !kleur {
			return "[" + strings.ToUpper(label) + "]"
		}
		return "\x1b[" + oordeelKleuren[i].sgr + "m " + label + " \x1b[0m"
	})
}

// platteStijl renders Markdown as plain text: no escape codes and no Markdown characters (no ** or #);
// headings in capitals, lists with bullets, the checklist with [ ].
func platteStijl() ansi.StyleConfig {
	ja := true
	marge, inspring := uint(2), uint(1)
	streep := "| "
	return ansi.StyleConfig{
		Document:       ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{BlockPrefix: "\n", BlockSuffix: "\n"}, Margin: &marge},
		BlockQuote:     ansi.StyleBlock{Indent: &inspring, IndentToken: &streep},
		List:           ansi.StyleList{LevelIndent: 2},
		Heading:        ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{BlockSuffix: "\n"}},
		H1:             ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Upper: &ja}},
		H2:             ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Upper: &ja}},
		HorizontalRule: ansi.StylePrimitive{Format: "\n--------\n"},
		Item:           ansi.StylePrimitive{BlockPrefix: "• "},
		Enumeration:    ansi.StylePrimitive{BlockPrefix: ". "},
		Task:           ansi.StyleTask{Ticked: "[x] ", Unticked: "[ ] "},
		ImageText:      ansi.StylePrimitive{Format: "Afbeelding: {{.text}} →"},
		CodeBlock:      ansi.StyleCodeBlock{StyleBlock: ansi.StyleBlock{Margin: &marge}},
		DefinitionDescription: ansi.StylePrimitive{
			BlockPrefix: "\n• ",
		},
	}
}

// kleurStijl is platteStijl with emphasis that reads on a light and on a dark background alike: bold,
// italic and underline, no text or background colours (the terminal's own colours stay).
func kleurStijl() ansi.StyleConfig {
	ja, nee := true, false
	s := platteStijl()
	s.H1.Bold, s.H2.Bold, s.H3.Bold = &ja, &ja, &ja
	s.H1.Upper, s.H2.Upper = &nee, &nee
	s.H1.Underline = &ja
	s.Strong.Bold = &ja
	s.Emph.Italic = &ja
	s.Link.Underline = &ja
	s.Code.Bold = &ja
	s.Table.StylePrimitive.Bold = nil
	return s
}

// toonAntwoord shows an answer in format f; in the tekst format the verdict is a coloured label (on a
// terminal with colour) or a label in capitals.
func toonAntwoord(s stromen, f formaat, a library.Antwoord, kb *kennisbank.Kennisbank) error {
	md := func() string { return weergave.Antwoord(a, kb) }
	if kiesFormaat(f, s) != formaatTekst {
		return toon(s, f, a, md)
	}
	return schrijfTekst(s.Out, markeerOordeel(md(), kb.Label("oordelen", string(a.Oordeel)), a.Oordeel), opmaakVoor(s))
}

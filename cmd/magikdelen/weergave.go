package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
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
	kleur   bool // false: the no-colour (notty) style
}

// opmaakVoor derives the rendering from the streams: the terminal width capped at maxBreedte (80 when
// unknown), and no colour when NO_COLOR is set or TERM is dumb.
func opmaakVoor(s stromen) tekstOpmaak {
	b := s.Breedte
	if b <= 0 {
		b = 80
	}
	return tekstOpmaak{
		breedte: min(b, maxBreedte),
		kleur:   s.Getenv("NO_COLOR") == "" && s.Getenv("TERM") != "dumb",
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

// schrijfJSON writes v as one indented JSON document, without HTML escaping (links stay readable).
func schrijfJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("schrijf json: %w", err)
	}
	return nil
}

// schrijfTekst renders Markdown for the terminal.
func schrijfTekst(w io.Writer, md string, o tekstOpmaak) error {
	stijl := glamour.WithAutoStyle()
	if !o.kleur {
		stijl = glamour.WithStandardStyle(styles.NoTTYStyle)
	}
	r, err := glamour.NewTermRenderer(stijl, glamour.WithWordWrap(o.breedte))
	if err != nil {
		return fmt.Errorf("tekstweergave: %w", err)
	}
	uit, err := r.Render(md)
	if err != nil {
		return fmt.Errorf("tekstweergave: %w", err)
	}
	_, err = io.WriteString(w, uit)
	return err
}

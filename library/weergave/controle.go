package weergave

import (
	"fmt"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
)

func Controlerapport(r library.Controlerapport) string {
	var b strings.Builder
	b.WriteString("# Controle van de kennisbank\n\n")
	if len(r.Bevindingen) == 0 {
		b.WriteString("Geen bevindingen.\n\n")
	}
	for i, f := range r.Bevindingen {
		if i == 0 || f.Bestand != r.Bevindingen[i-1].Bestand {
			if i > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "## %s\n\n", esc(f.Bestand))
		}
		fmt.Fprintf(&b, "- `%s` **%s** `%s`: %s", positie(f), f.Ernst, f.ID, esc(f.Bericht))
		if len(f.Suggesties) > 0 {
			fmt.Fprintf(&b, "; bedoelde u %s?", esc(strings.Join(quote(f.Suggesties), " of ")))
		}
		if f.Pointer != "" {
			fmt.Fprintf(&b, " (`%s`)", f.Pointer)
		}
		b.WriteString("\n")
		if f.Hint != "" {
			fmt.Fprintf(&b, "  - %s\n", esc(f.Hint))
		}
	}
	if len(r.Bevindingen) > 0 {
		b.WriteString("\n")
	}
	b.WriteString(ControleTelling(r) + "\n")
	return b.String()
}

// positie is bestand:regel:kolom, as far as known.
func positie(f library.Bevinding) string {
	s := f.Bestand
	if f.Regel > 0 {
		s += fmt.Sprintf(":%d", f.Regel)
		if f.Kolom > 0 {
			s += fmt.Sprintf(":%d", f.Kolom)
		}
	}
	return s
}

// telling is "2 fouten, 1 waarschuwing".
func ControleTelling(r library.Controlerapport) string {
	fouten, waarschuwingen := "fouten", "waarschuwingen"
	if r.Fouten == 1 {
		fouten = "fout"
	}
	if r.Waarschuwingen == 1 {
		waarschuwingen = "waarschuwing"
	}
	return fmt.Sprintf("%d %s, %d %s", r.Fouten, fouten, r.Waarschuwingen, waarschuwingen)
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

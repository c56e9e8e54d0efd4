package kennisbank

import (
	"io/fs"

	"github.com/twente-zorg-veiligheid/magikdelen/convenants"
	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/yamlpos"
)

// LeesLosBestand reads one YAML file of the knowledge base (soort: the schema definition, e.g.
// "convenant") through every check the loader makes of a single file: YAML with positions, the schema,
// the dates. It gives the problems, without the cross-references to other files. For FuzzConvenantYAML.
func LeesLosBestand(pad, soort string, inhoud []byte) (KennisbankFouten, error) {
	sch, err := ingebouwdSchema()
	if err != nil {
		return nil, err
	}
	waarde, pos, err := yamlpos.Lees(inhoud)
	if err != nil {
		return KennisbankFouten{yamlFout(pad, err, 0)}, nil
	}
	fouten, _, err := sch.controleer(&bestand{pad: pad, inhoud: inhoud, waarde: waarde, pos: pos}, soort)
	return fouten, err
}

func ingebouwdSchema() (*kennisbankSchema, error) {
	schemaBytes, err := fs.ReadFile(convenants.FS, schemaPad)
	if err != nil {
		return nil, err
	}
	return schemaVan(schemaBytes)
}

// LeesLosVraagbaakitem reads one vraagbaak entry through every check the loader makes of a single file
// (front matter, YAML with positions, the schema definition, the dates), without the cross-references to
// the rest of the knowledge base. For FuzzVraagbaakitem.
func LeesLosVraagbaakitem(pad string, inhoud []byte) (Vraagbaakitem, KennisbankFouten, error) {
	sch, err := ingebouwdSchema()
	if err != nil {
		return Vraagbaakitem{}, nil, err
	}
	b, fout := leesVraagbaakBestand(pad, inhoud)
	if fout != nil {
		return Vraagbaakitem{}, KennisbankFouten{*fout}, nil
	}
	fouten, schemaGoed, err := sch.controleer(b, "vraagbaakitem")
	if err != nil || !schemaGoed || len(fouten) > 0 {
		return Vraagbaakitem{}, fouten, err
	}
	return vraagbaakitem(b), nil, nil
}

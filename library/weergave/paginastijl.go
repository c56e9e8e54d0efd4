package weergave

import _ "embed"

// PaginaCSS is the style sheet of the standalone HTML pages of the handreiking, for other pages that
// should look the same (the CLI's matrix heat map adds its own rules on top).
func PaginaCSS() string { return paginaCSS }

// paginaCSS is the one style sheet of the standalone pages: the handreiking, and under the matrix's own
// rules the heat map.
//
//go:embed pagina.css
var paginaCSS string

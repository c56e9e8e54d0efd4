package library

// PaginaCSS is the style sheet of the standalone HTML pages of the handreiking, for other pages that
// should look the same (the CLI's matrix heat map adds its own rules on top).
func PaginaCSS() string { return paginaCSS }

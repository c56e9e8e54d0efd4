package kennisbank

import (
	"net/url"
	"strings"
)

// officieleDomeinen are the publishers whose texts count as official sources: the government's own
// publication sites (the law, the official journals, parliament), the EU's, and the public bodies that
// publish the covenants of this knowledge base.
var officieleDomeinen = []string{
	"overheid.nl",                   // wetten.overheid.nl, lokaleregelgeving.overheid.nl, …
	"officielebekendmakingen.nl",    // Staatscourant, Staatsblad, Kamerstukken
	"europa.eu",                     // eur-lex.europa.eu
	"rijksoverheid.nl",              // ministries
	"tweedekamer.nl",                // bills and parliamentary papers
	"eerstekamer.nl",                //
	"rechtspraak.nl",                // case law
	"autoriteitpersoonsgegevens.nl", // the Dutch DPA
	"vrtwente.nl",                   // Veiligheidsregio Twente, which hosts the Zorg- en Veiligheidshuis Twente
	"samenvoorzorgenveiligheid.nl",  // the model covenants of the Ministry of Justice and Security (CCV)
}

// OfficieleBron reports whether a link points at an official source: https on a domain of the
// government, the EU, parliament, the courts, the Dutch DPA or a public body that publishes a covenant.
// The handreiking and the web pages link only such sources.
func OfficieleBron(link string) bool {
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return false
	}
	host := strings.ToLower(strings.TrimPrefix(u.Hostname(), "www."))
	for _, d := range officieleDomeinen {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

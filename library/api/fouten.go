package api

import (
	"errors"
	"net/http"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// The stable error codes of the API.
const (
	codeOngeldigeJSON  = "ongeldige_json"
	codeOnbekendVeld   = "onbekend_veld"
	codeOnbekendeID    = "onbekende_id"
	codeVerkeerdType   = "verkeerd_type"
	codeOngeldigeDatum = "ongeldige_datum"
	codeVerplichtVeld  = "verplicht_veld"
	codeTeGroot        = "te_groot"
	codeNietGevonden   = "niet_gevonden"
	codeMethode        = "methode_niet_toegestaan"
	codeNietGereed     = "niet_gereed"
	codeIntern         = "interne_fout"
	codeOverbelast     = "overbelast"
)

// foutAntwoord is the body of every error response.
type foutAntwoord struct {
	Fout fout `json:"fout"`
}

type fout struct {
	Code       string   `json:"code"`
	Veld       string   `json:"veld"`
	Bericht    string   `json:"bericht"`
	Suggesties []string `json:"suggesties"`
	Opties     []string `json:"opties,omitempty"` // the allowed values of a fact, for an unknown value
}

// foutVoor maps an error of the library to a status and an error body. Anything it does not know is
// an internal error, without details.
func foutVoor(err error) (int, fout) {
	var (
		oid *kennisbank.OnbekendeIDFout
		tf  *kennisbank.TypeFout
		df  *kennisbank.DatumFout
		ovf *kennisbank.OntbrekendVeldFout
		jf  *kennisbank.JSONFout
	)
	switch {
	case errors.As(err, &oid):
		return http.StatusBadRequest, fout{Code: codeOnbekendeID, Veld: oid.Veld, Bericht: oid.Error(), Suggesties: oid.Suggesties, Opties: oid.Opties}
	case errors.As(err, &tf):
		return http.StatusBadRequest, fout{Code: codeVerkeerdType, Veld: tf.Veld, Bericht: tf.Error()}
	case errors.As(err, &df):
		return http.StatusBadRequest, fout{Code: codeOngeldigeDatum, Veld: df.Veld, Bericht: df.Error()}
	case errors.As(err, &ovf):
		return http.StatusBadRequest, fout{Code: codeVerplichtVeld, Veld: ovf.Veld, Bericht: ovf.Error()}
	case errors.As(err, &jf) && jf.Dubbel:
		return http.StatusBadRequest, fout{Code: codeOngeldigeJSON, Veld: jf.Veld, Bericht: jf.Error()}
	case errors.As(err, &jf) && jf.Veld != "":
		// Otherwise LeesVraag names the key only for an unknown key.
		return http.StatusBadRequest, fout{Code: codeOnbekendVeld, Veld: jf.Veld, Bericht: jf.Error()}
	case errors.As(err, &jf):
		return http.StatusBadRequest, fout{Code: codeOngeldigeJSON, Bericht: jf.Error()}
	}
	return http.StatusInternalServerError, interneFout()
}

func interneFout() fout {
	return fout{Code: codeIntern, Bericht: "interne fout in magikdelen; probeer het later opnieuw of meld het bij de beheerder"}
}

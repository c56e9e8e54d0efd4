package kennisbank

import "github.com/twente-zorg-veiligheid/magikdelen/library/internal/veld"

// Veld reads text field naam of entry id of vocabulary soort ("" when the entry or the field is missing),
// for views that show a field no typed accessor covers yet.
func (k *Kennisbank) Veld(soort, id, naam string) string { return veld.Tekst(k.Item(soort, id), naam) }

// Velden reads list field naam of entry id of vocabulary soort as texts (empty when missing).
func (k *Kennisbank) Velden(soort, id, naam string) []string {
	return veld.Teksten(k.Item(soort, id), naam)
}

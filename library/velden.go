package library

// veldTekst and veldTeksten read the plain JSON values of the knowledge base.
func veldTekst(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func veldTeksten(m map[string]any, k string) []string {
	l, _ := m[k].([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// Veld reads text field veld of entry id of vocabulary soort ("" when the entry or the field is missing),
// for views that show a field no typed accessor covers yet.
func (k *Kennisbank) Veld(soort, id, veld string) string { return veldTekst(k.Item(soort, id), veld) }

// Velden reads list field veld of entry id of vocabulary soort as texts (empty when missing).
func (k *Kennisbank) Velden(soort, id, veld string) []string {
	return veldTeksten(k.Item(soort, id), veld)
}

// Package veld reads fields of the plain JSON values that the knowledge base and the rules give:
// a text, or a list of texts; anything else reads as empty.
package veld

// Tekst is m[k] when it is a text, else "".
func Tekst(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// Teksten is the texts of the list m[k] (other elements skipped); empty when there is none.
func Teksten(m map[string]any, k string) []string {
	l, _ := m[k].([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

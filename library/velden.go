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

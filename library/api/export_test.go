package api

// RoutePatronen are the patterns ("METHOD /path") the handler serves, for the OpenAPI check.
func RoutePatronen() []string {
	out := make([]string, len(routes))
	for i, r := range routes {
		out[i] = r.patroon()
	}
	return out
}

// Package api serves magikdelen as an HTTP JSON API for other services: the question and answer JSON
// of the public contract, the covenants of the knowledge base, health and readiness probes,
// Prometheus metrics and the OpenAPI 3 document of the API itself.
//
// NieuweHandler builds the http.Handler around an EngineBron, which gives the engine to answer with.
// A Wissel holds the engine in an atomic pointer, so a reload of the knowledge base can swap it while
// requests are being served:
//
//	engine, err := library.New(ctx)
//	if err != nil { … }
//	var w api.Wissel
//	w.Zet(engine)
//	srv := &http.Server{Addr: "127.0.0.1:8080", Handler: api.NieuweHandler(&w)}
//
// MetPaginas mounts web pages (package web) next to the API, and MetToegangslog logs one line per
// request with its route pattern, never its path or query. Every response carries the security headers
// (Content-Security-Policy, X-Content-Type-Options, X-Frame-Options, Referrer-Policy).
//
// Routes: POST /v1/vraag, GET /v1/convenanten, GET /v1/convenanten/{id}, GET /v1/openapi.json,
// GET /healthz, GET /readyz and GET /metrics. Every error, including an unknown path (404) or a wrong
// method (405), is JSON of the shape {"fout": {"code", "veld", "bericht", "suggesties"}} with a stable
// snake_case code; bad input is a 4xx, never a 5xx. A panic in a handler becomes a 500 with the code
// interne_fout and no details. The handler never prints; internal errors go to the logger of MetLogger.
package api

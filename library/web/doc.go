// Package web serves magikdelen as web pages for professionals, next to the JSON API of package api:
// a guided question form, the answer page, the handreiking and the matrix heat map. It is a client of
// the public library API, as the CLI is.
//
//	GET /                  the guided form: who am I, with whom, which data, for what purpose, then only
//	                       the facts the rules report as able to change the answer, each with "weet ik niet"
//	GET /vraag?van=…&naar=…&gegevens=…&doel=…[&convenant=…&fase=…&datum=…&feit=naam=waarde…]
//	                       the answer page, at an address that can be shared and printed: the names and
//	                       values of the CLI flags, lists comma-separated or repeated, ja/nee for booleans;
//	                       sent in two parts, the answer as soon as it is there, then the open facts
//	GET /handreiking       the handreiking (?convenant=… for one covenant)
//	GET /matrix            the covenants; /matrix?convenant=…[&datum=…&doel=…&feit=…] the heat map
//	GET /stijl.css, /web.js, /favicon.ico
//
// Every page works without JavaScript; the one embedded script only adds a filter box to the long
// lists and a print button. Nothing is loaded from elsewhere, and every response carries a
// Content-Security-Policy without 'unsafe-inline', X-Content-Type-Options, X-Frame-Options and
// frame-ancestors 'none', and Referrer-Policy no-referrer. Bad input gives the form again with a Dutch
// message that names the field and the nearest valid choices, status 400, never a 500. The handler
// stores nothing and logs no question content: a question lives only in its address, unless the caller
// sets a hook with MetBon (decision receipts).
//
//	engine, err := library.New(ctx)
//	if err != nil { … }
//	var w api.Wissel
//	w.Zet(engine)
//	paginas := web.NieuweHandler(&w)
//	srv := &http.Server{Addr: "127.0.0.1:8080", Handler: api.NieuweHandler(&w, api.MetPaginas(paginas))}
package web

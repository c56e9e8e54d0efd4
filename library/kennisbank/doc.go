// Package kennisbank is magikdelen's knowledge base as Go reads it: the covenants, parties, data
// categories, purposes, facts, conditions, legal grounds and routes of convenants/, and the vraagbaak.
//
// LaadKennisbank loads a working copy (or the embedded convenants/, validated when the program was built:
// see voorgeladen.go and go generate ./library/...) and validates every file: YAML with line numbers, the
// JSON Schema, the cross-references; problems come back as KennisbankFouten with file, line and JSON
// pointer, in Dutch, with the closest known ids. Controleer adds the kwartiermaker's warnings (unused
// conditions, expired covenants, unofficial sources, the form of address).
//
// A loaded Kennisbank reads typed (Convenant, Routes, Grondslag, Partij, Categorie, Voorwaarde,
// Vraagbaak) and as the plain document the rules see (Data). It also holds the vocabulary of a question:
// Vraag and its strict reader LeesVraag, Kennisbank.Controleer that checks a question's ids, facts and
// date, the verdicts (Oordeel) and the typed input errors (OnbekendeIDFout, TypeFout, DatumFout,
// OntbrekendVeldFout, JSONFout). Scenario is a worked question with its expected answer.
//
// The package knows nothing of the policy engine: answering is package library, which compiles the Rego
// in rules/ over this knowledge base. It never prints and never exits.
package kennisbank

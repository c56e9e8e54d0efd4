// Package convenants holds the knowledge base of magikdelen as data that the kwartiermaker edits:
// YAML files, validated against one JSON Schema (draft 2020-12) in schema/kennisbank.schema.json.
//
// Layout:
//
//	partijen.yaml     parties (roles): regime, secrecy, own statutory task
//	gegevens.yaml     data categories and their AVG class
//	doelen.yaml       purposes outside the covenants (statutory routes, purpose creep)
//	feiten.yaml       facts a question may state, with their kind
//	voorwaarden.yaml  conditions with the Dutch checklist text
//	oordelen.yaml     verdicts, certainty levels and the layers of a lawful share
//	grondslagen.yaml  the catalogue of legal grounds with official links
//	routes.yaml       statutory routes outside the covenants
//	convenanten/      one file per covenant, file name = covenant id
//
// A covenant never is a legal basis by itself: every route names the law. The folder keeps the
// client's spelling "convenants".
package convenants

import "embed"

// FS is the embedded knowledge base.
//
//go:embed *.yaml convenanten/*.yaml schema/*.json
var FS embed.FS

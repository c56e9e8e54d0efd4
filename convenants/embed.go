// Package convenants holds the knowledge base of magikdelen as data that the kwartiermaker edits:
// YAML files and the Markdown entries of the vraagbaak, validated against one JSON Schema (draft
// 2020-12) in schema/kennisbank.schema.json.
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
//	vraagbaak/        the vraagbaak: one Markdown file per question (<id>.md), with YAML front matter
//	                  (id, vraag, samenvatting, trefwoorden, convenanten, partijen, gegevens, doelen, bronnen,
//	                  zekerheid, zie_ook, controles) between --- lines, validated by the schema definition
//	                  "vraagbaakitem"; each controle is a question with its expected verdict, run as a test
//
// A covenant never is a legal basis by itself: every route names the law. The folder keeps the
// client's spelling "convenants".
package convenants

import "embed"

// FS is the embedded knowledge base.
//
//go:embed *.yaml convenanten/*.yaml schema/*.json vraagbaak/*.md
var FS embed.FS

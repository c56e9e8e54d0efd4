// Package rules holds the reasoning of magikdelen in Rego (v1 syntax), generic over the knowledge base
// in convenants/.
//
// Layout: magikdelen.rego gathers the answer (data.magikdelen.antwoord); vraag/ normalises the question;
// kader/ is the covenant scope (participants, purposes, inclusion, retention); doelbinding/ catches purpose
// creep; routes/ is the route mechanism every layer shares; lagen/ has one package per layer of a lawful
// share (regime, geheim, art6, art9, art10, bsn); oordeel/ aggregates per recipient and category to the
// strictest verdict; alternatieven/ re-evaluates with changed facts or purposes; uitleg/ builds reasons and
// citations from METADATA and data. Each package has its tests beside it (*_test.rego).
package rules

import "embed"

// FS is the embedded policy, tests included; loaders skip *_test.rego when compiling the policy.
//
//go:embed *.rego */*.rego */*/*.rego
var FS embed.FS

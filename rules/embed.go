// Package rules holds the reasoning of magikdelen in Rego (v1 syntax), generic over the knowledge base
// in convenants/.
//
// Layout: magikdelen.rego gathers the answer (data.magikdelen.antwoord; antwoord_zonder_vraagbaak for the
// Go library, which adds the vraagbaak links from its own index, and matrix for the bulk commands); vraag/
// normalises the question; datum/ holds the validity windows; kader/ is the covenant scope (participants,
// purposes, inclusion, retention); doelbinding/ catches purpose creep; routes/ is the route mechanism every
// layer shares; lagen/ has one package per layer of a lawful share (regime, geheim, art6, art9, art10, bsn);
// oordeel/ aggregates per recipient and category to the strictest verdict; alternatieven/ re-evaluates with
// changed facts or purposes; open/ finds the unknown facts that can still change an answer; vraagbaak/ ranks
// the vraagbaak entries for an answer; uitleg/ builds reasons and citations from METADATA and data; lint/
// is the domain lint of `magikdelen controleer --regels` over the cells of a matrix (one rule per kind of
// finding). Each package has its tests beside it (*_test.rego); testkit/ builds questions and knowledge
// bases for them.
package rules

import "embed"

// FS is the embedded policy, tests included; loaders skip *_test.rego when compiling the policy.
//
//go:embed *.rego */*.rego */*/*.rego
var FS embed.FS

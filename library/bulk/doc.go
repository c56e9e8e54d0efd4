// Package bulk asks the rules many questions at once, for the kwartiermaker and the overviews: MaakMatrix
// evaluates every (purpose, sender, recipient, category) of a covenant on a date (who may share what),
// MatrixVragen turns a plan into the matrices to ask, Vergelijk gives which answers change between two
// versions of the knowledge base (magikdelen verschil), and Domeincontrole lints the evaluated rules
// (the findings are Rego rules in rules/lint; magikdelen controleer --regels).
//
// It asks through the engine's exported API only (library.Engine.Evalueer with the rules' decisions
// data.magikdelen.matrix and data.magikdelen.lint.bevindingen, Kennisbank, Vandaag), with the same rules
// and knowledge base as a single question, so a matrix cell is the answer Beantwoord gives. It never
// prints and never exits; the views of its results are in library/weergave.
package bulk

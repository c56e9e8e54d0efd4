package kennisbank

// Oordeel is one of the four verdicts of the contract (§4), strictest first.
type Oordeel string

// The verdicts.
const (
	NietToegestaan             Oordeel = "niet_toegestaan"
	Onbepaald                  Oordeel = "onbepaald"
	ToegestaanOnderVoorwaarden Oordeel = "toegestaan_onder_voorwaarden"
	Toegestaan                 Oordeel = "toegestaan"
)

// Symbool is the short sign of a verdict in the human views, so that they read without colour:
// ✓ toegestaan, ✓* toegestaan onder voorwaarden, ? onbepaald, ✗ niet toegestaan, ! anything else.
func (o Oordeel) Symbool() string {
	switch o {
	case Toegestaan:
		return "✓"
	case ToegestaanOnderVoorwaarden:
		return "✓*"
	case Onbepaald:
		return "?"
	case NietToegestaan:
		return "✗"
	}
	return "!"
}

// Package zoektaal turns Dutch text into search terms: lower case without diacritics, without stop
// words, and reduced by a light stemmer so that simple word forms meet (delen, deelt, gedeeld → del).
// The stemmer is deliberately crude: it only has to map the forms of one word onto the same key, the
// same way for the query and for the text searched.
package zoektaal

import (
	"strings"
	"unicode"
)

// diakrieten maps letters with diacritics onto the plain letter.
var diakrieten = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ý", "y", "ÿ", "y", "ç", "c", "ñ", "n",
	"’", "'", "‘", "'",
)

// Normaliseer gives s in lower case without diacritics (coördinatie → coordinatie).
func Normaliseer(s string) string {
	return diakrieten.Replace(strings.ToLower(s))
}

// stopwoorden are words too common in questions to say anything about the subject.
var stopwoorden = map[string]bool{
	"ik": true, "mag": true, "mogen": true, "de": true, "het": true, "een": true, "en": true, "of": true,
	"van": true, "voor": true, "in": true, "op": true, "aan": true, "met": true, "te": true, "is": true,
	"zijn": true, "wat": true, "wie": true, "hoe": true, "waarom": true, "wanneer": true, "welke": true,
	"die": true, "dat": true, "dit": true, "er": true, "als": true, "ook": true, "bij": true, "om": true,
	"mijn": true, "je": true, "jij": true, "u": true, "we": true, "wij": true, "ze": true, "zij": true,
	"hij": true, "kan": true, "kun": true, "kunnen": true, "moet": true, "moeten": true, "dan": true,
	"nog": true, "al": true, "wel": true, "naar": true, "over": true, "uit": true, "door": true,
	"worden": true, "wordt": true, "heb": true, "hebben": true, "heeft": true, "der": true, "den": true,
}

// Stopwoord reports whether the normalised word w is a stop word.
func Stopwoord(w string) bool { return stopwoorden[w] }

// Woorden splits normalised text into words: runs of letters and digits; an apostrophe inside a word
// (auto's) stays part of it. Underscores separate words, so ids split into their parts.
func Woorden(s string) []string {
	var uit []string
	var huidig []rune
	klaar := func() {
		w := strings.Trim(string(huidig), "'")
		if w != "" {
			uit = append(uit, w)
		}
		huidig = huidig[:0]
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			huidig = append(huidig, r)
		case r == '\'' && len(huidig) > 0:
			huidig = append(huidig, r)
		default:
			klaar()
		}
	}
	klaar()
	return uit
}

// Termen gives the search terms of a text: normalised, split, stop words left out, stemmed.
func Termen(s string) []string {
	var uit []string
	for _, w := range Woorden(Normaliseer(s)) {
		if !stopwoorden[w] {
			uit = append(uit, Stam(w))
		}
	}
	return uit
}

// minStam is the shortest stem a suffix may leave.
const minStam = 3

// verkleinwoorden are the diminutive endings, longest first.
var verkleinwoorden = []string{"etjes", "tjes", "jes", "etje", "tje", "je"}

// uitgangen are the plural and verb endings, stripped in rounds.
var uitgangen = []string{"'s", "en", "de", "te", "s", "t", "d"}

// Stam gives the stem of a normalised word: without 's, diminutive, plural and verb endings, and
// without the ge- of a weak participle, and with a doubled vowel before the last consonant made single
// (deel, delen, deelt, gedeeld, deelde → del).
func Stam(w string) string {
	if len([]rune(w)) <= minStam || strings.ContainsFunc(w, unicode.IsDigit) {
		return w
	}
	w = strings.TrimSuffix(w, "'s")
	// The ge- of a weak participle: gedeeld, gemeld, gewerkt.
	if strings.HasPrefix(w, "ge") && (strings.HasSuffix(w, "d") || strings.HasSuffix(w, "t")) && len([]rune(w)) >= 6 {
		w = w[2:]
	}
	for _, s := range verkleinwoorden {
		if kort, ok := strip(w, s); ok {
			w = kort
			break
		}
	}
	if kort, ok := strings.CutSuffix(w, "heden"); ok && len([]rune(kort)) >= minStam {
		w = kort + "heid"
	}
	for range 3 {
		gestript := false
		for _, s := range uitgangen {
			if kort, ok := strip(w, s); ok {
				w, gestript = kort, true
				break
			}
		}
		if !gestript {
			break
		}
	}
	return enkeleKlinker(w)
}

func strip(w, s string) (string, bool) {
	kort, ok := strings.CutSuffix(w, s)
	if !ok || len([]rune(kort)) < minStam {
		return w, false
	}
	return kort, true
}

// enkeleKlinker makes a doubled vowel before the last consonant, or at the end, single: deel → del,
// school → schol, acuu(t) → acu.
func enkeleKlinker(w string) string {
	r := []rune(w)
	n := len(r)
	if n < 4 {
		return w
	}
	if a, b := r[n-2], r[n-1]; a == b && strings.ContainsRune("aeou", a) {
		return string(r[:n-1])
	}
	if isKlinker(r[n-1]) {
		return w
	}
	if a, b := r[n-3], r[n-2]; a == b && strings.ContainsRune("aeou", a) {
		return string(r[:n-2]) + string(r[n-1])
	}
	return w
}

func isKlinker(r rune) bool { return strings.ContainsRune("aeiouy", r) }

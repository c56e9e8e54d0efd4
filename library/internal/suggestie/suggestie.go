// Package suggestie finds the known ids closest to an unknown one, for "bedoelde u …?" messages.
package suggestie

import (
	"sort"
	"strings"
)

// MaxLengte is the longest input (in bytes) that is compared letter by letter; anything longer is no
// misspelt id, and comparing it would only cost time.
const MaxLengte = 200

// Dichtstbij returns at most n known ids close to onbekend, closest first. An id that contains the
// unknown one (or the other way round) counts as close. An input longer than MaxLengte has no close ids.
func Dichtstbij(onbekend string, bekend []string, n int) []string {
	type kandidaat struct {
		id   string
		afst int
	}
	if strings.TrimSpace(onbekend) == "" || len(onbekend) > MaxLengte {
		return nil
	}
	o := strings.ToLower(onbekend)
	var ks []kandidaat
	for _, b := range bekend {
		d := afstand(o, strings.ToLower(b))
		grens := max(2, len([]rune(o))/3)
		if o != "" && (strings.Contains(b, o) || strings.Contains(o, b)) {
			d = min(d, 1)
		}
		if d <= grens {
			ks = append(ks, kandidaat{b, d})
		}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		if ks[i].afst != ks[j].afst {
			return ks[i].afst < ks[j].afst
		}
		return ks[i].id < ks[j].id
	})
	var out []string
	for _, k := range ks {
		if len(out) == n {
			break
		}
		out = append(out, k.id)
	}
	return out
}

// afstand is the Levenshtein distance between a and b, in runes.
func afstand(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	vorige := make([]int, len(rb)+1)
	huidig := make([]int, len(rb)+1)
	for j := range vorige {
		vorige[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		huidig[0] = i
		for j := 1; j <= len(rb); j++ {
			kosten := 1
			if ra[i-1] == rb[j-1] {
				kosten = 0
			}
			huidig[j] = min(vorige[j]+1, huidig[j-1]+1, vorige[j-1]+kosten)
		}
		vorige, huidig = huidig, vorige
	}
	return vorige[len(rb)]
}

// Afstand is the number of single-letter edits between a and b, in runes: a letter inserted, deleted or
// replaced, or two neighbouring letters swapped ("poltiie" is one edit from "politie"), each counting as
// one (the optimal string alignment distance).
func Afstand(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			kosten := 1
			if ra[i-1] == rb[j-1] {
				kosten = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+kosten)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

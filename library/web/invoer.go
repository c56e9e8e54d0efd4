package web

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// The questions of the form, the same words as the guided mode of the CLI; they name the fields in
// error messages.
const (
	vraagVan      = "Wie bent u?"
	vraagNaar     = "Met wie wilt u de gegevens delen?"
	vraagGegevens = "Welke gegevens wilt u delen?"
	vraagDoel     = "Waarvoor deelt u de gegevens?"
	vraagDatum    = "Op welke datum deelt u?"
)

// veldFout is a problem with one field of the question, for the error summary and the field itself.
type veldFout struct {
	Veld       string // the id of the form field (veld-van, feit-toestemming, …)
	Naam       string // the question or label that names the field
	Bericht    string
	Suggesties []link // the nearest valid choices, as links to the corrected question
}

type link struct{ Label, URL string }

// invoer is a question as read from an address: what could be read, the problems, and whether the
// address is already the canonical one.
type invoer struct {
	v        kennisbank.Vraag
	fouten   []veldFout
	onbekend []string // facts answered "weet ik niet" in the form
	gegeven  bool     // the address has any field of the question at all
	feitVeld bool     // the facts came (partly) as form fields feit.<naam>
}

// leesLijst reads a list parameter: repeated and/or comma-separated, spaces and empty values dropped.
func leesLijst(q url.Values, naam string) []string {
	var uit []string
	for _, w := range q[naam] {
		for deel := range strings.SplitSeq(w, ",") {
			if deel = strings.TrimSpace(deel); deel != "" {
				uit = append(uit, deel)
			}
		}
	}
	return uit
}

// leesInvoer reads a question from the query of an address: the names and values of the CLI flags (van,
// naar, gegevens, doel, convenant, fase, datum, feit=naam=waarde) and the form fields feit.<naam>=waarde
// and onbekend=<naam>. Ids are matched exactly, or by their Dutch label; anything else is a veldFout
// with the nearest choices. Without any field of the question, gegeven is false and there are no errors.
func leesInvoer(q url.Values, kb *kennisbank.Kennisbank, vandaag time.Time) invoer {
	in := invoer{}
	for _, k := range []string{"van", "naar", "gegevens", "doel", "convenant", "fase", "datum", "feit"} {
		if len(leesLijst(q, k)) > 0 {
			in.gegeven = true
		}
	}
	fout := func(veld, naam, bericht string, suggesties ...link) {
		in.fouten = append(in.fouten, veldFout{Veld: veld, Naam: naam, Bericht: bericht, Suggesties: suggesties})
	}

	// van: one party.
	switch van := leesLijst(q, "van"); {
	case len(van) == 0:
		fout("veld-van", vraagVan, "Kies de partij die de gegevens deelt.")
	case len(van) > 1:
		fout("veld-van", vraagVan, "Kies één partij die de gegevens deelt, niet "+strconv.Itoa(len(van))+".")
	default:
		if k, suggesties, ok := herken(kb, "partijen", van[0]); ok {
			in.v.Van = k.ID
		} else {
			fout("veld-van", vraagVan, onbekendBericht(van[0], "partij"), suggestieLinks(q, "van", van[0], suggesties)...)
		}
	}
	// naar and gegevens: one or more.
	for _, l := range []struct {
		param, veld, naam, soort, leeg string
		doel                           *[]string
	}{
		{"naar", "veld-naar", vraagNaar, "partijen", "Kies ten minste één ontvanger.", (*[]string)(&in.v.Naar)},
		{"gegevens", "veld-gegevens", vraagGegevens, "gegevens", "Kies ten minste één soort gegevens.", &in.v.Gegevens},
	} {
		waarden := leesLijst(q, l.param)
		if len(waarden) == 0 {
			fout(l.veld, l.naam, l.leeg)
			continue
		}
		for _, w := range waarden {
			k, suggesties, ok := herken(kb, l.soort, w)
			if !ok {
				fout(l.veld, l.naam, onbekendBericht(w, enkelvoud(l.soort)), suggestieLinks(q, l.param, w, suggesties)...)
				continue
			}
			if !slices.Contains(*l.doel, k.ID) {
				*l.doel = append(*l.doel, k.ID)
			}
		}
	}
	// doel: one purpose.
	switch doel := leesLijst(q, "doel"); {
	case len(doel) == 0:
		fout("veld-doel", vraagDoel, "Kies het doel waarvoor u de gegevens deelt.")
	case len(doel) > 1:
		fout("veld-doel", vraagDoel, "Kies één doel, niet "+strconv.Itoa(len(doel))+".")
	default:
		if k, suggesties, ok := herken(kb, "doelen", doel[0]); ok {
			in.v.Doel = k.ID
		} else {
			fout("veld-doel", vraagDoel, onbekendBericht(doel[0], "doel"), suggestieLinks(q, "doel", doel[0], suggesties)...)
		}
	}
	if c := strings.TrimSpace(q.Get("convenant")); c != "" {
		if k, suggesties, ok := herken(kb, "convenanten", c); ok {
			in.v.Convenant = k.ID
		} else {
			fout("veld-convenant", "Convenant", onbekendBericht(c, "convenant"), suggestieLinks(q, "convenant", c, suggesties)...)
		}
	}
	if f := strings.TrimSpace(q.Get("fase")); f != "" {
		if k, suggesties, ok := herken(kb, "fasen", f); ok {
			in.v.Fase = k.ID
		} else {
			fout("veld-fase", "Fase", onbekendBericht(f, "fase"), suggestieLinks(q, "fase", f, suggesties)...)
		}
	}
	if d := strings.TrimSpace(q.Get("datum")); d != "" {
		if t, err := time.Parse(time.DateOnly, d); err != nil || t.Format(time.DateOnly) != d {
			fout("veld-datum", vraagDatum, fmt.Sprintf("%q is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld %s.", d, vandaag.Format(time.DateOnly)))
		} else {
			in.v.Datum = d
		}
	}
	in.leesFeiten(q, kb)
	return in
}

// leesFeiten reads the facts: feit=naam=waarde (the address), feit.naam=waarde (a form field; empty is
// "weet ik niet") and onbekend=naam (answered "weet ik niet" before). Values are typed by the knowledge
// base: ja/nee (or true/false) for a ja/nee fact, a whole number, otherwise the text.
func (in *invoer) leesFeiten(q url.Values, kb *kennisbank.Kennisbank) {
	zet := func(naam, waarde string) {
		naam = strings.TrimSpace(naam)
		waarde = strings.TrimSpace(waarde)
		veld := "feit-" + naam
		if _, ok := kb.Feit(naam); !ok {
			var suggesties []link
			for _, s := range kennisbank.Dichtstbij(naam, kb.IDs("feiten"), 3) {
				suggesties = append(suggesties, link{Label: kb.Label("feiten", s) + " (" + s + ")"})
			}
			in.fouten = append(in.fouten, veldFout{Veld: "veld-feiten", Naam: "Feiten", Bericht: fmt.Sprintf("Het feit %q kennen we niet.", naam), Suggesties: suggesties})
			return
		}
		label := kb.Label("feiten", naam)
		if waarde == "" || waarde == "weet_ik_niet" {
			if !slices.Contains(in.onbekend, naam) {
				in.onbekend = append(in.onbekend, naam)
			}
			return
		}
		w, bericht := feitWaarde(kb, naam, waarde)
		if bericht != "" {
			in.fouten = append(in.fouten, veldFout{Veld: veld, Naam: label, Bericht: bericht})
			return
		}
		if in.v.Feiten == nil {
			in.v.Feiten = map[string]any{}
		}
		in.v.Feiten[naam] = w
	}
	for _, f := range q["feit"] {
		naam, waarde, ok := strings.Cut(f, "=")
		if !ok {
			in.fouten = append(in.fouten, veldFout{Veld: "veld-feiten", Naam: "Feiten", Bericht: fmt.Sprintf("%q is geen feit als naam=waarde, bijvoorbeeld toestemming=gegeven.", f)})
			continue
		}
		zet(naam, waarde)
	}
	for _, k := range slices.Sorted(maps.Keys(q)) {
		if naam, ok := strings.CutPrefix(k, "feit."); ok {
			in.feitVeld = true
			for _, w := range q[k] {
				zet(naam, w)
			}
		}
	}
	for _, naam := range leesLijst(q, "onbekend") {
		if _, ok := kb.Feit(naam); ok && !slices.Contains(in.onbekend, naam) && in.v.Feiten[naam] == nil {
			in.onbekend = append(in.onbekend, naam)
		}
	}
}

// feitWaarde types the value of a fact by its type in the knowledge base; bericht says what is wrong.
func feitWaarde(kb *kennisbank.Kennisbank, naam, waarde string) (any, string) {
	f, _ := kb.Feitvraag(naam)
	switch f.Type {
	case "ja_nee":
		switch strings.ToLower(waarde) {
		case "ja", "true", "j", "yes":
			return true, ""
		case "nee", "false", "n", "no":
			return false, ""
		}
		return nil, fmt.Sprintf("%q is geen ja of nee.", waarde)
	case "geheel_getal":
		n, err := strconv.ParseInt(waarde, 10, 64)
		soort, binnen := kb.InBereik(naam, n)
		if err != nil || !binnen {
			return nil, fmt.Sprintf("%q is geen %s.", waarde, soort)
		}
		return n, ""
	case "datum":
		if t, err := time.Parse(time.DateOnly, waarde); err != nil || t.Format(time.DateOnly) != waarde {
			return nil, fmt.Sprintf("%q is geen datum; schrijf JJJJ-MM-DD.", waarde)
		}
		return waarde, ""
	case "partij", "doel":
		soort := map[string]string{"partij": "partijen", "doel": "doelen"}[f.Type]
		k, suggesties, ok := herken(kb, soort, waarde)
		if ok {
			return k.ID, ""
		}
		if len(suggesties) == 0 {
			return nil, fmt.Sprintf("%q staat niet in de lijst.", waarde)
		}
		labels := make([]string, len(suggesties))
		for i, s := range suggesties {
			labels[i] = s.Label
		}
		return nil, fmt.Sprintf("%q staat niet in de lijst; bedoelde u %s?", waarde, strings.Join(labels, " of "))
	case "keuze":
		// The values of a choice are a short list of their own, not a vocabulary: an exact name only.
		if k, _, ok := kennisbank.Kies(f.Keuzes, waarde); ok && k.Noemt(waarde) {
			return k.ID, ""
		}
		labels := make([]string, 0, len(f.Keuzes))
		for _, k := range f.Keuzes {
			labels = append(labels, k.Label)
		}
		if len(labels) > 8 {
			_, suggesties, _ := kennisbank.Kies(f.Keuzes, waarde)
			labels = labels[:0]
			for _, s := range suggesties {
				labels = append(labels, s.Label)
			}
			if len(labels) == 0 {
				return nil, fmt.Sprintf("%q staat niet in de lijst.", waarde)
			}
			return nil, fmt.Sprintf("%q staat niet in de lijst; bedoelde u %s?", waarde, strings.Join(labels, " of "))
		}
		return nil, fmt.Sprintf("%q kan niet; kies %s.", waarde, strings.Join(labels, ", "))
	}
	return waarde, ""
}

// herken resolves what an address names in the vocabulary soort with the library's one resolver,
// Kennisbank.Herken, and takes only an exact name: an id, a label or a synonym (forgiving case, accents,
// spaces and punctuation). A typo or part of a name is not guessed: the item it resembles comes back as
// the first suggestion, with the resolver's others.
func herken(kb *kennisbank.Kennisbank, soort, tekst string) (kennisbank.Keuze, []kennisbank.Keuze, bool) {
	keuzes := kb.Keuzes(soort)
	if soort == "partijen" {
		keuzes = append(keuzes, kb.Keuzes("organisaties")...)
	}
	id, suggesties, err := kb.Herken(soort, tekst)
	if err != nil {
		return kennisbank.Keuze{}, suggesties, false
	}
	i := slices.IndexFunc(keuzes, func(k kennisbank.Keuze) bool { return k.ID == id })
	if i < 0 {
		return kennisbank.Keuze{}, nil, false
	}
	if k := keuzes[i]; k.ID == tekst || k.Noemt(tekst) {
		return k, nil, true
	}
	return kennisbank.Keuze{}, []kennisbank.Keuze{keuzes[i]}, false
}

func enkelvoud(soort string) string {
	switch soort {
	case "partijen":
		return "partij"
	case "gegevens":
		return "soort gegevens"
	case "doelen":
		return "doel"
	case "convenanten":
		return "convenant"
	case "fasen":
		return "fase"
	}
	return soort
}

func onbekendBericht(waarde, wat string) string {
	return fmt.Sprintf("%q kennen we niet als %s.", waarde, wat)
}

// suggestieLinks gives the nearest valid choices for an unknown value, by label, each as a link to the
// same address with the value replaced.
func suggestieLinks(q url.Values, param, waarde string, suggesties []kennisbank.Keuze) []link {
	uit := make([]link, 0, len(suggesties))
	for _, s := range suggesties {
		nieuw := url.Values{}
		for k, vs := range q {
			nieuw[k] = slices.Clone(vs)
		}
		var waarden []string
		for _, w := range leesLijst(q, param) {
			if w == waarde {
				w = s.ID
			}
			waarden = append(waarden, w)
		}
		nieuw[param] = []string{strings.Join(waarden, ",")}
		uit = append(uit, link{Label: s.Label, URL: "?" + nieuw.Encode()})
	}
	return uit
}

// VraagAdres is the canonical address of the answer page of a question: the CLI flags' names and values
// in a fixed order, lists comma-separated, facts sorted by name. The same question always has the same
// address, so that it can be shared, bookmarked and printed.
func VraagAdres(v kennisbank.Vraag) string { return "/vraag?" + vraagQuery(v) }

func vraagQuery(v kennisbank.Vraag) string {
	var delen []string
	zet := func(k, w string) {
		if w != "" {
			delen = append(delen, k+"="+queryWaarde(w))
		}
	}
	zet("van", v.Van)
	zet("naar", strings.Join(v.Naar, ","))
	zet("gegevens", strings.Join(v.Gegevens, ","))
	zet("doel", v.Doel)
	zet("convenant", v.Convenant)
	zet("fase", v.Fase)
	zet("datum", v.Datum)
	for _, naam := range slices.Sorted(maps.Keys(v.Feiten)) {
		zet("feit", naam+"="+fmt.Sprint(v.Feiten[naam]))
	}
	return strings.Join(delen, "&")
}

// queryWaarde escapes a value for a query, keeping the commas and = that the address uses readable.
func queryWaarde(s string) string {
	return strings.NewReplacer("%2C", ",", "%3D", "=").Replace(url.QueryEscape(s))
}

// foutSoort names the kind of an error for the log, without its text (which may quote the question).
func foutSoort(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return fmt.Sprintf("%T", err)
		}
		err = next
	}
}

package kennisbank

import (
	"fmt"
	"path"
	"strings"

	"github.com/twente-zorg-veiligheid/magikdelen/library/internal/suggestie"
)

// controleer checks what the schema cannot express: every referenced id exists, ids are unique, a
// covenant file (and a vraagbaak entry) is named after its id, validity windows do not end before they
// start, and the checks of the vraagbaak are valid questions with a date.
func (b *bouwer) controleer() KennisbankFouten {
	fouten := append(KennisbankFouten(nil), b.dubbel...)
	ref := func(bf *bestand, pointer, soort string, v any) {
		s, ok := v.(string)
		if !ok || s == "*" || b.onvolledig[soort] || b.nietVerklaard(soort) {
			return
		}
		// A party selector: "a+b" (both), "!a" (not a), "@groep"; see routes.yaml.
		if soort == "partijen" && strings.ContainsAny(s, "@+!") {
			for _, deel := range strings.Split(s, "+") {
				deel = strings.TrimPrefix(deel, "!")
				if strings.HasPrefix(deel, "@") {
					if b.kb.Item("groepen", deel) == nil && !b.nietVerklaard("groepen") {
						fouten = append(fouten, b.fout("onbekende_verwijzing", bf, pointer, fmt.Sprintf("onbekende groep %q", deel), suggestie.Dichtstbij(deel, b.kb.ids["groepen"], 3)...))
					}
					continue
				}
				if _, ok := b.kb.data["partijen"].(map[string]any)[deel]; !ok {
					fouten = append(fouten, b.fout("onbekende_verwijzing", bf, pointer, fmt.Sprintf("onbekende partij %q", deel), suggestie.Dichtstbij(deel, b.kb.ids["partijen"], 3)...))
				}
			}
			return
		}
		m, _ := b.kb.data[soort].(map[string]any)
		if _, ok := m[s]; !ok {
			fouten = append(fouten, b.fout("onbekende_verwijzing", bf, pointer, fmt.Sprintf("%s %q", onbekend(soort), s), suggestie.Dichtstbij(s, b.kb.ids[soort], 3)...))
		}
	}
	refs := func(bf *bestand, pointer, soort string, v any) {
		l, _ := v.([]any)
		for i, x := range l {
			ref(bf, fmt.Sprintf("%s/%d", pointer, i), soort, x)
		}
	}
	venster := func(bf *bestand, pointer string, m map[string]any, van, tot string) {
		a, _ := m[van].(string)
		z, _ := m[tot].(string)
		if a != "" && z != "" && z < a {
			fouten = append(fouten, b.fout("datum_volgorde", bf, pointer+"/"+tot, fmt.Sprintf("%s %s ligt vóór %s %s", tot, z, van, a)))
		}
	}

	for _, bf := range b.bronnen {
		waarde := bf.waarde.(map[string]any)
		isConvenant := strings.HasPrefix(bf.pad, "convenanten/")
		if isConvenant {
			if cid := id(waarde); cid+".yaml" != path.Base(bf.pad) {
				fouten = append(fouten, b.fout("bestandsnaam", bf, "/id", fmt.Sprintf("het bestand moet %s.yaml heten (id %q)", cid, cid)))
			}
			venster(bf, "", waarde, "geldig_vanaf", "geldig_tot")
			for i, w := range lijstVan(waarde["wettelijke_basis"]) {
				ref(bf, fmt.Sprintf("/wettelijke_basis/%d/grondslag", i), "grondslagen", w["grondslag"])
			}
			if bt, ok := waarde["bewaartermijn"].(map[string]any); ok {
				ref(bf, "/bewaartermijn/grondslag", "grondslagen", bt["grondslag"])
			}
			if k, ok := waarde["kring_bij_wet"].(map[string]any); ok {
				refs(bf, "/kring_bij_wet/grondslagen", "grondslagen", k["grondslagen"])
				refs(bf, "/kring_bij_wet/derden_grondslagen", "grondslagen", k["derden_grondslagen"])
				venster(bf, "/kring_bij_wet", k, "vanaf", "tot")
			}
			if g, ok := waarde["geheimhouding"].(map[string]any); ok {
				refs(bf, "/geheimhouding/grondslagen", "grondslagen", g["grondslagen"])
				venster(bf, "/geheimhouding", g, "vanaf", "tot")
			}
			deelnemers := lijstVan(waarde["deelnemers"])
			for i, d := range deelnemers {
				p := fmt.Sprintf("/deelnemers/%d", i)
				ref(bf, p+"/partij", "partijen", d["partij"])
				venster(bf, p, d, "vanaf", "tot")
				// Two versions of one participation may follow each other (e.g. before and after the WGS),
				// never overlap: the rules would not know which one holds.
				for j, eerder := range deelnemers[:i] {
					if eerder["partij"] == d["partij"] && overlappen(eerder, d) {
						fouten = append(fouten, b.fout("overlappende_versies", bf, p, fmt.Sprintf("partij %v staat ook in /deelnemers/%d, met een periode die hiermee overlapt", d["partij"], j)))
					}
				}
			}
			for i, d := range lijstVan(waarde["doelen"]) {
				p := fmt.Sprintf("/doelen/%d", i)
				refs(bf, p+"/max_gegevens", "gegevens", d["max_gegevens"])
				refs(bf, p+"/voorwaarden", "voorwaarden", d["voorwaarden"])
				refs(bf, p+"/verenigbaar_met", "doelen", d["verenigbaar_met"])
				b.alternatieven(bf, p, d, ref)
			}
			for i, r := range lijstVan(waarde["routes"]) {
				b.route(bf, fmt.Sprintf("/routes/%d", i), r, ref, refs, venster)
			}
			continue
		}
		for soort, l := range waarde {
			for i, item := range lijstVan(l) {
				p := fmt.Sprintf("/%s/%d", soort, i)
				switch soort {
				case "partijen":
					ref(bf, p+"/organisatie", "partijen", item["organisatie"])
					ref(bf, p+"/soort", "partijsoorten", item["soort"])
					if g, ok := item["geheimhouding"].(map[string]any); ok {
						refs(bf, p+"/geheimhouding/grondslagen", "grondslagen", g["grondslagen"])
						refs(bf, p+"/geheimhouding/omvat", "gegevens", g["omvat"])
					}
					if t, ok := item["taak"].(map[string]any); ok {
						refs(bf, p+"/taak/grondslagen", "grondslagen", t["grondslagen"])
						refs(bf, p+"/taak/doelen", "doelen", t["doelen"])
					}
				case "gegevens":
					refs(bf, p+"/klassen", "klassen", item["klassen"])
					ref(bf, p+"/bijzondere_wet", "bijzondere_wetten", item["bijzondere_wet"])
				case "doelen":
					refs(bf, p+"/voorwaarden", "voorwaarden", item["voorwaarden"])
					refs(bf, p+"/verenigbaar_met", "doelen", item["verenigbaar_met"])
					b.alternatieven(bf, p, item, ref)
				case "voorwaarden":
					refs(bf, p+"/grondslagen", "grondslagen", item["grondslagen"])
				case "zekerheden":
					ref(bf, p+"/voorwaarde", "voorwaarden", item["voorwaarde"])
				case "grondslagen":
					venster(bf, p, item, "geldig_vanaf", "geldig_tot")
				case "lagen":
					refs(bf, p+"/grondslagen", "grondslagen", item["grondslagen"])
					if per, ok := item["grondslagen_per_regime"].(map[string]any); ok {
						for regime, gs := range per {
							refs(bf, p+"/grondslagen_per_regime/"+regime, "grondslagen", gs)
						}
					}
				case "routes":
					b.route(bf, p, item, ref, refs, venster)
				case "hergebruik":
					ref(bf, p+"/organisatie", "partijen", item["organisatie"])
					b.route(bf, p, item, ref, refs, venster)
				}
			}
		}
	}
	vraagbaak := b.controleerVraagbaak(ref, refs)
	return append(fouten, vraagbaak...)
}

func (b *bouwer) route(bf *bestand, p string, r map[string]any, ref func(*bestand, string, string, any), refs func(*bestand, string, string, any), venster func(*bestand, string, map[string]any, string, string)) {
	refs(bf, p+"/van", "partijen", r["van"])
	refs(bf, p+"/naar", "partijen", r["naar"])
	refs(bf, p+"/doelen", "doelen", r["doelen"])
	refs(bf, p+"/gegevens", "gegevens", r["gegevens"])
	refs(bf, p+"/grondslagen", "grondslagen", r["grondslagen"])
	refs(bf, p+"/voorwaarden", "voorwaarden", r["voorwaarden"])
	if f, ok := r["feiten"].(map[string]any); ok {
		for k := range f {
			ref(bf, p+"/feiten/"+k, "feiten", k)
		}
	}
	for i, h := range lijstVan(r["handelingen"]) {
		hp := fmt.Sprintf("%s/handelingen/%d", p, i)
		ref(bf, hp+"/feit", "feiten", h["feit"])
		ref(bf, hp+"/voorwaarde", "voorwaarden", h["voorwaarde"])
		ref(bf, hp+"/bij_minderjarige", "voorwaarden", h["bij_minderjarige"])
	}
	venster(bf, p, r, "geldig_vanaf", "geldig_tot")
}

func (b *bouwer) alternatieven(bf *bestand, p string, d map[string]any, ref func(*bestand, string, string, any)) {
	for i, a := range lijstVan(d["alternatieven"]) {
		ref(bf, fmt.Sprintf("%s/alternatieven/%d/doel", p, i), "doelen", a["doel"])
		ref(bf, fmt.Sprintf("%s/alternatieven/%d/naar", p, i), "partijen", a["naar"])
	}
}

// laterVerklaard are the vocabularies that later versions of the schema added (groepen in routes.yaml,
// soorten in partijen.yaml, klassen and bijzondere_wetten in gegevens.yaml). The current schema requires them; an older
// knowledge base with its own schema (magikdelen verschil against an old revision) may lack them, and
// then nothing can be checked against them.
var laterVerklaard = map[string]bool{"groepen": true, "partijsoorten": true, "klassen": true, "bijzondere_wetten": true}

// nietVerklaard: the knowledge base does not declare vocabulary soort at all.
func (b *bouwer) nietVerklaard(soort string) bool {
	return laterVerklaard[soort] && len(b.kb.ids[soort]) == 0
}

// overlappen: the windows [vanaf, tot] of a and b share a day; an open end is open.
func overlappen(a, b map[string]any) bool {
	grens := func(m map[string]any, veld, open string) string {
		if s, ok := m[veld].(string); ok && s != "" {
			return s
		}
		return open
	}
	return grens(a, "vanaf", "0000-01-01") <= grens(b, "tot", "9999-12-31") && grens(b, "vanaf", "0000-01-01") <= grens(a, "tot", "9999-12-31")
}

func lijstVan(v any) []map[string]any {
	l, _ := v.([]any)
	out := make([]map[string]any, 0, len(l))
	for _, x := range l {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

package bulk_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/twente-zorg-veiligheid/magikdelen/library"
	"github.com/twente-zorg-veiligheid/magikdelen/library/bulk"
	"github.com/twente-zorg-veiligheid/magikdelen/library/kennisbank"
)

// MatrixVragen chooses the covenants of a plan: named ones, those of the purposes, or all of them.
func TestMatrixVragenKiestConvenanten(t *testing.T) {
	e := testEngine(t)
	convenanten := func(vs []bulk.MatrixVraag) []string {
		var uit []string
		for _, v := range vs {
			uit = append(uit, v.Convenant)
		}
		return uit
	}
	vs, overgeslagen, err := bulk.MatrixVragen(e, bulk.MatrixPlan{Doelen: []string{"zvh_casusoverleg", "ave_signaleren", "zvh_aanmelding"}, Feiten: map[string]any{"inclusiecriteria": true}})
	if err != nil || len(overgeslagen) != 0 {
		t.Fatal(err, overgeslagen)
	}
	if got := convenanten(vs); !slices.Equal(got, []string{"ave", "zvht"}) {
		t.Errorf("convenanten van de doelen = %v", got)
	}
	if !slices.Equal(vs[1].Doelen, []string{"zvh_casusoverleg", "zvh_aanmelding"}) || vs[1].Feiten["inclusiecriteria"] != true {
		t.Errorf("vraag voor zvht = %+v", vs[1])
	}
	vs, _, err = bulk.MatrixVragen(e, bulk.MatrixPlan{})
	if err != nil || !slices.Equal(convenanten(vs), e.Kennisbank().IDs("convenanten")) {
		t.Errorf("zonder convenanten en doelen: %v, %v", convenanten(vs), err)
	}

	for _, tc := range []struct {
		plan        bulk.MatrixPlan
		veld, reden string
	}{
		{bulk.MatrixPlan{Doelen: []string{"opsporing"}}, "doel", "hoort bij geen convenant"},
		{bulk.MatrixPlan{Convenanten: []string{"ave"}, Doelen: []string{"zvh_casusoverleg"}}, "doel", "hoort niet bij convenant ave"},
	} {
		_, _, err := bulk.MatrixVragen(e, tc.plan)
		var bkf *kennisbank.BuitenKaderFout
		if !errors.As(err, &bkf) || bkf.Veld != tc.veld || !strings.HasPrefix(bkf.Reden, tc.reden) || len(bkf.Suggesties) == 0 {
			t.Errorf("%+v: fout %v, verwacht %s: %s", tc.plan, err, tc.veld, tc.reden)
		}
	}
}

// A covenant without participants on the date is skipped with a note, unless the plan names it; without
// a date the engine's clock gives the day.
func TestMatrixVragenSlaatConvenantZonderDeelnemersOver(t *testing.T) {
	m := kopieKennisbank(t)
	ave := string(m["convenanten/ave.yaml"].Data)
	if strings.Count(ave, "{partij: ") < 3 {
		t.Fatal("ave.yaml: geen deelnemers als {partij: ...} gevonden")
	}
	m["convenanten/ave.yaml"] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(ave, "{partij: ", "{tot: '2019-12-31', partij: "))}
	klok := func() time.Time { return time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC) }
	e, err := library.New(context.Background(), library.MetKennisbank(m), library.MetKlok(klok))
	if err != nil {
		t.Fatal(err)
	}
	vs, overgeslagen, err := bulk.MatrixVragen(e, bulk.MatrixPlan{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(overgeslagen, []string{"ave overgeslagen: heeft op 2026-03-01 geen deelnemers"}) || slices.ContainsFunc(vs, func(v bulk.MatrixVraag) bool { return v.Convenant == "ave" }) {
		t.Errorf("overgeslagen %q, vragen %d", overgeslagen, len(vs))
	}
	if vs, overgeslagen, err := bulk.MatrixVragen(e, bulk.MatrixPlan{Datum: "2019-06-01"}); err != nil || len(overgeslagen) != 0 || vs[0].Convenant != "ave" {
		t.Errorf("op 2019-06-01 doen de deelnemers nog mee: %v, %q", err, overgeslagen)
	}
	if vs, _, err := bulk.MatrixVragen(e, bulk.MatrixPlan{Van: []string{"politie"}}); err != nil || vs[0].Convenant != "ave" {
		t.Errorf("met een verstrekker is er geen deelnemer nodig: %v", err)
	}
	_, _, err = bulk.MatrixVragen(e, bulk.MatrixPlan{Convenanten: []string{"ave"}})
	var bkf *kennisbank.BuitenKaderFout
	if !errors.As(err, &bkf) || bkf.Veld != "convenant" || bkf.Reden != "heeft op 2026-03-01 geen deelnemers; een matrix heeft doelen en verstrekkers nodig" {
		t.Errorf("genoemd convenant zonder deelnemers: %v", err)
	}
}

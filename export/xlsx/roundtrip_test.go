package xlsx

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/article30/article30/ropa"
)

// roundTripOpts compare registers the way the workbook promises to keep
// them: an empty list and an absent one are the same (the reader returns
// nil for an empty list).
var roundTripOpts = cmp.Options{cmpopts.EquateEmpty()}

// seedNames are the seed registers of examples/registers.
var seedNames = []string{
	"careers-and-enterprise",
	"durham-university-recruitment",
	"harris-careers",
	"health-careers",
	"healthwatch-hertfordshire",
}

var seedCache sync.Map

// loadSeed loads a seed register (the result is shared: do not modify it).
func loadSeed(t testing.TB, name string) *ropa.Register {
	t.Helper()
	if reg, ok := seedCache.Load(name); ok {
		return reg.(*ropa.Register)
	}
	reg, err := ropa.Load(filepath.Join("..", "..", "examples", "registers", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	seedCache.Store(name, reg)
	return reg
}

// roundTrip writes reg and reads it back.
func roundTrip(t testing.TB, reg *ropa.Register, opts ...Option) *ropa.Register {
	t.Helper()
	return roundTripAt(t, reg, lawDay, opts...)
}

// roundTripAt is roundTrip with the law as of the day of at.
func roundTripAt(t testing.TB, reg *ropa.Register, at time.Time, opts ...Option) *ropa.Register {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, reg, at, opts...); err != nil {
		t.Fatalf("Write: %v", err)
	}
	got, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return got
}

func TestRoundTripSeeds(t *testing.T) {
	for _, name := range seedNames {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			reg := loadSeed(t, name)
			got := roundTrip(t, reg)
			if diff := cmp.Diff(reg, got, roundTripOpts); diff != "" {
				t.Errorf("round trip changed the register (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRoundTripViewsSubset reads back workbooks written with some of the
// views, or none, and with check options the reader cannot know.
func TestRoundTripViewsSubset(t *testing.T) {
	reg := loadSeed(t, "healthwatch-hertfordshire")
	for _, tc := range []struct {
		at   time.Time
		opts []Option
	}{
		{lawDay, []Option{Sheets()}},
		{lawDay, []Option{Sheets(NotesSheet, FindingsSheet)}},
		{lawDay, []Option{Sheets("Template", "Processor", ReferenceSheet)}},
		{lawDay, []Option{CheckOptions(ropa.Without("privacy-shield"))}},
		{mustDate("2021-03-01"), []Option{Properties("DPO", "Our record")}},
	} {
		got := roundTripAt(t, reg, tc.at, tc.opts...)
		if diff := cmp.Diff(reg, got, roundTripOpts); diff != "" {
			t.Errorf("round trip changed the register (-want +got):\n%s", diff)
		}
	}
}

// TestRoundTripRandom writes and reads 1,000 random registers that fill
// every field of the model with awkward text.
//
// Under the race detector (ten times slower) or with -short it does 200.
func TestRoundTripRandom(t *testing.T) {
	const shards = 4
	total := 1000
	if raceEnabled || testing.Short() {
		total = 200
	}
	for s := range shards {
		t.Run(fmt.Sprintf("shard%d", s), func(t *testing.T) {
			t.Parallel()
			g := newGen(uint64(42 + s))
			g.small = true
			var buf bytes.Buffer
			for i := range total / shards {
				reg := g.register(-1)
				if err := reg.Validate(); err != nil {
					t.Fatalf("generator made an invalid register: %v", err)
				}
				buf.Reset()
				if err := Write(&buf, reg, lawDay); err != nil {
					t.Fatalf("register %d: Write: %v", i, err)
				}
				got, err := Read(bytes.NewReader(buf.Bytes()))
				if err != nil {
					t.Fatalf("register %d: Read: %v", i, err)
				}
				if diff := cmp.Diff(reg, got, roundTripOpts); diff != "" {
					t.Fatalf("register %d: round trip changed the register (-want +got):\n%s", i, diff)
				}
			}
		})
	}
}

// TestRoundTripAcceptedForms reads enumerations written by people in the
// other forms the parsers accept: titles, citations, any case.
func TestRoundTripAcceptedForms(t *testing.T) {
	reg := &ropa.Register{}
	reg.Controller.Name = "Org"
	reg.Jurisdiction = 1
	reg.Activities = []ropa.Activity{{ID: "a", Name: "A", Purposes: []ropa.Purpose{{Description: "d"}}}}
	b := writeBytes(t, reg)
	b = editCells(t, b, map[string]string{
		dataRef(t, snPurposes, "basis", 2):                "Art 6(1)(a)",
		dataRef(t, snActivities, "dataSubjects", 2):       "Job applicants\nEMPLOYEES\n",
		dataRef(t, snActivities, "special.conditions", 2): "Article 9(2)(b)",
		dataRef(t, snActivities, "dpia.required", 2):      "Yes",
		dataRef(t, snDecisions, "activity", 2):            "a",
		dataRef(t, snDecisions, "solely", 2):              "TRUE",
		dataRef(t, snDataCategories, "activity", 2):       "a",
		dataRef(t, snDataCategories, "category", 2):       "Contact details",
		dataRef(t, snDataCategories, "subjects", 2):       "EMPLOYEES",
		dataRef(t, snNone, "activity", 2):                 "a",
		dataRef(t, snNone, "fact", 2):                     "Transfers",
		dataRef(t, snActivities, "consent.givenBy", 2):    "Parent or guardian",
		dataRef(t, snActivities, "dpia.status", 2):        "In progress",
		orgRef(t, "jurisdiction"):                         "UK GDPR",
		orgRef(t, "controller.headcount"):                 "250-or-more",
		orgRef(t, "reviewDate"):                           "2024-02-29",
	})
	got, err := readWithoutViews(t, b)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Activities[0]
	if a.Purposes[0].Basis.String() != "consent" || len(a.DataSubjects) != 2 || a.DataSubjects[1] != ropa.Employees ||
		a.Special.Conditions[0].String() != "employment-law" || a.DPIA.Required != ropa.Yes || len(a.Automated) != 1 || !a.Automated[0].Solely ||
		!cmp.Equal(a.DataCategories, []ropa.DataCategory{{Category: ropa.ContactDetails, Subjects: []ropa.Subject{ropa.Employees}}}) ||
		len(a.None) != 1 || a.None[0].Fact != ropa.FactTransfers || a.Consent.GivenBy != ropa.ConsentByParent ||
		a.DPIA.Status != ropa.InProgress || got.Controller.Headcount != ropa.From250 || got.ReviewDate.String() != "2024-02-29" {
		t.Errorf("accepted forms read as %+v", got)
	}
}

// readWithoutViews reads a workbook from which the edited views have been
// dropped, so that only the data sheets count.
func readWithoutViews(t *testing.T, b []byte) (*ropa.Register, error) {
	t.Helper()
	f := openBytes(t, b)
	for _, v := range vwViews(icoLayout) {
		if idx, _ := f.GetSheetIndex(v.name); idx >= 0 {
			if err := f.DeleteSheet(v.name); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return Read(&buf)
}

func TestRoundTripTextIsKept(t *testing.T) {
	reg := &ropa.Register{Jurisdiction: 2}
	reg.Controller.Name = "=cmd|' /C calc'!A0"
	tricky := []string{"", " ", "  lead", "trail  ", "\tTab", "\rCR", "\r\n", "a\r\nb\nc\r", "_x000D_", "_x005F_x000D_", "😀", "\u202eRTL", "=1+1", "+1", "-1", "@SUM(A1)", "1e10", "0001"}
	reg.Activities = []ropa.Activity{{ID: "=id", Name: "@name", Security: tricky, Notes: strings.Join(tricky, "|")}}
	for i, s := range tricky {
		reg.Activities[0].Purposes = append(reg.Activities[0].Purposes, ropa.Purpose{Description: s + fmt.Sprint(i)})
	}
	got := roundTrip(t, reg)
	if diff := cmp.Diff(reg, got, roundTripOpts); diff != "" {
		t.Errorf("round trip changed the text (-want +got):\n%s", diff)
	}
}

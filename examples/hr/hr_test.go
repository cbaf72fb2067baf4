package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func mustLoad(t *testing.T) *ropa.Register {
	t.Helper()
	reg, err := LoadRegister()
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// The register the service runs on must pass the DPO's checks.
func TestRegisterCheck(t *testing.T) {
	rep := ropa.Check(mustLoad(t), day(2026, 11, 23))
	for _, f := range rep.Findings {
		t.Errorf("%s %s %s: %s (%s)", f.Severity, f.Rule, f.Path, f.Message, f.Citation)
	}
}

func TestDueForErasure(t *testing.T) {
	reg := mustLoad(t)
	tests := []struct {
		name  string
		p     People
		month time.Time
		want  []Erasure
	}{
		{"leaver after six years",
			People{Leavers: []Leaver{{EmployeeID: "E-1", LeftOn: day(2020, 8, 31)}}},
			day(2026, 8, 1),
			[]Erasure{{"E-1", "leaver", day(2026, 8, 31), "P6Y from termination-of-employment"}}},
		{"leaver not yet due",
			People{Leavers: []Leaver{{EmployeeID: "E-1", LeftOn: day(2020, 8, 31)}}},
			day(2026, 7, 31),
			nil},
		{"sponsored leaver: no override, still six years",
			People{Leavers: []Leaver{{EmployeeID: "E-2", LeftOn: day(2020, 8, 31), SponsoredVisa: true}}},
			day(2026, 8, 15),
			[]Erasure{{"E-2", "leaver", day(2026, 8, 31), "P6Y from termination-of-employment"}}},
		{"applicant after six months",
			People{Applicants: []Applicant{{ID: "A-1", RecruitmentEnded: day(2026, 3, 31)}}},
			day(2026, 9, 1),
			[]Erasure{{"A-1", "applicant", day(2026, 9, 30), "P6M from end-of-recruitment unless sponsored-visa: P1Y"}}},
		{"applicant for a sponsored hire is kept a year",
			People{Applicants: []Applicant{{ID: "A-2", RecruitmentEnded: day(2026, 3, 31), SponsoredHire: true}}},
			day(2026, 9, 1),
			nil},
		{"applicant for a sponsored hire after a year",
			People{Applicants: []Applicant{{ID: "A-2", RecruitmentEnded: day(2026, 3, 31), SponsoredHire: true}}},
			day(2027, 3, 1),
			[]Erasure{{"A-2", "applicant", day(2027, 3, 31), "P6M from end-of-recruitment unless sponsored-visa: P1Y"}}},
		{"sorted by due date",
			People{
				Applicants: []Applicant{{ID: "A-3", RecruitmentEnded: day(2026, 5, 20)}},
				Leavers:    []Leaver{{EmployeeID: "E-3", LeftOn: day(2020, 11, 2)}},
			},
			day(2026, 11, 30),
			[]Erasure{
				{"E-3", "leaver", day(2026, 11, 2), "P6Y from termination-of-employment"},
				{"A-3", "applicant", day(2026, 11, 20), "P6M from end-of-recruitment unless sponsored-visa: P1Y"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DueForErasure(reg, tt.p, tt.month)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("DueForErasure mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// A register whose rule runs from an event the service does not record
// the date of is refused, not misapplied.
func TestDueForErasureWrongTrigger(t *testing.T) {
	reg := mustLoad(t)
	a, _ := reg.Activity(recruitment)
	a.Retention[0].Rule.From = "appointment"
	_, err := DueForErasure(reg, People{Applicants: []Applicant{{ID: "A-1", RecruitmentEnded: day(2026, 3, 31)}}}, day(2026, 11, 1))
	if err == nil || !strings.Contains(err.Error(), "trigger") {
		t.Fatal("DueForErasure accepted a rule running from appointment")
	}
	t.Log(err)
}

func TestEmployeeRights(t *testing.T) {
	reg := mustLoad(t)
	contract := []rights.Right{rights.Informed, rights.Access, rights.Rectification, rights.Erasure,
		rights.Restriction, rights.Portability, rights.ComplainToController, rights.ComplainToAuthority}
	// Legal obligation: no erasure (Art 17(3)(b)), no portability (Art
	// 20(1)(a)), no objection (Art 21(1)).
	legal := []rights.Right{rights.Informed, rights.Access, rights.Rectification,
		rights.Restriction, rights.ComplainToController, rights.ComplainToAuthority}
	want := []PurposeRights{
		{"Pay employees and manage their employment contracts", lawfulbasis.Contract, contract},
		{"Deduct income tax and National Insurance and report pay to HMRC", lawfulbasis.LegalObligation, legal},
		{"Pay statutory sick pay and manage sickness absence", lawfulbasis.LegalObligation, legal},
	}
	got, err := EmployeeRights(reg, day(2026, 11, 23))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("EmployeeRights mismatch (-want +got):\n%s", diff)
	}

	// Before 19 June 2026 there was no statutory complaint to the employer
	// (DPA 2018 s164A; SI 2026/82 reg 3).
	before, err := EmployeeRights(reg, day(2026, 6, 18))
	if err != nil {
		t.Fatal(err)
	}
	noComplaint := slices.DeleteFunc(slices.Clone(contract), func(r rights.Right) bool { return r == rights.ComplainToController })
	if diff := cmp.Diff(noComplaint, before[0].Rights); diff != "" {
		t.Errorf("rights on 18 June 2026 mismatch (-want +got):\n%s", diff)
	}

	for _, tt := range []struct {
		r    rights.Right
		want []string
	}{
		{rights.Erasure, []string{"Pay employees and manage their employment contracts"}},
		{rights.Object, nil},
		{rights.Access, []string{want[0].Purpose, want[1].Purpose, want[2].Purpose}},
	} {
		if diff := cmp.Diff(tt.want, Engages(got, tt.r)); diff != "" {
			t.Errorf("Engages(%v) mismatch (-want +got):\n%s", tt.r, diff)
		}
	}
}

func TestAccessDue(t *testing.T) {
	reg := mustLoad(t)
	tests := []struct {
		name string
		q    AccessRequest
		want time.Time
	}{
		// UK GDPR Art 12A(2): the month runs from the latest of receipt and
		// proof of identity.
		{"identity received late", AccessRequest{Received: day(2026, 3, 10), Identity: day(2026, 3, 20)}, day(2026, 4, 20)},
		{"no identity check", AccessRequest{Received: day(2026, 3, 10)}, day(2026, 4, 10)},
		// Art 12A(5): asked on 25 March, answered on 1 April: the period
		// "beginning with" the one day and "ending with" the other, 8 days,
		// does not count.
		{"clarification pause", AccessRequest{Received: day(2026, 3, 10), Identity: day(2026, 3, 20),
			Pauses: []rights.Pause{{From: day(2026, 3, 25), To: day(2026, 4, 1)}}}, day(2026, 4, 28)},
		// 6 April 2026 is Easter Monday: the next working day.
		{"bank holiday", AccessRequest{Received: day(2026, 3, 6)}, day(2026, 4, 7)},
		// 10 October 2026 is a Saturday.
		{"weekend", AccessRequest{Received: day(2026, 9, 10)}, day(2026, 10, 12)},
		// Requests received before 5 February 2026 keep the old Art 12(3):
		// one month from receipt, whenever identity arrives (SI 2026/82 reg 4).
		{"before Art 12A", AccessRequest{Received: day(2026, 1, 12), Identity: day(2026, 1, 19)}, day(2026, 2, 12)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AccessDue(reg, tt.q, demo.Holidays)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("AccessDue = %s, want %s", got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
			}
		})
	}
}

func TestAccessDueOpenPause(t *testing.T) {
	q := AccessRequest{Received: day(2026, 3, 10), Pauses: []rights.Pause{{From: day(2026, 3, 12)}}}
	if _, err := AccessDue(mustLoad(t), q, nil); !errors.Is(err, rights.ErrBadPause) {
		t.Errorf("AccessDue with a clarification still awaited: err = %v, want ErrBadPause", err)
	}
}

// The report main prints for the default date, held in a golden file.
// Run go test ./examples/hr -update after a deliberate change.
func TestReport(t *testing.T) {
	at, err := time.Parse(time.DateOnly, DefaultDate)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report(&buf, mustLoad(t), at, demo); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("report mismatch (-want +got):\n%s", diff)
	}
}

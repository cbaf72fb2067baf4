package xlsx

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// twoGroupRegister holds a recruitment activity about job applicants and
// their referees in which nothing crosses from one group to the other:
// every purpose, category, source, recipient, transfer, retention rule and
// decision is scoped to one group, and the statements of none are too.
func twoGroupRegister() *ropa.Register {
	apps := []ropa.Subject{ropa.JobApplicants}
	refs := []ropa.Subject{ropa.Referees}
	return &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Example University"},
		Activities: []ropa.Activity{{
			ID: "recruitment", Name: "Recruitment", BusinessFunction: "HR",
			Purposes: []ropa.Purpose{
				{Description: "Assessing applications", Basis: lawfulbasis.Contract, Subjects: apps},
				{Description: "Taking up references", Basis: lawfulbasis.LegitimateInterests,
					Interest: "Checking what candidates tell us", Subjects: refs},
			},
			DataSubjects: []ropa.Subject{ropa.JobApplicants, ropa.Referees},
			DataCategories: []ropa.DataCategory{
				{Category: ropa.Identifiers}, {Category: ropa.ContactDetails},
				{Category: ropa.EmploymentHistory, Subjects: apps},
				{Category: ropa.Health, Subjects: apps},
				{Category: ropa.EmploymentDetails, Subjects: refs},
			},
			Special: ropa.SpecialCategory{
				Conditions: []lawfulbasis.Condition{lawfulbasis.EmploymentLaw},
				Schedule1:  []lawfulbasis.Schedule1{lawfulbasis.Sch1Employment},
			},
			Sources: []ropa.Source{
				{Kind: ropa.FromSubject, Name: "Application forms", Subjects: apps},
				{Kind: ropa.FromThirdParty, Name: "The candidate who named them", Subjects: refs},
			},
			Recipients: []ropa.Recipient{
				{Name: "Recruitment panel", Kind: ropa.Internal},
				{Name: "Applicant tracking system", Kind: ropa.Processor, Country: "US", Contract: "DPA 2024-07", Subjects: apps},
			},
			Transfers: []ropa.Transfer{{Country: "US", Recipient: "Applicant tracking system", Mechanism: lawfulbasis.IDTA, Subjects: apps}},
			Retention: []ropa.Retention{
				{Rule: retention.MustParse("P6M from end-of-recruitment"), Subjects: apps},
				{Categories: []ropa.Category{ropa.ContactDetails}, Rule: retention.MustParse("P1M from end-of-recruitment"), Subjects: refs},
			},
			Automated: []ropa.Decision{{
				Description: "Sifting applications by a scored questionnaire", Solely: true, Significant: true,
				Subjects: apps,
			}},
			None: []ropa.None{
				{Fact: ropa.FactAutomated, Subjects: refs},
				{Fact: ropa.FactTransfers, Subjects: refs},
				{Fact: ropa.FactRecipients, Subjects: refs},
				{Fact: ropa.FactOtherSources, Subjects: apps},
			},
		}},
	}
}

// templateRow returns the Template row of activity i of reg as Write lays
// it out, padded to every column.
func templateRow(t *testing.T, reg *ropa.Register, i int) []string {
	t.Helper()
	f := openBytes(t, writeBytes(t, reg))
	rows, err := f.GetRows(icoLayout.ControllerSheet)
	if err != nil {
		t.Fatal(err)
	}
	r := icoLayout.HeadingRow + i
	if r >= len(rows) {
		t.Fatalf("no Template row for activity %d", i)
	}
	return pad(rows[r], tpl.NumColumns+1)
}

// TestTemplateScopes checks that the Template says whom each scoped fact
// of the two-group activity is about, and that nothing about referees
// reads as being about job applicants or the other way round.
func TestTemplateScopes(t *testing.T) {
	reg := twoGroupRegister()
	if err := reg.Validate(); err != nil {
		t.Fatal(err)
	}
	row := templateRow(t, reg, 0)
	want := map[int]string{
		tpl.ColPurpose:             "Assessing applications (job applicants only)\nTaking up references (referees only)",
		tpl.ColIndividuals:         "Job applicants\nReferees",
		tpl.ColPersonalData:        "Personal identifiers\nContact details\nEmployment history (job applicants only)\nHealth (job applicants only)\nJob title and employer (referees only)",
		tpl.ColRecipients:          "Recruitment panel (internal)\nApplicant tracking system (processor, US; job applicants only)\nNone outside the organisation (referees only)",
		tpl.ColProcessorContract:   "Applicant tracking system: DPA 2024-07",
		tpl.ColThirdCountries:      "US (Applicant tracking system; job applicants only)\nNone (referees only)",
		tpl.ColRetention:           "All data (job applicants only): for 6 months from the end of the recruitment process, then deleted\nContact details (referees only): for 1 month from the end of the recruitment process, then deleted",
		tpl.ColArticle6:            "Contract (UK GDPR Art 6(1)(b)) (job applicants only)\nLegitimate interests (UK GDPR Art 6(1)(f)) (referees only)",
		tpl.ColLegitimateInterests: "Checking what candidates tell us (referees only)",
		tpl.ColRights: "Right to be informed\nRight of access\nRight to rectification\nRight to erasure\nRight to restrict processing\n" +
			"Right to data portability (job applicants only)\nRight to object (referees only)\n" +
			"Rights related to automated decision-making, including profiling (job applicants only)\n" +
			"Right to complain to the controller\nRight to complain to the supervisory authority",
		tpl.ColAutomated: "Sifting applications by a scored questionnaire (job applicants only)\nSolely automated decisions with legal or similarly significant effects\n\nNone (referees only)",
		tpl.ColSource:    "From the individual: Application forms (job applicants only)\nFrom a third party: The candidate who named them (referees only)\nNone other than the individual (job applicants only)",
	}
	for col, w := range want {
		if got := row[col]; got != w {
			t.Errorf("column %s:\n got %q\nwant %q", wbColName(col+1), got, w)
		}
	}
}

// TestTemplateNone checks what columns F, H, Q and R say of facts stated
// as none, stated for some groups only, or not recorded: "None" only for
// a statement of none, and an empty cell, never "No", for a fact not
// recorded.
func TestTemplateNone(t *testing.T) {
	base := func() ropa.Activity {
		return ropa.Activity{
			ID: "a", Name: "A", Purposes: []ropa.Purpose{{Description: "P"}},
			DataSubjects: []ropa.Subject{ropa.Employees, ropa.NextOfKin}, DataCategories: ropa.Cats(ropa.ContactDetails),
		}
	}
	none := func(f ropa.Fact, ss ...ropa.Subject) ropa.None { return ropa.None{Fact: f, Subjects: ss} }
	cases := []struct {
		name string
		edit func(a *ropa.Activity)
		want map[int]string
	}{
		{"not recorded", func(a *ropa.Activity) {}, map[int]string{
			tpl.ColAutomated: "", tpl.ColThirdCountries: "", tpl.ColRecipients: "", tpl.ColSource: "",
		}},
		{"none for everyone", func(a *ropa.Activity) {
			a.None = []ropa.None{none(ropa.FactAutomated), none(ropa.FactTransfers), none(ropa.FactRecipients), none(ropa.FactOtherSources)}
		}, map[int]string{
			tpl.ColAutomated: "None", tpl.ColThirdCountries: "None", tpl.ColRecipients: "None outside the organisation",
			tpl.ColSource: "None other than the individual",
		}},
		{"none for each group, listed", func(a *ropa.Activity) {
			a.None = []ropa.None{none(ropa.FactAutomated, ropa.Employees), none(ropa.FactAutomated, ropa.NextOfKin)}
		}, map[int]string{tpl.ColAutomated: "None"}},
		{"none for one group, nothing recorded for the other", func(a *ropa.Activity) {
			a.None = []ropa.None{none(ropa.FactAutomated, ropa.NextOfKin), none(ropa.FactTransfers, ropa.Employees)}
		}, map[int]string{
			tpl.ColAutomated: "None (next of kin and emergency contacts only)", tpl.ColThirdCountries: "None (employees only)",
		}},
		{"internal recipients and none outside", func(a *ropa.Activity) {
			a.Recipients = []ropa.Recipient{{Name: "Payroll team", Kind: ropa.Internal}}
			a.Sources = []ropa.Source{{Kind: ropa.FromSubject}}
			a.None = []ropa.None{none(ropa.FactRecipients), none(ropa.FactOtherSources)}
		}, map[int]string{
			tpl.ColRecipients: "Payroll team (internal)\nNone outside the organisation",
			tpl.ColSource:     "From the individual\nNone other than the individual",
		}},
		{"a decision that is not solely automated beside none", func(a *ropa.Activity) {
			a.Automated = []ropa.Decision{{Description: "Shift patterns suggested to a manager"}}
			a.None = []ropa.None{none(ropa.FactAutomated)}
		}, map[int]string{tpl.ColAutomated: "Shift patterns suggested to a manager\n\nNo solely automated decisions or profiling"}},
		{"two decisions", func(a *ropa.Activity) {
			a.Automated = []ropa.Decision{
				{Description: "Overtime approval", Solely: true, Subjects: []ropa.Subject{ropa.Employees}},
				{Profiling: true, Logic: "Absence patterns"},
			}
		}, map[int]string{tpl.ColAutomated: "Overtime approval (employees only)\nSolely automated decisions\n\nProfiling\nLogic: Absence patterns"}},
		{"a decision for one group, none for the other", func(a *ropa.Activity) {
			a.Automated = []ropa.Decision{{Description: "Shift patterns suggested to a manager", Subjects: []ropa.Subject{ropa.Employees}}}
			a.None = []ropa.None{none(ropa.FactAutomated, ropa.NextOfKin)}
		}, map[int]string{tpl.ColAutomated: "Shift patterns suggested to a manager (employees only)\n\nNone (next of kin and emergency contacts only)"}},
		{"an empty scoped decision", func(a *ropa.Activity) {
			a.Automated = []ropa.Decision{{Subjects: []ropa.Subject{ropa.Employees}}}
		}, map[int]string{tpl.ColAutomated: "Automated decision (employees only)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := base()
			c.edit(&a)
			reg := &ropa.Register{Jurisdiction: lawfulbasis.UK, Controller: ropa.Organisation{Name: "Org"}, Activities: []ropa.Activity{a}}
			if err := reg.Validate(); err != nil {
				t.Fatal(err)
			}
			row := templateRow(t, reg, 0)
			for col, w := range c.want {
				if got := row[col]; got != w {
					t.Errorf("column %s = %q, want %q", wbColName(col+1), got, w)
				}
			}
			for _, col := range []int{tpl.ColAutomated, tpl.ColThirdCountries, tpl.ColRecipients, tpl.ColSource} {
				if strings.HasPrefix(row[col], "No\n") || row[col] == "No" {
					t.Errorf("column %s = %q: a bare No", wbColName(col+1), row[col])
				}
			}
		})
	}
}

// TestTemplateBasisScope checks the scope of the lawful bases in column
// L: a basis one unscoped purpose relies on concerns everyone, and scopes
// that together name every group are not repeated.
func TestTemplateBasisScope(t *testing.T) {
	e, k := []ropa.Subject{ropa.Employees}, []ropa.Subject{ropa.NextOfKin}
	cases := []struct {
		name     string
		purposes []ropa.Purpose
		want     string
	}{
		{"unscoped", []ropa.Purpose{{Description: "x", Basis: lawfulbasis.Contract}}, "Contract (UK GDPR Art 6(1)(b))"},
		{"scoped", []ropa.Purpose{{Description: "x", Basis: lawfulbasis.Contract, Subjects: e}}, "Contract (UK GDPR Art 6(1)(b)) (employees only)"},
		{"scoped and unscoped", []ropa.Purpose{
			{Description: "x", Basis: lawfulbasis.Contract, Subjects: e},
			{Description: "y", Basis: lawfulbasis.Contract},
		}, "Contract (UK GDPR Art 6(1)(b))"},
		{"scopes covering both groups", []ropa.Purpose{
			{Description: "x", Basis: lawfulbasis.LegalObligation, Subjects: e},
			{Description: "y", Basis: lawfulbasis.LegalObligation, Subjects: k},
		}, "Legal obligation (UK GDPR Art 6(1)(c))"},
		{"two bases", []ropa.Purpose{
			{Description: "x", Basis: lawfulbasis.Contract, Subjects: e},
			{Description: "y", Basis: lawfulbasis.VitalInterests, Subjects: k},
		}, "Contract (UK GDPR Art 6(1)(b)) (employees only)\nVital interests (UK GDPR Art 6(1)(d)) (next of kin and emergency contacts only)"},
	}
	for _, c := range cases {
		a := &ropa.Activity{ID: "a", Purposes: c.purposes, DataSubjects: []ropa.Subject{ropa.Employees, ropa.NextOfKin}}
		if got := strings.Join(vwBasisLines(a, lawfulbasis.UK), "\n"); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestTemplateDirectMarketing checks that column P gives the right to
// object to direct marketing (Art 21(2)-(3)) to whom a direct-marketing
// purpose concerns, whatever its basis, and to no one else.
func TestTemplateDirectMarketing(t *testing.T) {
	reg := &ropa.Register{Jurisdiction: lawfulbasis.UK, Controller: ropa.Organisation{Name: "Org"}, Activities: []ropa.Activity{{
		ID: "a", Name: "Alumni relations",
		Purposes: []ropa.Purpose{
			{Description: "Keeping alumni records", Basis: lawfulbasis.LegitimateInterests},
			{Description: "Fundraising appeals", Basis: lawfulbasis.LegitimateInterests, DirectMarketing: true,
				Subjects: []ropa.Subject{"custom: Alumni"}},
		},
		DataSubjects:   []ropa.Subject{"custom: Alumni", ropa.Trustees},
		DataCategories: ropa.Cats(ropa.ContactDetails),
	}}}
	if err := reg.Validate(); err != nil {
		t.Fatal(err)
	}
	got := templateRow(t, reg, 0)[tpl.ColRights]
	if !strings.Contains(got, "\nRight to object\nRight to object to direct marketing (alumni only)\n") {
		t.Errorf("P10 = %q", got)
	}
	if got := templateRow(t, reg, 0)[tpl.ColPurpose]; got != "Keeping alumni records\nFundraising appeals (alumni only)" {
		t.Errorf("B10 = %q", got)
	}
}

// TestRetentionViewScopes checks the Retention view of the two-group
// activity: a row per category and rule, for the groups both concern, and
// no rule for referees on a category held only about job applicants.
func TestRetentionViewScopes(t *testing.T) {
	f := openBytes(t, writeBytes(t, twoGroupRegister()))
	rows, err := f.GetRows(RetentionSheet)
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, r := range rows[1:] {
		r = pad(r, 5)
		got = append(got, []string{r[2], r[3], r[4]})
	}
	apps, refs := "P6M from end-of-recruitment", "P1M from end-of-recruitment"
	want := [][]string{
		{"Personal identifiers", "Job applicants", apps},
		{"Contact details", "Job applicants", apps},
		{"Contact details", "Referees", refs},
		{"Employment history", "Job applicants", apps},
		{"Health", "Job applicants", apps},
		{"Job title and employer", "Referees", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Retention rows (-want +got):\n%s", diff)
	}
}

// TestViewsGolden compares the Template and Retention views of the small
// register and the two-group register with testdata/views.golden
// (go test -run TestViewsGolden -update rewrites it).
func TestViewsGolden(t *testing.T) {
	var b strings.Builder
	for _, c := range []struct {
		name string
		reg  *ropa.Register
	}{{"small", smallRegister()}, {"two groups", twoGroupRegister()}} {
		f := openBytes(t, writeBytes(t, c.reg))
		for _, sheet := range []string{icoLayout.ControllerSheet, RetentionSheet} {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			first := 1
			if sheet == icoLayout.ControllerSheet {
				first = icoLayout.HeadingRow + 1
			}
			b.WriteString("== " + c.name + ": " + sheet + "\n")
			for r := first; r <= len(rows); r++ {
				for i, cell := range rows[r-1] {
					if cell != "" {
						b.WriteString(wbCellRef(i+1, r) + ": " + strings.ReplaceAll(cell, "\n", "\n    ") + "\n")
					}
				}
			}
		}
	}
	path := filepath.Join("testdata", "views.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("views differ from %s (-want +got):\n%s", path, diff)
	}
}

// TestCoverAuthority checks the supervisory authority the Cover names.
func TestCoverAuthority(t *testing.T) {
	at := mustDate("2026-03-01") // before the UK regulator's change of name (authority.CommissionFrom)
	cases := []struct {
		name string
		reg  ropa.Register
		want string
	}{
		{"named", ropa.Register{Jurisdiction: lawfulbasis.EU, Authority: ropa.SupervisoryAuthority{Code: "ie", Name: "An Coimisiún um Chosaint Sonraí"}}, "An Coimisiún um Chosaint Sonraí"},
		{"by code", ropa.Register{Jurisdiction: lawfulbasis.EU, Authority: ropa.SupervisoryAuthority{Code: "ie"}}, "Data Protection Commission"},
		{"UK by code", ropa.Register{Jurisdiction: lawfulbasis.UK, Authority: ropa.SupervisoryAuthority{Code: "uk"}}, "Information Commissioner"},
		{"UK by default", ropa.Register{Jurisdiction: lawfulbasis.UK}, "Information Commissioner (the UK regulator, by default: the register names none)"},
		{"EU, none named", ropa.Register{Jurisdiction: lawfulbasis.EU}, "Not recorded"},
	}
	for _, c := range cases {
		if got := vwAuthority(&c.reg, at); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

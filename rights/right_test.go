package rights_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/parse"
	"github.com/article30/article30/rights"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var (
	uk = lawfulbasis.UK
	eu = lawfulbasis.EU
	// Dates either side of the DUAA commencements (SI 2026/82 regs 2 and 3).
	beforeDUAA       = day(2026, time.February, 4)
	duaa             = day(2026, time.February, 5)
	beforeComplaints = day(2026, time.June, 18)
	complaints       = day(2026, time.June, 19)
	lawAsOf          = lawfulbasis.LawAsOf
)

func TestAll(t *testing.T) {
	want := []rights.Right{rights.Informed, rights.Access, rights.Rectification, rights.Erasure, rights.Restriction,
		rights.Portability, rights.Object, rights.ObjectDirectMarketing, rights.AutomatedDecisions, rights.WithdrawConsent,
		rights.ComplainToController, rights.ComplainToAuthority}
	if diff := cmp.Diff(want, rights.All()); diff != "" {
		t.Errorf("All() mismatch (-want +got):\n%s", diff)
	}
}

func TestSlugAndTitle(t *testing.T) {
	for _, tc := range []struct {
		r           rights.Right
		slug, title string
	}{
		// Titles follow the ICO's guide to individual rights.
		{rights.Informed, "informed", "Right to be informed"},
		{rights.Access, "access", "Right of access"},
		{rights.Rectification, "rectification", "Right to rectification"},
		{rights.Erasure, "erasure", "Right to erasure"},
		{rights.Restriction, "restriction", "Right to restrict processing"},
		{rights.Portability, "portability", "Right to data portability"},
		{rights.Object, "object", "Right to object"},
		// Art 21(2) and (3).
		{rights.ObjectDirectMarketing, "object-direct-marketing", "Right to object to direct marketing"},
		{rights.AutomatedDecisions, "automated-decisions", "Rights related to automated decision-making, including profiling"},
		// Art 7(3).
		{rights.WithdrawConsent, "withdraw-consent", "Right to withdraw consent"},
		// DPA 2018 s164A(1).
		{rights.ComplainToController, "complain-to-controller", "Right to complain to the controller"},
		// GDPR Art 77; DPA 2018 s165.
		{rights.ComplainToAuthority, "complain-to-authority", "Right to complain to the supervisory authority"},
	} {
		if !tc.r.Valid() {
			t.Errorf("%d: not Valid", tc.r)
		}
		if got := tc.r.String(); got != tc.slug {
			t.Errorf("%d.String() = %q, want %q", tc.r, got, tc.slug)
		}
		if got := tc.r.Title(); got != tc.title {
			t.Errorf("%v.Title() = %q, want %q", tc.r, got, tc.title)
		}
	}
}

func TestInvalid(t *testing.T) {
	for _, r := range []rights.Right{0, 13, 255} {
		if r.Valid() {
			t.Errorf("Right(%d).Valid() = true", uint8(r))
		}
		if got, want := r.String(), fmt.Sprintf("Right(%d)", uint8(r)); got != want {
			t.Errorf("String() = %q, want %q", got, want)
		}
		if r.Title() != "" || r.Plain() != "" || r.PlainAt(uk, lawAsOf) != "" || r.Citation(uk, lawAsOf) != "" {
			t.Errorf("Right(%d): non-empty text for an invalid value", uint8(r))
		}
		if r.Available(uk, lawAsOf) || r.Available(eu, lawAsOf) {
			t.Errorf("Right(%d) available", uint8(r))
		}
		if _, err := r.MarshalText(); err == nil {
			t.Errorf("Right(%d).MarshalText: no error", uint8(r))
		}
		if b, err := r.AppendText([]byte("x")); err == nil || string(b) != "x" {
			t.Errorf("Right(%d).AppendText = %q, %v", uint8(r), b, err)
		}
	}
	// An invalid regime has no rights.
	if rights.Access.Available(0, lawAsOf) || rights.Access.Citation(0, lawAsOf) != "" {
		t.Error("Access available under the zero regime")
	}
}

func TestCitation(t *testing.T) {
	for _, tc := range []struct {
		r    rights.Right
		g    lawfulbasis.Regime
		at   time.Time
		want string
	}{
		// Arts 13 and 14 (UK GDPR unchanged in numbering; DUAA s77 amends content only).
		{rights.Informed, uk, lawAsOf, "UK GDPR Arts 13 and 14"},
		{rights.Informed, eu, lawAsOf, "GDPR Arts 13 and 14"},
		// Art 15; DUAA s78 adds Art 15(1A) but keeps the article.
		{rights.Access, uk, lawAsOf, "UK GDPR Art 15"},
		{rights.Access, eu, lawAsOf, "GDPR Art 15"},
		{rights.Rectification, uk, lawAsOf, "UK GDPR Art 16"},
		{rights.Rectification, eu, lawAsOf, "GDPR Art 16"},
		{rights.Erasure, uk, lawAsOf, "UK GDPR Art 17"},
		{rights.Erasure, eu, lawAsOf, "GDPR Art 17"},
		{rights.Restriction, uk, lawAsOf, "UK GDPR Art 18"},
		{rights.Restriction, eu, lawAsOf, "GDPR Art 18"},
		{rights.Portability, uk, lawAsOf, "UK GDPR Art 20"},
		{rights.Portability, eu, lawAsOf, "GDPR Art 20"},
		{rights.Object, uk, lawAsOf, "UK GDPR Art 21"},
		{rights.Object, eu, lawAsOf, "GDPR Art 21"},
		// Art 21(2): objection to direct marketing; DUAA s70(5) amends only
		// Art 21(1), so the UK citation does not change on 5 Feb 2026.
		{rights.ObjectDirectMarketing, uk, beforeDUAA, "UK GDPR Art 21(2)"},
		{rights.ObjectDirectMarketing, uk, lawAsOf, "UK GDPR Art 21(2)"},
		{rights.ObjectDirectMarketing, eu, lawAsOf, "GDPR Art 21(2)"},
		// DUAA s80 replaces Art 22 with Arts 22A-22D from 5 Feb 2026 (SI 2026/82 reg 2(j)).
		{rights.AutomatedDecisions, uk, beforeDUAA, "UK GDPR Art 22"},
		{rights.AutomatedDecisions, uk, duaa, "UK GDPR Arts 22A-22D"},
		{rights.AutomatedDecisions, uk, lawAsOf, "UK GDPR Arts 22A-22D"},
		// EU GDPR Art 22 unchanged.
		{rights.AutomatedDecisions, eu, lawAsOf, "GDPR Art 22"},
		// Art 7(3).
		{rights.WithdrawConsent, uk, lawAsOf, "UK GDPR Art 7(3)"},
		{rights.WithdrawConsent, eu, lawAsOf, "GDPR Art 7(3)"},
		// DPA 2018 s164A, inserted by DUAA s103, in force 19 June 2026 (SI 2026/82 reg 3).
		{rights.ComplainToController, uk, complaints, "DPA 2018 s164A"},
		{rights.ComplainToController, uk, beforeComplaints, ""},
		{rights.ComplainToController, eu, lawAsOf, ""},
		// UK GDPR Art 77 omitted and complaints go under DPA 2018 s165 from 19 June 2026 (DUAA s103(3), (6); Sch 10).
		{rights.ComplainToAuthority, uk, beforeComplaints, "UK GDPR Art 77"},
		{rights.ComplainToAuthority, uk, complaints, "DPA 2018 s165"},
		// GDPR Art 77.
		{rights.ComplainToAuthority, eu, lawAsOf, "GDPR Art 77"},
	} {
		if got := tc.r.Citation(tc.g, tc.at); got != tc.want {
			t.Errorf("%v.Citation(%v, %s) = %q, want %q", tc.r, tc.g, tc.at.Format(time.DateOnly), got, tc.want)
		}
	}
}

func TestCitationUsesCalendarDay(t *testing.T) {
	// 5 February 2026 at 00:30 in Paris is 4 February in UTC; the day in the
	// value's own location decides (SI 2026/82 reg 2: in force 5 Feb 2026).
	paris := time.FixedZone("CET", 3600)
	at := time.Date(2026, time.February, 5, 0, 30, 0, 0, paris)
	if got := rights.AutomatedDecisions.Citation(uk, at); got != "UK GDPR Arts 22A-22D" {
		t.Errorf("got %q", got)
	}
}

func TestAvailable(t *testing.T) {
	for _, tc := range []struct {
		r    rights.Right
		g    lawfulbasis.Regime
		at   time.Time
		want bool
	}{
		// s164A in force 19 June 2026 (SI 2026/82 reg 3); UK only.
		{rights.ComplainToController, uk, beforeComplaints, false},
		{rights.ComplainToController, uk, complaints, true},
		{rights.ComplainToController, uk, lawAsOf, true},
		{rights.ComplainToController, eu, lawAsOf, false},
		// Every other right exists under both regimes at all dates.
		{rights.ComplainToAuthority, uk, beforeComplaints, true},
		{rights.ComplainToAuthority, eu, lawAsOf, true},
		{rights.AutomatedDecisions, uk, beforeDUAA, true},
		{rights.AutomatedDecisions, eu, lawAsOf, true},
		{rights.Access, uk, lawfulbasis.UKGDPRStart, true},
	} {
		if got := tc.r.Available(tc.g, tc.at); got != tc.want {
			t.Errorf("%v.Available(%v, %s) = %v, want %v", tc.r, tc.g, tc.at.Format(time.DateOnly), got, tc.want)
		}
	}
	for _, r := range rights.All() {
		if r == rights.ComplainToController {
			continue
		}
		for _, g := range lawfulbasis.Regimes() {
			if !r.Available(g, beforeDUAA) || !r.Available(g, lawAsOf) {
				t.Errorf("%v not available under %v", r, g)
			}
		}
	}
}

func TestPlain(t *testing.T) {
	// Every right has a second-person sentence, in both regimes where it exists.
	for _, r := range rights.All() {
		p := r.Plain()
		if p == "" || !strings.Contains(strings.ToLower(p), "you") || !strings.HasSuffix(p, ".") {
			t.Errorf("%v.Plain() = %q", r, p)
		}
		for _, g := range lawfulbasis.Regimes() {
			for _, at := range []time.Time{beforeDUAA, lawAsOf} {
				got := r.PlainAt(g, at)
				if r.Available(g, at) != (got != "") {
					t.Errorf("%v.PlainAt(%v, %s) = %q", r, g, at.Format(time.DateOnly), got)
				}
			}
		}
	}
	// Access example from the brief.
	if got, want := rights.Access.Plain(), "You can ask for a copy of the information we hold about you."; got != want {
		t.Errorf("Access.Plain() = %q, want %q", got, want)
	}
	// Art 21(2) and (3): at any time; the processing for direct marketing
	// then stops, with no compelling-grounds exception.
	for _, g := range lawfulbasis.Regimes() {
		if got, want := rights.ObjectDirectMarketing.PlainAt(g, lawAsOf), "You can object at any time to our use of your information for direct marketing, and we must then stop."; got != want {
			t.Errorf("ObjectDirectMarketing.PlainAt(%v) = %q, want %q", g, got, want)
		}
	}
	if strings.Contains(rights.ObjectDirectMarketing.Plain(), "unless") {
		t.Error("the direct-marketing objection has no exception")
	}
}

func TestPlainAutomatedDecisions(t *testing.T) {
	// UK GDPR Art 22C(2)(a)-(d) (DUAA s80, from 5 Feb 2026): information,
	// representations, human intervention, contest.
	safeguards := []string{"told", "representations", "human intervention", "contest"}
	for _, tc := range []struct {
		g    lawfulbasis.Regime
		at   time.Time
		want []string
	}{
		{uk, duaa, safeguards},
		{uk, lawAsOf, safeguards},
		// GDPR Art 22(1) and (3): right not to be subject; human intervention,
		// point of view, contest. Also the UK before 5 Feb 2026 (SI 2026/82 reg 5).
		{eu, lawAsOf, []string{"not to be subject", "person to step in", "point of view", "contest"}},
		{uk, beforeDUAA, []string{"not to be subject", "person to step in", "point of view", "contest"}},
	} {
		got := rights.AutomatedDecisions.PlainAt(tc.g, tc.at)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("PlainAt(%v, %s) = %q, missing %q", tc.g, tc.at.Format(time.DateOnly), got, w)
			}
		}
	}
	for _, w := range safeguards {
		if !strings.Contains(rights.AutomatedDecisions.Plain(), w) {
			t.Errorf("Plain() missing %q", w)
		}
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want rights.Right
	}{
		// Slugs, titles and other spellings.
		{"access", rights.Access},
		{"ACCESS", rights.Access},
		{" Right of access ", rights.Access},
		{"subject access request", rights.Access},
		{"automated-decisions", rights.AutomatedDecisions},
		{"automated_decisions", rights.AutomatedDecisions},
		{"Automated decision-making", rights.AutomatedDecisions},
		{"withdraw-consent", rights.WithdrawConsent},
		{"complain-to-controller", rights.ComplainToController},
		{"complain-to-authority", rights.ComplainToAuthority},
		{"Right to lodge a complaint", rights.ComplainToAuthority},
		// Art 17 heading: "Right to erasure ('right to be forgotten')".
		{"right to be forgotten", rights.Erasure},
		// Art 18 heading.
		{"Right to restriction of processing", rights.Restriction},
		// Article forms.
		{"Art 13", rights.Informed},
		{"Article 14", rights.Informed},
		{"Arts 13 and 14", rights.Informed},
		{"UK GDPR Arts 13 and 14", rights.Informed},
		{"Art 15", rights.Access},
		{"art. 15", rights.Access},
		{"15", rights.Access},
		{"GDPR Art 15", rights.Access},
		{"UK GDPR Art 15", rights.Access},
		{"Article 16", rights.Rectification},
		{"Article 17", rights.Erasure},
		{"Art 18", rights.Restriction},
		{"Art 20", rights.Portability},
		{"Article 21", rights.Object},
		{"Art 21(1)", rights.Object},
		// Art 21(2) and (3): direct marketing.
		{"Art 21(2)", rights.ObjectDirectMarketing},
		{"GDPR Art 21(2)", rights.ObjectDirectMarketing},
		{"Article 21(3)", rights.ObjectDirectMarketing},
		{"object-direct-marketing", rights.ObjectDirectMarketing},
		{"Objection to direct marketing", rights.ObjectDirectMarketing},
		{"Right to object to direct marketing", rights.ObjectDirectMarketing},
		{"Art 22", rights.AutomatedDecisions},
		{"Art 22C", rights.AutomatedDecisions},
		{"UK GDPR Arts 22A-22D", rights.AutomatedDecisions},
		{"Art 7(3)", rights.WithdrawConsent},
		{"Article 7.3", rights.WithdrawConsent},
		{"Art 77", rights.ComplainToAuthority},
		{"DPA 2018 s165", rights.ComplainToAuthority},
		{"section 165", rights.ComplainToAuthority},
		{"DPA 2018 s164A", rights.ComplainToController},
		{"s. 164A", rights.ComplainToController},
	} {
		got, err := rights.Parse(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestParseRoundTrip(t *testing.T) {
	for _, r := range rights.All() {
		for _, s := range []string{r.String(), r.Title()} {
			if got, err := rights.Parse(s); err != nil || got != r {
				t.Errorf("Parse(%q) = %v, %v", s, got, err)
			}
		}
		for _, g := range lawfulbasis.Regimes() {
			for _, at := range []time.Time{beforeDUAA, lawAsOf} {
				c := r.Citation(g, at)
				if c == "" {
					continue
				}
				if got, err := rights.Parse(c); err != nil || got != r {
					t.Errorf("Parse(%q) = %v, %v; want %v", c, got, err, r)
				}
			}
		}
	}
}

func TestParseError(t *testing.T) {
	for _, in := range []string{"", "Art 19", "Art 7", "Article", "acess", "right", "6(1)(f)", "s. 166"} {
		r, err := rights.Parse(in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error", in, r)
			continue
		}
		if r != 0 {
			t.Errorf("Parse(%q) returned %v with error", in, r)
		}
		if !errors.Is(err, lawfulbasis.ErrUnknown) {
			t.Errorf("Parse(%q) error %v does not wrap lawfulbasis.ErrUnknown", in, err)
		}
		var pe *parse.Error
		if !errors.As(err, &pe) {
			t.Fatalf("Parse(%q) error is %T", in, err)
		}
		var slugs []string
		for _, r := range rights.All() {
			slugs = append(slugs, r.String())
		}
		if diff := cmp.Diff(slugs, pe.Accepted); diff != "" {
			t.Errorf("Accepted mismatch (-want +got):\n%s", diff)
		}
		if !strings.Contains(err.Error(), "automated-decisions") {
			t.Errorf("error %q does not list the slugs", err)
		}
	}
	_, err := rights.Parse("acess")
	var pe *parse.Error
	if errors.As(err, &pe); pe.Suggest != "access" {
		t.Errorf("Suggest = %q, want access", pe.Suggest)
	}
}

func TestText(t *testing.T) {
	for _, r := range rights.All() {
		b, err := r.MarshalText()
		if err != nil || string(b) != r.String() {
			t.Errorf("%v.MarshalText() = %q, %v", r, b, err)
		}
		a, err := r.AppendText([]byte("x:"))
		if err != nil || string(a) != "x:"+r.String() {
			t.Errorf("%v.AppendText = %q, %v", r, a, err)
		}
		var got rights.Right
		if err := got.UnmarshalText(b); err != nil || got != r {
			t.Errorf("UnmarshalText(%q) = %v, %v", b, got, err)
		}
	}
	var r rights.Right = rights.Access
	if err := r.UnmarshalText([]byte("nonsense")); err == nil || r != rights.Access {
		t.Errorf("UnmarshalText(nonsense) = %v, left %v", err, r)
	}

	type rec struct {
		Rights []rights.Right `json:"rights"`
	}
	in := rec{Rights: []rights.Right{rights.Access, rights.AutomatedDecisions}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"rights":["access","automated-decisions"]}`; string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
	var out rec
	if err := json.Unmarshal([]byte(`{"rights":["Art 15","Right to object"]}`), &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]rights.Right{rights.Access, rights.Object}, out.Rights); diff != "" {
		t.Errorf("json decode mismatch (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(rec{Rights: []rights.Right{0}}); err == nil {
		t.Error("json.Marshal of an invalid right: no error")
	}
}

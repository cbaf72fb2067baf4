package lawfulbasis

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/parse"
	"github.com/google/go-cmp/cmp"
)

func TestParseBasis(t *testing.T) {
	tests := []struct {
		in   string
		want Basis
	}{
		// Slugs and names.
		{"consent", Consent},
		{"contract", Contract},
		{"legal-obligation", LegalObligation},
		{"vital-interests", VitalInterests},
		{"public-task", PublicTask},
		{"recognised-legitimate-interests", RecognisedLegitimateInterests},
		{"legitimate-interests", LegitimateInterests},
		{"Legitimate interests", LegitimateInterests},
		{"legitimate_interests", LegitimateInterests},
		{"  Public Task ", PublicTask},
		{"Recognized legitimate interest", RecognisedLegitimateInterests},
		// Citations, UK GDPR / GDPR Art 6(1) (a)-(f) and (ea) (DUAA s70).
		{"6(1)(a)", Consent},
		{"Art 6(1)(b)", Contract},
		{"Article 6(1)(c)", LegalObligation},
		{"art. 6.1.d", VitalInterests},
		{"GDPR Art 6(1)(e)", PublicTask},
		{"6(1)(ea)", RecognisedLegitimateInterests},
		{"UK GDPR Art 6(1)(ea)", RecognisedLegitimateInterests},
		{"Article 6(1)(f)", LegitimateInterests},
		{"Art. 6(1)(f)", LegitimateInterests},
		{"6(1)(f)", LegitimateInterests},
		// W3C DPV IRIs (dpv core and the eu-gdpr extension, DPV 2.3).
		{"https://w3id.org/dpv#Consent", Consent},
		{"dpv:LegitimateInterest", LegitimateInterests},
		{"https://w3id.org/dpv/legal/eu/gdpr#A6-1-c", LegalObligation},
		{"eu-gdpr:A6-1-e", PublicTask},
	}
	for _, tt := range tests {
		got, err := ParseBasis(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseBasis(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseBasisErrors(t *testing.T) {
	for _, in := range []string{"", "consnet", "6(1)(g)", "Article 9(2)(a)", "legitimate", "6(1)", "ea"} {
		_, err := ParseBasis(in)
		if err == nil {
			t.Errorf("ParseBasis(%q) succeeded", in)
			continue
		}
		var pe *parse.Error
		if !errors.As(err, &pe) || !errors.Is(err, ErrUnknown) {
			t.Errorf("ParseBasis(%q) error %T is not a *parse.Error wrapping ErrUnknown", in, err)
		}
		for _, slug := range []string{"consent", "legitimate-interests", "recognised-legitimate-interests", "6(1)(f)"} {
			if !strings.Contains(err.Error(), slug) {
				t.Errorf("ParseBasis(%q) error %q does not list %q", in, err, slug)
			}
		}
	}
	_, err := ParseBasis("consnet")
	if !strings.Contains(err.Error(), `did you mean "consent"`) {
		t.Errorf("no suggestion in %q", err)
	}
}

func TestBasisFacts(t *testing.T) {
	type facts struct {
		UK, EU          string
		PublicAuthority bool // may a public authority rely on it for its tasks
		Consent         bool
		Interest        bool
		Annex1          bool
		Provision       bool
	}
	tests := []struct {
		b    Basis
		want facts
	}{
		// Art 6(1)(a); Art 7(3) withdrawal.
		{Consent, facts{"UK GDPR Art 6(1)(a)", "GDPR Art 6(1)(a)", true, true, false, false, false}},
		{Contract, facts{"UK GDPR Art 6(1)(b)", "GDPR Art 6(1)(b)", true, false, false, false, false}},
		// Art 6(3): legal obligation and public task laid down by law.
		{LegalObligation, facts{"UK GDPR Art 6(1)(c)", "GDPR Art 6(1)(c)", true, false, false, false, true}},
		{VitalInterests, facts{"UK GDPR Art 6(1)(d)", "GDPR Art 6(1)(d)", true, false, false, false, false}},
		{PublicTask, facts{"UK GDPR Art 6(1)(e)", "GDPR Art 6(1)(e)", true, false, false, false, true}},
		// UK GDPR Art 6(1)(ea) and 6(5) (DUAA s70); not for public authorities'
		// tasks (Art 6(1) sentence after (f), as amended by s70(2)(c)).
		{RecognisedLegitimateInterests, facts{"UK GDPR Art 6(1)(ea)", "", false, false, false, true, false}},
		// Art 6(1)(f); not for public authorities' tasks.
		{LegitimateInterests, facts{"UK GDPR Art 6(1)(f)", "GDPR Art 6(1)(f)", false, false, true, false, false}},
	}
	for _, tt := range tests {
		got := facts{tt.b.Citation(UK), tt.b.Citation(EU), tt.b.PublicAuthorityMayUse(), tt.b.ConsentBased(),
			tt.b.NeedsInterest(), tt.b.NeedsAnnex1(), tt.b.NeedsLegalProvision()}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%v facts (-want +got):\n%s", tt.b, diff)
		}
		if tt.b.Title() == "" || tt.b.Plain() == "" {
			t.Errorf("%v has no title or plain sentence", tt.b)
		}
	}
	if got := len(Bases()); got != 7 {
		t.Errorf("len(Bases()) = %d, want 7 (six of Art 6(1) and the UK's (ea))", got)
	}
}

func TestBasisAvailability(t *testing.T) {
	tests := []struct {
		b    Basis
		r    Regime
		at   time.Time
		want bool
	}{
		// Recognised legitimate interests: UK only, from 5 February 2026
		// (DUAA s70; SI 2026/82 reg 2(c)).
		{RecognisedLegitimateInterests, UK, date(2026, 2, 5), true},
		{RecognisedLegitimateInterests, UK, date(2026, 11, 23), true},
		{RecognisedLegitimateInterests, UK, date(2026, 2, 4), false},
		{RecognisedLegitimateInterests, UK, date(2019, 6, 1), false},
		{RecognisedLegitimateInterests, EU, date(2026, 11, 23), false},
		{RecognisedLegitimateInterests, EU, date(2030, 1, 1), false},
		// The six of Art 6(1) hold under both regimes at any date.
		{LegitimateInterests, EU, date(2019, 6, 1), true},
		{Consent, UK, date(2026, 11, 23), true},
		{PublicTask, EU, date(2026, 11, 23), true},
		{Basis(0), UK, date(2026, 11, 23), false},
		{Basis(99), EU, date(2026, 11, 23), false},
	}
	for _, tt := range tests {
		if got := tt.b.Available(tt.r, tt.at); got != tt.want {
			t.Errorf("%v.Available(%v, %s) = %v, want %v", tt.b, tt.r, tt.at.Format(time.DateOnly), got, tt.want)
		}
	}
	err := RecognisedLegitimateInterests.CheckAvailable(EU, date(2026, 11, 23))
	var ue *UnavailableError
	if !errors.As(err, &ue) || !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "only under the uk regime") {
		t.Errorf("CheckAvailable(EU) = %v", err)
	}
	err = RecognisedLegitimateInterests.CheckAvailable(UK, date(2026, 1, 1))
	if err == nil || !strings.Contains(err.Error(), "5 February 2026") {
		t.Errorf("CheckAvailable(UK, 2026-01-01) = %v, want the commencement date", err)
	}
}

func TestAutomatedDecisionBasis(t *testing.T) {
	// UK GDPR Art 22B(4) (DUAA s80): no solely automated significant decision
	// may rest on recognised legitimate interests.
	if RecognisedLegitimateInterests.AllowsSolelyAutomatedDecision(UK, date(2026, 11, 23)) {
		t.Error("RLI allows a solely automated decision under the UK regime")
	}
	for _, b := range Bases() {
		if b != RecognisedLegitimateInterests && !b.AllowsSolelyAutomatedDecision(UK, date(2026, 11, 23)) {
			t.Errorf("%v should allow a solely automated decision subject to Art 22C", b)
		}
	}
}

func TestBasisText(t *testing.T) {
	type rec struct {
		Basis Basis   `json:"basis"`
		List  []Basis `json:"list"`
	}
	in := rec{LegitimateInterests, []Basis{Consent, RecognisedLegitimateInterests}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"basis":"legitimate-interests","list":["consent","recognised-legitimate-interests"]}`; string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
	var out rec
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(in, out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	if err := json.Unmarshal([]byte(`{"basis":"consnet"}`), &out); err == nil || !strings.Contains(err.Error(), "consnet") {
		t.Errorf("unmarshal of unknown basis: %v", err)
	}
	if _, err := json.Marshal(rec{}); err == nil {
		t.Error("marshalling the zero Basis succeeded")
	}
	if got := Basis(42).String(); got != "Basis(42)" {
		t.Errorf("String of invalid = %q", got)
	}
	if got, _ := Consent.AppendText([]byte("b=")); string(got) != "b=consent" {
		t.Errorf("AppendText = %q", got)
	}
}

func TestRegime(t *testing.T) {
	for in, want := range map[string]Regime{"uk": UK, "UK GDPR": UK, "eu": EU, "GDPR": EU, "EU GDPR": EU} {
		if got, err := ParseRegime(in); err != nil || got != want {
			t.Errorf("ParseRegime(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseRegime("us"); err == nil {
		t.Error("ParseRegime(us) succeeded")
	}
	if got := UK.Cite("6(1)(ea)"); got != "UK GDPR Art 6(1)(ea)" {
		t.Errorf("UK.Cite = %q", got)
	}
	if got := EU.Cite("9(2)(b)"); got != "GDPR Art 9(2)(b)" {
		t.Errorf("EU.Cite = %q", got)
	}
	if Regime(0).Valid() || Regime(0).String() != "Regime(0)" {
		t.Error("zero Regime is valid or prints wrongly")
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		name string
		got  time.Time
		want string
	}{
		{"PrivacyShieldInvalid (CJEU C-311/18)", PrivacyShieldInvalid, "2020-07-16"},
		{"UKGDPRStart (IP completion day)", UKGDPRStart, "2021-01-01"},
		{"DUAACommencement (SI 2026/82 reg 2)", DUAACommencement, "2026-02-05"},
		{"ComplaintsCommencement (SI 2026/82 reg 3)", ComplaintsCommencement, "2026-06-19"},
	}
	for _, tt := range tests {
		if got := tt.got.Format(time.DateOnly); got != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestKeysUnique makes sure every accepted spelling names one value, and
// that every slug parses back to its value.
func TestKeysUnique(t *testing.T) {
	check := func(name string, n int, str func(i int) string, parse func(string) (int, error)) {
		for i := 1; i <= n; i++ {
			got, err := parse(str(i))
			if err != nil || got != i {
				t.Errorf("%s: Parse(%q) = %d, %v; want %d", name, str(i), got, err, i)
			}
		}
	}
	check("Basis", len(Bases()), func(i int) string { return Basis(i).String() },
		func(s string) (int, error) { v, err := ParseBasis(s); return int(v), err })
	check("Annex1", len(Annex1s()), func(i int) string { return Annex1(i).String() },
		func(s string) (int, error) { v, err := ParseAnnex1(s); return int(v), err })
	check("Condition", len(Conditions()), func(i int) string { return Condition(i).String() },
		func(s string) (int, error) { v, err := ParseCondition(s); return int(v), err })
	check("Schedule1", len(Schedule1s()), func(i int) string { return Schedule1(i).String() },
		func(s string) (int, error) { v, err := ParseSchedule1(s); return int(v), err })
	check("Mechanism", len(Mechanisms()), func(i int) string { return Mechanism(i).String() },
		func(s string) (int, error) { v, err := ParseMechanism(s); return int(v), err })
	// Citations parse back too.
	for _, c := range Conditions() {
		if got, err := ParseCondition(c.Citation(UK)); err != nil || got != c {
			t.Errorf("ParseCondition(%q) = %v, %v", c.Citation(UK), got, err)
		}
	}
	for _, s := range Schedule1s() {
		if got, err := ParseSchedule1(s.Citation(UK)); err != nil || got != s {
			t.Errorf("ParseSchedule1(%q) = %v, %v", s.Citation(UK), got, err)
		}
	}
	for _, b := range Bases() {
		if got, err := ParseBasis(b.Citation(UK)); err != nil || got != b {
			t.Errorf("ParseBasis(%q) = %v, %v", b.Citation(UK), got, err)
		}
	}
}

// AllowsSolelyAutomatedDecision reads the date: recognised legitimate
// interests never (UK GDPR Art 22B(4)); a basis that does not exist on the
// day, never; the other bases, yes.
func TestAllowsSolelyAutomatedDecisionAt(t *testing.T) {
	t.Parallel()
	before, after := time.Date(2026, 2, 4, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		b    Basis
		r    Regime
		at   time.Time
		want bool
	}{
		{Contract, UK, before, true},
		{Contract, EU, after, true},
		{RecognisedLegitimateInterests, UK, after, false},
		{RecognisedLegitimateInterests, UK, before, false},
		{RecognisedLegitimateInterests, EU, after, false},
		{LegitimateInterests, UK, after, true},
	} {
		if got := tt.b.AllowsSolelyAutomatedDecision(tt.r, tt.at); got != tt.want {
			t.Errorf("%v.AllowsSolelyAutomatedDecision(%v, %s) = %v, want %v", tt.b, tt.r, tt.at.Format(time.DateOnly), got, tt.want)
		}
	}
}

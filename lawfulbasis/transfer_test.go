package lawfulbasis

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/parse"
)

func TestPrivacyShield(t *testing.T) {
	// CJEU C-311/18 (Schrems II), 16 July 2020: Decision (EU) 2016/1250 invalid.
	for _, r := range Regimes() {
		for _, at := range []time.Time{date(2020, 7, 16), date(2020, 8, 1), date(2021, 1, 1), date(2026, 11, 23), date(2040, 1, 1)} {
			if PrivacyShield.Available(r, at) {
				t.Errorf("PrivacyShield available under %v on %s", r, at.Format(time.DateOnly))
			}
			if SwissUSPrivacyShield.Available(r, at) {
				t.Errorf("SwissUSPrivacyShield available under %v on %s", r, at.Format(time.DateOnly))
			}
		}
		if !PrivacyShield.Available(r, date(2019, 6, 1)) {
			t.Errorf("PrivacyShield not available under %v on 2019-06-01", r)
		}
	}
	err := PrivacyShield.CheckAvailable(UK, date(2020, 8, 1))
	if err == nil || !strings.Contains(err.Error(), "16 July 2020") || !strings.Contains(err.Error(), "C-311/18") {
		t.Errorf("CheckAvailable = %v, want the date and the case", err)
	}
	if err := SwissUSPrivacyShield.CheckAvailable(EU, date(2019, 1, 1)); err == nil || !strings.Contains(err.Error(), "Swiss") {
		t.Errorf("SwissUSPrivacyShield.CheckAvailable = %v", err)
	}
}

func TestMechanisms(t *testing.T) {
	tests := []struct {
		m              Mechanism
		uk, eu         bool // available on 2026-11-23
		safeguard, der bool
		test           bool // needs the data protection test under the UK on 2026-11-23
	}{
		// UK GDPR Art 45A (DUAA s85); GDPR Art 45(3).
		{Adequacy, true, true, false, false, false},
		// SI 2023/1028 (UK Extension); Decision (EU) 2023/1795.
		{DataPrivacyFramework, true, true, false, false, false},
		// Decision (EU) 2021/914: EU only; the UK uses the Addendum.
		{SCC, false, true, true, false, false},
		{LegacySCC, false, false, true, false, false},
		// DPA 2018 s119A documents, in force 21 March 2022; Art 46(1A) test.
		{IDTA, true, false, true, false, true},
		{UKAddendum, true, false, true, false, true},
		{BCR, true, true, true, false, true},
		{CodeOfConduct, true, true, true, false, true},
		{Certification, true, true, true, false, true},
		{PublicBodyInstrument, true, true, true, false, true},
		{AdministrativeArrangement, true, true, true, false, true},
		// Art 49(1)(a)-(g) and the second subparagraph.
		{DerogationConsent, true, true, false, true, false},
		{DerogationContract, true, true, false, true, false},
		{DerogationContractInInterest, true, true, false, true, false},
		{DerogationPublicInterest, true, true, false, true, false},
		{DerogationLegalClaims, true, true, false, true, false},
		{DerogationVitalInterests, true, true, false, true, false},
		{DerogationPublicRegister, true, true, false, true, false},
		{DerogationCompellingInterests, true, true, false, true, false},
		{PrivacyShield, false, false, false, false, false},
		{SwissUSPrivacyShield, false, false, false, false, false},
	}
	if len(Mechanisms()) != len(tests) {
		t.Fatalf("len(Mechanisms()) = %d, want %d", len(Mechanisms()), len(tests))
	}
	at := date(2026, 11, 23)
	for _, tt := range tests {
		if got := tt.m.Available(UK, at); got != tt.uk {
			t.Errorf("%v.Available(UK) = %v, want %v", tt.m, got, tt.uk)
		}
		if got := tt.m.Available(EU, at); got != tt.eu {
			t.Errorf("%v.Available(EU) = %v, want %v", tt.m, got, tt.eu)
		}
		if tt.m.IsSafeguard() != tt.safeguard || tt.m.IsDerogation() != tt.der {
			t.Errorf("%v kind wrong", tt.m)
		}
		if got := tt.m.NeedsDataProtectionTest(UK, at); got != tt.test {
			t.Errorf("%v.NeedsDataProtectionTest(UK) = %v, want %v", tt.m, got, tt.test)
		}
		if tt.m.NeedsDataProtectionTest(EU, at) || tt.m.NeedsDataProtectionTest(UK, date(2026, 2, 4)) {
			t.Errorf("%v needs the data protection test outside the UK regime from 5 February 2026", tt.m)
		}
	}
	if !DerogationCompellingInterests.NeedsDocumentedSafeguards() || DerogationConsent.NeedsDocumentedSafeguards() {
		t.Error("Art 30(1)(e) documentation applies to the Art 49(1) second subparagraph only")
	}
	if DataPrivacyFramework.Available(EU, date(2023, 7, 9)) || !DataPrivacyFramework.Available(EU, date(2023, 7, 10)) {
		t.Error("EU DPF dates wrong (Decision (EU) 2023/1795 of 10 July 2023)")
	}
	if DataPrivacyFramework.Available(UK, date(2023, 10, 11)) || !DataPrivacyFramework.Available(UK, date(2023, 10, 12)) {
		t.Error("UK Extension dates wrong (SI 2023/1028, from 12 October 2023)")
	}
	for in, want := range map[string]Mechanism{
		"46(2)(b)": BCR, "Article 46(2)(e)": CodeOfConduct, "49(1)(a)": DerogationConsent,
		"Art 49(1)(g)": DerogationPublicRegister, "IDTA": IDTA, "UK Addendum": UKAddendum,
		"standard contractual clauses": SCC, "Privacy Shield": PrivacyShield, "dpf": DataPrivacyFramework,
		"adequacy decision": Adequacy, "45A": Adequacy, "eu-gdpr:A46-2-c": SCC,
		// A citation's provision alone, where only one mechanism cites it.
		"46(2)(c)": SCC, "GDPR Art 46(2)(c)": SCC, "Art 46(5)": LegacySCC,
	} {
		if got, err := ParseMechanism(in); err != nil || got != want {
			t.Errorf("ParseMechanism(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	// UK GDPR Art 46(2)(d) is cited by the IDTA and the UK Addendum
	// alike (both issued under DPA 2018 s119A): it names neither alone.
	_, err := ParseMechanism("UK GDPR Art 46(2)(d)")
	var pe *parse.Error
	if !errors.As(err, &pe) || !pe.Ambiguous || !errors.Is(err, ErrUnknown) ||
		err.Error() != `transfer mechanism "UK GDPR Art 46(2)(d)" is cited by more than one transfer mechanism; write one of: idta, uk-addendum` {
		t.Errorf("ParseMechanism(46(2)(d)) error = %v; want an ambiguity naming idta and uk-addendum", err)
	}
	if got := len(MechanismsFor(UK, at)); got == 0 || got >= len(Mechanisms()) {
		t.Errorf("MechanismsFor(UK) has %d values", got)
	}
}

func TestApprovals(t *testing.T) {
	l := DefaultApprovals()
	tests := []struct {
		r       Regime
		country string
		at      time.Time
		want    bool
	}{
		// DPA 2018 Sch 21 para 5 (UK): EEA, Gibraltar and pre-2021 EU decisions.
		{UK, "FR", date(2026, 11, 23), true},
		{UK, "no", date(2026, 11, 23), true},
		{UK, "GI", date(2026, 11, 23), true},
		{UK, "JP", date(2026, 11, 23), true},
		{UK, "CA", date(2026, 11, 23), true},
		// SI 2022/1213: Korea from 19 December 2022.
		{UK, "KR", date(2022, 12, 18), false},
		{UK, "KR", date(2022, 12, 19), true},
		// SI 2023/1028: US (UK Extension) from 12 October 2023.
		{UK, "US", date(2023, 10, 12), true},
		{UK, "US", date(2023, 10, 11), false},
		// Later EU decisions are not UK approvals (law note section 7.4).
		{UK, "BR", date(2026, 11, 23), false},
		{UK, "EPO", date(2026, 11, 23), false},
		{UK, "IN", date(2026, 11, 23), false},
		// EU list (law note section 8).
		{EU, "BR", date(2026, 1, 25), false},
		{EU, "BR", date(2026, 1, 26), true},
		{EU, "EPO", date(2025, 7, 15), true},
		{EU, "GB", date(2026, 11, 23), true},
		{EU, "KR", date(2026, 11, 23), true},
		{EU, "US", date(2026, 11, 23), true},
		{EU, "US", date(2021, 1, 1), false}, // between Privacy Shield and the DPF
		{EU, "US", date(2019, 1, 1), true},  // Privacy Shield
		{EU, "CN", date(2026, 11, 23), false},
		// UK before 2021: the EU list applied.
		{UK, "US", date(2019, 6, 1), true},
		{UK, "KR", date(2020, 6, 1), false},
	}
	for _, tt := range tests {
		_, got := l.Lookup(tt.r, tt.country, tt.at)
		if got != tt.want {
			t.Errorf("Lookup(%v, %s, %s) = %v, want %v", tt.r, tt.country, tt.at.Format(time.DateOnly), got, tt.want)
		}
	}
	us, _ := l.Lookup(UK, "US", date(2026, 11, 23))
	if !us.Certified || !strings.Contains(us.Instrument, "2023/1028") {
		t.Errorf("UK US entry = %+v", us)
	}
	off := l.WithoutDPF()
	if _, ok := off.Lookup(UK, "US", date(2026, 11, 23)); ok {
		t.Error("WithoutDPF kept the UK Extension")
	}
	if _, ok := off.Lookup(EU, "US", date(2026, 11, 23)); ok {
		t.Error("WithoutDPF kept the EU DPF")
	}
	if _, ok := off.Lookup(EU, "US", date(2019, 1, 1)); !ok {
		t.Error("WithoutDPF dropped the historical Privacy Shield entry")
	}
	if _, ok := l.Lookup(UK, "US", date(2026, 11, 23)); !ok {
		t.Error("WithoutDPF changed the original list")
	}
	n := 0
	for _, a := range l {
		if a.Regime == UK && a.Instrument == sch21 {
			n++
		}
	}
	if n != 30+2+12 {
		t.Errorf("UK Sch 21 entries = %d, want 44 (30 EEA, Gibraltar, EU bodies, 12 countries)", n)
	}
}

func TestThirdCountry(t *testing.T) {
	tests := []struct {
		r       Regime
		country string
		at      time.Time
		want    bool
	}{
		{EU, "FR", date(2026, 11, 23), false},
		{EU, "NO", date(2026, 11, 23), false},
		{EU, "GB", date(2026, 11, 23), true},
		{EU, "GB", date(2020, 6, 1), false},
		{UK, "GB", date(2026, 11, 23), false},
		{UK, "FR", date(2026, 11, 23), true},
		{UK, "FR", date(2020, 6, 1), false},
		{UK, "US", date(2026, 11, 23), true},
	}
	for _, tt := range tests {
		if got := ThirdCountry(tt.r, tt.country, tt.at); got != tt.want {
			t.Errorf("ThirdCountry(%v, %s, %s) = %v, want %v", tt.r, tt.country, tt.at.Format(time.DateOnly), got, tt.want)
		}
	}
	if len(eea) != 30 {
		t.Errorf("EEA has %d states, want 30", len(eea))
	}
}

// The EU's 2021 decision for the United Kingdom excludes transfers for UK
// immigration control (Decision (EU) 2021/1772, Art 1(2) and recital 6);
// whether the December 2025 renewal keeps the exclusion is unconfirmed
// (law note section 8), so it stays as data marked Unconfirmed.
func TestApprovalsUKImmigrationExclusion(t *testing.T) {
	l := DefaultApprovals()
	tests := []struct {
		name       string
		at         time.Time
		instrument string // a substring of the instrument
		excludes   bool
		conf       Confidence
	}{
		// TCA Art FINPROV.10A bridge: no exclusion.
		{"bridge", date(2021, 3, 1), "FINPROV.10A", false, 0},
		{"2021 decision, first day", date(2021, 6, 28), "2021/1772", true, Corroborated},
		// Technical extension to 27 December 2025.
		{"2021 decision, last day", date(2025, 12, 26), "2021/1772", true, Corroborated},
		{"renewal, first day", date(2025, 12, 27), "19 December 2025", true, Unconfirmed},
		{"renewal, law as of", date(2026, 11, 23), "19 December 2025", true, Unconfirmed},
	}
	for _, tt := range tests {
		a, ok := l.Lookup(EU, "GB", tt.at)
		if !ok {
			t.Errorf("%s: GB not approved", tt.name)
			continue
		}
		if !strings.Contains(a.Instrument, tt.instrument) {
			t.Errorf("%s: instrument %q lacks %q", tt.name, a.Instrument, tt.instrument)
		}
		if got := strings.Contains(a.Excludes, "immigration control"); got != tt.excludes {
			t.Errorf("%s: Excludes = %q", tt.name, a.Excludes)
		}
		if a.ExcludesConfidence != tt.conf {
			t.Errorf("%s: ExcludesConfidence = %v, want %v", tt.name, a.ExcludesConfidence, tt.conf)
		}
	}
	// Valid until 27 December 2031 (law note section 8).
	if _, ok := l.Lookup(EU, "GB", date(2031, 12, 27)); ok {
		t.Error("GB approved on 27 December 2031")
	}
	// A caller who has read the renewal can drop the unconfirmed exclusion;
	// the built-in list keeps it.
	cleared := l.Edit(func(a *Approval) {
		if a.ExcludesConfidence == Unconfirmed {
			a.Excludes, a.ExcludesConfidence = "", 0
		}
	})
	if a, _ := cleared.Lookup(EU, "GB", date(2026, 11, 23)); a.Excludes != "" {
		t.Errorf("Edit kept the exclusion: %q", a.Excludes)
	}
	if a, _ := cleared.Lookup(EU, "GB", date(2022, 1, 1)); a.Excludes == "" {
		t.Error("Edit dropped the 2021 decision's exclusion")
	}
	if a, _ := l.Lookup(EU, "GB", date(2026, 11, 23)); a.Excludes == "" {
		t.Error("Edit changed the original list")
	}
	for _, a := range l {
		if (a.Excludes == "") != (a.ExcludesConfidence == 0) {
			t.Errorf("%s %s: Excludes %q with confidence %v", a.Regime, a.Country, a.Excludes, a.ExcludesConfidence)
		}
	}
}

func TestApprovalsInstruments(t *testing.T) {
	l := DefaultApprovals()
	for _, tt := range []struct {
		r       Regime
		country string
		at      time.Time
		want    string
	}{
		// Commission Implementing Decision (EU) 2026/179 of 26 January 2026
		// (europalov.no id-34841; law note section 8).
		{EU, "BR", date(2026, 1, 26), "(EU) 2026/179 of 26 January 2026"},
		// Commission Implementing Decision (EU) 2023/1795 of 10 July 2023.
		{EU, "US", date(2023, 7, 10), "(EU) 2023/1795 of 10 July 2023"},
		// SI 2023/1028, in force 12 October 2023 (reg 1(2)).
		{UK, "US", date(2023, 10, 12), "SI 2023/1028"},
	} {
		a, ok := l.Lookup(tt.r, tt.country, tt.at)
		if !ok || !strings.Contains(a.Instrument, tt.want) {
			t.Errorf("Lookup(%v, %s, %s) = %q, %v; want an instrument with %q", tt.r, tt.country, tt.at.Format(time.DateOnly), a.Instrument, ok, tt.want)
		}
	}
}

// Every approval for the United States covers only certified recipients:
// Privacy Shield (Decision (EU) 2016/1250), the DPF (Decision (EU) 2023/1795,
// Art 1: the Data Privacy Framework List) and its UK Extension (SI 2023/1028
// reg 3(2)(a)).
func TestApprovalsUSCertifiedOnly(t *testing.T) {
	n := 0
	for _, a := range DefaultApprovals() {
		if a.Country != "US" {
			if a.Certified {
				t.Errorf("%v %s: Certified outside the United States", a.Regime, a.Country)
			}
			continue
		}
		n++
		if !a.Certified || !strings.Contains(a.Scope, "only") || !strings.Contains(a.Scope, "certified") {
			t.Errorf("%v %s (%s): Certified %v, Scope %q", a.Regime, a.Country, a.Instrument, a.Certified, a.Scope)
		}
	}
	if n != 3 {
		t.Errorf("%d US entries, want 3 (Privacy Shield, DPF, UK Extension)", n)
	}
}

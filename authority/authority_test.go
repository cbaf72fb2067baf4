package authority_test

import (
	"net/mail"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/lawfulbasis"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The 27 EU member states with Iceland, Liechtenstein and Norway (the EEA),
// and the UK regulator.
func TestAll(t *testing.T) {
	all := authority.All(lawfulbasis.LawAsOf)
	if len(all) != 31 {
		t.Fatalf("All() has %d authorities, want 31 (30 EEA and the UK)", len(all))
	}
	var codes []string
	for _, a := range all {
		codes = append(codes, a.Code)
	}
	if !slices.IsSorted(codes) || len(slices.Compact(slices.Clone(codes))) != len(codes) {
		t.Errorf("codes not sorted or not unique: %v", codes)
	}
	for _, a := range all {
		if a.Code != strings.ToLower(a.Code) || len(a.Code) != 2 {
			t.Errorf("%s: code is not two lower-case letters", a.Code)
		}
		if a.Code == "uk" {
			if a.Regime != lawfulbasis.UK {
				t.Errorf("uk: regime %v", a.Regime)
			}
			continue
		}
		// ISO 3166-1 alpha-2 code of an EEA state (lawfulbasis.IsEEA).
		if !lawfulbasis.IsEEA(strings.ToUpper(a.Code)) {
			t.Errorf("%s: not an EEA state", a.Code)
		}
		if a.Regime != lawfulbasis.EU {
			t.Errorf("%s: regime %v, want eu", a.Code, a.Regime)
		}
	}
	// All returns a copy.
	all[0].Name = "changed"
	if authority.All(lawfulbasis.LawAsOf)[0].Name == "changed" {
		t.Error("All shares its slice")
	}
}

// Every entry: a name, a country, an https website and a source; any e-mail
// address parses; an entry whose contact details could not be confirmed
// gives none (package documentation, "Sources and confidence").
func TestDetails(t *testing.T) {
	for _, a := range authority.All(lawfulbasis.LawAsOf) {
		if a.Name == "" || a.Country == "" || a.Source == "" {
			t.Errorf("%s: name %q, country %q, source %q", a.Code, a.Name, a.Country, a.Source)
		}
		if !strings.HasPrefix(a.Website, "https://") || strings.ContainsAny(a.Website, " ") {
			t.Errorf("%s: website %q", a.Code, a.Website)
		}
		if a.Email != "" {
			if _, err := mail.ParseAddress(a.Email); err != nil {
				t.Errorf("%s: e-mail %q: %v", a.Code, a.Email, err)
			}
		}
		if a.Phone != "" && a.Code != "uk" && !strings.HasPrefix(a.Phone, "+") {
			t.Errorf("%s: phone %q not in international form", a.Code, a.Phone)
		}
		if a.LocalName == a.Name {
			t.Errorf("%s: LocalName repeats Name", a.Code)
		}
		switch a.Confidence {
		case lawfulbasis.Confirmed, lawfulbasis.Corroborated:
			if a.Address == "" {
				t.Errorf("%s: %v but no address", a.Code, a.Confidence)
			}
		case lawfulbasis.Unconfirmed:
			if a.Address != "" || a.Email != "" || a.Phone != "" {
				t.Errorf("%s: unconfirmed entry gives contact details", a.Code)
			}
		default:
			t.Errorf("%s: confidence %v", a.Code, a.Confidence)
		}
	}
}

func TestRequiredAuthorities(t *testing.T) {
	for _, tc := range []struct {
		code string
		want authority.Authority
	}{
		// Data Protection Commission: its own data protection statement,
		// https://dataprotection.ie/en/about-our-site/data-protection-statement.
		{"ie", authority.Authority{Code: "ie", Country: "Ireland", Name: "Data Protection Commission", Short: "DPC",
			Address: "21 Fitzwilliam Square South, Dublin 2, D02 RD28", Website: "https://www.dataprotection.ie",
			Source: "https://dataprotection.ie/en/about-our-site/data-protection-statement", Confidence: lawfulbasis.Confirmed, Regime: lawfulbasis.EU}},
		// CNIL: dpo-partage.fr and the datenanfragen directory agree.
		{"fr", authority.Authority{Code: "fr", Country: "France", Name: "National Commission on Informatics and Liberty",
			LocalName: "Commission nationale de l'informatique et des libertés", Short: "CNIL",
			Address: "3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", Website: "https://www.cnil.fr",
			Source:     "https://www.dpo-partage.fr/comment-joindre-la-cnil/; datenanfragen/data supervisory-authorities/frcnil.json (citing https://www.cnil.fr/fr/contacter-la-cnil-standard-et-permanences-telephoniques)",
			Confidence: lawfulbasis.Corroborated, Regime: lawfulbasis.EU}},
	} {
		got, ok := authority.Lookup(tc.code, lawfulbasis.LawAsOf)
		if !ok {
			t.Fatalf("Lookup(%q) not found", tc.code)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Lookup(%q) mismatch (-want +got):\n%s", tc.code, diff)
		}
	}
	// Germany: the federal authority, BfDI (its privacy statement).
	if de, _ := authority.Lookup("de", lawfulbasis.LawAsOf); de.Short != "BfDI" || de.Address != "Graurheindorfer Str. 153, 53117 Bonn" {
		t.Errorf("de = %+v", de)
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // code; "" for not found
	}{
		{"ie", "ie"},
		{" IE ", "ie"},
		{"Ireland", "ie"},
		{"DPC", "ie"},
		{"dpc", "ie"},
		{"Data Protection Commission", "ie"},
		{"CNIL", "fr"},
		{"France", "fr"},
		{"commission nationale de l'informatique et des libertés", "fr"},
		{"COMMISSION NATIONALE DE L’INFORMATIQUE ET DES LIBERTÉS", "fr"},
		{"de", "de"},
		{"Germany", "de"},
		{"BfDI", "de"},
		{"gr", "gr"},
		{"AEPD", "es"},
		{"Österreichische Datenschutzbehörde", "at"},
		{"Persónuvernd", "is"},
		{"APD/GBA", "be"},
		{"apd gba", "be"},
		// The UK regulator.
		{"uk", "uk"},
		{"UK", "uk"},
		{"GB", "uk"},
		{"United Kingdom", "uk"},
		{"Great Britain", "uk"},
		{"ICO", "uk"},
		{"Information Commissioner's Office", "uk"},
		{"Information Commissioner", "uk"},
		{"Information Commission", "uk"},
		// Shared names find neither: Denmark's and Norway's Datatilsynet,
		// Luxembourg's and Portugal's CNPD, whose English names are the same
		// too.
		{"Datatilsynet", ""},
		{"CNPD", ""},
		{"National Data Protection Commission", ""},
		{"dk", "dk"},
		{"no", "no"},
		{"lu", "lu"},
		{"pt", "pt"},
		// Not listed: German Länder, non-EEA states, nonsense.
		{"Bavaria", ""},
		{"us", ""},
		{"ch", ""},
		{"", ""},
		{"   ", ""},
		{"x", ""},
	} {
		got, ok := authority.Lookup(tc.in, lawfulbasis.LawAsOf)
		if ok != (tc.want != "") || got.Code != tc.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.in, got.Code, ok, tc.want)
		}
	}
	// Every authority is found by its code, its country and, unless another
	// authority has the same English name, its name.
	for _, a := range authority.All(lawfulbasis.LawAsOf) {
		names := []string{a.Code, strings.ToUpper(a.Code), a.Country}
		if a.Name != "National Data Protection Commission" {
			names = append(names, a.Name)
		}
		for _, s := range names {
			if got, ok := authority.Lookup(s, lawfulbasis.LawAsOf); !ok || got.Code != a.Code {
				t.Errorf("Lookup(%q) = %q, %v; want %q", s, got.Code, ok, a.Code)
			}
		}
	}
}

// The statutory name changes when DUAA s119 is fully in force (SI 2026/386
// reg 1(2) and Sch 2); the day is UNCONFIRMED (30 September 2026 per one
// secondary report of SI 2026/1015), so it is CommissionFrom or an option.
func TestUK(t *testing.T) {
	for _, tc := range []struct {
		name   string
		at     time.Time
		opts   []authority.Option
		want   string
		regime lawfulbasis.Regime
	}{
		// Before 1 January 2021 the GDPR applied in the UK and the
		// Information Commissioner was the UK's supervisory authority under
		// it (lawfulbasis.UKGDPRStart).
		{"GDPR in the UK", day(2020, time.December, 31), nil, authority.Commissioner, lawfulbasis.EU},
		{"UK GDPR", day(2021, time.January, 1), nil, authority.Commissioner, lawfulbasis.UK},
		{"day before the Commission", day(2026, time.September, 29), nil, authority.Commissioner, lawfulbasis.UK},
		{"first day of the Commission", day(2026, time.September, 30), nil, authority.Commission, lawfulbasis.UK},
		{"law as of", lawfulbasis.LawAsOf, nil, authority.Commission, lawfulbasis.UK},
		// Calendar day in the value's own location: 30 September at 00:30 in
		// London (BST) is 29 September in UTC.
		{"local calendar day", time.Date(2026, time.September, 30, 0, 30, 0, 0, time.FixedZone("BST", 3600)), nil, authority.Commission, lawfulbasis.UK},
		// The caller's own date.
		{"CommissionOn, before", lawfulbasis.LawAsOf, []authority.Option{authority.CommissionOn(day(2027, time.January, 1))}, authority.Commissioner, lawfulbasis.UK},
		{"CommissionOn, on", day(2027, time.January, 1), []authority.Option{authority.CommissionOn(day(2027, time.January, 1))}, authority.Commission, lawfulbasis.UK},
		// Not yet, whatever the date.
		{"CommissionNotYet", day(2030, time.January, 1), []authority.Option{authority.CommissionNotYet()}, authority.Commissioner, lawfulbasis.UK},
		// Later options win; nil options are ignored.
		{"not yet, then a date", lawfulbasis.LawAsOf, []authority.Option{authority.CommissionNotYet(), nil, authority.CommissionOn(day(2026, time.October, 1))}, authority.Commission, lawfulbasis.UK},
		{"a date, then not yet", lawfulbasis.LawAsOf, []authority.Option{authority.CommissionOn(day(2026, time.October, 1)), authority.CommissionNotYet()}, authority.Commissioner, lawfulbasis.UK},
		// A zero date is no date.
		{"CommissionOn zero", lawfulbasis.LawAsOf, []authority.Option{authority.CommissionOn(time.Time{})}, authority.Commissioner, lawfulbasis.UK},
	} {
		got := authority.UK(tc.at, tc.opts...)
		if got.Name != tc.want || got.Regime != tc.regime {
			t.Errorf("%s: UK(%s) = %q, %v; want %q, %v", tc.name, tc.at, got.Name, got.Regime, tc.want, tc.regime)
		}
		// The public short name and website stay (UNCONFIRMED that the brand
		// stays; data a caller may replace), and so do the contact details.
		want := authority.Authority{Code: "uk", Country: "United Kingdom", Name: got.Name, Short: "ICO",
			Address: "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF", Website: "https://ico.org.uk",
			Phone: "0303 123 1113", Complaints: "https://ico.org.uk/make-a-complaint/",
			Source: got.Source, Confidence: lawfulbasis.Corroborated, Regime: got.Regime}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tc.name, diff)
		}
	}
	// Lookup and All give the regulator as at LawAsOf.
	if got, _ := authority.Lookup("uk", lawfulbasis.LawAsOf); got != authority.UK(lawfulbasis.LawAsOf) {
		t.Errorf("Lookup(uk) = %+v", got)
	}
}

// CommissionFrom is a variable a program can correct.
func TestCommissionFromSwitch(t *testing.T) {
	saved := authority.CommissionFrom
	t.Cleanup(func() { authority.CommissionFrom = saved })
	authority.CommissionFrom = day(2027, time.March, 1)
	if got := authority.UK(lawfulbasis.LawAsOf).Name; got != authority.Commissioner {
		t.Errorf("with CommissionFrom 1 March 2027, UK(LawAsOf).Name = %q", got)
	}
	if got, _ := authority.Lookup("ICO", lawfulbasis.LawAsOf); got.Name != authority.Commissioner {
		t.Errorf("Lookup(ICO).Name = %q", got.Name)
	}
	if got := authority.UK(day(2027, time.March, 1)).Name; got != authority.Commission {
		t.Errorf("UK(1 March 2027).Name = %q", got)
	}
}

// TestKnown: Known agrees with Lookup on every day, as its answer does
// not depend on the day.
func TestKnown(t *testing.T) {
	for _, s := range []string{"uk", "ICO", "Information Commission", "ie", "CNIL", "Datatilsynet", "xx", ""} {
		_, ok := authority.Lookup(s, lawfulbasis.LawAsOf)
		if got := authority.Known(s); got != ok {
			t.Errorf("Known(%q) = %v, Lookup found %v", s, got, ok)
		}
	}
}

// TestCodes: Codes lists the code of every authority All gives, in order.
func TestCodes(t *testing.T) {
	var want []string
	for _, a := range authority.All(lawfulbasis.LawAsOf) {
		want = append(want, a.Code)
	}
	if diff := cmp.Diff(want, authority.Codes()); diff != "" {
		t.Errorf("Codes() (-All +Codes):\n%s", diff)
	}
}

package retention_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/parse"
	"github.com/article30/article30/retention"
)

// canonical rules: Parse then String must give them back unchanged.
var canonical = []string{
	"P6Y from termination-of-employment",
	"P12M from collection then anonymise",
	"P1Y from end-of-recruitment unless sponsored-visa: P7Y",
	"until end-of-contract",
	"indefinite then review",
	"P5Y from collection aligned 03-31",
	"P6Y from appointment unless sponsored-visa: P7Y source guidance: Home Office sponsor guidance",
	"P6Y from end-of-financial-year then delete source statute: Limitation Act 1980 s5",
	"P1Y6M",
	"P30D from last-contact",
	"P1Y2M3D from end-of-school-year aligned 08-31 then review unless legal-claim: P6Y unless sponsored-visa: P7Y source policy: HR retention policy v2: section 4",
	"until end-of-contract then anonymise source contract",
	"indefinite source policy: Archive policy",
	"P3M aligned 02-29",
	"until x",
}

func TestParseRoundTrip(t *testing.T) {
	for _, s := range canonical {
		r, err := retention.Parse(s)
		if err != nil {
			t.Errorf("Parse(%q): %v", s, err)
			continue
		}
		if got := r.String(); got != s {
			t.Errorf("Parse(%q).String() = %q", s, got)
		}
		if err := r.Validate(); err != nil {
			t.Errorf("Parse(%q).Validate() = %v", s, err)
		}
		again, err := retention.Parse(r.String())
		if err != nil || !reflect.DeepEqual(again, r) {
			t.Errorf("Parse(String()) of %q = %#v, %v; want %#v", s, again, err, r)
		}
	}
}

func TestParseNormalises(t *testing.T) {
	tests := []struct{ in, want string }{
		{"p6y  FROM Termination-Of-Employment", "P6Y from termination-of-employment"},
		{"\tP12M\tfrom\tcollection\tTHEN\tAnonymize\t", "P12M from collection then anonymise"},
		{"P1Y from end-of-recruitment unless sponsored-visa:P7Y", "P1Y from end-of-recruitment unless sponsored-visa: P7Y"},
		{"P1Y from end-of-recruitment unless sponsored-visa : P7Y", "P1Y from end-of-recruitment unless sponsored-visa: P7Y"},
		{"P2W from last-contact", "P14D from last-contact"},
		{"P1Y2W3D", "P1Y17D"},
		{"P0Y6M", "P6M"},
		{"P006Y", "P6Y"},
		{"Until End-Of-Contract", "until end-of-contract"},
		{"INDEFINITE Then REVIEW", "indefinite then review"},
		{"P5Y Aligned 03-31", "P5Y aligned 03-31"},
		{"P6Y SOURCE Statute:   Limitation Act 1980 s5  \n", "P6Y source statute: Limitation Act 1980 s5"},
		{"P6Y source guidance:a: b: c", "P6Y source guidance: a: b: c"},
		{"P6Y then delete", "P6Y then delete"},
		{"\n P6Y \n", "P6Y"},
	}
	for _, tt := range tests {
		r, err := retention.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := r.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseFields(t *testing.T) {
	tests := []struct {
		in   string
		want retention.Rule
	}{
		{"P6Y from termination-of-employment", retention.Rule{
			Period: retention.Period{Years: 6},
			From:   retention.TerminationOfEmployment,
		}},
		{"P12M from collection then anonymise", retention.Rule{
			Period: retention.Period{Months: 12},
			From:   retention.Collection,
			Action: retention.Anonymise,
		}},
		{"until end-of-contract", retention.Rule{Until: retention.EndOfContract}},
		{"indefinite then review", retention.Rule{Indefinite: true, Action: retention.Review}},
		{"P5Y from collection aligned 03-31", retention.Rule{
			Period:  retention.Period{Years: 5},
			From:    retention.Collection,
			YearEnd: retention.MonthDay{Month: time.March, Day: 31},
		}},
		{"P6Y from appointment unless sponsored-visa: P7Y source guidance: Home Office sponsor guidance", retention.Rule{
			Period:    retention.Period{Years: 6},
			From:      retention.Appointment,
			Overrides: []retention.Override{{Condition: "sponsored-visa", Period: retention.Period{Years: 7}}},
			Source:    retention.Source{Kind: retention.Guidance, Ref: "Home Office sponsor guidance"},
		}},
		{"P1Y6M then delete source statute", retention.Rule{
			Period: retention.Period{Years: 1, Months: 6},
			Action: retention.Delete,
			Source: retention.Source{Kind: retention.Statute},
		}},
	}
	for _, tt := range tests {
		got, err := retention.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string // exact SyntaxError.Msg
	}{
		{"", 0, `expected a period (such as "P6Y"), "until" or "indefinite", found end of input`},
		{"   ", 3, `expected a period (such as "P6Y"), "until" or "indefinite", found end of input`},
		{"P6X from collection", 2, `unknown unit "X" in period`},
		{"6Y from collection", 0, `expected a period (such as "P6Y"), "until" or "indefinite", found "6Y" (a period starts with "P", as in "P6Y")`},
		{"six years", 0, `expected a period (such as "P6Y"), "until" or "indefinite", found "six"`},
		{"P", 1, `expected a number after "P" in period (such as "P6Y")`},
		{"P6", 2, `expected a unit (Y, M, W or D) after "6" in period`},
		{"P0D", 0, `period P0D is zero; expected a period of at least one day, "until" or "indefinite"`},
		{"PT6H", 1, `time parts ("T") are not supported in period; expected years (Y), months (M), weeks (W) or days (D)`},
		{"P1.5Y", 2, `fractions are not supported in period`},
		{"P-1Y", 1, `expected a number in period, found "-"`},
		{"P1D2Y", 4, `unit "Y" out of order in period; expected Y, M, W and D in that order`},
		{"P1Y2Y", 4, `unit "Y" repeated in period`},
		{"P1000000Y", 1, `number 1000000 too large in period (maximum 999999)`},
		{"P142858W2D", 1, `period too long: weeks and days come to 1000008 days (maximum 999999)`},
		{"P6Y form collection", 4, `expected "from", "aligned", "then", "unless" or "source", found "form"`},
		{"P6Y from", 8, `expected a trigger after "from" (such as "collection"), found end of input`},
		{"P6Y from end_of_contract", 9, `invalid trigger "end_of_contract": expected lower-case letters and digits joined by single hyphens, such as "end-of-contract"`},
		{"P6Y from end--of-contract", 9, `invalid trigger "end--of-contract": expected lower-case letters and digits joined by single hyphens, such as "end-of-contract"`},
		{"until end-of-contract from collection", 22, `"from" cannot be used with "until", only with a period; expected "then" or "source", found "from"`},
		{"indefinite from collection", 11, `"from" cannot be used with "indefinite", only with a period; expected "then" or "source", found "from"`},
		{"indefinite unless legal-claim: P1Y", 11, `"unless" cannot be used with "indefinite", only with a period; expected "then" or "source", found "unless"`},
		{"until", 5, `expected a trigger after "until" (such as "end-of-contract"), found end of input`},
		{"P6Y then destroy", 9, `expected "delete", "anonymise" or "review" after "then", found "destroy"`},
		{"P6Y then delete from collection", 16, `expected "unless" or "source", found "from" (clauses come in the order from, aligned, then, unless, source)`},
		{"P6Y from collection from last-contact", 20, `"from" clause repeated; expected "aligned", "then", "unless" or "source", found "from"`},
		{"P6Y aligned 3-31", 12, `expected a month and day as MM-DD after "aligned" (such as "03-31"), found "3-31"`},
		{"P6Y aligned 13-01", 12, `month 13 out of range in "13-01"; expected 01 to 12`},
		{"P6Y aligned 04-31", 15, `day 31 out of range in "04-31"; April has 30 days`},
		{"P6Y aligned", 11, `expected a month and day as MM-DD after "aligned" (such as "03-31"), found end of input`},
		{"P1Y unless sponsored-visa P7Y", 26, `expected ":" after condition "sponsored-visa", found "P7Y"`},
		{"P1Y unless sponsored-visa:", 26, `expected a period (such as "P7Y") after "sponsored-visa:", found end of input`},
		{"P1Y unless sponsored-visa: P0M", 27, `period P0M for condition "sponsored-visa" is zero; expected a period of at least one day`},
		{"P1Y unless a: P2Y unless a: P3Y", 25, `duplicate condition "a"; each condition may have only one override`},
		{"P1Y unless : P2Y", 11, `expected a condition after "unless" (such as "sponsored-visa"), found ":"`},
		{"P6Y source law", 11, `expected "statute", "guidance", "policy" or "contract" after "source", found "law"`},
		{"P6Y source statute Limitation Act", 19, `expected ":" or end of input after source kind "statute", found "Limitation"`},
		{"P6Y source statute:   ", 22, `expected source text after ":", found end of input`},
		{": P6Y", 0, `expected a period (such as "P6Y"), "until" or "indefinite", found ":"`},
	}
	for _, tt := range tests {
		_, err := retention.Parse(tt.in)
		var se *retention.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) error = %v, want *SyntaxError", tt.in, err)
			continue
		}
		if se.Input != tt.in || se.Offset != tt.offset || se.Msg != tt.msg {
			t.Errorf("Parse(%q) error = {Offset: %d, Msg: %s}\n\twant {Offset: %d, Msg: %s}", tt.in, se.Offset, se.Msg, tt.offset, tt.msg)
		}
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	_, err := retention.Parse("P6X from collection")
	want := `retention: parsing "P6X from collection": at offset 2: unknown unit "X" in period`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestMustParse(t *testing.T) {
	if got := retention.MustParse("until end-of-contract").Until; got != retention.EndOfContract {
		t.Errorf("MustParse Until = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustParse of bad input did not panic")
		}
	}()
	retention.MustParse("P6X")
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in   string
		want retention.Period
		str  string
	}{
		{"P6Y", retention.Period{Years: 6}, "P6Y"},
		{"P12M", retention.Period{Months: 12}, "P12M"},
		{"P30D", retention.Period{Days: 30}, "P30D"},
		{"P1Y6M", retention.Period{Years: 1, Months: 6}, "P1Y6M"},
		{"P1W", retention.Period{Days: 7}, "P7D"},
		{"P0D", retention.Period{}, "P0D"},
		{"p1y2m3d", retention.Period{Years: 1, Months: 2, Days: 3}, "P1Y2M3D"},
	}
	for _, tt := range tests {
		got, err := retention.ParsePeriod(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParsePeriod(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
		if s := got.String(); s != tt.str {
			t.Errorf("ParsePeriod(%q).String() = %q, want %q", tt.in, s, tt.str)
		}
	}
	for _, bad := range []string{"", "6Y", "P", " P6Y", "P6Y ", "PT1M", "P1Y1Y", "-P1Y"} {
		if _, err := retention.ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) succeeded", bad)
		}
	}
}

func TestPeriodSentence(t *testing.T) {
	tests := []struct {
		p    retention.Period
		want string
	}{
		{retention.Period{Years: 6}, "6 years"},
		{retention.Period{Years: 1}, "1 year"},
		{retention.Period{Months: 12}, "12 months"},
		{retention.Period{Years: 1, Months: 6}, "1 year and 6 months"},
		{retention.Period{Days: 30}, "30 days"},
		{retention.Period{Days: 1}, "1 day"},
		{retention.Period{Years: 2, Months: 1, Days: 3}, "2 years, 1 month and 3 days"},
		{retention.Period{}, "0 days"},
	}
	for _, tt := range tests {
		if got := tt.p.Sentence(); got != tt.want {
			t.Errorf("%v.Sentence() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestPeriodCompare(t *testing.T) {
	tests := []struct {
		p, q string
		want int
	}{
		{"P1Y", "P12M", 0},
		{"P1Y", "P11M", 1},
		{"P6M", "P1Y", -1},
		{"P1M", "P28D", 0}, // both end on 28 February 2001
		{"P1M", "P30D", -1},
		{"P1Y", "P365D", 0},
		{"P7Y", "P6Y11M", 1},
	}
	for _, tt := range tests {
		p, q := mustPeriod(t, tt.p), mustPeriod(t, tt.q)
		if got := p.Compare(q); got != tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.p, tt.q, got, tt.want)
		}
		if got := q.Compare(p); got != -tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.q, tt.p, got, -tt.want)
		}
	}
}

func mustPeriod(t *testing.T, s string) retention.Period {
	t.Helper()
	p, err := retention.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestPeriodAddTo(t *testing.T) {
	tests := []struct {
		p        string
		from, to time.Time
	}{
		{"P1M", date(2026, time.January, 31), date(2026, time.February, 28)},
		{"P1M", date(2024, time.January, 31), date(2024, time.February, 29)},
		{"P1Y", date(2024, time.February, 29), date(2025, time.February, 28)},
		{"P4Y", date(2024, time.February, 29), date(2028, time.February, 29)},
		{"P1M1D", date(2026, time.January, 31), date(2026, time.March, 1)},
		{"P30D", date(2026, time.January, 31), date(2026, time.March, 2)},
		{"P11M", date(2026, time.March, 31), date(2027, time.February, 28)},
		{"P25M", date(2025, time.December, 15), date(2028, time.January, 15)},
		{"P6Y", date(2020, time.August, 31), date(2026, time.August, 31)},
	}
	for _, tt := range tests {
		if got := mustPeriod(t, tt.p).AddTo(tt.from); !got.Equal(tt.to) {
			t.Errorf("%s.AddTo(%s) = %s, want %s", tt.p, tt.from.Format(time.DateOnly), got.Format(time.DateOnly), tt.to.Format(time.DateOnly))
		}
	}
}

func TestAddToKeepsClockAndLocation(t *testing.T) {
	loc := time.FixedZone("UTC+2", 2*60*60)
	from := time.Date(2024, time.January, 31, 23, 30, 15, 7, loc)
	got := retention.Period{Months: 1, Days: 1}.AddTo(from)
	want := time.Date(2024, time.March, 1, 23, 30, 15, 7, loc)
	if !got.Equal(want) || got.Location() != loc {
		t.Errorf("AddTo = %s, want %s", got, want)
	}
}

func TestDue(t *testing.T) {
	tests := []struct {
		rule   string
		from   time.Time
		want   time.Time
		wantOK bool
	}{
		// Acceptance criterion.
		{"P6Y from termination-of-employment", date(2020, time.August, 31), date(2026, time.August, 31), true},
		{"P1M from collection", date(2026, time.January, 31), date(2026, time.February, 28), true},
		{"P1M from collection", date(2024, time.January, 31), date(2024, time.February, 29), true},
		{"P1Y from collection", date(2024, time.February, 29), date(2025, time.February, 28), true},
		{"P12M from collection then anonymise", date(2025, time.May, 17), date(2026, time.May, 17), true},
		{"P30D from last-contact", date(2025, time.December, 15), date(2026, time.January, 14), true},
		// Year-end alignment: a date on the year end stays, a later one moves on.
		{"P5Y from collection aligned 03-31", date(2020, time.March, 31), date(2025, time.March, 31), true},
		{"P5Y from collection aligned 03-31", date(2020, time.April, 1), date(2026, time.March, 31), true},
		{"P5Y from collection aligned 03-31", date(2020, time.January, 1), date(2025, time.March, 31), true},
		{"P6Y aligned 12-31", date(2019, time.December, 31), date(2025, time.December, 31), true},
		{"P6Y aligned 12-31", date(2020, time.January, 1), date(2026, time.December, 31), true},
		{"P1M aligned 03-31", date(2026, time.March, 1), date(2026, time.April, 30), true},
		// 29 February year end: 28 February in other years.
		{"P1Y aligned 02-29", date(2023, time.February, 28), date(2024, time.February, 28), true},
		{"P1Y aligned 02-29", date(2023, time.March, 1), date(2025, time.February, 28), true},
		{"P4Y aligned 02-29", date(2024, time.February, 29), date(2028, time.February, 29), true},
		// No fixed end.
		{"until end-of-contract", date(2020, time.January, 1), time.Time{}, false},
		{"indefinite then review", date(2020, time.January, 1), time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := retention.MustParse(tt.rule).Due(tt.from)
		if ok != tt.wantOK || !got.Equal(tt.want) {
			t.Errorf("%q.Due(%s) = %s, %t; want %s, %t", tt.rule, tt.from.Format(time.DateOnly),
				got.Format(time.DateOnly), ok, tt.want.Format(time.DateOnly), tt.wantOK)
		}
	}
}

func TestDueInvalid(t *testing.T) {
	for _, r := range []retention.Rule{
		{},
		{Period: retention.Period{Years: -1}},
		{Period: retention.Period{Years: 1}, From: "Bad Trigger"},
		{Period: retention.Period{Years: 1}, Until: retention.EndOfContract},
	} {
		if got, ok := r.Due(date(2020, time.January, 1)); ok || !got.IsZero() {
			t.Errorf("%#v.Due = %s, %t; want zero, false", r, got, ok)
		}
		if got, err := r.DueWith(date(2020, time.January, 1)); err == nil || !got.IsZero() {
			t.Errorf("%#v.DueWith = %s, %v; want zero, an error", r, got, err)
		}
	}
}

func TestDueKeepsClock(t *testing.T) {
	loc := time.FixedZone("EST", -5*60*60)
	from := time.Date(2020, time.April, 1, 9, 45, 0, 0, loc)
	got, _ := retention.MustParse("P1Y aligned 03-31").Due(from)
	want := time.Date(2022, time.March, 31, 9, 45, 0, 0, loc)
	if !got.Equal(want) || got.Location() != loc {
		t.Errorf("Due = %s, want %s", got, want)
	}
}

func TestDueWith(t *testing.T) {
	const rule = "P1Y from end-of-recruitment unless sponsored-visa: P7Y unless legal-claim: P6Y unless fast-track: P6M"
	from := date(2020, time.August, 31)
	tests := []struct {
		conditions []string
		want       time.Time
	}{
		{nil, date(2021, time.August, 31)},
		{[]string{}, date(2021, time.August, 31)},
		{[]string{"sponsored-visa"}, date(2027, time.August, 31)},
		{[]string{"legal-claim"}, date(2026, time.August, 31)},
		{[]string{"legal-claim", "sponsored-visa"}, date(2027, time.August, 31)},
		{[]string{"sponsored-visa", "legal-claim", "fast-track"}, date(2027, time.August, 31)},
		// An override replaces the period, even when it is shorter.
		{[]string{"fast-track"}, date(2021, time.February, 28)},
	}
	r := retention.MustParse(rule)
	for _, tt := range tests {
		got, err := r.DueWith(from, tt.conditions...)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("DueWith(%v) = %s, %v; want %s", tt.conditions, got.Format(time.DateOnly), err, tt.want.Format(time.DateOnly))
		}
	}
	// A condition the rule does not name is an error with a suggestion,
	// never the shorter base date.
	for c, suggest := range map[string]string{"sponsored_visa": "sponsored-visa", "Sponsored-Visa": "sponsored-visa", "unrelated": ""} {
		got, err := r.DueWith(from, c)
		pe, ok := errors.AsType[*parse.Error](err)
		if !ok || pe.Suggest != suggest || !got.IsZero() {
			t.Errorf("DueWith(%q) = %s, %v; want a *parse.Error suggesting %q", c, got, err, suggest)
		}
	}
	if due, _ := r.Due(from); !due.Equal(date(2021, time.August, 31)) {
		t.Errorf("Due ignores overrides: got %s", due.Format(time.DateOnly))
	}

	aligned := retention.MustParse("P5Y from collection aligned 03-31 unless legal-claim: P6Y")
	if got, err := aligned.DueWith(date(2020, time.April, 1), "legal-claim"); err != nil || !got.Equal(date(2027, time.March, 31)) {
		t.Errorf("aligned DueWith = %s, %v; want 2027-03-31", got.Format(time.DateOnly), err)
	}
	if _, err := retention.MustParse("until end-of-contract").DueWith(from); !errors.Is(err, retention.ErrNoFixedEnd) {
		t.Errorf("until rule DueWith = %v, want ErrNoFixedEnd", err)
	}
}

func TestDueAllocs(t *testing.T) {
	r := retention.MustParse("P5Y from collection aligned 03-31 unless sponsored-visa: P7Y unless legal-claim: P6Y")
	loc := time.FixedZone("X", 3600)
	from := time.Date(2021, time.June, 5, 10, 0, 0, 0, loc)
	if n := testing.AllocsPerRun(100, func() { r.Due(from) }); n != 0 {
		t.Errorf("Due allocates %v times", n)
	}
	conds := []string{"legal-claim"}
	if n := testing.AllocsPerRun(100, func() { r.DueWith(from, conds...) }); n != 0 {
		t.Errorf("DueWith allocates %v times", n)
	}
	bad := retention.Rule{Period: retention.Period{Years: 1}, From: "Not A Slug", Overrides: []retention.Override{{Condition: "x"}}}
	if n := testing.AllocsPerRun(100, func() { bad.Due(from) }); n != 0 {
		t.Errorf("Due of an invalid rule allocates %v times", n)
	}
}

func TestSentence(t *testing.T) {
	tests := []struct{ rule, want string }{
		{"P6Y from termination-of-employment", "for 6 years from the date your employment ends, then deleted"},
		{"P12M from collection then anonymise", "for 12 months from the date we collected it, then anonymised"},
		{"P1Y from end-of-recruitment unless sponsored-visa: P7Y", "for 1 year from the end of the recruitment process (7 years if the successful candidate holds a sponsored visa), then deleted"},
		{"until end-of-contract", "until the end of the contract, then deleted"},
		{"until end-of-contract then review", "until the end of the contract, then reviewed"},
		{"indefinite then review", "with no fixed end date, and reviewed regularly"},
		{"indefinite", "with no fixed end date"},
		{"indefinite then delete", "with no fixed end date"},
		{"P5Y from collection aligned 03-31", "for 5 years from the end of the year (ending 31 March) in which the date we collected it falls, then deleted"},
		{"P5Y aligned 03-31", "for 5 years from the end of the relevant year (ending 31 March), then deleted"},
		{"P6Y then review", "for 6 years, then reviewed"},
		{"P1Y6M from last-contact then delete", "for 1 year and 6 months from your last contact with us, then deleted"},
		{"P30D from end-of-school-year", "for 30 days from end of school year, then deleted"},
		{"P1D from appointment", "for 1 day from the date the successful candidate is appointed, then deleted"},
		{"P6Y from end-of-contract unless legal-claim: P10Y", "for 6 years from the end of the contract (10 years if there is a legal claim), then deleted"},
		{"P6Y from end-of-financial-year unless legal-claim: P10Y unless under-investigation: P8Y unless x: P7Y",
			"for 6 years from the end of the financial year (10 years if there is a legal claim, 8 years if under investigation or 7 years if x), then deleted"},
		{"P1Y unless a: P2Y unless b: P3Y", "for 1 year (2 years if a or 3 years if b), then deleted"},
		{"P6Y source statute: Limitation Act 1980 s5", "for 6 years, then deleted"},
	}
	for _, tt := range tests {
		if got := retention.MustParse(tt.rule).Sentence(); got != tt.want {
			t.Errorf("%q.Sentence()\n\t got %q\n\twant %q", tt.rule, got, tt.want)
		}
	}
	if got := (retention.Rule{}).Sentence(); got != "" {
		t.Errorf("zero Rule Sentence = %q, want empty", got)
	}
}

func TestValidate(t *testing.T) {
	p1 := retention.Period{Years: 1}
	tests := []struct {
		name string
		rule retention.Rule
		want string // substring of the error; "" for valid
	}{
		{"valid", retention.Rule{Period: p1, From: retention.Collection}, ""},
		{"custom trigger", retention.Rule{Period: p1, From: "end-of-school-year"}, ""},
		{"zero", retention.Rule{}, "no term"},
		{"period and until", retention.Rule{Period: p1, Until: retention.EndOfContract}, "only one of Period, Until and Indefinite"},
		{"until and indefinite", retention.Rule{Until: retention.EndOfContract, Indefinite: true}, "only one of Period, Until and Indefinite"},
		{"negative", retention.Rule{Period: retention.Period{Years: 1, Days: -1}}, "period P1Y-1D has a negative part"},
		{"too long", retention.Rule{Period: retention.Period{Days: 1000000}}, "above 999999"},
		{"bad from", retention.Rule{Period: p1, From: "End-Of-Contract"}, `From trigger "End-Of-Contract" is not a slug`},
		{"bad until", retention.Rule{Until: "end of contract"}, `Until trigger "end of contract" is not a slug`},
		{"from with until", retention.Rule{Until: retention.EndOfContract, From: retention.Collection}, "From needs a Period"},
		{"from with indefinite", retention.Rule{Indefinite: true, From: retention.Collection}, "From needs a Period"},
		{"bad year end", retention.Rule{Period: p1, YearEnd: retention.MonthDay{Month: time.April, Day: 31}}, "YearEnd month 4, day 31 is not a real day"},
		{"year end with until", retention.Rule{Until: "x", YearEnd: retention.MonthDay{Month: time.March, Day: 31}}, "YearEnd needs a Period"},
		{"bad action", retention.Rule{Period: p1, Action: 9}, "unknown Action(9)"},
		{"overrides with indefinite", retention.Rule{Indefinite: true, Overrides: []retention.Override{{"x", p1}}}, "Overrides need a Period"},
		{"bad condition", retention.Rule{Period: p1, Overrides: []retention.Override{{"-x", p1}}}, `override condition "-x" is not a slug`},
		{"duplicate condition", retention.Rule{Period: p1, Overrides: []retention.Override{{"x", p1}, {"y", p1}, {"x", p1}}}, `duplicate override condition "x"`},
		{"zero override", retention.Rule{Period: p1, Overrides: []retention.Override{{"x", retention.Period{}}}}, `override "x" has a zero period`},
		{"negative override", retention.Rule{Period: p1, Overrides: []retention.Override{{"x", retention.Period{Months: -1}}}}, `override "x" period P-1M has a negative part`},
		{"bad source kind", retention.Rule{Period: p1, Source: retention.Source{Kind: 7}}, "unknown SourceKind(7)"},
		{"ref without kind", retention.Rule{Period: p1, Source: retention.Source{Ref: "x"}}, "Source.Ref needs a Source.Kind"},
		{"ref with space", retention.Rule{Period: p1, Source: retention.Source{Kind: retention.Policy, Ref: " x"}}, "leading or trailing white space"},
	}
	for _, tt := range tests {
		err := tt.rule.Validate()
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: Validate() = %v, want nil", tt.name, err)
		case tt.want != "" && err == nil:
			t.Errorf("%s: Validate() = nil, want error containing %q", tt.name, tt.want)
		case tt.want != "" && !strings.Contains(err.Error(), tt.want):
			t.Errorf("%s: Validate() = %v, want error containing %q", tt.name, err, tt.want)
		case err != nil && !strings.HasPrefix(err.Error(), "retention: invalid rule: "):
			t.Errorf("%s: Validate() = %v, want prefix %q", tt.name, err, "retention: invalid rule: ")
		}
		if err != nil {
			if _, mErr := tt.rule.MarshalText(); mErr == nil && tt.name != "zero" {
				t.Errorf("%s: MarshalText succeeded for an invalid rule", tt.name)
			}
			if s := tt.rule.Sentence(); s != "" {
				t.Errorf("%s: Sentence() = %q for an invalid rule", tt.name, s)
			}
		}
	}
}

func TestStringBestEffort(t *testing.T) {
	tests := []struct {
		rule retention.Rule
		want string
	}{
		{retention.Rule{}, ""},
		{retention.Rule{From: retention.Collection}, "P0D from collection"},
		{retention.Rule{Period: retention.Period{Years: 1}, Until: "x", Indefinite: true}, "P1Y until x indefinite"},
		{retention.Rule{Indefinite: true, Source: retention.Source{Ref: "x"}}, "indefinite source : x"},
	}
	for _, tt := range tests {
		if got := tt.rule.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.rule, got, tt.want)
		}
	}
}

func TestMarshalText(t *testing.T) {
	r := retention.MustParse("P6Y from appointment unless sponsored-visa: P7Y source guidance: Home Office sponsor guidance")
	b, err := r.MarshalText()
	if err != nil || string(b) != r.String() {
		t.Fatalf("MarshalText = %q, %v", b, err)
	}
	var back retention.Rule
	if err := back.UnmarshalText(b); err != nil || !reflect.DeepEqual(back, r) {
		t.Fatalf("UnmarshalText = %#v, %v", back, err)
	}
	if err := back.UnmarshalText([]byte("P6X")); err == nil {
		t.Error("UnmarshalText of bad text succeeded")
	}
	if _, err := (retention.Rule{Period: retention.Period{Years: 1}, Until: "x"}).MarshalText(); err == nil {
		t.Error("MarshalText of an invalid rule succeeded")
	}

	// The zero Rule (no rule stated) round-trips as empty text.
	if b, err := (retention.Rule{}).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("zero Rule MarshalText = %q, %v", b, err)
	}
	back = r
	if err := back.UnmarshalText(nil); err != nil || !reflect.DeepEqual(back, retention.Rule{}) {
		t.Errorf("UnmarshalText(empty) = %#v, %v", back, err)
	}
}

func TestJSON(t *testing.T) {
	type activity struct {
		Name      string         `json:"name"`
		Retention retention.Rule `json:"retention"`
		Other     retention.Rule `json:"other"`
	}
	in := activity{
		Name:      "Recruitment",
		Retention: retention.MustParse("P1Y from end-of-recruitment unless sponsored-visa: P7Y"),
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"name":"Recruitment","retention":"P1Y from end-of-recruitment unless sponsored-visa: P7Y","other":""}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var out activity
	if err := json.Unmarshal(b, &out); err != nil || !reflect.DeepEqual(out, in) {
		t.Errorf("json.Unmarshal = %#v, %v; want %#v", out, err, in)
	}

	err = json.Unmarshal([]byte(`{"retention":"P6Y form collection"}`), &out)
	var se *retention.SyntaxError
	if !errors.As(err, &se) || se.Offset != 4 {
		t.Errorf("json.Unmarshal of bad rule: %v, want *SyntaxError at offset 4", err)
	}

	if _, err := json.Marshal(activity{Retention: retention.Rule{Indefinite: true, Until: "x"}}); err == nil {
		t.Error("json.Marshal of an invalid rule succeeded")
	}
}

func TestTriggers(t *testing.T) {
	want := []retention.Trigger{"collection", "last-contact", "end-of-recruitment", "appointment",
		"termination-of-employment", "end-of-contract", "end-of-financial-year"}
	got := retention.Triggers()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Triggers() = %v, want %v", got, want)
	}
	got[0] = "changed"
	if retention.Triggers()[0] != retention.Collection {
		t.Error("Triggers() shares its slice")
	}
	phrases := map[retention.Trigger]string{
		retention.Collection:              "the date we collected it",
		retention.LastContact:             "your last contact with us",
		retention.EndOfRecruitment:        "the end of the recruitment process",
		retention.Appointment:             "the date the successful candidate is appointed",
		retention.TerminationOfEmployment: "the date your employment ends",
		retention.EndOfContract:           "the end of the contract",
		retention.EndOfFinancialYear:      "the end of the financial year",
		"end-of-school-year":              "end of school year",
	}
	for tr, want := range phrases {
		if got := tr.Phrase(); got != want {
			t.Errorf("%q.Phrase() = %q, want %q", tr, got, want)
		}
	}
	for _, tr := range want {
		if !tr.Known() || !tr.Valid() {
			t.Errorf("%q: Known %t, Valid %t", tr, tr.Known(), tr.Valid())
		}
	}
	valid := map[retention.Trigger]bool{
		"end-of-school-year": true, "x": true, "2nd-review": true,
		"": false, "-x": false, "x-": false, "a--b": false, "A": false, "a b": false, "a_b": false, "é": false,
	}
	for tr, want := range valid {
		if got := tr.Valid(); got != want {
			t.Errorf("%q.Valid() = %t, want %t", tr, got, want)
		}
		if tr.Known() {
			t.Errorf("%q.Known() = true", tr)
		}
	}
}

func TestAction(t *testing.T) {
	tests := []struct {
		in   string
		want retention.Action
	}{
		{"delete", retention.Delete},
		{"anonymise", retention.Anonymise},
		{"anonymize", retention.Anonymise},
		{"Review", retention.Review},
	}
	for _, tt := range tests {
		if got, err := retention.ParseAction(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseAction(%q) = %v, %v", tt.in, got, err)
		}
	}
	for bad, suggest := range map[string]string{"": "", "erase": "delete", "destroy": "delete", "deleted": "delete", "anonymse": "anonymise"} {
		_, err := retention.ParseAction(bad)
		pe, ok := errors.AsType[*parse.Error](err)
		if !ok || pe.Suggest != suggest || !strings.Contains(err.Error(), `accepted: delete, anonymise, review`) {
			t.Errorf("ParseAction(%q) error = %v, want a *parse.Error suggesting %q", bad, err, suggest)
		}
	}
	for a, s := range map[retention.Action]string{retention.Unspecified: "", retention.Delete: "delete", retention.Anonymise: "anonymise", retention.Review: "review"} {
		if a.String() != s {
			t.Errorf("%d.String() = %q, want %q", a, a.String(), s)
		}
		b, err := a.MarshalText()
		if err != nil || string(b) != s {
			t.Errorf("%d.MarshalText() = %q, %v", a, b, err)
		}
		var back retention.Action = 99
		if err := back.UnmarshalText(b); err != nil || back != a {
			t.Errorf("UnmarshalText(%q) = %v, %v", b, back, err)
		}
	}
	if _, err := retention.Action(4).MarshalText(); err == nil {
		t.Error("Action(4).MarshalText succeeded")
	}
	var a retention.Action
	if err := a.UnmarshalText([]byte("erase")); err == nil {
		t.Error(`UnmarshalText("erase") succeeded`)
	}
}

func TestSourceKind(t *testing.T) {
	for k, s := range map[retention.SourceKind]string{0: "", retention.Statute: "statute", retention.Guidance: "guidance", retention.Policy: "policy", retention.Contract: "contract"} {
		if k.String() != s {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), s)
		}
		b, err := k.MarshalText()
		if err != nil || string(b) != s {
			t.Errorf("%d.MarshalText() = %q, %v", k, b, err)
		}
		var back retention.SourceKind = 99
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("UnmarshalText(%q) = %v, %v", b, back, err)
		}
		if s != "" {
			if got, err := retention.ParseSourceKind(strings.ToUpper(s)); err != nil || got != k {
				t.Errorf("ParseSourceKind(%q) = %v, %v", strings.ToUpper(s), got, err)
			}
		}
	}
	_, err := retention.ParseSourceKind("law")
	if pe, ok := errors.AsType[*parse.Error](err); !ok || pe.Suggest != "statute" || !strings.Contains(err.Error(), `accepted: statute, guidance, policy, contract`) {
		t.Errorf("ParseSourceKind(law) error = %v", err)
	}
	if _, err := retention.SourceKind(5).MarshalText(); err == nil {
		t.Error("SourceKind(5).MarshalText succeeded")
	}
}

func TestMonthDay(t *testing.T) {
	tests := []struct {
		md    retention.MonthDay
		str   string
		valid bool
	}{
		{retention.MonthDay{}, "", false},
		{retention.MonthDay{Month: time.March, Day: 31}, "03-31", true},
		{retention.MonthDay{Month: time.February, Day: 29}, "02-29", true},
		{retention.MonthDay{Month: time.February, Day: 30}, "02-30", false},
		{retention.MonthDay{Month: time.December, Day: 1}, "12-01", true},
		{retention.MonthDay{Month: 13, Day: 1}, "13-01", false},
	}
	for _, tt := range tests {
		if tt.md.String() != tt.str || tt.md.Valid() != tt.valid || tt.md.IsZero() != (tt.md == retention.MonthDay{}) {
			t.Errorf("%#v: String %q, Valid %t, IsZero %t", tt.md, tt.md.String(), tt.md.Valid(), tt.md.IsZero())
		}
	}
}

package retention

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/article30/article30/internal/prose"
)

// maxPart is the largest value accepted for each part of a [Period] by
// [ParsePeriod] and [Rule.Validate]. It keeps due-date arithmetic far from
// integer overflow while allowing periods such as P36500D.
const maxPart = 999999

// compareRef is the reference date used by [Period.Compare].
var compareRef = time.Date(2001, time.January, 31, 0, 0, 0, 0, time.UTC)

// Period is an ISO 8601 calendar duration made of years, months and days,
// such as P6Y, P12M, P30D or P1Y6M. Weeks are held as days.
//
// The zero Period is valid as a value but not as the period of a [Rule].
// Negative parts are representable but rejected by [Rule.Validate].
type Period struct {
	Years  int // whole years
	Months int // whole months
	Days   int // whole days, including any weeks read by ParsePeriod
}

// ParsePeriod parses an ISO 8601 date duration: "P" followed by at least one
// of nY, nM, nW and nD, in that order. Letters are case-insensitive and each
// number is between 0 and 999999. Weeks are converted to days, so "P2W"
// gives Period{Days: 14}. Time parts ("PT1H"), fractions and signs are
// rejected. The whole string must be the period: surrounding space is an
// error. Errors are of type [*SyntaxError].
func ParsePeriod(s string) (Period, error) {
	p, off, msg := parsePeriod(s)
	if msg != "" {
		return Period{}, &SyntaxError{Input: s, Offset: off, Msg: msg}
	}
	return p, nil
}

// parsePeriod parses s as a period. On failure msg is non-empty and off is
// the byte offset of the problem within s.
func parsePeriod(s string) (p Period, off int, msg string) {
	if s == "" {
		return Period{}, 0, `expected a period such as "P6Y", found end of input`
	}
	if s[0] != 'P' && s[0] != 'p' {
		return Period{}, 0, fmt.Sprintf(`expected a period starting with "P" (such as "P6Y"), found %s`, quoteAt(s, 0))
	}
	if len(s) == 1 {
		return Period{}, 1, `expected a number after "P" in period (such as "P6Y")`
	}
	const units = "YMWD"
	var (
		seen     [4]bool
		next     int // index in units of the smallest unit still allowed
		weeks    int
		weeksOff int
	)
	i := 1
	for i < len(s) {
		c := s[i]
		if c == 'T' || c == 't' {
			return Period{}, i, `time parts ("T") are not supported in period; expected years (Y), months (M), weeks (W) or days (D)`
		}
		if !isDigit(c) {
			return Period{}, i, fmt.Sprintf("expected a number in period, found %s", quoteAt(s, i))
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		digits := s[start:i]
		n, ok := smallNumber(digits)
		if !ok {
			return Period{}, start, fmt.Sprintf("number %s too large in period (maximum %d)", digits, maxPart)
		}
		if i == len(s) {
			return Period{}, i, fmt.Sprintf(`expected a unit (Y, M, W or D) after %q in period`, digits)
		}
		c = s[i]
		if c == '.' || c == ',' {
			return Period{}, i, "fractions are not supported in period"
		}
		u := strings.IndexByte(units, upper(c))
		if u < 0 {
			return Period{}, i, fmt.Sprintf("unknown unit %s in period", quoteAt(s, i))
		}
		if seen[u] {
			return Period{}, i, fmt.Sprintf("unit %q repeated in period", units[u:u+1])
		}
		if u < next {
			return Period{}, i, fmt.Sprintf("unit %q out of order in period; expected Y, M, W and D in that order", units[u:u+1])
		}
		seen[u] = true
		next = u + 1
		switch u {
		case 0:
			p.Years = n
		case 1:
			p.Months = n
		case 2:
			weeks, weeksOff = n, start
		case 3:
			p.Days = n
		}
		i++
	}
	if weeks != 0 {
		days := weeks*7 + p.Days
		if days > maxPart {
			return Period{}, weeksOff, fmt.Sprintf("period too long: weeks and days come to %d days (maximum %d)", days, maxPart)
		}
		p.Days = days
	}
	return p, 0, ""
}

// smallNumber converts a run of ASCII digits to an int no larger than maxPart.
func smallNumber(digits string) (int, bool) {
	n := 0
	for i := 0; i < len(digits); i++ {
		n = n*10 + int(digits[i]-'0')
		if n > maxPart {
			return 0, false
		}
	}
	return n, true
}

// String returns the period in ISO 8601 form, such as "P6Y" or "P1Y6M".
// The zero period is "P0D". Negative parts are written with a minus sign
// (such as "P-1Y"), which [ParsePeriod] rejects.
func (p Period) String() string {
	if p.IsZero() {
		return "P0D"
	}
	var buf [40]byte
	b := append(buf[:0], 'P')
	if p.Years != 0 {
		b = strconv.AppendInt(b, int64(p.Years), 10)
		b = append(b, 'Y')
	}
	if p.Months != 0 {
		b = strconv.AppendInt(b, int64(p.Months), 10)
		b = append(b, 'M')
	}
	if p.Days != 0 {
		b = strconv.AppendInt(b, int64(p.Days), 10)
		b = append(b, 'D')
	}
	return string(b)
}

// IsZero reports whether all parts of p are zero.
func (p Period) IsZero() bool {
	return p.Years == 0 && p.Months == 0 && p.Days == 0
}

// AddTo returns t moved forward by p in t's location, keeping t's clock
// reading. Years and months are added together first; when the resulting
// month is shorter than t's day of month the day is clamped to the month's
// last day instead of spilling into the next month (31 January + P1M is 28
// or 29 February; 29 February 2024 + P1Y is 28 February 2025). The days are
// added after that. AddTo does not allocate.
func (p Period) AddTo(t time.Time) time.Time {
	y, m, d := t.Date()
	y, m, d = p.addDate(y, m, d)
	hh, mm, ss := t.Clock()
	return time.Date(y, m, d, hh, mm, ss, t.Nanosecond(), t.Location())
}

// addDate applies p to a calendar date as described for AddTo. The returned
// day may exceed the month's length when p.Days is non-zero; time.Date
// normalises it.
func (p Period) addDate(y int, m time.Month, d int) (int, time.Month, int) {
	months := int(m) - 1 + p.Months + p.Years*12
	y += floorDiv(months, 12)
	m = time.Month(months-floorDiv(months, 12)*12) + 1
	if n := daysIn(y, m); d > n {
		d = n
	}
	return y, m, d + p.Days
}

// Compare compares p and q by adding both to the reference date 31 January
// 2001 (the last day of a long month in a non-leap year) with [Period.AddTo].
// It returns -1 if p ends earlier, +1 if it ends later and 0 if both end on
// the same day. So P1Y equals P12M, P1M equals P28D (both end on 28 February
// 2001) and P1M is shorter than P30D.
func (p Period) Compare(q Period) int {
	return p.AddTo(compareRef).Compare(q.AddTo(compareRef))
}

// Sentence returns the period in plain English, such as "6 years",
// "12 months", "1 year and 6 months", "30 days" or "1 day". The zero period
// is "0 days".
func (p Period) Sentence() string {
	var parts []string
	if p.Years != 0 {
		parts = append(parts, count(p.Years, "year"))
	}
	if p.Months != 0 {
		parts = append(parts, count(p.Months, "month"))
	}
	if p.Days != 0 || len(parts) == 0 {
		parts = append(parts, count(p.Days, "day"))
	}
	return prose.List(parts, "and")
}

// count returns "1 year", "2 years" and so on.
func count(n int, unit string) string {
	s := strconv.Itoa(n) + " " + unit
	if n != 1 {
		s += "s"
	}
	return s
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

func isLeap(y int) bool {
	return y%4 == 0 && (y%100 != 0 || y%400 == 0)
}

// floorDiv divides rounding towards negative infinity.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// upper maps an ASCII lower-case letter to upper case.
func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// quoteAt quotes the character (or invalid byte) at byte offset i of s.
func quoteAt(s string, i int) string {
	_, size := utf8.DecodeRuneInString(s[i:])
	return strconv.Quote(s[i : i+size])
}

// MarshalText writes the period in ISO 8601 form ("P6Y"); the zero period
// gives empty text.
func (p Period) MarshalText() ([]byte, error) {
	if p.IsZero() {
		return nil, nil
	}
	if p.Years < 0 || p.Months < 0 || p.Days < 0 {
		return nil, fmt.Errorf("retention: cannot marshal negative period %+v", p)
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads a period with [ParsePeriod]; empty text is the zero
// period.
func (p *Period) UnmarshalText(b []byte) error {
	if len(strings.TrimSpace(string(b))) == 0 {
		*p = Period{}
		return nil
	}
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

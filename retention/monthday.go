package retention

import (
	"fmt"
	"time"
)

// MonthDay is a day of the year without a year, such as 31 March, used to
// align trigger dates to a year end. The zero value means no alignment.
//
// 29 February is allowed; in years that are not leap years it stands for
// 28 February.
type MonthDay struct {
	Month time.Month // January to December
	Day   int        // day of the month, from 1
}

// IsZero reports whether md is the zero MonthDay (no alignment).
func (md MonthDay) IsZero() bool { return md.Month == 0 && md.Day == 0 }

// Valid reports whether md is a real day of the year: a month from January
// to December and a day that exists in that month in a leap year.
func (md MonthDay) Valid() bool {
	return md.Month >= time.January && md.Month <= time.December &&
		md.Day >= 1 && md.Day <= daysIn(2000, md.Month)
}

// String returns md as MM-DD, such as "03-31". The zero MonthDay gives "".
func (md MonthDay) String() string {
	if md.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d-%02d", int(md.Month), md.Day)
}

// english returns md as "31 March".
func (md MonthDay) english() string {
	return fmt.Sprintf("%d %s", md.Day, md.Month)
}

// next returns the first occurrence of md on or after the given date. md
// must be valid. 29 February becomes 28 February in years that are not leap
// years.
func (md MonthDay) next(y int, m time.Month, d int) (int, time.Month, int) {
	day := min(md.Day, daysIn(y, md.Month))
	if m < md.Month || (m == md.Month && d <= day) {
		return y, md.Month, day
	}
	y++
	return y, md.Month, min(md.Day, daysIn(y, md.Month))
}

// parseMonthDay parses MM-DD. On failure msg is non-empty and off is the
// byte offset of the problem within s.
func parseMonthDay(s string) (md MonthDay, off int, msg string) {
	if len(s) != 5 || !isDigit(s[0]) || !isDigit(s[1]) || s[2] != '-' || !isDigit(s[3]) || !isDigit(s[4]) {
		return MonthDay{}, 0, fmt.Sprintf(`expected a month and day as MM-DD after "aligned" (such as "03-31"), found %q`, s)
	}
	m := int(s[0]-'0')*10 + int(s[1]-'0')
	d := int(s[3]-'0')*10 + int(s[4]-'0')
	if m < 1 || m > 12 {
		return MonthDay{}, 0, fmt.Sprintf("month %s out of range in %q; expected 01 to 12", s[:2], s)
	}
	md = MonthDay{Month: time.Month(m), Day: d}
	if !md.Valid() {
		return MonthDay{}, 3, fmt.Sprintf("day %s out of range in %q; %s has %d days", s[3:], s, md.Month, daysIn(2000, md.Month))
	}
	return md, 0, ""
}

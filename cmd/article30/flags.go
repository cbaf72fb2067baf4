package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/article30/article30/lawfulbasis"
)

// dateFlag is the --as-of flag of the commands whose output depends on
// the law as it stood on a day.
type dateFlag struct {
	value string
	set   bool // given, perhaps empty
}

// String and Set make a dateFlag a flag.Value.
func (d *dateFlag) String() string { return d.value }

// Set records the value given.
func (d *dateFlag) Set(s string) error { d.value, d.set = s, true; return nil }

// asOfFlag defines --as-of on fs. Call its date method once fs is parsed.
func asOfFlag(fs *flag.FlagSet) *dateFlag {
	d := new(dateFlag)
	fs.Var(d, "as-of", "apply the law as it stood on this date, written `YYYY-MM-DD` (default today)")
	return d
}

// date returns the day given with --as-of, at midnight UTC, or today by
// e's clock in its local time zone when the flag was not given: the one
// place the module reads the clock. A date not written YYYY-MM-DD, or one
// that does not exist, is a usage error.
func (d *dateFlag) date(e *env) (time.Time, error) {
	if !d.set {
		return e.today(), nil
	}
	t, err := parseDay(d.value)
	if err != nil {
		return time.Time{}, fmt.Errorf("--as-of %q: %v", d.value, err)
	}
	return t, nil
}

// today is the day by e's clock in its local time zone, at midnight UTC:
// the one place the module reads the clock.
func (e *env) today() time.Time {
	y, m, d := e.now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// noteLaw tells w when at is later than the law this build knows.
func noteLaw(w io.Writer, at time.Time) {
	if at.After(lawfulbasis.LawAsOf) {
		fmt.Fprintf(w, "article30: note: this build knows the law as it stood on %s; later changes are not applied\n",
			lawfulbasis.LawAsOf.Format(time.DateOnly))
	}
}

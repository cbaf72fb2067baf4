package notice

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// "Last updated" comes from the register (its review date, else a version
// label that is a date), never from the day the notice is generated or the
// law applied; the law's date is stated once.
func TestDates(t *testing.T) {
	asOf := day(2026, time.November, 23)
	tests := []struct {
		name       string
		reviewDate time.Time
		version    string
		want       time.Time // zero: no date of update
		wantText   string
	}{
		{"review date", day(2026, time.October, 1), "2026.2", day(2026, time.October, 1), "We last checked this information on 1 October 2026."},
		{"review date beats a dated version", day(2025, time.May, 2), "2026-03-04", day(2025, time.May, 2), "We last checked this information on 2 May 2025."},
		{"version that is a date", time.Time{}, "2026-03-04", day(2026, time.March, 4), "We last checked this information on 4 March 2026."},
		{"version that is no date", time.Time{}, "1.0", time.Time{}, ""},
		{"neither", time.Time{}, "", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := full(lawfulbasis.UK)
			reg.ReviewDate = ropa.Date{Time: tt.reviewDate}
			reg.Version = tt.version
			n := mustGenerate(t, reg, asOf)
			if !n.Updated.Equal(tt.want) {
				t.Errorf("Updated = %v, want %v", n.Updated, tt.want)
			}
			text := flat(n.Text())
			if tt.wantText != "" && !strings.Contains(text, tt.wantText) {
				t.Errorf("text lacks %q", tt.wantText)
			}
			if tt.wantText == "" && strings.Contains(text, "last checked") {
				t.Errorf("text gives a date of update the register does not record:\n%s", text)
			}
			law := "This notice follows the law as it stood on 23 November 2026."
			if got := strings.Count(text, "23 November 2026"); got != 1 || !strings.Contains(text, law) {
				t.Errorf("as-of date stated %d times, want once, as %q", got, law)
			}
		})
	}
}

// TestNoDate: the day is a required argument and the zero time is not a
// day: Generate and Diff refuse it with an error wrapping
// lawfulbasis.ErrNoDate rather than apply some default law.
func TestNoDate(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	if n, err := Generate(reg, time.Time{}); !errors.Is(err, lawfulbasis.ErrNoDate) || n != nil {
		t.Errorf("Generate(reg, time.Time{}) = %v, %v; want nil and an error wrapping ErrNoDate", n, err)
	}
	if c, err := Diff(reg, reg, time.Time{}); !errors.Is(err, lawfulbasis.ErrNoDate) || c != nil {
		t.Errorf("Diff(reg, reg, time.Time{}) = %v, %v; want nil and an error wrapping ErrNoDate", c, err)
	}
}

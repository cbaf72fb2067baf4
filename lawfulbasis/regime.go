package lawfulbasis

import (
	"errors"
	"fmt"
	"time"

	"github.com/article30/article30/internal/enum"
)

// Regime is a data protection regime: the body of law a register is kept
// under. The zero value is not a regime.
type Regime uint8

const (
	// UK is the UK GDPR with the Data Protection Act 2018, as amended by the
	// Data (Use and Access) Act 2025.
	UK Regime = iota + 1
	// EU is Regulation (EU) 2016/679, the General Data Protection Regulation.
	EU
)

var regimeSlugs = [...]string{"", "uk", "eu"}

// Regimes returns every regime, in declaration order.
func Regimes() []Regime { return []Regime{UK, EU} }

// Valid reports whether r is UK or EU.
func (r Regime) Valid() bool { return r == UK || r == EU }

// String returns the slug ("uk" or "eu"); an invalid value prints as
// "Regime(n)" and never panics.
func (r Regime) String() string {
	if r.Valid() {
		return regimeSlugs[r]
	}
	return fmt.Sprintf("Regime(%d)", uint8(r))
}

// Prefix is the short name that starts a citation under the regime: "UK GDPR"
// or "GDPR".
func (r Regime) Prefix() string {
	switch r {
	case UK:
		return "UK GDPR"
	case EU:
		return "GDPR"
	}
	return ""
}

// Title is the regime's name for people: "UK GDPR and DPA 2018" or "EU GDPR".
func (r Regime) Title() string {
	switch r {
	case UK:
		return "UK GDPR and Data Protection Act 2018"
	case EU:
		return "EU GDPR"
	}
	return ""
}

// Cite writes an article of the regime's GDPR text as a citation: UK.Cite("6(1)(f)")
// is "UK GDPR Art 6(1)(f)".
func (r Regime) Cite(article string) string { return r.Prefix() + " Art " + article }

// MarshalText implements [encoding.TextMarshaler]; it refuses invalid values.
func (r Regime) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("lawfulbasis: cannot marshal invalid %v", r)
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseRegime].
func (r *Regime) UnmarshalText(b []byte) error {
	v, err := ParseRegime(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ParseRegime accepts "uk", "eu" and the common names ("UK GDPR", "GDPR",
// "EU GDPR"), in any case.
func ParseRegime(s string) (Regime, error) {
	i, err := regimes.Lookup(s)
	return Regime(i), err
}

// regimes reads a regime: index 1 is UK, 2 is EU, as the constants.
var regimes = enum.New("regime", "", []enum.Entry{
	{},
	{Slug: "uk", Keys: []string{"UK GDPR", "United Kingdom"}},
	{Slug: "eu", Keys: []string{"GDPR", "EU GDPR"}},
})

// Dates on which the law changed. Each is a fact with its source; functions
// that depend on them take the date they are applied at as an argument.
var (
	// PrivacyShieldInvalid is the day the Court of Justice declared the
	// EU-US Privacy Shield adequacy decision (EU) 2016/1250 invalid: judgment
	// of 16 July 2020, Case C-311/18 Data Protection Commissioner v Facebook
	// Ireland and Schrems (ECLI:EU:C:2020:559). From this day it is not a
	// transfer mechanism under either regime.
	PrivacyShieldInvalid = date(2020, time.July, 16)

	// UKGDPRStart is the first day of the UK GDPR as a regime of its own:
	// the end of the implementation period (IP completion day, 31 December
	// 2020 at 11pm; European Union (Withdrawal) Act 2018 s3 and the DPPEC
	// Regulations 2019, SI 2019/419). Before it, the GDPR applied in the UK.
	UKGDPRStart = date(2021, time.January, 1)

	// DUAACommencement is the day most data protection provisions of the Data
	// (Use and Access) Act 2025 came into force: recognised legitimate
	// interests (s70), Art 12A time limits (s76), Arts 22A-22D (s80), the
	// children's higher protection matters (s81) and the new transfer regime
	// (s85). Source: Data (Use and Access) Act 2025 (Commencement No. 6 and
	// Transitional and Saving Provisions) Regulations 2026, SI 2026/82 reg 2.
	DUAACommencement = date(2026, time.February, 5)

	// ComplaintsCommencement is the day DPA 2018 s164A (complaints to
	// controllers) and the notice items Art 13(2)(ca) and 14(2)(da) came into
	// force: DUAA s103 and Sch 10, commenced by SI 2026/82 reg 3.
	ComplaintsCommencement = date(2026, time.June, 19)

	// LawAsOf is the date of the legal data in this module: the law is
	// known as it stood on this day, and later changes are not applied. It
	// is never a default: every function whose answer depends on the law
	// takes the day as an argument (see the package documentation, "Regimes
	// and dates").
	LawAsOf = date(2026, time.November, 23)
)

// ErrNoDate is wrapped by the errors of functions in this module that are
// given the zero [time.Time] as the day to apply the law at: the zero time
// is not a day anyone means, and answering for it would apply no law at
// all. See the package documentation, "Regimes and dates".
var ErrNoDate = errors.New("no date given: the law applied depends on the day; pass the day to apply it at")

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// day reduces t to its calendar day in UTC terms of its own location, so that
// comparisons of dates ignore the time of day.
func day(t time.Time) time.Time {
	// Most dates are already midnight UTC: skip the calendar arithmetic.
	if t.Location() == time.UTC && t.Nanosecond() == 0 && t.Unix()%86400 == 0 {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

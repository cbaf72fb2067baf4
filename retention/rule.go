package retention

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/article30/article30/internal/enum"
	"github.com/article30/article30/internal/prose"
	"github.com/article30/article30/parse"
)

// Override replaces a rule's period when a condition holds, such as keeping
// recruitment records for seven years instead of one when the successful
// candidate holds a sponsored visa.
type Override struct {
	// Condition is a slug naming when the override applies, such as
	// "sponsored-visa" or "legal-claim".
	Condition string
	// Period is the retention period that applies instead of the rule's.
	// It must not be zero.
	Period Period
}

// Rule is a structured retention rule. Exactly one of Period (non-zero),
// Until and Indefinite is set. See the package documentation for its short
// text form, read by [Parse] and written by [Rule.String].
//
// The zero Rule means "no rule stated": it does not validate, but
// [Rule.MarshalText] writes it as empty text and [Rule.UnmarshalText] reads
// empty text back as the zero Rule.
type Rule struct {
	// Period is how long the data is kept; zero when Until or Indefinite is
	// set.
	Period Period
	// From is the event the period runs from; empty means not stated. Only
	// with a Period.
	From Trigger
	// Until is the event the data is kept until, for rules with no fixed
	// end. Exclusive with Period and Indefinite.
	Until Trigger
	// Indefinite means the data is kept with no end. Exclusive with Period
	// and Until.
	Indefinite bool
	// YearEnd optionally aligns the trigger date: when set, the trigger date
	// is first moved forward to the next occurrence (on or after it) of this
	// month and day, such as the financial year end 31 March. The zero value
	// means no alignment. Only with a Period.
	YearEnd MonthDay
	// Action is what happens at the end; [Unspecified] when not stated.
	Action Action
	// Overrides are periods that replace Period when their condition holds;
	// see [Rule.DueWith]. Only with a Period; conditions must be distinct.
	Overrides []Override
	// Source is the authority the rule rests on; zero when not stated.
	Source Source
}

// MustParse is like [Parse] but panics if s does not parse. It is meant for
// rules written in program text.
func MustParse(s string) Rule {
	r, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return r
}

// String returns the rule in canonical short form, such as
// "P6Y from termination-of-employment". For a valid rule, Parse(r.String())
// gives back a rule equal to r. For a rule that does not validate, String
// gives a best-effort rendering that [Parse] may reject; the zero Rule
// gives "".
func (r Rule) String() string {
	var b strings.Builder
	if !r.Period.IsZero() {
		b.WriteString(r.Period.String())
	}
	if r.Until != "" {
		space(&b)
		b.WriteString("until ")
		b.WriteString(string(r.Until))
	}
	if r.Indefinite {
		space(&b)
		b.WriteString("indefinite")
	}
	if b.Len() == 0 {
		if r.IsZero() {
			return ""
		}
		b.WriteString("P0D")
	}
	if r.From != "" {
		b.WriteString(" from ")
		b.WriteString(string(r.From))
	}
	if !r.YearEnd.IsZero() {
		b.WriteString(" aligned ")
		b.WriteString(r.YearEnd.String())
	}
	if r.Action != Unspecified {
		b.WriteString(" then ")
		b.WriteString(r.Action.String())
	}
	for _, o := range r.Overrides {
		b.WriteString(" unless ")
		b.WriteString(o.Condition)
		b.WriteString(": ")
		b.WriteString(o.Period.String())
	}
	if r.Source != (Source{}) {
		b.WriteString(" source ")
		b.WriteString(r.Source.Kind.String())
		if r.Source.Ref != "" {
			b.WriteString(": ")
			b.WriteString(r.Source.Ref)
		}
	}
	return b.String()
}

func space(b *strings.Builder) {
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
}

// IsZero reports whether r is the zero Rule: no rule stated.
func (r Rule) IsZero() bool {
	return r.Period.IsZero() && r.From == "" && r.Until == "" && !r.Indefinite &&
		r.YearEnd.IsZero() && r.Action == Unspecified && len(r.Overrides) == 0 &&
		r.Source == (Source{})
}

// MarshalText returns r.String(). It is an error if r does not validate,
// except that the zero Rule gives empty text.
func (r Rule) MarshalText() ([]byte, error) {
	if r.IsZero() {
		return []byte{}, nil
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	return []byte(r.String()), nil
}

// UnmarshalText sets r to the rule parsed from text by [Parse]. Empty text
// sets the zero Rule, matching MarshalText.
func (r *Rule) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*r = Rule{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// problemCode identifies why a rule does not validate.
type problemCode uint8

const (
	noProblem problemCode = iota
	probNoTerm
	probManyTerms
	probNegative
	probTooLong
	probFrom
	probUntil
	probFromWithoutPeriod
	probYearEnd
	probYearEndWithoutPeriod
	probAction
	probOverridesWithoutPeriod
	probCondition
	probDuplicate
	probOverrideZero
	probOverrideNegative
	probOverrideTooLong
	probSourceKind
	probRefWithoutKind
	probRefSpace
)

// problem describes why a rule does not validate without allocating; the
// message is built only by Validate.
type problem struct {
	code problemCode
	i    int // override index, where relevant
}

// check finds the first reason r does not validate. It does not allocate,
// so that Due can call it.
func (r *Rule) check() problem {
	terms := 0
	if !r.Period.IsZero() {
		terms++
	}
	if r.Until != "" {
		terms++
	}
	if r.Indefinite {
		terms++
	}
	switch {
	case terms == 0:
		return problem{code: probNoTerm}
	case terms > 1:
		return problem{code: probManyTerms}
	}
	hasPeriod := !r.Period.IsZero()
	if hasPeriod {
		if negative(r.Period) {
			return problem{code: probNegative}
		}
		if tooLong(r.Period) {
			return problem{code: probTooLong}
		}
	}
	if r.Until != "" && !isSlug(string(r.Until)) {
		return problem{code: probUntil}
	}
	if r.From != "" {
		if !hasPeriod {
			return problem{code: probFromWithoutPeriod}
		}
		if !isSlug(string(r.From)) {
			return problem{code: probFrom}
		}
	}
	if !r.YearEnd.IsZero() {
		if !hasPeriod {
			return problem{code: probYearEndWithoutPeriod}
		}
		if !r.YearEnd.Valid() {
			return problem{code: probYearEnd}
		}
	}
	if r.Action > Review {
		return problem{code: probAction}
	}
	if len(r.Overrides) > 0 && !hasPeriod {
		return problem{code: probOverridesWithoutPeriod}
	}
	for i, o := range r.Overrides {
		if !isSlug(o.Condition) {
			return problem{code: probCondition, i: i}
		}
		for _, prev := range r.Overrides[:i] {
			if prev.Condition == o.Condition {
				return problem{code: probDuplicate, i: i}
			}
		}
		switch {
		case o.Period.IsZero():
			return problem{code: probOverrideZero, i: i}
		case negative(o.Period):
			return problem{code: probOverrideNegative, i: i}
		case tooLong(o.Period):
			return problem{code: probOverrideTooLong, i: i}
		}
	}
	if r.Source.Kind > Contract {
		return problem{code: probSourceKind}
	}
	if r.Source.Ref != "" {
		if r.Source.Kind == 0 {
			return problem{code: probRefWithoutKind}
		}
		if strings.TrimSpace(r.Source.Ref) != r.Source.Ref {
			return problem{code: probRefSpace}
		}
	}
	return problem{}
}

func negative(p Period) bool { return p.Years < 0 || p.Months < 0 || p.Days < 0 }

func tooLong(p Period) bool { return p.Years > maxPart || p.Months > maxPart || p.Days > maxPart }

// Validate reports whether r is a well-formed rule: exactly one of a
// non-zero Period, Until and Indefinite is set; the period and override
// periods have no negative part and no part above 999999; From, Until and
// override conditions are slugs (see [Trigger.Valid]); From, YearEnd and
// Overrides are used only with a Period; YearEnd is a real month and day;
// override periods are non-zero and conditions distinct; Action and
// Source.Kind are declared constants; and Source.Ref has a Kind and no
// surrounding white space. The error names the first problem found.
func (r Rule) Validate() error {
	p := r.check()
	if p.code == noProblem {
		return nil
	}
	var msg string
	o := func() Override { return r.Overrides[p.i] }
	switch p.code {
	case probNoTerm:
		msg = "no term: one of Period, Until or Indefinite must be set"
	case probManyTerms:
		msg = "only one of Period, Until and Indefinite may be set"
	case probNegative:
		msg = fmt.Sprintf("period %s has a negative part", r.Period)
	case probTooLong:
		msg = fmt.Sprintf("period %s has a part above %d", r.Period, maxPart)
	case probFrom:
		msg = fmt.Sprintf("From trigger %q is not a slug (lower-case letters and digits joined by single hyphens)", r.From)
	case probUntil:
		msg = fmt.Sprintf("Until trigger %q is not a slug (lower-case letters and digits joined by single hyphens)", r.Until)
	case probFromWithoutPeriod:
		msg = "From needs a Period; it cannot be used with Until or Indefinite"
	case probYearEnd:
		msg = fmt.Sprintf("YearEnd month %d, day %d is not a real day of the year", int(r.YearEnd.Month), r.YearEnd.Day)
	case probYearEndWithoutPeriod:
		msg = "YearEnd needs a Period; it cannot be used with Until or Indefinite"
	case probAction:
		msg = fmt.Sprintf("unknown %s", r.Action)
	case probOverridesWithoutPeriod:
		msg = "Overrides need a Period; they cannot be used with Until or Indefinite"
	case probCondition:
		msg = fmt.Sprintf("override condition %q is not a slug (lower-case letters and digits joined by single hyphens)", o().Condition)
	case probDuplicate:
		msg = fmt.Sprintf("duplicate override condition %q", o().Condition)
	case probOverrideZero:
		msg = fmt.Sprintf("override %q has a zero period", o().Condition)
	case probOverrideNegative:
		msg = fmt.Sprintf("override %q period %s has a negative part", o().Condition, o().Period)
	case probOverrideTooLong:
		msg = fmt.Sprintf("override %q period %s has a part above %d", o().Condition, o().Period, maxPart)
	case probSourceKind:
		msg = fmt.Sprintf("unknown %s", r.Source.Kind)
	case probRefWithoutKind:
		msg = "Source.Ref needs a Source.Kind"
	case probRefSpace:
		msg = fmt.Sprintf("Source.Ref %q has leading or trailing white space", r.Source.Ref)
	default:
		msg = "unknown problem"
	}
	return errors.New("retention: invalid rule: " + msg)
}

// Due returns the date on which the rule's action falls due for data whose
// trigger event happened at from. When YearEnd is set, from is first moved
// forward to the next occurrence of that month and day (a date on the year
// end itself stays); then the Period is added with [Period.AddTo]. The
// result keeps from's clock reading and location.
//
// Due returns false when the rule has no fixed end (Until or Indefinite) or
// does not validate. Overrides are ignored; see [Rule.DueWith]. Due does not
// allocate.
func (r Rule) Due(from time.Time) (time.Time, bool) {
	if r.Until != "" || r.Indefinite || r.check().code != noProblem {
		return time.Time{}, false
	}
	return r.due(from, r.Period), true
}

// ErrNoFixedEnd is returned by [Rule.DueWith] for a rule with no fixed end
// (until an event, or indefinite) or one that does not validate.
var ErrNoFixedEnd = errors.New("retention: the rule has no fixed end")

// DueWith is like [Rule.Due], but the overrides whose Condition equals one
// of conditions apply: an applicable override's period replaces the rule's
// Period (it may be shorter or longer). Where several overrides apply, the
// latest resulting due date wins, so that data is kept for the longest
// requirement. With no condition DueWith gives the same result as Due.
//
// A condition that none of the rule's overrides names is an error, a
// [*parse.Error] that suggests the nearest, never a shorter date:
// DueWith(t, "sponsored_visa") fails where DueWith(t, "sponsored-visa")
// gives the longer period. A rule with no fixed end gives [ErrNoFixedEnd].
// DueWith does not allocate unless it fails.
func (r Rule) DueWith(from time.Time, conditions ...string) (time.Time, error) {
	for _, c := range conditions {
		if !r.hasCondition(c) {
			return time.Time{}, r.conditionError(c)
		}
	}
	base, ok := r.Due(from)
	if !ok {
		return time.Time{}, ErrNoFixedEnd
	}
	return r.withOverrides(from, base, conditions), nil
}

// withOverrides is the latest due date of the overrides that conditions
// name, or base when none does; conditions the rule does not know are
// ignored.
func (r Rule) withOverrides(from, base time.Time, conditions []string) time.Time {
	var (
		best  time.Time
		found bool
	)
	for _, o := range r.Overrides {
		if !contains(conditions, o.Condition) {
			continue
		}
		if t := r.due(from, o.Period); !found || t.After(best) {
			best, found = t, true
		}
	}
	if !found {
		return base
	}
	return best
}

// Conditions returns the conditions of the rule's overrides, in order.
func (r Rule) Conditions() []string {
	out := make([]string, len(r.Overrides))
	for i, o := range r.Overrides {
		out[i] = o.Condition
	}
	return out
}

func (r Rule) hasCondition(c string) bool {
	for _, o := range r.Overrides {
		if o.Condition == c {
			return true
		}
	}
	return false
}

func (r Rule) conditionError(c string) error {
	return ConditionError(c, r.Conditions())
}

// ConditionError is the [*parse.Error] for a condition c that none of
// known names, with the nearest of them suggested.
func ConditionError(c string, known []string) error {
	err := enum.Of("retention condition", known).Err(c)
	if pe, ok := err.(*parse.Error); ok && len(pe.Accepted) == 0 {
		pe.Hint = "the rule has no override conditions"
	}
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// due applies the year-end alignment and then p to from.
func (r *Rule) due(from time.Time, p Period) time.Time {
	y, m, d := from.Date()
	if !r.YearEnd.IsZero() {
		y, m, d = r.YearEnd.next(y, m, d)
	}
	y, m, d = p.addDate(y, m, d)
	hh, mm, ss := from.Clock()
	return time.Date(y, m, d, hh, mm, ss, from.Nanosecond(), from.Location())
}

// Sentence describes the rule in plain English for a privacy notice,
// addressed to the data subject, such as "for 6 years from the date your
// employment ends, then deleted". It is meant to follow passive words such
// as "Your information is kept" (its action, "then deleted", is a past
// participle, which does not follow "We keep it"). An [Unspecified] action
// reads as deletion. A rule that does not validate gives "".
func (r Rule) Sentence() string {
	if r.check().code != noProblem {
		return ""
	}
	var b strings.Builder
	switch {
	case r.Indefinite:
		b.WriteString("with no fixed end date")
		switch r.Action {
		case Review:
			b.WriteString(", and reviewed regularly")
		case Anonymise:
			b.WriteString(", and anonymised when no longer needed")
		}
		return b.String()
	case r.Until != "":
		b.WriteString("until ")
		b.WriteString(r.Until.Phrase())
	default:
		b.WriteString("for ")
		b.WriteString(r.Period.Sentence())
		switch {
		case !r.YearEnd.IsZero():
			if r.From != "" {
				b.WriteString(" from the end of the year (ending ")
				b.WriteString(r.YearEnd.english())
				b.WriteString(") in which ")
				b.WriteString(r.From.Phrase())
				b.WriteString(" falls")
			} else {
				b.WriteString(" from the end of the relevant year (ending ")
				b.WriteString(r.YearEnd.english())
				b.WriteString(")")
			}
		case r.From != "":
			b.WriteString(" from ")
			b.WriteString(r.From.Phrase())
		}
		if len(r.Overrides) > 0 {
			alts := make([]string, len(r.Overrides))
			for i, o := range r.Overrides {
				alts[i] = o.Period.Sentence() + " " + conditionPhrase(o.Condition)
			}
			b.WriteString(" (")
			b.WriteString(prose.List(alts, "or"))
			b.WriteString(")")
		}
	}
	b.WriteString(", then ")
	b.WriteString(r.Action.past())
	return b.String()
}

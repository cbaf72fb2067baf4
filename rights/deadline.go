package rights

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/lawfulbasis"
)

// Errors that [Request.Due] and [AcknowledgeBy] wrap. Test for them with
// [errors.Is].
//
// ErrLateExtension, ErrNoExtensionNotice, ErrPauseNotAccess and ErrNoPause
// come with a date: the due date computed without the part of the request
// in error. The others come with the zero time.
var (
	// ErrNoExtensionNotice: the request is marked Extended but no notice of
	// the extension was given (UK GDPR Art 12A(4); GDPR Art 12(3)), so the
	// extension does not take effect.
	ErrNoExtensionNotice = errors.New("rights: extension without notice")
	// ErrLateExtension: the notice of extension was given after the end of
	// the one-month period (UK GDPR Art 12A(4)(a); GDPR Art 12(3)), so the
	// extension does not take effect.
	ErrLateExtension = errors.New("rights: extension noticed too late")
	// ErrPauseNotAccess: clarification pauses were given for a request that
	// is not an access request. Only Art 15 requests stop the clock (UK GDPR
	// Art 12A(5)).
	ErrPauseNotAccess = errors.New("rights: clarification pauses apply only to access requests")
	// ErrNoPause: clarification pauses were given for a request under the
	// earlier rule (EU regime, or UK request received before 5 February
	// 2026), whose statutory text has no stop-the-clock.
	ErrNoPause = errors.New("rights: no clarification pause under this rule")
	// ErrBadPause: a pause has a zero From or To, or ends before it starts.
	// A pause still open (clarification not yet received) has no due date.
	ErrBadPause = errors.New("rights: invalid clarification pause")
	// ErrInvalidRequest: the request has no valid regime, no valid right or
	// no receipt date.
	ErrInvalidRequest = errors.New("rights: invalid request")
	// ErrNoTimeLimit: the right is not exercised by a request under Arts 15
	// to 22 (UK: 15 to 22D), so Art 12(3) and Art 12A set no time limit
	// for it (Informed, WithdrawConsent and the complaint rights).
	ErrNoTimeLimit = errors.New("rights: no request time limit for this right")
	// ErrNotInForce: the duty did not apply on the date given.
	ErrNotInForce = errors.New("rights: duty not in force")
	// ErrNoWorkingDay: the non-working-day options left no working day
	// within a year of the date.
	ErrNoWorkingDay = errors.New("rights: no working day within a year")
)

// Deadline returns the end of the period for responding that starts on the
// day of start: one calendar month, or three months when extended.
//
// The period ends on the corresponding date of the next month (of the third
// month when extended) or, where that month has no such date, on its last
// day: 10 March gives 10 April, 31 January 2026 gives 28 February 2026,
// 31 January 2024 gives 29 February 2024, 31 March gives 30 April. The
// extended period is three months from start, not two months from the end
// of the first. Sources: ICO right of access guidance, "What should we
// consider when responding to a request?" ("calculate the time limit from
// the day you receive the request ... until the corresponding calendar date
// in the next month"; "calculate the extension as three months from the
// original start date"); UK GDPR Art 4A, which reads periods under Art 3 of
// the Periods of Time Regulation (EEC, Euratom) No 1182/71.
//
// The result is midnight at the start of that day in start's location.
// Deadline is pure: it neither moves off weekends or holidays (see
// [NextWorkingDay]) nor knows about pauses (see [Request.Due]).
func Deadline(start time.Time, extended bool) time.Time {
	months := 1
	if extended {
		months = 3
	}
	return addMonths(start, months)
}

// addMonths is the corresponding-date rule: the same day number n months
// on, clamped to the month's last day.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	last := time.Date(y, m+time.Month(n)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return time.Date(y, m+time.Month(n), min(d, last), 0, 0, 0, 0, t.Location())
}

// Option changes how due dates are computed.
type Option func(*options)

type options struct {
	closed []func(time.Time) bool
}

func (o *options) nonWorking(d time.Time) bool {
	for _, f := range o.closed {
		if f(d) {
			return true
		}
	}
	return false
}

// WithNonWorkingDays counts the days for which f returns true as
// non-working days. f is called with midnight at the start of the day, in
// the location of the date being moved. Several options combine: a day is
// non-working if any of them says so.
func WithNonWorkingDays(f func(time.Time) bool) Option {
	return func(o *options) {
		if f != nil {
			o.closed = append(o.closed, f)
		}
	}
}

// SkipWeekends counts Saturdays and Sundays as non-working days.
func SkipWeekends() Option {
	return WithNonWorkingDays(func(d time.Time) bool {
		w := d.Weekday()
		return w == time.Saturday || w == time.Sunday
	})
}

// WithHolidays counts the given days as non-working days. They are compared
// by calendar date, each read in its own location, so a holiday given as
// midnight UTC matches that date in any location. The library ships no
// holiday list: public holidays differ between England and Wales, Scotland
// and Northern Ireland, and between EU member states.
func WithHolidays(days ...time.Time) Option {
	set := make(map[time.Time]bool, len(days))
	for _, d := range days {
		set[civil(d)] = true
	}
	return WithNonWorkingDays(func(d time.Time) bool { return set[civil(d)] })
}

// NextWorkingDay returns midnight at the start of the day of d, in d's
// location, or of the first working day after it where the options make
// that day a non-working day. With no options every day is a working day
// and the result is the day of d.
//
// This is the ICO's rule "If the corresponding date falls on a weekend or a
// public holiday, you have until the next working day to respond" (right of
// access guidance, "What should we consider when responding to a
// request?"), and Art 3(4) of Regulation 1182/71. Which days are public
// holidays is for the caller to say (see [WithHolidays]).
func NextWorkingDay(d time.Time, opts ...Option) (time.Time, error) {
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	y, m, dd := d.Date()
	for i := 0; i <= 366; i++ {
		c := time.Date(y, m, dd+i, 0, 0, 0, 0, d.Location())
		if !o.nonWorking(c) {
			return c, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: from %s", ErrNoWorkingDay, d.Format(time.DateOnly))
}

// Pause is a clarification period of an access request: the controller
// asked the data subject for information to identify what the request is
// about on the day of From and received it on the day of To (UK GDPR
// Art 12A(5)).
//
// Both days are inside the pause. Art 12A(5) takes out of the time limit
// "the period beginning with the day on which the controller makes the
// request and ending with the day on which the controller receives the
// information" (DUAA s76; the same words are in DPA 2018 s54(3C) for law
// enforcement processing, read on legislation.gov.uk), and a period
// "beginning with" and "ending with" a day includes that day. So a pause
// from 5 to 15 March adds 11 days, and one asked and answered on the same
// day adds 1.
type Pause struct{ From, To time.Time }

// Request is a data subject's request under one of Arts 15 to 22 (UK:
// Arts 15 to 22D), with what the controller has done about the time
// limit. Dates are read as calendar days in their own locations.
type Request struct {
	Regime           lawfulbasis.Regime // the regime the request is made under
	Right            Right              // the right exercised: Access, Rectification, Erasure, Restriction, Portability, Object or AutomatedDecisions
	Received         time.Time          // when the controller received the request
	Identity         time.Time          // when it received the identity information asked for under Art 12(6); zero if none was asked for
	FeePaid          time.Time          // when the fee charged under Art 12(5) was paid; zero if none
	Extended         bool               // the controller extends by two further months (complexity or number of requests)
	ExtensionNoticed time.Time          // when the notice of extension, with reasons, was given; zero if not given
	Pauses           []Pause            // clarification periods (UK access requests from 5 February 2026 only)
}

// article12A reports whether UK GDPR Art 12A governs the request: UK
// regime, received on or after 5 February 2026 (DUAA s76, commenced by
// SI 2026/82 reg 2(h); reg 4 keeps the earlier rule for requests received
// before that day).
func (q Request) article12A() bool {
	return q.Regime == lawfulbasis.UK && onOrAfter(q.Received, lawfulbasis.DUAACommencement)
}

// Start is the time from which the period runs.
//
// Under UK GDPR Art 12A (UK regime, request received on or after
// 5 February 2026) it is "the relevant time" of Art 12A(2): the latest of
// Received, Identity and FeePaid (zero values are ignored).
//
// Under the earlier rule (EU regime, and UK requests received before
// 5 February 2026) it is Received: Art 12(3) runs "within one month of
// receipt of the request", and Identity and FeePaid do not move it. The
// ICO's guidance before 2026 already told controllers that the clock
// started on receipt of identity information or a fee, which DUAA s76 put
// into statute; this library applies the statutory text of each period.
func (q Request) Start() time.Time {
	s := q.Received
	if q.article12A() {
		for _, t := range []time.Time{q.Identity, q.FeePaid} {
			if t.After(s) {
				s = t
			}
		}
	}
	return s
}

// Due returns the date by which the controller must act on the request:
// midnight at the start of the last day, in the location of [Request.Start].
//
// UK regime, request received on or after 5 February 2026: UK GDPR Art 12A,
// inserted by DUAA s76 and commenced by SI 2026/82 reg 2(h).
//   - The period is one month beginning with the relevant time
//     ([Request.Start]; Art 12A(1), (2)).
//   - With Extended, it is three months (two further months, Art 12A(3)),
//     but only if the notice of extension was given on or before the last
//     day of the one-month period (Art 12A(4)). Otherwise Due returns the
//     one-month date with an error wrapping [ErrNoExtensionNotice] or
//     [ErrLateExtension].
//   - For an Access request, each clarification [Pause] does not count
//     towards the period nor towards the period for the extension notice
//     (Art 12A(5)): the due date moves later by the pause's days, the day
//     the controller asked and the day it received the answer included.
//     Only the pause's days from the day the period starts count, and only
//     for a pause asked no later than the (moving) last day of the period;
//     overlapping or back-to-back pauses count each day once. Pauses on any
//     other request are not applied, and Due returns the date without them
//     and an error wrapping [ErrPauseNotAccess].
//
// EU regime, and UK requests received before 5 February 2026 (SI 2026/82
// reg 4): GDPR Art 12(3), and UK GDPR Art 12(3) as it stood before DUAA
// s76: "without undue delay and in any event within one month of receipt of
// the request", extendable "by two further months where necessary, taking
// into account the complexity and number of the requests", the data subject
// being informed "within one month of receipt of the request, together with
// the reasons for the delay".
//   - The period runs from Received; Identity and FeePaid do not move it.
//   - Extension works as above, the notice being due within one month of
//     receipt.
//   - The statutory text has no stop-the-clock: pauses are not applied and
//     Due returns the date without them and an error wrapping [ErrNoPause].
//     (The ICO's guidance allowed stopping the clock for clarification
//     before DUAA put it in statute; the library applies the statutory
//     text.)
//
// Under both rules, the options move a due date (and the last day for the
// extension notice) that falls on a non-working day to the next working day
// ([NextWorkingDay]). "Without undue delay" means that the date returned is
// the latest lawful date, not a target.
//
// check names the missing or invalid fields of q: "rights: invalid
// request: Regime is not set (want lawfulbasis.UK or lawfulbasis.EU);
// Right is not set (want a right such as rights.Access)".
func (q Request) check() error {
	var missing []string
	switch {
	case q.Regime == 0:
		missing = append(missing, "Regime is not set (want lawfulbasis.UK or lawfulbasis.EU)")
	case !q.Regime.Valid():
		missing = append(missing, fmt.Sprintf("Regime %v is not a regime (want lawfulbasis.UK or lawfulbasis.EU)", q.Regime))
	}
	switch {
	case q.Right == 0:
		missing = append(missing, "Right is not set (want a right such as rights.Access)")
	case !q.Right.Valid():
		missing = append(missing, fmt.Sprintf("Right %v is not a right", q.Right))
	}
	if q.Received.IsZero() {
		missing = append(missing, "Received is not set (want the day the request arrived)")
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrInvalidRequest, strings.Join(missing, "; "))
}

// Due returns the zero time and an error wrapping [ErrInvalidRequest],
// [ErrNoTimeLimit], [ErrBadPause] or [ErrNoWorkingDay] when it cannot
// compute a date. Several errors are joined with [errors.Join].
func (q Request) Due(opts ...Option) (time.Time, error) {
	if err := q.check(); err != nil {
		return time.Time{}, err
	}
	switch {
	case !q.Right.chapterIII():
		return time.Time{}, fmt.Errorf("%w: %v is not exercised by a request under Arts 15 to 22", ErrNoTimeLimit, q.Right)
	}
	start := q.Start()
	var errs []error
	var pauses []Pause
	if len(q.Pauses) > 0 {
		switch {
		case !q.article12A():
			errs = append(errs, fmt.Errorf("%w: the %v rule for a request received on %s runs from receipt with no stop-the-clock (Art 12(3); UK GDPR Art 12A applies only to UK requests received on or after 5 February 2026, SI 2026/82 reg 4)",
				ErrNoPause, q.Regime, q.Received.Format(time.DateOnly)))
		case q.Right != Access:
			errs = append(errs, fmt.Errorf("%w: %v request (UK GDPR Art 12A(5))", ErrPauseNotAccess, q.Right))
		default:
			var err error
			if pauses, err = merge(q.Pauses); err != nil {
				return time.Time{}, err
			}
		}
	}
	oneMonth := stopClock(Deadline(start, false), start, pauses)
	due := oneMonth
	if q.Extended {
		noticeBy, err := NextWorkingDay(oneMonth, opts...)
		if err != nil {
			return time.Time{}, err
		}
		switch {
		case q.ExtensionNoticed.IsZero():
			errs = append(errs, fmt.Errorf("%w: the extension takes effect only by notice with reasons given by %s", ErrNoExtensionNotice, noticeBy.Format(time.DateOnly)))
		case civil(q.ExtensionNoticed).After(civil(noticeBy)):
			errs = append(errs, fmt.Errorf("%w: notice given on %s, after the one-month period ended on %s", ErrLateExtension, q.ExtensionNoticed.Format(time.DateOnly), noticeBy.Format(time.DateOnly)))
		default:
			due = stopClock(Deadline(start, true), start, pauses)
		}
	}
	due, err := NextWorkingDay(due, opts...)
	if err != nil {
		return time.Time{}, err
	}
	return due, errors.Join(errs...)
}

// merge checks the pauses and returns them sorted by From with overlapping
// or back-to-back pauses (one ending the day before the next starts)
// joined, as calendar days in UTC. Each pause includes both its days.
func merge(ps []Pause) ([]Pause, error) {
	out := make([]Pause, 0, len(ps))
	for i, p := range ps {
		if p.From.IsZero() || p.To.IsZero() {
			return nil, fmt.Errorf("%w: pause %d has no From or To (an open pause has no due date yet)", ErrBadPause, i)
		}
		f, t := civil(p.From), civil(p.To)
		if t.Before(f) {
			return nil, fmt.Errorf("%w: pause %d ends on %s before it starts on %s", ErrBadPause, i, t.Format(time.DateOnly), f.Format(time.DateOnly))
		}
		out = append(out, Pause{f, t})
	}
	slices.SortFunc(out, func(a, b Pause) int { return a.From.Compare(b.From) })
	j := 0
	for _, p := range out[1:] {
		if !p.From.After(out[j].To.AddDate(0, 0, 1)) {
			if p.To.After(out[j].To) {
				out[j].To = p.To
			}
			continue
		}
		j++
		out[j] = p
	}
	return out[:j+1], nil
}

// stopClock moves due later by the days of each pause that fall within the
// running period: from the later of the pause's first day and the period's
// first day, to the pause's last day, both included (UK GDPR Art 12A(5):
// "beginning with the day on which the controller makes the request and
// ending with the day on which the controller receives the information"),
// counting only pauses that begin no later than the (already moved) due
// date. ps is sorted and merged.
func stopClock(due, start time.Time, ps []Pause) time.Time {
	s := civil(start)
	for _, p := range ps {
		if p.From.After(civil(due)) {
			break
		}
		from := p.From
		if from.Before(s) {
			from = s
		}
		if !p.To.Before(from) {
			due = due.AddDate(0, 0, int(p.To.Sub(from).Hours()/24)+1)
		}
	}
	return due
}

// AcknowledgeBy returns the last day for acknowledging receipt of a
// complaint made to the controller under DPA 2018 s164A(1): s164A(3)
// requires acknowledgement "within the period of 30 days beginning when the
// complaint is received". The ICO's guidance "How to deal with data
// protection complaints" (2026) counts the 30 days from the day after
// receipt, and moves a deadline on a weekend or holiday to the next working
// day; so the result is the day of received plus 30 days, then moved by the
// options ([NextWorkingDay]), at midnight in received's location.
//
// The duty is UK only and applies to complaints received on or after
// 19 June 2026 (DUAA s103; SI 2026/82 regs 3 and 7). For a complaint
// received earlier, AcknowledgeBy returns the zero time and an error
// wrapping [ErrNotInForce]. The separate duty to respond and inform the
// complainant of the outcome "without undue delay" (s164A(4)) has no fixed
// date.
func AcknowledgeBy(received time.Time, opts ...Option) (time.Time, error) {
	if !onOrAfter(received, lawfulbasis.ComplaintsCommencement) {
		return time.Time{}, fmt.Errorf("%w: complaint received on %s; the DPA 2018 s164A(3) duty applies only to complaints received on or after 19 June 2026 (SI 2026/82 reg 7)",
			ErrNotInForce, received.Format(time.DateOnly))
	}
	y, m, d := received.Date()
	return NextWorkingDay(time.Date(y, m, d+30, 0, 0, 0, 0, received.Location()), opts...)
}

// civil is the calendar day of t, read in t's own location, as midnight
// UTC, so that days compare and subtract exactly.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// onOrAfter reports whether the calendar day of t is on or after the day
// of date.
func onOrAfter(t, date time.Time) bool { return !civil(t).Before(civil(date)) }

// AcknowledgeBy returns the last day for acknowledging a complaint to the
// controller made by the request q (Right [ComplainToController]), as
// [AcknowledgeBy] does for its receipt date. A request with a missing
// field is an error wrapping [ErrInvalidRequest] that names it; a request
// for another right, or under the EU regime (which has no such duty), an
// error wrapping [ErrNoTimeLimit].
func (q Request) AcknowledgeBy(opts ...Option) (time.Time, error) {
	if err := q.check(); err != nil {
		return time.Time{}, err
	}
	if q.Right != ComplainToController || q.Regime != lawfulbasis.UK {
		return time.Time{}, fmt.Errorf("%w: only a complaint to the controller under the UK regime must be acknowledged by a date (DPA 2018 s164A(3)); this is a %v request under the %v regime", ErrNoTimeLimit, q.Right, q.Regime)
	}
	return AcknowledgeBy(q.Received, opts...)
}

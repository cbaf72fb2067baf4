package rights_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/rights"
)

func TestDeadline(t *testing.T) {
	for _, tc := range []struct {
		start    time.Time
		extended bool
		want     time.Time
	}{
		// ICO right of access guidance: corresponding calendar date next month.
		{day(2026, time.March, 10), false, day(2026, time.April, 10)},
		{day(2026, time.December, 15), false, day(2027, time.January, 15)},
		// ICO: no corresponding date, last day of the month (acceptance test).
		{day(2026, time.January, 31), false, day(2026, time.February, 28)},
		{day(2024, time.January, 31), false, day(2024, time.February, 29)},
		{day(2026, time.November, 30), false, day(2026, time.December, 30)},
		{day(2026, time.March, 31), false, day(2026, time.April, 30)},
		{day(2026, time.January, 29), false, day(2026, time.February, 28)},
		// ICO: "calculate the extension as three months from the original start date".
		{day(2026, time.March, 10), true, day(2026, time.June, 10)},
		{day(2026, time.January, 31), true, day(2026, time.April, 30)},
		{day(2026, time.November, 30), true, day(2027, time.February, 28)},
		{day(2023, time.November, 30), true, day(2024, time.February, 29)},
		{day(2026, time.October, 31), true, day(2027, time.January, 31)},
		// Time of day is dropped: the period runs from the day.
		{time.Date(2026, time.March, 10, 23, 59, 0, 0, time.UTC), false, day(2026, time.April, 10)},
	} {
		if got := rights.Deadline(tc.start, tc.extended); !got.Equal(tc.want) {
			t.Errorf("Deadline(%s, %v) = %s, want %s", tc.start, tc.extended, got.Format(time.DateOnly), tc.want.Format(time.DateOnly))
		}
	}
}

func TestDeadlineKeepsLocation(t *testing.T) {
	ny := time.FixedZone("EST", -5*3600)
	// 23:30 on 10 March in New York is 11 March in UTC; the day in start's
	// own location counts.
	start := time.Date(2026, time.March, 10, 23, 30, 0, 0, ny)
	got := rights.Deadline(start, false)
	want := time.Date(2026, time.April, 10, 0, 0, 0, 0, ny)
	if !got.Equal(want) || got.Location() != ny {
		t.Errorf("Deadline = %v, want %v", got, want)
	}
}

var sentinels = []error{
	rights.ErrNoExtensionNotice, rights.ErrLateExtension, rights.ErrPauseNotAccess, rights.ErrNoPause,
	rights.ErrBadPause, rights.ErrInvalidRequest, rights.ErrNoTimeLimit, rights.ErrNotInForce, rights.ErrNoWorkingDay,
}

// checkErr fails unless err wraps exactly the sentinels in want.
func checkErr(t *testing.T, name string, err error, want ...error) {
	t.Helper()
	if len(want) == 0 && err != nil {
		t.Errorf("%s: unexpected error %v", name, err)
		return
	}
	for _, s := range sentinels {
		w := false
		for _, x := range want {
			w = w || x == s
		}
		if errors.Is(err, s) != w {
			t.Errorf("%s: errors.Is(%v, %v) = %v, want %v", name, err, s, !w, w)
		}
	}
}

func TestRequestDue(t *testing.T) {
	mar := func(d int) time.Time { return day(2026, time.March, d) }
	apr := func(d int) time.Time { return day(2026, time.April, d) }
	var zero time.Time
	for _, tc := range []struct {
		name string
		q    rights.Request
		opts []rights.Option
		want time.Time
		errs []error
	}{
		// UK GDPR Art 12A(1), (2)(b): one month from receipt of identity (acceptance).
		{"UK access, identity later",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Identity: mar(20)}, nil, apr(20), nil},
		// Art 12A(1), (2)(a).
		{"UK access, no identity",
			rights.Request{Regime: uk, Right: access, Received: mar(10)}, nil, apr(10), nil},
		// Art 12A(2)(c): the fee paid last is the relevant time.
		{"UK fee last",
			rights.Request{Regime: uk, Right: erasure, Received: mar(10), Identity: mar(20), FeePaid: mar(22)}, nil, apr(22), nil},
		// Art 12A(2): "the latest of"; identity before the request does not move it back.
		{"UK identity before receipt",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Identity: mar(1)}, nil, apr(10), nil},
		// ICO: no corresponding date, last day of the month.
		{"UK 31 March",
			rights.Request{Regime: uk, Right: rectify, Received: mar(31)}, nil, apr(30), nil},
		// SI 2026/82 reg 4: request received before 5 Feb 2026, old Art 12(3):
		// one month from receipt; identity does not move it (acceptance).
		{"UK before DUAA, identity ignored",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.January, 20), Identity: day(2026, time.January, 30)},
			nil, day(2026, time.February, 20), nil},
		{"UK before DUAA, fee ignored",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.January, 20), FeePaid: day(2026, time.January, 30)},
			nil, day(2026, time.February, 20), nil},
		// GDPR Art 12(3): from receipt of the request (acceptance).
		{"EU, identity ignored",
			rights.Request{Regime: eu, Right: access, Received: day(2026, time.January, 20), Identity: day(2026, time.January, 30)},
			nil, day(2026, time.February, 20), nil},
		{"EU after DUAA date, identity still ignored",
			rights.Request{Regime: eu, Right: access, Received: mar(10), Identity: mar(20)}, nil, apr(10), nil},
		// SI 2026/82 reg 2(h): Art 12A applies from 5 Feb 2026, by the calendar
		// day of receipt in its own location.
		{"UK received on commencement day",
			rights.Request{Regime: uk, Right: access, Received: duaa, Identity: day(2026, time.February, 10)},
			nil, day(2026, time.March, 10), nil},
		{"UK received 00:30 on 5 Feb in Paris",
			rights.Request{Regime: uk, Right: access,
				Received: time.Date(2026, time.February, 5, 0, 30, 0, 0, time.FixedZone("CET", 3600)),
				Identity: time.Date(2026, time.February, 10, 9, 0, 0, 0, time.FixedZone("CET", 3600))},
			nil, time.Date(2026, time.March, 10, 0, 0, 0, 0, time.FixedZone("CET", 3600)), nil},

		// Art 12A(3), (4): extension with notice in time, three months from start.
		{"UK extension noticed in time",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Identity: mar(20), Extended: true, ExtensionNoticed: apr(1)},
			nil, day(2026, time.June, 20), nil},
		// Art 12A(4)(a): notice on the last day of the month is in time.
		{"UK extension noticed on last day",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Extended: true, ExtensionNoticed: apr(10)},
			nil, day(2026, time.June, 10), nil},
		// Art 12A(4)(a): late notice, no extension (acceptance).
		{"UK extension noticed late",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Extended: true, ExtensionNoticed: apr(11)},
			nil, apr(10), []error{rights.ErrLateExtension}},
		// Art 12A(3): extension "by notice"; none given.
		{"UK extension without notice",
			rights.Request{Regime: uk, Right: erasure, Received: mar(10), Extended: true},
			nil, apr(10), []error{rights.ErrNoExtensionNotice}},
		// The notice without Extended changes nothing.
		{"UK notice without extension",
			rights.Request{Regime: uk, Right: access, Received: mar(10), ExtensionNoticed: apr(1)}, nil, apr(10), nil},
		// GDPR Art 12(3): informed "within one month of receipt".
		{"EU extension noticed in time",
			rights.Request{Regime: eu, Right: portability, Received: day(2026, time.January, 31), Extended: true, ExtensionNoticed: day(2026, time.February, 27)},
			nil, day(2026, time.April, 30), nil},
		{"EU extension noticed late",
			rights.Request{Regime: eu, Right: portability, Received: day(2026, time.January, 31), Extended: true, ExtensionNoticed: day(2026, time.March, 1)},
			nil, day(2026, time.February, 28), []error{rights.ErrLateExtension}},
		// SI 2026/82 reg 4: old rule, notice within one month of receipt, not of
		// identity: 25 Feb is late for a request received 20 Jan.
		{"UK before DUAA, notice counted from receipt",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.January, 20), Identity: day(2026, time.January, 30),
				Extended: true, ExtensionNoticed: day(2026, time.February, 25)},
			nil, day(2026, time.February, 20), []error{rights.ErrLateExtension}},

		// UK GDPR Art 12A(5) (DUAA s76): "the period beginning with the day on
		// which the controller makes the request and ending with the day on
		// which the controller receives the information" does not count. Both
		// days are in it: asked 15 March, answered 25 March is 11 days.
		{"UK access pause",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(25)}}},
			nil, apr(21), nil},
		// Art 12A(5): asked 5 March, answered 15 March: 11 days (the law
		// note's example).
		{"UK access pause 5 to 15 March",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.March, 1), Pauses: []rights.Pause{{day(2026, time.March, 5), mar(15)}}},
			nil, day(2026, time.April, 12), nil},
		// Art 12A(5)(b)(ii): pauses also do not count towards the notice
		// period: notice on 15 April is in time when the month runs to
		// 21 April.
		{"UK access pause extends notice period",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(25)}},
				Extended: true, ExtensionNoticed: apr(15)},
			nil, day(2026, time.June, 21), nil},
		{"UK access pause, notice on moved last day",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(25)}},
				Extended: true, ExtensionNoticed: apr(21)},
			nil, day(2026, time.June, 21), nil},
		{"UK access pause, notice after moved month",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(25)}},
				Extended: true, ExtensionNoticed: apr(22)},
			nil, apr(21), []error{rights.ErrLateExtension}},
		// Art 12A(5): only days within the running period count: the period
		// starts on 20 March (identity), so 20-25 March, both included, adds
		// 6 days.
		{"UK pause begins before start",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Identity: mar(20), Pauses: []rights.Pause{{mar(15), mar(25)}}},
			nil, apr(26), nil},
		// A pause entirely before the start adds nothing.
		{"UK pause ends before start",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Identity: mar(20), Pauses: []rights.Pause{{mar(11), mar(14)}}},
			nil, apr(20), nil},
		// A pause asked after the period ended adds nothing.
		{"UK pause after due",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{apr(15), apr(20)}}},
			nil, apr(10), nil},
		// Asked on the last day of the period: the period is still running,
		// and 10, 11 and 12 April all count (Art 12A(5)).
		{"UK pause on due day",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{apr(10), apr(12)}}},
			nil, apr(13), nil},
		// Overlapping pauses count each day once: 15-30 March is 16 days.
		{"UK overlapping pauses",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(20), mar(30)}, {mar(15), mar(25)}}},
			nil, apr(26), nil},
		// 12-14 March (3 days) and 20-25 March (6 days).
		{"UK separate pauses",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(12), mar(14)}, {mar(20), mar(25)}}},
			nil, apr(19), nil},
		// Back-to-back pauses, 12-14 and 15-17 March: 6 days, as one pause.
		{"UK back-to-back pauses",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(17)}, {mar(12), mar(14)}}},
			nil, apr(16), nil},
		// The first pause (15 March to 5 April, 22 days) moves the end to
		// 2 May, so a pause asked on 20 April, after the original end, still
		// counts (6 days).
		{"UK chained pauses",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(15), apr(5)}, {apr(20), apr(25)}}},
			nil, day(2026, time.May, 8), nil},
		// Art 12A(5): asked and answered the same day pauses the clock for that
		// day.
		{"UK pause same day",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(15)}}},
			nil, apr(11), nil},
		// A pause that ends on the day the period starts pauses that day.
		{"UK pause ends on start",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Identity: mar(20), Pauses: []rights.Pause{{mar(11), mar(20)}}},
			nil, apr(21), nil},
		// Art 12A(5) applies to Art 15 requests only.
		{"UK erasure with pause",
			rights.Request{Regime: uk, Right: erasure, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(25)}}},
			nil, apr(10), []error{rights.ErrPauseNotAccess}},
		// GDPR Art 12(3) has no stop-the-clock.
		{"EU access with pause",
			rights.Request{Regime: eu, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(25)}}},
			nil, apr(10), []error{rights.ErrNoPause}},
		// SI 2026/82 reg 4: nor has the old UK rule.
		{"UK before DUAA with pause",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.January, 20), Pauses: []rights.Pause{{day(2026, time.January, 22), day(2026, time.January, 25)}}},
			nil, day(2026, time.February, 20), []error{rights.ErrNoPause}},
		{"errors join",
			rights.Request{Regime: uk, Right: erasure, Received: mar(10), Pauses: []rights.Pause{{mar(15), mar(25)}}, Extended: true},
			nil, apr(10), []error{rights.ErrPauseNotAccess, rights.ErrNoExtensionNotice}},
		{"bad pause",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{mar(25), mar(15)}}},
			nil, zero, []error{rights.ErrBadPause}},
		{"open pause",
			rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: []rights.Pause{{From: mar(25)}}},
			nil, zero, []error{rights.ErrBadPause}},

		// ICO: a due date on a weekend or public holiday moves to the next
		// working day. 10 October 2026 is a Saturday.
		{"weekend",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.September, 10)},
			[]rights.Option{rights.SkipWeekends()}, day(2026, time.October, 12), nil},
		{"weekend without option",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.September, 10)},
			nil, day(2026, time.October, 10), nil},
		{"weekend and holiday",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.September, 10)},
			[]rights.Option{rights.SkipWeekends(), rights.WithHolidays(day(2026, time.October, 12))}, day(2026, time.October, 13), nil},
		// Christmas 2026 (England and Wales): Fri 25 Dec, substitute Boxing Day Mon 28 Dec.
		{"christmas",
			rights.Request{Regime: eu, Right: access, Received: day(2026, time.November, 25)},
			[]rights.Option{rights.SkipWeekends(), rights.WithHolidays(day(2026, time.December, 25), day(2026, time.December, 28))},
			day(2026, time.December, 29), nil},
		// The notice deadline moves too (Reg 1182/71 Art 3(4)): the month ends
		// Saturday 10 October, so notice on Monday 12 October is in time.
		{"notice deadline on weekend",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.September, 10), Extended: true, ExtensionNoticed: day(2026, time.October, 12)},
			[]rights.Option{rights.SkipWeekends()}, day(2026, time.December, 10), nil},
		{"notice deadline on weekend without option",
			rights.Request{Regime: uk, Right: access, Received: day(2026, time.September, 10), Extended: true, ExtensionNoticed: day(2026, time.October, 12)},
			nil, day(2026, time.October, 10), []error{rights.ErrLateExtension}},
		{"no working day",
			rights.Request{Regime: uk, Right: access, Received: mar(10)},
			[]rights.Option{rights.WithNonWorkingDays(func(time.Time) bool { return true })}, zero, []error{rights.ErrNoWorkingDay}},

		// Invalid requests.
		{"no regime", rights.Request{Right: access, Received: mar(10)}, nil, zero, []error{rights.ErrInvalidRequest}},
		{"no right", rights.Request{Regime: uk, Received: mar(10)}, nil, zero, []error{rights.ErrInvalidRequest}},
		{"no receipt", rights.Request{Regime: uk, Right: access}, nil, zero, []error{rights.ErrInvalidRequest}},
		// Art 12(3) covers requests under Arts 15 to 22 only.
		{"informed", rights.Request{Regime: uk, Right: informed, Received: mar(10)}, nil, zero, []error{rights.ErrNoTimeLimit}},
		{"withdraw consent", rights.Request{Regime: uk, Right: withdraw, Received: mar(10)}, nil, zero, []error{rights.ErrNoTimeLimit}},
		{"complaint", rights.Request{Regime: uk, Right: controller, Received: day(2026, time.July, 1)}, nil, zero, []error{rights.ErrNoTimeLimit}},
	} {
		got, err := tc.q.Due(tc.opts...)
		if !got.Equal(tc.want) {
			t.Errorf("%s: Due() = %s, want %s (err %v)", tc.name, got.Format(time.DateOnly), tc.want.Format(time.DateOnly), err)
		}
		checkErr(t, tc.name, err, tc.errs...)
	}
}

func TestRequestDueRightsWithTimeLimit(t *testing.T) {
	// Arts 15 to 22 (UK: 15 to 22D) are the requests of Art 12(3) / Art 12A.
	// An objection to direct marketing is an Art 21 request too.
	for _, r := range []rights.Right{access, rectify, erasure, restrict, portability, object, rights.ObjectDirectMarketing, rights.AutomatedDecisions} {
		q := rights.Request{Regime: uk, Right: r, Received: day(2026, time.March, 10)}
		if got, err := q.Due(); err != nil || !got.Equal(day(2026, time.April, 10)) {
			t.Errorf("%v: Due() = %s, %v", r, got.Format(time.DateOnly), err)
		}
	}
}

func TestRequestStart(t *testing.T) {
	r, id, fee := day(2026, time.March, 10), day(2026, time.March, 20), day(2026, time.March, 22)
	for _, tc := range []struct {
		q    rights.Request
		want time.Time
	}{
		// Art 12A(2): latest of request, identity, fee.
		{rights.Request{Regime: uk, Received: r, Identity: id, FeePaid: fee}, fee},
		{rights.Request{Regime: uk, Received: r, Identity: id}, id},
		{rights.Request{Regime: uk, Received: r}, r},
		// GDPR Art 12(3): receipt of the request.
		{rights.Request{Regime: eu, Received: r, Identity: id, FeePaid: fee}, r},
		// SI 2026/82 reg 4.
		{rights.Request{Regime: uk, Received: beforeDUAA, Identity: id}, beforeDUAA},
	} {
		if got := tc.q.Start(); !got.Equal(tc.want) {
			t.Errorf("Start(%+v) = %s, want %s", tc.q, got, tc.want)
		}
	}
}

func TestNextWorkingDay(t *testing.T) {
	sat := day(2026, time.February, 28)
	for _, tc := range []struct {
		name string
		in   time.Time
		opts []rights.Option
		want time.Time
	}{
		{"no options", sat, nil, sat},
		{"saturday", sat, []rights.Option{rights.SkipWeekends()}, day(2026, time.March, 2)},
		{"sunday", day(2026, time.March, 1), []rights.Option{rights.SkipWeekends()}, day(2026, time.March, 2)},
		{"weekday", day(2026, time.March, 3), []rights.Option{rights.SkipWeekends()}, day(2026, time.March, 3)},
		{"holiday monday", sat, []rights.Option{rights.SkipWeekends(), rights.WithHolidays(day(2026, time.March, 2))}, day(2026, time.March, 3)},
		// Holidays compare by calendar date, each in its own location.
		{"holiday in another zone", time.Date(2026, time.March, 2, 0, 0, 0, 0, time.FixedZone("X", 10*3600)),
			[]rights.Option{rights.WithHolidays(day(2026, time.March, 2))},
			time.Date(2026, time.March, 3, 0, 0, 0, 0, time.FixedZone("X", 10*3600))},
		{"time of day dropped", time.Date(2026, time.March, 3, 15, 4, 5, 0, time.UTC), nil, day(2026, time.March, 3)},
		{"nil option and nil func", sat, []rights.Option{nil, rights.WithNonWorkingDays(nil)}, sat},
	} {
		got, err := rights.NextWorkingDay(tc.in, tc.opts...)
		if err != nil || !got.Equal(tc.want) {
			t.Errorf("%s: NextWorkingDay = %s, %v; want %s", tc.name, got, err, tc.want)
		}
	}
	if _, err := rights.NextWorkingDay(sat, rights.WithNonWorkingDays(func(time.Time) bool { return true })); !errors.Is(err, rights.ErrNoWorkingDay) {
		t.Errorf("always closed: err = %v", err)
	}
}

func TestNextWorkingDayKeepsLocation(t *testing.T) {
	loc := time.FixedZone("BST", 3600)
	got, err := rights.NextWorkingDay(time.Date(2026, time.July, 18, 12, 0, 0, 0, loc), rights.SkipWeekends())
	want := time.Date(2026, time.July, 20, 0, 0, 0, 0, loc)
	if err != nil || !got.Equal(want) || got.Location() != loc {
		t.Errorf("got %v, %v; want %v", got, err, want)
	}
}

func TestAcknowledgeBy(t *testing.T) {
	var zero time.Time
	for _, tc := range []struct {
		name     string
		received time.Time
		opts     []rights.Option
		want     time.Time
		errs     []error
	}{
		// DPA 2018 s164A(3); ICO complaints guidance: 30 days from the day after
		// receipt. 1 July + 30 = 31 July.
		{"July", day(2026, time.July, 1), nil, day(2026, time.July, 31), nil},
		// SI 2026/82 reg 7: complaints received on or after 19 June 2026. 19 June
		// + 30 = Sunday 19 July.
		{"commencement day", complaints, nil, day(2026, time.July, 19), nil},
		// ICO: weekend moves to the next working day.
		{"weekend", complaints, []rights.Option{rights.SkipWeekends()}, day(2026, time.July, 20), nil},
		{"weekend and holiday", complaints, []rights.Option{rights.SkipWeekends(), rights.WithHolidays(day(2026, time.July, 20))}, day(2026, time.July, 21), nil},
		// SI 2026/82 reg 7: not in force for earlier complaints.
		{"before commencement", beforeComplaints, nil, zero, []error{rights.ErrNotInForce}},
		{"zero", zero, nil, zero, []error{rights.ErrNotInForce}},
		{"no working day", complaints, []rights.Option{rights.WithNonWorkingDays(func(time.Time) bool { return true })}, zero, []error{rights.ErrNoWorkingDay}},
	} {
		got, err := rights.AcknowledgeBy(tc.received, tc.opts...)
		if !got.Equal(tc.want) {
			t.Errorf("%s: AcknowledgeBy = %s, want %s (err %v)", tc.name, got.Format(time.DateOnly), tc.want.Format(time.DateOnly), err)
		}
		checkErr(t, tc.name, err, tc.errs...)
	}
}

func TestDueInputsNotMutated(t *testing.T) {
	mar := func(d int) time.Time { return day(2026, time.March, d) }
	ps := []rights.Pause{{mar(20), mar(30)}, {mar(15), mar(25)}}
	orig := append([]rights.Pause(nil), ps...)
	q := rights.Request{Regime: uk, Right: access, Received: mar(10), Pauses: ps}
	if _, err := q.Due(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(orig, ps); diff != "" {
		t.Errorf("Pauses mutated (-want +got):\n%s", diff)
	}
}

// A zero request names every missing field, not "right Right(0)".
func TestZeroRequestNamesFields(t *testing.T) {
	t.Parallel()
	_, err := rights.Request{}.Due()
	want := "rights: invalid request: Regime is not set (want lawfulbasis.UK or lawfulbasis.EU); Right is not set (want a right such as rights.Access); Received is not set (want the day the request arrived)"
	if !errors.Is(err, rights.ErrInvalidRequest) || err.Error() != want {
		t.Errorf("Request{}.Due() = %v\nwant %s", err, want)
	}
}

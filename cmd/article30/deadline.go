package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
)

var deadlineCommand = &command{
	name:    "deadline",
	summary: "work out when a data-subject request or a complaint is due",
	usage:   "article30 deadline --received YYYY-MM-DD [--identity YYYY-MM-DD] [--fee YYYY-MM-DD] [--pause FROM:TO]... [--extended --extension-noticed YYYY-MM-DD] [--right RIGHT] [--regime uk|eu] [--skip-weekends] [--holidays FILE] [--complaint] [--date-only]",
	detail: `
Deadline prints the last day for responding to a data subject's request:
the date alone on the first line, then the rule applied and how the date
was reached (--date-only prints the date alone).

Under the UK regime, for a request received on or after 5 February 2026,
UK GDPR Art 12A applies: one calendar month from the latest of receipt of
the request, of the identity information asked for (--identity) and of the
fee (--fee); each clarification pause (--pause ASKED:ANSWERED, the days the
controller asked what an access request is about and got the answer) stops
the clock, for access requests only. Under the EU regime, and for UK
requests received earlier, Art 12(3) applies: one calendar month from
receipt, with no stop-the-clock. Under both, --extended adds two further
months, but only with notice and reasons given within the first month
(--extension-noticed). A month ends on the corresponding date, or on the
month's last day where there is none.

With --skip-weekends and --holidays, a due date on a non-working day moves
to the next working day. The holidays FILE has one date (YYYY-MM-DD) at the
start of each line, optionally followed by its name; blank lines and lines
starting with # are ignored.

With --complaint (or --right complain-to-controller) it prints the last day
for acknowledging a complaint made to the controller: 30 days from the day
after receipt (DPA 2018 s164A(3), UK complaints received on or after 19 June
2026).

Exit status: 0 when a date is printed; 2 when none can be: a bad date or
flag, a pause that starts before the request was received or ends before
it starts, an extension without notice or noticed too late, a pause on a
request that cannot have one, a right with no time limit. The message says
what the date would be without the part in error, where there is one.`,
	examples: []string{
		"article30 deadline --received 2026-03-10 --identity 2026-03-20",
		"article30 deadline --received 2026-03-10 --pause 2026-03-12:2026-03-19 --skip-weekends --holidays bank-holidays.txt",
		"article30 deadline --received 2026-03-10 --extended --extension-noticed 2026-03-31 --date-only",
		"article30 deadline --regime eu --right erasure --received 2026-01-31",
		"article30 deadline --complaint --received 2026-07-01 --skip-weekends",
	},
	flags: deadlineFlags,
}

// dayFlag is a flag holding a date written YYYY-MM-DD.
type dayFlag struct{ t time.Time }

func (d *dayFlag) String() string {
	if d == nil || d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dayFlag) Set(s string) error {
	t, err := parseDay(s)
	if err != nil {
		return err
	}
	d.t = t
	return nil
}

// pausesFlag collects --pause FROM:TO values.
type pausesFlag []rights.Pause

func (p *pausesFlag) String() string {
	if p == nil {
		return ""
	}
	var parts []string
	for _, x := range *p {
		parts = append(parts, x.From.Format(time.DateOnly)+":"+x.To.Format(time.DateOnly))
	}
	return strings.Join(parts, ",")
}

func (p *pausesFlag) Set(s string) error {
	from, to, ok := strings.Cut(s, ":")
	if !ok {
		return fmt.Errorf("want FROM:TO, two dates written YYYY-MM-DD, such as 2026-03-12:2026-03-19")
	}
	f, err := parseDay(from)
	if err != nil {
		return err
	}
	t, err := parseDay(to)
	if err != nil {
		return err
	}
	if t.Before(f) {
		return fmt.Errorf("the pause ends on %s, before it starts on %s", to, from)
	}
	*p = append(*p, rights.Pause{From: f, To: t})
	return nil
}

// The range of dates the commands take: the law the module knows begins
// long after 1900, and a date after 9999 cannot be written YYYY-MM-DD.
var (
	firstDay = time.Date(1900, time.January, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(9999, time.December, 31, 0, 0, 0, 0, time.UTC)
)

// parseDay reads a date written YYYY-MM-DD as midnight UTC, from 1900-01-01
// to 9999-12-31. The error says what is wanted; the flag package puts the
// flag's name and value in front.
func parseDay(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("want a date written YYYY-MM-DD, such as 2026-03-10")
	}
	if t.Before(firstDay) || t.After(lastDay) {
		return time.Time{}, fmt.Errorf("want a date from 1900-01-01 to 9999-12-31")
	}
	return t, nil
}

func deadlineFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	var received, identity, fee, noticed dayFlag
	var pauses pausesFlag
	fs.Var(&received, "received", "the day the request or complaint was received, written `YYYY-MM-DD` (required)")
	fs.Var(&identity, "identity", "the day the identity information asked for arrived, written `YYYY-MM-DD` (Art 12(6))")
	fs.Var(&fee, "fee", "the day the fee charged was paid, written `YYYY-MM-DD` (Art 12(5))")
	fs.Var(&pauses, "pause", "a clarification pause of an access request, written `FROM:TO`: the days the controller asked and got the answer; repeatable")
	extended := fs.Bool("extended", false, "the period is extended by two further months (needs --extension-noticed)")
	fs.Var(&noticed, "extension-noticed", "the day the notice of the extension, with reasons, was given, written `YYYY-MM-DD`")
	right := fs.String("right", "access", "the `right` exercised: access, rectification, erasure, restriction, portability, object, automated-decisions, or complain-to-controller")
	regime := fs.String("regime", "uk", "the `regime`: uk (UK GDPR and DPA 2018) or eu (GDPR)")
	weekends := fs.Bool("skip-weekends", false, "a due date on a Saturday or Sunday moves to the next working day")
	holidays := fs.String("holidays", "", "a `FILE` of public holidays, one YYYY-MM-DD date a line: a due date on one moves to the next working day")
	complaint := fs.Bool("complaint", false, "the last day for acknowledging a complaint to the controller (UK, DPA 2018 s164A)")
	dateOnly := fs.Bool("date-only", false, "print the date alone, without the explanation")
	return func(e *env, args []string) (int, error) {
		if len(args) > 0 {
			return 0, fmt.Errorf("unexpected argument %q: deadline takes only flags", args[0])
		}
		if received.t.IsZero() {
			return 0, errors.New("--received is required")
		}
		g, err := lawfulbasis.ParseRegime(*regime)
		if err != nil {
			return 0, fmt.Errorf("--regime %q: want uk or eu", *regime)
		}
		r, err := rights.Parse(*right)
		if err != nil {
			return 0, fmt.Errorf("--right: %w", err)
		}
		if r == rights.ComplainToController {
			*complaint = true
		}
		if !noticed.t.IsZero() && !*extended {
			return 0, errors.New("--extension-noticed needs --extended")
		}
		var opts []rights.Option
		if *weekends {
			opts = append(opts, rights.SkipWeekends())
		}
		if *holidays != "" {
			days, err := readHolidays(e, *holidays)
			if err != nil {
				return failf(e, "deadline", "%s", err), nil
			}
			opts = append(opts, rights.WithHolidays(days...))
		}
		if *complaint {
			var set []string
			fs.Visit(func(f *flag.Flag) {
				switch f.Name {
				case "identity", "fee", "pause", "extended", "extension-noticed":
					set = append(set, "--"+f.Name)
				}
			})
			if len(set) > 0 {
				return 0, fmt.Errorf("%s: not for a complaint, only for a request", strings.Join(set, ", "))
			}
			return acknowledge(e, g, received.t, *dateOnly, opts)
		}
		for _, p := range pauses {
			if p.From.Before(received.t) {
				return failf(e, "deadline", "--pause %s:%s starts before the request was received on %s",
					p.From.Format(time.DateOnly), p.To.Format(time.DateOnly), received.t.Format(time.DateOnly)), nil
			}
		}
		if !noticed.t.IsZero() && noticed.t.Before(received.t) {
			return failf(e, "deadline", "--extension-noticed %s is before the request was received on %s",
				noticed.t.Format(time.DateOnly), received.t.Format(time.DateOnly)), nil
		}
		q := rights.Request{Regime: g, Right: r, Received: received.t, Identity: identity.t, FeePaid: fee.t,
			Extended: *extended, ExtensionNoticed: noticed.t, Pauses: pauses}
		due, err := q.Due(opts...)
		if err != nil {
			for _, msg := range errorLines(err) {
				failf(e, "deadline", "%s", msg)
			}
			if errors.Is(err, rights.ErrNoExtensionNotice) {
				failf(e, "deadline", "say when the notice was given with --extension-noticed YYYY-MM-DD")
			}
			if !due.IsZero() {
				failf(e, "deadline", "without that, the request would be due on %s", due.Format(time.DateOnly))
			}
			return exitFailure, nil
		}
		if due.After(lastDay) {
			return 0, fmt.Errorf("--received %s: the reply would be due after 9999-12-31", received.t.Format(time.DateOnly))
		}
		var b strings.Builder
		b.WriteString(due.Format(time.DateOnly) + "\n")
		if !*dateOnly {
			explainRequest(&b, q, due, opts)
		}
		if _, err := io.WriteString(e.stdout, b.String()); err != nil {
			return failf(e, "deadline", "writing output: %v", err), nil
		}
		return exitOK, nil
	}
}

// errorLines splits an error joined with errors.Join into its messages,
// without the package prefix "rights: ".
func errorLines(err error) []string {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	var out []string
	for _, e := range errs {
		out = append(out, strings.TrimPrefix(e.Error(), "rights: "))
	}
	return out
}

// explainRequest writes, after the date, the rule applied and how due was
// reached.
func explainRequest(b *strings.Builder, q rights.Request, due time.Time, opts []rights.Option) {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	start := q.Start()
	art12A := q.Regime == lawfulbasis.UK && !q.Received.Before(lawfulbasis.DUAACommencement)
	switch {
	case art12A:
		b.WriteString("Rule: UK GDPR Art 12A (a UK request received on or after 5 February 2026): one calendar month\n" +
			"from the latest of receipt of the request, of identity information and of any fee.\n")
		switch {
		case start.Equal(q.Received):
			fmt.Fprintf(b, "Start: %s, the day the request was received.\n", day(start))
		case start.Equal(q.Identity):
			fmt.Fprintf(b, "Start: %s, the day the identity information arrived (request received %s).\n", day(start), day(q.Received))
		default:
			fmt.Fprintf(b, "Start: %s, the day the fee was paid (request received %s).\n", day(start), day(q.Received))
		}
	case q.Regime == lawfulbasis.UK:
		b.WriteString("Rule: UK GDPR Art 12(3) as it stood before 5 February 2026 (the request was received earlier;\n" +
			"SI 2026/82 reg 4): one calendar month from receipt of the request.\n")
		fmt.Fprintf(b, "Start: %s, the day the request was received", day(start))
	default:
		b.WriteString("Rule: GDPR Art 12(3): one calendar month from receipt of the request.\n")
		fmt.Fprintf(b, "Start: %s, the day the request was received", day(start))
	}
	if !art12A {
		if !q.Identity.IsZero() || !q.FeePaid.IsZero() {
			b.WriteString("; identity information and fees do not move it under this rule")
		}
		b.WriteString(".\n")
	}
	if q.Extended {
		fmt.Fprintf(b, "Extended by two further months, to three months from the start; notice given on %s, within the first month.\n", day(q.ExtensionNoticed))
	}
	// The calendar date before pauses and non-working days, to say what
	// moved it.
	plain := q
	plain.Pauses = nil
	calendar, _ := plain.Due()
	if len(q.Pauses) > 0 {
		paused, _ := q.Due()
		fmt.Fprintf(b, "Clarification pauses stop the clock (UK GDPR Art 12A(5)): %d days not counted; %s without them.\n",
			int(paused.Sub(calendar).Hours()/24), day(calendar))
		calendar = paused
	}
	if !due.Equal(calendar) {
		fmt.Fprintf(b, "Moved from %s, a non-working day, to the next working day.\n", day(calendar))
	}
	b.WriteString("This is the latest lawful date: respond without undue delay.\n")
}

// acknowledge prints the last day for acknowledging a complaint received
// on the day of received.
func acknowledge(e *env, g lawfulbasis.Regime, received time.Time, dateOnly bool, opts []rights.Option) (int, error) {
	if g != lawfulbasis.UK {
		return failf(e, "deadline", "complaints to the controller (DPA 2018 s164A) are a UK duty; the %s has none", g.Title()), nil
	}
	by, err := rights.AcknowledgeBy(received, opts...)
	if err != nil {
		return failf(e, "deadline", "%s", strings.TrimPrefix(err.Error(), "rights: ")), nil
	}
	if by.After(lastDay) {
		return 0, fmt.Errorf("--received %s: the acknowledgement would be due after 9999-12-31", received.Format(time.DateOnly))
	}
	var b strings.Builder
	b.WriteString(by.Format(time.DateOnly) + "\n")
	if !dateOnly {
		b.WriteString("Rule: DPA 2018 s164A(3): acknowledge a complaint to the controller within 30 days of receipt,\n" +
			"counted from the day after it was received (ICO guidance).\n")
		if calendar := received.AddDate(0, 0, 30); !by.Equal(calendar) {
			fmt.Fprintf(&b, "Moved from %s, a non-working day, to the next working day.\n", calendar.Format(time.DateOnly))
		}
		b.WriteString("Then deal with it and tell the complainant the outcome without undue delay (s164A(4)).\n")
	}
	if _, err := io.WriteString(e.stdout, b.String()); err != nil {
		return failf(e, "deadline", "writing output: %v", err), nil
	}
	return exitOK, nil
}

// readHolidays reads a holidays file: a date written YYYY-MM-DD at the
// start of each line, optionally followed by a name; blank lines and lines
// starting with # are skipped. "-" reads standard input. Its errors name
// the file and line.
func readHolidays(e *env, name string) ([]time.Time, error) {
	var r io.Reader = e.stdin
	display := stdinName
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, errors.New(fileMessage(err))
		}
		defer f.Close()
		r, display = f, name
	}
	var days []time.Time
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, _, _ := strings.Cut(strings.ReplaceAll(line, "\t", " "), " ")
		t, err := time.Parse(time.DateOnly, word)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: want a date written YYYY-MM-DD at the start of the line, got %q", display, n, word)
		}
		days = append(days, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", display, err)
	}
	return days, nil
}

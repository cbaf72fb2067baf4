package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const art12A = "Rule: UK GDPR Art 12A (a UK request received on or after 5 February 2026): one calendar month\n" +
	"from the latest of receipt of the request, of identity information and of any fee.\n"

const undueDelay = "This is the latest lawful date: respond without undue delay.\n"

func TestDeadline(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	holidays := filepath.Join(dir, "holidays.txt")
	if err := os.WriteFile(holidays, []byte("# England and Wales\n2026-04-03 Good Friday\n\n2026-04-06\tEaster Monday\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	badHolidays := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(badHolidays, []byte("2026-04-03\n6 April 2026\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runCases(t, []cliCase{
		{name: "identity information starts the clock (the README's example)",
			args:   []string{"deadline", "--received", "2026-03-10", "--identity", "2026-03-20"},
			stdout: "2026-04-20\n" + art12A + "Start: 2026-03-20, the day the identity information arrived (request received 2026-03-10).\n" + undueDelay},
		{name: "date only", args: []string{"deadline", "--received", "2026-03-10", "--identity", "2026-03-20", "--date-only"}, stdout: "2026-04-20\n"},
		{name: "fee paid last", args: []string{"deadline", "--received", "2026-03-10", "--identity", "2026-03-12", "--fee", "2026-03-15", "--date-only"}, stdout: "2026-04-15\n"},
		{name: "no corresponding day: the month's last day", args: []string{"deadline", "--received", "2026-03-31"},
			stdout: "2026-04-30\n" + art12A + "Start: 2026-03-31, the day the request was received.\n" + undueDelay},
		{name: "extended with notice in time", args: []string{"deadline", "--received", "2026-03-10", "--extended", "--extension-noticed", "2026-04-10"},
			stdout: "2026-06-10\n" + art12A + "Start: 2026-03-10, the day the request was received.\n" +
				"Extended by two further months, to three months from the start; notice given on 2026-04-10, within the first month.\n" + undueDelay},
		{name: "overlapping pauses stop the clock once",
			args: []string{"deadline", "--received", "2026-03-06", "--pause", "2026-03-10:2026-03-12", "--pause", "2026-03-11:2026-03-13"},
			// Art 12A(5): each pause runs from the day of asking to the day
			// of the answer, both counted; 10 to 13 March is 4 days.
			stdout: "2026-04-10\n" + art12A + "Start: 2026-03-06, the day the request was received.\n" +
				"Clarification pauses stop the clock (UK GDPR Art 12A(5)): 4 days not counted; 2026-04-06 without them.\n" + undueDelay},
		{name: "a weekend moves the date", args: []string{"deadline", "--received", "2026-03-04", "--skip-weekends"},
			stdout: "2026-04-06\n" + art12A + "Start: 2026-03-04, the day the request was received.\n" +
				"Moved from 2026-04-04, a non-working day, to the next working day.\n" + undueDelay},
		{name: "Easter moves the date", args: []string{"deadline", "--received", "2026-03-03", "--skip-weekends", "--holidays", holidays},
			stdout: "2026-04-07\n" + art12A + "Start: 2026-03-03, the day the request was received.\n" +
				"Moved from 2026-04-03, a non-working day, to the next working day.\n" + undueDelay},
		{name: "EU: from receipt; identity does not move it", args: []string{"deadline", "--regime", "eu", "--right", "erasure", "--received", "2026-01-31", "--identity", "2026-02-03"},
			stdout: "2026-02-28\nRule: GDPR Art 12(3): one calendar month from receipt of the request.\n" +
				"Start: 2026-01-31, the day the request was received; identity information and fees do not move it under this rule.\n" + undueDelay},
		{name: "UK before 5 February 2026: the old rule", args: []string{"deadline", "--received", "2026-01-20", "--identity", "2026-01-25"},
			stdout: "2026-02-20\nRule: UK GDPR Art 12(3) as it stood before 5 February 2026 (the request was received earlier;\n" +
				"SI 2026/82 reg 4): one calendar month from receipt of the request.\n" +
				"Start: 2026-01-20, the day the request was received; identity information and fees do not move it under this rule.\n" + undueDelay},
		{name: "complaint", args: []string{"deadline", "--complaint", "--received", "2026-07-01"},
			stdout: "2026-07-31\nRule: DPA 2018 s164A(3): acknowledge a complaint to the controller within 30 days of receipt,\n" +
				"counted from the day after it was received (ICO guidance).\n" +
				"Then deal with it and tell the complainant the outcome without undue delay (s164A(4)).\n"},
		{name: "complaint by its right, on a weekend", args: []string{"deadline", "--right", "complain-to-controller", "--received", "2026-07-02", "--skip-weekends", "--date-only"},
			stdout: "2026-08-03\n"},

		// Errors.
		{name: "extension without notice", args: []string{"deadline", "--received", "2026-03-10", "--extended"}, code: 2,
			stderr: []string{"article30 deadline: extension without notice: the extension takes effect only by notice with reasons given by 2026-04-10\n",
				"without that, the request would be due on 2026-04-10\n", "--extension-noticed YYYY-MM-DD"}},
		{name: "extension noticed too late", args: []string{"deadline", "--received", "2026-03-10", "--extended", "--extension-noticed", "2026-04-11"}, code: 2,
			stderr: []string{"extension noticed too late: notice given on 2026-04-11, after the one-month period ended on 2026-04-10"}},
		{name: "notice without --extended", args: []string{"deadline", "--received", "2026-03-10", "--extension-noticed", "2026-03-11"}, code: 2,
			stderr: []string{"--extension-noticed needs --extended", "Usage: article30 deadline"}},
		{name: "notice before receipt", args: []string{"deadline", "--received", "2026-03-10", "--extended", "--extension-noticed", "2026-03-01"}, code: 2,
			stderr: []string{"--extension-noticed 2026-03-01 is before the request was received on 2026-03-10"}},
		{name: "pause before receipt", args: []string{"deadline", "--received", "2026-03-10", "--pause", "2026-03-01:2026-03-12"}, code: 2,
			stderr: []string{"article30 deadline: --pause 2026-03-01:2026-03-12 starts before the request was received on 2026-03-10\n"}},
		{name: "pause ending before it starts", args: []string{"deadline", "--received", "2026-03-10", "--pause", "2026-03-21:2026-03-19"}, code: 2,
			stderr: []string{"the pause ends on 2026-03-19, before it starts on 2026-03-21"}},
		{name: "pause not written FROM:TO", args: []string{"deadline", "--received", "2026-03-10", "--pause", "2026-03-21"}, code: 2,
			stderr: []string{"want FROM:TO"}},
		{name: "pause on an erasure request", args: []string{"deadline", "--received", "2026-03-10", "--right", "erasure", "--pause", "2026-03-12:2026-03-19"}, code: 2,
			stderr: []string{"clarification pauses apply only to access requests: erasure request (UK GDPR Art 12A(5))", "would be due on 2026-04-10"}},
		{name: "pause under the EU regime", args: []string{"deadline", "--regime", "eu", "--received", "2026-03-10", "--pause", "2026-03-12:2026-03-19"}, code: 2,
			stderr: []string{"no clarification pause under this rule"}},
		{name: "right with no time limit", args: []string{"deadline", "--received", "2026-03-10", "--right", "informed"}, code: 2,
			stderr: []string{"no request time limit for this right"}},
		{name: "unknown right", args: []string{"deadline", "--received", "2026-03-10", "--right", "sing"}, code: 2,
			stderr: []string{"--right:", `"sing"`}},
		{name: "complaint before 19 June 2026", args: []string{"deadline", "--complaint", "--received", "2026-06-18"}, code: 2,
			stderr: []string{"article30 deadline: duty not in force: complaint received on 2026-06-18"}},
		{name: "complaint under the EU regime", args: []string{"deadline", "--complaint", "--regime", "eu", "--received", "2026-07-01"}, code: 2,
			stderr: []string{"complaints to the controller (DPA 2018 s164A) are a UK duty"}},
		{name: "complaint with request flags", args: []string{"deadline", "--complaint", "--received", "2026-07-01", "--identity", "2026-07-02"}, code: 2,
			stderr: []string{"--identity: not for a complaint"}},
		{name: "no --received", args: []string{"deadline"}, code: 2, stderr: []string{"--received is required", "Usage: article30 deadline"}},
		{name: "no such day", args: []string{"deadline", "--received", "2026-02-30"}, code: 2, stderr: []string{`"2026-02-30"`, "want a date written YYYY-MM-DD"}},
		{name: "an argument", args: []string{"deadline", "--received", "2026-03-10", "x"}, code: 2, stderr: []string{`unexpected argument "x"`}},
		{name: "bad regime", args: []string{"deadline", "--received", "2026-03-10", "--regime", "fr"}, code: 2, stderr: []string{`--regime "fr": want uk or eu`}},
		{name: "holidays file missing", args: []string{"deadline", "--received", "2026-03-10", "--holidays", filepath.Join(dir, "none.txt")}, code: 2,
			stderr: []string{"none.txt: no such file or directory"}},
		{name: "bad holidays line", args: []string{"deadline", "--received", "2026-03-10", "--holidays", badHolidays}, code: 2,
			stderr: []string{"bad.txt:2: want a date written YYYY-MM-DD at the start of the line, got \"6\""}},
	})
}

// The first line of the output is the date alone, whatever else follows.
func TestDeadlineFirstLine(t *testing.T) {
	t.Parallel()
	got := runAtWith(t, day(2026, 11, 23), "", "deadline", "--received", "2026-03-10", "--identity", "2026-03-20")
	if first, _, _ := strings.Cut(got.stdout, "\n"); first != "2026-04-20" {
		t.Errorf("first line %q, want 2026-04-20", first)
	}
}

func TestDeadlineHolidaysFromStdin(t *testing.T) {
	t.Parallel()
	got := runAtWith(t, day(2026, 11, 23), "2026-04-10\n", "deadline", "--received", "2026-03-10", "--holidays", "-", "--date-only")
	if got.code != 0 || got.stdout != "2026-04-11\n" {
		t.Errorf("exit status %d, stdout %q, stderr %q; want 2026-04-11", got.code, got.stdout, got.stderr)
	}
}

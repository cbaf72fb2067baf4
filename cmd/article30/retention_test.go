package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/ropa"
)

const retentionYAML = "testdata/retention.yaml"

// testIndex is the retention index of testdata/retention.yaml.
func testIndex(tb testing.TB) *retentionIndex {
	tb.Helper()
	reg, err := ropa.Load(retentionYAML)
	if err != nil {
		tb.Fatal(err)
	}
	idx, err := newRetentionIndex(reg, false)
	if err != nil {
		tb.Fatal(err)
	}
	return idx
}

// records is a CSV of records with a header, good rows and every kind of
// bad row.
const records = `activity,category,trigger,conditions
recruitment,contact-details,2025-01-10
recruitment,contact-details,2025-01-10,sponsored-visa
recruitment, Contact details ,2019-01-10,Sponsored-Visa; legal-claim
recruitment,right-to-work,2024-01-10
recruitment,right-to-work,2025-01-10
payroll,pay-and-benefits,2020-03-31
payroll,pay-and-benefits,2020-04-01
payroll,"custom: Contract of employment, signed",2020-01-01
payroll,financial,2010-01-01
payroll,health,2010-01-01
newsletter,contact-details,2000-01-01
nope,contact-details,2000-01-01
recruitment,health,2000-01-01
recruitment,helth,2000-01-01
recruitment,contact-details,2025-02-30
recruitment,contact-details,10/01/2019
recruitment,contact-details
recruitment,contact-details,2019-01-01,visa
"bad"x,a,b

recruitment,"identifiers
",2019-01-01
`

const recordsDue = `activity,category,trigger,due,action
recruitment,contact-details,2025-01-10,2026-01-10,delete
recruitment,contact-details,2019-01-10,2026-01-10,delete
recruitment,right-to-work,2024-01-10,2026-01-10,review
payroll,pay-and-benefits,2020-03-31,2026-03-31,delete
payroll,"custom: Contract of employment, signed",2020-01-01,2026-01-01,anonymise
recruitment,identifiers,2019-01-01,2020-01-01,delete
`

// recordsBad is what retention due reports about records, by line.
var recordsBad = []string{
	`10: no retention rule for data category "financial" of activity "payroll" (only a free-text schedule)`,
	`11: no retention rule for data category "health" of activity "payroll"`,
	`13: unknown activity "nope"; the register's activities are recruitment, payroll, newsletter, events`,
	`14: activity "recruitment" does not record data category "health"`,
	`15: unknown data category "helth" (did you mean "health"?)`,
	`16: trigger date "2025-02-30": no such day`,
	`17: trigger date "10/01/2019": want a date written YYYY-MM-DD`,
	`18: want 3 or 4 fields (activity,category,trigger[,conditions]), got 2`,
	`19: activity "recruitment", data category "contact-details": unknown retention condition "visa" (did you mean "sponsored-visa"?); accepted: legal-claim, sponsored-visa`,
	`20: column 5: extraneous or missing " in quoted-field`,
}

func TestRetention(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	recordsCSV := write("records.csv", records)
	noHeader := write("noheader.csv", "recruitment,contact-details,2025-01-10\r\nnewsletter,contact-details,2000-01-01\r\n")
	var many strings.Builder
	for i := range 25 {
		fmt.Fprintf(&many, "recruitment,contact-details,2025-01-%02d,visa\n", i+1)
	}
	manyBad := write("many.csv", many.String())
	dup := write("dup.yaml", "jurisdiction: uk\ncontroller: {name: A, email: a@b.example}\nactivities:\n  - {id: x, name: X}\n  - {id: x, name: Y}\n")
	var stderrRecords []string
	for _, b := range recordsBad {
		stderrRecords = append(stderrRecords, recordsCSV+":"+b)
	}
	runCases(t, []cliCase{
		{name: "listing", args: []string{"retention", "due", "--as-of", "2026-11-23", retentionYAML}, golden: "retention-list.txt"},
		{name: "listing, today by the clock", args: []string{"retention", "due", retentionYAML}, golden: "retention-list.txt"},
		{name: "records: due, and every bad row", args: []string{"retention", "due", "--as-of", "2026-11-23", "--records", recordsCSV, retentionYAML},
			code: 1, stdout: recordsDue,
			stderr: append(stderrRecords, "article30 retention: note: 1 record is kept until an event or indefinitely, never due by date\n")},
		{name: "records from standard input, no header", stdin: "recruitment,contact-details,2025-01-10\n",
			args:   []string{"retention", "due", "--as-of", "2026-01-10", "--records", "-", retentionYAML},
			stdout: "activity,category,trigger,due,action\nrecruitment,contact-details,2025-01-10,2026-01-10,delete\n"},
		{name: "register from standard input", stdin: mustRead(t, retentionYAML),
			args:   []string{"retention", "due", "--as-of", "2026-01-09", "--records", noHeader, "-"},
			stdout: "activity,category,trigger,due,action\n",
			stderr: []string{"note: 1 record is kept until an event"}},
		{name: "bad rows beyond 20 are counted", args: []string{"retention", "due", "--records", manyBad, retentionYAML}, code: 1,
			stdout: "activity,category,trigger,due,action\n",
			stderr: []string{manyBad + ":1: activity \"recruitment\", data category \"contact-details\": unknown retention condition \"visa\"", manyBad + ":20: activity", manyBad + ": 5 more bad rows not shown (25 in all)\n"}},

		// Errors.
		{name: "no subcommand", args: []string{"retention"}, code: 2, stderr: []string{"article30 retention: missing subcommand: want due", "Usage: article30 retention due"}},
		{name: "unknown subcommand", args: []string{"retention", "list", retentionYAML}, code: 2, stderr: []string{`unknown subcommand "list": want due`}},
		{name: "no FILE", args: []string{"retention", "due"}, code: 2, stderr: []string{"no register FILE given"}},
		{name: "two FILEs", args: []string{"retention", "due", retentionYAML, retentionYAML}, code: 2, stderr: []string{"want one register FILE, got 2"}},
		{name: "both standard input", args: []string{"retention", "due", "--records", "-", "-"}, code: 2, stderr: []string{"cannot both be standard input"}},
		{name: "bad --as-of", args: []string{"retention", "due", "--as-of", "2026-13-01", retentionYAML}, code: 2, stderr: []string{`"2026-13-01"`}},
		{name: "register missing", args: []string{"retention", "due", filepath.Join(dir, "none.yaml")}, code: 2, stderr: []string{"none.yaml: no such file or directory"}},
		{name: "register unreadable", args: []string{"retention", "due", "testdata/bad-enum.yaml"}, code: 2, stderr: []string{"testdata/bad-enum.yaml:"}},
		{name: "duplicate activity IDs", args: []string{"retention", "due", "--records", noHeader, dup}, code: 2, stderr: []string{`activity ID "x" appears twice`}},
		{name: "records missing", args: []string{"retention", "due", "--records", filepath.Join(dir, "none.csv"), retentionYAML}, code: 2, stderr: []string{"none.csv: no such file or directory"}},
	})
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// line is a bad row streamDue reported.
type line struct {
	N      int
	Reason string
}

func TestStreamDue(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		asOf time.Time
		out  string
		bad  []line
		n    dueCounts
	}{
		{name: "empty", in: "", asOf: day(2026, 11, 23), out: dueHeader},
		{name: "header only", in: "Activity, Category, Trigger date\n", asOf: day(2026, 11, 23), out: dueHeader},
		{name: "due on the day, not the day before",
			in:   "recruitment,identifiers,2025-11-23\nrecruitment,identifiers,2025-11-24\n",
			asOf: day(2026, 11, 23), out: dueHeader + "recruitment,identifiers,2025-11-23,2026-11-23,delete\n",
			n: dueCounts{records: 2, due: 1}},
		{name: "the longest rule wins: right-to-work is kept 2 years, not 1",
			in:   "recruitment,right-to-work,2024-11-23\nrecruitment,right-to-work,2024-11-24\n",
			asOf: day(2026, 11, 23), out: dueHeader + "recruitment,right-to-work,2024-11-23,2026-11-23,review\n",
			n: dueCounts{records: 2, due: 1}},
		{name: "overrides that hold; an unknown one is a bad row, not ignored",
			in:   "recruitment,identifiers,2019-11-23,legal-claim\nrecruitment,identifiers,2018-11-23, ; sponsored-visa ;\nrecruitment,identifiers,2000-01-01,sponsored-visas\n",
			asOf: day(2026, 11, 23),
			out: dueHeader + "recruitment,identifiers,2019-11-23,2025-11-23,delete\n" +
				"recruitment,identifiers,2018-11-23,2025-11-23,delete\n",
			bad: []line{{3, `activity "recruitment", data category "identifiers": unknown retention condition "sponsored-visas" (did you mean "sponsored-visa"?); accepted: legal-claim, sponsored-visa`}},
			n:   dueCounts{records: 3, due: 2, bad: 1}},
		{name: "a first row that is data is not a header",
			in:   "payroll,pay-and-benefits,2019-04-01\n",
			asOf: day(2026, 11, 23), out: dueHeader + "payroll,pay-and-benefits,2019-04-01,2026-03-31,delete\n",
			n: dueCounts{records: 1, due: 1}},
		{name: "a bad first row with a digit is reported, not taken for a header",
			in:   "activity,category,2026-99-99\n",
			asOf: day(2026, 11, 23), out: dueHeader,
			bad: []line{{1, `unknown activity "activity"; the register's activities are recruitment, payroll, newsletter, events`}},
			n:   dueCounts{records: 1, bad: 1}},
		{name: "a second header-like row is data",
			in:   "activity,category,trigger\nactivity,category,trigger\n",
			asOf: day(2026, 11, 23), out: dueHeader,
			bad: []line{{2, `unknown activity "activity"; the register's activities are recruitment, payroll, newsletter, events`}},
			n:   dueCounts{records: 1, bad: 1}},
		{name: "until an event: never due",
			in:   "newsletter,contact-details,1990-01-01\n",
			asOf: day(2026, 11, 23), out: dueHeader, n: dueCounts{records: 1, noEnd: 1}},
		{name: "a record that runs over lines keeps its first line",
			in:   "x\n\"recruitment\",\"a\nb\",2000-01-01\nrecruitment,identifiers,2000-01-01,\"\"\n",
			asOf: day(2026, 11, 23), out: dueHeader + "recruitment,identifiers,2000-01-01,2001-01-01,delete\n",
			bad: []line{
				{1, "want 3 or 4 fields (activity,category,trigger[,conditions]), got 1"},
				{2, `unknown data category "a\nb"`},
			},
			n: dueCounts{records: 3, due: 1, bad: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			var bad []line
			n, err := streamDue(strings.NewReader(tt.in), &out, testIndex(t), tt.asOf, func(l int, reason string) {
				bad = append(bad, line{l, reason})
			})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.out, out.String()); diff != "" {
				t.Errorf("output mismatch (-want +got):\n%s", diff)
			}
			// Keep the reasons' first sentence: the catalogue's advice may change.
			for i := range bad {
				if j := strings.Index(bad[i].Reason, ";"); j >= 0 && strings.HasPrefix(bad[i].Reason, "unknown data category") {
					bad[i].Reason = bad[i].Reason[:j]
				}
			}
			if diff := cmp.Diff(tt.bad, bad); diff != "" {
				t.Errorf("bad rows mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.n, n, cmp.AllowUnexported(dueCounts{})); diff != "" {
				t.Errorf("counts mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

// A failed write stops the stream with an error.
func TestStreamDueWriteError(t *testing.T) {
	t.Parallel()
	_, err := streamDue(strings.NewReader("recruitment,identifiers,2000-01-01\n"), failingWriter{}, testIndex(t), day(2026, 11, 23), func(int, string) {})
	if err == nil || !strings.Contains(err.Error(), "writing output") {
		t.Errorf("err = %v, want a write error", err)
	}
}

// genRecords writes n records over the test register's activities and
// categories, most of them due on 23 November 2026.
func genRecords(w io.Writer, n int) {
	bw := bufio.NewWriter(w)
	rows := []string{
		"recruitment,contact-details,%s\n",
		"recruitment,identifiers,%s,sponsored-visa\n",
		"recruitment,right-to-work,%s\n",
		"payroll,pay-and-benefits,%s\n",
		"payroll,\"custom: Contract of employment, signed\",%s\n",
		"newsletter,contact-details,%s\n",
	}
	start := day(2015, 1, 1)
	bw.WriteString("activity,category,trigger,conditions\n")
	for i := range n {
		d := start.AddDate(0, 0, (i*7919)%(12*365)).Format(time.DateOnly)
		fmt.Fprintf(bw, rows[i%len(rows)], d)
	}
	bw.Flush()
}

// streamDue allocates a bounded amount whatever the number of records.
func TestStreamDueAllocations(t *testing.T) {
	idx := testIndex(t)
	var small, large bytes.Buffer
	genRecords(&small, 1000)
	genRecords(&large, 20000)
	allocs := func(in []byte) float64 {
		return testing.AllocsPerRun(5, func() {
			if _, err := streamDue(bytes.NewReader(in), io.Discard, idx, day(2026, 11, 23), func(int, string) {}); err != nil {
				t.Fatal(err)
			}
		})
	}
	a, b := allocs(small.Bytes()), allocs(large.Bytes())
	if b > a+5 {
		t.Errorf("allocations grow with the input: %v for 1,000 records, %v for 20,000", a, b)
	}
}

// BenchmarkRetentionDue streams one million generated records; records/s
// is the throughput.
func BenchmarkRetentionDue(b *testing.B) {
	const n = 1_000_000
	idx := testIndex(b)
	var in bytes.Buffer
	genRecords(&in, n)
	data := in.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c, err := streamDue(bytes.NewReader(data), io.Discard, idx, day(2026, 11, 23), func(int, string) {})
		if err != nil || c.records != n || c.bad != 0 {
			b.Fatalf("counts %+v, err %v", c, err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// record is one result of reading CSV: the fields, or the error.
type record struct {
	Fields    []string
	StartLine int // of a parse error
	Line      int
	Column    int
	Err       string
}

// readAll reads data with csvReader, whose bufio buffer has the given size.
func readAll(t testing.TB, data string, size int) []record {
	t.Helper()
	cr := newCSVReader(strings.NewReader(data), size)
	var out []record
	for {
		fields, _, err := cr.read()
		if err == io.EOF {
			return out
		}
		if pe, ok := errors.AsType[*csv.ParseError](err); ok {
			out = append(out, record{StartLine: pe.StartLine, Line: pe.Line, Column: pe.Column, Err: pe.Err.Error()})
			continue
		}
		if err != nil {
			t.Fatalf("read: %v", err)
		}
		r := record{Fields: []string{}}
		for _, f := range fields {
			r.Fields = append(r.Fields, string(f))
		}
		out = append(out, r)
	}
}

// readAllStd reads data with encoding/csv, allowing any number of fields.
func readAllStd(data string) []record {
	cr := csv.NewReader(strings.NewReader(data))
	cr.FieldsPerRecord = -1
	var out []record
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return out
		}
		if pe, ok := errors.AsType[*csv.ParseError](err); ok {
			out = append(out, record{StartLine: pe.StartLine, Line: pe.Line, Column: pe.Column, Err: pe.Err.Error()})
			continue
		}
		out = append(out, record{Fields: append([]string{}, fields...)})
	}
}

func TestCSVReader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want []record
	}{
		{"empty", "", nil},
		{"one record, no newline", "a,b,c", []record{{Fields: []string{"a", "b", "c"}}}},
		{"CRLF and blank lines", "a,b\r\n\r\n\nc,d\r\n", []record{{Fields: []string{"a", "b"}}, {Fields: []string{"c", "d"}}}},
		{"CR before the end", "a,b\r", []record{{Fields: []string{"a", "b"}}}},
		{"empty fields", ",,\n", []record{{Fields: []string{"", "", ""}}}},
		{"space is kept", " a , b \n", []record{{Fields: []string{" a ", " b "}}}},
		{"quoted comma and quote", `"a,b","say ""hi""",c` + "\n", []record{{Fields: []string{"a,b", `say "hi"`, "c"}}}},
		{"quoted line break", "\"a\r\nb\",c\nd\n", []record{{Fields: []string{"a\nb", "c"}}, {Fields: []string{"d"}}}},
		{"bare quote", "ab\"c,d\nx\n", []record{{StartLine: 1, Line: 1, Column: 3, Err: csv.ErrBareQuote.Error()}, {Fields: []string{"x"}}}},
		{"text after closing quote", "\"a\"b,c\nx\n", []record{{StartLine: 1, Line: 1, Column: 3, Err: csv.ErrQuote.Error()}, {Fields: []string{"x"}}}},
		{"unterminated quote", "x\n\"a\nb", []record{{Fields: []string{"x"}}, {StartLine: 2, Line: 3, Column: 2, Err: csv.ErrQuote.Error()}}},
		{"long line", strings.Repeat("x", 100) + ",y\n", []record{{Fields: []string{strings.Repeat("x", 100), "y"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			for _, size := range []int{16, 4096} {
				if diff := cmp.Diff(tt.want, readAll(t, tt.in, size)); diff != "" {
					t.Errorf("buffer %d: csvReader mismatch (-want +got):\n%s", size, diff)
				}
			}
			if diff := cmp.Diff(tt.want, readAllStd(tt.in)); diff != "" {
				t.Errorf("encoding/csv disagrees with the test (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCSVReaderLineTooLong(t *testing.T) {
	t.Parallel()
	in := "a,b\n" + strings.Repeat("x", maxLine+10) + "\nc,d\n" + strings.Repeat("y", maxLine+10)
	got := readAll(t, in, 4096)
	want := []record{
		{Fields: []string{"a", "b"}},
		{StartLine: 2, Line: 2, Column: 1, Err: errLongLine.Error()},
		{Fields: []string{"c", "d"}},
		{StartLine: 4, Line: 4, Column: 1, Err: errLongLine.Error()},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

// FuzzRecords checks that csvReader reads what encoding/csv reads: the
// same fields, and the same errors at the same places, with a small and
// a large buffer; and that streamDue never panics on the input and
// accounts for every record.
func FuzzRecords(f *testing.F) {
	for _, s := range []string{
		"activity,category,trigger\nrecruitment,contact-details,2019-01-01\n",
		"recruitment,contact-details,2019-01-01,sponsored-visa;legal-claim\r\n",
		`payroll,"custom: Contract of employment, signed",2020-01-01` + "\n",
		"\"a\"\"b\",\"c\nd\",e\n",
		"a\"b,c\n\"x\"y\n\"open\n",
		"\r\n\n,,,\n\r",
	} {
		f.Add(s)
	}
	idx := testIndex(f)
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > maxLine {
			return
		}
		want := readAllStd(in)
		for _, size := range []int{16, 4096} {
			if diff := cmp.Diff(want, readAll(t, in, size)); diff != "" {
				t.Fatalf("buffer %d: csvReader and encoding/csv differ on %q (-csv +csvReader):\n%s", size, in, diff)
			}
		}
		var out bytes.Buffer
		bad := 0
		n, err := streamDue(strings.NewReader(in), &out, idx, day(2026, 11, 23), func(int, string) { bad++ })
		if err != nil {
			t.Fatalf("streamDue: %v", err)
		}
		rows := strings.Count(out.String(), "\n") - 1
		if n.bad != bad || rows != n.due || n.due+n.bad+n.noEnd > n.records || n.records > len(want) {
			t.Fatalf("streamDue on %q: counts %+v, %d bad reported, %d rows written, %d records", in, n, bad, rows, len(want))
		}
	})
}

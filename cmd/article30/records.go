package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// maxLine is the longest line csvReader reads: a longer line is an error
// (errLongLine), so that memory stays bounded whatever the input.
const maxLine = 1 << 20

// errLongLine reports a line longer than maxLine.
var errLongLine = fmt.Errorf("line longer than %d bytes", maxLine)

// csvReader reads CSV records with the semantics of encoding/csv's Reader
// (comma ',', no comment character, LazyQuotes and TrimLeadingSpace off,
// any number of fields): "\r\n" reads as "\n", blank lines are skipped,
// quoted fields may hold commas, doubled quotes and line breaks, and a
// quote inside an unquoted field is an error (csv.ErrBareQuote). Unlike
// csv.Reader it does not allocate per record: the fields it returns are
// valid only until the next call. Records without a quote, the common
// case, are split in place.
type csvReader struct {
	br     *bufio.Reader
	line   int      // lines read so far
	long   []byte   // a line longer than br's buffer
	rec    []byte   // the unquoted text of a record with quoted fields
	ends   []int    // the end of each field in rec
	fields [][]byte // the record returned
}

func newCSVReader(r io.Reader, size int) *csvReader {
	return &csvReader{br: bufio.NewReaderSize(r, size)}
}

// readLine reads one line, with "\r\n" made "\n" and a "\r" before the
// end of input dropped, as csv.Reader does. It returns io.EOF only with
// an empty line.
func (r *csvReader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.long = append(r.long[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = r.br.ReadSlice('\n')
			if len(r.long)+len(line) > maxLine {
				// Skip to the end of the line, keeping nothing.
				for err == bufio.ErrBufferFull {
					_, err = r.br.ReadSlice('\n')
				}
				r.line++
				if err == io.EOF {
					err = nil
				}
				if err == nil {
					err = errLongLine
				}
				return nil, err
			}
			r.long = append(r.long, line...)
		}
		line = r.long
	}
	n := len(line)
	if n > 0 && err == io.EOF {
		err = nil
		if line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	r.line++
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}

// read returns the next record and the line it starts on. At the end of
// the input it returns io.EOF. A record that does not parse gives a
// *csv.ParseError, and a line that is too long errLongLine wrapped in one;
// reading goes on with the next line after either. Any other error is
// the underlying reader's.
func (r *csvReader) read() (fields [][]byte, line int, err error) {
	var l []byte
	for {
		l, err = r.readLine()
		if err == nil && len(l) == lengthNL(l) {
			continue // blank line
		}
		break
	}
	switch {
	case errors.Is(err, errLongLine):
		return nil, r.line, &csv.ParseError{StartLine: r.line, Line: r.line, Column: 1, Err: errLongLine}
	case err != nil:
		return nil, 0, err
	}
	start := r.line
	if bytes.IndexByte(l, '"') < 0 {
		// The common case: split in place.
		l = l[:len(l)-lengthNL(l)]
		r.fields = r.fields[:0]
		for {
			i := bytes.IndexByte(l, ',')
			if i < 0 {
				r.fields = append(r.fields, l)
				return r.fields, start, nil
			}
			r.fields = append(r.fields, l[:i])
			l = l[i+1:]
		}
	}
	return r.readQuoted(l, start)
}

// readQuoted parses a record holding a quote, as csv.Reader.readRecord
// does, reading more lines while a quoted field runs on.
func (r *csvReader) readQuoted(l []byte, start int) ([][]byte, int, error) {
	r.rec, r.ends = r.rec[:0], r.ends[:0]
	lineNo, col := start, 1
	fail := func(line, col int, err error) ([][]byte, int, error) {
		return nil, start, &csv.ParseError{StartLine: start, Line: line, Column: col, Err: err}
	}
field:
	for {
		if len(l) == 0 || l[0] != '"' {
			// Unquoted field.
			i := bytes.IndexByte(l, ',')
			f := l
			if i >= 0 {
				f = f[:i]
			} else {
				f = f[:len(f)-lengthNL(f)]
			}
			if j := bytes.IndexByte(f, '"'); j >= 0 {
				return fail(lineNo, col+j, csv.ErrBareQuote)
			}
			r.rec = append(r.rec, f...)
			r.ends = append(r.ends, len(r.rec))
			if i < 0 {
				break field
			}
			l = l[i+1:]
			col += i + 1
			continue
		}
		// Quoted field.
		l = l[1:]
		col++
		for {
			i := bytes.IndexByte(l, '"')
			switch {
			case i >= 0:
				r.rec = append(r.rec, l[:i]...)
				l = l[i+1:]
				col += i + 1
				switch {
				case len(l) > 0 && l[0] == '"':
					r.rec = append(r.rec, '"') // "" is a quote
					l = l[1:]
					col++
				case len(l) > 0 && l[0] == ',':
					l = l[1:]
					col++
					r.ends = append(r.ends, len(r.rec))
					continue field
				case lengthNL(l) == len(l):
					r.ends = append(r.ends, len(r.rec))
					break field
				default:
					return fail(lineNo, col-1, csv.ErrQuote)
				}
			case len(l) > 0:
				// The field runs on to the next line.
				r.rec = append(r.rec, l...)
				col += len(l)
				if len(r.rec) > maxLine {
					return fail(lineNo, 1, errLongLine)
				}
				var err error
				l, err = r.readLine()
				switch {
				case errors.Is(err, errLongLine):
					return fail(r.line, 1, errLongLine)
				case err != nil && err != io.EOF:
					return nil, 0, err
				}
				if len(l) > 0 { // at the end of input l is empty, and the next turn fails
					lineNo++
					col = 1
				}
			default:
				// The input ends inside the quotes.
				return fail(lineNo, col, csv.ErrQuote)
			}
		}
	}
	r.fields = r.fields[:0]
	prev := 0
	for _, end := range r.ends {
		r.fields = append(r.fields, r.rec[prev:end])
		prev = end
	}
	return r.fields, start, nil
}

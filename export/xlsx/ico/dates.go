package ico

// This file reads the cells that excelize formats from a number: dates
// (an Excel date is a number with a date format; formatted, it reads
// "2031-03-31 0:00:00" or "03-31-31"), which become ISO 8601 dates.

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// dateLike matches the text excelize gives a cell with a date format:
// digits and separators, or a month's name between numbers, perhaps with
// a time.
var dateLike = regexp.MustCompile(`^(\d{1,4}[-/. ][0-9A-Za-z]{1,9}[-/. ]\d{1,4}|[A-Za-z]{3,9}[-/ ]\d{2,4}|\d{1,2}[-/ ][A-Za-z]{3,9})( \d{1,2}:\d{2}(:\d{2})?( ?[AaPp][Mm])?)?$`)

// maxDateChecks is the most cells per sheet whose style is looked up:
// each lookup reads the sheet's styles through excelize.
const maxDateChecks = 10000

// date returns the ISO 8601 date of a cell that holds an Excel date (a
// number with a date format, or a cell of the date type), or "" for any
// other cell: text that merely looks like a date stays as typed.
func (s *sheetReader) date(col int, text string) string {
	if s.f == nil || !dateLike.MatchString(text) || s.dateChecks >= maxDateChecks {
		return ""
	}
	s.dateChecks++
	ref, err := excelize.CoordinatesToCellName(col+1, s.n)
	if err != nil {
		return ""
	}
	typ, err := s.f.GetCellType(s.name, ref)
	if err != nil {
		return ""
	}
	raw, err := s.f.GetCellValue(s.name, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return ""
	}
	switch typ {
	case excelize.CellTypeDate:
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(raw)); err == nil {
			return isoDate(t)
		}
		return ""
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
	default:
		return ""
	}
	id, err := s.f.GetCellStyle(s.name, ref)
	if err != nil {
		return ""
	}
	st, err := s.f.GetStyle(id)
	if err != nil || !dateFormat(st) {
		return ""
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return ""
	}
	if v >= 0 && v < 1 {
		return "" // a time of day, not a date: as excelize formats it
	}
	props, _ := s.f.GetWorkbookProps()
	t, err := excelize.ExcelDateToTime(v, props.Date1904 != nil && *props.Date1904)
	if err != nil {
		return ""
	}
	return isoDate(t)
}

// isoDate writes a date as ISO 8601, with the time only when it is not
// midnight.
func isoDate(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02 15:04")
}

// dateFormat reports whether a style's number format shows a date: the
// built-in date formats (ECMA-376 Part 1, 18.8.30: 14-22 and 45-47, and
// the East Asian 27-36 and 50-58), or a custom format with a day, month
// or year outside quotes and brackets.
func dateFormat(st *excelize.Style) bool {
	switch n := st.NumFmt; {
	case n >= 14 && n <= 22, n >= 45 && n <= 47, n >= 27 && n <= 36, n >= 50 && n <= 58:
		return true
	}
	if st.CustomNumFmt == nil {
		return false
	}
	quoted, bracket := false, false
	for _, r := range strings.ToLower(*st.CustomNumFmt) {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case bracket:
		case r == 'y' || r == 'd':
			return true
		}
	}
	return false
}

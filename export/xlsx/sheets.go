package xlsx

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/ropa"
)

// Names of the view sheets besides [TemplateSheet] and [ProcessorSheet].
const (
	// NotesSheet comes first, as in the ICO's workbook: what the colours
	// of the headings mean, how the workbook works (which cells a person
	// edits and which are generated), and the organisation with the
	// findings counted.
	NotesSheet     = "Notes"
	RetentionSheet = "Retention"
	FindingsSheet  = "Findings"
	ReferenceSheet = "Reference"
)

// Names of the data sheets, the source of truth [Read] uses, and of the
// hidden sheet of drop-down lists.
const (
	snOrganisation     = "Organisation"
	snJointControllers = "Joint controllers"
	snActivities       = "Activities"
	snDataCategories   = "Data categories"
	snPurposes         = "Purposes"
	snRecipients       = "Recipients"
	snTransfers        = "Transfers"
	snRetentionRules   = "Retention rules"
	snSources          = "Sources"
	snDecisions        = "Automated decisions"
	snNone             = "Stated none"
	snProcessorRecords = "Processor records"
	snTextLists        = "Text lists"
	snLists            = "Lists"
)

// wbFormat names the workbook format this package writes; it is recorded on
// the hidden Lists sheet. Format 2 holds data categories, automated
// decisions and statements of none on sheets of their own, with the data
// subjects each record concerns; format 1, which [Read] still reads, held
// the categories and one automated decision in columns of the Activities
// sheet (see wbFormat1Fields).
const (
	wbFormat  = "article30-workbook/3"
	wbFormat2 = "article30-workbook/2"
	wbFormat1 = "article30-workbook/1"
)

// wbFormat2Sheets are the data sheets a format 1 workbook does not have.
var wbFormat2Sheets = []string{snDataCategories, snDecisions, snNone}

// wbMaxCell is the most UTF-16 code units a cell holds (Excel's limit,
// excelize.TotalCellChars). Longer text would be cut short silently.
const wbMaxCell = 32767

// vwStyle is the look of a view cell; the writer maps it to a style ID.
type vwStyle uint8

const (
	vsText     vwStyle = iota // wrapped text
	vsHeader                  // bold heading with a grey fill
	vsTitle                   // large bold title
	vsLabel                   // bold label
	vsSection                 // section header over merged columns
	vsRequired                // heading of a required column (green)
	vsOptional                // heading of an optional column (blue)
	vsExtra                   // heading of article30's own column
	vsError                   // finding of severity error (light red)
	vsWarning                 // finding of severity warning (light yellow)
	vsInfo                    // finding of severity info (light blue)
	vsMuted                   // article30's own key column: small grey text
	vsCount
)

// vwEmit receives one row of a view: its 1-based row number, its cells from
// column A ("" for an empty cell) and their styles: nil for plain text, one
// style for the whole row, or one per cell.
type vwEmit func(row int, cells []string, styles []vwStyle) error

// vwCtx is what the views are generated from: the register, the date the
// law is applied at, the profile, and the findings of the checks.
type vwCtx struct {
	reg     *ropa.Register
	asOf    time.Time
	profile vwLayout
	report  ropa.Report
	// customChecks is set when the findings came from check options the
	// reader cannot know, so it cannot regenerate them.
	customChecks bool
	// digests are the fingerprints of the view sheets as written, by
	// digestKey, recorded among the settings on the Lists sheet.
	digests map[string]string
	// rowDigests are the fingerprints of the Template's rows as written,
	// in order, each keyed by rowDigestKey of its activity's ID; they
	// follow the settings on the Lists sheet.
	rowDigests [][2]string
}

// wbCellProblem returns what stops s being stored in a cell as it is: too
// long for a cell, or holding characters XML 1.0 cannot carry (excelize
// would replace them). It returns "" when s can be stored exactly.
func wbCellProblem(s string) string {
	units := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return "holds the control character " + wbQuoteRune(rune(c)) + ", which a workbook cannot store"
			}
			units++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return "is not valid UTF-8 text"
		}
		if r == 0xFFFE || r == 0xFFFF {
			return "holds the non-character " + wbQuoteRune(r) + ", which a workbook cannot store"
		}
		units += utf16.RuneLen(r)
		i += size
	}
	if units > wbMaxCell {
		return "is " + strconv.Itoa(units) + " UTF-16 code units long; a cell holds at most 32767"
	}
	return ""
}

func wbQuoteRune(r rune) string {
	const hex = "0123456789ABCDEF"
	return "U+" + string([]byte{hex[r>>12&0xF], hex[r>>8&0xF], hex[r>>4&0xF], hex[r&0xF]})
}

// vwTruncated marks a view cell cut to fit Excel's limit.
const vwTruncated = "… [cut short: the full text is in the data sheets]"

// vwFit cuts a view cell to the cell limit, deterministically, so that the
// reader regenerates the same text.
func vwFit(s string) string {
	if len(s) <= wbMaxCell/3 || book.UTF16Len(s) <= wbMaxCell {
		return s
	}
	limit := wbMaxCell - book.UTF16Len(vwTruncated)
	n := 0
	for i, r := range s {
		n += utf16.RuneLen(r)
		if n > limit {
			return s[:i] + vwTruncated
		}
	}
	return s
}

// wbJoinLines joins the non-empty elements of s with line breaks.
func wbJoinLines(s []string) string {
	n := 0
	for _, v := range s {
		if v != "" {
			n++
		}
	}
	if n == len(s) {
		return strings.Join(s, "\n")
	}
	out := make([]string, 0, n)
	for _, v := range s {
		if v != "" {
			out = append(out, v)
		}
	}
	return strings.Join(out, "\n")
}

// wbColName returns the letters of the 1-based column n (1 is "A").
func wbColName(n int) string {
	var b [4]byte
	i := len(b)
	for n > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b[i:])
}

// wbCellRef returns the reference of the cell at 1-based column and row.
func wbCellRef(col, row int) string { return wbColName(col) + strconv.Itoa(row) }

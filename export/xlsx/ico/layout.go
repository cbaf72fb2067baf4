package ico

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/book"
)

// column is one column of the ICO template: its heading as the template
// words it and the section it sits under.
type column struct {
	Heading, Section string
}

// Section names of the ICO controller template.
const (
	secRecord   = "Article 30 Record of Processing Activities"
	secNotices  = "Privacy Notices"
	secConsent  = "Consent"
	secAccess   = "Access Requests"
	secDPIA     = "Data Protection Impact Assessments"
	secBreaches = "Personal Data Breaches"
	secSch1     = "Data Protection Act 2018 – Special Category or Criminal Conviction and Offence Data"
)

// layout is the ICO template the importer reads. It is the importer's own
// copy, not the writer's profile: it describes a document the ICO
// published ("Documentation template for controllers",
// gdpr-documentation-controller-template.xlsx, ICO document 2172937, and
// its processor counterpart), which does not change when article30's own
// workbook does. The headings are the template's; hand-kept variants are
// in the matchers (match.go).
type layout struct {
	ControllerSheet, ProcessorSheet string
	ContactBlocks, ContactRows      []string
	Controller, Processor           []column
}

var templateLayout = layout{
	ControllerSheet: "Template",
	ProcessorSheet:  "Processor",
	ContactBlocks:   []string{"Name and contact details", "Data Protection Officer (if applicable)", "Representative (if applicable)"},
	ContactRows:     []string{"Name", "Address", "Email", "Telephone"},
	Controller: []column{
		{"Business function", secRecord},
		{"Purpose of processing", secRecord},
		{"Name and contact details of joint controller (if applicable)", secRecord},
		{"Categories of individuals", secRecord},
		{"Categories of personal data", secRecord},
		{"Categories of recipients", secRecord},
		{"Link to contract with processor", secRecord},
		{"Names of third countries or international organisations that personal data are transferred to (if applicable)", secRecord},
		{"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", secRecord},
		{"Retention schedule (if possible)", secRecord},
		{"General description of technical and organisational security measures (if possible)", secRecord},
		{"Article 6 lawful basis for processing personal data", secNotices},
		{"Article 9 condition for processing special category data", secNotices},
		{"Legitimate interests for the processing (if applicable)", secNotices},
		{"Link to record of legitimate interests assessment (if applicable)", secNotices},
		{"Rights available to individuals", secNotices},
		{"Existence of automated decision-making, including profiling (if applicable)", secNotices},
		{"The source of the personal data (if applicable)", secNotices},
		{"Link to record of consent", secConsent},
		{"Location of personal data", secAccess},
		{"Data Protection Impact Assessment required?", secDPIA},
		{"Data Protection Impact Assessment progress", secDPIA},
		{"Link to Data Protection Impact Assessment", secDPIA},
		{"Has a personal data breach occurred?", secBreaches},
		{"Link to record of personal data breach", secBreaches},
		{"Data Protection Act 2018 Schedule 1 Condition for processing", secSch1},
		{"GDPR Article 6 lawful basis for processing", secSch1},
		{"Link to retention and erasure policy document", secSch1},
		{"Is personal data retained and erased in accordance with the policy document?", secSch1},
		{"Reasons for not adhering to policy document (if applicable)", secSch1},
	},
	Processor: []column{
		{"Name and contact details of controller", secRecord},
		{"Name and contact details of controller's representative (if applicable)", secRecord},
		{"Categories of processing", secRecord},
		{"Names of third countries or international organisations that personal data are transferred to (if applicable)", secRecord},
		{"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", secRecord},
		{"General description of technical and organisational security measures (if possible)", secRecord},
	},
}

// Column indexes of the ICO controller record, from 0 for column A.
const (
	colBusinessFunction = iota
	colPurpose
	colJointController
	colIndividuals
	colPersonalData
	colRecipients
	colProcessorContract
	colThirdCountries
	colSafeguards
	colRetention
	colSecurity
	colArticle6
	colArticle9
	colLegitimateInterests
	colLIA
	colRights
	colAutomated
	colSource
	colConsentRecord
	colLocation
	colDPIARequired
	colDPIAProgress
	colDPIALink
	colBreach
	colBreachLink
	colSch1Condition
	colSch1Article6
	colPolicyDocument
	colFollowsPolicy
	colPolicyReasons
	numICOColumns
)

// maxCell is the most UTF-16 code units a workbook cell holds (Excel's
// limit, and the register's for text that an export puts in one cell).
const maxCell = 32767

// utf16Len counts the UTF-16 code units of s, the unit of Excel's cell
// limit.
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += utf16.RuneLen(r)
		i += size
	}
	return n
}

// quote quotes a cell's text for a message, cut to a readable length.
func quote(s string) string {
	const limit = 80
	if utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = string(r[:limit]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// config is the configuration of an import: package xlsx's read options.
type config = book.Config[xlsx.Profile]

func newConfig(opts []xlsx.ReadOption) config {
	c := config{
		Limits: book.Limits{MaxFile: xlsx.MaxFileSize, MaxUnzip: xlsx.MaxUnzipSize, MaxXML: xlsx.MaxXMLSize,
			MaxPart: xlsx.MaxPartSize, Expansion: xlsx.ExpansionFactor},
		MaxActivities: xlsx.MaxActivities, MaxCellErrors: xlsx.MaxCellErrors,
	}
	for _, o := range opts {
		o(&c)
	}
	c.MaxXML = min(c.MaxXML, c.MaxUnzip)
	c.MaxPart = min(c.MaxPart, c.MaxUnzip)
	return c
}

package xlsx

import (
	"reflect"
	"slices"
)

// Column is one column of the ICO's template: its heading as the template
// words it, the section it sits under, whether the template marks it
// required (green) or optional (blue), and the law it serves.
type Column struct {
	Heading  string
	Section  string
	Required bool
	Law      string
}

// Profile describes the ICO template's layout as this package lays it out:
// sheet names, the contact block, the section and heading rows, the
// columns and their colours. There is one, the ICO's ([ICO2018]): the
// writer fills the columns by position and the reader regenerates the
// views from it, so a profile is a description, not a way to lay out
// another regulator's template. A CNIL or Irish DPC layout would need
// columns keyed to register fields, which this package does not have.
// (The type stays exported because the ICO importer, export/xlsx/ico,
// shares the read options, whose configuration names it.)
type Profile struct {
	// Name identifies the profile and its version, e.g. "ico-2018".
	Name string
	// ControllerSheet and ProcessorSheet are the sheets' names.
	ControllerSheet, ProcessorSheet string
	// ContactBlocks are the blocks of the contact block, left to right,
	// each a label column and a value column; ContactRows are the labels
	// of its rows, starting at ContactFirstRow.
	ContactBlocks   []string
	ContactRows     []string
	ContactFirstRow int
	// SectionRow holds the merged section headers, HeadingRow the column
	// headings; data start on the row after HeadingRow.
	SectionRow, HeadingRow int
	// Controller and Processor are the columns of the two records, in
	// order from column A.
	Controller, Processor []Column
	// RequiredFill and OptionalFill are the heading colours of the legend.
	RequiredFill, OptionalFill string
}

// The names of the controller and processor sheets, as the ICO's template
// names them.
const (
	TemplateSheet  = "Template"
	ProcessorSheet = "Processor"
)

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

// ICO2018 is a copy of the layout of the ICO's "Documentation template for
// controllers" (gdpr-documentation-controller-template.xlsx, ICO document
// 2172937) and its processor counterpart, as the project's notes rebuild it
// from independent public copies: contact block in rows 2-6 (controller,
// DPO, representative; Name, Address, Email, Telephone), merged section
// headers in row 8, the 30 headings A-AD in row 9, data from row 10. Green
// headings are required under Article 30 or DPA 2018 Schedule 1, blue ones
// optional (the template's Notes sheet). The template has not been reissued
// since 2018 and still says "GDPR".
//
// It is a copy: the package lays out and reads its own, so changing this
// value changes nothing but itself.
var ICO2018 = icoLayout()

// icoLayout returns the ICO's layout, a new copy each time.
func icoLayout() Profile { return icoProfile.clone() }

// clone copies p, its slices included.
func (p Profile) clone() Profile {
	p.ContactBlocks = slices.Clone(p.ContactBlocks)
	p.ContactRows = slices.Clone(p.ContactRows)
	p.Controller = slices.Clone(p.Controller)
	p.Processor = slices.Clone(p.Processor)
	return p
}

// isICO reports whether p is the ICO's layout, the one the package lays out.
func isICO(p Profile) bool { return reflect.DeepEqual(p, icoProfile) }

// icoProfile is the package's own ICO layout, never handed out.
var icoProfile = Profile{
	Name:            "ico-2018",
	ControllerSheet: "Template",
	ProcessorSheet:  "Processor",
	ContactBlocks:   []string{"Name and contact details", "Data Protection Officer (if applicable)", "Representative (if applicable)"},
	ContactRows:     []string{"Name", "Address", "Email", "Telephone"},
	ContactFirstRow: 3,
	SectionRow:      8,
	HeadingRow:      9,
	RequiredFill:    "E2EFD9",
	OptionalFill:    "DEEAF6",
	Controller: []Column{
		{"Business function", secRecord, false, "organises the record"},
		{"Purpose of processing", secRecord, true, "Art 30(1)(b)"},
		{"Name and contact details of joint controller (if applicable)", secRecord, true, "Art 30(1)(a), Art 26"},
		{"Categories of individuals", secRecord, true, "Art 30(1)(c)"},
		{"Categories of personal data", secRecord, true, "Art 30(1)(c)"},
		{"Categories of recipients", secRecord, true, "Art 30(1)(d)"},
		{"Link to contract with processor", secRecord, false, "Art 28(3)"},
		{"Names of third countries or international organisations that personal data are transferred to (if applicable)", secRecord, true, "Art 30(1)(e)"},
		{"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", secRecord, true, "Art 30(1)(e)"},
		{"Retention schedule (if possible)", secRecord, true, "Art 30(1)(f)"},
		{"General description of technical and organisational security measures (if possible)", secRecord, true, "Art 30(1)(g)"},
		{"Article 6 lawful basis for processing personal data", secNotices, false, "Art 13(1)(c)"},
		{"Article 9 condition for processing special category data", secNotices, false, "Art 9(2)"},
		{"Legitimate interests for the processing (if applicable)", secNotices, false, "Art 13(1)(d)"},
		{"Link to record of legitimate interests assessment (if applicable)", secNotices, false, "Art 5(2)"},
		{"Rights available to individuals", secNotices, false, "Art 13(2)(b)-(d)"},
		{"Existence of automated decision-making, including profiling (if applicable)", secNotices, false, "Art 13(2)(f)"},
		{"The source of the personal data (if applicable)", secNotices, false, "Art 14(2)(f)"},
		{"Link to record of consent", secConsent, false, "Art 7(1)"},
		{"Location of personal data", secAccess, false, "Art 15"},
		{"Data Protection Impact Assessment required?", secDPIA, false, "Art 35"},
		{"Data Protection Impact Assessment progress", secDPIA, false, "Art 35"},
		{"Link to Data Protection Impact Assessment", secDPIA, false, "Art 35"},
		{"Has a personal data breach occurred?", secBreaches, false, "Art 33(5)"},
		{"Link to record of personal data breach", secBreaches, false, "Art 33(5)"},
		{"Data Protection Act 2018 Schedule 1 Condition for processing", secSch1, true, "DPA 2018 Sch 1 para 41(a)"},
		{"GDPR Article 6 lawful basis for processing", secSch1, true, "DPA 2018 Sch 1 para 41(b)"},
		{"Link to retention and erasure policy document", secSch1, true, "DPA 2018 Sch 1 para 39(b)"},
		{"Is personal data retained and erased in accordance with the policy document?", secSch1, true, "DPA 2018 Sch 1 para 41(c)"},
		{"Reasons for not adhering to policy document (if applicable)", secSch1, true, "DPA 2018 Sch 1 para 41(c)"},
	},
	Processor: []Column{
		{"Name and contact details of controller", secRecord, true, "Art 30(2)(a)"},
		{"Name and contact details of controller's representative (if applicable)", secRecord, true, "Art 30(2)(a)"},
		{"Categories of processing", secRecord, true, "Art 30(2)(b)"},
		{"Names of third countries or international organisations that personal data are transferred to (if applicable)", secRecord, true, "Art 30(2)(c)"},
		{"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", secRecord, true, "Art 30(2)(c)"},
		{"General description of technical and organisational security measures (if possible)", secRecord, true, "Art 30(2)(d)"},
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

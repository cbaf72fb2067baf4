package tpl

// The sheets of the template.
const (
	ControllerSheet = "Template"
	ProcessorSheet  = "Processor"
)

// The contact block: its blocks, left to right, each a label column and
// a value column, and the labels of its rows, from ContactFirstRow.
var (
	ContactBlocks = []string{"Name and contact details", "Data Protection Officer (if applicable)", "Representative (if applicable)"}
	ContactRows   = []string{"Name", "Address", "Email", "Telephone"}
)

// The rows of the template: the contact block's first, the merged section
// headers, the column headings; data start on the row after HeadingRow.
const (
	ContactFirstRow = 3
	SectionRow      = 8
	HeadingRow      = 9
)

// The fills of the headings of required (green) and optional (blue)
// columns.
const (
	RequiredFill = "E2EFD9"
	OptionalFill = "DEEAF6"
)

// Column is one column of the template: its heading as the template words
// it, the section it sits under, whether the template marks it required
// (green) or optional (blue), and the law it serves.
type Column struct {
	Heading  string
	Section  string
	Required bool
	Law      string
}

// Section names of the ICO controller template.
const (
	SecRecord   = "Article 30 Record of Processing Activities"
	SecNotices  = "Privacy Notices"
	SecConsent  = "Consent"
	SecAccess   = "Access Requests"
	SecDPIA     = "Data Protection Impact Assessments"
	SecBreaches = "Personal Data Breaches"
	SecSch1     = "Data Protection Act 2018 – Special Category or Criminal Conviction and Offence Data"
)

// Controller are the columns of the controller record, from column A
// (indexed by the constants below).
var Controller = []Column{
	{"Business function", SecRecord, false, "organises the record"},
	{"Purpose of processing", SecRecord, true, "Art 30(1)(b)"},
	{"Name and contact details of joint controller (if applicable)", SecRecord, true, "Art 30(1)(a), Art 26"},
	{"Categories of individuals", SecRecord, true, "Art 30(1)(c)"},
	{"Categories of personal data", SecRecord, true, "Art 30(1)(c)"},
	{"Categories of recipients", SecRecord, true, "Art 30(1)(d)"},
	{"Link to contract with processor", SecRecord, false, "Art 28(3)"},
	{"Names of third countries or international organisations that personal data are transferred to (if applicable)", SecRecord, true, "Art 30(1)(e)"},
	{"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", SecRecord, true, "Art 30(1)(e)"},
	{"Retention schedule (if possible)", SecRecord, true, "Art 30(1)(f)"},
	{"General description of technical and organisational security measures (if possible)", SecRecord, true, "Art 30(1)(g)"},
	{"Article 6 lawful basis for processing personal data", SecNotices, false, "Art 13(1)(c)"},
	{"Article 9 condition for processing special category data", SecNotices, false, "Art 9(2)"},
	{"Legitimate interests for the processing (if applicable)", SecNotices, false, "Art 13(1)(d)"},
	{"Link to record of legitimate interests assessment (if applicable)", SecNotices, false, "Art 5(2)"},
	{"Rights available to individuals", SecNotices, false, "Art 13(2)(b)-(d)"},
	{"Existence of automated decision-making, including profiling (if applicable)", SecNotices, false, "Art 13(2)(f)"},
	{"The source of the personal data (if applicable)", SecNotices, false, "Art 14(2)(f)"},
	{"Link to record of consent", SecConsent, false, "Art 7(1)"},
	{"Location of personal data", SecAccess, false, "Art 15"},
	{"Data Protection Impact Assessment required?", SecDPIA, false, "Art 35"},
	{"Data Protection Impact Assessment progress", SecDPIA, false, "Art 35"},
	{"Link to Data Protection Impact Assessment", SecDPIA, false, "Art 35"},
	{"Has a personal data breach occurred?", SecBreaches, false, "Art 33(5)"},
	{"Link to record of personal data breach", SecBreaches, false, "Art 33(5)"},
	{"Data Protection Act 2018 Schedule 1 Condition for processing", SecSch1, true, "DPA 2018 Sch 1 para 41(a)"},
	{"GDPR Article 6 lawful basis for processing", SecSch1, true, "DPA 2018 Sch 1 para 41(b)"},
	{"Link to retention and erasure policy document", SecSch1, true, "DPA 2018 Sch 1 para 39(b)"},
	{"Is personal data retained and erased in accordance with the policy document?", SecSch1, true, "DPA 2018 Sch 1 para 41(c)"},
	{"Reasons for not adhering to policy document (if applicable)", SecSch1, true, "DPA 2018 Sch 1 para 41(c)"},
}

// Processor are the columns of the processor record, from column A.
var Processor = []Column{
	{"Name and contact details of controller", SecRecord, true, "Art 30(2)(a)"},
	{"Name and contact details of controller's representative (if applicable)", SecRecord, true, "Art 30(2)(a)"},
	{"Categories of processing", SecRecord, true, "Art 30(2)(b)"},
	{"Names of third countries or international organisations that personal data are transferred to (if applicable)", SecRecord, true, "Art 30(2)(c)"},
	{"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)", SecRecord, true, "Art 30(2)(c)"},
	{"General description of technical and organisational security measures (if possible)", SecRecord, true, "Art 30(2)(d)"},
}

// Column indexes of the ICO controller record, from 0 for column A.
const (
	ColBusinessFunction = iota
	ColPurpose
	ColJointController
	ColIndividuals
	ColPersonalData
	ColRecipients
	ColProcessorContract
	ColThirdCountries
	ColSafeguards
	ColRetention
	ColSecurity
	ColArticle6
	ColArticle9
	ColLegitimateInterests
	ColLIA
	ColRights
	ColAutomated
	ColSource
	ColConsentRecord
	ColLocation
	ColDPIARequired
	ColDPIAProgress
	ColDPIALink
	ColBreach
	ColBreachLink
	ColSch1Condition
	ColSch1Article6
	ColPolicyDocument
	ColFollowsPolicy
	ColPolicyReasons
	NumColumns
)

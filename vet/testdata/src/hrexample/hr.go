// Package hrexample is a copy of examples/hr's types. // want package:`article30 package`
//
// Held against examples/hr/register.yaml, with three planted defects: an
// undeclared field, an untagged National Insurance number and an
// undeclared recipient.
package hrexample

import "time"

// Applicant is an unsuccessful job applicant whose file HR still holds.
//
//article30:activity recruitment subjects=job-applicants
type Applicant struct { // want Applicant:`activity recruitment subjects=job-applicants`
	ID               string    `article30:"identifiers"`
	Vacancy          string    // the vacancy applied for
	RecruitmentEnded time.Time `article30:"-"`                       // the day the vacancy was filled or withdrawn
	SponsoredHire    bool      `article30:"-"`                       // the vacancy went to a worker on a sponsored visa
	Ethnicity        string    `article30:"racial-or-ethnic-origin"` // want `Applicant.Ethnicity holds racial-or-ethnic-origin, which activity "recruitment" does not declare for job-applicants; add to its dataCategories: \{category: racial-or-ethnic-origin, subjects: \[job-applicants\]\} \(UK GDPR Art 30\(1\)\(c\)\) \[undeclared-category\]`
}

// Leaver is a former employee whose personnel file HR still holds.
//
//article30:activity employment subjects=former-employees
type Leaver struct { // want Leaver:`activity employment subjects=former-employees`
	EmployeeID    string    `article30:"identifiers"`
	LeftOn        time.Time `article30:"employment-details"` // the last day of employment
	SponsoredVisa bool      `article30:"right-to-work"`      // sponsored by the company while employed
	NINumber      string    // want `Leaver.NINumber looks like personal data \(Government identifiers\) but has no article30 tag; tag it article30:"government-identifiers"`
}

// Payroll hands records to the payroll bureau.
//
//article30:recipient payright-bureau-ltd
func Payroll(v any) {} // want Payroll:`sinks 0: recipient "PayRight Bureau Ltd \(payroll\)"`

func monthly(a Applicant, l Leaver) {
	Payroll(l)
	Payroll(a) // want `Applicant reaches recipient "PayRight Bureau Ltd \(payroll\)" through hrexample.Payroll, which activity "recruitment" does not declare for job-applicants; add to its recipients: \{name: PayRight Bureau Ltd \(payroll\), kind: processor, country: GB, subjects: \[job-applicants\]\} \(UK GDPR Art 30\(1\)\(d\)\) \[undeclared-recipient\]`
}

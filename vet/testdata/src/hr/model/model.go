// Package model holds the hr service's types. // want package:`article30 package holding`
//
// It holds the hr service's types: every diagnostic about types
// fires or is held back here.
package model

import (
	"net"
	"time"
)

// Applicant is a job applicant: every field is declared.
//
//article30:activity recruitment subjects=job-applicants
type Applicant struct { // want Applicant:`activity recruitment subjects=job-applicants`
	ID        string    `article30:"identifiers"`
	Name      string    `json:"name" article30:"identifiers"`
	Email     string    `article30:"contact-details"`
	CV        []byte    `article30:"employment-history"`
	Adjust    string    `article30:"health"` // special, and the activity has its condition
	Vacancy   string    // not personal-looking: no diagnostic
	Applied   time.Time // not personal-looking
	Referees  []Referee // a record of its own, annotated
	Home      Address   // a component: its tags are checked as Applicant's
	FileName  string    // "name" only as a bare word or a person's name: no diagnostic
	Reviewed  bool      `article30:"-"`
	NINumber  string    // want `Applicant.NINumber looks like personal data \(Government identifiers\) but has no article30 tag`
	Ethnicity string    `article30:"racial-or-ethnic-origin"` // want `Applicant.Ethnicity holds racial-or-ethnic-origin, which activity "recruitment" does not declare for job-applicants; add to its dataCategories: \{category: racial-or-ethnic-origin, subjects: \[job-applicants\]\} \(UK GDPR Art 30\(1\)\(c\)\) \[undeclared-category\]`
	Salary    int       `article30:"salary"`                  // want `Applicant.Salary holds pay-and-benefits, which activity "recruitment" does not declare`
	Helth     string    `article30:"helth"`                   // want `unknown data category "helth" \(did you mean "health"\?\)`
	Sex       string    `article30:sex`                       // want `the tag article30:sex cannot be read`
	Alias     PersonAlias
}

// Address is a component: tagged, with no activity of its own.
type Address struct {
	Street   string `article30:"contact-details"`
	Postcode string `article30:"contact-details"`
	Geo      string `article30:"location"` // want `Applicant.Home.Geo holds location, which activity "recruitment" does not declare for job-applicants`
}

// Referee writes a reference: scoped to referees.
//
//article30:activity recruitment subjects=referees
type Referee struct { // want Referee:`activity recruitment subjects=referees`
	Name      string `article30:"identifiers"`
	Email     string `article30:"contact-details"`
	Reference string `article30:"references"`
	History   string `article30:"employment-history"` // want `Referee.History holds employment-history, which activity "recruitment" does not declare for referees; add to its dataCategories: \{category: employment-history, subjects: \[referees\]\}`
}

// Candidate is an alias: it is Applicant.
type Candidate = Applicant

// PersonAlias is a plain struct with nothing personal.
type PersonAlias struct{ Count int }

// Shortlisted is a defined type of an annotated type: it carries its
// annotation.
type Shortlisted Applicant // want Shortlisted:`activity recruitment subjects=job-applicants`

// Employee is in two activities' records, unscoped in employment.
//
//article30:activity employment
type Employee struct { // want Employee:`^activity employment$`
	Person            // embedded, not annotated: its fields are Employee's
	NI      string    `article30:"government-identifiers"` // want `Employee.NI holds government-identifiers, which activity "employment" does not declare for former-employees; add to its dataCategories: \{category: government-identifiers, subjects: \[former-employees\]\}`
	Pay     int       `article30:"pay-and-benefits"`
	Sort    string    `article30:"financial"`
	IP      net.IP    // want `Employee.IP looks like personal data \(Online identifiers\)`
	Started time.Time `article30:"-"`
}

// Person is embedded in Employee.
type Person struct {
	FirstName string // want `Employee.Person.FirstName looks like personal data \(Personal identifiers\)`
	Surname   string `article30:"identifiers"`
}

// Check is a criminal record check, in an activity that declares neither
// the category nor its Schedule 1 condition.
//
//article30:activity vetting subjects=job-applicants
type Check struct { // want Check:`activity vetting subjects=job-applicants`
	ApplicantID string `article30:"identifiers"`
	DBS         string `article30:"criminal-offences"` // want `Check.DBS holds criminal-offences, which activity "vetting" does not declare` `Check.DBS holds criminal-offences, criminal offence data, but activity "vetting" records no DPA 2018 Schedule 1 condition \(criminal.schedule1\) \(UK GDPR Art 10; DPA 2018 s10\(5\)\) \[criminal-without-authority\]`
	Health      string `article30:"health"`            // want `Check.Health holds health, which activity "vetting" does not declare` `Check.Health holds health, special category data, but activity "vetting" records no Art 9\(2\) condition \(special.conditions\) \(UK GDPR Art 9\(1\)-\(2\)\) \[special-without-condition\]`
}

//article30:activity recruitmnt // want `Typo: the register register.yaml has no activity "recruitmnt" \(did you mean "recruitment"\?\)`
type Typo struct { // want Typo:`activity recruitmnt`
	Email string `article30:"contact-details"`
}

//article30:activity employment subjects=referees,applicants,aliens // want `"referees" is not one of activity "employment"'s dataSubjects \(employees, former-employees\)` `"job-applicants" is not one of activity "employment"'s dataSubjects` `subjects=aliens: unknown data subject "aliens"`
type WrongGroup struct { // want WrongGroup:`^activity employment$`
	Email string `article30:"contact-details"`
}

//article30:activity // want `//article30:activity needs the ID of an activity`
type NoID struct{}

//article30:recipient "PayRight Bureau Ltd (payroll)" // want `//article30:recipient marks a func, method or interface method that hands data to others, not a type`
type Misplaced struct{}

//article30:activity recruitment // want `//article30:activity goes on a struct type; Names is not one`
type Names []string

//article30:activity recruitment // want `CandidateAlias is an alias: it is the type it names`
type CandidateAlias = Applicant

//article30:frobnicate // want `unknown directive "//article30:frobnicate"`
type Frob struct{}

var _ = 1 //article30:activity recruitment // want `//article30:activity means nothing here`

// Generic is an annotated generic record.
//
//article30:activity employment
type Generic[T any] struct { // want Generic:`^activity employment$`
	Value T
	Email string `article30:"contact-details"`
}

// Page is a generic container with no annotation.
type Page[T any] struct {
	Items []T
	Next  string
}

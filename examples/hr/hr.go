package main

import (
	"embed"
	"fmt"
	"slices"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// files holds the HR team's register, kept by the DPO in git.
//
//go:embed register.yaml
var files embed.FS

// LoadRegister decodes and validates the embedded register; its errors
// name register.yaml, with line and column.
func LoadRegister() (*ropa.Register, error) {
	reg, err := ropa.LoadFS(files, "register.yaml")
	if err != nil {
		return nil, err
	}
	if err := reg.Validate(); err != nil {
		return nil, fmt.Errorf("register.yaml: %w", err)
	}
	return reg, nil
}

// Where each kind of file the service holds sits in the register: the
// activity, and the data category whose retention rule governs the file.
const (
	recruitment   = "recruitment"
	employment    = "employment"
	applicantFile = ropa.EmploymentHistory // CV and application form
	personnelFile = ropa.EmploymentDetails // contract and HR record
)

// sponsoredVisa is the retention condition the register's overrides use.
const sponsoredVisa = "sponsored-visa"

// Applicant is an unsuccessful job applicant whose file HR still holds.
// Its annotation and tags say where it sits in the register; go vet with
// article30-vet checks them against register.yaml.
//
//article30:activity recruitment subjects=job-applicants
type Applicant struct {
	ID               string    `article30:"identifiers"`
	Vacancy          string    // the vacancy applied for
	RecruitmentEnded time.Time `article30:"-"` // the day the vacancy was filled or withdrawn
	SponsoredHire    bool      `article30:"-"` // the vacancy went to a worker on a sponsored visa
}

// Leaver is a former employee whose personnel file HR still holds.
//
//article30:activity employment subjects=former-employees
type Leaver struct {
	EmployeeID    string    `article30:"identifiers"`
	LeftOn        time.Time `article30:"employment-details"` // the last day of employment
	SponsoredVisa bool      `article30:"right-to-work"`      // sponsored by the company while employed
}

// People are the files HR holds that the retention schedule ends.
type People struct {
	Applicants []Applicant
	Leavers    []Leaver
}

// Erasure is a file due for erasure.
type Erasure struct {
	Who  string    // applicant or employee ID
	Kind string    // "applicant" or "leaver"
	Due  time.Time // the day the rule's period ends
	Rule string    // the register's rule, in short form without its source
}

// DueForErasure returns the files that fall due for erasure in the calendar
// month of month, sorted by due date, under the retention rules of reg.
// A monthly job that runs every month therefore misses none.
//
// The rules come from the register, not from the code: when the DPO changes
// a period, the service follows. It refuses a rule that runs from an event
// the service does not record the date of.
func DueForErasure(reg *ropa.Register, p People, month time.Time) ([]Erasure, error) {
	var out []Erasure
	add := func(kind, who, act string, c ropa.Category, event retention.Trigger, on time.Time, sponsored bool) error {
		rec := ropa.Record{Activity: act, Category: c, Triggers: map[retention.Trigger]time.Time{event: on}}
		if sponsored {
			rec.Conditions = []string{sponsoredVisa}
		}
		due, err := reg.Due(rec)
		if err != nil {
			return fmt.Errorf("%s %s: %w", kind, who, err)
		}
		if !due.Fixed {
			return fmt.Errorf("%s %s: rule %q has no fixed end", kind, who, due.Rule)
		}
		if due.Date.Year() == month.Year() && due.Date.Month() == month.Month() {
			due.Rule.Source = retention.Source{}
			out = append(out, Erasure{Who: who, Kind: kind, Due: due.Date, Rule: due.Rule.String()})
		}
		return nil
	}
	for _, a := range p.Applicants {
		if err := add("applicant", a.ID, recruitment, applicantFile, retention.EndOfRecruitment, a.RecruitmentEnded, a.SponsoredHire); err != nil {
			return nil, err
		}
	}
	for _, l := range p.Leavers {
		if err := add("leaver", l.EmployeeID, employment, personnelFile, retention.TerminationOfEmployment, l.LeftOn, l.SponsoredVisa); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(out, func(a, b Erasure) int { return a.Due.Compare(b.Due) })
	return out, nil
}

// PurposeRights are the rights that apply to the data used for one purpose.
type PurposeRights struct {
	Purpose string
	Basis   lawfulbasis.Basis
	Rights  []rights.Right
}

// EmployeeRights returns, for each purpose of the employment activity, the
// rights an employee has over the data used for it under the register's
// regime on the day of at. An erasure request, say, reaches the data used
// under a contract but not the data HR must keep for HMRC.
func EmployeeRights(reg *ropa.Register, at time.Time) ([]PurposeRights, error) {
	a, err := reg.Activity(employment)
	if err != nil {
		return nil, err
	}
	var out []PurposeRights
	for _, pr := range a.Rights(reg.Jurisdiction, at, "") {
		out = append(out, PurposeRights{pr.Purpose.Description, pr.Purpose.Basis, pr.Rights})
	}
	return out, nil
}

// Engages returns the purposes whose data a request to exercise r reaches.
func Engages(prs []PurposeRights, r rights.Right) []string {
	var out []string
	for _, pr := range prs {
		if slices.Contains(pr.Rights, r) {
			out = append(out, pr.Purpose)
		}
	}
	return out
}

// AccessRequest is a subject access request as HR's case log records it.
type AccessRequest struct {
	Received time.Time      // the day the request arrived
	Identity time.Time      // the day proof of identity arrived; zero if none was asked for
	Pauses   []rights.Pause // clarifications asked for and received
}

// AccessDue returns the last day for answering q under the register's
// regime and the rule in force when q arrived: for UK requests from 5
// February 2026, UK GDPR Art 12A, one month from the latest of receipt and
// proof of identity plus the days spent waiting for clarification. A last
// day on a weekend or one of the given bank holidays moves to the next
// working day.
func AccessDue(reg *ropa.Register, q AccessRequest, holidays []time.Time) (time.Time, error) {
	return rights.Request{
		Regime:   reg.Jurisdiction,
		Right:    rights.Access,
		Received: q.Received,
		Identity: q.Identity,
		Pauses:   q.Pauses,
	}.Due(rights.SkipWeekends(), rights.WithHolidays(holidays...))
}

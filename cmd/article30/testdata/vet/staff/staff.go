// Package staff holds the applicants' records.
package staff

import "example.com/hrsvc/sinks"

// Applicant applies for a job.
//
//article30:activity recruitment subjects=job-applicants
type Applicant struct {
	Name     string `article30:"identifiers"`
	Email    string `article30:"contact-details"`
	NINumber string
	Health   string `article30:"health"`
}

// Referee writes a reference.
//
//article30:activity recruitment subjects=referees
type Referee struct {
	Name string `article30:"identifiers"`
	CV   string `article30:"employment-history"`
}

// Send passes the records on.
func Send(a Applicant, r Referee) {
	sinks.Upload(a)
	sinks.Upload(r)
	sinks.Enrol(a)
}

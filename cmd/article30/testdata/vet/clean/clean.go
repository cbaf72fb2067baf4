// Package clean declares everything it holds.
package clean

import "example.com/hrsvc/sinks"

// Candidate applies for a job.
//
//article30:activity recruitment subjects=job-applicants
type Candidate struct {
	Name  string `article30:"identifiers"`
	Email string `article30:"contact-details"`
}

// Send passes a candidate on.
func Send(c Candidate) { sinks.Upload(c) }

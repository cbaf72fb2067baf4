// Package sinks hands data to others.
package sinks

// Upload sends to the applicant tracking system.
//
//article30:recipient talentdesk-ltd
func Upload(v any) {}

// Enrol sends to a US service the register does not know.
//
//article30:transfer US recipient="HireHub Inc"
func Enrol(v any) {}

// Package model is held against an EU register. // want package:`article30 package`
package model

// Check is a criminal record check: under the EU regime it needs official
// authority or authorising law; the Art 9(2)(b) condition needs no
// Schedule 1 condition.
//
//article30:activity vetting
type Check struct { // want Check:`activity vetting`
	Name   string `article30:"identifiers"`
	Record string `article30:"criminal-offences"` // want `Check.Record holds criminal-offences, criminal offence data, but activity "vetting" records no official authority or law that authorises it \(criminal.authority\) \(GDPR Art 10\) \[criminal-without-authority\]`
	Health string `article30:"health"`
}

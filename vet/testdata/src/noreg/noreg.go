// Package noreg has annotations and no register. // want package:`article30 package`
package noreg

//article30:activity recruitment // want `no register to hold this package against: give -register FILE`
type Applicant struct { // want Applicant:`activity recruitment`
	Email string `article30:"contact-details"`
	Phone string // want `Applicant.Phone looks like personal data \(Contact details\)`
	Helth string `article30:"helth"` // want `unknown data category "helth"`
}

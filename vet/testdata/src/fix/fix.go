// Package fix has fields to tag. // want package:`article30 package`
package fix

//article30:activity employment
type Employee struct { // want Employee:`activity employment`
	Name  string `article30:"identifiers"`
	Email string `json:"email"` // want `Employee.Email looks like personal data`
	Phone string // want `Employee.Phone looks like personal data`
}

package retention

import "strings"

// Trigger is the event a retention period runs from, or the event a rule
// runs until. It is a slug: lower-case letters and digits in groups joined
// by single hyphens, such as "end-of-contract". The well-known triggers are
// the constants below; other slugs are allowed and read as their words.
type Trigger string

// Well-known triggers, in the order returned by [Triggers].
const (
	// Collection is the date the personal data was collected.
	Collection Trigger = "collection"
	// LastContact is the data subject's last contact with the controller.
	LastContact Trigger = "last-contact"
	// EndOfRecruitment is the end of a recruitment process.
	EndOfRecruitment Trigger = "end-of-recruitment"
	// Appointment is the appointment of the successful candidate.
	Appointment Trigger = "appointment"
	// TerminationOfEmployment is the end of the data subject's employment.
	TerminationOfEmployment Trigger = "termination-of-employment"
	// EndOfContract is the end of the contract.
	EndOfContract Trigger = "end-of-contract"
	// EndOfFinancialYear is the end of the financial year.
	EndOfFinancialYear Trigger = "end-of-financial-year"
)

// Triggers returns the well-known triggers in declaration order. The slice
// is new on each call.
func Triggers() []Trigger {
	return []Trigger{
		Collection,
		LastContact,
		EndOfRecruitment,
		Appointment,
		TerminationOfEmployment,
		EndOfContract,
		EndOfFinancialYear,
	}
}

// Known reports whether t is one of the well-known triggers.
func (t Trigger) Known() bool {
	switch t {
	case Collection, LastContact, EndOfRecruitment, Appointment,
		TerminationOfEmployment, EndOfContract, EndOfFinancialYear:
		return true
	}
	return false
}

// Valid reports whether t is a slug: one or more groups of the characters
// a-z and 0-9 joined by single hyphens. The empty trigger is not valid.
func (t Trigger) Valid() bool { return isSlug(string(t)) }

// Phrase returns a noun phrase for t, written to the data subject, for use
// in privacy notices: Collection is "the date we collected it",
// TerminationOfEmployment is "the date your employment ends", and so on.
// Other triggers read as their words: "end-of-school-year" is
// "end of school year".
func (t Trigger) Phrase() string {
	switch t {
	case Collection:
		return "the date we collected it"
	case LastContact:
		return "your last contact with us"
	case EndOfRecruitment:
		return "the end of the recruitment process"
	case Appointment:
		return "the date the successful candidate is appointed"
	case TerminationOfEmployment:
		return "the date your employment ends"
	case EndOfContract:
		return "the end of the contract"
	case EndOfFinancialYear:
		return "the end of the financial year"
	}
	return words(string(t))
}

// conditionPhrase returns the "if ..." clause for an override condition.
func conditionPhrase(c string) string {
	switch c {
	case "sponsored-visa":
		return "if the successful candidate holds a sponsored visa"
	case "legal-claim":
		return "if there is a legal claim"
	}
	return "if " + words(c)
}

// words turns a slug into words by replacing hyphens with spaces.
func words(slug string) string {
	return strings.ReplaceAll(slug, "-", " ")
}

// isSlug reports whether s matches [a-z0-9]+(-[a-z0-9]+)*. It does not
// allocate.
func isSlug(s string) bool {
	if s == "" {
		return false
	}
	hyphen := true // a hyphen may not come first
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			hyphen = false
		case c == '-':
			if hyphen {
				return false
			}
			hyphen = true
		default:
			return false
		}
	}
	return !hyphen
}

// lowerASCII maps ASCII upper-case letters in s to lower case and leaves
// every other byte alone.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// equalFoldASCII reports whether s equals the lower-case ASCII word kw,
// ignoring ASCII case only.
func equalFoldASCII(s, kw string) bool {
	if len(s) != len(kw) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != kw[i] {
			return false
		}
	}
	return true
}

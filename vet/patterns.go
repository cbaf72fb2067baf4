package vet

import (
	"go/types"
	"slices"
	"strings"
	"unicode"

	"github.com/article30/article30/ropa"
)

// pattern is a run of words in a field's name that makes it look like
// personal data of a catalogue category.
type pattern struct {
	words    []string
	category ropa.Category
}

// namePatterns is the table the untagged-personal-data check reads: the
// words of a field's name (split at case changes, digits and underscores,
// lower-cased: IPAddress is "ip address", DateOfBirth "date of birth")
// that mark it as personal data, and the catalogue category it suggests.
// The first pattern whose words occur in the name, in order and next to
// each other, wins, so the specific ones ("ip address") come before the
// general ("address").
//
// Sources: the UK GDPR's definition of personal data, Art 4(1) (now
// Art 4(1)(1)), which names "a name, an identification number, location
// data, an online identifier"; Recital 30 (internet protocol addresses,
// cookie identifiers); the special categories of Art 9(1) and criminal
// offence data of Art 10; the ICO's guidance "What are identifiers and
// related factors?" (ico.org.uk, UK GDPR guidance and resources, What is
// personal data?), which adds address, place of work and telephone
// number as identifiers in combination. Privado's open data element rules
// (github.com/Privado-Inc/privado, rules/sources: contact_data,
// national_identification_numbers, personal_characteristics, health_data,
// financial_data) were read as a comparison: they match similar names by
// regular expression over any identifier; this table matches whole words
// and only inside a struct annotated with an activity, to keep false
// positives low. Words that are also common programming words (id, key,
// name in "FileName", type, status) match only in the forms listed.
var namePatterns = []pattern{
	// Online identifiers (Recital 30) before "address".
	{[]string{"ip", "address"}, ropa.OnlineIdentifiers},
	{[]string{"ip", "addr"}, ropa.OnlineIdentifiers},
	{[]string{"ip"}, ropa.OnlineIdentifiers},
	{[]string{"mac", "address"}, ropa.OnlineIdentifiers},
	{[]string{"device", "id"}, ropa.OnlineIdentifiers},
	{[]string{"cookie"}, ropa.OnlineIdentifiers},
	{[]string{"user", "agent"}, ropa.OnlineIdentifiers},
	{[]string{"username"}, ropa.OnlineIdentifiers},
	{[]string{"user", "name"}, ropa.OnlineIdentifiers},
	// Contact details.
	{[]string{"email"}, ropa.ContactDetails},
	{[]string{"e", "mail"}, ropa.ContactDetails},
	{[]string{"phone"}, ropa.ContactDetails},
	{[]string{"telephone"}, ropa.ContactDetails},
	{[]string{"mobile"}, ropa.ContactDetails},
	{[]string{"address"}, ropa.ContactDetails},
	{[]string{"postcode"}, ropa.ContactDetails},
	{[]string{"post", "code"}, ropa.ContactDetails},
	{[]string{"postal", "code"}, ropa.ContactDetails},
	{[]string{"zip", "code"}, ropa.ContactDetails},
	{[]string{"street"}, ropa.ContactDetails},
	// Date of birth and age.
	{[]string{"date", "of", "birth"}, ropa.DateOfBirth},
	{[]string{"birth", "date"}, ropa.DateOfBirth},
	{[]string{"birthdate"}, ropa.DateOfBirth},
	{[]string{"birthday"}, ropa.DateOfBirth},
	{[]string{"born"}, ropa.DateOfBirth},
	{[]string{"dob"}, ropa.DateOfBirth},
	{[]string{"age"}, ropa.DateOfBirth},
	// Government identifiers.
	{[]string{"national", "insurance"}, ropa.GovernmentIDs},
	{[]string{"ni", "number"}, ropa.GovernmentIDs},
	{[]string{"ni", "no"}, ropa.GovernmentIDs},
	{[]string{"nino"}, ropa.GovernmentIDs},
	{[]string{"passport"}, ropa.GovernmentIDs},
	{[]string{"driving", "licence"}, ropa.GovernmentIDs},
	{[]string{"driving", "license"}, ropa.GovernmentIDs},
	{[]string{"drivers", "license"}, ropa.GovernmentIDs},
	{[]string{"driver", "license"}, ropa.GovernmentIDs},
	{[]string{"ssn"}, ropa.GovernmentIDs},
	{[]string{"social", "security"}, ropa.GovernmentIDs},
	{[]string{"tax", "reference"}, ropa.GovernmentIDs},
	{[]string{"utr"}, ropa.GovernmentIDs},
	{[]string{"nhs", "number"}, ropa.GovernmentIDs},
	{[]string{"upn"}, ropa.GovernmentIDs}, // unique pupil number
	// Financial.
	{[]string{"bank"}, ropa.Financial},
	{[]string{"iban"}, ropa.Financial},
	{[]string{"sort", "code"}, ropa.Financial},
	{[]string{"account", "number"}, ropa.Financial},
	{[]string{"card", "number"}, ropa.Financial},
	{[]string{"credit", "card"}, ropa.Financial},
	// Pay and benefits.
	{[]string{"salary"}, ropa.PayAndBenefits},
	{[]string{"wage"}, ropa.PayAndBenefits},
	{[]string{"wages"}, ropa.PayAndBenefits},
	{[]string{"payroll"}, ropa.PayAndBenefits},
	{[]string{"bonus"}, ropa.PayAndBenefits},
	{[]string{"pension"}, ropa.PayAndBenefits},
	{[]string{"remuneration"}, ropa.PayAndBenefits},
	{[]string{"tax", "code"}, ropa.PayAndBenefits},
	// Special category data (Art 9(1)).
	{[]string{"ethnicity"}, ropa.RacialEthnicOrigin},
	{[]string{"ethnic"}, ropa.RacialEthnicOrigin},
	{[]string{"race"}, ropa.RacialEthnicOrigin},
	{[]string{"religion"}, ropa.Beliefs},
	{[]string{"religious"}, ropa.Beliefs},
	{[]string{"faith"}, ropa.Beliefs},
	{[]string{"belief"}, ropa.Beliefs},
	{[]string{"beliefs"}, ropa.Beliefs},
	{[]string{"political"}, ropa.PoliticalOpinions},
	{[]string{"trade", "union"}, ropa.TradeUnion},
	{[]string{"union", "member"}, ropa.TradeUnion},
	{[]string{"union", "membership"}, ropa.TradeUnion},
	{[]string{"genetic"}, ropa.Genetic},
	{[]string{"dna"}, ropa.Genetic},
	{[]string{"fingerprint"}, ropa.Biometric},
	{[]string{"biometric"}, ropa.Biometric},
	{[]string{"biometrics"}, ropa.Biometric},
	{[]string{"face", "template"}, ropa.Biometric},
	{[]string{"health"}, ropa.Health},
	{[]string{"medical"}, ropa.Health},
	{[]string{"disability"}, ropa.Health},
	{[]string{"disabled"}, ropa.Health},
	{[]string{"diagnosis"}, ropa.Health},
	{[]string{"allergy"}, ropa.Health},
	{[]string{"allergies"}, ropa.Health},
	{[]string{"medication"}, ropa.Health},
	{[]string{"sickness"}, ropa.Health},
	{[]string{"illness"}, ropa.Health},
	{[]string{"sexual", "orientation"}, ropa.SexualOrientation},
	{[]string{"sexuality"}, ropa.SexualOrientation},
	{[]string{"sex", "life"}, ropa.SexLife},
	// Criminal offence data (Art 10).
	{[]string{"criminal"}, ropa.CriminalOffences},
	{[]string{"conviction"}, ropa.CriminalOffences},
	{[]string{"convictions"}, ropa.CriminalOffences},
	{[]string{"offence"}, ropa.CriminalOffences},
	{[]string{"offences"}, ropa.CriminalOffences},
	{[]string{"offense"}, ropa.CriminalOffences},
	{[]string{"dbs"}, ropa.CriminalOffences},
	{[]string{"crb"}, ropa.CriminalOffences},
	// Demographics.
	{[]string{"gender"}, ropa.Demographics},
	{[]string{"sex"}, ropa.Demographics},
	{[]string{"nationality"}, ropa.Demographics},
	// Family.
	{[]string{"next", "of", "kin"}, ropa.Family},
	{[]string{"kin"}, ropa.Family},
	{[]string{"spouse"}, ropa.Family},
	{[]string{"marital"}, ropa.Family},
	{[]string{"dependants"}, ropa.Family},
	{[]string{"emergency", "contact"}, ropa.Family},
	// Employment and education.
	{[]string{"right", "to", "work"}, ropa.RightToWork},
	{[]string{"visa"}, ropa.RightToWork},
	{[]string{"immigration"}, ropa.RightToWork},
	{[]string{"share", "code"}, ropa.RightToWork},
	{[]string{"appraisal"}, ropa.Performance},
	{[]string{"disciplinary"}, ropa.Conduct},
	{[]string{"grievance"}, ropa.Conduct},
	{[]string{"qualification"}, ropa.Education},
	{[]string{"qualifications"}, ropa.Education},
	{[]string{"job", "title"}, ropa.EmploymentDetails},
	{[]string{"cv"}, ropa.EmploymentHistory},
	{[]string{"resume"}, ropa.EmploymentHistory},
	// Images and location.
	{[]string{"photo"}, ropa.Images},
	{[]string{"photograph"}, ropa.Images},
	{[]string{"avatar"}, ropa.Images},
	{[]string{"cctv"}, ropa.Images},
	{[]string{"latitude"}, ropa.Location},
	{[]string{"longitude"}, ropa.Location},
	{[]string{"geolocation"}, ropa.Location},
	{[]string{"gps"}, ropa.Location},
	// Names and identifiers of a person (Art 4(1): "a name, an
	// identification number").
	{[]string{"first", "name"}, ropa.Identifiers},
	{[]string{"last", "name"}, ropa.Identifiers},
	{[]string{"full", "name"}, ropa.Identifiers},
	{[]string{"given", "name"}, ropa.Identifiers},
	{[]string{"family", "name"}, ropa.Identifiers},
	{[]string{"middle", "name"}, ropa.Identifiers},
	{[]string{"maiden", "name"}, ropa.Identifiers},
	{[]string{"surname"}, ropa.Identifiers},
	{[]string{"forename"}, ropa.Identifiers},
	{[]string{"forenames"}, ropa.Identifiers},
}

// personWords are the words before "id" that make an identifier a
// person's: EmployeeID, ApplicantID. A bare ID or Name field in an
// annotated struct is the person's too.
var personWords = []string{"employee", "staff", "applicant", "candidate", "pupil", "student",
	"user", "customer", "person", "member", "patient", "learner", "worker", "subscriber", "client", "referee"}

// typePatterns are types that are personal data whatever the field's
// name: an IP address is an online identifier (Recital 30), a parsed
// email address is contact details.
var typePatterns = map[string]ropa.Category{
	"net.IP":           ropa.OnlineIdentifiers,
	"net/netip.Addr":   ropa.OnlineIdentifiers,
	"net.HardwareAddr": ropa.OnlineIdentifiers,
	"net/mail.Address": ropa.ContactDetails,
	"net/http.Cookie":  ropa.OnlineIdentifiers,
}

// words splits a Go identifier into lower-case words: at underscores and
// digits, before an upper-case letter that follows a lower-case one, and
// before the last upper-case letter of a run that a lower-case letter
// follows ("IPAddress" is ip, address; "NINumber" is ni, number).
func words(name string) []string {
	var out []string
	rs := []rune(name)
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, strings.ToLower(string(rs[start:end])))
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '_' || unicode.IsDigit(r) {
			flush(i)
			start = i + 1
			continue
		}
		if i > start && unicode.IsUpper(r) {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || (unicode.IsUpper(prev) && nextLower) {
				flush(i)
				start = i
			}
		}
	}
	flush(len(rs))
	return out
}

// looksPersonal says whether a field of an annotated struct, by its name
// or its type, looks like personal data, and of which category.
func looksPersonal(name string, t types.Type) (ropa.Category, bool) {
	if c, ok := typeCategory(t); ok {
		return c, true
	}
	w := words(name)
	if len(w) == 0 {
		return "", false
	}
	for _, p := range namePatterns {
		if containsRun(w, p.words) {
			return p.category, true
		}
	}
	// A bare Name or ID, or a person's ID (EmployeeID), names the person.
	switch {
	case len(w) == 1 && (w[0] == "name" || w[0] == "id"):
		return ropa.Identifiers, true
	case len(w) == 2 && (w[1] == "id" || w[1] == "number" || w[1] == "name") && slices.Contains(personWords, w[0]):
		return ropa.Identifiers, true
	}
	return "", false
}

// typeCategory looks the field's type, through pointers and slices, up in
// typePatterns.
func typeCategory(t types.Type) (ropa.Category, bool) {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Named:
			obj := u.Obj()
			if obj.Pkg() == nil {
				return "", false
			}
			c, ok := typePatterns[obj.Pkg().Path()+"."+obj.Name()]
			return c, ok
		}
		return "", false
	}
}

// containsRun reports whether sub occurs in w as a run of adjacent words.
func containsRun(w, sub []string) bool {
	for i := 0; i+len(sub) <= len(w); i++ {
		if slices.Equal(w[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

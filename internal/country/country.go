package country

import (
	"strings"
	"unicode"
)

// Country is one entry of the table.
type Country struct {
	Code string // ISO 3166-1 alpha-2, or EU
	Name string // short English name: "United States", "Netherlands"
	The  bool   // a sentence puts "the" before the name
}

// EU is the code of the European Union's institutions and bodies, which
// the approval lists and registers use beside the ISO codes.
const EU = "EU"

var byCode = func() map[string]Country {
	m := make(map[string]Country, len(table)+2)
	for _, c := range table {
		m[c.Code] = c
	}
	m[EU] = Country{Code: EU, Name: "EU institutions and bodies", The: true}
	return m
}()

var byKey = func() map[string]string {
	m := make(map[string]string, 2*len(table)+len(synonyms))
	for _, c := range table {
		m[key(c.Name)] = c.Code
	}
	for k, code := range synonyms {
		m[k] = code
	}
	return m
}()

// All returns the countries of ISO 3166-1, in the order of their codes.
func All() []Country { return append([]Country(nil), table...) }

// Lookup returns the entry of a code (any case); "UK", which ISO 3166-1
// reserves for the United Kingdom, is GB.
func Lookup(code string) (Country, bool) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if c == "UK" {
		c = "GB"
	}
	e, ok := byCode[c]
	return e, ok
}

// Name returns the short English name of a code, or "" for a code the
// table does not have.
func Name(code string) string {
	e, _ := Lookup(code)
	return e.Name
}

// InSentence returns the name of a code as it reads after "in" or "to" in
// a sentence ("the United States", "France"), or "" for a code the table
// does not have.
func InSentence(code string) string {
	e, ok := Lookup(code)
	switch {
	case !ok:
		return ""
	case e.The:
		return "the " + e.Name
	}
	return e.Name
}

// Parse reads a country as registers write it: an alpha-2 code in
// capitals ("no" and "in" are words, "NO" and "IN" codes), the name, or a
// synonym ("USA", "the UK", "Holland", "EEA"), with
// case, punctuation and a leading "the" ignored. It returns the code.
func Parse(s string) (string, bool) {
	k := key(s)
	k = strings.TrimPrefix(k, "the ")
	if code, ok := byKey[k]; ok {
		return code, true
	}
	// A code in capitals: "no", "in" and "it" in lower case are words.
	if t := strings.TrimSpace(s); len(t) == 2 && t == strings.ToUpper(t) {
		if _, ok := byCode[t]; ok {
			return t, true
		}
	}
	return "", false
}

// key folds text for lookup: lower case, letters and digits, words joined
// by single spaces, accents on Latin letters dropped.
func key(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		r = fold(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// fold drops the accent of the Latin letters the table's names hold.
func fold(r rune) rune {
	switch r {
	case 'á', 'à', 'â', 'ä', 'ã', 'å':
		return 'a'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	case 'ó', 'ò', 'ô', 'ö', 'õ':
		return 'o'
	case 'ú', 'ù', 'û', 'ü':
		return 'u'
	case 'ç':
		return 'c'
	}
	return r
}

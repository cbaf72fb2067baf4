package authority

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/article30/article30/lawfulbasis"
)

// Authority is a data protection supervisory authority and how to reach
// it. A field the sources did not confirm is empty (see the package
// documentation, "Sources and confidence").
type Authority struct {
	// Code is "uk" for the UK regulator and, for the others, the ISO 3166-1
	// alpha-2 code of their state in lower case ("ie", "fr", "de"; Greece is
	// "gr").
	Code string
	// Country is the state's name in English.
	Country string
	// Name is the authority's official name in English; for the UK
	// regulator, its statutory name on the day asked for (see [UK]).
	Name string
	// LocalName is the name in the state's official language, where it
	// differs from Name; empty where English is an official language
	// (Ireland, Malta, the United Kingdom) or the local name was not
	// confirmed.
	LocalName string
	// Short is the short name the authority is commonly known by ("ICO",
	// "DPC", "CNIL"), if any.
	Short string
	// Address is the postal address, its lines joined by ", ", without the
	// country (see Country).
	Address string
	// Website is the authority's website, an https URL.
	Website string
	// Email is a general contact address; empty where none was confirmed
	// or the authority asks people to use a web form.
	Email string
	// Phone is the general telephone number, in international form (+NN),
	// except for the UK regulator's helpline, which is written as the ICO
	// writes it for callers in the UK.
	Phone string
	// Complaints is the web page for complaints, where confirmed.
	Complaints string
	// Source names the pages the details were read on.
	Source string
	// Confidence grades the contact details (see the package
	// documentation).
	Confidence lawfulbasis.Confidence
	// Regime is the law the authority supervises: lawfulbasis.EU for the
	// EEA authorities (the GDPR, applying in Iceland, Liechtenstein and
	// Norway through the EEA Agreement); for the UK regulator,
	// lawfulbasis.UK from 1 January 2021 and lawfulbasis.EU before (see
	// [UK]).
	Regime lawfulbasis.Regime
}

// The UK regulator's names (package documentation, "The UK regulator and
// its name").
const (
	// Commissioner is the UK regulator's statutory name before section 119
	// of the Data (Use and Access) Act 2025 is fully in force: DPA 2018
	// s114, "There is to continue to be an Information Commissioner".
	Commissioner = "Information Commissioner"
	// Commission is its statutory name once section 119 is fully in force
	// (DUAA s117-119; SI 2026/386 reg 1(2) and Sch 2).
	Commission = "Information Commission"
)

// CommissionFrom is the first day on which the UK regulator's statutory
// name is "Information Commission": the day section 119 of the Data (Use
// and Access) Act 2025 came fully into force, which brings SI 2026/386 into
// force (reg 1(2)).
//
// UNCONFIRMED: 30 September 2026 rests on one secondary report of the Data
// (Use and Access) Act 2025 (Commencement No. 9 and Transitional and Saving
// Provisions) Regulations 2026, SI 2026/1015, made 10 September 2026; the
// instrument was not read (law note section 1.1). It is a variable so that
// a program can correct it; for one call, pass [CommissionOn] or
// [CommissionNotYet] to [UK] instead.
var CommissionFrom = time.Date(2026, time.September, 30, 0, 0, 0, 0, time.UTC)

// Option changes how [UK] names the regulator.
type Option func(*options)

type options struct {
	from   time.Time
	notYet bool
}

// CommissionOn makes [UK] treat day as the first day of the Information
// Commission, instead of [CommissionFrom]. The day is compared as a
// calendar date.
func CommissionOn(day time.Time) Option {
	return func(o *options) { o.from, o.notYet = day, false }
}

// CommissionNotYet makes [UK] treat section 119 as not in force on any
// date: the regulator is the Information Commissioner whatever the date.
func CommissionNotYet() Option {
	return func(o *options) { o.notYet = true }
}

// uk is the UK regulator without its date-dependent name and regime.
//
// Sources: the helpline 0303 123 1113 is given on the ICO's own complaint
// pages (https://ico.org.uk/make-a-complaint/data-protection-complaints/data-protection-complaints/,
// "call us on 0303 123 1113"), which sit under
// https://ico.org.uk/make-a-complaint/; "Wycliffe House" is the ICO's
// postal address on its own complaint pages
// (https://ico.org.uk/make-a-complaint/foi-and-eir-complaints/official-information-complaint/thank-you/).
// The full address, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9
// 5AF, is corroborated by the datenanfragen/data directory (gbico.json,
// citing https://ico.org.uk/about-the-ico/who-we-are/directions-head-office/)
// and the Wikipedia article on the ICO (headquarters Wycliffe House,
// Wilmslow, Cheshire). The ICO publishes no general e-mail address for the
// public (it asks people to use its forms), so Email is empty.
var uk = Authority{
	Code:       "uk",
	Country:    "United Kingdom",
	Short:      "ICO",
	Address:    "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF",
	Website:    "https://ico.org.uk",
	Phone:      "0303 123 1113",
	Complaints: "https://ico.org.uk/make-a-complaint/",
	Source: "https://ico.org.uk/make-a-complaint/data-protection-complaints/data-protection-complaints/; " +
		"address corroborated by datenanfragen/data supervisory-authorities/gbico.json (citing https://ico.org.uk/about-the-ico/who-we-are/directions-head-office/)",
	Confidence: lawfulbasis.Corroborated,
}

// UK returns the UK regulator as it stood on the day of at:
//
//   - Name is [Commissioner] ("Information Commissioner") before the first
//     day of the Information Commission and [Commission] ("Information
//     Commission") from it. That day is [CommissionFrom] (UNCONFIRMED,
//     30 September 2026) unless an option says otherwise: [CommissionOn]
//     gives another day, [CommissionNotYet] keeps the Commissioner. Later
//     options win.
//   - Short stays "ICO" and Website https://ico.org.uk either way
//     (UNCONFIRMED that the brand stays; replace the fields if it does not).
//   - Regime is lawfulbasis.EU before 1 January 2021
//     ([lawfulbasis.UKGDPRStart]), when the GDPR applied in the United
//     Kingdom and the Information Commissioner was the UK's supervisory
//     authority under it, and lawfulbasis.UK from that day.
//
// Dates are compared as calendar days in the location of the value given.
func UK(at time.Time, opts ...Option) Authority {
	o := options{from: CommissionFrom}
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	a := uk
	a.Name = Commissioner
	if !o.notYet && !o.from.IsZero() && !civil(at).Before(civil(o.from)) {
		a.Name = Commission
	}
	a.Regime = lawfulbasis.UK
	if civil(at).Before(civil(lawfulbasis.UKGDPRStart)) {
		a.Regime = lawfulbasis.EU
	}
	return a
}

// civil is the calendar day of t in t's own location, as midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// All returns every authority as it stood on the day of at, sorted by
// code: the 30 EEA authorities and the UK regulator with the default
// options (see [UK]: its name depends on the day). The slice is the
// caller's to change.
func All(at time.Time) []Authority {
	out := make([]Authority, 0, len(eea)+1)
	out = append(out, eea...)
	out = append(out, UK(at))
	slices.SortFunc(out, func(a, b Authority) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// Lookup finds the authority for s: a code ("ie", "uk"), a country's name
// in English ("Ireland", "United Kingdom"; also "GB" and "Great Britain"
// for the United Kingdom), the authority's Name, LocalName or Short name
// ("Data Protection Commission", "Commission nationale de l'informatique
// et des libertés", "DPC", "CNIL", "ICO", "BfDI"), or, for the UK
// regulator, "Information Commissioner", "Information Commission" or
// "Information Commissioner's Office". Case, spacing and punctuation do
// not matter. A name two authorities share finds neither, and the result
// is false. The authority is returned as it stood on the day of at, as by
// [All].
func Lookup(s string, at time.Time) (Authority, bool) {
	code, ok := codeOf(s)
	if !ok {
		return Authority{}, false
	}
	if code == "uk" {
		return UK(at), true
	}
	i := slices.IndexFunc(eea, func(a Authority) bool { return a.Code == code })
	return eea[i], true
}

// Codes returns the code of every authority, sorted: the answer does not
// depend on the day. The slice is the caller's to change.
func Codes() []string {
	out := make([]string, 0, len(eea)+1)
	for _, a := range eea {
		out = append(out, a.Code)
	}
	out = append(out, "uk")
	slices.Sort(out)
	return out
}

// Known reports whether s names an authority, as [Lookup] reads it: the
// answer does not depend on the day.
func Known(s string) bool {
	_, ok := codeOf(s)
	return ok
}

// codeOf returns the code of the one authority s names, as Lookup reads
// names; false when s names none, or two.
func codeOf(s string) (string, bool) {
	code, ok := index[key(s)]
	return code, ok && code != ""
}

// ukNames are the further names Lookup accepts for the UK regulator.
var ukNames = []string{"gb", "great britain", "britain", Commissioner, Commission,
	"Information Commissioner's Office", "Information Commissioners Office"}

// index maps each key to its authority's code, or to "" where two
// authorities share the key.
var index = buildIndex()

func buildIndex() map[string]string {
	m := map[string]string{}
	add := func(code, name string) {
		k := key(name)
		if k == "" {
			return
		}
		if old, ok := m[k]; ok && old != code {
			m[k] = "" // shared: ambiguous
			return
		}
		m[k] = code
	}
	// The UK regulator's names on any day are its code and country,
	// Commissioner or Commission and ICO, all of which are keys
	// (ukNames holds the names of other days).
	for _, a := range append(slices.Clone(eea), UK(lawfulbasis.LawAsOf)) {
		for _, n := range []string{a.Code, a.Country, a.Name, a.LocalName, a.Short} {
			add(a.Code, n)
		}
	}
	for _, n := range ukNames {
		add("uk", n)
	}
	return m
}

// key is the case-, spacing- and punctuation-insensitive form of a name:
// letters and digits in lower case, words joined by single spaces, with
// apostrophes dropped ("Commissioner's" is "commissioners").
func key(s string) string {
	s = strings.NewReplacer("'", "", "’", "").Replace(strings.ToLower(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

package ico

// This file reads data subjects, data categories and recipients.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/ropa"
)

// subjectOf reads a data subject: the catalogue, its singular or plural,
// else a custom entry.
func subjectOf(s string) ropa.Subject {
	s = strings.Join(strings.Fields(s), " ")
	for _, v := range numberForms(s) {
		if sub, err := parseSubject(v); err == nil {
			return sub
		}
	}
	if sub, err := parseSubject("custom: " + s); err == nil {
		return sub
	}
	return ""
}

func numberForms(s string) []string {
	out := []string{s}
	if strings.HasSuffix(strings.ToLower(s), "s") {
		out = append(out, s[:len(s)-1])
	} else {
		out = append(out, s+"s")
	}
	return out
}

// ambiguousGroups are the words for groups of people that name two groups:
// the import reports the candidates rather than guess.
var ambiguousGroups = map[string]string{
	"visitors": `website visitors ("website-visitors") or visitors to the premises ("custom: Site visitors")`,
	"visitor":  `website visitors ("website-visitors") or visitors to the premises ("custom: Site visitors")`,
}

func (x *rowReader) subjects(a *ropa.Activity) {
	for _, it := range enumItems(x.raw(tpl.ColIndividuals), func(string) bool { return true }, false) {
		if cands, ok := ambiguousGroups[strings.ToLower(strings.TrimSpace(it))]; ok {
			x.fail(tpl.ColIndividuals, it, fmt.Errorf("%q could mean %s: write which", it, cands))
			continue
		}
		if sub := subjectOf(it); sub != "" && !slices.Contains(a.DataSubjects, sub) {
			a.DataSubjects = append(a.DataSubjects, sub)
		}
	}
}

// specialWords name special category data inside longer text.
var specialWords = []struct {
	word string
	cat  ropa.Category
}{
	{"health", ropa.Health}, {"medical", ropa.Health}, {"disabilit", ropa.Health}, {"sickness", ropa.Health},
	{"ethnic", ropa.RacialEthnicOrigin}, {"racial", ropa.RacialEthnicOrigin}, {"race", ropa.RacialEthnicOrigin},
	{"religio", ropa.Beliefs}, {"faith", ropa.Beliefs},
	{"biometric", ropa.Biometric}, {"fingerprint", ropa.Biometric},
	{"genetic", ropa.Genetic},
	{"sexual orientation", ropa.SexualOrientation}, {"sex life", ropa.SexLife}, {"sexual life", ropa.SexLife},
	{"political", ropa.PoliticalOpinions},
	{"trade union", ropa.TradeUnion},
}

// criminalWords name criminal offence data (Art 10; DPA 2018 s11(2):
// the alleged commission of offences, proceedings and sentences) however
// a register words it: DBS checks, criminal records, convictions,
// cautions, offences, allegations of criminal behaviour.
var criminalWords = []string{
	" criminal", " conviction", " convicted", " offence", " offense", " offender", " dbs", " disclosure and barring",
	" crb", " barred list", " police check", " prosecution", " unspent", " caution ", " cautions ",
}

// namesCriminal reports whether text (lower-case tokens, each after a
// space) names criminal offence data.
func namesCriminal(low string) bool {
	low += " "
	for _, w := range criminalWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// categoriesOf reads a data category: the catalogue, its singular or
// plural, the special category it names, else a custom entry.
func categoriesOf(s string) []ropa.Category {
	s = strings.Join(strings.Fields(s), " ")
	for _, v := range numberForms(s) {
		if c, err := parseCategory(v); err == nil {
			return []ropa.Category{c}
		}
	}
	low := " " + strings.Join(match.Tokens(s), " ")
	var out []ropa.Category
	if namesCriminal(low) {
		out = append(out, ropa.CriminalOffences)
	}
	for _, w := range specialWords {
		if strings.Contains(low, " "+w.word) && !slices.Contains(out, w.cat) {
			out = append(out, w.cat)
		}
	}
	if len(out) > 0 {
		return out
	}
	if c, err := parseCategory("custom: " + s); err == nil {
		return []ropa.Category{c}
	}
	return nil
}

func (x *rowReader) categories(a *ropa.Activity) {
	for _, it := range enumItems(x.raw(tpl.ColPersonalData), func(string) bool { return true }, false) {
		for _, c := range categoriesOf(it) {
			if !a.HasCategory(c) {
				a.DataCategories = append(a.DataCategories, ropa.Cat(c))
			}
		}
	}
}

// recipientKind guesses a recipient's kind from its name.
func recipientKind(name string) ropa.RecipientKind {
	toks := match.Tokens(name)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if slices.Contains(toks, w) {
				return true
			}
		}
		return false
	}
	low := " " + strings.Join(toks, " ") + " "
	switch {
	case has("hmrc", "police", "council", "councils", "ico", "authority", "authorities", "regulator", "regulators", "government", "court", "courts", "dfe", "ofsted", "dwp", "ukvi", "tribunal") ||
		strings.Contains(low, " department for ") || strings.Contains(low, " home office "):
		return ropa.Authority
	case has("processor", "processors", "supplier", "suppliers", "provider", "providers"):
		return ropa.Processor
	case has("internal", "team", "teams", "department", "departments", "hr", "staff", "colleagues", "managers", "governors"):
		return ropa.Internal
	}
	return ropa.ThirdParty
}

func (x *rowReader) recipients(a *ropa.Activity) {
	for _, it := range enumItems(x.raw(tpl.ColRecipients), func(string) bool { return true }, false) {
		a.Recipients = append(a.Recipients, ropa.Recipient{Name: it, Kind: recipientKind(it)})
	}
	contract := x.link(tpl.ColProcessorContract)
	if contract == "" {
		return
	}
	var procs []int
	for i, r := range a.Recipients {
		if r.Kind == ropa.Processor {
			procs = append(procs, i)
		}
	}
	if len(procs) == 0 {
		x.note(tpl.ColProcessorContract, contract, "a processor contract is given, but no recipient reads as a processor (a name with \"processor\", \"supplier\" or \"provider\")")
		return
	}
	items := lines(contract)
	if !x.hasLink(tpl.ColProcessorContract) && len(procs) > 1 && len(items) == len(procs) {
		for j, i := range procs {
			a.Recipients[i].Contract = items[j]
		}
		return
	}
	for _, i := range procs {
		a.Recipients[i].Contract = contract
	}
}

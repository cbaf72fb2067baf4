package ropa

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/article30/article30/lawfulbasis"
)

// References to law that no longer applies. A register's text flows into
// notices and workbooks; text that cites repealed or invalid law, or
// describes the UK's place in Europe as it was before 2021, misinforms the
// people who read them (Art 12(1): information must be transparent and
// intelligible; Art 5(1)(a)). The repealed-law rule walks every text field
// of the register (except notes, which are the register's own and are not
// published) and reports each reference at its field path.

// lawRef is one kind of outdated reference.
type lawRef struct {
	// hints are lower-case strings one of which any text holding the
	// reference contains: a cheap test before the regular expressions.
	hints []string
	// find matches the reference in one sentence.
	find *regexp.Regexp
	// unless, if set, is a sentence that mentions the reference as past
	// or invalid law, which is no mistake ("the Privacy Shield, which is
	// no longer valid").
	unless *regexp.Regexp
	// from is the first day the reference is outdated.
	from time.Time
	// regime, if set, is the only regime the reference is outdated under.
	regime lawfulbasis.Regime
	// message says what is wrong, for the regime.
	message func(r lawfulbasis.Regime) string
}

// historical is a sentence that speaks of law as past.
var historical = regexp.MustCompile(`(?i)\b(repeal\w*|replac\w*|supersed\w*|former\w*|previous\w*|predecessor|no longer|invalid\w*|struck down|successor|until (?:May )?2018|before (?:25 May )?2018)\b`)

// currentLaw names the law to cite instead of a repealed UK or EU text.
func currentLaw(r lawfulbasis.Regime) string {
	if r == lawfulbasis.EU {
		return "the GDPR (Regulation (EU) 2016/679)"
	}
	return "the UK GDPR and the Data Protection Act 2018"
}

var (
	gdprDay     = time.Date(2018, time.May, 25, 0, 0, 0, 0, time.UTC)
	dpa2018Day  = time.Date(2018, time.May, 23, 0, 0, 0, 0, time.UTC)  // Royal Assent of the DPA 2018
	duaaRoyal   = time.Date(2025, time.June, 19, 0, 0, 0, 0, time.UTC) // Royal Assent of the DUAA (law note, section 1.1)
	outdatedLaw = []lawRef{
		// DPA 2018 s211 and Sch 19 repealed the Data Protection Act 1998
		// with effect from 25 May 2018.
		{hints: []string{"98"}, find: regexp.MustCompile(`(?i)\bData Protection Act,? 1998\b|\bDPA\s?(?:19)?98\b`), unless: historical, from: gdprDay,
			message: func(r lawfulbasis.Regime) string {
				return "refers to the Data Protection Act 1998, repealed from 25 May 2018 (DPA 2018 s211 and Sch 19); cite " + currentLaw(r)
			}},
		// GDPR Art 94(1): Directive 95/46/EC is repealed with effect from
		// 25 May 2018.
		{hints: []string{"95/46"}, find: regexp.MustCompile(`(?i)\b(?:Directive\s+)?95/46(?:/EC)?\b`), unless: historical, from: gdprDay,
			message: func(r lawfulbasis.Regime) string {
				return "refers to Directive 95/46/EC, repealed from 25 May 2018 (GDPR Art 94(1)); cite " + currentLaw(r)
			}},
		// The Data Protection Bill became the Data Protection Act 2018 on
		// Royal Assent, 23 May 2018.
		{hints: []string{"bill"}, find: regexp.MustCompile(`(?i)\bData Protection Bill\b`), from: dpa2018Day,
			message: func(lawfulbasis.Regime) string {
				return "refers to the Data Protection Bill, which became the Data Protection Act 2018 on 23 May 2018; cite the Act"
			}},
		// The Data (Use and Access) Bill became the Data (Use and Access)
		// Act 2025 on Royal Assent, 19 June 2025.
		{hints: []string{"bill"}, find: regexp.MustCompile(`(?i)\bData \(?Use and Access\)? Bill\b`), from: duaaRoyal,
			message: func(lawfulbasis.Regime) string {
				return "refers to the Data (Use and Access) Bill, which became the Data (Use and Access) Act 2025 on 19 June 2025; cite the Act"
			}},
		// Court of Justice, Case C-311/18 (Schrems II), 16 July 2020.
		{hints: []string{"shield"}, find: regexp.MustCompile(`(?i)\bPrivacy Shield\b`), unless: historical, from: lawfulbasis.PrivacyShieldInvalid,
			message: func(r lawfulbasis.Regime) string {
				return "refers to the Privacy Shield, which has not been a valid basis for transfers to the United States since 16 July 2020 (Case C-311/18); name the safeguard or the certification relied on now"
			}},
		// From 1 January 2021 the UK is a third country to the EEA and
		// the UK GDPR restricts transfers out of the UK; the EEA states
		// are approved destinations (DPA 2018 Sch 21 para 5; from 5
		// February 2026 treated as approved by regulations under UK GDPR
		// Art 45A, DUAA Sch 9 para 25), not an area within which UK data
		// move as they did before.
		{hints: europe, find: ukInEEA, unless: beforeBrexit, from: lawfulbasis.UKGDPRStart, regime: lawfulbasis.UK,
			message: func(lawfulbasis.Regime) string {
				return "describes the UK as part of the EEA or the EU, which it has not been for data protection since 1 January 2021"
			}},
		{hints: europe, find: eeaFreeFlow, unless: mentionsUKOrPast, from: lawfulbasis.UKGDPRStart, regime: lawfulbasis.UK,
			message: func(lawfulbasis.Regime) string {
				return "treats the EEA as the area UK data may move within freely; under the UK GDPR since 1 January 2021 a transfer is any transfer out of the UK, and transfers to the EEA rest on UK approval (DPA 2018 Sch 21 para 5; UK GDPR Art 45A): say \"outside the UK\""
			}},
	}
)

var (
	// europe are the hints of the EEA references ("eu" finds "EU",
	// "European" and many words besides; it is only a first test).
	europe  = []string{"eea", "eu"}
	eeaName = `(?:the\s+)?(?:EEA|European Economic Area|EU|European Union)`
	ukName  = `(?:the\s+)?(?:UK|United Kingdom|Great Britain|Britain)`
	// ukInEEA matches "the UK and other EEA countries", "the UK or
	// elsewhere in the EU", "the EEA (including the UK)".
	ukInEEA = regexp.MustCompile(`(?i)\b` + ukName + `\b\s*(?:,|and|or)\s*(?:in\s+)?(?:the\s+)?(?:other|rest of the|elsewhere in(?: the)?)\s+(?:EEA|European Economic Area|EU|European Union)\b` +
		`|\b` + eeaName + `\b[^.;:]{0,30}\b(?:including|includes|which includes|such as)\s+` + ukName + `\b`)
	// eeaFreeFlow matches a transfer threshold drawn at the EEA's
	// border ("outside the EEA") or a statement that transfers within
	// the EEA need nothing.
	eeaFreeFlow = regexp.MustCompile(`(?i)\boutside(?:\s+of)?\s+` + eeaName + `\b` +
		`|\b(?:within|inside|in)\s+` + eeaName + `\b[^.;:]{0,60}\b(?:freely|no (?:additional |further |extra )?safeguards?|without (?:any )?(?:additional |further )?safeguards?|not (?:a )?restricted|(?:do|does|will) not (?:need|require))\b` +
		`|\b(?:freely|without (?:any )?safeguards?)\b[^.;:]{0,40}\b(?:within|across|throughout)\s+` + eeaName + `\b`)
	// pastEU matches a sentence about the time before the UK left the
	// EU ("until 31 December 2020 the UK was part of the EEA").
	pastEU = `\b(?:until|before|prior to)\b[^.;:]{0,40}\b(?:2019|2020|2021|Brexit|(?:the )?end of the (?:transition|implementation) period|IP completion day)\b|\b(?:former\w*|no longer|used to|was|were)\b`
	// beforeBrexit is pastEU compiled.
	beforeBrexit = regexp.MustCompile(`(?i)` + pastEU)
	// mentionsUKOrPast is a sentence that draws the line at the UK as
	// well ("outside the UK and the EEA"), or speaks of the time before
	// 2021.
	mentionsUKOrPast = regexp.MustCompile(`(?i)\b(?:UK|United Kingdom|Britain)\b|` + pastEU)
)

// sentences splits text into sentences (and lines), for the heuristics
// that look at a whole sentence.
func sentences(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '.' || r == ';' || r == '!' || r == '?' || r == '\n'
	})
}

// outdated returns the messages for the outdated references in s under
// regime r on the day of at, one per kind of reference.
func outdated(s string, r lawfulbasis.Regime, at time.Time) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	var sents []string
	lower := strings.ToLower(s)
	d := civil(at)
	for i := range outdatedLaw {
		ref := &outdatedLaw[i]
		if d.Before(ref.from) || (ref.regime != 0 && ref.regime != r) ||
			!slices.ContainsFunc(ref.hints, func(h string) bool { return strings.Contains(lower, h) }) {
			continue
		}
		if sents == nil {
			sents = sentences(s)
		}
		for _, sent := range sents {
			if ref.find.MatchString(sent) && (ref.unless == nil || !ref.unless.MatchString(sent)) {
				out = append(out, ref.message(r))
				break
			}
		}
	}
	return out
}

// textField is an exported field of a struct type that may hold text,
// with its JSON name.
type textField struct {
	index int
	name  string
}

// textFieldCache maps a struct type to its textFields.
var textFieldCache sync.Map

// textFields returns the exported fields of struct type t that have a
// JSON name, except notes: the register's own remarks, never published.
func textFields(t reflect.Type) []textField {
	if v, ok := textFieldCache.Load(t); ok {
		return v.([]textField)
	}
	var out []textField
	for i := range t.NumField() {
		f := t.Field(i)
		name := jsonName(f)
		if !f.IsExported() || name == "" || name == "notes" || !mayHoldText(f.Type) {
			continue
		}
		out = append(out, textField{i, name})
	}
	textFieldCache.Store(t, out)
	return out
}

// mayHoldText reports whether a value of type t may hold a string.
func mayHoldText(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Struct:
		return true
	case reflect.Slice, reflect.Array, reflect.Pointer:
		return mayHoldText(t.Elem())
	}
	return false
}

// lawTextCheck is the check of the repealed-law rule: it walks every
// string of the register by reflection, and builds the JSON path of a
// string only when it reports one.
func lawTextCheck(c *Context) {
	type step struct {
		name  string
		index int // -1 for a field
	}
	var stack []step
	path := func() string {
		var b strings.Builder
		for _, s := range stack {
			if s.index >= 0 {
				b.WriteString("[" + strconv.Itoa(s.index) + "]")
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.name)
		}
		return b.String()
	}
	var walk func(v reflect.Value, activity string)
	walk = func(v reflect.Value, activity string) {
		switch v.Kind() {
		case reflect.String:
			for _, msg := range outdated(v.String(), c.Regime, c.At) {
				c.Reportf(path(), activity, "%s", "the text "+msg)
			}
		case reflect.Slice:
			top := len(stack) == 1 && stack[0].name == "activities"
			for i := range v.Len() {
				act := activity
				if top {
					act = c.Register.Activities[i].ID
				}
				stack = append(stack, step{index: i})
				walk(v.Index(i), act)
				stack = stack[:len(stack)-1]
			}
		case reflect.Struct:
			for _, f := range textFields(v.Type()) {
				stack = append(stack, step{name: f.name, index: -1})
				walk(v.Field(f.index), activity)
				stack = stack[:len(stack)-1]
			}
		}
	}
	walk(reflect.ValueOf(c.Register).Elem(), "")
}

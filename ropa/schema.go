package ropa

import (
	"bytes"
	_ "embed"
	"encoding"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
)

// SchemaID is the $id of the JSON Schema that [Schema] returns.
const SchemaID = "https://github.com/article30/article30/register.schema.json"

// Schema returns the JSON Schema (draft 2020-12) of a register file, as
// indented JSON. It is generated from the Go types of [Register] by
// reflection: property names from the json tags, nested structs as $defs,
// descriptions from the doc comments of model.go, and the constraints of
// [Register.Validate] (required fields, text lengths, email addresses,
// URLs, country codes). A property is required when its validate tag says
// required, or when its json tag has neither omitempty nor omitzero: the
// lists [Encode] always writes (activities; an activity's purposes,
// dataSubjects and dataCategories; a processor record's processing) are
// required even though Decode reads a file without them, because a
// register without them is incomplete (the compliance rules report empty
// ones). Unknown properties are rejected, as [Decode] rejects unknown
// fields.
//
// Otherwise the schema accepts every file that Decode reads and Validate
// passes, as far as JSON Schema can say it, so that an editor never marks
// a good register as wrong. That makes it more lenient than the canonical
// form:
//
//   - An enumeration is an anyOf of an enum of its canonical slugs, which
//     editors offer for completion, and a string pattern that accepts the
//     other spellings Decode reads: for lawful bases, conditions and
//     transfer mechanisms, any text made of the words of their names,
//     citations and DPV IRIs ([lawfulbasis.Basis.Spellings],
//     [lawfulbasis.CitationWords]) in any case, with any digits and
//     punctuation; for data subjects and categories, the words of the
//     catalogue's titles and other names, and the custom forms "custom:
//     X", "custom special: X" and "custom criminal: X", also written as a
//     one-entry YAML mapping. The pattern is a superset of what Decode
//     reads: a misspelt word ("consnet") is rejected, but a jumble of right
//     words is left to Decode.
//   - Text fields also accept numbers and true or false, which Decode
//     reads as their text (id: 1); yes/no fields accept the strings Decode
//     reads ("yes", "no", "true", "false").
//   - An optional property may be null (an empty value in YAML), which
//     Decode reads as absent; list entries may not be null.
//
// The structural checks beyond these (an existing calendar date, a
// retention rule's semantics) are left to Decode and Validate.
func Schema() ([]byte, error) {
	b, err := schemaOnce()
	return bytes.Clone(b), err
}

var schemaOnce = sync.OnceValues(buildSchema)

func buildSchema() ([]byte, error) {
	g := &schemaGen{defNames: map[reflect.Type]string{}, docs: modelDocs()}
	root, err := g.structSchema(reflect.TypeFor[Register]())
	if err != nil {
		return nil, fmt.Errorf("ropa: generating the schema: %w", err)
	}
	doc := object{
		{"$schema", "https://json-schema.org/draft/2020-12/schema"},
		{"$id", SchemaID},
		{"title", "Register of processing activities (article30)"},
	}
	doc = append(doc, root...)
	doc = append(doc, member{"$defs", g.defs})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("ropa: encoding the schema: %w", err)
	}
	return buf.Bytes(), nil
}

// member is one key of an object.
type member struct {
	key string
	val any
}

// object is a JSON object that keeps its keys in order.
type object []member

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshalJSON(m.key)
		if err != nil {
			return nil, err
		}
		v, err := marshalJSON(m.val)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func (o object) get(key string) (any, bool) {
	for _, m := range o {
		if m.key == key {
			return m.val, true
		}
	}
	return nil, false
}

// schemaGen builds the schema of a type and the $defs it refers to.
type schemaGen struct {
	defs     object
	defNames map[reflect.Type]string
	docs     map[string]typeDoc
}

func ref(name string) object { return object{{"$ref", "#/$defs/" + name}} }

// def adds the definition of t under name, once, and returns a reference
// to it.
func (g *schemaGen) def(t reflect.Type, name string, build func() (object, error)) (object, error) {
	if n, ok := g.defNames[t]; ok {
		return ref(n), nil
	}
	if _, taken := g.defs.get(name); taken {
		return nil, fmt.Errorf("two types are named %s", name)
	}
	g.defNames[t] = name
	i := len(g.defs)
	g.defs = append(g.defs, member{name, nil}) // keeps the order of discovery
	s, err := build()
	if err != nil {
		return nil, err
	}
	g.defs[i].val = s
	return ref(name), nil
}

func (g *schemaGen) structSchema(t reflect.Type) (object, error) {
	doc := g.docs[t.Name()]
	var s object
	if doc.text != "" {
		s = append(s, member{"description", describe(t.Name(), doc.text)})
	}
	props := object{}
	var required []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name := jsonName(f)
		if !f.IsExported() || name == "" {
			continue
		}
		p, req, err := g.field(f)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t.Name(), f.Name, err)
		}
		if d := doc.fields[f.Name]; d != "" {
			p = append(object{{"description", describe(f.Name, d)}}, p...)
		}
		props = append(props, member{name, p})
		if req {
			required = append(required, name)
		}
	}
	s = append(s, member{"type", "object"}, member{"properties", props})
	if len(required) > 0 {
		s = append(s, member{"required", required})
	}
	return append(s, member{"additionalProperties", false}), nil
}

// rules are the parsed validate tag of a field: those for the field, and
// after "dive" those for each element.
type rules struct {
	required  bool
	max       int // 0: none
	format    string
	country   bool
	omitempty bool
}

func parseRules(tag string) (field, elem rules, err error) {
	r := &field
	for _, t := range strings.Split(tag, ",") {
		name, param, _ := strings.Cut(t, "=")
		switch name {
		case "":
		case "dive":
			r = &elem
		case "required":
			r.required = true
		case "omitempty":
			r.omitempty = true
		case "max":
			if r.max, err = strconv.Atoi(param); err != nil {
				return field, elem, fmt.Errorf("validate tag %q: %w", tag, err)
			}
		case "email":
			r.format = "email"
		case "url":
			r.format = "uri"
		case "country":
			r.country = true
		case "regime", "basis", "annex1", "condition", "schedule1", "mechanism", "subject", "category", "enum":
			// Implied by the field's type, whose definition lists the values.
		default:
			return field, elem, fmt.Errorf("validate tag %q: no schema for %q", tag, name)
		}
	}
	return field, elem, nil
}

// field returns the schema of a struct field and whether the property is
// required.
func (g *schemaGen) field(f reflect.StructField) (object, bool, error) {
	_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
	fr, er, err := parseRules(f.Tag.Get("validate"))
	if err != nil {
		return nil, false, err
	}
	optional := slices.Contains(strings.Split(opts, ","), "omitempty") || slices.Contains(strings.Split(opts, ","), "omitzero")
	required := !optional || fr.required
	s, err := g.value(f.Type, fr, er)
	if err != nil {
		return nil, false, err
	}
	if !required {
		s = nullable(s)
	}
	return s, required, nil
}

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// textTypes is what the schema says of each type that reads itself from
// text.
var textTypes = map[reflect.Type]textType{}

// textType is the definition of a type that reads itself from text.
type textType struct {
	name  string
	build func() object
	blank bool // the blank string reads as no value
}

func init() {
	add := func(t reflect.Type, name string, blank bool, build func() object) {
		textTypes[t] = textType{name: name, build: build, blank: blank}
	}
	add(reflect.TypeFor[lawfulbasis.Regime](), "Regime", false, func() object {
		return lawEnum("The regime the register is kept under: uk (the UK GDPR and the DPA 2018) or eu (the GDPR). \"UK GDPR\", \"United Kingdom\" and \"EU GDPR\" are read too, in any case.",
			lawfulbasis.Regimes(), false)
	})
	add(reflect.TypeFor[lawfulbasis.Basis](), "Basis", false, func() object {
		return lawEnum("A lawful basis of Art 6(1). Write its slug; its name (\"Legitimate interests\"), citation (\"6(1)(f)\", \"Article 6(1)(f) of the UK GDPR\") or W3C DPV IRI is read too, in any case.",
			lawfulbasis.Bases(), true)
	})
	add(reflect.TypeFor[lawfulbasis.Annex1](), "Annex1", false, func() object {
		return lawEnum("A recognised legitimate interest condition of UK GDPR Annex 1. Write its slug; its name or citation (\"Annex 1 para 5\") is read too.",
			lawfulbasis.Annex1s(), true)
	})
	add(reflect.TypeFor[lawfulbasis.Condition](), "Condition", false, func() object {
		return lawEnum("A condition of Art 9(2) for special category data. Write its slug; its name, citation (\"9(2)(b)\") or W3C DPV IRI is read too.",
			lawfulbasis.Conditions(), true)
	})
	add(reflect.TypeFor[lawfulbasis.Schedule1](), "Schedule1", false, func() object {
		return lawEnum("A condition of DPA 2018 Schedule 1. Write its slug; its name or citation (\"DPA 2018 Sch 1 Pt 2 para 8\", \"Sch 1 para 8\", \"para 8\") is read too.",
			lawfulbasis.Schedule1s(), true)
	})
	add(reflect.TypeFor[lawfulbasis.Mechanism](), "Mechanism", false, func() object {
		return lawEnum("A transfer mechanism of Chapter V. Write its slug; its name or citation (\"46(2)(b)\", \"49(1)(a)\") is read too.",
			lawfulbasis.Mechanisms(), true)
	})
	add(reflect.TypeFor[Subject](), "Subject", false, func() object {
		return catalogueSchema("A category of data subjects: a catalogue slug (its title and other names are read too, in any case), or a custom entry written \"custom: Alumni\".",
			subjects, false)
	})
	add(reflect.TypeFor[Category](), "Category", false, func() object {
		return catalogueSchema("A category of personal data: a catalogue slug (its title and other names are read too, in any case), or a custom entry written \"custom: Gym visits\", \"custom special: Facial geometry\" (special category data) or \"custom criminal: Police cautions\" (criminal offence data).",
			categories, true)
	})
	add(reflect.TypeFor[Headcount](), "Headcount", true, func() object {
		return slugEnum("The organisation's staff band, for the Art 30(5) question.", []string{string(Under250), string(From250)}, nil)
	})
	add(reflect.TypeFor[Answer](), "Answer", true, func() object {
		return slugEnum("A yes or no answer; true and false (also as YAML booleans), y and n are read too.", answers, []string{"true", "y", "false", "n"})
	})
	add(reflect.TypeFor[SourceKind](), "SourceKind", true, func() object {
		return slugEnum("Where personal data come from: from the data subject or observed from their use of a service (Art 13), or from a third party or a public source (Art 14).", sourceKinds, nil)
	})
	add(reflect.TypeFor[Requirement](), "Requirement", true, func() object {
		return slugEnum("Whether providing the data is a statutory or contractual requirement, a requirement to enter into a contract, or voluntary (Art 13(2)(e)).", requirements, nil)
	})
	add(reflect.TypeFor[RecipientKind](), "RecipientKind", true, func() object {
		return slugEnum("What kind of recipient this is: a team within the organisation, a processor (Art 28), another controller, a joint controller, or a public authority.", recipientKinds, nil)
	})
	add(reflect.TypeFor[DecisionGround](), "DecisionGround", true, func() object {
		return slugEnum("The EU regime's Art 22(2) ground for a solely automated significant decision.", decisionGrounds, nil)
	})
	add(reflect.TypeFor[DecisionSafeguard](), "DecisionSafeguard", true, func() object {
		return slugEnum("A safeguard around solely automated significant decisions (UK GDPR Art 22C(2); GDPR Art 22(3)).", decisionSafeguards, nil)
	})
	add(reflect.TypeFor[Fact](), "Fact", false, func() object {
		return slugEnum("A kind of fact the activity states it has none of: automated-decisions (solely automated decisions or profiling), transfers (outside the UK or EEA), recipients (outside the organisation), other-sources (anyone but the people themselves).", facts, nil)
	})
	add(reflect.TypeFor[Criterion](), "Criterion", true, func() object {
		return slugEnum("A DPIA screening criterion: one of the WP248 criteria or a kind of processing on the ICO's list of processing likely to result in high risk.", criteria, nil)
	})
	add(reflect.TypeFor[ConsentGiver](), "ConsentGiver", true, func() object {
		return slugEnum("Who gives consent: the data subject, or a parent or guardian for a child (Art 8(1)).", consentGivers, nil)
	})
	add(reflect.TypeFor[DPIAStatus](), "DPIAStatus", true, func() object {
		return slugEnum("The progress of a data protection impact assessment.", dpiaStatuses, nil)
	})
	add(reflect.TypeFor[Date](), "Date", true, func() object {
		return object{
			{"description", "A calendar date written YYYY-MM-DD."},
			{"type", "string"},
			{"pattern", "^" + space + "*(?:[0-9]{4}-[0-9]{2}-[0-9]{2})?" + space + "*$"},
			{"examples", []string{"2026-11-23"}},
		}
	})
	add(reflect.TypeFor[retention.Rule](), "RetentionRule", true, func() object {
		return object{
			{"description", "A retention rule in short form: a period (ISO 8601, such as P6Y), \"until\" an event or \"indefinite\"; then optionally \"from\" a trigger, \"aligned\" MM-DD, \"then\" delete, anonymise or review, \"unless\" condition: period (repeated), and \"source\" statute, guidance, policy or contract with \": text\". Quote it in YAML when it has a colon."},
			{"type", "string"},
			{"pattern", retentionRulePattern()},
			{"examples", []string{"P6Y from termination-of-employment", "P12M from collection then anonymise", "P1Y from end-of-recruitment unless sponsored-visa: P7Y", "until end-of-contract", "indefinite then review"}},
		}
	})
	add(reflect.TypeFor[retention.Period](), "Period", true, func() object {
		return object{
			{"description", "A period as an ISO 8601 date duration, such as P6Y, P18M or P30D."},
			{"type", "string"},
			{"pattern", "^(?:" + space + "*|" + periodPattern + ")$"},
		}
	})
}

// value returns the schema of a value of type t with the validate rules
// of the field (r) and of its elements (er).
func (g *schemaGen) value(t reflect.Type, r, er rules) (object, error) {
	if reflect.PointerTo(t).Implements(textUnmarshalerType) {
		tt, ok := textTypes[t]
		if !ok {
			return nil, fmt.Errorf("no schema for the text type %v", t)
		}
		s, err := g.def(t, tt.name, func() (object, error) { return tt.build(), nil })
		if err != nil {
			return nil, err
		}
		if r.required && tt.blank {
			s = append(s, member{"minLength", 1})
		}
		return s, nil
	}
	switch t.Kind() {
	case reflect.String:
		return textSchema(r), nil
	case reflect.Bool:
		return g.def(t, "Flag", func() (object, error) {
			return object{
				{"description", "true or false; yes and no are read too, in any case, and an empty value is false."},
				{"anyOf", []object{
					{{"type", []string{"boolean", "null"}}},
					{{"type", "string"}, {"pattern", "^(?:" + ci("true") + "|" + ci("yes") + "|" + ci("false") + "|" + ci("no") + "|" + ci("null") + "|~)?$"}},
				}},
			}, nil
		})
	case reflect.Slice:
		items, err := g.value(t.Elem(), er, rules{})
		if err != nil {
			return nil, err
		}
		return object{{"type", "array"}, {"items", items}}, nil
	case reflect.Struct:
		if short, ok := shorthands[t]; ok {
			// Written as the short text alone, or as the whole mapping.
			return g.def(t, t.Name(), func() (object, error) {
				s, err := g.value(short, rules{}, rules{})
				if err != nil {
					return nil, err
				}
				full, err := g.structSchema(t)
				if err != nil {
					return nil, err
				}
				var out object
				if doc := g.docs[t.Name()]; doc.text != "" {
					out = append(out, member{"description", describe(t.Name(), doc.text)})
				}
				return append(out, member{"anyOf", []object{s, full}}), nil
			})
		}
		return g.def(t, t.Name(), func() (object, error) { return g.structSchema(t) })
	}
	return nil, fmt.Errorf("no schema for %v", t)
}

// shorthands maps the struct types that may be written as one scalar to
// the type of that scalar.
var shorthands = map[reflect.Type]reflect.Type{
	reflect.TypeFor[DataCategory](): reflect.TypeFor[Category](),
	reflect.TypeFor[None]():         reflect.TypeFor[Fact](),
}

// textSchema is the schema of a text field. Decode reads a number or a
// boolean as its text, so they are accepted too, except where the text
// has a form (email, URL, country code).
func textSchema(r rules) object {
	var s object
	switch {
	case r.country:
		s = object{{"type", "string"}, {"pattern", countryPattern(r.required)}}
	case r.format != "":
		s = object{{"type", "string"}, {"format", r.format}}
	default:
		s = object{{"type", []string{"string", "number", "boolean"}}}
	}
	if r.required {
		s = append(s, member{"minLength", 1})
	}
	if r.max > 0 {
		s = append(s, member{"maxLength", r.max})
	}
	return s
}

// countryPattern accepts what Validate's country check does: two
// upper-case letters, or the short name of an international organisation
// in the approval lists.
func countryPattern(required bool) string {
	alts := []string{"[A-Z]{2}"}
	for _, a := range lawfulbasis.DefaultApprovals() {
		if len(a.Country) > 2 && !slices.Contains(alts, regexp.QuoteMeta(a.Country)) {
			alts = append(alts, regexp.QuoteMeta(a.Country))
		}
	}
	opt := ""
	if !required {
		opt = "?"
	}
	return "^(?:" + strings.Join(alts, "|") + ")" + opt + "$"
}

// nullable lets a schema also accept null, which Decode reads as absent.
func nullable(s object) object {
	if v, ok := s.get("type"); ok {
		if _, isRef := s.get("$ref"); !isRef {
			out := slices.Clone(s)
			for i, m := range out {
				if m.key != "type" {
					continue
				}
				switch t := v.(type) {
				case string:
					out[i].val = []string{t, "null"}
				case []string:
					out[i].val = append(slices.Clone(t), "null")
				}
			}
			return out
		}
	}
	if r, ok := s.get("$ref"); ok && r == "#/$defs/Flag" {
		return s // already accepts null
	}
	return object{{"anyOf", []object{s, {{"type", "null"}}}}}
}

// space matches a character unicode.IsSpace reports as white space.
const space = `[\s\v\x85\p{Z}]`

// nonSpace matches a character that is not white space.
const nonSpace = `[^\s\v\x85\p{Z}]`

// ci returns a pattern that matches s in any case.
func ci(s string) string {
	var b strings.Builder
	for _, r := range s {
		lo, up := unicode.ToLower(r), unicode.ToUpper(r)
		if lo == up {
			b.WriteString(regexp.QuoteMeta(string(r)))
			continue
		}
		b.WriteString("[" + string(up) + string(lo) + "]")
	}
	return b.String()
}

// words returns an alternation of the words, each in any case, longest
// first.
func words(ws []string) string {
	ws = slices.Clone(ws)
	slices.SortFunc(ws, func(a, b string) int {
		if d := utf8.RuneCountInString(b) - utf8.RuneCountInString(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	ws = slices.Compact(ws)
	alts := make([]string, len(ws))
	for i, w := range ws {
		alts[i] = ci(w)
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

// lawValue is a value of one of lawfulbasis's enumerations.
type lawValue interface {
	String() string
	Spellings() []string
}

// lawEnum is the schema of one of lawfulbasis's enumerations: the slugs,
// for completion, or any text whose runs of letters are all words of the
// values' spellings (or, for a citation, the citation words), with any
// digits and punctuation between them.
func lawEnum[T lawValue](desc string, values []T, citations bool) object {
	var slugs, vocab []string
	for _, v := range values {
		slugs = append(slugs, v.String())
		for _, s := range v.Spellings() {
			vocab = append(vocab, letterWords(s)...)
		}
	}
	if citations {
		for _, w := range lawfulbasis.CitationWords() {
			vocab = append(vocab, letterWords(w)...)
		}
	}
	return object{
		{"description", desc},
		{"anyOf", []object{
			{{"enum", slugs}},
			{{"type", "string"}, {"minLength", 1}, {"pattern", `^[^\p{L}]*(?:` + words(vocab) + `(?:[^\p{L}]+|$))*$`}},
		}},
	}
}

// letterWords returns the runs of letters among the words of s, as the
// parsers of lawfulbasis split it.
func letterWords(s string) []string {
	var out []string
	for _, t := range match.Tokens(s) {
		if r, _ := utf8.DecodeRuneInString(t); unicode.IsLetter(r) {
			out = append(out, t)
		}
	}
	return out
}

// catalogueSchema is the schema of a catalogue type: the slugs, for
// completion; any text whose words (runs of ASCII letters and digits, as
// the catalogue's lookup splits it) are all words of the catalogue's
// slugs, titles and other names; a custom entry; or a custom entry as a
// YAML mapping of one pair, which is how "- custom: Alumni" reads.
func catalogueSchema(desc string, c *catalogue, flags bool) object {
	var vocab []string
	for _, k := range c.keys() {
		vocab = append(vocab, strings.Split(k, "-")...)
	}
	head := ci(customPrefix)
	if flags {
		head += "(?:" + space + "+(?:" + ci("special") + "|" + ci("criminal") + "))?"
	}
	name := nonSpace + `(?:[^\r\n\t]*` + nonSpace + `)?`
	return object{
		{"description", desc},
		{"anyOf", []object{
			{{"enum", c.slugs()}},
			{{"type", "string"}, {"pattern", `^[^A-Za-z0-9]*(?:` + words(vocab) + `(?:[^A-Za-z0-9]+|$))+$`}},
			{{"type", "string"}, {"pattern", "^" + space + "*" + head + space + "*:" + space + "*" + name + space + "*$"}},
			{
				{"type", "object"},
				{"minProperties", 1},
				{"maxProperties", 1},
				{"propertyNames", object{{"pattern", "^" + head + space + "*$"}}},
				{"additionalProperties", object{
					{"type", []string{"string", "number", "boolean"}},
					{"pattern", "^" + space + "*" + name + space + "*$"},
				}},
			},
		}},
	}
}

// slugEnum is the schema of one of ropa's enumerations: the slugs, for
// completion, or the text their UnmarshalText reads: a slug or one of
// extra in any case, with "_" or " " for "-", white space around it, or
// nothing (no value). An Answer is also read from a YAML boolean.
func slugEnum(desc string, slugs, extra []string) object {
	var alts []string
	for _, s := range append(slices.Clone(slugs), extra...) {
		alts = append(alts, strings.ReplaceAll(ci(s), "-", "[-_ ]"))
	}
	pattern := "^" + space + "*(?:" + strings.Join(alts, "|") + ")?" + space + "*$"
	branches := []object{{{"enum", slugs}}, {{"type", "string"}, {"pattern", pattern}}}
	if extra != nil {
		branches = append(branches, object{{"type", "boolean"}})
	}
	return object{{"description", desc}, {"anyOf", branches}}
}

// periodPattern matches an ISO 8601 date duration as retention reads it.
var periodPattern = func() string {
	n := "[0-9]+"
	return "[Pp](?:" + n + "[Yy])?(?:" + n + "[Mm])?(?:" + n + "[Ww])?(?:" + n + "[Dd])?"
}()

// retentionRulePattern matches the short form of a retention rule that
// retention.Parse reads (and the empty text, no rule).
func retentionRulePattern() string {
	sp, sep := space+"*", space+"+"
	slug := "[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*"
	term := "(?:" + periodPattern + "|" + ci("until") + sep + slug + "|" + ci("indefinite") + ")"
	return "^(?:" + sp + term +
		"(?:" + sep + ci("from") + sep + slug + ")?" +
		"(?:" + sep + ci("aligned") + sep + "[0-9]{2}-[0-9]{2})?" +
		"(?:" + sep + ci("then") + sep + "(?:" + ci("delete") + "|" + ci("anonymise") + "|" + ci("anonymize") + "|" + ci("review") + "))?" +
		"(?:" + sep + ci("unless") + sep + slug + sp + ":" + sp + periodPattern + ")*" +
		"(?:" + sep + ci("source") + sep + "(?:" + ci("statute") + "|" + ci("guidance") + "|" + ci("policy") + "|" + ci("contract") + ")" +
		"(?:" + sp + `:[\s\S]*)?)?` + sp + ")?$"
}

// typeDoc is the doc comment of a struct type and of its fields.
type typeDoc struct {
	text   string
	fields map[string]string
}

//go:embed model.go
var modelSource []byte

// modelDocs reads the doc comments of the struct types in model.go, and
// of their fields (or, where a field has none, its line comment).
func modelDocs() map[string]typeDoc {
	out := map[string]typeDoc{}
	f, err := parser.ParseFile(token.NewFileSet(), "model.go", modelSource, parser.ParseComments)
	if err != nil {
		return out // the descriptions are a nicety; the tests see them go
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				continue
			}
			doc := ts.Doc
			if doc == nil && len(gd.Specs) == 1 {
				doc = gd.Doc
			}
			td := typeDoc{text: commentText(doc), fields: map[string]string{}}
			for _, fl := range st.Fields.List {
				text := commentText(fl.Doc)
				if text == "" {
					text = commentText(fl.Comment)
				}
				for _, n := range fl.Names {
					td.fields[n.Name] = text
				}
			}
			out[ts.Name.Name] = td
		}
	}
	return out
}

func commentText(g *ast.CommentGroup) string {
	if g == nil {
		return ""
	}
	return strings.Join(strings.Fields(g.Text()), " ")
}

var docLink = regexp.MustCompile(`\[([A-Za-z][A-Za-z0-9_.]*)\]`)

// describe turns a doc comment into a description: "Name is the ..."
// becomes "The ...", "Name records the ..." becomes "Records the ...",
// doc links lose their brackets, and the first letter is a capital.
func describe(goName, text string) string {
	text = docLink.ReplaceAllString(text, "$1")
	if rest, ok := strings.CutPrefix(text, goName+" "); ok {
		verb, after, _ := strings.Cut(rest, " ")
		verb = strings.TrimRight(verb, ",")
		switch {
		case verb == "is" || verb == "are":
			text = after
		case strings.HasSuffix(verb, "s") && verb != "and" && strings.ToLower(verb) == verb:
			text = rest // a verb: "Special records the conditions ..."
		}
	}
	r, size := utf8.DecodeRuneInString(text)
	return string(unicode.ToUpper(r)) + text[size:]
}

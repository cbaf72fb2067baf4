package ropa

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/article30/article30/lawfulbasis"
)

var updateSchema = flag.Bool("update", false, "rewrite testdata/register.schema.json from Schema")

// compiledSchema compiles Schema with a real JSON Schema validator.
func compiledSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// instance turns a YAML (or JSON) register file into the JSON value a
// schema validator sees: scalars by their YAML tags, as a YAML language
// server reads them, and timestamps as their text.
func instance(t *testing.T, data []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not YAML: %v", err)
	}
	v, err := nodeValue(&doc)
	if err != nil {
		t.Fatal(err)
	}
	// Round-trip through JSON, so that numbers are what the validator
	// expects.
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func nodeValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return nodeValue(n.Content[0])
	case yaml.AliasNode:
		return nodeValue(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := nodeValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := []any{}
		for _, e := range n.Content {
			v, err := nodeValue(e)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	}
	switch n.Tag {
	case "!!null":
		return nil, nil
	case "!!bool", "!!int", "!!float":
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, err
		}
		return v, nil
	}
	return n.Value, nil
}

func TestSchemaGolden(t *testing.T) {
	t.Parallel()
	got, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "register.schema.json")
	if *updateSchema {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestSchemaGolden -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("Schema() differs from %s (-want +got; go test -run TestSchemaGolden -update rewrites it):\n%s", path, diff)
	}
	again, _ := Schema()
	if !bytes.Equal(got, again) {
		t.Error("Schema() gives different bytes on a second call")
	}
}

// Every struct of the model has a description from model.go, so moving a
// type out of model.go does not lose its description unnoticed.
func TestSchemaDescriptions(t *testing.T) {
	t.Parallel()
	b, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Description string
		Defs        map[string]struct {
			Description string
			Type        any
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if s.Description == "" {
		t.Error("the schema has no description")
	}
	for name, d := range s.Defs {
		if d.Description == "" {
			t.Errorf("$defs/%s has no description", name)
		}
	}
}

func TestSchemaExampleRegisters(t *testing.T) {
	t.Parallel()
	sch := compiledSchema(t)
	files, err := filepath.Glob("../examples/*/*.yaml")
	if err != nil || len(files) < 6 {
		t.Fatalf("want the five seed registers and the HR example's: %v, %v", files, err)
	}
	for _, file := range append(files, "testdata/full.yaml", "testdata/full.json", "testdata/minimal.yaml") {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(instance(t, data)); err != nil {
			t.Errorf("%s does not validate against the schema:\n%v", file, err)
		}
	}
}

// A register written by Encode, with every field filled, validates.
func TestSchemaEncodedFullRegister(t *testing.T) {
	t.Parallel()
	sch := compiledSchema(t)
	var yml, js bytes.Buffer
	if err := Encode(&yml, fullRegister()); err != nil {
		t.Fatal(err)
	}
	if err := EncodeJSON(&js, fullRegister()); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"Encode": yml.Bytes(), "EncodeJSON": js.Bytes()} {
		if err := sch.Validate(instance(t, data)); err != nil {
			t.Errorf("the output of %s(fullRegister()) does not validate:\n%v", name, err)
		}
	}
}

// base is a register that reads and validates, with %s standing for more
// fields of its one purpose.
const base = `jurisdiction: uk
controller:
  name: Northfield Careers Trust
activities:
  - id: guidance
    name: Careers guidance
    purposes:
      - description: Giving careers guidance
        %s
    dataSubjects: [children]
    dataCategories: [contact-details]
`

// activity is a register whose activity holds the fields given, each
// line indented by four spaces; dataSubjects and dataCategories are empty
// and purposes hold defaults unless given.
func activity(fields string) string {
	defaults := map[string]string{
		"purposes":       "[{description: Giving careers guidance, basis: public-task}]",
		"dataSubjects":   "[]",
		"dataCategories": "[]",
	}
	for _, f := range []string{"dataCategories", "dataSubjects", "purposes"} {
		if !strings.Contains(fields, "    "+f+":") {
			fields = "    " + f + ": " + defaults[f] + "\n" + fields
		}
	}
	return `jurisdiction: uk
controller:
  name: Northfield Careers Trust
activities:
  - id: guidance
    name: Careers guidance
` + fields
}

// The schema accepts what Decode reads and Validate passes, in the
// spellings Decode reads besides the canonical ones; and it rejects what
// Decode or Validate reject, where JSON Schema can say so.
func TestSchemaAcceptsWhatDecodeReads(t *testing.T) {
	t.Parallel()
	sch := compiledSchema(t)
	tests := []struct {
		name string
		file string
		ok   bool
	}{
		{"canonical", fmt.Sprintf(base, "basis: legitimate-interests"), true},
		{"basis by name", fmt.Sprintf(base, "basis: Legitimate interests"), true},
		{"basis by another name", fmt.Sprintf(base, "basis: legitimate interest"), true},
		{"basis by citation", fmt.Sprintf(base, `basis: "6(1)(f)"`), true},
		{"basis by long citation", fmt.Sprintf(base, "basis: Article 6(1)(f) of the UK GDPR"), true},
		{"basis by DPV IRI", fmt.Sprintf(base, "basis: https://w3id.org/dpv#LegitimateInterest"), true},
		{"basis with underscores", fmt.Sprintf(base, "basis: PUBLIC_TASK"), true},
		{"no basis", fmt.Sprintf(base, ""), true},
		{"null basis", fmt.Sprintf(base, "basis:"), true},
		{"annex1 by citation", fmt.Sprintf(base, "basis: rli\n        annex1: Annex 1 para 6"), true},
		{"misspelt basis", fmt.Sprintf(base, "basis: consnet"), false},
		{"basis as a list", fmt.Sprintf(base, "basis: [consent]"), false},
		{"basis as a number", fmt.Sprintf(base, "basis: 6"), false},
		{"empty basis", fmt.Sprintf(base, `basis: ""`), false},
		{"unknown field", fmt.Sprintf(base, "lawfulBasis: consent"), false},
		{"description as a mapping", fmt.Sprintf(base, "basis: consent\n      - description: {text: x}"), false},
		{"number as text", activity("    notes: 42\n    owner: true\n"), true},
		{"subject by another name", activity("    dataSubjects: [Staff, job_applicants, Young people]\n    dataCategories: [health]\n"), true},
		{"custom entries", activity("    dataSubjects:\n      - custom: Alumni\n      - \"custom: Donors\"\n    dataCategories:\n      - custom special: Facial geometry\n      - CUSTOM criminal: Cautions\n      - \"custom:  Gym visits \"\n"), true},
		{"custom subject marked special", activity("    dataSubjects:\n      - custom special: Alumni\n    dataCategories: []\n"), false},
		{"custom entry without a name", activity("    dataSubjects: [\"custom: \"]\n    dataCategories: []\n"), false},
		{"misspelt subject", activity("    dataSubjects: [employes]\n    dataCategories: []\n"), false},
		{"null list entry", activity("    dataSubjects: [employees, ~]\n    dataCategories: []\n"), false},
		{"yes and no", activity("    largeScale: yes\n    monitoring: No\n    dpia: {required: true, status: In Progress}\n    breach: {occurred: n}\n"), true},
		{"flag as a word", activity("    largeScale: maybe\n"), false},
		{"answer as a word", activity("    dpia: {required: perhaps}\n"), false},
		{"missing id", strings.Replace(activity(""), "id: guidance", "owner: HR", 1), false},
		{"empty name", strings.Replace(activity(""), "Careers guidance", `""`, 1), false},
		{"null optional struct", activity("    special:\n    dpia: ~\n"), true},
		{"retention rules", activity("    retention:\n      - rule: p6y  FROM Termination-Of-Employment\n        minimum: P6Y\n      - rule: \"P1Y unless sponsored-visa:P7Y source guidance: Home Office: sponsor guidance\"\n      - rule: indefinite then review\n"), true},
		{"bad retention rule", activity("    retention:\n      - rule: six years\n"), false},
		{"transfer", activity("    transfers:\n      - {country: US, mechanism: 46(2)(b), since: 2024-05-01}\n      - {country: EPO, mechanism: Standard contractual clauses}\n"), true},
		{"lower-case country", activity("    transfers: [{country: us}]\n"), false},
		{"bad date", activity("    transfers: [{country: US, since: 1 May 2024}]\n"), false},
		{"jurisdiction by name", strings.Replace(activity(""), "jurisdiction: uk", "jurisdiction: UK GDPR", 1), true},
		{"unknown jurisdiction", strings.Replace(activity(""), "jurisdiction: uk", "jurisdiction: france", 1), false},
		{"no controller", strings.Replace(activity(""), "controller:\n  name: Northfield Careers Trust\n", "", 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			reg, err := Decode(strings.NewReader(tt.file))
			if err == nil {
				err = reg.Validate()
			}
			if decoded := err == nil; decoded != tt.ok {
				t.Fatalf("the test is wrong: Decode and Validate give %v", err)
			}
			err = sch.Validate(instance(t, []byte(tt.file)))
			if tt.ok && err != nil {
				t.Errorf("the schema rejects a register that Decode reads:\n%s\n%v", tt.file, err)
			}
			if !tt.ok && err == nil {
				t.Errorf("the schema accepts a register that Decode or Validate rejects:\n%s", tt.file)
			}
		})
	}
}

// Every spelling the lawfulbasis parsers read, in upper case too, is
// accepted by the schema, and so is every catalogue title.
func TestSchemaAcceptsEverySpelling(t *testing.T) {
	t.Parallel()
	sch := compiledSchema(t)
	check := func(field, value string) {
		t.Helper()
		file := activity(fmt.Sprintf("    %s\n", fmt.Sprintf(field, strconv.Quote(value))))
		if _, err := Decode(strings.NewReader(file)); err != nil {
			t.Errorf("Decode rejects %q: %v", value, err)
			return
		}
		if err := sch.Validate(instance(t, []byte(file))); err != nil {
			t.Errorf("the schema rejects %q, which Decode reads:\n%v", value, err)
		}
	}
	fields := []struct {
		field     string
		spellings []string
	}{
		{"purposes: [{description: x, basis: %s}]", spellings(lawfulbasis.Bases())},
		{"purposes: [{description: x, annex1: %s}]", spellings(lawfulbasis.Annex1s())},
		{"special: {conditions: [%s]}", spellings(lawfulbasis.Conditions())},
		{"special: {schedule1: [%s]}", spellings(lawfulbasis.Schedule1s())},
		{"transfers: [{country: US, mechanism: %s}]", spellings(lawfulbasis.Mechanisms())},
	}
	for _, f := range fields {
		for _, s := range f.spellings {
			check(f.field, s)
			check(f.field, strings.ToUpper(s))
		}
	}
	for _, e := range subjects.entries {
		for _, s := range append([]string{e.title}, e.keys...) {
			check("dataSubjects: [%s]", s)
		}
	}
	for _, e := range categories.entries {
		for _, s := range append([]string{e.title}, e.keys...) {
			check("dataCategories: [%s]", s)
		}
	}
}

func spellings[T lawValue](vs []T) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Spellings()...)
	}
	return out
}

// The lists Encode always writes are required by the schema, though Decode
// reads a register without them (and Check reports them missing).
func TestSchemaRequiresWrittenLists(t *testing.T) {
	t.Parallel()
	sch := compiledSchema(t)
	file := strings.Replace(activity(""), "    dataSubjects: []\n", "", 1)
	reg, err := Decode(strings.NewReader(file))
	if err != nil || reg.Validate() != nil {
		t.Fatalf("Decode and Validate: %v, %v", err, reg.Validate())
	}
	if !slices.Contains(Check(reg, lawToday).IDs(), "activity-subjects") {
		t.Errorf("Check does not report the missing data subjects")
	}
	if err := sch.Validate(instance(t, []byte(file))); err == nil || !strings.Contains(err.Error(), "dataSubjects") {
		t.Errorf("the schema does not ask for dataSubjects: %v", err)
	}
}

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/article30/article30/ropa"
)

// sarifSchemaFile is the official SARIF 2.1.0 schema (OASIS, errata01);
// see testdata/README.md.
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchema, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// sarifOut is the part of the SARIF output the tests read.
type sarifOut struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID                   string
					DefaultConfiguration struct{ Level string }
					Properties           struct {
						Citation map[string]string
						Regimes  []string
					}
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Message struct{ Text string }
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string
						URIBaseID string `json:"uriBaseId"`
					}
					Region struct{ StartLine, StartColumn int }
				}
				LogicalLocations []struct{ FullyQualifiedName string }
			}
		}
	}
}

// validateSARIF runs validate --format sarif, checks the output against
// the SARIF schema and returns it.
func validateSARIF(t *testing.T, sch *jsonschema.Schema, stdin string, args ...string) (sarifOut, out) {
	t.Helper()
	got := runArgs(t, stdin, append([]string{"validate", "--as-of", lawDate, "--format", "sarif"}, args...)...)
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(got.stdout))
	if err != nil {
		t.Fatalf("article30 validate --format sarif %q: output is not JSON: %v\n%s", args, err, got.stdout)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("article30 validate --format sarif %q: output does not validate against the SARIF 2.1.0 schema:\n%v", args, err)
	}
	var s sarifOut
	if err := json.Unmarshal([]byte(got.stdout), &s); err != nil {
		t.Fatal(err)
	}
	if len(s.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(s.Runs))
	}
	// Every result's rule is in the driver's rules at its index.
	run := s.Runs[0]
	for _, r := range run.Results {
		rules := run.Tool.Driver.Rules
		if r.RuleIndex < 0 || r.RuleIndex >= len(rules) || rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result of %s has ruleIndex %d, which is not that rule", r.RuleID, r.RuleIndex)
		}
	}
	return s, got
}

func TestValidateSARIFSchema(t *testing.T) {
	t.Parallel()
	sch := compileSARIFSchema(t)
	seeds, _ := filepath.Glob("../../examples/registers/*.yaml")
	if len(seeds) == 0 {
		t.Fatal("no example registers")
	}
	tests := [][]string{
		seeds,
		{"testdata/compliant.yaml"},
		{"testdata/errors.yaml", "testdata/structure.yaml", "testdata/warnings.yaml", "testdata/privacy-shield.yaml"},
		{"testdata/misspelt-field.yaml", "testdata/bad-enum.yaml", "testdata/bad-type.yaml", "testdata/no-such-file.yaml", "testdata"},
	}
	for _, args := range tests {
		s, got := validateSARIF(t, sch, "", args...)
		if got.code == exitFailure && len(s.Runs[0].Results)+len(s.Runs[0].Invocations[0].ToolExecutionNotifications) == 0 {
			t.Errorf("%q: exit status 2 with nothing in the SARIF output", args)
		}
	}
	// Standard input has no URI; an absolute path is a file URI.
	abs, err := filepath.Abs("testdata/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := validateSARIF(t, sch, string(data), "-", abs)
	uris := map[string]bool{}
	for _, r := range s.Runs[0].Results {
		uris[r.Locations[0].PhysicalLocation.ArtifactLocation.URI] = true
	}
	if want := map[string]bool{"": true, "file://" + filepath.ToSlash(abs): true}; !cmp.Equal(want, uris) {
		t.Errorf("artifact URIs %v, want %v", uris, want)
	}
}

// The tool and its rules: the whole catalogue, with levels and citations.
func TestValidateSARIFRules(t *testing.T) {
	t.Parallel()
	s, got := validateSARIF(t, compileSARIFSchema(t), "", "testdata/compliant.yaml")
	if got.code != exitOK || len(s.Runs[0].Results) != 0 || !s.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("compliant register: exit status %d, %d results; want 0 and none, and a successful invocation", got.code, len(s.Runs[0].Results))
	}
	driver := s.Runs[0].Tool.Driver
	if driver.Name != "article30" {
		t.Errorf("driver name %q", driver.Name)
	}
	ids := map[string]int{}
	for i, r := range driver.Rules {
		ids[r.ID] = i
	}
	for _, r := range append(ropa.Rules(), ropa.Rule{ID: "structure", Severity: ropa.Error}, ropa.Rule{ID: "parse-error", Severity: ropa.Error}) {
		i, ok := ids[r.ID]
		if !ok {
			t.Errorf("rule %s is not in the driver's rules", r.ID)
			continue
		}
		if got, want := driver.Rules[i].DefaultConfiguration.Level, sarifLevel(r.Severity); got != want {
			t.Errorf("rule %s: level %q, want %q", r.ID, got, want)
		}
		if r.Check != nil && len(driver.Rules[i].Properties.Citation) == 0 {
			t.Errorf("rule %s has no citation", r.ID)
		}
	}
	if len(ids) != len(driver.Rules) {
		t.Errorf("the driver's rules have duplicate IDs")
	}
}

// The results point at the lines and columns of the elements their paths
// name, or of the nearest ancestor the file holds.
func TestValidateSARIFRegions(t *testing.T) {
	t.Parallel()
	const harris = "../../examples/registers/harris-careers.yaml"
	s, got := validateSARIF(t, compileSARIFSchema(t), "",
		"testdata/errors.yaml", "testdata/structure.yaml", "testdata/misspelt-field.yaml", harris)
	if got.code != exitFailure {
		t.Errorf("exit status %d, want 2 (a file cannot be parsed)", got.code)
	}
	type at struct {
		file, rule, path string
		line, col        int
		level            string
	}
	var results []at
	for _, r := range s.Runs[0].Results {
		pl := r.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: uriBaseId %q", pl.ArtifactLocation.URI, pl.ArtifactLocation.URIBaseID)
		}
		path := ""
		if ll := r.Locations[0].LogicalLocations; len(ll) > 0 {
			path = ll[0].FullyQualifiedName
		}
		if path != "" && !strings.HasPrefix(r.Message.Text, path+": ") {
			t.Errorf("message %q does not start with the path %s", r.Message.Text, path)
		}
		results = append(results, at{pl.ArtifactLocation.URI, r.RuleID, path, pl.Region.StartLine, pl.Region.StartColumn, r.Level})
	}
	wants := []at{
		// A purpose with no basis: the purpose, as the file has no basis.
		{"testdata/errors.yaml", "purpose-basis", "activities[0].purposes[1].basis",
			lineOf(t, "testdata/errors.yaml", "- description: Surveying applicants"), 9, "error"},
		{"testdata/errors.yaml", "processor-contract", "activities[0].recipients[0].contract",
			lineOf(t, "testdata/errors.yaml", "- name: Survey platform"), 9, "error"},
		// No complaints route: the register itself, its first field.
		{"testdata/errors.yaml", "complaint-route", "complaints", lineOf(t, "testdata/errors.yaml", "jurisdiction: uk"), 1, "error"},
		// Structural problems: a field that is there, and one that is not.
		{"testdata/structure.yaml", "structure", "controller.email", lineOf(t, "testdata/structure.yaml", "email: info-at-northfield"), 3, "error"},
		{"testdata/structure.yaml", "structure", "activities[0].name", lineOf(t, "testdata/structure.yaml", "- id: payroll"), 5, "error"},
		// A file that cannot be parsed: the misspelt field.
		{"testdata/misspelt-field.yaml", "parse-error", "activities[0].purpses", lineOf(t, "testdata/misspelt-field.yaml", "purpses:"), 5, "error"},
		// A seed register: its first purpose names no basis.
		{"../../examples/registers/harris-careers.yaml", "purpose-basis", "activities[0].purposes[0].basis",
			lineOf(t, harris, "- description: Strictly necessary cookies"), 9, "error"},
	}
	for _, w := range wants {
		found := false
		for _, r := range results {
			if r.file == w.file && r.rule == w.rule && r.path == w.path {
				found = true
				if diff := cmp.Diff(w, r, cmp.AllowUnexported(at{})); diff != "" {
					t.Errorf("result of %s at %s (-want +got):\n%s", w.rule, w.path, diff)
				}
			}
		}
		if !found {
			t.Errorf("no result of %s at %s in %s; results:\n%v", w.rule, w.path, w.file, results)
		}
	}
	// The files keep their order: the unparsable one between the others.
	var order []string
	for _, r := range results {
		if len(order) == 0 || order[len(order)-1] != r.file {
			order = append(order, r.file)
		}
	}
	want := []string{"testdata/errors.yaml", "testdata/structure.yaml", "testdata/misspelt-field.yaml", "../../examples/registers/harris-careers.yaml"}
	if diff := cmp.Diff(want, order); diff != "" {
		t.Errorf("order of the files in the results (-want +got):\n%s", diff)
	}
}

// A file that cannot be read is a notification of an unsuccessful
// invocation, and the exit status is the same as for the other formats.
func TestValidateSARIFUnreadable(t *testing.T) {
	t.Parallel()
	s, got := validateSARIF(t, compileSARIFSchema(t), "", "testdata/no-such-file.yaml", "testdata/compliant.yaml")
	inv := s.Runs[0].Invocations[0]
	if got.code != exitFailure || inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 ||
		inv.ToolExecutionNotifications[0].Message.Text != "testdata/no-such-file.yaml: no such file or directory" {
		t.Errorf("exit status %d, invocation %+v", got.code, inv)
	}
	if !strings.Contains(got.stderr, "testdata/no-such-file.yaml: no such file or directory") {
		t.Errorf("stderr %q does not name the missing file", got.stderr)
	}
	for _, args := range [][]string{{"testdata/warnings.yaml"}, {"--fail-on", "warning", "testdata/warnings.yaml"}, {"testdata/errors.yaml"}} {
		sarif := runArgs(t, "", append([]string{"validate", "--as-of", lawDate, "--format", "sarif"}, args...)...)
		text := runArgs(t, "", append([]string{"validate", "--as-of", lawDate}, args...)...)
		if sarif.code != text.code {
			t.Errorf("%q: exit status %d with sarif, %d with text", args, sarif.code, text.code)
		}
	}
}

func TestArtifact(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]sarifArtifact{
		"register.yaml":          {URI: "register.yaml", URIBaseID: "%SRCROOT%"},
		"dir/my register.yaml":   {URI: "dir/my%20register.yaml", URIBaseID: "%SRCROOT%"},
		"a:b.yaml":               {URI: "./a:b.yaml", URIBaseID: "%SRCROOT%"},
		"/srv/registers/r.yaml":  {URI: "file:///srv/registers/r.yaml"},
		"../registers/100%.yaml": {URI: "../registers/100%25.yaml", URIBaseID: "%SRCROOT%"},
	} {
		if diff := cmp.Diff(want, artifact(name)); diff != "" {
			t.Errorf("artifact(%q) (-want +got):\n%s", name, diff)
		}
	}
	if a := artifact(stdinName); a.URI != "" || a.Description == nil {
		t.Errorf("artifact(stdin) = %+v, want a description and no URI", a)
	}
}

package main

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// runGen runs article30 gen with args and the environment getenv.
func runGen(t *testing.T, getenv func(string) string, args ...string) out {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		now: func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }, getenv: getenv}
	return checked(t, append([]string{"gen"}, args...), genCommand.run(e, args), &stdout, &stderr)
}

func noEnv(string) string { return "" }

// generatedRE is the line Go's tools take as the mark of a generated file
// (go help generate).
var generatedRE = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

func TestGen(t *testing.T) {
	t.Parallel()
	const file = "../../examples/hr/register.yaml"
	got := runGen(t, noEnv, "--package", "hr", file)
	if got.code != exitOK || got.stderr != "" {
		t.Fatalf("article30 gen: exit status %d, stderr %q", got.code, got.stderr)
	}
	src := got.stdout
	if first, _, _ := strings.Cut(src, "\n"); !generatedRE.MatchString(first) {
		t.Errorf("first line %q is not a generated-code mark", first)
	}
	if formatted, err := format.Source([]byte(src)); err != nil || string(formatted) != src {
		t.Errorf("the output is not gofmt'd (%v)", err)
	}
	if again := runGen(t, noEnv, "--package", "hr", file); again.stdout != src {
		t.Error("two runs on the same register differ")
	}

	// It compiles, and each constant has the register's value.
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "register_gen.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("hr", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("the generated file does not type-check: %v\n%s", err, src)
	}
	for name, want := range map[string]string{
		"ActivityRecruitment":    `"recruitment"`,
		"ActivityEmployment":     `"employment"`,
		"SubjectReferees":        `"referees"`,
		"CategoryHealth":         `"health"`,
		"ConditionEmploymentLaw": `"employment-law"`,
		"Schedule1Employment":    `"employment"`,
		"RetentionSponsoredVisa": `"sponsored-visa"`,
	} {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || c.Val().ExactString() != want {
			t.Errorf("%s: %v, want the constant %s", name, pkg.Scope().Lookup(name), want)
		}
	}
	if typ := pkg.Scope().Lookup("CategoryHealth").Type().String(); typ != "github.com/article30/article30/ropa.Category" {
		t.Errorf("CategoryHealth has type %s, want ropa.Category", typ)
	}
	for _, s := range []string{
		`// ActivityEmployment is the ID of the activity "Employment and payroll".`,
		`// CategoryHealth (Health) is declared by recruitment, employment.`,
		`// ConditionEmploymentLaw (UK GDPR Art 9(2)(b)) is declared by recruitment, employment.`,
	} {
		if !strings.Contains(src, s) {
			t.Errorf("the output lacks %q", s)
		}
	}
	// Categories the register does not declare have no constant.
	if pkg.Scope().Lookup("CategoryCriminalOffences") != nil {
		t.Error("a constant for a category no activity declares")
	}
}

func TestGenFileAndPackage(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "register_gen.go")
	getenv := func(k string) string {
		if k == "GOPACKAGE" {
			return "staff"
		}
		return ""
	}
	got := runGen(t, getenv, "-o", out, "testdata/compliant.yaml")
	if got.code != exitOK || got.stdout != "" || got.stderr != "" {
		t.Fatalf("article30 gen -o: exit status %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(b), "\npackage staff\n") {
		t.Errorf("article30 gen with $GOPACKAGE=staff wrote %q (%v)", b, err)
	}
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"testdata/compliant.yaml"}, "give --package NAME"},
		{[]string{"--package", "my-pkg", "testdata/compliant.yaml"}, `--package "my-pkg" is not a Go package name`},
		{[]string{"--package", "p"}, "no FILE given"},
		{[]string{"--package", "p", "testdata/no-such.yaml"}, "no such file"},
		{[]string{"--package", "p", "testdata/bad-enum.yaml"}, "bad-enum.yaml:"},
	} {
		got := runGen(t, noEnv, tc.args...)
		if got.code != exitFailure || got.stdout != "" || !strings.Contains(got.stderr, tc.stderr) {
			t.Errorf("article30 gen %q: exit status %d, stdout %q, stderr %q; want 2 and %q", tc.args, got.code, got.stdout, got.stderr, tc.stderr)
		}
	}
}

func TestCamel(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"job-applicants":                  "JobApplicants",
		"custom special: Facial geometry": "CustomSpecialFacialGeometry",
		"6(1)(f)":                         "X61F",
		"---":                             "X",
		"café-staff":                      "CafStaff",
	} {
		if got := camel(in); got != want {
			t.Errorf("camel(%q) = %q, want %q", in, got, want)
		}
	}
}

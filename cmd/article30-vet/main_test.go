package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module is a throwaway module outside the repository that imports this
// one through a replace directive, as a service would: a payroll package
// with one planted defect of each kind the README tour shows.
var module = map[string]string{
	"go.mod": `module example.com/payroll

go 1.26

require github.com/article30/article30 v0.0.0

replace github.com/article30/article30 => REPO
`,
	"register.yaml": `jurisdiction: uk
controller:
  name: Example Payroll Ltd
activities:
  - id: payroll
    name: Payroll
    purposes:
      - description: Pay employees
        basis: contract
    dataSubjects: [employees]
    dataCategories: [identifiers, pay-and-benefits]
    recipients:
      - name: PayRight Bureau Ltd (payroll)
        kind: processor
`,
	"pay/pay.go": `// Package pay pays employees.
package pay

import "github.com/article30/article30/ropa"

// Category is the data category of pay, as the library names it.
const Category = ropa.PayAndBenefits

// Employee is paid.
//
//article30:activity payroll
type Employee struct {
	Name   string ` + "`article30:\"identifiers\"`" + `
	Salary int    ` + "`article30:\"pay-and-benefits\"`" + `
	Bank   string ` + "`article30:\"financial\"`" + `
	NINO   string
}

// Send hands payslips to the bureau.
//
//article30:recipient payright-bureau-ltd
func Send(e Employee) {}

// Post hands payslips to a printer the register does not name.
//
//article30:recipient "PrintCo Ltd"
func Post(v any) {}

func run(e Employee) { Send(e); Post(e) }
`,
	"cmd/payd/main.go": `// Command payd uses the pay package from another package.
package main

import "example.com/payroll/pay"

func main() { pay.Post(pay.Employee{}) }
`,
}

// TestGoVetOutsideRepository builds article30-vet and runs
// "go vet -vettool" on a module outside the repository that requires this
// one through a replace directive, as the README says to; go must be on
// PATH, and the module cache must hold the dependencies (GOPROXY=off: the
// test reads no network).
func TestGoVetOutsideRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and runs go vet")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	tool := filepath.Join(tmp, "article30-vet")
	build := exec.Command(goTool, "build", "-o", tool, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := filepath.Join(tmp, "payroll")
	for name, text := range module {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(text, "REPO", filepath.ToSlash(repo))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The module's go.sum: the repository's holds every hash it needs.
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	vet := func(args ...string) (string, int) {
		cmd := exec.Command(goTool, append([]string{"vet", "-vettool=" + tool}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}
	out, code := vet("./...")
	if code != 1 {
		t.Fatalf("go vet -vettool exit status %d, want 1:\n%s", code, out)
	}
	var got []string
	for line := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(line, "pay/") || strings.HasPrefix(line, "cmd/") {
			got = append(got, line)
		}
	}
	slices.Sort(got)
	want := []string{
		`cmd/payd/main.go:6:24: Employee reaches recipient "PrintCo Ltd" through pay.Post, which activity "payroll" does not declare for employees; add to its recipients: {name: PrintCo Ltd} (UK GDPR Art 30(1)(d)) [undeclared-recipient]`,
		`pay/pay.go:15:2: Employee.Bank holds financial, which activity "payroll" does not declare for employees; add to its dataCategories: financial (UK GDPR Art 30(1)(c)) [undeclared-category]`,
		`pay/pay.go:16:2: Employee.NINO looks like personal data (Government identifiers) but has no article30 tag; tag it article30:"government-identifiers", another category, or article30:"-" if it is not personal data (UK GDPR Art 30(1)(c)) [untagged-personal-data]`,
		`pay/pay.go:26:1: no activity of the register register.yaml lists the recipient "PrintCo Ltd"; its recipients are "PayRight Bureau Ltd (payroll)" [unknown-recipient]`,
		`pay/pay.go:29:38: Employee reaches recipient "PrintCo Ltd" through pay.Post, which activity "payroll" does not declare for employees; add to its recipients: {name: PrintCo Ltd} (UK GDPR Art 30(1)(d)) [undeclared-recipient]`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("go vet -vettool=article30-vet ./...:\n got %q\nwant %q\n%s", got, want, out)
	}

	// The register given by flag, from the module root: one that declares
	// all of it passes.
	fixed := strings.Replace(module["register.yaml"], "[identifiers, pay-and-benefits]", "[identifiers, pay-and-benefits, financial, government-identifiers]", 1) +
		"      - name: PrintCo Ltd\n        kind: processor\n"
	if err := os.WriteFile(filepath.Join(dir, "declared.yaml"), []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pay", "pay.go"), []byte(strings.Replace(module["pay/pay.go"], "NINO   string", "NINO   string `article30:\"government-identifiers\"`", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := vet("-article30.register=declared.yaml", "./..."); code != 0 {
		t.Errorf("go vet -vettool -article30.register=declared.yaml: exit status %d, want 0:\n%s", code, out)
	}
}

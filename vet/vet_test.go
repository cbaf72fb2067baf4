package vet_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/article30/article30/vet"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), vet.Analyzer, "hr/model", "hr/sinks", "hr/app", "hr/plain")
}

func TestUnused(t *testing.T) {
	a := vet.New(vet.Config{Unused: true})
	analysistest.Run(t, analysistest.TestData(), a, "hr/cmd/hrd")
}

// TestHRExample holds a copy of examples/hr's annotated types, with three
// planted defects, against the example's own register.
func TestHRExample(t *testing.T) {
	reg, err := filepath.Abs("../examples/hr/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), vet.New(vet.Config{RegisterFile: reg}), "hrexample")
}

func TestNoRegisterAndEU(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), vet.Analyzer, "noreg", "eu/model")
}

// TestSuggestedFix applies the fix of untagged-personal-data: the tag it
// suggests, added to a field with and without a tag.
func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), vet.Analyzer, "fix")
}

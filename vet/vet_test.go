package vet_test

import (
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

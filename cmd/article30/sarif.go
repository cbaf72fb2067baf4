package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// The SARIF 2.1.0 output of validate: one run of the tool "article30"
// whose rules are the whole catalogue (ropa.Rules), the structural checks
// ("structure") and the reading of the file ("parse-error"), so that a
// rule's index is the same from run to run. Each finding is a result at
// the line and column of the element its path names (or, where the file
// does not hold it, of its nearest ancestor, ropa.Locator), with the path
// as its logical location. A file that reads but cannot be parsed is a
// result of the rule "parse-error" at the line and column of the problem,
// so that code scanning shows it on the file like any finding; a file that
// cannot be read at all (missing, a directory) is a tool execution
// notification of the run's invocation, which is then not successful.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	toolURI      = "https://github.com/article30/article30"
	// parseErrorRule is the rule ID of the results that report a file
	// that cannot be parsed.
	parseErrorRule = "parse-error"
	// srcRoot is the base of relative artifact URIs: the directory
	// validate ran in, which code scanning takes for the repository root.
	srcRoot = "%SRCROOT%"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
	Properties  sarifFields       `json:"properties"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	InformationURI  string      `json:"informationUri"`
	Version         string      `json:"version"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name"`
	ShortDescription     sarifText   `json:"shortDescription"`
	FullDescription      sarifText   `json:"fullDescription"`
	Help                 sarifText   `json:"help"`
	DefaultConfiguration sarifConfig `json:"defaultConfiguration"`
	Properties           sarifFields `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

// sarifFields is a SARIF property bag.
type sarifFields map[string]any

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          sarifFields       `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
}

// sarifLevel is the SARIF level of a severity.
func sarifLevel(s ropa.Severity) string {
	switch s {
	case ropa.Error:
		return "error"
	case ropa.Warning:
		return "warning"
	}
	return "note"
}

// sarifRules returns the rules of the driver, each citing the law as it
// stood on the day of at, and the index of each ID.
func sarifRules(at time.Time) ([]sarifRule, map[string]int) {
	catalogue := []sarifRule{
		{
			ID:                   parseErrorRule,
			ShortDescription:     sarifText{"The file reads as a register: YAML or JSON syntax, known field names and values, values of the right type."},
			DefaultConfiguration: sarifConfig{"error"},
			Properties:           sarifFields{"regimes": []string{"uk", "eu"}},
		},
		{
			ID:                   structureRule,
			ShortDescription:     sarifText{"The register's structure: required fields, the form of email addresses, URLs and country codes, text lengths and known values."},
			DefaultConfiguration: sarifConfig{"error"},
			Properties:           sarifFields{"regimes": []string{"uk", "eu"}},
		},
	}
	for i := range catalogue {
		r := &catalogue[i]
		r.FullDescription, r.Help = r.ShortDescription, r.ShortDescription
	}
	for _, r := range ropa.Rules() {
		regimes := r.Regimes
		if len(regimes) == 0 {
			regimes = lawfulbasis.Regimes()
		}
		props := sarifFields{}
		var slugs, cites []string
		citation := map[string]string{}
		for _, reg := range regimes {
			c := r.Cite(reg, at)
			slugs = append(slugs, reg.String())
			citation[reg.String()] = c
			if !slices.Contains(cites, c) {
				cites = append(cites, c)
			}
		}
		props["regimes"] = slugs
		props["citation"] = citation
		applies := "Applies under the " + strings.Join(upper(slugs), " and ") + " regime"
		if len(slugs) > 1 {
			applies += "s"
		}
		if !r.From.IsZero() {
			props["from"] = r.From.Format(time.DateOnly)
			applies += " from " + r.From.Format("2 January 2006")
		}
		if !r.Until.IsZero() {
			props["until"] = r.Until.Format(time.DateOnly)
			applies += " until " + r.Until.AddDate(0, 0, -1).Format("2 January 2006")
		}
		full := strings.TrimSuffix(r.Summary, ".") + " (" + strings.Join(cites, "; ") + ")."
		catalogue = append(catalogue, sarifRule{
			ID:                   r.ID,
			ShortDescription:     sarifText{r.Summary},
			FullDescription:      sarifText{full},
			Help:                 sarifText{full + " " + applies + "."},
			DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)},
			Properties:           props,
		})
	}
	index := map[string]int{}
	for i := range catalogue {
		catalogue[i].Name = ruleName(catalogue[i].ID)
		index[catalogue[i].ID] = i
	}
	return catalogue, index
}

func upper(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = strings.ToUpper(v)
	}
	return out
}

// ruleName turns a rule ID into a name: purpose-basis is PurposeBasis.
func ruleName(id string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(id, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// artifact is the SARIF location of a file as the command line names it:
// a relative path is a URI relative to %SRCROOT%, an absolute one a file
// URI, and standard input has no URI.
func artifact(name string) sarifArtifact {
	if name == stdinName {
		return sarifArtifact{Description: &sarifText{"standard input"}}
	}
	p := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x is file:///C:/x
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	return sarifArtifact{URI: (&url.URL{Path: p}).String(), URIBaseID: srcRoot}
}

// fingerprint identifies a result by what it is about rather than by its
// line, so that code scanning follows it when lines move.
func fingerprint(parts ...string) map[string]string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return map[string]string{"article30/v1": hex.EncodeToString(h[:16])}
}

// buildVersion is the version of the module the binary was built from,
// or "devel".
func buildVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func (v *validation) writeSARIF(w io.Writer) error {
	rules, index := sarifRules(v.at)
	version := buildVersion()
	driver := sarifDriver{Name: "article30", InformationURI: toolURI, Version: version, Rules: rules}
	if semver, ok := strings.CutPrefix(version, "v"); ok {
		driver.SemanticVersion = semver
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: driver},
		Invocations: []sarifInvocation{{ExecutionSuccessful: v.unreadable == 0}},
		Results:     []sarifResult{},
		ColumnKind:  "unicodeCodePoints",
		Properties:  sarifFields{"lawAsOf": v.at.Format(time.DateOnly)},
	}
	failures := v.failures
	for i, r := range v.results {
		for len(failures) > 0 && failures[0].before <= i {
			sarifFailure(&run, failures[0], index)
			failures = failures[1:]
		}
		run.Results = append(run.Results, sarifFindings(r, index)...)
	}
	for _, f := range failures {
		sarifFailure(&run, f, index)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifFailure adds a file that could not be read to the run's
// notifications, or one that could not be parsed to its results.
func sarifFailure(run *sarifRun, f failure, index map[string]int) {
	art := artifact(f.file)
	if _, ok := errors.AsType[*fs.PathError](f.err); ok {
		inv := &run.Invocations[0]
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:     "error",
			Message:   sarifText{loadMessage(f.err)},
			Locations: []sarifLocation{{PhysicalLocation: &sarifPhysical{ArtifactLocation: art}}},
		})
		return
	}
	region := &sarifRegion{StartLine: 1}
	msg := f.err.Error()
	var path string
	if de, ok := errors.AsType[*ropa.DecodeError](f.err); ok {
		region.StartLine, region.StartColumn = max(de.Line, 1), de.Column
		path, msg = de.Path, de.Err.Error()
		if path != "" {
			msg = path + ": " + msg
		}
	}
	loc := sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: art, Region: region}}
	if path != "" {
		loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: path}}
	}
	run.Results = append(run.Results, sarifResult{
		RuleID: parseErrorRule, RuleIndex: index[parseErrorRule], Level: "error",
		Message:             sarifText{msg},
		Locations:           []sarifLocation{loc},
		PartialFingerprints: fingerprint(art.URI, parseErrorRule, path, msg),
	})
}

// sarifFindings returns the results of the findings in one file, each at
// the line and column of the element its path names.
func sarifFindings(r result, index map[string]int) []sarifResult {
	art := artifact(r.file)
	loc, _ := ropa.NewLocator(r.data) // nil for a file with nothing in it: line 1
	var out []sarifResult
	for _, f := range r.findings {
		region := &sarifRegion{StartLine: 1}
		if loc != nil {
			region.StartLine, region.StartColumn, _ = loc.Locate(f.Path)
		}
		msg := f.Message
		if f.Path != "" {
			msg = f.Path + ": " + msg
		}
		if f.Citation != "" {
			msg += " (" + f.Citation + ")"
		}
		l := sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: art, Region: region}}
		if f.Path != "" {
			l.LogicalLocations = []sarifLogical{{FullyQualifiedName: f.Path}}
		}
		res := sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           index[f.Rule],
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{msg},
			Locations:           []sarifLocation{l},
			PartialFingerprints: fingerprint(art.URI, f.Rule, f.Path, f.Message),
		}
		if f.Activity != "" {
			res.Properties = sarifFields{"activity": f.Activity}
		}
		out = append(out, res)
	}
	return out
}

package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
	"github.com/article30/article30/vet"
)

var vetCommand = &command{
	name:    "vet",
	summary: "hold a Go service's annotated types and flows against its register",
	usage:   "article30 vet [--register FILE] [--format text|json|sarif] [--fail-on error|warning] [--unused] [--suggest | --draft] [-C DIR] [PACKAGES]",
	detail: `
Vet loads the Go PACKAGES (default ./...) and runs the article30 analyzer
(package github.com/article30/article30/vet) on them: struct types marked
//article30:activity ID [subjects=GROUP,...], their fields' article30:"CATEGORY"
tags, and the values passed to functions marked //article30:recipient NAME
or //article30:transfer COUNTRY. It reports categories, recipients and
transfers the register does not declare for the activity and its groups,
special category and criminal offence data without their conditions, fields
that look like personal data but have no tag, and annotations the register
or the catalogue does not know. See 'go doc github.com/article30/article30/vet'
for the syntax and what each finding means.

The register is --register FILE, or, for each package, the nearest
register.yaml, register.yml, register.json, ropa.yaml, ropa.yml or
ropa.json in its directory or a parent, up to the module root. --unused
also reports, at their lines in the register, the categories, external
recipients and transfers declared for an activity the code holds something
of, that no code holds or reaches.

--format json writes one array of findings (file, line, column, rule,
severity, activity, path, message, citation); --format sarif writes SARIF
2.1.0, as validate does, with each finding at its Go line, relative to
%SRCROOT% (the directory vet runs in, or -C DIR). --suggest prints instead
the register entries that would declare what the code holds, as YAML to
paste into each activity; --draft writes a register skeleton from the
annotations alone (no register needed) for a DPO to complete.

The same analyzer runs under go vet, in editors through gopls, and in
golangci-lint: go vet -vettool=$(which article30-vet) ./...

Exit status: 0 when no finding is at or above --fail-on (default error);
1 when one is; 2 when the packages or the register cannot be loaded, or on
a usage error. --suggest and --draft exit 0 when they have written their
output.`,
	examples: []string{
		"article30 vet ./...",
		"article30 vet --register hr/register.yaml ./internal/hr/...",
		"article30 vet --format sarif ./... > article30-vet.sarif",
		"article30 vet --suggest ./... >> additions.yaml",
		"article30 vet --draft ./... > register.yaml",
		"article30 vet --unused --fail-on warning ./...",
	},
	flags: vetFlags,
}

func vetFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	register := fs.String("register", "", "the register `FILE` for every package (default: the nearest register.yaml or ropa.yaml up to the module root)")
	format := fs.String("format", "text", "output `format`: text, json or sarif")
	failOn := fs.String("fail-on", "error", "exit 1 on a finding of this `severity` or worse: error or warning")
	unused := fs.Bool("unused", false, "also report declarations of the register that no code holds")
	suggest := fs.Bool("suggest", false, "print the register entries that would declare what the code holds, as YAML")
	draft := fs.Bool("draft", false, "write a register skeleton from the annotations, for a DPO to complete")
	dir := fs.String("C", "", "run as if started in `DIR`")
	return func(e *env, patterns []string) (int, error) {
		threshold, err := reportFlags(*format, *failOn)
		if err != nil {
			return 0, err
		}
		if *suggest && *draft {
			return 0, errors.New("--suggest and --draft: give one")
		}
		if *draft && *register != "" {
			return 0, errors.New("--draft writes a register from the code: it takes no --register")
		}
		if len(patterns) == 0 {
			patterns = []string{"./..."}
		}
		v := &vetRun{env: e, dir: *dir}
		cfg := vet.Config{Unused: false, Draft: *draft}
		if *register != "" {
			name := *register
			if *dir != "" && !filepath.IsAbs(name) {
				name = filepath.Join(*dir, name)
			}
			reg, name, ok := openRegister(e, name)
			if !ok {
				return exitFailure, nil
			}
			abs, err := filepath.Abs(name)
			if err != nil {
				abs = name
			}
			cfg.Register, cfg.RegisterFile = reg, abs
		}
		if !v.analyze(cfg, patterns) {
			return exitFailure, nil
		}
		switch {
		case *draft:
			return v.writeOutput(writeDraft(e.stdout, v.holdings))
		case *suggest:
			return v.writeOutput(v.writeSuggest(e.stdout))
		}
		if *unused {
			v.unused()
		}
		v.sort()
		switch *format {
		case "json":
			err = v.writeJSON(e.stdout)
		case "sarif":
			err = v.writeSARIF(e.stdout)
		default:
			err = v.writeText(e.stdout)
		}
		if status, _ := v.writeOutput(err); status != exitOK {
			return status, nil
		}
		for _, f := range v.findings {
			if f.Severity >= threshold {
				return exitFindings, nil
			}
		}
		return exitOK, nil
	}
}

// vetRun is one run of article30 vet: what the analyzer found in the
// packages.
type vetRun struct {
	*env
	dir       string // -C, or "" for the working directory
	root      string // the absolute directory paths are shown relative to
	findings  []vet.Finding
	holdings  []vet.Holding
	registers []string // the register files the packages were held against
	regime    lawfulbasis.Regime
}

func (v *vetRun) writeOutput(err error) (int, error) {
	if err != nil {
		fmt.Fprintf(v.stderr, "article30 vet: writing output: %v\n", err)
		return exitFailure, nil
	}
	return exitOK, nil
}

// analyze loads the packages and runs the analyzer. Problems loading them
// or running it are reported on standard error, and ok is false.
func (v *vetRun) analyze(cfg vet.Config, patterns []string) bool {
	root := v.dir
	if root == "" {
		root = "."
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		fmt.Fprintf(v.stderr, "article30 vet: %v\n", err)
		return false
	}
	v.root = abs
	if cfg.Register != nil {
		v.regime = cfg.Register.Jurisdiction
	}
	goroot := runtime.GOROOT()
	if out, err := goEnv(abs, "GOROOT"); err == nil && out != "" {
		goroot = out
	}
	pcfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   abs,
		Tests: false,
		// The standard library holds no annotations: its function bodies
		// are not needed, and type-checking without them is much faster.
		ParseFile: func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
			f, err := parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
			if goroot != "" && strings.HasPrefix(filename, goroot+string(filepath.Separator)) && f != nil {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						fd.Body = nil
					}
				}
			}
			return f, err
		},
	}
	pkgs, err := packages.Load(pcfg, patterns...)
	if err != nil {
		fmt.Fprintf(v.stderr, "article30 vet: %v\n", err)
		return false
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(v.stderr, "article30 vet: no packages match %s\n", strings.Join(patterns, " "))
		return false
	}
	bad := 0
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Module == nil && p.Dir != "" && strings.HasPrefix(p.Dir, goroot+string(filepath.Separator)) {
			return // errors of the standard library are those of its dropped bodies
		}
		for _, e := range p.Errors {
			bad++
			fmt.Fprintf(v.stderr, "article30 vet: %s\n", clean(e.Error()))
		}
	})
	if bad > 0 {
		return false
	}
	a := vet.New(cfg)
	// The standard library, type-checked without its function bodies, has
	// errors; the analyzer has nothing to do in it but must run for its
	// facts. A package of the module with errors stopped vet above.
	a.RunDespiteErrors = true
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		fmt.Fprintf(v.stderr, "article30 vet: %v\n", err)
		return false
	}
	ok := true
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(v.stderr, "article30 vet: %s: %s\n", act.Package.PkgPath, clean(act.Err.Error()))
			ok = false
			continue
		}
		res, _ := act.Result.(*vet.Result)
		if res == nil {
			continue
		}
		v.findings = append(v.findings, res.Findings...)
		v.holdings = append(v.holdings, res.Holdings...)
		if res.RegisterFile != "" && !slices.Contains(v.registers, res.RegisterFile) {
			v.registers = append(v.registers, res.RegisterFile)
		}
	}
	if !v.regime.Valid() && len(v.registers) > 0 {
		if reg, err := ropa.Load(v.registers[0], ropa.WithoutValidation()); err == nil {
			v.regime = reg.Jurisdiction
		}
	}
	return ok
}

// goEnv returns the value of a go env variable.
func goEnv(dir, name string) (string, error) {
	cmd := exec.Command("go", "env", name)
	cmd.Dir = dir
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}

// unused adds the unused-declaration findings of each register, at their
// lines in the register file.
func (v *vetRun) unused() {
	for _, file := range v.registers {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		reg, err := ropa.Decode(strings.NewReader(string(data)), ropa.WithoutValidation())
		if err != nil {
			continue
		}
		v.findings = append(v.findings, vet.Unused(reg, file, data, v.holdings)...)
	}
}

// sort orders the findings by file, line, column and rule, and drops the
// same finding reported twice (a package and its test variant).
func (v *vetRun) sort() {
	slices.SortStableFunc(v.findings, func(a, b vet.Finding) int {
		return cmp.Or(cmp.Compare(a.Pos.Filename, b.Pos.Filename), cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
	v.findings = slices.CompactFunc(v.findings, func(a, b vet.Finding) bool {
		return a.Pos == b.Pos && a.Rule == b.Rule && a.Message == b.Message
	})
}

// rel shows a file relative to the directory vet runs in, where it is
// under it.
func (v *vetRun) rel(file string) string {
	if r, err := filepath.Rel(v.root, file); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return file
}

func (v *vetRun) writeText(w io.Writer) error {
	var b strings.Builder
	errs, warns, infos := 0, 0, 0
	for _, f := range v.findings {
		switch f.Severity {
		case ropa.Error:
			errs++
		case ropa.Warning:
			warns++
		default:
			infos++
		}
		msg := clean(f.Message)
		if f.Citation != "" {
			msg += " (" + f.Citation + ")"
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", clean(v.rel(f.Pos.Filename)), f.Pos.Line, f.Pos.Column, f.Severity, f.Rule, msg)
	}
	regs := "no register"
	if len(v.registers) > 0 {
		var names []string
		for _, r := range v.registers {
			names = append(names, clean(v.rel(r)))
		}
		regs = "register " + strings.Join(names, ", ")
	}
	fmt.Fprintf(&b, "Total: %s (%s)\n", counts(errs, warns, infos), regs)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeJSON writes the library's findings JSON (ropa.ReportSchema): a
// list of one ropa.Report, each finding with the Go file, line and column
// it is at.
func (v *vetRun) writeJSON(w io.Writer) error {
	fs := make([]ropa.Finding, 0, len(v.findings))
	for _, f := range v.findings {
		fs = append(fs, ropa.Finding{File: filepath.ToSlash(v.rel(f.Pos.Filename)), Line: f.Pos.Line, Column: f.Pos.Column,
			Rule: f.Rule, Severity: f.Severity, Activity: f.Activity, Path: f.Path, Message: f.Message, Citation: f.Citation})
	}
	// The analyzer applies no dated law: the report has no as-of date. Its
	// file is the register the code was held against, when there is one.
	rep := ropa.NewReport(v.regime, time.Time{}, fs)
	if len(v.registers) == 1 {
		rep.File = filepath.ToSlash(v.rel(v.registers[0]))
	}
	return writeReports(w, []ropa.Report{rep})
}

// vetSARIFRules returns the analyzer's rules for the SARIF driver, with
// their citations under each regime, and the index of each ID.
func vetSARIFRules() ([]sarifRule, map[string]int) {
	var out []sarifRule
	index := map[string]int{}
	for i, r := range vet.Rules() {
		props := sarifFields{"regimes": []string{"uk", "eu"}}
		full := r.Summary
		if r.Article != "" {
			citation := map[string]string{}
			for _, reg := range lawfulbasis.Regimes() {
				citation[reg.String()] = r.Cite(reg)
			}
			props["citation"] = citation
			full = strings.TrimSuffix(r.Summary, ".") + " (" + r.Cite(lawfulbasis.UK) + "; " + r.Cite(lawfulbasis.EU) + ")."
		}
		out = append(out, sarifRule{
			ID:                   r.ID,
			Name:                 ruleName(r.ID),
			ShortDescription:     sarifText{r.Summary},
			FullDescription:      sarifText{full},
			Help:                 sarifText{full + " See https://pkg.go.dev/github.com/article30/article30/vet."},
			DefaultConfiguration: sarifConfig{sarifLevel(r.Severity)},
			Properties:           props,
		})
		index[r.ID] = i
	}
	return out, index
}

// writeSARIF writes the findings as SARIF 2.1.0, as validate does: one
// run whose driver lists the analyzer's rules, one result per finding at
// its line and column in the Go file (or, for unused-declaration, in the
// register), relative to %SRCROOT%.
func (v *vetRun) writeSARIF(w io.Writer) error {
	rules, index := vetSARIFRules()
	version := buildVersion()
	driver := sarifDriver{Name: "article30 vet", InformationURI: toolURI, Version: version, Rules: rules}
	if semver, ok := strings.CutPrefix(version, "v"); ok {
		driver.SemanticVersion = semver
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: driver},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
		ColumnKind:  "unicodeCodePoints",
		Properties:  sarifFields{},
	}
	if len(v.registers) > 0 {
		var regs []string
		for _, r := range v.registers {
			regs = append(regs, filepath.ToSlash(v.rel(r)))
		}
		run.Properties["registers"] = regs
	}
	for _, f := range v.findings {
		art := artifact(v.rel(f.Pos.Filename))
		region := &sarifRegion{StartLine: max(f.Pos.Line, 1), StartColumn: f.Pos.Column}
		loc := sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: art, Region: region}}
		if f.Path != "" {
			loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: f.Path}}
		}
		msg := f.Message
		if f.Citation != "" {
			msg += " (" + f.Citation + ")"
		}
		res := sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           index[f.Rule],
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{msg},
			Locations:           []sarifLocation{loc},
			PartialFingerprints: fingerprint(art.URI, f.Rule, f.Activity, f.Message),
		}
		if f.Activity != "" {
			res.Properties = sarifFields{"activity": f.Activity}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// activityAdditions are the entries to add to one activity.
type activityAdditions struct {
	id         string
	categories []ropa.DataCategory
	recipients []ropa.Recipient
	transfers  []ropa.Transfer
}

// merge adds the groups of scope to an entry's, where the entry is scoped:
// an unscoped entry stays unscoped.
func merge(into *[]ropa.Subject, scope []ropa.Subject) {
	if len(*into) == 0 {
		return
	}
	if len(scope) == 0 {
		*into = nil
		return
	}
	for _, g := range scope {
		if !slices.Contains(*into, g) {
			*into = append(*into, g)
		}
	}
}

// writeSuggest prints the register entries the findings' additions call
// for, grouped by register file and activity, as YAML shaped like the
// activities they go in.
func (v *vetRun) writeSuggest(w io.Writer) error {
	type regAdds struct {
		file string
		acts []*activityAdditions
	}
	var regs []*regAdds
	find := func(file, id string) *activityAdditions {
		i := slices.IndexFunc(regs, func(r *regAdds) bool { return r.file == file })
		if i < 0 {
			regs = append(regs, &regAdds{file: file})
			i = len(regs) - 1
		}
		r := regs[i]
		j := slices.IndexFunc(r.acts, func(a *activityAdditions) bool { return a.id == id })
		if j < 0 {
			r.acts = append(r.acts, &activityAdditions{id: id})
			j = len(r.acts) - 1
		}
		return r.acts[j]
	}
	file := ""
	if len(v.registers) > 0 {
		file = v.registers[0]
	}
	for _, f := range v.findings {
		add := f.Addition
		if add == nil {
			continue
		}
		a := find(file, add.Activity)
		if add.Category != nil {
			if i := slices.IndexFunc(a.categories, func(d ropa.DataCategory) bool { return d.Category == add.Category.Category }); i >= 0 {
				merge(&a.categories[i].Subjects, add.Category.Subjects)
			} else {
				a.categories = append(a.categories, *add.Category)
			}
		}
		if add.Recipient != nil {
			if i := slices.IndexFunc(a.recipients, func(r ropa.Recipient) bool { return r.Name == add.Recipient.Name }); i >= 0 {
				merge(&a.recipients[i].Subjects, add.Recipient.Subjects)
			} else {
				a.recipients = append(a.recipients, *add.Recipient)
			}
		}
		if add.Transfer != nil {
			if i := slices.IndexFunc(a.transfers, func(t ropa.Transfer) bool {
				return t.Country == add.Transfer.Country && t.Recipient == add.Transfer.Recipient
			}); i >= 0 {
				merge(&a.transfers[i].Subjects, add.Transfer.Subjects)
			} else {
				a.transfers = append(a.transfers, *add.Transfer)
			}
		}
	}
	var b strings.Builder
	if len(regs) == 0 {
		b.WriteString("# article30 vet --suggest: the register declares everything the code holds.\n")
	}
	for _, r := range regs {
		fmt.Fprintf(&b, "# Additions to %s suggested by article30 vet --suggest.\n", clean(v.rel(r.file)))
		b.WriteString("# Add each entry to the list of the same name in the activity with that id;\n")
		b.WriteString("# fill in each new recipient's kind, and each transfer's mechanism or exception.\n")
		for _, a := range r.acts {
			fmt.Fprintf(&b, "- id: %s\n", yamlString(a.id))
			if len(a.categories) > 0 {
				b.WriteString("  dataCategories:\n")
				for _, d := range a.categories {
					writeCategory(&b, "    ", d)
				}
			}
			if len(a.recipients) > 0 {
				b.WriteString("  recipients:\n")
				for _, rc := range a.recipients {
					writeRecipient(&b, "    ", rc)
				}
			}
			writeTransfers(&b, "  ", a.transfers)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTransfers writes transfers as a register's transfers: list, at
// indent, with a comment asking for the mechanism.
func writeTransfers(b *strings.Builder, indent string, transfers []ropa.Transfer) {
	if len(transfers) == 0 {
		return
	}
	b.WriteString(indent + "transfers:\n")
	for _, t := range transfers {
		fmt.Fprintf(b, "%s  - country: %s\n", indent, yamlString(t.Country))
		if t.Recipient != "" {
			fmt.Fprintf(b, "%s    recipient: %s\n", indent, yamlString(t.Recipient))
		}
		b.WriteString(indent + "    # mechanism: the Chapter V safeguard (see article30 schema)\n")
		writeSubjects(b, indent+"    ", t.Subjects)
	}
}

func writeCategory(b *strings.Builder, indent string, d ropa.DataCategory) {
	if len(d.Subjects) == 0 {
		fmt.Fprintf(b, "%s- %s\n", indent, yamlString(string(d.Category)))
		return
	}
	fmt.Fprintf(b, "%s- category: %s\n", indent, yamlString(string(d.Category)))
	writeSubjects(b, indent+"  ", d.Subjects)
}

func writeRecipient(b *strings.Builder, indent string, r ropa.Recipient) {
	fmt.Fprintf(b, "%s- name: %s\n", indent, yamlString(r.Name))
	if r.Kind != "" {
		fmt.Fprintf(b, "%s  kind: %s\n", indent, r.Kind)
	} else {
		fmt.Fprintf(b, "%s  # kind: processor, third-party, joint-controller, authority or internal (required)\n", indent)
	}
	if r.Country != "" {
		fmt.Fprintf(b, "%s  country: %s\n", indent, yamlString(r.Country))
	}
	if r.Contract != "" {
		fmt.Fprintf(b, "%s  contract: %s\n", indent, yamlString(r.Contract))
	}
	writeSubjects(b, indent+"  ", r.Subjects)
}

func writeSubjects(b *strings.Builder, indent string, ss []ropa.Subject) {
	if len(ss) == 0 {
		return
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = yamlString(string(s))
	}
	fmt.Fprintf(b, "%ssubjects: [%s]\n", indent, strings.Join(parts, ", "))
}

// yamlString writes s as a YAML scalar: plain where it reads back as the
// same string, double-quoted (as JSON quotes it) otherwise.
func yamlString(s string) string {
	plain := s != "" && !strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`\n\r\t") &&
		strings.TrimSpace(s) == s && !strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "?")
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		plain = false
	}
	if plain {
		if _, err := fmt.Sscanf(s, "%g", new(float64)); err == nil {
			plain = false
		}
	}
	if plain {
		return s
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// writeDraft writes a register skeleton from what the code holds: each
// activity its annotations name, with the groups, categories, recipients
// and transfers found, and a comment on what a DPO must complete.
func writeDraft(w io.Writer, holdings []vet.Holding) error {
	type draft struct {
		id         string
		subjects   []ropa.Subject
		all        bool // some type is about all the activity's groups
		categories []ropa.DataCategory
		recipients []string
		transfers  []ropa.Transfer
	}
	var acts []*draft
	get := func(id string) *draft {
		i := slices.IndexFunc(acts, func(d *draft) bool { return d.id == id })
		if i < 0 {
			acts = append(acts, &draft{id: id})
			i = len(acts) - 1
		}
		return acts[i]
	}
	slices.SortStableFunc(holdings, func(a, b vet.Holding) int {
		return cmp.Or(cmp.Compare(a.Pos.Filename, b.Pos.Filename), cmp.Compare(a.Pos.Line, b.Pos.Line))
	})
	for _, h := range holdings {
		d := get(h.Activity)
		if len(h.Subjects) == 0 {
			d.all = true
		}
		for _, g := range h.Subjects {
			if !slices.Contains(d.subjects, g) {
				d.subjects = append(d.subjects, g)
			}
		}
		switch {
		case h.Category != "":
			if i := slices.IndexFunc(d.categories, func(c ropa.DataCategory) bool { return c.Category == h.Category }); i >= 0 {
				merge(&d.categories[i].Subjects, h.Subjects)
			} else {
				d.categories = append(d.categories, ropa.DataCategory{Category: h.Category, Subjects: slices.Clone(h.Subjects)})
			}
		case h.Country != "":
			if h.Recipient != "" && !slices.Contains(d.recipients, h.Recipient) {
				d.recipients = append(d.recipients, h.Recipient) // a transfer's recipient is one of the activity's
			}
			t := ropa.Transfer{Country: h.Country, Recipient: h.Recipient, Subjects: slices.Clone(h.Subjects)}
			if i := slices.IndexFunc(d.transfers, func(x ropa.Transfer) bool { return x.Country == t.Country && x.Recipient == t.Recipient }); i >= 0 {
				merge(&d.transfers[i].Subjects, h.Subjects)
			} else {
				d.transfers = append(d.transfers, t)
			}
		case h.Recipient != "":
			if !slices.Contains(d.recipients, h.Recipient) {
				d.recipients = append(d.recipients, h.Recipient)
			}
		}
	}
	slices.SortFunc(acts, func(a, b *draft) int { return cmp.Compare(a.id, b.id) })
	var b strings.Builder
	b.WriteString(`# A register skeleton drafted by article30 vet --draft from the code's
# annotations. The code says which activities there are, whom their types
# are about, which categories of data they hold and whom the data reach; it
# cannot say why. Complete it: the jurisdiction and the controller, each
# activity's name, purposes and lawful bases, the data subjects of types
# annotated without subjects=, sources, retention and security, each
# recipient's kind, each transfer's mechanism; then run article30 validate.
controller:
  name: ""
activities:
`)
	if len(acts) == 0 {
		b.Reset()
		b.WriteString("# article30 vet --draft: no //article30:activity annotation in these packages.\n")
	}
	for _, d := range acts {
		fmt.Fprintf(&b, "  - id: %s\n", yamlString(d.id))
		fmt.Fprintf(&b, "    name: %s\n", yamlString(draftName(d.id)))
		b.WriteString("    purposes: []\n")
		subs := make([]string, len(d.subjects))
		for i, g := range d.subjects {
			subs[i] = yamlString(string(g))
		}
		fmt.Fprintf(&b, "    dataSubjects: [%s]", strings.Join(subs, ", "))
		if d.all {
			b.WriteString(" # and the groups of the types annotated without subjects=")
		}
		b.WriteString("\n")
		if len(d.categories) > 0 {
			b.WriteString("    dataCategories:\n")
			for _, c := range d.categories {
				if !d.all && len(c.Subjects) == len(d.subjects) {
					c.Subjects = nil // about every group the code names
				}
				writeCategory(&b, "      ", c)
			}
		} else {
			b.WriteString("    dataCategories: []\n")
		}
		if len(d.recipients) > 0 {
			b.WriteString("    recipients:\n")
			for _, r := range d.recipients {
				writeRecipient(&b, "      ", ropa.Recipient{Name: r})
			}
		}
		writeTransfers(&b, "    ", d.transfers)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// draftName makes a placeholder name from an activity ID: "staff-payroll"
// is "Staff payroll".
func draftName(id string) string {
	s := strings.Join(strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }), " ")
	if s == "" {
		return id
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

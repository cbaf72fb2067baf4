package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

var genCommand = &command{
	name:    "gen",
	summary: "write Go constants for a register's activities, groups, categories and conditions",
	usage:   "article30 gen [-o FILE] [--package NAME] FILE",
	detail: `
Gen writes a Go file of constants for what the register FILE declares,
for go generate: so that service code that names an activity, a group of
people, a data category, a special category or Schedule 1 condition, or a
retention condition is checked by the compiler against the register, and
a change to the register that removes one breaks the build where it is
used.

  ActivityRecruitment = "recruitment"                  (each activity's ID)
  SubjectJobApplicants ropa.Subject = "job-applicants"   (each data subject)
  CategoryHealth ropa.Category = "health"               (each data category)
  ConditionEmploymentLaw = "employment-law"             (each Art 9(2) condition)
  Schedule1Employment = "employment"                    (each Schedule 1 condition)
  RetentionSponsoredVisa = "sponsored-visa"             (each retention override's condition)

Each constant's comment says where the register declares it. The file
starts with the "Code generated ... DO NOT EDIT." line, is gofmt'd, and
is the same for the same register, byte for byte. The package is --package,
or $GOPACKAGE, which go generate sets. In a Go file beside the register:

  //go:generate article30 gen -o register_gen.go register.yaml

Exit status: 0 when the file is written; 2 when the register cannot be
read or the file cannot be written, or on a usage error.`,
	examples: []string{
		"article30 gen -o register_gen.go register.yaml",
		"article30 gen --package hr -o internal/hr/register_gen.go register.yaml",
	},
	flags: genFlags,
}

func genFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	out := fs.String("o", "-", "write the Go file to `FILE`; - is standard output")
	pkg := fs.String("package", "", "the Go package `NAME` of the file (default $GOPACKAGE, which go generate sets)")
	return func(e *env, args []string) (int, error) {
		file, err := oneFile(args)
		if err != nil {
			return 0, err
		}
		name := *pkg
		if name == "" {
			name = e.getenv("GOPACKAGE")
		}
		if name == "" {
			return 0, errors.New("no package name: give --package NAME, or run from go generate, which sets $GOPACKAGE")
		}
		if !token.IsIdentifier(name) {
			return 0, fmt.Errorf("--package %q is not a Go package name", name)
		}
		reg, shown, ok := openRegister(e, file)
		if !ok {
			return exitFailure, nil
		}
		src, err := generate(reg, shown, name)
		if err != nil {
			return failf(e, "gen", "%v", err), nil
		}
		if err := writeOutput(e, *out, src); err != nil {
			return failf(e, "gen", "%s", fileMessage(err)), nil
		}
		return exitOK, nil
	}
}

// constant is one generated constant.
type constant struct {
	name, typ, value, doc string
}

// generate writes the Go file of constants for reg, read from file.
func generate(reg *ropa.Register, file, pkg string) ([]byte, error) {
	used := map[string]bool{}
	ident := func(prefix, s string) string {
		base := prefix + camel(s)
		name := base
		for i := 2; used[name]; i++ {
			name = base + strconv.Itoa(i)
		}
		used[name] = true
		return name
	}
	var acts, subjects, cats, conds, sch1s, rets []constant
	where := map[string][]string{} // a value's activities, by kind and value
	add := func(kind, value, id string) {
		k := kind + "\x00" + value
		if !slices.Contains(where[k], id) {
			where[k] = append(where[k], id)
		}
	}
	for _, a := range reg.Activities {
		for _, g := range a.DataSubjects {
			add("subject", string(g), a.ID)
		}
		for _, c := range a.Categories() {
			add("category", string(c), a.ID)
		}
		for _, c := range a.Special.Conditions {
			add("condition", c.String(), a.ID)
		}
		for _, s := range a.Special.Schedule1 {
			add("schedule1", s.String(), a.ID)
		}
		for _, s := range a.Criminal.Schedule1 {
			add("schedule1", s.String(), a.ID)
		}
		for _, r := range a.Retention {
			for _, o := range r.Rule.Overrides {
				add("retention", o.Condition, a.ID)
			}
		}
	}
	declared := func(kind, value string) string {
		return "declared by " + strings.Join(where[kind+"\x00"+value], ", ")
	}
	for _, a := range reg.Activities {
		if a.ID == "" {
			continue
		}
		doc := fmt.Sprintf("is the ID of the activity %q", a.Name)
		acts = append(acts, constant{ident("Activity", a.ID), "", strconv.Quote(a.ID), doc})
	}
	collect := func(kind, prefix, typ string, out *[]constant, values []string, title func(string) string) {
		for _, v := range values {
			doc := declared(kind, v)
			if t := title(v); t != "" {
				doc = fmt.Sprintf("(%s) is %s", t, doc)
			} else {
				doc = "is " + doc
			}
			*out = append(*out, constant{ident(prefix, v), typ, strconv.Quote(v), doc})
		}
	}
	var subjectVals, catVals, condVals, sch1Vals, retVals []string
	for _, a := range reg.Activities {
		for _, g := range a.DataSubjects {
			subjectVals = appendNew(subjectVals, string(g))
		}
		for _, c := range a.Categories() {
			catVals = appendNew(catVals, string(c))
		}
		for _, c := range a.Special.Conditions {
			condVals = appendNew(condVals, c.String())
		}
		for _, s := range slices.Concat(a.Special.Schedule1, a.Criminal.Schedule1) {
			sch1Vals = appendNew(sch1Vals, s.String())
		}
		for _, r := range a.Retention {
			for _, o := range r.Rule.Overrides {
				retVals = appendNew(retVals, o.Condition)
			}
		}
	}
	collect("subject", "Subject", "ropa.Subject", &subjects, subjectVals, func(v string) string { return ropa.Subject(v).Title() })
	collect("category", "Category", "ropa.Category", &cats, catVals, func(v string) string { return ropa.Category(v).Title() })
	regime := reg.Jurisdiction
	if !regime.Valid() {
		regime = lawfulbasis.UK
	}
	collect("condition", "Condition", "", &conds, condVals, func(v string) string {
		c, err := lawfulbasis.ParseCondition(v)
		if err != nil {
			return ""
		}
		return c.Citation(regime)
	})
	collect("schedule1", "Schedule1", "", &sch1s, sch1Vals, func(v string) string {
		c, err := lawfulbasis.ParseSchedule1(v)
		if err != nil {
			return ""
		}
		return c.Citation(regime)
	})
	collect("retention", "Retention", "", &rets, retVals, func(string) string { return "" })

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by article30 gen from %s. DO NOT EDIT.\n\n", strings.ReplaceAll(file, "\n", " "))
	fmt.Fprintf(&b, "package %s\n\n", pkg)
	var imports []string
	if len(subjects)+len(cats) > 0 {
		imports = append(imports, `"github.com/article30/article30/ropa"`)
	}
	if len(imports) > 0 {
		fmt.Fprintf(&b, "import (\n%s\n)\n\n", strings.Join(imports, "\n"))
	}
	block := func(doc string, cs []constant, conv string) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(&b, "// %s\nconst (\n", doc)
		for _, c := range cs {
			fmt.Fprintf(&b, "// %s %s.\n", c.name, strings.ReplaceAll(c.doc, "\n", " "))
			switch {
			case conv != "":
				fmt.Fprintf(&b, "%s = %s\n", c.name, fmt.Sprintf(conv, c.value))
			case c.typ != "":
				fmt.Fprintf(&b, "%s %s = %s\n", c.name, c.typ, c.value)
			default:
				fmt.Fprintf(&b, "%s = %s\n", c.name, c.value)
			}
		}
		b.WriteString(")\n\n")
	}
	block("Activities of the register, by ID.", acts, "")
	block("Data subjects the register's activities name.", subjects, "")
	block("Data categories the register's activities declare.", cats, "")
	block("Art 9(2) conditions the register's activities rely on, as lawfulbasis.ParseCondition reads them.", conds, "")
	block("DPA 2018 Schedule 1 conditions the register's activities rely on, as lawfulbasis.ParseSchedule1 reads them.", sch1s, "")
	block("Conditions of the register's retention overrides, as a service passes them to retention.Rule.DueWith.", rets, "")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("generating Go: %v", err)
	}
	return src, nil
}

func appendNew(s []string, v string) []string {
	if v == "" || slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// camel turns a slug or a custom entry into the rest of a Go identifier:
// "job-applicants" is JobApplicants, "custom special: Facial geometry"
// CustomSpecialFacialGeometry, "6(1)(f)" X61F.
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) || r > unicode.MaxASCII {
			up = true
			continue
		}
		if b.Len() == 0 && unicode.IsDigit(r) {
			b.WriteByte('X')
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "X"
	}
	return b.String()
}

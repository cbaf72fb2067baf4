package vet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// lookupTag returns the article30 value of a struct tag, whether it has
// one, and whether the tag mentions the key but cannot be read.
func lookupTag(tag string) (value string, ok, malformed bool) {
	value, ok = reflect.StructTag(tag).Lookup(tagKey)
	if !ok && strings.Contains(tag, tagKey+":") {
		return "", false, true
	}
	return strings.TrimSpace(value), ok, false
}

// isComponent reports whether a struct has article30 tags but no
// activity of its own: a part (an address, a bank account) of the
// annotated types that hold it.
func isComponent(st *types.Struct) bool {
	for i := range st.NumFields() {
		if _, ok, _ := lookupTag(st.Tag(i)); ok {
			return true
		}
	}
	return false
}

// element strips pointers, slices, arrays, maps and channels from t.
func element(t types.Type) types.Type {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Chan:
			t = u.Elem()
		default:
			return t
		}
	}
}

// checkType checks the fields of an annotated struct type.
func (s *state) checkType(a *annotated) {
	st, ok := a.obj.Type().Underlying().(*types.Struct)
	if !ok {
		return
	}
	for _, ref := range a.activities {
		s.res.Holdings = append(s.res.Holdings, Holding{Activity: ref.ID, Subjects: ref.Subjects, Pos: s.pass.Fset.Position(a.spec.Name.Pos())})
	}
	s.checkStruct(a, st, nil, a.obj.Name(), map[*types.Struct]bool{})
}

// checkStruct checks the fields of st, which belong to the annotated type
// a: directly, or as its embedded or component struct. outer is the field
// of a through which st is reached, where st's own fields are in another
// package, so that diagnostics have a place in this one. path names the
// fields in messages (Applicant.Home).
func (s *state) checkStruct(a *annotated, st *types.Struct, outer *types.Var, path string, seen map[*types.Struct]bool) {
	if seen[st] {
		return
	}
	seen[st] = true
	for i := range st.NumFields() {
		f := st.Field(i)
		at := f
		if !s.inPackage(f.Pos()) {
			at = outer
		}
		if at == nil {
			continue
		}
		pos := at.Pos()
		name := path + "." + f.Name()
		val, ok, malformed := lookupTag(st.Tag(i))
		if malformed {
			s.report(pos, BadAnnotation, "", "", "", nil, nil, "%s: the tag %s cannot be read; write article30:\"<category>\" with the value in double quotes", name, st.Tag(i))
			continue
		}
		if ok {
			if val == "-" {
				continue
			}
			cat, err := ropa.ParseCategory(val)
			if err != nil {
				s.report(pos, UnknownCategory, "", "", "", nil, nil, "%s: %v", name, err)
				continue
			}
			s.category(a, cat, pos, name)
			continue
		}
		if s.activitiesOf(element(f.Type())) != nil || s.holdsAnnotated(f.Type()) {
			continue // a record of its own, which its annotation covers
		}
		if n, ok := types.Unalias(element(f.Type())).(*types.Named); ok {
			if inner, ok := n.Underlying().(*types.Struct); ok && (isComponent(inner) || f.Embedded()) {
				next := outer
				if s.inPackage(f.Pos()) {
					next = f
				}
				s.checkStruct(a, inner, next, name, seen)
				continue
			}
		}
		if inner, ok := types.Unalias(element(f.Type())).(*types.Struct); ok {
			next := outer
			if s.inPackage(f.Pos()) {
				next = f
			}
			s.checkStruct(a, inner, next, name, seen)
			continue
		}
		cat, looks := looksPersonal(f.Name(), f.Type())
		if !looks {
			continue
		}
		var fixes []analysis.SuggestedFix
		if at == f {
			fixes = s.tagFix(f, cat)
		}
		s.report(pos, UntaggedPersonalData, "", s.cite(UntaggedPersonalData), "", nil, fixes,
			"%s looks like personal data (%s) but has no article30 tag; tag it article30:%q, another category, or article30:\"-\" if it is not personal data",
			name, cat.Title(), string(cat))
	}
}

// holdsAnnotated reports whether t holds an annotated type anywhere.
func (s *state) holdsAnnotated(t types.Type) bool {
	return len(s.carriedBy(t)) > 0
}

// tagFix returns the fix that adds the tag article30:"cat" to field f.
func (s *state) tagFix(f *types.Var, cat ropa.Category) []analysis.SuggestedFix {
	af := s.fieldAST[f]
	if af == nil || len(af.Names) != 1 {
		return nil
	}
	msg := fmt.Sprintf("Tag %s as %s", f.Name(), cat)
	if af.Tag == nil {
		return []analysis.SuggestedFix{{Message: msg, TextEdits: []analysis.TextEdit{{
			Pos: af.Type.End(), End: af.Type.End(), NewText: []byte(" `" + tagKey + ":" + strconv.Quote(string(cat)) + "`"),
		}}}}
	}
	if !strings.HasPrefix(af.Tag.Value, "`") {
		return nil
	}
	sep := " "
	if af.Tag.Value == "``" {
		sep = ""
	}
	end := af.Tag.End() - 1
	return []analysis.SuggestedFix{{Message: msg, TextEdits: []analysis.TextEdit{{
		Pos: end, End: end, NewText: []byte(sep + tagKey + ":" + strconv.Quote(string(cat))),
	}}}}
}

// category checks one field's category against each activity of a.
func (s *state) category(a *annotated, cat ropa.Category, pos token.Pos, name string) {
	for _, ref := range a.activities {
		s.res.Holdings = append(s.res.Holdings, Holding{Activity: ref.ID, Subjects: ref.Subjects, Category: cat, Pos: s.pass.Fset.Position(pos)})
		if !s.needRegister(pos) {
			continue
		}
		act, ai := s.x.activity(ref.ID)
		if act == nil {
			continue
		}
		ap := "activities[" + strconv.Itoa(ai) + "]"
		var missing []ropa.Subject
		gs := groups(ref, act)
		if len(gs) == 0 {
			if !act.HasCategory(cat) {
				missing = []ropa.Subject{}
			}
		}
		for _, g := range gs {
			if !slices.ContainsFunc(act.DataCategories, func(d ropa.DataCategory) bool { return d.Category == cat && d.Concerns(g) }) {
				missing = append(missing, g)
			}
		}
		if missing != nil {
			entry := ropa.DataCategory{Category: cat}
			if len(missing) > 0 && (len(ref.Subjects) > 0 || len(missing) < len(act.DataSubjects) || act.HasCategory(cat)) {
				entry.Subjects = missing
			}
			whom := ""
			if len(missing) > 0 {
				whom = " for " + subjectList(missing)
			}
			s.report(pos, UndeclaredCategory, ref.ID, s.cite(UndeclaredCategory), ap+".dataCategories", &Addition{Activity: ref.ID, Category: &entry}, nil,
				"%s holds %s, which activity %q does not declare%s; add to its dataCategories: %s",
				name, cat, ref.ID, whom, flowEntry(entry))
		}
		s.conditions(act, ap, ref.ID, cat, pos, name)
	}
}

// flowEntry writes a data category entry in YAML's flow style.
func flowEntry(d ropa.DataCategory) string {
	if len(d.Subjects) == 0 {
		return yamlScalar(string(d.Category))
	}
	return fmt.Sprintf("{category: %s, subjects: [%s]}", yamlScalar(string(d.Category)), subjectList(d.Subjects))
}

// conditions checks that special category and criminal offence data have
// their conditions in the activity.
func (s *state) conditions(act *ropa.Activity, ap, id string, cat ropa.Category, pos token.Pos, name string) {
	reg := s.regime
	if !reg.Valid() {
		reg = lawfulbasis.UK
	}
	if cat.Special() {
		if len(act.Special.Conditions) == 0 {
			s.report(pos, SpecialWithoutCondition, id, reg.Cite("9(1)-(2)"), ap+".special.conditions", nil, nil,
				"%s holds %s, special category data, but activity %q records no Art 9(2) condition (special.conditions)", name, cat, id)
		} else if reg == lawfulbasis.UK {
			for _, c := range act.Special.Conditions {
				if c.NeedsSchedule1(reg) && !slices.ContainsFunc(act.Special.Schedule1, func(x lawfulbasis.Schedule1) bool { return x.Completes(c) }) {
					s.report(pos, SpecialWithoutCondition, id, "DPA 2018 s10(2)-(3)", ap+".special.schedule1", nil, nil,
						"%s holds %s, special category data, but activity %q relies on %s with no matching DPA 2018 Schedule 1 condition (special.schedule1)", name, cat, id, c.Citation(reg))
				}
			}
		}
	}
	if cat.Criminal() {
		switch {
		case reg == lawfulbasis.UK && len(act.Criminal.Schedule1) == 0:
			s.report(pos, CriminalWithoutAuthority, id, "UK GDPR Art 10; DPA 2018 s10(5)", ap+".criminal.schedule1", nil, nil,
				"%s holds %s, criminal offence data, but activity %q records no DPA 2018 Schedule 1 condition (criminal.schedule1)", name, cat, id)
		case reg == lawfulbasis.EU && strings.TrimSpace(act.Criminal.Authority) == "":
			s.report(pos, CriminalWithoutAuthority, id, reg.Cite("10"), ap+".criminal.authority", nil, nil,
				"%s holds %s, criminal offence data, but activity %q records no official authority or law that authorises it (criminal.authority)", name, cat, id)
		}
	}
}

// unused reports, at the package clause of a main package, what the
// register declares for the activities the program holds something of,
// that nothing in the program holds or reaches.
func (s *state) unused() {
	var f *ast.File
	for _, file := range s.pass.Files {
		if f == nil || s.pass.Fset.File(file.Pos()).Name() < s.pass.Fset.File(f.Pos()).Name() {
			f = file
		}
	}
	if f == nil {
		return
	}
	for _, u := range unusedIn(s.x.reg, s.holds) {
		s.report(f.Name.Pos(), UnusedDeclaration, u.activity, "", u.path, nil, nil, "%s", u.msg)
	}
}

// unusedDecl is a declaration nothing holds.
type unusedDecl struct {
	activity, path, msg string
}

// unusedIn returns the declarations of the activities that holds mention
// that no holding covers. Internal recipients are not reached through
// code, and are left out.
func unusedIn(reg *ropa.Register, holds map[string]bool) []unusedDecl {
	var out []unusedDecl
	for i := range reg.Activities {
		a := &reg.Activities[i]
		if !holds["a\x00"+a.ID] {
			continue
		}
		ap := "activities[" + strconv.Itoa(i) + "]"
		for j, d := range a.DataCategories {
			if !holds[Holding{Activity: a.ID, Category: d.Category}.key()] {
				out = append(out, unusedDecl{a.ID, fmt.Sprintf("%s.dataCategories[%d]", ap, j),
					fmt.Sprintf("activity %q declares %s, and no field of the code is tagged with it", a.ID, d.Category)})
			}
		}
		for j, r := range a.Recipients {
			if r.Kind == ropa.Internal {
				continue
			}
			if !holds[Holding{Activity: a.ID, Recipient: r.Name}.key()] {
				out = append(out, unusedDecl{a.ID, fmt.Sprintf("%s.recipients[%d]", ap, j),
					fmt.Sprintf("activity %q declares the recipient %q, and no value of it reaches a function marked //article30:recipient for it", a.ID, r.Name)})
			}
		}
		for j, t := range a.Transfers {
			if !holds[Holding{Activity: a.ID, Country: t.Country}.key()] {
				out = append(out, unusedDecl{a.ID, fmt.Sprintf("%s.transfers[%d]", ap, j),
					fmt.Sprintf("activity %q declares a transfer to %s, and no value of it reaches a function marked //article30:transfer %s", a.ID, t.Country, t.Country)})
			}
		}
	}
	return out
}

// Unused returns the unused-declaration findings of a register, given
// what the analysed packages hold (their results' Holdings), each at the
// line of the declaration in the register file data (when data is not
// nil). Only activities some holding names are considered.
func Unused(reg *ropa.Register, file string, data []byte, holdings []Holding) []Finding {
	holds := map[string]bool{}
	for _, h := range holdings {
		holds[h.key()] = true
		holds["a\x00"+h.Activity] = true
	}
	var loc *ropa.Locator
	if data != nil {
		loc, _ = ropa.NewLocator(data)
	}
	var out []Finding
	for _, u := range unusedIn(reg, holds) {
		pos := token.Position{Filename: file, Line: 1}
		if loc != nil {
			pos.Line, pos.Column, _ = loc.Locate(u.path)
		}
		out = append(out, Finding{Rule: UnusedDeclaration, Severity: rule(UnusedDeclaration).Severity, Pos: pos,
			Activity: u.activity, Message: u.msg, Path: u.path})
	}
	return out
}

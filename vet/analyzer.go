package vet

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// Config configures an analyzer made by [New].
type Config struct {
	// Register is the register to hold the code against. When nil, the
	// analyzer reads RegisterFile, or finds the register by convention
	// ([FindRegister]).
	Register *ropa.Register
	// RegisterFile is the register's file: the one to read when Register
	// is nil, and the name used in messages. A relative name is taken
	// from the module root.
	RegisterFile string
	// Unused reports, in each main package, the categories, recipients
	// and transfers the register declares for an activity the program
	// holds something of, that no code of the program holds or reaches.
	Unused bool
	// Draft collects what the code holds without a register: no
	// diagnostic needs one, and none says that it is missing.
	Draft bool
}

// Analyzer is the analyzer go vet and other drivers run, configured by
// its flags: -register FILE (from the module root when relative; by
// default the nearest of [RegisterNames] from the package's directory up
// to the module root) and -unused. Under go vet they are written
// -article30.register and -article30.unused.
var Analyzer = flagged()

func flagged() *analysis.Analyzer {
	c := new(Config)
	a := newAnalyzer(c)
	a.Flags.StringVar(&c.RegisterFile, "register", "", "the register `file` (YAML or JSON); relative to the module root; default: the nearest register.yaml or ropa.yaml up to the module root")
	a.Flags.BoolVar(&c.Unused, "unused", false, "in main packages, report what the register declares for an activity that no code of the program holds")
	return a
}

// New returns an analyzer with the configuration cfg, for a driver that
// sets it in code rather than by flags.
func New(cfg Config) *analysis.Analyzer {
	return newAnalyzer(&cfg)
}

const doc = `article30 holds a Go service's code against its record of processing activities

Struct types that hold personal data name their activity in a directive,
//article30:activity ID [subjects=GROUP,...], and each field its data
category in a tag, article30:"CATEGORY" (or "-" for data that are not
personal). Functions that hand data to others are marked
//article30:recipient NAME or //article30:transfer COUNTRY [recipient=NAME].
The analyzer reports categories, recipients and transfers the register
does not declare, special category and criminal offence data without
their conditions, and fields that look like personal data but carry no tag.`

func newAnalyzer(c *Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "article30",
		Doc:        doc,
		URL:        "https://pkg.go.dev/github.com/article30/article30/vet",
		Run:        func(pass *analysis.Pass) (any, error) { return run(pass, c) },
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(typeFact), new(funcFact), new(pkgFact)},
		Flags:      flag.FlagSet{},
	}
}

// typeFact marks an annotated struct type, for the packages that use it.
type typeFact struct {
	Activities []ActivityRef
}

func (*typeFact) AFact() {}

func (f *typeFact) String() string {
	parts := make([]string, len(f.Activities))
	for i, a := range f.Activities {
		parts[i] = a.ID
		if len(a.Subjects) > 0 {
			parts[i] += " subjects=" + subjectList(a.Subjects)
		}
	}
	return "activity " + strings.Join(parts, "; ")
}

// ActivityRef is an activity an annotated type belongs to, with the
// groups of people its values are about (empty: all the activity's).
type ActivityRef struct {
	ID       string
	Subjects []ropa.Subject
}

// funcFact records, for a function or method, which of its parameters
// reach which recipients and transfers: directly for a marked function,
// through the functions it calls for the others.
type funcFact struct {
	Params []ParamSinks
}

func (*funcFact) AFact() {}

func (f *funcFact) String() string {
	var parts []string
	for _, p := range f.Params {
		for _, s := range p.Sinks {
			parts = append(parts, fmt.Sprintf("%d: %s", p.Index, s))
		}
	}
	return "sinks " + strings.Join(parts, ", ")
}

// ParamSinks are the sinks one parameter reaches.
type ParamSinks struct {
	Index int
	Sinks []Sink
}

// Sink is a recipient or a transfer that a marked function hands data to.
type Sink struct {
	Kind      string // "recipient" or "transfer"
	Recipient string // the register's name where it lists it, or as written
	Country   string // for a transfer
	Via       string // the marked function, as pkg.Func or pkg.Type.Method
}

func (s Sink) String() string {
	if s.Kind == verbTransfer {
		if s.Recipient != "" {
			return fmt.Sprintf("transfer to %s (%q)", s.Country, s.Recipient)
		}
		return "transfer to " + s.Country
	}
	return fmt.Sprintf("recipient %q", s.Recipient)
}

// pkgFact marks a package that has annotations, or imports one that has:
// only those need analysing. Holds are what the package and its
// dependencies hold (Holding keys), for -unused.
type pkgFact struct {
	Holds []string
}

func (*pkgFact) AFact() {}

func (f *pkgFact) String() string { return fmt.Sprintf("article30 package holding %d", len(f.Holds)) }

// annotated is a struct type of this package with activity directives.
type annotated struct {
	obj        *types.TypeName
	spec       *ast.TypeSpec
	activities []ActivityRef
	dirs       []token.Pos // each activity's directive
	inherited  bool        // a defined type whose underlying annotated type carries the directives
}

// state is the analysis of one package.
type state struct {
	pass   *analysis.Pass
	cfg    *Config
	res    *Result
	x      *index // nil without a register
	regime lawfulbasis.Regime

	types    map[*types.TypeName]*annotated
	order    []*annotated
	fieldAST map[*types.Var]*ast.Field
	sinks    map[*types.Func]*funcFact
	first    token.Pos // the first annotation, for no-register
	noReg    bool      // no-register reported
	seen     map[string]bool
	holds    map[string]bool
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	res := &Result{}
	s := &state{pass: pass, cfg: cfg, res: res,
		types: map[*types.TypeName]*annotated{}, fieldAST: map[*types.Var]*ast.Field{},
		sinks: map[*types.Func]*funcFact{}, seen: map[string]bool{}, holds: map[string]bool{}}
	imported := false
	for _, imp := range pass.Pkg.Imports() {
		var pf pkgFact
		if pass.ImportPackageFact(imp, &pf) {
			imported = true
			for _, h := range pf.Holds {
				s.holds[h] = true
			}
		}
	}
	own := hasAnnotations(pass.Files)
	if !own && !imported {
		return res, nil
	}
	if err := s.loadRegister(); err != nil {
		return nil, err
	}
	s.collect()
	s.checkDirectives()
	for _, a := range s.order {
		if !a.inherited {
			s.checkType(a)
		}
	}
	s.flows()
	for _, a := range s.order {
		pass.ExportObjectFact(a.obj, &typeFact{Activities: a.activities})
	}
	for fn, ff := range s.sinks {
		if fn.Pkg() == pass.Pkg && len(ff.Params) > 0 {
			pass.ExportObjectFact(fn, ff)
		}
	}
	for _, h := range res.Holdings {
		s.holds[h.key()] = true
		s.holds["a\x00"+h.Activity] = true
	}
	if cfg.Unused && pass.Pkg.Name() == "main" && s.x != nil {
		s.unused()
	}
	keys := make([]string, 0, len(s.holds))
	for k := range s.holds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pass.ExportPackageFact(&pkgFact{Holds: keys})
	return res, nil
}

// hasAnnotations reports whether any file has a directive or a field tag
// of the analyzer, at package level.
func hasAnnotations(files []*ast.File) bool {
	for _, f := range files {
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, directivePrefix) {
					return true
				}
			}
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			found := false
			ast.Inspect(gd, func(n ast.Node) bool {
				if bl, ok := n.(*ast.BasicLit); ok && bl.Kind == token.STRING && strings.Contains(bl.Value, tagKey+":") {
					found = true
				}
				return !found
			})
			if found {
				return true
			}
		}
	}
	return false
}

// loadRegister finds and reads the register, unless the configuration
// gives it or asks for a draft.
func (s *state) loadRegister() error {
	c := s.cfg
	if c.Draft {
		return nil
	}
	if c.Register != nil {
		s.x = newIndex(c.Register, c.RegisterFile)
		s.res.RegisterFile = c.RegisterFile
		s.regime = c.Register.Jurisdiction
		return nil
	}
	dir := s.dir()
	if dir == "" {
		return nil
	}
	path := c.RegisterFile
	switch {
	case path == "":
		path = FindRegister(dir)
	case !filepath.IsAbs(path):
		path = filepath.Join(moduleRoot(dir), path)
	}
	if path == "" {
		return nil
	}
	reg, err := loadRegister(path)
	if err != nil {
		return fmt.Errorf("article30: %w", err)
	}
	s.x = newIndex(reg, path)
	s.res.RegisterFile = path
	s.regime = reg.Jurisdiction
	return nil
}

// dir is the directory of the package's first Go file.
func (s *state) dir() string {
	for _, f := range s.pass.Files {
		name := s.pass.Fset.File(f.Pos()).Name()
		if strings.HasSuffix(name, ".go") {
			return filepath.Dir(name)
		}
	}
	return ""
}

// report records a finding and reports it as a diagnostic, once per
// position, rule and message.
func (s *state) report(pos token.Pos, id, activity, cite, path string, add *Addition, fixes []analysis.SuggestedFix, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	key := fmt.Sprintf("%d\x00%s\x00%s", pos, id, msg)
	if s.seen[key] {
		return
	}
	s.seen[key] = true
	text := msg
	if cite != "" {
		text += " (" + cite + ")"
	}
	text += " [" + id + "]"
	s.pass.Report(analysis.Diagnostic{Pos: pos, Category: id, Message: text, SuggestedFixes: fixes})
	s.res.Findings = append(s.res.Findings, Finding{
		Rule: id, Severity: rule(id).Severity, Pos: s.pass.Fset.Position(pos), Activity: activity,
		Message: msg, Citation: cite, Path: path, Addition: add,
	})
}

// cite returns the citation of rule id under the register's regime.
func (s *state) cite(id string) string { return rule(id).Cite(s.regime) }

// needRegister reports no-register once, at the first annotation, and
// says whether there is a register.
func (s *state) needRegister(pos token.Pos) bool {
	if s.x != nil {
		return true
	}
	if s.cfg.Draft || s.noReg {
		return false
	}
	s.noReg = true
	if s.first.IsValid() {
		pos = s.first
	}
	s.report(pos, NoRegister, "", "", "", nil, nil,
		"no register to hold this package against: give -register FILE (under go vet, -article30.register=FILE), or put one of %s in the package's directory or a parent up to the module root",
		strings.Join(RegisterNames, ", "))
	return false
}

// inPackage reports whether pos is in one of the package's files.
func (s *state) inPackage(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	for _, f := range s.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return true
		}
	}
	return false
}

// collect reads the package's directives: the annotated types, the
// marked functions and interface methods, and misplaced directives.
func (s *state) collect() {
	info := s.pass.TypesInfo
	consumed := map[*ast.Comment]bool{}
	take := func(groups ...*ast.CommentGroup) []*ast.Comment {
		var out []*ast.Comment
		for _, g := range groups {
			for _, c := range directivesIn(g) {
				if !consumed[c] {
					consumed[c] = true
					out = append(out, c)
				}
			}
		}
		return out
	}
	var plain []*ast.TypeSpec // type specs without directives, for inherited annotations
	for _, f := range s.pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.TYPE {
					continue
				}
				for _, sp := range d.Specs {
					ts := sp.(*ast.TypeSpec)
					s.indexFields(ts.Type)
					groups := []*ast.CommentGroup{ts.Doc}
					if d.Lparen == token.NoPos {
						groups = append(groups, d.Doc)
					}
					cs := take(groups...)
					if it, ok := ts.Type.(*ast.InterfaceType); ok {
						s.interfaceSinks(it, take)
					}
					if len(cs) == 0 {
						plain = append(plain, ts)
						continue
					}
					s.typeDirectives(ts, cs)
				}
			case *ast.FuncDecl:
				cs := take(d.Doc)
				if len(cs) == 0 {
					continue
				}
				fn, _ := info.Defs[d.Name].(*types.Func)
				s.sinkDirectives(fn, cs)
			}
		}
		for _, g := range f.Comments {
			for _, c := range g.List {
				if strings.HasPrefix(c.Text, directivePrefix) && !consumed[c] {
					s.mark(c.Slash)
					s.report(c.Slash, BadAnnotation, "", "", "", nil, nil,
						"%s means nothing here: //article30:activity goes in the doc comment of a struct type, //article30:recipient and //article30:transfer in that of a func, method or interface method",
						firstWord(c.Text))
				}
			}
		}
	}
	// Defined types whose underlying type is an annotated type carry its
	// annotation: type Shortlisted Applicant.
	for _, ts := range plain {
		if ts.Assign.IsValid() {
			continue
		}
		obj, _ := info.Defs[ts.Name].(*types.TypeName)
		if obj == nil {
			continue
		}
		if acts := s.activitiesOf(info.TypeOf(ts.Type)); acts != nil {
			a := &annotated{obj: obj, spec: ts, activities: acts, inherited: true}
			s.types[obj] = a
			s.order = append(s.order, a)
		}
	}
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t"); i > 0 {
		return s[:i]
	}
	return s
}

// mark remembers the first annotation's position.
func (s *state) mark(pos token.Pos) {
	if !s.first.IsValid() || pos < s.first {
		s.first = pos
	}
}

// indexFields maps the fields of the struct types in a type expression to
// their syntax, for suggested fixes.
func (s *state) indexFields(e ast.Expr) {
	ast.Inspect(e, func(n ast.Node) bool {
		st, ok := n.(*ast.StructType)
		if !ok {
			return true
		}
		for _, f := range st.Fields.List {
			for _, name := range f.Names {
				if v, ok := s.pass.TypesInfo.Defs[name].(*types.Var); ok {
					s.fieldAST[v] = f
				}
			}
			if len(f.Names) == 0 {
				if v, ok := s.pass.TypesInfo.Implicits[f].(*types.Var); ok {
					s.fieldAST[v] = f
				}
			}
		}
		return true
	})
}

// typeDirectives reads the directives on a type declaration.
func (s *state) typeDirectives(ts *ast.TypeSpec, cs []*ast.Comment) {
	obj, _ := s.pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
	var acts []ActivityRef
	var dirs []token.Pos
	for _, c := range cs {
		s.mark(c.Slash)
		d, err := parseDirective(c)
		if err != nil {
			s.report(c.Slash, BadAnnotation, "", "", "", nil, nil, "%v", err)
			continue
		}
		if d.verb != verbActivity {
			s.report(c.Slash, BadAnnotation, "", "", "", nil, nil,
				"//article30:%s marks a func, method or interface method that hands data to others, not a type", d.verb)
			continue
		}
		ad, err := d.activity()
		if err != nil {
			s.report(c.Slash, BadAnnotation, "", "", "", nil, nil, "%v", err)
			continue
		}
		if ts.Assign.IsValid() {
			s.report(c.Slash, BadAnnotation, ad.id, "", "", nil, nil,
				"%s is an alias: it is the type it names, which carries the annotation; put //article30:activity on that type", ts.Name.Name)
			continue
		}
		if obj == nil {
			continue
		}
		if _, ok := obj.Type().Underlying().(*types.Struct); !ok {
			s.report(c.Slash, BadAnnotation, ad.id, "", "", nil, nil,
				"//article30:activity goes on a struct type; %s is not one", ts.Name.Name)
			continue
		}
		ref := ActivityRef{ID: ad.id}
		for _, w := range ad.subjects {
			g, err := ropa.ParseSubject(w)
			if err != nil {
				s.report(c.Slash, UnknownSubject, ad.id, "", "", nil, nil, "subjects=%s: %v", w, err)
				continue
			}
			if !slices.Contains(ref.Subjects, g) {
				ref.Subjects = append(ref.Subjects, g)
			}
		}
		if slices.ContainsFunc(acts, func(r ActivityRef) bool { return r.ID == ref.ID }) {
			s.report(c.Slash, BadAnnotation, ad.id, "", "", nil, nil, "%s names activity %q twice; give one directive with all its subjects", ts.Name.Name, ad.id)
			continue
		}
		acts = append(acts, ref)
		dirs = append(dirs, c.Slash)
	}
	if obj != nil && len(acts) > 0 {
		a := &annotated{obj: obj, spec: ts, activities: acts, dirs: dirs}
		s.types[obj] = a
		s.order = append(s.order, a)
	}
}

// interfaceSinks reads the directives on the methods of an interface.
func (s *state) interfaceSinks(it *ast.InterfaceType, take func(...*ast.CommentGroup) []*ast.Comment) {
	for _, m := range it.Methods.List {
		cs := take(m.Doc)
		if len(cs) == 0 {
			continue
		}
		if len(m.Names) == 0 {
			s.report(cs[0].Slash, BadAnnotation, "", "", "", nil, nil, "a directive on an embedded interface or type constraint means nothing; mark the methods")
			continue
		}
		fn, _ := s.pass.TypesInfo.Defs[m.Names[0]].(*types.Func)
		s.sinkDirectives(fn, cs)
	}
}

// sinkDirectives reads the directives on a function or method.
func (s *state) sinkDirectives(fn *types.Func, cs []*ast.Comment) {
	var sinks []Sink
	for _, c := range cs {
		s.mark(c.Slash)
		d, err := parseDirective(c)
		if err != nil {
			s.report(c.Slash, BadAnnotation, "", "", "", nil, nil, "%v", err)
			continue
		}
		if d.verb == verbActivity {
			s.report(c.Slash, BadAnnotation, "", "", "", nil, nil, "//article30:activity goes on a struct type, not a func")
			continue
		}
		sd, err := d.sink()
		if err != nil {
			s.report(c.Slash, BadAnnotation, "", "", "", nil, nil, "%v", err)
			continue
		}
		sk := Sink{Kind: sd.kind, Recipient: sd.recipient, Country: sd.country}
		if fn != nil {
			sk.Via = funcName(fn)
		}
		if sd.recipient != "" && s.needRegister(c.Slash) {
			if name, ok := s.x.resolveRecipient(sd.recipient); ok {
				sk.Recipient = name
			} else {
				s.report(c.Slash, UnknownRecipient, "", "", "", nil, nil, "%s", s.x.unknownRecipient(sd.recipient))
			}
		}
		sinks = append(sinks, sk)
	}
	if fn == nil || len(sinks) == 0 {
		return
	}
	sig := fn.Signature()
	ff := &funcFact{}
	for i := range sig.Params().Len() {
		ff.Params = append(ff.Params, ParamSinks{Index: i, Sinks: sinks})
	}
	if len(ff.Params) == 0 {
		s.report(cs[0].Slash, BadAnnotation, "", "", "", nil, nil, "%s takes no parameters: nothing can reach the recipient through it", fn.Name())
		return
	}
	s.sinks[fn] = ff
}

// funcName names a function for messages: pkg.Func or pkg.Type.Method.
func funcName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			name = t.Obj().Name() + "." + name
		case *types.Interface:
			// an interface method: its interface is not at hand here
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// checkDirectives checks the activities and subjects the annotated types
// name against the register.
func (s *state) checkDirectives() {
	for _, a := range s.order {
		if a.inherited {
			continue
		}
		var kept []ActivityRef
		for i, ref := range a.activities {
			pos := a.dirs[i]
			if !s.needRegister(pos) {
				kept = append(kept, ref)
				continue
			}
			act, _ := s.x.activity(ref.ID)
			if act == nil {
				s.report(pos, UnknownActivity, ref.ID, "", "", nil, nil, "%s: %s", a.obj.Name(), s.x.unknownActivity(ref.ID))
				kept = append(kept, ref)
				continue
			}
			var subs []ropa.Subject
			for _, g := range ref.Subjects {
				if !act.Has(g) {
					s.report(pos, UnknownSubject, ref.ID, "", "", nil, nil, "%s: %q is not one of activity %q's dataSubjects (%s)",
						a.obj.Name(), g, ref.ID, subjectList(act.DataSubjects))
					continue
				}
				subs = append(subs, g)
			}
			ref.Subjects = subs
			kept = append(kept, ref)
		}
		a.activities = kept
	}
}

func subjectList(ss []ropa.Subject) string {
	if len(ss) == 0 {
		return "none"
	}
	parts := make([]string, len(ss))
	for i, g := range ss {
		parts[i] = string(g)
	}
	return strings.Join(parts, ", ")
}

// activitiesOf returns the activities of an annotated named type, of this
// package or (by its fact) another, or nil.
func (s *state) activitiesOf(t types.Type) []ActivityRef {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	obj := n.Origin().Obj()
	if a, ok := s.types[obj]; ok {
		return a.activities
	}
	if obj.Pkg() == nil || obj.Pkg() == s.pass.Pkg {
		return nil
	}
	var tf typeFact
	if s.pass.ImportObjectFact(obj, &tf) {
		return tf.Activities
	}
	return nil
}

// groups returns the groups a reference's values are about: its subjects,
// or all the activity's data subjects.
func groups(ref ActivityRef, act *ropa.Activity) []ropa.Subject {
	if len(ref.Subjects) > 0 {
		return ref.Subjects
	}
	return act.DataSubjects
}

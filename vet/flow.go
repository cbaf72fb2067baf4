package vet

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/article30/article30/ropa"
)

// carry is what an argument holds: values of an annotated type, or one
// tagged field of one.
type carry struct {
	what       string // Applicant, or Applicant.Email
	activities []ActivityRef
	category   ropa.Category // for a field
}

// carriedBy returns the annotated types t holds: t itself, or through
// pointers, slices, arrays, maps, channels, type arguments and the fields
// of structs that are not annotated themselves.
func (s *state) carriedBy(t types.Type) []carry {
	var out []carry
	seen := map[types.Type]bool{}
	var walk func(t types.Type, depth int)
	walk = func(t types.Type, depth int) {
		if depth > 8 || seen[t] {
			return
		}
		seen[t] = true
		switch u := types.Unalias(t).(type) {
		case *types.Named:
			if acts := s.activitiesOf(u); acts != nil {
				if !slices.ContainsFunc(out, func(c carry) bool { return c.what == u.Obj().Name() }) {
					out = append(out, carry{what: u.Obj().Name(), activities: acts})
				}
				return
			}
			for t := range u.TypeArgs().Types() {
				walk(t, depth+1)
			}
			switch under := u.Underlying().(type) {
			case *types.Struct, *types.Pointer, *types.Slice, *types.Array, *types.Map, *types.Chan:
				walk(under, depth+1)
			}
		case *types.Pointer:
			walk(u.Elem(), depth+1)
		case *types.Slice:
			walk(u.Elem(), depth+1)
		case *types.Array:
			walk(u.Elem(), depth+1)
		case *types.Map:
			walk(u.Key(), depth+1)
			walk(u.Elem(), depth+1)
		case *types.Chan:
			walk(u.Elem(), depth+1)
		case *types.Struct:
			for i := range u.NumFields() {
				walk(u.Field(i).Type(), depth+1)
			}
		}
	}
	walk(t, 0)
	return out
}

// strip removes parentheses, & and *, and conversions from an argument.
func (s *state) strip(e ast.Expr) ast.Expr {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return e
			}
			e = x.X
		case *ast.CallExpr:
			if tv, ok := s.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
			return e
		default:
			return e
		}
	}
}

// carries returns what the argument e holds.
func (s *state) carries(e ast.Expr) []carry {
	if out := s.carriedBy(s.pass.TypesInfo.TypeOf(e)); len(out) > 0 {
		return out
	}
	sel, ok := s.strip(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	selection := s.pass.TypesInfo.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal {
		return nil
	}
	recv := types.Unalias(selection.Recv())
	if p, ok := recv.(*types.Pointer); ok {
		recv = types.Unalias(p.Elem())
	}
	acts := s.activitiesOf(recv)
	if acts == nil {
		return nil
	}
	// Walk the selection's path to the field's struct and tag.
	st, _ := recv.Underlying().(*types.Struct)
	idx := selection.Index()
	for k, i := range idx {
		if st == nil || i >= st.NumFields() {
			return nil
		}
		if k == len(idx)-1 {
			f := st.Field(i)
			what := recv.(*types.Named).Obj().Name() + "." + f.Name()
			val, ok, _ := lookupTag(st.Tag(i))
			switch {
			case ok && val == "-":
				return nil
			case ok:
				cat, err := ropa.ParseCategory(val)
				if err != nil {
					return nil
				}
				return []carry{{what: what, activities: acts, category: cat}}
			}
			if c, looks := looksPersonal(f.Name(), f.Type()); looks {
				return []carry{{what: what, activities: acts, category: c}}
			}
			if n, ok := types.Unalias(element(f.Type())).(*types.Named); ok {
				if inner, ok := n.Underlying().(*types.Struct); ok && isComponent(inner) {
					return []carry{{what: what, activities: acts}}
				}
			}
			return nil
		}
		next := st.Field(i).Type()
		if p, ok := types.Unalias(next).(*types.Pointer); ok {
			next = p.Elem()
		}
		st, _ = next.Underlying().(*types.Struct)
	}
	return nil
}

// call is a call in the package, with the function it is in.
type call struct {
	expr   *ast.CallExpr
	callee *types.Func
	in     *types.Func        // the enclosing declared function, or nil
	params map[*types.Var]int // the enclosing function's parameters
}

// edge says that parameter from of a function of this package is passed
// as parameter to of callee.
type edge struct {
	fn     *types.Func
	from   int
	callee *types.Func
	to     int
}

// paramIndex maps argument i of a call to the callee's parameter.
func paramIndex(sig *types.Signature, i int) int {
	n := sig.Params().Len()
	if n == 0 {
		return -1
	}
	if i >= n {
		if sig.Variadic() {
			return n - 1
		}
		return -1
	}
	return i
}

// calleeOf returns the function or method a call calls, statically or
// through an interface, at its origin (generic functions and methods of
// generic types), or nil for a call of a function value.
func (s *state) calleeOf(c *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(s.pass.TypesInfo, c).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// sinksOf returns what parameter p of fn reaches: from this package's
// analysis or from fn's fact.
func (s *state) sinksOf(fn *types.Func, p int) []Sink {
	ff, ok := s.sinks[fn]
	if !ok && fn.Pkg() != nil && fn.Pkg() != s.pass.Pkg {
		ff = new(funcFact)
		if !s.pass.ImportObjectFact(fn, ff) {
			ff = nil
		}
		s.sinks[fn] = ff
	}
	if ff == nil {
		return nil
	}
	for _, ps := range ff.Params {
		if ps.Index == p {
			return ps.Sinks
		}
	}
	return nil
}

// addSinks adds sinks to parameter p of a function of this package, and
// reports whether that changed anything.
func (s *state) addSinks(fn *types.Func, p int, sinks []Sink) bool {
	ff := s.sinks[fn]
	if ff == nil {
		ff = &funcFact{}
		s.sinks[fn] = ff
	}
	i := slices.IndexFunc(ff.Params, func(ps ParamSinks) bool { return ps.Index == p })
	if i < 0 {
		ff.Params = append(ff.Params, ParamSinks{Index: p})
		i = len(ff.Params) - 1
	}
	changed := false
	for _, sk := range sinks {
		if !slices.Contains(ff.Params[i].Sinks, sk) {
			ff.Params[i].Sinks = append(ff.Params[i].Sinks, sk)
			changed = true
		}
	}
	return changed
}

// flows finds the package's calls, works out which parameters of its
// functions reach recipients and transfers through the functions they
// call, and checks each argument that holds data about people against the
// sinks its parameter reaches.
func (s *state) flows() {
	info := s.pass.TypesInfo
	var calls []call
	var edges []edge
	for _, f := range s.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			params := map[*types.Var]int{}
			if fn != nil {
				ps := fn.Signature().Params()
				for i := range ps.Len() {
					params[ps.At(i)] = i
				}
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				ce, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				callee := s.calleeOf(ce)
				if callee == nil {
					return true
				}
				calls = append(calls, call{expr: ce, callee: callee, in: fn, params: params})
				if fn == nil {
					return true
				}
				sig, _ := types.Unalias(info.TypeOf(ce.Fun)).(*types.Signature)
				if sig == nil {
					return true
				}
				for i, arg := range ce.Args {
					id, ok := s.strip(arg).(*ast.Ident)
					if !ok {
						continue
					}
					v, _ := info.Uses[id].(*types.Var)
					q, isParam := params[v]
					if !isParam || s.holdsAnnotated(v.Type()) {
						continue // a typed value is checked where it is passed on
					}
					if p := paramIndex(sig, i); p >= 0 {
						edges = append(edges, edge{fn: fn.Origin(), from: q, callee: callee, to: p})
					}
				}
				return true
			})
		}
	}
	// Propagate sinks through the package's functions to a fixed point.
	for changed, rounds := true, 0; changed && rounds < 100; rounds++ {
		changed = false
		for _, e := range edges {
			if sk := s.sinksOf(e.callee, e.to); len(sk) > 0 && s.addSinks(e.fn, e.from, sk) {
				changed = true
			}
		}
	}
	for _, c := range calls {
		sig, _ := types.Unalias(info.TypeOf(c.expr.Fun)).(*types.Signature)
		if sig == nil {
			continue
		}
		for i, arg := range c.expr.Args {
			p := paramIndex(sig, i)
			if p < 0 {
				continue
			}
			sinks := s.sinksOf(c.callee, p)
			if len(sinks) == 0 {
				continue
			}
			for _, cr := range s.carries(arg) {
				for _, sk := range sinks {
					s.flow(arg, cr, sk)
				}
			}
		}
	}
}

// flow checks that what an argument holds may reach a sink.
func (s *state) flow(arg ast.Expr, cr carry, sk Sink) {
	pos := arg.Pos()
	for _, ref := range cr.activities {
		h := Holding{Activity: ref.ID, Subjects: ref.Subjects, Pos: s.pass.Fset.Position(pos)}
		h.Recipient = sk.Recipient
		if sk.Kind == verbTransfer {
			h.Country = sk.Country
		}
		if !s.needRegister(pos) {
			s.res.Holdings = append(s.res.Holdings, h)
			continue
		}
		act, ai := s.x.activity(ref.ID)
		if act == nil {
			continue
		}
		ap := "activities[" + strconv.Itoa(ai) + "]"
		gs := groups(ref, act)
		what := cr.what
		if cr.category != "" {
			what += " (" + string(cr.category) + ")"
		}
		switch sk.Kind {
		case verbRecipient:
			var missing []ropa.Subject
			for _, g := range gs {
				if !slices.ContainsFunc(act.Recipients, func(r ropa.Recipient) bool { return recipientMatches(sk.Recipient, r.Name) && r.Concerns(g) }) {
					missing = append(missing, g)
				}
			}
			if i := slices.IndexFunc(act.Recipients, func(r ropa.Recipient) bool { return recipientMatches(sk.Recipient, r.Name) }); i >= 0 {
				h.Recipient = act.Recipients[i].Name
			}
			s.res.Holdings = append(s.res.Holdings, h)
			if len(missing) == 0 && len(gs) > 0 {
				continue
			}
			entry := s.recipientEntry(sk.Recipient)
			if len(missing) < len(act.DataSubjects) || slices.ContainsFunc(act.Recipients, func(r ropa.Recipient) bool { return recipientMatches(sk.Recipient, r.Name) }) {
				entry.Subjects = missing
			}
			note := ""
			for _, g := range missing {
				if act.Status(ropa.FactRecipients, g) == ropa.StatedNone && entry.Kind != ropa.Internal {
					note = fmt.Sprintf("; the register states there are no recipients outside the organisation for %s", g)
					break
				}
			}
			s.report(pos, UndeclaredRecipient, ref.ID, s.cite(UndeclaredRecipient), ap+".recipients", &Addition{Activity: ref.ID, Recipient: &entry}, nil,
				"%s reaches %s through %s, which activity %q does not declare%s%s; add to its recipients: %s",
				what, sk, sk.Via, ref.ID, forGroups(missing), note, recipientYAML(entry))
		case verbTransfer:
			match := func(t ropa.Transfer) bool {
				return strings.EqualFold(t.Country, sk.Country) && (sk.Recipient == "" || recipientMatches(sk.Recipient, t.Recipient))
			}
			var missing []ropa.Subject
			for _, g := range gs {
				if !slices.ContainsFunc(act.Transfers, func(t ropa.Transfer) bool { return match(t) && t.Concerns(g) }) {
					missing = append(missing, g)
				}
			}
			s.res.Holdings = append(s.res.Holdings, h)
			if len(missing) == 0 && len(gs) > 0 {
				continue
			}
			entry := ropa.Transfer{Country: sk.Country, Recipient: sk.Recipient}
			if len(missing) < len(act.DataSubjects) || slices.ContainsFunc(act.Transfers, match) {
				entry.Subjects = missing
			}
			note := ""
			for _, g := range missing {
				if act.Status(ropa.FactTransfers, g) == ropa.StatedNone {
					note = fmt.Sprintf("; the register states there are no transfers for %s", g)
					break
				}
			}
			add := &Addition{Activity: ref.ID, Transfer: &entry}
			if sk.Recipient != "" && !slices.ContainsFunc(act.Recipients, func(r ropa.Recipient) bool { return recipientMatches(sk.Recipient, r.Name) }) {
				note += fmt.Sprintf("; declare the recipient %q in the activity too", sk.Recipient)
				rc := s.recipientEntry(sk.Recipient)
				rc.Subjects = entry.Subjects
				add.Recipient = &rc
			}
			s.report(pos, UndeclaredTransfer, ref.ID, s.cite(UndeclaredTransfer), ap+".transfers", add, nil,
				"%s reaches a %s through %s, which activity %q does not declare%s%s; add to its transfers: %s",
				what, sk, sk.Via, ref.ID, forGroups(missing), note, transferYAML(entry))
		}
	}
}

func forGroups(gs []ropa.Subject) string {
	if len(gs) == 0 {
		return ""
	}
	return " for " + subjectList(gs)
}

// recipientEntry returns the register's entry for a recipient that some
// activity lists (its kind, country and contract), or a new one.
func (s *state) recipientEntry(name string) ropa.Recipient {
	for _, a := range s.x.reg.Activities {
		for _, r := range a.Recipients {
			if r.Name == name {
				r.Subjects = nil
				return r
			}
		}
	}
	return ropa.Recipient{Name: name}
}

func recipientYAML(r ropa.Recipient) string {
	parts := []string{"name: " + yamlScalar(r.Name)}
	if r.Kind != "" {
		parts = append(parts, "kind: "+string(r.Kind))
	}
	if r.Country != "" {
		parts = append(parts, "country: "+r.Country)
	}
	if len(r.Subjects) > 0 {
		parts = append(parts, "subjects: ["+subjectList(r.Subjects)+"]")
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func transferYAML(t ropa.Transfer) string {
	parts := []string{"country: " + t.Country}
	if t.Recipient != "" {
		parts = append(parts, "recipient: "+yamlScalar(t.Recipient))
	}
	if len(t.Subjects) > 0 {
		parts = append(parts, "subjects: ["+subjectList(t.Subjects)+"]")
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

package vet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/ropa"
)

// RegisterNames are the file names the analyzer looks for, in this order,
// in a package's directory and each parent up to the module root (the
// directory of go.mod), when no register is given.
var RegisterNames = []string{"register.yaml", "register.yml", "register.json", "ropa.yaml", "ropa.yml", "ropa.json"}

// FindRegister returns the register file for the package in dir: the
// first of [RegisterNames] in dir or a parent, up to and including the
// directory that holds go.mod. It returns "" when there is none.
func FindRegister(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		for _, n := range RegisterNames {
			p := filepath.Join(dir, n)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// moduleRoot returns the directory of the go.mod above dir, or dir.
func moduleRoot(dir string) string {
	d := dir
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// loaded is a register read from a file, kept for the life of the
// process: go vet runs one process per package, and a driver that runs
// many packages in one process reads each file once.
type loaded struct {
	reg  *ropa.Register
	file string
	err  error
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*loaded{}
)

// loadRegister reads and decodes the register file path, once per
// process and modification time.
func loadRegister(path string) (*ropa.Register, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("register %s: %w", path, errors.Unwrap(err))
	}
	key := fmt.Sprintf("%s\x00%d\x00%d", path, fi.ModTime().UnixNano(), fi.Size())
	cacheMu.Lock()
	l, ok := cache[key]
	if !ok {
		l = &loaded{file: path}
		l.reg, l.err = ropa.Load(path, ropa.WithoutValidation())
		cache[key] = l
	}
	cacheMu.Unlock()
	return l.reg, l.err
}

// index answers the analyzer's questions about a register.
type index struct {
	reg  *ropa.Register
	file string
	ids  []string
	// recipients are the names of every recipient of every activity.
	recipients []string
}

func newIndex(reg *ropa.Register, file string) *index {
	x := &index{reg: reg, file: file}
	for i := range reg.Activities {
		a := &reg.Activities[i]
		x.ids = append(x.ids, a.ID)
		for _, r := range a.Recipients {
			if !slices.Contains(x.recipients, r.Name) {
				x.recipients = append(x.recipients, r.Name)
			}
		}
	}
	return x
}

// activity returns the activity with the ID id and its index.
func (x *index) activity(id string) (*ropa.Activity, int) {
	for i := range x.reg.Activities {
		if x.reg.Activities[i].ID == id {
			return &x.reg.Activities[i], i
		}
	}
	return nil, -1
}

// unknownActivity words an activity ID the register lacks, with the
// nearest ID if one is close.
func (x *index) unknownActivity(id string) string {
	msg := fmt.Sprintf("the register %s has no activity %q", filepath.Base(x.file), id)
	if s := nearest(id, x.ids); s != "" {
		return msg + fmt.Sprintf(" (did you mean %q?)", s)
	}
	if len(x.ids) > 0 {
		return msg + "; its activities are " + quoteList(x.ids)
	}
	return msg
}

// Slug is the form of a recipient's name a directive may use: lower
// case, each run of other characters than letters and digits a hyphen.
// "PayRight Bureau Ltd (payroll)" is payright-bureau-ltd-payroll.
func Slug(name string) string {
	return strings.Join(match.Tokens(name), "-")
}

// shortSlug is the slug of a name without a parenthesised note at its
// end: "PayRight Bureau Ltd (payroll)" is payright-bureau-ltd.
func shortSlug(name string) string {
	if i := strings.LastIndex(name, "("); i > 0 && strings.HasSuffix(strings.TrimSpace(name), ")") {
		return Slug(name[:i])
	}
	return Slug(name)
}

// recipientMatches reports whether the name a directive gives (ref)
// names the register's recipient name: the same text, the same slug, or
// the slug without its parenthesised note.
func recipientMatches(ref, name string) bool {
	if ref == name {
		return true
	}
	s := Slug(ref)
	return s != "" && (s == Slug(name) || s == shortSlug(name))
}

// resolveRecipient returns the register's name for ref, and whether some
// activity lists it.
func (x *index) resolveRecipient(ref string) (string, bool) {
	for _, n := range x.recipients {
		if recipientMatches(ref, n) {
			return n, true
		}
	}
	return "", false
}

// unknownRecipient words a recipient the register lacks.
func (x *index) unknownRecipient(ref string) string {
	msg := fmt.Sprintf("no activity of the register %s lists the recipient %q", filepath.Base(x.file), ref)
	var slugs []string
	for _, n := range x.recipients {
		slugs = append(slugs, shortSlug(n))
	}
	if i := nearestIndex(Slug(ref), slugs); i >= 0 {
		return msg + fmt.Sprintf(" (did you mean %q, slug %s?)", x.recipients[i], slugs[i])
	}
	if len(x.recipients) > 0 {
		return msg + "; its recipients are " + quoteList(x.recipients)
	}
	return msg
}

// nearest returns the candidate nearest to s, if it is close.
func nearest(s string, candidates []string) string {
	if i := nearestIndex(s, candidates); i >= 0 {
		return candidates[i]
	}
	return ""
}

func nearestIndex(s string, candidates []string) int {
	best, bestD := -1, 1<<30
	for i, c := range candidates {
		if d := match.Distance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = i, d
		}
	}
	if best >= 0 && bestD <= max(1, len(s)/3) {
		return best
	}
	return -1
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

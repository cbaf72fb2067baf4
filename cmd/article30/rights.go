package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
)

var rightsCommand = &command{
	name:    "rights",
	summary: "show which data-subject rights apply under some lawful bases",
	usage:   "article30 rights [--regime uk|eu] [--as-of YYYY-MM-DD] [--format text|json] BASIS...",
	detail: `
Rights prints the data-subject rights and whether each applies when the
processing relies on the lawful bases given, following the ICO's table "How
does the lawful basis affect individuals' rights?", under the --regime as
the law stood on the --as-of date. A BASIS is a slug (legitimate-interests),
a name (Legitimate interests), a citation (6(1)(f), Article 6(1)(ea)) or a
W3C DPV IRI. Several bases give the rights that apply under any of them.

Each row gives the right, whether it applies (yes, no, or depends: the
rights about solely automated decisions depend on whether such decisions
are taken, not on the basis), the provision that grants it and a short note.
With --format json the output is one object with the regime, the date, the
bases and the rights.

Exit status: 0 when the table is printed; 2 for an unknown basis, a basis
that does not exist under the regime on that date (recognised legitimate
interests is UK only, from 5 February 2026), or any other usage error.`,
	examples: []string{
		"article30 rights consent",
		"article30 rights --regime eu 6(1)(c) 6(1)(f)",
		"article30 rights --as-of 2026-03-01 --format json recognised-legitimate-interests",
	},
	flags: rightsFlags,
}

func rightsFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	regime := fs.String("regime", "uk", "the `regime`: uk (UK GDPR and DPA 2018) or eu (GDPR)")
	asOf := asOfFlag(fs)
	format := fs.String("format", "text", "output `format`: text for people, or json for programs")
	return func(e *env, args []string) (int, error) {
		if *format != "text" && *format != "json" {
			return 0, fmt.Errorf("--format %q: want text or json", *format)
		}
		g, err := lawfulbasis.ParseRegime(*regime)
		if err != nil {
			return 0, fmt.Errorf("--regime %q: want uk or eu", *regime)
		}
		at, err := asOf.date(e)
		if err != nil {
			return 0, err
		}
		if len(args) == 0 {
			return 0, errors.New("no BASIS given")
		}
		var bases []lawfulbasis.Basis
		for _, a := range args {
			b, err := lawfulbasis.ParseBasis(a)
			if err != nil {
				return 0, err
			}
			if err := b.CheckAvailable(g, at); err != nil {
				return failf(e, "rights", "%v", err), nil
			}
			if !slices.Contains(bases, b) {
				bases = append(bases, b)
			}
		}
		slices.Sort(bases)
		t := rightsTable(g, at, bases)
		if *format == "json" {
			err = t.writeJSON(e.stdout)
		} else {
			err = t.writeText(e.stdout)
		}
		if err != nil {
			return failf(e, "rights", "writing output: %v", err), nil
		}
		return exitOK, nil
	}
}

// rightsTab is the output of the rights command.
type rightsTab struct {
	Regime lawfulbasis.Regime `json:"regime"`
	AsOf   string             `json:"asOf"`
	Bases  []basisRow         `json:"bases"`
	Rights []rightRow         `json:"rights"`
}

type basisRow struct {
	Basis    lawfulbasis.Basis `json:"basis"`
	Title    string            `json:"title"`
	Citation string            `json:"citation"`
}

type rightRow struct {
	Right    rights.Right `json:"right"`
	Title    string       `json:"title"`
	Applies  string       `json:"applies"` // yes, no or depends
	Citation string       `json:"citation"`
	Note     string       `json:"note"`
}

// rightsTable works out, for each right that exists under g on the day of
// at, whether it applies under bases (valid and available there), and why.
func rightsTable(g lawfulbasis.Regime, at time.Time, bases []lawfulbasis.Basis) rightsTab {
	t := rightsTab{Regime: g, AsOf: at.Format(time.DateOnly)}
	for _, b := range bases {
		t.Bases = append(t.Bases, basisRow{Basis: b, Title: b.Title(), Citation: b.Citation(g)})
	}
	var available []lawfulbasis.Basis // every basis of the regime on that day
	for _, b := range lawfulbasis.Bases() {
		if b.Available(g, at) {
			available = append(available, b)
		}
	}
	// grants lists the bases among from under which r applies.
	grants := func(r rights.Right, from []lawfulbasis.Basis) []lawfulbasis.Basis {
		var out []lawfulbasis.Basis
		for _, b := range from {
			if slices.Contains(rights.ByBasis(b), r) {
				out = append(out, b)
			}
		}
		return out
	}
	applying := rights.For(g, at, bases...)
	for _, r := range rights.All() {
		row := rightRow{Right: r, Title: r.Title(), Citation: r.Citation(g, at)}
		switch {
		case r == rights.AutomatedDecisions:
			row.Applies = "depends"
			row.Note = "only where decisions based solely on automated processing, with legal or similarly significant effects, are taken"
			if g == lawfulbasis.UK && slices.ContainsFunc(bases, func(b lawfulbasis.Basis) bool { return !b.AllowsSolelyAutomatedDecision(g, at) }) {
				row.Note += "; no such decision may rest on recognised legitimate interests (UK GDPR Art 22B(4))"
			}
		case r == rights.ObjectDirectMarketing:
			row.Applies = "depends"
			row.Note = "where a purpose is direct marketing, under every lawful basis, and absolute: the marketing must stop (Art 21(2)-(3))"
		case r == rights.ComplainToController:
			if g != lawfulbasis.UK {
				continue // the EU regime has no such right
			}
			if !r.Available(g, at) {
				row.Applies = "no"
				row.Citation = "DPA 2018 s164A"
				row.Note = "in force from 19 June 2026"
				break
			}
			row.Applies = "yes"
			row.Note = "under every lawful basis, from 19 June 2026"
		case slices.Contains(applying, r):
			row.Applies = "yes"
			if len(grants(r, available)) == len(available) {
				row.Note = "under every lawful basis"
			} else {
				row.Note = "under " + basisList(grants(r, bases), "and")
			}
		default:
			row.Applies = "no"
			row.Note = "only under " + basisList(grants(r, available), "or")
			if r == rights.Object && slices.Contains(bases, lawfulbasis.Consent) {
				row.Note += "; under consent, the person may withdraw consent instead"
			}
		}
		t.Rights = append(t.Rights, row)
	}
	return t
}

// basisList names bases in a sentence: "consent, contract and public task".
func basisList(bases []lawfulbasis.Basis, conj string) string {
	names := make([]string, len(bases))
	for i, b := range bases {
		names[i] = lowerFirst(b.Title())
	}
	switch len(names) {
	case 0:
		return "no lawful basis"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conj + " " + names[len(names)-1]
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

func (t rightsTab) writeText(w io.Writer) error {
	var b strings.Builder
	titles := make([]string, len(t.Bases))
	for i, r := range t.Bases {
		titles[i] = lowerFirst(r.Title) + " (" + r.Citation + ")"
	}
	fmt.Fprintf(&b, "Rights when relying on %s\n", strings.Join(titles, ", "))
	fmt.Fprintf(&b, "%s, law as of %s\n\n", t.Regime.Title(), t.AsOf)
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "RIGHT\tAPPLIES\tCITATION\tNOTE")
	for _, r := range t.Rights {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Right, r.Applies, r.Citation, r.Note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (t rightsTab) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(t)
}

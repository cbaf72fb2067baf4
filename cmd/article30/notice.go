package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/export/notice"
	"github.com/article30/article30/ropa"
)

var noticeCommand = &command{
	name:    "notice",
	summary: "write the privacy notice a register supports, and what it lacks",
	usage:   "article30 notice [--audience GROUP]... [--format md|html|txt] [--fragment] [--allow-incomplete] [--since OLD] [-o OUT] [--as-of YYYY-MM-DD] FILE",
	detail: `
Notice reads the register FILE (YAML or JSON; - reads standard input) and
writes the privacy notice it supports (UK GDPR and GDPR Articles 13 and
14) as the law stood on the --as-of date: to standard output, or to -o.
--format md gives Markdown, html a complete accessible HTML page (only the
fragment inside <main> with --fragment), txt plain text wrapped at 78
columns. The same register, audience and date give the same bytes.

The notice is for everyone the register records, or for the groups given
with --audience (repeat it for several), named by their catalogue slugs
(job-applicants, employees, website-visitors, ...; 'custom: Alumni' for a
group of the register's own).

On standard error, notice lists the items of Articles 13 and 14, each
filled or missing, with the reason: a missing item is something the
register does not record, so the notice cannot say it. A notice with a
missing item is a draft: it is still written, with a banner at its top
listing what is missing, so that it cannot be published by accident.

With --since OLD, notice writes instead what a reader would see change
in the notice when the register changes from OLD to FILE: the sections
added, removed and reworded, with the lines removed and added (in HTML
with the register fields each came from), for the same audience and
date; exit status 0 when it is written.

Exit status: 0 when the notice is written and nothing is missing; 1 when
it is written as a draft (0 with --allow-incomplete); 2 when FILE cannot be read or
parsed, the register has no valid jurisdiction, an --audience group is
unknown or not in the register, the output cannot be written, or on a
usage error.`,
	examples: []string{
		"article30 notice register.yaml > privacy-notice.md",
		"article30 notice --audience job-applicants --format html -o jobs-privacy.html register.yaml",
		"article30 notice --audience employees --audience volunteers --format txt register.yaml",
		"article30 notice --format html --fragment --as-of 2026-06-19 register.yaml",
		"article30 notice --since register-2025.yaml register.yaml",
	},
	flags: noticeFlags,
}

// noticeFormats are the values of notice --format.
var noticeFormats = []string{"md", "html", "txt"}

func noticeFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	var audience []string
	fs.Func("audience", "write the notice for this `GROUP` of people only, a data-subject slug; repeat for several (default everyone)",
		func(s string) error { audience = append(audience, s); return nil })
	format := fs.String("format", "md", "output `format`: md (Markdown), html or txt (plain text)")
	fragment := fs.Bool("fragment", false, "with --format html, write the HTML fragment rather than a complete page")
	out := fs.String("o", "", "write the notice to `FILE` rather than standard output")
	since := fs.String("since", "", "write what changes in the notice since the register `OLD` (YAML or JSON) rather than the notice")
	allowIncomplete := fs.Bool("allow-incomplete", false, "exit 0 when the notice is a draft (the register lacks items Articles 13 and 14 require)")
	force := forceFlag(fs)
	asOf := asOfFlag(fs)
	return func(e *env, args []string) (int, error) {
		if !slices.Contains(noticeFormats, *format) {
			return 0, fmt.Errorf("--format %q: want md, html or txt", *format)
		}
		if *fragment && *format != "html" {
			return 0, fmt.Errorf("--fragment goes with --format html, not %s", *format)
		}
		at, err := asOf.date(e)
		if err != nil {
			return 0, err
		}
		var groups []ropa.Subject
		for _, s := range audience {
			g, err := ropa.ParseSubject(s)
			if err != nil {
				return 0, fmt.Errorf("--audience %q: %v", s, err)
			}
			if !slices.Contains(groups, g) {
				groups = append(groups, g)
			}
		}
		file, err := oneFile(args)
		if err != nil {
			return 0, err
		}
		dest := *out
		if dest == "" {
			dest = "-"
		}
		if err := checkOutput(dest, *force, file); err != nil {
			return 0, err
		}
		if *since != "" {
			if err := checkOutput(dest, *force, *since); err != nil {
				return 0, err
			}
		}
		noteLaw(e.stderr, at)

		reg, file, ok := openRegister(e, file)
		if !ok {
			return exitFailure, nil
		}
		if !reg.Jurisdiction.Valid() {
			return failf(e, "notice", "%s: the register has no valid jurisdiction, so the law of the notice is unknown (set jurisdiction: uk or eu)", file), nil
		}
		var opts []notice.Option
		if len(groups) > 0 {
			recorded := subjects(reg)
			for _, g := range groups {
				if !slices.Contains(recorded, g) {
					return 0, fmt.Errorf("--audience %s: %s records no activity about %s; its groups are %s",
						g, file, g.Plain(), joinSubjects(recorded))
				}
			}
			opts = append(opts, notice.Audience(groups...))
		}
		if *since != "" {
			old, oldName, ok := openRegister(e, *since)
			if !ok {
				return exitFailure, nil
			}
			c, err := notice.Diff(old, reg, at, opts...)
			if err != nil {
				return failf(e, "notice", "%s, %s: %s", oldName, file, strings.TrimPrefix(err.Error(), "notice: ")), nil
			}
			text := c.Markdown()
			switch *format {
			case "txt":
				text = c.Text()
			case "html":
				text = c.HTML()
			}
			if err := writeOutput(e, dest, []byte(text)); err != nil {
				return failf(e, "notice", "%s", fileMessage(err)), nil
			}
			return exitOK, nil
		}
		n, err := notice.Generate(reg, at, opts...)
		if err != nil {
			return failf(e, "notice", "%s: %s", file, strings.TrimPrefix(err.Error(), "notice: ")), nil
		}
		var text string
		switch {
		case *format == "md":
			text = n.Markdown()
		case *format == "txt":
			text = n.Text()
		case *fragment:
			text = n.HTML()
		default:
			text = n.Page()
		}
		if !strings.HasSuffix(text, "\n") {
			text += "\n"
		}
		if err := writeOutput(e, dest, []byte(text)); err != nil {
			return failf(e, "notice", "%s", fileMessage(err)), nil
		}
		writeCoverage(e.stderr, n, len(groups) == 0)
		if n.Draft() && !*allowIncomplete {
			fmt.Fprintf(e.stderr, "article30 notice: the notice is a draft: %d items missing (--allow-incomplete to exit 0)\n", len(n.Missing()))
			return exitFindings, nil
		}
		return exitOK, nil
	}
}

// subjects returns the groups of people reg's activities are about, in
// catalogue order with custom groups last, in the order they appear.
func subjects(reg *ropa.Register) []ropa.Subject {
	var custom []ropa.Subject
	seen := map[ropa.Subject]bool{}
	for _, a := range reg.Activities {
		for _, s := range a.DataSubjects {
			if !seen[s] {
				seen[s] = true
				if s.Custom() {
					custom = append(custom, s)
				}
			}
		}
	}
	var out []ropa.Subject
	for _, s := range ropa.Subjects() {
		if seen[s] {
			out = append(out, s)
		}
	}
	return append(out, custom...)
}

func joinSubjects(ss []ropa.Subject) string {
	if len(ss) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, s := range ss {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(s))
	}
	return b.String()
}

// writeCoverage lists the items of Articles 13 and 14 on w, one a line,
// filled or missing with the reason.
// everyone says the notice is for every group the register records.
func writeCoverage(w io.Writer, n *notice.Notice, everyone bool) {
	items := n.Coverage()
	filled := 0
	width := 0
	for _, it := range items {
		if it.Filled {
			filled++
		}
		width = max(width, len("Art "+it.Article))
	}
	var b strings.Builder
	who := "everyone the register records"
	if !everyone {
		who = joinSubjects(n.Audience)
	}
	fmt.Fprintf(&b, "Articles 13 and 14: the notice for %s (law as of %s) fills %d of %d items\n",
		who, n.AsOf.Format(time.DateOnly), filled, len(items))
	for _, it := range items {
		state := "filled "
		if !it.Filled {
			state = "missing"
		}
		line := fmt.Sprintf("  %-*s  %s  %s", width, "Art "+it.Article, state, it.Requirement)
		if it.Reason != "" {
			line += " — " + it.Reason
		}
		b.WriteString(clean(line))
		b.WriteString("\n")
	}
	io.WriteString(w, b.String())
}

package notice_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/export/notice"
	"github.com/article30/article30/internal/browser"
	"github.com/article30/article30/ropa"
)

// The accessibility test renders the notice of every seed register and of
// the HR example in a real headless Chromium and audits it with axe-core
// against WCAG 2.2 A and AA (axe's tags for WCAG 2.0, 2.1 and 2.2 at levels A
// and AA), in the light and the dark colour scheme (the media feature
// prefers-color-scheme emulated), on a desktop 1280 CSS pixels wide and on a
// phone 390 wide. In each of the four it also checks that the page does not
// scroll sideways: the document is no wider than the viewport, and no
// element or its text reaches past it unless inside a box that scrolls. A
// notice built by hand with addresses longer than a phone is wide must not
// scroll sideways either. It needs Chromium and axe-core (see internal/browser); without them it skips,
// except when $CI is set, where it fails, so that CI cannot pass by skipping.
//
// With $NOTICE_SCREENSHOTS set to a directory, it also writes a full-page PNG
// of each notice in each of the four there, named
// notice-<name>-<scheme>-<width>.png.

// a11yAsOf is the date the seed notices are generated at.
var a11yAsOf = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

// a11yTags are the axe-core rule tags the notices must pass.
var a11yTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// a11yView is one way a reader sees the notice.
type a11yView struct {
	scheme string // light or dark
	width  int    // CSS pixels
	opts   []browser.Option
}

func (v a11yView) String() string { return fmt.Sprintf("%s, %dpx", v.scheme, v.width) }

// a11yViews are the colour schemes and widths each notice is audited in.
var a11yViews = func() []a11yView {
	var vs []a11yView
	for _, scheme := range []string{"light", "dark"} {
		vs = append(vs,
			a11yView{scheme, browser.DesktopWidth, []browser.Option{browser.ColorScheme(scheme)}},
			a11yView{scheme, browser.PhoneWidth, []browser.Option{browser.ColorScheme(scheme), browser.Width(browser.PhoneWidth), browser.Mobile()}},
		)
	}
	return vs
}()

// a11yBadPage fails WCAG in ways the audit must find: an image without a
// text alternative and text of too low contrast; and on a phone it scrolls
// sideways, with an address that does not wrap.
const a11yBadPage = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bad page</title></head>
<body><main>
<h1>Privacy notice</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
<p style="color:#c8c8c8;background:#ffffff">We keep your data for two years.</p>
<p id="address">https://example.org/privacy?ref=averylongaddressthatnophonecanshowononelinewithoutbreakingitanywhereatall</p>
</main></body>
</html>`

// a11yNotices are the registers whose notices are audited: the seed
// registers of examples/registers and the HR example, by name.
func a11yNotices(t *testing.T) (names []string, paths map[string]string) {
	t.Helper()
	seeds, err := filepath.Glob(filepath.Join("..", "..", "examples", "registers", "*.yaml"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seed registers in examples/registers: %v", err)
	}
	paths = map[string]string{"hr": filepath.Join("..", "..", "examples", "hr", "register.yaml")}
	for _, p := range seeds {
		paths[strings.TrimSuffix(filepath.Base(p), ".yaml")] = p
	}
	for name := range paths {
		names = append(names, name)
	}
	slices.Sort(names)
	return names, paths
}

func TestAccessibility(t *testing.T) {
	names, paths := a11yNotices(t)
	if err := browser.Available(); err != nil {
		if browser.InCI() {
			t.Fatalf("CI is set, so the accessibility test must run:\n%v", err)
		}
		t.Skipf("skipping the accessibility test, which needs Chromium and axe-core:\n%v", err)
	}
	shots := os.Getenv("NOTICE_SCREENSHOTS")

	// About 80 s on an idle machine (27 audits and as many measures of the
	// width), 180 s on a busy one: the limit only stops a browser that
	// hangs, as each page has PageTimeout of its own.
	ctx, cancel := context.WithTimeout(t.Context(), 8*time.Minute)
	defer cancel()
	b, err := browser.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := b.Close(); err != nil {
			t.Error(err)
		}
	}()

	// The harness must find faults, or a clean result would mean nothing.
	t.Run("harness finds violations", func(t *testing.T) {
		vs, err := b.Audit(ctx, a11yBadPage, a11yTags)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, v := range vs {
			ids = append(ids, v.ID)
		}
		for _, want := range []string{"image-alt", "color-contrast"} {
			if !slices.Contains(ids, want) {
				t.Errorf("the audit of a page with an image without alt and low-contrast text reports %q, without %s", ids, want)
			}
		}
		phone := a11yViews[1]
		o, err := b.Overflow(ctx, a11yBadPage, phone.opts...)
		if err != nil {
			t.Fatal(err)
		}
		if !o.Sideways() || len(o.Wide) == 0 || o.Wide[0].Selector != "#address" {
			t.Errorf("at %s, a page with an address that does not wrap: %v; want it to scroll sideways, #address first", phone, o)
		}
	})

	// A register may hold addresses longer than a phone is wide; the style
	// must wrap them in paragraphs, lists and tables alike.
	t.Run("long addresses", func(t *testing.T) {
		page := a11yLongNotice().Page()
		for _, v := range a11yViews {
			if v.width != browser.PhoneWidth {
				continue
			}
			vs, err := b.Audit(ctx, page, a11yTags, v.opts...)
			if err != nil {
				t.Fatal(err)
			}
			for _, vl := range vs {
				t.Errorf("%s: %s", v, describe(vl))
			}
			o, err := b.Overflow(ctx, page, v.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if o.Sideways() {
				t.Errorf("%s: the page scrolls sideways: %v", v, o)
			}
			t.Logf("%s: %d violations; scrollWidth %d, clientWidth %d, %d elements past the viewport", v, len(vs), o.ScrollWidth, o.ClientWidth, o.WideCount)
		}
	})

	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			reg, err := ropa.Load(paths[name])
			if err != nil {
				t.Fatal(err)
			}
			n, err := notice.Generate(reg, a11yAsOf)
			if err != nil {
				t.Fatalf("Generate: %v", err)
			}
			page := n.Page()
			if !strings.Contains(page, "@media (prefers-color-scheme:dark)") {
				t.Fatal("the page has no dark colour scheme")
			}
			for _, v := range a11yViews {
				vs, err := b.Audit(ctx, page, a11yTags, v.opts...)
				if err != nil {
					t.Fatal(err)
				}
				for _, vl := range vs {
					t.Errorf("%s: %s", v, describe(vl))
				}
				o, err := b.Overflow(ctx, page, v.opts...)
				if err != nil {
					t.Fatal(err)
				}
				if o.Sideways() {
					t.Errorf("%s: the page scrolls sideways: %v", v, o)
				}
				t.Logf("%s: %d violations; scrollWidth %d, clientWidth %d, %d elements past the viewport", v, len(vs), o.ScrollWidth, o.ClientWidth, o.WideCount)
				if shots != "" {
					png, err := b.Screenshot(ctx, page, v.width, v.opts...)
					if err != nil {
						t.Fatal(err)
					}
					file := fmt.Sprintf("notice-%s-%s-%d.png", name, v.scheme, v.width)
					if err := os.WriteFile(filepath.Join(shots, file), png, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		})
	}
}

// a11yLongNotice is a notice whose addresses have no place to break a line
// within 390 pixels, wherever Generate puts text from the register: in a
// heading, a paragraph, a list and the cells of a table of four columns.
// (Captions and column headers are the phrase catalogue's own short text;
// the table's width could not shrink below an unbroken address in its
// caption, as the style breaks words anywhere only in cells.)
func a11yLongNotice() *notice.Notice {
	url := "https://records.example.org/privacy/notices/current?reference=" + strings.Repeat("abcdefghij", 10)
	email := "data.protection.officer.for.all.our.subsidiaries" + strings.Repeat("x", 40) + "@example.org"
	return &notice.Notice{
		Title: "Privacy notice",
		Sections: []notice.Section{
			{Heading: "Contact " + email, Level: 2, ID: "contact", Blocks: []notice.Block{
				notice.Paragraph{Text: "Read our notice at " + url + " or write to " + email + "."},
				notice.List{Items: []string{url, email}},
			}},
			{Heading: "Who we share it with", Level: 2, ID: "sharing", Blocks: []notice.Block{
				notice.Table{
					Caption: "Who we share it with",
					Header:  []string{"Recipient", "Address", "Email", "Safeguard"},
					Rows: [][]string{
						{"Payroll provider", url, email, "Standard contractual clauses " + url},
						{email, url + "/" + url, email, url},
					},
				},
			}},
		},
	}
}

// describe is a violation with every element that fails it and what axe says
// to fix there.
func describe(v browser.Violation) string {
	var s strings.Builder
	fmt.Fprintf(&s, "%s (%s): %s (%s)", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&s, "\n    %s\n        %s", strings.Join(n.Target, " >>> "), n.HTML)
		if n.FailureSummary != "" {
			fmt.Fprintf(&s, "\n        %s", strings.ReplaceAll(n.FailureSummary, "\n", "\n        "))
		}
	}
	return s.String()
}

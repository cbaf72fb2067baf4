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

// The accessibility test renders the notice of every seed register in a real
// headless Chromium and audits it with axe-core against WCAG 2.2 A and AA
// (axe's tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA). It needs
// Chromium and axe-core (see internal/browser); without them it skips, except
// when $CI is set, where it fails, so that CI cannot pass by skipping.
//
// With $NOTICE_SCREENSHOTS set to a directory, it also writes a full-page PNG
// of each seed notice, 1280 CSS pixels wide, there.

// a11yAsOf is the date the seed notices are generated at.
var a11yAsOf = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

// a11yTags are the axe-core rule tags the notices must pass.
var a11yTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// a11yBadPage fails WCAG in ways the audit must find: an image without a
// text alternative and text of too low contrast.
const a11yBadPage = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Bad page</title></head>
<body><main>
<h1>Privacy notice</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
<p style="color:#c8c8c8;background:#ffffff">We keep your data for two years.</p>
</main></body>
</html>`

func TestAccessibility(t *testing.T) {
	seeds, err := filepath.Glob(filepath.Join("..", "..", "examples", "registers", "*.yaml"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no seed registers in examples/registers: %v", err)
	}
	if err := browser.Available(); err != nil {
		if browser.InCI() {
			t.Fatalf("CI is set, so the accessibility test must run:\n%v", err)
		}
		t.Skipf("skipping the accessibility test, which needs Chromium and axe-core:\n%v", err)
	}
	shots := os.Getenv("NOTICE_SCREENSHOTS")

	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
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
	})

	for _, path := range seeds {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			reg, err := ropa.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			n, err := notice.Generate(reg, notice.AsOf(a11yAsOf))
			if err != nil {
				t.Fatalf("Generate: %v", err)
			}
			page := n.Page()
			// The dark colours are audited by applying them whatever the
			// preference: the harness cannot emulate the media feature.
			dark := strings.Replace(page, "@media (prefers-color-scheme:dark)", "@media all", 1)
			if dark == page {
				t.Fatal("the page has no dark colour scheme")
			}
			for scheme, p := range map[string]string{"light": page, "dark": dark} {
				vs, err := b.Audit(ctx, p, a11yTags)
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range vs {
					t.Errorf("%s: %s", scheme, describe(v))
				}
			}
			if shots != "" {
				png, err := b.Screenshot(ctx, page, 1280)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(shots, "notice-"+name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
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

package browser_test

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/internal/browser"
)

// requireTools skips the test when Chromium or axe-core is missing, except on
// CI, where that is a failure.
func requireTools(t *testing.T) {
	t.Helper()
	if err := browser.Available(); err != nil {
		if browser.InCI() {
			t.Fatalf("CI is set, so the browser tests must run:\n%v", err)
		}
		t.Skipf("skipping the browser test:\n%v", err)
	}
}

func TestChromiumFromEnv(t *testing.T) {
	exe := filepath.Join(t.TempDir(), "my-chrome")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CHROMIUM", exe)
	got, err := browser.Chromium()
	if err != nil || got != exe {
		t.Errorf("Chromium() with $CHROMIUM=%s = %q, %v", exe, got, err)
	}

	t.Setenv("CHROMIUM", filepath.Join(t.TempDir(), "absent"))
	_, err = browser.Chromium()
	if !errors.Is(err, browser.ErrNotInstalled) {
		t.Errorf("Chromium() with $CHROMIUM absent: error %v, want ErrNotInstalled", err)
	}
}

func TestChromiumMissing(t *testing.T) {
	t.Setenv("CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	browser.SetChromiumNames(t, "chromium", "chromium-browser", "/nonexistent/chromium")
	_, err := browser.Chromium()
	if !errors.Is(err, browser.ErrNotInstalled) || !strings.Contains(err.Error(), browser.InstallChromium) {
		t.Errorf("Chromium() with nothing installed: error %v, want ErrNotInstalled and %q", err, browser.InstallChromium)
	}
}

func TestInCI(t *testing.T) {
	for v, want := range map[string]bool{"": false, "false": false, "0": false, "FALSE": false, "true": true, "1": true, "yes": true} {
		t.Setenv("CI", v)
		if got := browser.InCI(); got != want {
			t.Errorf("InCI() with CI=%q = %v, want %v", v, got, want)
		}
	}
}

func TestAxeScriptLookup(t *testing.T) {
	home, work := t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("AXE_CORE_JS", "")
	t.Chdir(work)

	_, err := browser.AxeScript()
	if !errors.Is(err, browser.ErrNotInstalled) || !strings.Contains(err.Error(), browser.InstallAxe) {
		t.Errorf("AxeScript() with nothing installed: error %v, want ErrNotInstalled and %q", err, browser.InstallAxe)
	}

	write := func(path string) string {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("window.axe = {};"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	// A node_modules above the working directory.
	local := write(filepath.Join(work, "node_modules", "axe-core", "axe.min.js"))
	sub := filepath.Join(work, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	if got, err := browser.AxeScript(); err != nil || got != local {
		t.Errorf("AxeScript() = %q, %v; want %q", got, err, local)
	}
	// The cache comes first.
	cached := write(filepath.Join(home, ".cache", "article30-axe", "node_modules", "axe-core", "axe.min.js"))
	if got, err := browser.AxeScript(); err != nil || got != cached {
		t.Errorf("AxeScript() = %q, %v; want %q", got, err, cached)
	}
	// $AXE_CORE_JS comes before both, and must exist.
	own := write(filepath.Join(t.TempDir(), "axe.js"))
	t.Setenv("AXE_CORE_JS", own)
	if got, err := browser.AxeScript(); err != nil || got != own {
		t.Errorf("AxeScript() = %q, %v; want %q", got, err, own)
	}
	t.Setenv("AXE_CORE_JS", filepath.Join(home, "absent.js"))
	if _, err := browser.AxeScript(); !errors.Is(err, browser.ErrNotInstalled) {
		t.Errorf("AxeScript() with $AXE_CORE_JS absent: error %v, want ErrNotInstalled", err)
	}
}

const goodPage = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Good page</title></head>
<body>
<header><p>Example Ltd</p></header>
<main>
<h1>How we use your data</h1>
<p>We keep your email address for <a href="#retention">two years</a>.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Our logo" width="20" height="20">
<h2 id="retention">Retention</h2>
<p style="color:#222;background:#fff">Two years after your last order.</p>
</main>
</body>
</html>`

// badPage has faults that WCAG 2 A and AA forbid.
const badPage = `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"></head>
<body>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
<p style="color:#bbb;background:#fff">Barely legible text.</p>
<a href="#"></a>
</body>
</html>`

var wcagTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// TestBrowser audits and photographs pages in one browser, and checks that
// the browser leaves no profile directory behind.
func TestBrowser(t *testing.T) {
	requireTools(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where chromedp makes the profile directory

	// About 25 s on an idle machine, several times that on a busy one.
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	b, err := browser.New(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if left, _ := filepath.Glob(filepath.Join(tmp, "chromedp-runner*")); len(left) != 1 {
		t.Errorf("while the browser runs, %s holds profiles %q, want one", tmp, left)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "article30-browser-*")); len(left) != 1 {
		t.Errorf("while the browser runs, %s holds browser temporary directories %q, want one", tmp, left)
	}

	t.Run("good page", func(t *testing.T) {
		vs, err := b.Audit(ctx, goodPage, wcagTags)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("violation: %v", v)
		}
	})

	t.Run("bad page", func(t *testing.T) {
		vs, err := b.Audit(ctx, badPage, wcagTags)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, v := range vs {
			ids = append(ids, v.ID)
			if len(v.Nodes) == 0 || len(v.Nodes[0].Target) == 0 || v.Help == "" || v.Impact == "" {
				t.Errorf("violation without help, impact or targets: %+v", v)
			}
		}
		for _, want := range []string{"image-alt", "color-contrast", "html-has-lang", "document-title", "link-name"} {
			if !slices.Contains(ids, want) {
				t.Errorf("violations %v lack %s", ids, want)
			}
		}
		for _, v := range vs {
			if v.ID == "image-alt" && !slices.Equal(v.Targets(), []string{"img"}) {
				t.Errorf("image-alt targets %q, want [img]", v.Targets())
			}
		}
	})

	t.Run("tags choose the rules", func(t *testing.T) {
		// best-practice rules only: no WCAG rule fires.
		vs, err := b.Audit(ctx, badPage, []string{"best-practice"})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			if v.ID == "image-alt" || v.ID == "color-contrast" {
				t.Errorf("best-practice run reports the WCAG rule %s", v.ID)
			}
		}
	})

	t.Run("no network", func(t *testing.T) {
		// A page that needs another host fails to load it, quickly.
		page := `<!DOCTYPE html><html lang="en"><head><title>t</title>
<link rel="stylesheet" href="https://example.com/style.css"></head><body><main><p>x</p></main></body></html>`
		start := time.Now()
		if _, err := b.Audit(ctx, page, wcagTags); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("audit of a page with an external stylesheet took %v", d)
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		long := strings.Replace(goodPage, "</main>", strings.Repeat("<p>More text.</p>\n", 200)+"</main>", 1)
		shot, err := b.Screenshot(ctx, long, 640)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(shot))
		if err != nil {
			t.Fatalf("screenshot is not a PNG: %v", err)
		}
		if cfg.Width != 640 || cfg.Height <= 800 {
			t.Errorf("screenshot is %d×%d, want 640 wide and the whole page (over 800) high", cfg.Width, cfg.Height)
		}
	})

	t.Run("colour scheme", func(t *testing.T) {
		// Legible in light, illegible in dark.
		page := strings.Replace(goodPage, "</head>", "<style>@media (prefers-color-scheme:dark){body{background:#222;color:#333}}</style></head>", 1)
		page = strings.Replace(page, ` style="color:#222;background:#fff"`, "", 1)
		for _, tc := range []struct {
			opts []browser.Option
			want bool // color-contrast fails
		}{
			{nil, false},
			{[]browser.Option{browser.ColorScheme("light")}, false},
			{[]browser.Option{browser.ColorScheme("dark")}, true},
			{[]browser.Option{browser.ColorScheme("dark"), browser.Width(browser.PhoneWidth), browser.Mobile()}, true},
		} {
			vs, err := b.Audit(ctx, page, wcagTags, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if got := hasRule(vs, "color-contrast"); got != tc.want {
				t.Errorf("with %d options: color-contrast fails %v, want %v (violations %v)", len(tc.opts), got, tc.want, vs)
			}
		}
	})

	t.Run("width", func(t *testing.T) {
		// Legible on a desktop, illegible on a phone.
		page := strings.Replace(goodPage, "</head>", "<style>@media (max-width:500px){p{color:#bbb!important}}</style></head>", 1)
		for _, tc := range []struct {
			opts []browser.Option
			want bool
		}{
			{nil, false},
			{[]browser.Option{browser.Width(600)}, false},
			{[]browser.Option{browser.Width(browser.PhoneWidth)}, true},
			{[]browser.Option{browser.Width(browser.PhoneWidth), browser.Mobile()}, true},
		} {
			vs, err := b.Audit(ctx, page, wcagTags, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			if got := hasRule(vs, "color-contrast"); got != tc.want {
				t.Errorf("with %d options: color-contrast fails %v, want %v (violations %v)", len(tc.opts), got, tc.want, vs)
			}
		}
	})

	t.Run("invalid options", func(t *testing.T) {
		for _, o := range []browser.Option{browser.Width(0), browser.ColorScheme("blue")} {
			if _, err := b.Audit(ctx, goodPage, wcagTags, o); err == nil {
				t.Error("Audit with an invalid option: no error")
			}
			if _, err := b.Overflow(ctx, goodPage, o); err == nil {
				t.Error("Overflow with an invalid option: no error")
			}
		}
		if _, err := b.Screenshot(ctx, goodPage, 640, browser.ColorScheme("blue")); err == nil {
			t.Error("Screenshot with an invalid colour scheme: no error")
		}
	})

	t.Run("overflow", func(t *testing.T) {
		long := strings.Repeat("<p>More text.</p>\n", 100) // so that the page scrolls down
		for _, tc := range []struct {
			name, body string
			opts       []browser.Option
			sideways   bool
			wide       []string // the selectors of Wide
			scrolls    bool     // ScrollWidth > ClientWidth
		}{
			{name: "fits", body: `<p>Short.</p>`, opts: []browser.Option{browser.Width(browser.PhoneWidth), browser.Mobile()}},
			{name: "wide block on a desktop", body: `<div id="w" style="width:600px">x</div>`},
			{
				name: "wide block on a phone", body: `<section><p>a</p><div style="width:600px"><span>x</span></div><div>b</div></section>`,
				opts:     []browser.Option{browser.Width(browser.PhoneWidth), browser.Mobile()},
				sideways: true, scrolls: true, wide: []string{"html > body > main > section > div:nth-of-type(1)"},
			},
			{
				name: "long word", body: `<p id="url">https://example.com/` + strings.Repeat("a", 120) + `</p>`,
				opts:     []browser.Option{browser.Width(browser.PhoneWidth)},
				sideways: true, scrolls: true, wide: []string{"#url"},
			},
			{
				name: "long line in a box that scrolls", body: `<pre style="overflow-x:auto" tabindex="0">` + strings.Repeat("word ", 100) + `</pre>`,
				opts: []browser.Option{browser.Width(browser.PhoneWidth), browser.Mobile()},
			},
			{
				name: "wide table in a box that scrolls", body: `<div style="overflow-x:auto" tabindex="0" role="region" aria-label="t"><table style="width:900px"><tr><td>x</td></tr></table></div>`,
				opts: []browser.Option{browser.Width(browser.PhoneWidth), browser.Mobile()},
			},
			{
				name: "cut off by overflow hidden", body: `<div style="overflow:hidden"><p style="width:700px" id="cut">x</p></div>`,
				opts:     []browser.Option{browser.Width(browser.PhoneWidth), browser.Mobile()},
				sideways: true, wide: []string{"#cut"},
			},
			{
				name: "off the left edge", body: `<p style="margin-left:-50px" id="neg">x</p>`,
				opts:     []browser.Option{browser.Width(browser.PhoneWidth), browser.Mobile()},
				sideways: true, wide: []string{"#neg"},
			},
		} {
			t.Run(tc.name, func(t *testing.T) {
				page := strings.Replace(goodPage, "</main>", tc.body+long+"</main>", 1)
				o, err := b.Overflow(ctx, page, tc.opts...)
				if err != nil {
					t.Fatal(err)
				}
				if o.ClientWidth <= 0 || o.ScrollWidth < o.ClientWidth {
					t.Errorf("implausible widths: %v", o)
				}
				if got := o.Sideways(); got != tc.sideways {
					t.Errorf("Sideways() = %v, want %v: %v", got, tc.sideways, o)
				}
				if got := o.ScrollWidth > o.ClientWidth; got != tc.scrolls {
					t.Errorf("scrolls = %v, want %v: %v", got, tc.scrolls, o)
				}
				if o.WideCount != len(o.Wide) && len(o.Wide) != browser.MaxWide {
					t.Errorf("WideCount %d with %d Wide", o.WideCount, len(o.Wide))
				}
				if tc.wide != nil {
					var got []string
					for _, w := range o.Wide {
						got = append(got, w.Selector)
					}
					if !slices.Equal(got, tc.wide) {
						t.Errorf("Wide selectors %q, want %q: %v", got, tc.wide, o)
					}
				}
				if !tc.sideways && len(o.Wide) != 0 {
					t.Errorf("elements reach past: %v", o)
				}
			})
		}
		// A phone's scrollbars overlay the page, and the layout is as wide as
		// the phone.
		o, err := b.Overflow(ctx, strings.Replace(goodPage, "</main>", long+"</main>", 1), browser.Width(browser.PhoneWidth), browser.Mobile())
		if err != nil {
			t.Fatal(err)
		}
		if o.ClientWidth != browser.PhoneWidth {
			t.Errorf("mobile: clientWidth %d, want %d", o.ClientWidth, browser.PhoneWidth)
		}
	})

	t.Run("canceled", func(t *testing.T) {
		cctx, ccancel := context.WithCancel(ctx)
		ccancel()
		if _, err := b.Audit(cctx, goodPage, wcagTags); !errors.Is(err, context.Canceled) {
			t.Errorf("Audit with a canceled context: %v, want context.Canceled", err)
		}
	})

	if err := b.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("after Close, %s holds %v", tmp, left)
	}
}

// hasRule reports whether vs has a violation of the axe rule id.
func hasRule(vs []browser.Violation, id string) bool {
	return slices.ContainsFunc(vs, func(v browser.Violation) bool { return v.ID == id })
}

// TestKilled checks that a browser whose context ends is killed and leaves
// nothing behind.
func TestKilled(t *testing.T) {
	requireTools(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ctx, cancel := context.WithCancel(t.Context())
	b, err := browser.New(ctx)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if len(processesUsing(tmp)) == 0 {
		t.Error("no browser process uses the temporary directory")
	}
	cancel()
	if _, err := b.Audit(t.Context(), goodPage, nil); err == nil {
		t.Error("Audit after the browser's context ended: no error")
	}
	b.Close()
	if left := processesUsing(tmp); len(left) != 0 {
		t.Errorf("processes left: %v", left)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("after the browser was killed, %s holds %v", tmp, left)
	}
}

// processesUsing returns the command lines of the processes that name dir.
func processesUsing(dir string) []string {
	var out []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if err == nil && bytes.Contains(b, []byte(dir)) {
			out = append(out, string(bytes.ReplaceAll(b, []byte{0}, []byte{' '})))
		}
	}
	return out
}

// TestAudit checks the one-call form, which starts and stops a browser.
func TestAudit(t *testing.T) {
	requireTools(t)
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	vs, err := browser.Audit(ctx, badPage, []string{"wcag2a"})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) == 0 {
		t.Error("Audit of the bad page found nothing")
	}
}

package browser

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNotInstalled is wrapped by the errors of [Chromium] and [AxeScript] (and
// of [New], [Audit] and [Screenshot] when they call them) when the browser or
// axe-core cannot be found.
var ErrNotInstalled = errors.New("not installed")

// Install commands, as the errors of [Chromium] and [AxeScript] give them.
const (
	InstallChromium = "apt-get install chromium"
	InstallAxe      = "npm install --prefix ~/.cache/article30-axe axe-core"
)

// Time limits.
const (
	// StartTimeout bounds the start of the browser in [New].
	StartTimeout = 30 * time.Second
	// PageTimeout bounds one [Browser.Audit], [Browser.Screenshot] or
	// [Browser.Overflow] whose context has no earlier deadline.
	PageTimeout = 30 * time.Second
	// closeTimeout bounds the graceful close of the browser; after it the
	// process is killed.
	closeTimeout = 5 * time.Second
)

// chromiumNames are the executables Chromium looks for, in order.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "/usr/bin/chromium"}

// Chromium returns the path of the Chromium (or Chrome) executable: the one
// that $CHROMIUM names if it is set, otherwise the first of chromium,
// chromium-browser, google-chrome and google-chrome-stable on $PATH, otherwise
// /usr/bin/chromium.
func Chromium() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("browser: Chromium %w: $CHROMIUM=%q is not an executable (%v); point it at Chromium or Chrome, or unset it and `%s`", ErrNotInstalled, p, err, InstallChromium)
		}
		return found, nil
	}
	for _, name := range chromiumNames {
		if found, err := exec.LookPath(name); err == nil {
			return found, nil
		}
	}
	return "", fmt.Errorf("browser: Chromium %w: no chromium, chromium-browser or google-chrome on $PATH and $CHROMIUM is not set; install it with `%s`", ErrNotInstalled, InstallChromium)
}

// AxeScript returns the path of axe-core's axe.min.js: the file that
// $AXE_CORE_JS names if it is set, otherwise
// ~/.cache/article30-axe/node_modules/axe-core/axe.min.js, otherwise
// node_modules/axe-core/axe.min.js in the working directory or the nearest
// directory above it that has one.
func AxeScript() (string, error) {
	if p := os.Getenv("AXE_CORE_JS"); p != "" {
		if err := isFile(p); err != nil {
			return "", fmt.Errorf("browser: axe-core %w: $AXE_CORE_JS=%q: %v; point it at axe.min.js, or unset it and `%s`", ErrNotInstalled, p, err, InstallAxe)
		}
		return p, nil
	}
	rel := filepath.Join("node_modules", "axe-core", "axe.min.js")
	var tried []string
	if home, err := os.UserHomeDir(); err == nil {
		p := filepath.Join(home, ".cache", "article30-axe", rel)
		if isFile(p) == nil {
			return p, nil
		}
		tried = append(tried, p)
	}
	if dir, err := os.Getwd(); err == nil {
		for {
			p := filepath.Join(dir, rel)
			if isFile(p) == nil {
				return p, nil
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
		tried = append(tried, filepath.Join(".", rel))
	}
	return "", fmt.Errorf("browser: axe-core %w: $AXE_CORE_JS is not set and there is no %s; install it with `%s`", ErrNotInstalled, strings.Join(tried, " or "), InstallAxe)
}

func isFile(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", p)
	}
	return nil
}

// Available returns nil when both [Chromium] and [AxeScript] find their
// program, and otherwise their errors, which say how to install what is
// missing. A test that needs the browser skips when it is not nil, unless
// [InCI].
func Available() error {
	_, errC := Chromium()
	_, errA := AxeScript()
	return errors.Join(errC, errA)
}

// InCI reports whether the environment variable CI is set to anything but
// "", "false" or "0", as CI services set it (CI=true). Tests that need the
// browser fail there when it is missing, rather than skip.
func InCI() bool {
	v := strings.TrimSpace(os.Getenv("CI"))
	return v != "" && v != "0" && !strings.EqualFold(v, "false")
}

// Violation is one axe-core rule that a page fails.
type Violation struct {
	ID      string `json:"id"`      // axe rule, e.g. "color-contrast"
	Impact  string `json:"impact"`  // minor, moderate, serious or critical
	Help    string `json:"help"`    // one line on what the rule asks
	HelpURL string `json:"helpUrl"` // Deque's page on the rule
	Nodes   []Node `json:"nodes"`   // the elements that fail it
}

// Node is one element that fails a rule.
type Node struct {
	// Target is the CSS selector of the element; it has more than one entry
	// only for an element inside an iframe or a shadow root.
	Target []string `json:"target"`
	// HTML is the start of the element's markup.
	HTML string `json:"html"`
	// FailureSummary says what to fix.
	FailureSummary string `json:"failureSummary"`
}

// Targets returns the selectors of the violation's nodes, one for each node.
func (v Violation) Targets() []string {
	out := make([]string, len(v.Nodes))
	for i, n := range v.Nodes {
		out[i] = strings.Join(n.Target, " >>> ")
	}
	return out
}

// String is the rule, its impact, its help and the targets, on one line.
func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets(), ", "))
}

// Browser is a running headless Chromium. Its methods may be called from
// several goroutines; each call opens a tab of its own.
type Browser struct {
	ctx     context.Context // the chromedp context of the browser's first tab
	bcancel context.CancelFunc
	acancel context.CancelFunc // waits until the processes and the profile are gone
	tmp     string             // the browser's $TMPDIR
	stop    func() bool        // stops the kill at the end of New's context
	once    sync.Once

	axeOnce sync.Once
	axe     string // source of axe.min.js, read at the first Audit
	axeErr  error
}

// flags are the Chromium command-line switches that [New] gives, after
// chromedp's defaults (chromedp.DefaultExecAllocatorOptions, which already
// include most of them). The browser gets a fresh temporary user data
// directory from chromedp, which removes it when the browser has exited.
var flags = []chromedp.ExecAllocatorOption{
	chromedp.Headless,
	chromedp.NoSandbox, // needed as root, as CI runs
	chromedp.NoFirstRun,
	chromedp.Flag("disable-gpu", true),
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("disable-default-apps", true),
	chromedp.Flag("disable-domain-reliability", true),
	chromedp.Flag("no-pings", true),
	// Resolve no host name: the pages come from 127.0.0.1 and must stand
	// alone.
	chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	// The same rendering on every machine.
	chromedp.Flag("force-device-scale-factor", "1"),
	chromedp.Flag("lang", "en-GB"),
}

// New starts a headless Chromium found by [Chromium], within [StartTimeout].
// The browser is killed when ctx ends; call Close in every case.
func New(ctx context.Context) (*Browser, error) {
	exe, err := Chromium()
	if err != nil {
		return nil, err
	}
	// Chromium keeps shared memory files in $TMPDIR (chromedp sets
	// disable-dev-shm-usage, as /dev/shm is small in containers), and a
	// killed browser leaves them; so it gets a directory of its own.
	tmp, err := os.MkdirTemp("", "article30-browser-")
	if err != nil {
		return nil, fmt.Errorf("browser: %w", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.Env("TMPDIR="+tmp))
	opts = append(opts, flags...)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx)
	b := &Browser{ctx: bctx, bcancel: bcancel, acancel: acancel, tmp: tmp}

	// The first Run starts the browser and ties it to bctx, so it must not
	// run under a deadline of its own; the start is bounded by watching it.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	timer := time.NewTimer(StartTimeout)
	defer timer.Stop()
	select {
	case err = <-started:
	case <-timer.C:
		err = fmt.Errorf("no answer after %v", StartTimeout)
	}
	if err != nil {
		b.kill()
		select { // let the start give up, so that it removes what it made
		case <-started:
		case <-time.After(closeTimeout):
		}
		return nil, fmt.Errorf("browser: starting %s: %w", exe, err)
	}
	// chromedp kills the browser when ctx ends; then remove the rest too,
	// should Close never come.
	b.stop = context.AfterFunc(ctx, b.kill)
	return b, nil
}

// kill kills the browser, waits until its processes have exited and its
// profile directory is removed, and removes its $TMPDIR.
func (b *Browser) kill() {
	b.bcancel()
	b.acancel()
	os.RemoveAll(b.tmp)
}

// Close closes the browser gracefully, or kills it after a few seconds, and
// waits until its processes have exited and its temporary profile directory is
// removed. It can be called more than once.
func (b *Browser) Close() error {
	var err error
	b.once.Do(func() {
		b.stop()
		ctx, cancel := context.WithTimeout(b.ctx, closeTimeout)
		defer cancel()
		if e := chromedp.Cancel(ctx); e != nil && b.ctx.Err() == nil {
			err = fmt.Errorf("browser: closing: %w", e)
		}
		b.kill()
	})
	return err
}

// Audit runs axe-core on the page html in a new tab and returns the rules it
// fails. tags choose the rules, as axe's runOnly {type: 'tag'} does (for
// example "wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"); no tags run axe's
// default set. The page is shown as opts say: without options, in a viewport
// of DesktopWidth × ViewportHeight CSS pixels, in the browser's default
// (light) colour scheme.
func (b *Browser) Audit(ctx context.Context, html string, tags []string, opts ...Option) ([]Violation, error) {
	v, err := newView(opts)
	if err != nil {
		return nil, err
	}
	b.axeOnce.Do(func() {
		p, err := AxeScript()
		if err != nil {
			b.axeErr = err
			return
		}
		src, err := os.ReadFile(p)
		if err != nil {
			b.axeErr = fmt.Errorf("browser: reading axe-core: %w", err)
			return
		}
		b.axe = string(src)
	})
	if b.axeErr != nil {
		return nil, b.axeErr
	}
	axeOpts := map[string]any{"resultTypes": []string{"violations"}}
	if len(tags) > 0 {
		axeOpts["runOnly"] = map[string]any{"type": "tag", "values": tags}
	}
	optsJSON, err := json.Marshal(axeOpts)
	if err != nil {
		return nil, err
	}
	run := `(async () => {
	if (typeof axe === "undefined") throw new Error("axe-core did not load");
	const r = await axe.run(document, ` + string(optsJSON) + `);
	return JSON.stringify(r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
		nodes: v.nodes.map(n => ({target: n.target.map(t => Array.isArray(t) ? t.join(" ") : String(t)), html: n.html, failureSummary: n.failureSummary || ""})),
	})));
})()`
	var out string
	err = b.page(ctx, html, v, func(tctx context.Context) error {
		// Evaluate the script as the page's own; its value is not needed.
		if _, err := chromedp.Run(tctx, chromedp.Evaluate[chromedp.Void](b.axe)); err != nil {
			return fmt.Errorf("injecting axe-core: %w", err)
		}
		var err error
		out, err = chromedp.Run(tctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("running axe: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var vs []Violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		return nil, fmt.Errorf("browser: axe's result: %w", err)
	}
	return vs, nil
}

// Screenshot renders the page html in a new tab width CSS pixels wide, shown
// as the other opts say (width overrides a [Width] among them), and returns a
// PNG of the whole page, however long.
func (b *Browser) Screenshot(ctx context.Context, html string, width int, opts ...Option) ([]byte, error) {
	if width <= 0 {
		return nil, fmt.Errorf("browser: screenshot width %d", width)
	}
	v, err := newView(append(opts[:len(opts):len(opts)], Width(width)))
	if err != nil {
		return nil, err
	}
	var png []byte
	err = b.page(ctx, html, v, func(tctx context.Context) error {
		var err error
		png, err = chromedp.Run(tctx, chromedp.FullScreenshot(100))
		return err
	})
	return png, err
}

// page serves html on 127.0.0.1, opens it in a new tab shown as v says and
// calls f with the tab's context, all within PageTimeout (or ctx's earlier
// deadline). The tab and the server are gone when it returns.
func (b *Browser) page(ctx context.Context, html string, v view, f func(context.Context) error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	srv := serve(html)
	defer srv.Close()

	tab, closeTab := chromedp.NewContext(b.ctx)
	defer closeTab()
	// The tab's actions end at ctx's end or at PageTimeout, whichever is first.
	tctx, cancel := context.WithTimeout(tab, PageTimeout)
	defer cancel()
	defer context.AfterFunc(ctx, cancel)()

	err := chromedp.Do(tctx, append(v.actions(), chromedp.Navigate(srv.URL+"/"))...)
	if err == nil {
		err = f(tctx)
	}
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("%w (%w)", err, ctx.Err())
		}
		return fmt.Errorf("browser: %w", err)
	}
	return nil
}

// serve starts a server on 127.0.0.1 that answers / with html and every other
// path with 404.
func serve(html string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = io.WriteString(w, html)
	}))
}

// Audit starts a browser with [New], runs [Browser.Audit] and closes the
// browser. To audit several pages, start one [Browser] instead.
func Audit(ctx context.Context, html string, tags []string, opts ...Option) ([]Violation, error) {
	if _, err := AxeScript(); err != nil { // before starting a browser for nothing
		return nil, err
	}
	b, err := New(ctx)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return b.Audit(ctx, html, tags, opts...)
}

// Screenshot starts a browser with [New], runs [Browser.Screenshot] and closes
// the browser.
func Screenshot(ctx context.Context, html string, width int, opts ...Option) ([]byte, error) {
	b, err := New(ctx)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return b.Screenshot(ctx, html, width, opts...)
}

package browser

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Viewport sizes, in CSS pixels.
const (
	// DesktopWidth is the width of the viewport unless a [Width] option
	// sets another.
	DesktopWidth = 1280
	// PhoneWidth is the width of a common phone held upright (an iPhone 12
	// to 15), for [Width] together with [Mobile].
	PhoneWidth = 390
	// ViewportHeight is the height of the viewport.
	ViewportHeight = 800
)

// An Option sets how [Browser.Audit], [Browser.Screenshot] and
// [Browser.Overflow] show a page.
type Option func(*view)

// view is how a page is shown: its viewport and the emulated media features.
type view struct {
	width  int
	height int
	mobile bool
	scheme string // "", "light" or "dark"
	err    error  // of an invalid option, returned by the call
}

// Width sets the width of the viewport in CSS pixels; without it the page is
// [DesktopWidth] wide. A width below 1 makes the call fail.
func Width(px int) Option {
	return func(v *view) {
		if px < 1 {
			v.err = fmt.Errorf("browser: viewport width %d", px)
			return
		}
		v.width = px
	}
}

// ColorScheme emulates the colour scheme the reader prefers, "light" or
// "dark", as the CSS media feature prefers-color-scheme reports it; the
// style of the page under @media (prefers-color-scheme: dark) applies with
// "dark" only. Without it, headless Chromium prefers light. Any other value
// makes the call fail.
func ColorScheme(scheme string) Option {
	return func(v *view) {
		if scheme != "light" && scheme != "dark" {
			v.err = fmt.Errorf("browser: colour scheme %q, want light or dark", scheme)
			return
		}
		v.scheme = scheme
	}
}

// Mobile emulates a phone's browser: the page's <meta name="viewport"> sets
// the layout width (so a page without one is laid out 980 pixels wide, as a
// phone does), scrollbars overlay the page instead of taking width from it,
// and touch events are on. Use it with [Width]([PhoneWidth]).
func Mobile() Option {
	return func(v *view) { v.mobile = true }
}

// newView applies opts to the default view, DesktopWidth × ViewportHeight,
// not mobile, with the browser's own colour scheme.
func newView(opts []Option) (view, error) {
	v := view{width: DesktopWidth, height: ViewportHeight}
	for _, o := range opts {
		o(&v)
	}
	return v, v.err
}

// actions are the steps that set the view up in a tab, before it navigates.
func (v view) actions() []chromedp.Action[chromedp.Void] {
	var vo []chromedp.EmulateViewportOption
	if v.mobile {
		vo = append(vo, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(int64(v.width), int64(v.height), vo...)}
	if v.scheme != "" {
		features := []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v.scheme}}
		steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
			return err
		}))
	}
	return steps
}

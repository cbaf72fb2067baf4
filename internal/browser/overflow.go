package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// MaxWide is the most elements that [Overflow.Wide] lists.
const MaxWide = 20

// Overflow says whether a page scrolls sideways, as [Browser.Overflow]
// measured it.
type Overflow struct {
	// ScrollWidth is document.documentElement.scrollWidth: how wide the
	// page is, in CSS pixels.
	ScrollWidth int `json:"scrollWidth"`
	// ClientWidth is document.documentElement.clientWidth: how wide the
	// viewport is, less any vertical scrollbar.
	ClientWidth int `json:"clientWidth"`
	// Wide are the elements whose box or own text (a long word that does
	// not wrap) reaches past the left or the right edge of the viewport,
	// the furthest first (and in the order of the document when as far),
	// at most MaxWide of them. An element inside a box of its
	// own that scrolls sideways (CSS overflow-x auto or scroll, below
	// <body>) is not counted, as the reader can scroll that box; an element
	// cut off by overflow hidden or clip is, as the reader cannot reach the
	// part cut off.
	Wide []WideElement `json:"wide"`
	// WideCount is how many elements reach past the viewport; Wide lists
	// the first of them.
	WideCount int `json:"wideCount"`
}

// WideElement is an element that reaches past the edge of the viewport.
type WideElement struct {
	// Selector is a CSS selector of the element: a path of tag names, with
	// :nth-of-type where they are ambiguous, from the nearest ancestor with
	// an id or from <html>.
	Selector string `json:"selector"`
	// HTML is the start of the element's markup, with each run of white
	// space made one space.
	HTML string `json:"html"`
	// Left and Right are the outer edges of the element's border box and
	// its own text together, in CSS pixels from the left edge of the
	// viewport.
	Left  float64 `json:"left"`
	Right float64 `json:"right"`
}

// Sideways reports whether the page scrolls sideways or has an element that
// reaches past the viewport.
func (o Overflow) Sideways() bool {
	return o.ScrollWidth > o.ClientWidth || o.WideCount > 0
}

// String gives the widths and the elements that reach past, one per line.
func (o Overflow) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "scrollWidth %d, clientWidth %d, %d elements reach past the viewport", o.ScrollWidth, o.ClientWidth, o.WideCount)
	for _, w := range o.Wide {
		fmt.Fprintf(&s, "\n    %s (from %.1f to %.1f px)\n        %s", w.Selector, w.Left, w.Right, w.HTML)
	}
	if o.WideCount > len(o.Wide) {
		fmt.Fprintf(&s, "\n    and %d more", o.WideCount-len(o.Wide))
	}
	return s.String()
}

// overflowJS measures the page as [Overflow] describes. The tolerance of
// half a pixel allows for rounding of fractional layout.
var overflowJS = fmt.Sprintf(`(async () => {
	await document.fonts.ready;
	const root = document.documentElement, cw = root.clientWidth;
	// inScroller: a or an ancestor of it, below <body>, scrolls sideways.
	const inScroller = a => {
		for (; a && a !== document.body && a !== root; a = a.parentElement) {
			const o = getComputedStyle(a).overflowX;
			if (o === "auto" || o === "scroll") return true;
		}
		return false;
	};
	const selector = e => {
		const parts = [];
		for (; e; e = e.parentElement) {
			if (e.id) { parts.unshift("#" + CSS.escape(e.id)); break; }
			let s = e.localName;
			const p = e.parentElement;
			if (p) {
				const same = Array.from(p.children).filter(c => c.localName === e.localName);
				if (same.length > 1) s += ":nth-of-type(" + (same.indexOf(e) + 1) + ")";
			}
			parts.unshift(s);
		}
		return parts.join(" > ");
	};
	const reach = new Map(); // element -> {left, right} of it and its own text, where past the viewport
	const note = (e, r) => {
		if (r.width === 0 && r.height === 0) return;
		if (r.right - cw <= 0.5 && r.left >= -0.5) return;
		const m = reach.get(e);
		reach.set(e, m ? {left: Math.min(m.left, r.left), right: Math.max(m.right, r.right)} : {left: r.left, right: r.right});
	};
	if (document.body) {
		for (const e of document.body.querySelectorAll("*")) {
			if (!inScroller(e.parentElement)) note(e, e.getBoundingClientRect());
		}
		// Text that overflows its element (a long word or address) leaves
		// the element's box in place: its text is measured too.
		const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let t = texts.nextNode(); t; t = texts.nextNode()) {
			const e = t.parentElement;
			if (!e || !t.data.trim() || inScroller(e)) continue;
			range.selectNodeContents(t);
			note(e, range.getBoundingClientRect());
		}
	}
	const wide = [];
	for (const e of document.body ? document.body.querySelectorAll("*") : []) { // in the order of the document
		const m = reach.get(e);
		if (m) wide.push({e, left: m.left, right: m.right, past: Math.max(m.right - cw, -m.left)});
	}
	wide.sort((a, b) => b.past - a.past); // stable: document order when as far
	return JSON.stringify({
		scrollWidth: root.scrollWidth, clientWidth: cw, wideCount: wide.length,
		wide: wide.slice(0, %d).map(w => ({
			selector: selector(w.e), html: w.e.outerHTML.slice(0, 200).replace(/\s+/g, " "),
			left: w.left, right: w.right,
		})),
	});
})()`, MaxWide)

// Overflow opens the page html in a new tab, shown as opts say (without a
// [Width], [DesktopWidth] wide), and measures whether it scrolls sideways.
// Elements moved off the screen on purpose (a visually hidden label at
// left:-10000px) count too.
func (b *Browser) Overflow(ctx context.Context, html string, opts ...Option) (Overflow, error) {
	v, err := newView(opts)
	if err != nil {
		return Overflow{}, err
	}
	var out string
	err = b.page(ctx, html, v, func(tctx context.Context) error {
		var err error
		out, err = chromedp.Run(tctx, chromedp.Evaluate[string](overflowJS, chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("measuring the page's width: %w", err)
		}
		return nil
	})
	if err != nil {
		return Overflow{}, err
	}
	var o Overflow
	if err := json.Unmarshal([]byte(out), &o); err != nil {
		return Overflow{}, fmt.Errorf("browser: the page's width: %w", err)
	}
	return o, nil
}

// Package browser runs HTML pages in a real, headless Chromium: it audits them
// for accessibility with axe-core, measures whether they scroll sideways and
// takes screenshots of them.
//
// Each call shows its page as its options say: [Width] of the viewport (a
// desktop's [DesktopWidth] unless set), [Mobile] for a phone's browser, and
// [ColorScheme] for the colour scheme the reader prefers, so that a page's
// dark style and its narrow layout are audited as a reader would see them.
//
// It drives the Chromium that the system has installed (Debian's package
// chromium) through the DevTools protocol with github.com/chromedp/chromedp; it
// downloads nothing. axe-core is a JavaScript file installed with npm, outside
// the repository. [Chromium] and [AxeScript] find the two and say how to
// install whichever is missing; their errors wrap [ErrNotInstalled].
//
// Every page is served from a server on 127.0.0.1 that lives only as long as
// the call, and the browser resolves no other host name, so a page that is
// meant to stand alone cannot quietly load anything from the network. Every
// call runs under a time limit, and the browser, its processes and its
// temporary profile directory are gone when a [Browser] is closed.
package browser

package browser

import "testing"

// SetChromiumNames replaces the executables that Chromium looks for until the
// end of the test.
func SetChromiumNames(t *testing.T, names ...string) {
	old := chromiumNames
	chromiumNames = names
	t.Cleanup(func() { chromiumNames = old })
}

package book

import (
	"io"
	"strings"
	"testing"
)

func TestSkipTo(t *testing.T) {
	for _, prefix := range []string{"", "x:"} {
		for pad := 65536 - 60; pad < 65536+20; pad++ {
			doc := "<worksheet><sheetData>" + strings.Repeat(" ", pad) + "<c>hyperlinks &lt;hyperlinks</c></sheetData><" +
				prefix + "hyperlinks><" + prefix + `hyperlink ref="A1" location="Sheet2!A1"/></` + prefix + "hyperlinks></worksheet>"
			r := skipTo(strings.NewReader(doc), "hyperlinks")
			if r == nil {
				t.Fatalf("pad %d prefix %q: not found", pad, prefix)
			}
			b, _ := io.ReadAll(r)
			if want := "<" + prefix + "hyperlinks>"; !strings.HasPrefix(string(b), want) {
				t.Fatalf("pad %d prefix %q: reads from %.30q", pad, prefix, b)
			}
		}
	}
	if skipTo(strings.NewReader("<worksheet><sheetData/></worksheet>"), "hyperlinks") != nil {
		t.Error("found hyperlinks in a sheet without them")
	}
}

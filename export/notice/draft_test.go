package notice

import (
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"
)

// A register that records every item Articles 13 and 14 require gives a
// notice with no draft banner, under both regimes, before and after the
// DUAA changes; one that lacks items gives a notice that says, in every
// format, that it is a draft and what is missing.
func TestDraftBanner(t *testing.T) {
	for _, r := range []lawfulbasis.Regime{lawfulbasis.UK, lawfulbasis.EU} {
		for _, at := range []string{"2025-06-01", "2026-02-05", "2026-11-23"} {
			n := mustGenerate(t, full(r), mustDay(t, at))
			if n.Draft() || len(n.Missing()) > 0 {
				t.Errorf("%v %s: complete register gives a draft; missing %+v", r, at, n.Missing())
			}
			for format, out := range map[string]string{"md": n.Markdown(), "txt": n.Text(), "html": htmlText(n.HTML())} {
				if strings.Contains(strings.ToLower(out), "draft") {
					t.Errorf("%v %s %s: complete register's notice mentions a draft", r, at, format)
				}
			}
		}
	}

	n := mustGenerate(t, small(lawfulbasis.UK, lawfulbasis.Contract), day(2026, 11, 23))
	if !n.Draft() {
		t.Fatal("register with no transfers, decisions or sources stated: not a draft")
	}
	var arts []string
	for _, it := range n.Missing() {
		arts = append(arts, it.Article)
	}
	want := []string{"13(1)(f)", "13(2)(f)", "14(1)(d)", "14(2)(f)"}
	if strings.Join(arts, " ") != strings.Join(want, " ") {
		t.Errorf("Missing() = %v, want %v", arts, want)
	}
	for format, out := range map[string]string{"md": mdText(n.Markdown()), "txt": flat(n.Text()), "html": htmlText(n.Page())} {
		out = flat(out)
		head := out
		if i := strings.Index(out, "Who we are"); i >= 0 {
			head = out[:i]
		}
		if !strings.Contains(head, "Draft: not ready to publish") && !strings.Contains(head, "DRAFT: NOT READY TO PUBLISH") {
			t.Errorf("%s: no draft banner before the first section:\n%s", format, head)
		}
		for _, art := range want {
			if !strings.Contains(head, "Art "+art+",") {
				t.Errorf("%s: banner does not list Art %s", format, art)
			}
		}
	}
	if strings.Contains(mustGenerate(t, full(lawfulbasis.UK), lawDay).Page(), `class="draft"`) {
		t.Error("complete register's page has a draft section")
	}
	if !strings.Contains(n.Page(), `<section class="draft" aria-labelledby="draft">`) {
		t.Error("HTML banner is not a labelled section")
	}
}

// mustDay parses a YYYY-MM-DD date.
func mustDay(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

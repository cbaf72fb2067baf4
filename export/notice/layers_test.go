package notice

import (
	"strings"
	"testing"

	"github.com/article30/article30/ropa"
)

// texts are the paragraphs of a notice as a reader meets them, outside the
// draft banner: each paragraph, each link (its label included), and each
// list item that explains something under a label ("Right of access: You
// can ...", "Information about your health: we need to ..."). A list item
// without a label and a table cell are the register's own entries (a
// purpose, a recipient, a retention period), which a section lists for
// each group they concern.
func texts(n *Notice) []string {
	var out []string
	for _, s := range n.Sections {
		for _, bl := range s.Blocks {
			switch b := bl.(type) {
			case Paragraph:
				out = append(out, b.Text)
			case List:
				for _, it := range b.Items {
					if strings.Contains(it, ": ") {
						out = append(out, it)
					}
				}
			case Link:
				out = append(out, linkText(b))
			case Links:
				for _, l := range b.Items {
					out = append(out, linkText(l))
				}
			}
		}
	}
	return out
}

// allNotices returns the notice of every seed register and of the HR
// example, for everyone and for each group, by a name for messages.
func allNotices(t *testing.T) map[string]*Notice {
	t.Helper()
	names, regs := seedRegisters(t)
	hr, err := ropa.Load("../../examples/hr/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	names, regs["hr"] = append(names, "hr"), hr
	out := map[string]*Notice{}
	for _, name := range names {
		all := mustGenerate(t, regs[name], lawDay)
		out[name+"/all"] = all
		for _, s := range all.Audience {
			out[name+"/"+audienceFile(s)] = mustGenerate(t, regs[name], lawDay, Audience(s))
		}
	}
	return out
}

// No paragraph of 12 words or more appears twice in a notice.
func TestNoRepeatedParagraphs(t *testing.T) {
	for name, n := range allNotices(t) {
		seen := map[string]bool{}
		for _, p := range texts(n) {
			if wordCount(p) < repeatWords {
				continue
			}
			if seen[p] {
				t.Errorf("%s: said twice: %q", name, p)
			}
			seen[p] = true
		}
	}
}

// The first layer has at most 300 words, names every group of the
// audience, and links into the full notice: to each group's section, the
// rights and the complaints; the contents list every main section.
func TestFirstLayer(t *testing.T) {
	for name, n := range allNotices(t) {
		if len(n.Sections) < 2 || n.Sections[0].Heading != "Summary" && n.Sections[0].Heading != "In short" {
			t.Fatalf("%s: no first layer", name)
		}
		first := n.Sections[0]
		if w := sectionWords(first); w > firstLayerWords {
			t.Errorf("%s: first layer has %d words, want at most %d", name, w, firstLayerWords)
		}
		ids := map[string]bool{}
		for _, s := range n.Sections {
			if ids[s.ID] || s.ID == "" {
				t.Errorf("%s: section %q has an empty or repeated ID %q", name, s.Heading, s.ID)
			}
			ids[s.ID] = true
		}
		var targets []string
		for _, s := range n.Sections {
			for _, bl := range s.Blocks {
				var ls []Link
				switch b := bl.(type) {
				case Link:
					ls = []Link{b}
				case Links:
					ls = b.Items
				}
				for _, l := range ls {
					if !ids[l.Target] {
						t.Errorf("%s: link %q goes to no section (%q)", name, l.Label, l.Target)
					}
					if s.Heading == first.Heading {
						targets = append(targets, l.Target)
					}
				}
			}
		}
		for _, want := range []string{"your-rights", "how-to-complain"} {
			if !strings.Contains(strings.Join(targets, " "), want) {
				t.Errorf("%s: first layer does not link to %s", name, want)
			}
		}
		contents := n.Sections[1]
		if !contents.Nav {
			t.Errorf("%s: second section is not the contents", name)
		}
		if !strings.Contains(n.Page(), `<nav aria-labelledby="contents">`) {
			t.Errorf("%s: no <nav> in the page", name)
		}
		level2 := 0
		for _, s := range n.Sections[2:] {
			if s.Level == 2 {
				level2++
			}
		}
		if got := len(contents.Blocks[0].(Links).Items); got != level2 {
			t.Errorf("%s: contents list %d sections, want %d", name, got, level2)
		}
	}
}

// fullWords counts the words of the full notice: every section after the
// first layer and the contents, headings included.
func fullWords(n *Notice) int {
	w := 0
	for _, s := range n.Sections {
		if s.Nav || s.Heading == n.Sections[0].Heading {
			continue
		}
		w += sectionWords(s)
	}
	return w
}

// The HR example's full notice (two activities, three groups) is at most
// 1,200 words (issue 17; it was 2,243 before the notice was layered).
func TestHRFullNoticeWords(t *testing.T) {
	hr, err := ropa.Load("../../examples/hr/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := mustGenerate(t, hr, lawDay)
	if w := fullWords(n); w > 1200 {
		t.Errorf("HR full notice has %d words, want at most 1,200", w)
	} else {
		t.Logf("HR full notice: %d words; first layer: %d", w, sectionWords(n.Sections[0]))
	}
}

package notice

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/article30/article30/ropa"
)

// Changes is what a reader of the notice would see change between the
// notices of two versions of a register: sections added, removed and
// reworded, each with the lines (paragraphs, list items, table rows)
// removed and added and the register fields they came from. People must be
// told of changes to how their information is used (Art 13(3), 14(4) and
// the transparency principle of Art 5(1)(a) and 12(1)); [Changes.Section]
// is a "What changed" section an organisation can add to its notice.
type Changes struct {
	// Sections are the changed sections, in the order of the new notice,
	// then the removed ones in the order of the old.
	Sections []SectionChange
}

// SectionChange is one changed section of a notice.
type SectionChange struct {
	// Heading names the section: a subsection as "Group section ›
	// subsection".
	Heading string
	// Kind is "added", "removed" or "reworded".
	Kind string
	// Removed and Added are the lines of the old notice not in the new,
	// and of the new not in the old.
	Removed, Added []Line
}

// Line is a line of a notice: a paragraph, a list item or a table row
// (its cells joined with " | "), with the register fields it came from
// ([Section.Sources]).
type Line struct {
	Text    string
	Sources []string
}

// Diff returns what changes in the notice when the register changes from
// old to new: both notices are generated for the day of at with opts (the
// same audience), and their sections compared by heading, and their lines as text.
// The first layer and the contents, which repeat the sections, are left
// out. The result is deterministic: the same registers and options give
// the same changes.
func Diff(old, new *ropa.Register, at time.Time, opts ...Option) (*Changes, error) {
	a, err := Generate(old, at, opts...)
	if err != nil {
		return nil, fmt.Errorf("old register: %w", err)
	}
	b, err := Generate(new, at, opts...)
	if err != nil {
		return nil, fmt.Errorf("new register: %w", err)
	}
	return diffNotices(a, b), nil
}

// keyedSection is a section with the heading that names it in a diff and
// its lines.
type keyedSection struct {
	key   string
	lines []Line
}

// diffSections lists the sections of n that a diff compares.
func diffSections(n *Notice) []keyedSection {
	ph := n.draftPhrases()
	var out []keyedSection
	parent := ""
	for i := 2; i < len(n.Sections); i++ { // after the first layer and the contents
		s := n.Sections[i]
		key := s.Heading
		if s.Level == 2 {
			parent = s.Heading
		} else {
			key = parent + " › " + s.Heading
		}
		if s.Nav || s.Heading == ph.summaryHeading {
			continue
		}
		ks := keyedSection{key: key}
		for j, bl := range s.Blocks {
			var src []string
			if j < len(s.Sources) {
				src = s.Sources[j]
			}
			add := func(t string) { ks.lines = append(ks.lines, Line{Text: t, Sources: src}) }
			switch b := bl.(type) {
			case Paragraph:
				add(b.Text)
			case List:
				for _, it := range b.Items {
					add(it)
				}
			case Link:
				add(linkText(b))
			case Links:
				for _, l := range b.Items {
					add(linkText(l))
				}
			case Table:
				for _, r := range b.Rows {
					add(strings.Join(r, " | "))
				}
			}
		}
		out = append(out, ks)
	}
	return out
}

// minus returns the lines of a not in b, counting repeats.
func minus(a, b []Line) []Line {
	left := map[string]int{}
	for _, l := range b {
		left[l.Text]++
	}
	var out []Line
	for _, l := range a {
		if left[l.Text] > 0 {
			left[l.Text]--
			continue
		}
		out = append(out, l)
	}
	return out
}

func diffNotices(a, b *Notice) *Changes {
	olds, news := diffSections(a), diffSections(b)
	oldBy := map[string]keyedSection{}
	for _, s := range olds {
		oldBy[s.key] = s
	}
	newBy := map[string]bool{}
	c := &Changes{}
	for _, s := range news {
		newBy[s.key] = true
		o, ok := oldBy[s.key]
		if !ok {
			if len(s.lines) > 0 {
				c.Sections = append(c.Sections, SectionChange{Heading: s.key, Kind: "added", Added: s.lines})
			}
			continue
		}
		rem, add := minus(o.lines, s.lines), minus(s.lines, o.lines)
		if len(rem) > 0 || len(add) > 0 {
			c.Sections = append(c.Sections, SectionChange{Heading: s.key, Kind: "reworded", Removed: rem, Added: add})
		}
	}
	for _, s := range olds {
		if !newBy[s.key] && len(s.lines) > 0 {
			c.Sections = append(c.Sections, SectionChange{Heading: s.key, Kind: "removed", Removed: s.lines})
		}
	}
	return c
}

// Section returns a "What changed" section, for adding to the new notice:
// one list item per changed section, with what it now says.
func (c *Changes) Section() Section {
	s := Section{Heading: changeWords.heading, Level: 2}
	if len(c.Sections) == 0 {
		s.Blocks = []Block{Paragraph{Text: changeWords.nothing}}
		return s
	}
	var items []string
	for _, sc := range c.Sections {
		switch sc.Kind {
		case "added":
			items = append(items, sprintf(changeWords.added, sc.Heading))
		case "removed":
			items = append(items, sprintf(changeWords.removed, sc.Heading))
		default:
			items = append(items, sprintf(changeWords.changed, sc.Heading))
		}
	}
	s.Blocks = []Block{Paragraph{Text: changeWords.lead}, List{Items: items}}
	return s
}

// Markdown writes the changes: a heading per changed section, then its
// removed lines ("- " with "Removed:") and added lines ("Added:"), each
// escaped as [Notice.Markdown] escapes text.
func (c *Changes) Markdown() string {
	var b []byte
	b = append(b, "# Changes to the privacy notice\n"...)
	if len(c.Sections) == 0 {
		return string(append(b, "\nNo changes.\n"...))
	}
	for _, sc := range c.Sections {
		b = append(b, "\n## "...)
		b = appendMD(b, sc.Heading+" ("+sc.Kind+")")
		b = append(b, "\n\n"...)
		for _, l := range sc.Removed {
			b = append(b, "- Removed: "...)
			b = appendMD(b, l.Text)
			b = append(b, '\n')
		}
		for _, l := range sc.Added {
			b = append(b, "- Added: "...)
			b = appendMD(b, l.Text)
			b = append(b, '\n')
		}
	}
	return string(b)
}

// Text writes the changes as plain text, wrapped as [Notice.Text] wraps.
func (c *Changes) Text() string {
	var b []byte
	b = appendUnderlined(b, "Changes to the privacy notice", '=')
	if len(c.Sections) == 0 {
		return string(append(b, "\nNo changes.\n"...))
	}
	for _, sc := range c.Sections {
		b = append(b, '\n')
		b = appendUnderlined(b, sc.Heading+" ("+sc.Kind+")", '-')
		b = append(b, '\n')
		for _, l := range sc.Removed {
			b = appendWrapped(b, "Removed: "+l.Text, "  - ", "    ")
		}
		for _, l := range sc.Added {
			b = appendWrapped(b, "Added: "+l.Text, "  - ", "    ")
		}
	}
	return string(b)
}

// HTML writes the changes as an HTML fragment: a section per changed
// section, removed lines in <del> and added lines in <ins>, each with a
// data-source attribute naming the register fields it came from.
func (c *Changes) HTML() string {
	var b []byte
	b = append(b, "<h1>Changes to the privacy notice</h1>\n"...)
	if len(c.Sections) == 0 {
		return string(append(b, "<p>No changes.</p>\n"...))
	}
	line := func(tag string, l Line) {
		b = append(b, `<li data-source="`...)
		b = append(b, html.EscapeString(strings.Join(l.Sources, " "))...)
		b = append(b, `"><`+tag+`>`...)
		b = appendInline(b, l.Text)
		b = append(b, `</`+tag+`></li>`+"\n"...)
	}
	for _, sc := range c.Sections {
		b = append(b, "<section>\n<h2>"...)
		b = appendInline(b, sc.Heading+" ("+sc.Kind+")")
		b = append(b, "</h2>\n<ul>\n"...)
		for _, l := range sc.Removed {
			line("del", l)
		}
		for _, l := range sc.Added {
			line("ins", l)
		}
		b = append(b, "</ul>\n</section>\n"...)
	}
	return string(b)
}

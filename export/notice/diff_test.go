package notice

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

func loadHR(t *testing.T) *ropa.Register {
	t.Helper()
	reg, err := ropa.Load("../../examples/hr/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// Diff on edits of the HR example and a seed register: what a reader would
// see change, traced to the register fields, and nothing else.
func TestDiff(t *testing.T) {
	t.Run("same register", func(t *testing.T) {
		c, err := Diff(loadHR(t), loadHR(t), lawDay)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Sections) != 0 {
			t.Errorf("changes between equal registers: %+v", c.Sections)
		}
		if got := c.Section(); len(got.Blocks) != 1 || got.Blocks[0].(Paragraph).Text != "Nothing in this notice has changed." {
			t.Errorf("What changed = %+v", got)
		}
	})
	t.Run("retention period", func(t *testing.T) {
		old, new := loadHR(t), loadHR(t)
		new.Activities[1].Retention[0].Rule = retention.MustParse("P7Y from termination-of-employment")
		c, err := Diff(old, new, lawDay)
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Sections) != 1 {
			t.Fatalf("changes = %+v, want one section", c.Sections)
		}
		sc := c.Sections[0]
		if sc.Heading != "Information about employees and former employees › How long we keep your information" || sc.Kind != "reworded" {
			t.Errorf("changed section %q (%s)", sc.Heading, sc.Kind)
		}
		if len(sc.Removed) != 1 || !strings.Contains(sc.Removed[0].Text, "6 years") || len(sc.Added) != 1 || !strings.Contains(sc.Added[0].Text, "7 years") {
			t.Errorf("removed %+v, added %+v", sc.Removed, sc.Added)
		}
		if !slices.Contains(sc.Added[0].Sources, "activities[1].retention[0]") {
			t.Errorf("added line's sources %q lack activities[1].retention[0]", sc.Added[0].Sources)
		}
		for _, f := range []string{c.Markdown(), c.Text(), c.HTML()} {
			if !strings.Contains(flat(f), "7 years") {
				t.Errorf("rendering lacks the new period:\n%s", f)
			}
		}
		if !strings.Contains(c.HTML(), `<li data-source="activities[1].retention[0]"><ins>`) {
			t.Errorf("HTML:\n%s", c.HTML())
		}
	})
	t.Run("recipient added, group removed", func(t *testing.T) {
		_, regs := seedRegisters(t)
		old := regs["harris-careers"]
		_, regs2 := seedRegisters(t)
		new := regs2["harris-careers"]
		new.Activities[0].Recipients = append(new.Activities[0].Recipients, ropa.Recipient{Name: "New Analytics Ltd", Kind: ropa.Processor})
		c1, err := Diff(old, new, lawDay)
		if err != nil {
			t.Fatal(err)
		}
		c2, _ := Diff(old, new, lawDay)
		if diff := cmp.Diff(c1, c2); diff != "" {
			t.Errorf("not deterministic:\n%s", diff)
		}
		found := false
		for _, sc := range c1.Sections {
			for _, l := range sc.Added {
				if strings.Contains(l.Text, "New Analytics Ltd") {
					found = true
					if !strings.Contains(sc.Heading, "Who we share your information with") {
						t.Errorf("the recipient is in %q", sc.Heading)
					}
				}
			}
			for _, l := range sc.Removed {
				t.Errorf("a line removed by adding a recipient: %q in %q", l.Text, sc.Heading)
			}
		}
		if !found {
			t.Errorf("the new recipient is not among the changes: %+v", c1.Sections)
		}
		// The other way round, the recipient is removed.
		back, _ := Diff(new, old, lawDay)
		if len(back.Sections) == 0 || len(back.Sections[0].Removed) == 0 {
			t.Errorf("reverse diff = %+v", back.Sections)
		}
	})
	t.Run("activity removed", func(t *testing.T) {
		old, new := loadHR(t), loadHR(t)
		new.Activities = new.Activities[:1] // employees and former employees go
		c, err := Diff(old, new, lawDay)
		if err != nil {
			t.Fatal(err)
		}
		var removed []string
		for _, sc := range c.Sections {
			if sc.Kind == "removed" {
				removed = append(removed, sc.Heading)
			}
		}
		if !slices.ContainsFunc(removed, func(h string) bool { return strings.HasPrefix(h, "Information about employees and former employees") }) {
			t.Errorf("removed sections %q lack the employees'", removed)
		}
		what := c.Section()
		if !strings.Contains(strings.Join(items(&what), " "), "Removed: Information about employees and former employees") {
			t.Errorf("What changed = %q", items(&what))
		}
	})
}

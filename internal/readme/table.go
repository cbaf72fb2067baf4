package readme

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// RuleTable renders the rule catalogue as a Markdown table: each rule's
// ID, severity, the regimes and dates it applies to, its citation under
// each regime and what it means.
func RuleTable(rules []ropa.Rule) string {
	var b strings.Builder
	b.WriteString("| ID | severity | applies | citation | what it checks |\n")
	b.WriteString("| --- | --- | --- | --- | --- |\n")
	for i := range rules {
		r := &rules[i]
		regimes := r.Regimes
		if len(regimes) == 0 {
			regimes = []lawfulbasis.Regime{lawfulbasis.UK, lawfulbasis.EU}
		}
		var names, cites []string
		for _, g := range regimes {
			names = append(names, strings.ToUpper(g.String()))
			if c := r.Cite(g, lawfulbasis.LawAsOf); !slices.Contains(cites, c) {
				cites = append(cites, c)
			}
		}
		applies := strings.Join(names, ", ")
		if !r.From.IsZero() {
			applies += " from " + r.From.Format(time.DateOnly)
		}
		if !r.Until.IsZero() {
			applies += " until " + r.Until.Format(time.DateOnly)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", r.ID, r.Severity, applies,
			strings.Join(cites, "; "), strings.ReplaceAll(r.Summary, "|", "\\|"))
	}
	return b.String()
}

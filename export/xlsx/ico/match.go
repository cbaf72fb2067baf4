package ico

// This file matches headings to the template's columns and finds the
// heading row.

import (
	"slices"
	"strings"

	"github.com/article30/article30/export/xlsx/internal/tpl"
)

// signature is a signature: words that must all appear in a heading (a word of
// four letters or more also matches a longer word it starts) and words that
// must not.
type signature struct{ need, not []string }

func (g signature) match(toks []string) bool {
	for _, w := range g.need {
		if !hasWord(toks, w) {
			return false
		}
	}
	for _, w := range g.not {
		if hasWord(toks, w) {
			return false
		}
	}
	return true
}

func hasWord(toks []string, w string) bool {
	for _, t := range toks {
		if t == w || len(w) >= 4 && strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// matcher recognises the headings of one record's columns.
type matcher struct {
	variants [][]string    // per column: further exact headings
	sigs     [][]signature // per column: signatures
}

func signatures(specs ...string) []signature {
	out := make([]signature, 0, len(specs))
	for _, s := range specs {
		var g signature
		for _, w := range strings.Fields(s) {
			if strings.HasPrefix(w, "!") {
				g.not = append(g.not, w[1:])
			} else {
				g.need = append(g.need, w)
			}
		}
		out = append(out, g)
	}
	return out
}

// controllerMatch knows the headings of the 30 controller columns in
// their hand-kept variants, indexed like icoLayout.Controller.
var controllerMatch = matcher{
	variants: [][]string{
		tpl.ColBusinessFunction:    {"Business area", "Department", "Function"},
		tpl.ColPurpose:             {"Purpose", "Purposes", "Purpose(s) of processing"},
		tpl.ColJointController:     {"Joint controller", "Joint controllers"},
		tpl.ColIndividuals:         {"Categories of data subjects", "Data subjects", "Individuals"},
		tpl.ColPersonalData:        {"Personal data", "Data categories", "Types of personal data"},
		tpl.ColRecipients:          {"Recipients"},
		tpl.ColProcessorContract:   {"Processor contract", "Contract with processor"},
		tpl.ColThirdCountries:      {"Third countries", "International transfers"},
		tpl.ColSafeguards:          {"Safeguards", "Transfer safeguards"},
		tpl.ColRetention:           {"Retention", "Retention period"},
		tpl.ColSecurity:            {"Security measures", "Security"},
		tpl.ColArticle6:            {"Lawful basis", "Article 6 lawful basis", "Article 6 lawful basis for processing"},
		tpl.ColArticle9:            {"Article 9 condition", "Special category condition"},
		tpl.ColLegitimateInterests: {"Legitimate interests"},
		tpl.ColLIA:                 {"Legitimate interests assessment", "LIA"},
		tpl.ColRights:              {"Rights", "Individuals' rights"},
		tpl.ColAutomated:           {"Automated decision-making", "Profiling"},
		tpl.ColSource:              {"Source", "Source of personal data", "Source of the data"},
		tpl.ColConsentRecord:       {"Consent record", "Record of consent"},
		tpl.ColLocation:            {"Location", "Where held"},
		tpl.ColDPIARequired:        {"DPIA required?", "DPIA required"},
		tpl.ColDPIAProgress:        {"DPIA progress", "DPIA status"},
		tpl.ColDPIALink:            {"DPIA", "Link to DPIA", "DPIA link"},
		tpl.ColBreach:              {"Breach?", "Breach occurred?", "Has a breach occurred?"},
		tpl.ColBreachLink:          {"Breach record", "Link to breach record"},
		tpl.ColSch1Condition:       {"Schedule 1 Condition", "Schedule Condition", "DPA 2018 Schedule 1 condition for processing", "Schedule 1 condition for processing"},
		tpl.ColSch1Article6:        {"GDPR Article 6 lawful basis", "UK GDPR Article 6 lawful basis for processing"},
		tpl.ColPolicyDocument:      {"Appropriate policy document", "Link to policy document", "Retention and erasure policy"},
		tpl.ColFollowsPolicy:       {"In accordance with policy document?"},
		tpl.ColPolicyReasons:       {"Reasons for not adhering to policy", "Reasons"},
	},
	sigs: [][]signature{
		tpl.ColBusinessFunction:    signatures("business function", "business area", "business unit", "department", "service area", "directorate"),
		tpl.ColPurpose:             signatures("purpose"),
		tpl.ColJointController:     signatures("joint controller"),
		tpl.ColIndividuals:         signatures("individual !right", "data subject !right !source", "category subject"),
		tpl.ColPersonalData:        signatures("category personal data", "type personal data", "category data !special !condition !subject !individual !criminal", "personal data !lawful !breach !location !source !transfer !retain !safeguard !country !article !policy !erase !subject"),
		tpl.ColRecipients:          signatures("recipient"),
		tpl.ColProcessorContract:   signatures("contract"),
		tpl.ColThirdCountries:      signatures("third country !safeguard", "international organisation !safeguard", "international organization !safeguard", "transfer !safeguard !exceptional"),
		tpl.ColSafeguards:          signatures("safeguard"),
		tpl.ColRetention:           signatures("retention !policy !erasure"),
		tpl.ColSecurity:            signatures("security", "technical organisational", "technical organizational"),
		tpl.ColArticle6:            signatures("lawful basis", "legal basis", "article 6"),
		tpl.ColArticle9:            signatures("article 9", "special category condition", "special category !schedule", "condition special"),
		tpl.ColLegitimateInterests: signatures("legitimate interest !assessment !link !record !lia"),
		tpl.ColLIA:                 signatures("legitimate interest assessment", "lia"),
		tpl.ColRights:              signatures("right"),
		tpl.ColAutomated:           signatures("automated", "profiling", "decision making"),
		tpl.ColSource:              signatures("source"),
		tpl.ColConsentRecord:       signatures("consent"),
		tpl.ColLocation:            signatures("location", "where held", "where stored"),
		tpl.ColDPIARequired:        signatures("impact assessment required", "dpia required", "dpia needed"),
		tpl.ColDPIAProgress:        signatures("impact assessment progress", "impact assessment status", "dpia progress", "dpia status"),
		tpl.ColDPIALink:            signatures("link impact assessment", "link dpia", "impact assessment !required !progress !status", "dpia !required !progress !status !needed"),
		tpl.ColBreach:              signatures("breach !link !record"),
		tpl.ColBreachLink:          signatures("breach link", "breach record"),
		tpl.ColSch1Condition:       signatures("schedule condition", "schedule 1", "sch 1"),
		tpl.ColSch1Article6:        signatures("lawful basis", "legal basis", "article 6"),
		tpl.ColPolicyDocument:      signatures("policy document !accordance !reason !adher !retained", "erasure policy", "appropriate policy", "retention policy !accordance !reason !adher"),
		tpl.ColFollowsPolicy:       signatures("accordance", "retained erased"),
		tpl.ColPolicyReasons:       signatures("reason", "adher !accordance"),
	},
}

// Column indexes of the processor record.
const (
	pcolController = iota
	pcolRepresentative
	pcolProcessing
	pcolThirdCountries
	pcolSafeguards
	pcolSecurity
	numProcessorColumns
)

var processorMatch = matcher{
	variants: [][]string{
		pcolController:     {"Controller", "Name of controller", "Controller name and contact details"},
		pcolRepresentative: {"Controller's representative", "Representative"},
		pcolProcessing:     {"Processing", "Categories of processing carried out"},
		pcolThirdCountries: {"Third countries", "International transfers"},
		pcolSafeguards:     {"Safeguards"},
		pcolSecurity:       {"Security measures", "Security"},
	},
	sigs: [][]signature{
		pcolController:     signatures("controller !representative"),
		pcolRepresentative: signatures("representative"),
		pcolProcessing:     signatures("category processing", "processing !controller !representative !security !transfer !safeguard"),
		pcolThirdCountries: signatures("third country !safeguard", "international organisation !safeguard", "international organization !safeguard", "transfer !safeguard !exceptional"),
		pcolSafeguards:     signatures("safeguard"),
		pcolSecurity:       signatures("security", "technical organisational", "technical organizational"),
	},
}

// candidate is a column a heading may name, with 2 for an exact heading and 1
// for a signature.
type candidate struct{ k, score int }

// compiledMatcher is a matcher for one profile's columns, with the normalised
// headings worked out once.
type compiledMatcher struct {
	m     matcher
	exact map[string][]int // normalised heading -> columns
	n     int
}

func (m matcher) compile(cols []column) *compiledMatcher {
	c := &compiledMatcher{m: m, exact: map[string][]int{}, n: len(cols)}
	add := func(h string, k int) {
		key := strings.Join(tokens(h), " ")
		if key != "" && !slices.Contains(c.exact[key], k) {
			c.exact[key] = append(c.exact[key], k)
		}
	}
	for k, col := range cols {
		add(col.Heading, k)
		if k < len(m.variants) {
			for _, v := range m.variants[k] {
				add(v, k)
			}
		}
	}
	return c
}

// candidates returns the columns a heading may name.
func (c *compiledMatcher) candidates(heading string) []candidate {
	if len(heading) > 400 {
		return nil
	}
	toks := tokens(heading)
	if len(toks) == 0 || len(toks) > 30 {
		return nil
	}
	exact := c.exact[strings.Join(toks, " ")]
	var out []candidate
	for k := 0; k < c.n; k++ {
		score := 0
		if slices.Contains(exact, k) {
			score = 2
		} else if k < len(c.m.sigs) && len(toks) <= 25 {
			for _, g := range c.m.sigs[k] {
				if g.match(toks) {
					score = 1
					break
				}
			}
		}
		if score > 0 {
			out = append(out, candidate{k, score})
		}
	}
	return out
}

// sectionOf recognises a section header of the profile.
func sectionOf(prof layout, cols []column, text string) string {
	toks := tokens(text)
	if len(toks) == 0 {
		return ""
	}
	key := strings.Join(toks, " ")
	seen := map[string]bool{}
	for _, c := range cols {
		if seen[c.Section] {
			continue
		}
		seen[c.Section] = true
		if strings.Join(tokens(c.Section), " ") == key {
			return c.Section
		}
	}
	// The ICO sections by their key words.
	for _, s := range []struct{ sig, section string }{
		{"article 30", tpl.SecRecord}, {"record processing", tpl.SecRecord},
		{"privacy notice", tpl.SecNotices},
		{"consent", tpl.SecConsent},
		{"access request", tpl.SecAccess},
		{"impact assessment", tpl.SecDPIA}, {"dpia", tpl.SecDPIA},
		{"breach", tpl.SecBreaches},
		{"special category", tpl.SecSch1}, {"criminal", tpl.SecSch1}, {"schedule 1", tpl.SecSch1},
	} {
		if signatures(s.sig)[0].match(toks) && seen[s.section] {
			return s.section
		}
	}
	return ""
}

// headingRow is the heading row of a record and the columns it maps.
type headingRow struct {
	row  int         // 0-based row of the headings
	col  map[int]int // record column -> sheet column
	kind map[int]int // sheet column -> record column
	head map[int]string
	last int // last sheet column with a heading
	id   int // sheet column of the organisation's own activity IDs, or -1
}

// isIDHeading recognises a column of activity IDs or references.
func isIDHeading(head string) bool {
	key := strings.Join(tokens(head), " ")
	switch key {
	case "id", "ref", "reference", "activity id", "activity ref", "activity reference", "ref no", "reference number",
		"record id", "processing id", "activity no", "activity number":
		return true
	}
	return strings.HasPrefix(key, "activity id ")
}

// findHeader finds the first of rows that holds headings for columns a
// and b, and maps its columns.
func findHeader(rows [][]string, cols []column, m matcher, a, b int, prof layout) *headingRow {
	if a >= len(cols) || b >= len(cols) {
		return nil
	}
	cm := m.compile(cols)
	for r, row := range rows {
		cands := make([][]candidate, len(row))
		var cellsA, cellsB []int
		for c, text := range row {
			cands[c] = cm.candidates(text)
			for _, x := range cands[c] {
				if x.k == a {
					cellsA = append(cellsA, c)
				}
				if x.k == b {
					cellsB = append(cellsB, c)
				}
			}
		}
		// Two different cells: one sentence naming both is not a heading row.
		if len(cellsA) == 0 || len(cellsB) == 0 || len(cellsA) == 1 && len(cellsB) == 1 && cellsA[0] == cellsB[0] {
			continue
		}
		// Section headers in the row above, carried right across merged cells.
		var sections []string
		if r > 0 {
			sections = make([]string, len(row))
			cur := ""
			above := rows[r-1]
			for c := range row {
				if c < len(above) && above[c] != "" {
					cur = sectionOf(prof, cols, above[c])
				}
				sections[c] = cur
			}
		}
		h := &headingRow{row: r, col: map[int]int{}, kind: map[int]int{}, head: map[int]string{}, last: -1}
		lastK := -1
		for c, text := range row {
			if text == "" {
				continue
			}
			h.head[c] = collapseSpace(text)
			h.last = c
			var free []candidate
			for _, x := range cands[c] {
				if _, taken := h.col[x.k]; !taken {
					free = append(free, x)
				}
			}
			if len(free) == 0 {
				continue
			}
			if len(free) > 1 && sections != nil && sections[c] != "" {
				var in []candidate
				for _, x := range free {
					if cols[x.k].Section == sections[c] {
						in = append(in, x)
					}
				}
				if len(in) > 0 {
					free = in
				}
			}
			if len(free) > 1 {
				var after []candidate
				for _, x := range free {
					if x.k > lastK {
						after = append(after, x)
					}
				}
				if len(after) > 0 {
					free = after
				}
			}
			best := free[0]
			for _, x := range free[1:] {
				if x.score > best.score || x.score == best.score && x.k < best.k {
					best = x
				}
			}
			h.col[best.k] = c
			h.kind[c] = best.k
			lastK = best.k
		}
		h.id = -1
		for c := 0; c <= h.last; c++ {
			if _, mapped := h.kind[c]; !mapped && h.head[c] != "" && isIDHeading(h.head[c]) {
				h.id = c
				break
			}
		}
		return h
	}
	return nil
}

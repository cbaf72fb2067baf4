package ico

// This file reads third countries and transfer safeguards.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/article30/article30/internal/country"
	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// transfers reads third countries and their safeguards. In an activity
// (a non-nil a) a transfer's recipient must be one of the activity's
// recipients: a name in brackets that is not one of them is kept in Notes
// with the column's text, not linked. In a processor record (a nil) it is
// free text.
func (x *rowReader) transfers(dst *[]ropa.Transfer, kCountry, kSafeguard int, a *ropa.Activity) {
	x.transfersRead(dst, kCountry, kSafeguard, a)
	x.ukClauses(*dst, kSafeguard)
}

// ukClauses reports standard contractual clauses named without saying
// which: under the UK regime the EU's clauses are a safeguard only with the
// UK Addendum, and the UK's own instrument is the IDTA, both issued by the
// Commissioner under DPA 2018 s119A and kept usable by DUAA 2025 Sch 9
// para 29; the clauses adopted before 2021 could be relied on only until
// 21 March 2024. "SCCs" is read as none of them, and the candidates are
// named.
func (x *rowReader) ukClauses(ts []ropa.Transfer, kSafeguard int) {
	if x.rd.reg.Jurisdiction != lawfulbasis.UK {
		return
	}
	found := false
	for i := range ts {
		if ts[i].Mechanism == lawfulbasis.SCC {
			ts[i].Mechanism = 0
			found = true
		}
	}
	if found {
		x.fail(kSafeguard, x.raw(kSafeguard), errors.New(`standard contractual clauses under the UK regime could be the EU clauses with the UK Addendum ("uk-addendum"), `+
			`the UK's International Data Transfer Agreement ("idta"), or the clauses adopted before 2021, usable only until 21 March 2024 ("legacy-scc"): write which`))
	}
}

// transfersRead reads the countries and safeguards of a row.
func (x *rowReader) transfersRead(dst *[]ropa.Transfer, kCountry, kSafeguard int, a *ropa.Activity) {
	var uk []string
	unlinked := false
	known := func(s string) bool { _, _, ok := countryRecipient(s); return ok }
	if ans, exact := answerOf(x.raw(kCountry)); ans == ropa.No && exact {
		if strings.TrimSpace(x.raw(kCountry)) == "NO" {
			x.fail(kCountry, "NO", errors.New(`"NO" could mean Norway (the ISO 3166-1 code NO) or no transfers: write "Norway" or "None"`))
		}
		return // "No": no transfers, never Norway
	}
	for _, it := range enumItems(x.raw(kCountry), known, true) {
		code, rcp, ok := countryRecipient(it)
		if !ok {
			x.fail(kCountry, it, fmt.Errorf("unknown country %q; write a country name or its ISO 3166-1 alpha-2 code", it))
			continue
		}
		if code == "GB" {
			uk = append(uk, it) // not a third country under the UK regime
			continue
		}
		if rcp != "" && a != nil {
			i := slices.IndexFunc(a.Recipients, func(r ropa.Recipient) bool { return sameName(r.Name, rcp) })
			if i < 0 {
				rcp, unlinked = "", true
			} else {
				rcp = a.Recipients[i].Name
			}
		}
		if !slices.ContainsFunc(*dst, func(t ropa.Transfer) bool { return t.Country == code && t.Recipient == rcp }) {
			*dst = append(*dst, ropa.Transfer{Country: code, Recipient: rcp})
		}
	}
	if len(uk) > 0 || unlinked {
		countryWhy := "the United Kingdom is not a third country under the UK regime"
		if unlinked {
			countryWhy = "a recipient named in brackets is not one of the activity's recipients"
		}
		x.note(kCountry, x.raw(kCountry), countryWhy)
	}
	text := x.raw(kSafeguard)
	if text == "" {
		return
	}
	ts := *dst
	if len(ts) == 0 {
		x.note(kSafeguard, text, "safeguards are given, but no third country")
		return
	}
	// Lines that name their transfer: "US: Standard contractual clauses".
	done := make([]bool, len(ts))
	var lines []string
	for _, l := range items(text) {
		if head, tail, ok := strings.Cut(l, ":"); ok {
			if code, rcp, ok := countryRecipient(head); ok {
				i := slices.IndexFunc(ts, func(t ropa.Transfer) bool { return t.Country == code && (rcp == "" || sameName(t.Recipient, rcp)) })
				for i >= 0 && done[i] {
					j := slices.IndexFunc(ts[i+1:], func(t ropa.Transfer) bool { return t.Country == code && (rcp == "" || sameName(t.Recipient, rcp)) })
					if j < 0 {
						i = -1
					} else {
						i += 1 + j
					}
				}
				if i >= 0 {
					ts[i].Mechanism, ts[i].Safeguards = mechanismOf(strings.TrimSpace(tail))
					done[i] = true
					continue
				}
			}
		}
		lines = append(lines, l)
	}
	var open []int
	for i := range ts {
		if !done[i] {
			open = append(open, i)
		}
	}
	switch {
	case len(lines) == 0:
	case len(open) == 0:
		x.note(kSafeguard, text, "every transfer has its safeguard from a line naming its country, and these lines name none")
	case len(lines) == len(open):
		for j, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = mechanismOf(lines[j])
		}
	case len(lines) == 1:
		for _, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = mechanismOf(lines[0])
		}
	default:
		var mech lawfulbasis.Mechanism
		same := true
		for _, l := range lines {
			m, _ := mechanismOf(l)
			if m != 0 && mech != 0 && m != mech {
				same = false
			}
			if m != 0 {
				mech = m
			}
		}
		if !same {
			mech = 0
		}
		for _, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = mech, strings.Join(lines, "\n")
		}
	}
}

// sameName reports whether two names are the same but for case and
// spacing.
func sameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// countryRecipient reads a country, or a country with its recipient in
// parentheses: "US (Mail provider)".
func countryRecipient(s string) (code, recipient string, ok bool) {
	if code, ok := countryOf(s); ok {
		return code, "", true
	}
	i := strings.IndexByte(s, '(')
	j := strings.LastIndexByte(s, ')')
	if i <= 0 || j < i {
		return "", "", false
	}
	code, ok = countryOf(strings.TrimSpace(s[:i]))
	if !ok || strings.TrimSpace(s[j+1:]) != "" {
		return "", "", false
	}
	return code, strings.TrimSpace(s[i+1 : j]), true
}

// mechanismWords are the words that name a transfer mechanism in free text,
// the more specific first.
var mechanismWords = []struct {
	words string
	m     lawfulbasis.Mechanism
}{
	{"addendum", lawfulbasis.UKAddendum},
	{"idta", lawfulbasis.IDTA}, {"international data transfer agreement", lawfulbasis.IDTA},
	{"data privacy framework", lawfulbasis.DataPrivacyFramework}, {"dpf", lawfulbasis.DataPrivacyFramework},
	{"data bridge", lawfulbasis.DataPrivacyFramework}, {"uk extension", lawfulbasis.DataPrivacyFramework},
	{"swiss us privacy shield", lawfulbasis.SwissUSPrivacyShield}, {"privacy shield", lawfulbasis.PrivacyShield},
	{"bcr", lawfulbasis.BCR}, {"bcrs", lawfulbasis.BCR}, {"binding corporate rules", lawfulbasis.BCR},
	{"scc", lawfulbasis.SCC}, {"sccs", lawfulbasis.SCC}, {"standard contractual clauses", lawfulbasis.SCC},
	{"model clauses", lawfulbasis.SCC}, {"standard clauses", lawfulbasis.SCC},
	{"adequacy", lawfulbasis.Adequacy}, {"adequate", lawfulbasis.Adequacy},
}

// mechanismOf reads a safeguards line: the mechanism it is or names, and
// the line itself as text unless it is exactly the mechanism.
func mechanismOf(line string) (lawfulbasis.Mechanism, string) {
	if m, err := parseMechanism(line); err == nil {
		return m, ""
	}
	low := " " + strings.Join(match.Tokens(line), " ") + " "
	for _, w := range mechanismWords {
		if strings.Contains(low, " "+w.words+" ") {
			return w.m, line
		}
	}
	return 0, line
}

// countryOf reads a country name, synonym or ISO 3166-1 alpha-2 code
// (the module's one table, internal/country), or an international
// organisation of the approval lists by its short name (EPO).
func countryOf(s string) (string, bool) {
	if c, ok := country.Parse(s); ok {
		return c, true
	}
	// International organisations in the approval lists, e.g. EPO.
	up := strings.ToUpper(strings.TrimSpace(s))
	for _, a := range lawfulbasis.DefaultApprovals() {
		if len(a.Country) > 2 && a.Country == up {
			return up, true
		}
	}
	return "", false
}

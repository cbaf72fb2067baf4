package ico

// This file reads the notice columns other than the bases (rights,
// automated decisions, sources) and the Yes/No and progress columns.

import (
	"fmt"
	"strings"

	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/ropa"
)

// icoRightsWords are the words of a list of the data protection rights,
// which the register derives from the lawful basis and so need not keep.
var icoRightsWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`right rights of to the be and or a an all access rectification rectify erasure erase
		forgotten restrict restriction restriction processing portability data object objection objections informed inform
		information not subject subjects automated decision decisions making withdraw withdrawal consent complain complaint
		complaints available under gdpr uk art article including profiling lodge ico with in on at individual individuals
		standard usual normal apply applies listed as per privacy notice see except controller controllers
		supervisory authority regulator commissioner ico`) {
		icoRightsWords[w] = true
	}
}

// rights ignores a list of rights (derived) but keeps anything else in Notes.
func (x *icoRow) rights() {
	text := x.raw(colRights)
	for _, t := range match.Tokens(text) {
		if !icoRightsWords[t] && !(t[0] >= '0' && t[0] <= '9') && len(t) > 1 {
			x.note(colRights, text)
			return
		}
	}
}

// automated reads the automated decision-making column.
func (x *icoRow) automated(a *ropa.Activity) {
	text := x.raw(colAutomated)
	toks := match.Tokens(text)
	if len(toks) == 0 {
		return
	}
	switch toks[0] {
	case "no", "none", "nil", "n":
		if len(toks) > 1 {
			x.note(colAutomated, text)
		}
		return
	}
	if strings.Join(toks, " ") == "not applicable" || strings.HasPrefix(strings.Join(toks, " "), "not used") {
		return
	}
	// The column's text becomes one decision. An empty cell, "No" or
	// "None" (above) adds no statement of none to the activity: an empty
	// cell in a hand-kept sheet says nothing either way.
	d := ropa.Decision{Logic: text}
	for i, t := range toks {
		if strings.HasPrefix(t, "profil") && !icoNegated(toks, i) {
			d.Profiling = true
		}
		if t == "solely" && !icoNegated(toks, i) {
			d.Solely = true
		}
	}
	a.Automated = []ropa.Decision{d}
}

// sources reads the source column.
func (x *icoRow) sources(a *ropa.Activity) {
	for _, it := range icoItems(x.raw(colSource)) {
		low := " " + strings.Join(match.Tokens(it), " ") + " "
		kind := ropa.FromThirdParty
		switch {
		case strings.Contains(low, " individual ") || strings.Contains(low, " data subject") || strings.Contains(low, " themselves ") ||
			strings.Contains(low, " directly ") || strings.Contains(low, " the person ") || strings.Contains(low, " from them "):
			kind = ropa.FromSubject
		case strings.Contains(low, " publicly available ") || strings.Contains(low, " public sources ") || strings.Contains(low, " public records "):
			kind = ropa.FromPublic
		}
		a.Sources = append(a.Sources, ropa.Source{Kind: kind, Name: it})
	}
}

// answer reads a Yes/No column; other text is a cell error.
func (x *icoRow) answer(k int) ropa.Answer {
	text := x.raw(k)
	if text == "" {
		return ""
	}
	ans, exact := icoAnswer(text)
	if ans == "" {
		x.fail(k, text, fmt.Errorf("not a Yes/No answer: %q", text))
		return ""
	}
	if !exact {
		x.note(k, text)
	}
	return ans
}

// icoAnswer reads Yes or No at the start of text; exact reports whether
// the text is no more than the answer.
func icoAnswer(text string) (ropa.Answer, bool) {
	toks := match.Tokens(text)
	if len(toks) == 0 {
		return "", false
	}
	key := strings.Join(toks, " ")
	switch key {
	case "yes", "y", "true", "required", "needed":
		return ropa.Yes, true
	case "no", "n", "false", "not required", "not needed", "none":
		return ropa.No, true
	}
	switch {
	case toks[0] == "yes":
		return ropa.Yes, false
	case toks[0] == "no":
		return ropa.No, false
	case strings.HasPrefix(key, "not required"), strings.HasPrefix(key, "not needed"):
		return ropa.No, false
	}
	return "", false
}

// icoStatuses are the words of DPIA progress.
var icoStatuses = []struct {
	words string
	s     ropa.DPIAStatus
}{
	{"not started", ropa.NotStarted}, {"not yet started", ropa.NotStarted}, {"not begun", ropa.NotStarted},
	{"to do", ropa.NotStarted}, {"todo", ropa.NotStarted}, {"planned", ropa.NotStarted}, {"not yet", ropa.NotStarted},
	{"in progress", ropa.InProgress}, {"ongoing", ropa.InProgress}, {"underway", ropa.InProgress},
	{"under way", ropa.InProgress}, {"draft", ropa.InProgress}, {"in draft", ropa.InProgress}, {"started", ropa.InProgress},
	{"in review", ropa.InProgress}, {"under review", ropa.InProgress},
	{"complete", ropa.Complete}, {"completed", ropa.Complete}, {"done", ropa.Complete}, {"finished", ropa.Complete},
	{"signed off", ropa.Complete}, {"approved", ropa.Complete},
}

// dpiaStatus reads the DPIA progress column.
func (x *icoRow) dpiaStatus() ropa.DPIAStatus {
	text := x.raw(colDPIAProgress)
	if text == "" {
		return ""
	}
	key := strings.Join(match.Tokens(text), " ")
	var best ropa.DPIAStatus
	bestLen := 0
	for _, s := range icoStatuses {
		if (key == s.words || strings.HasPrefix(key, s.words+" ")) && len(s.words) > bestLen {
			best, bestLen = s.s, len(s.words)
		}
	}
	if best == "" {
		x.fail(colDPIAProgress, text, fmt.Errorf("unknown DPIA progress %q; accepted: not started, in progress, complete", text))
		return ""
	}
	if key != "" && bestLen != len(key) {
		x.note(colDPIAProgress, text)
	}
	return best
}

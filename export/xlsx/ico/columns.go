package ico

// This file reads the notice columns other than the bases (rights,
// automated decisions, sources) and the Yes/No and progress columns.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/ropa"
)

// rightsWords are the words of a list of the data protection rights,
// which the register derives from the lawful basis and so need not keep.
var rightsWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`right rights of to the be and or a an all access rectification rectify erasure erase
		forgotten restrict restriction restriction processing portability data object objection objections informed inform
		information not subject subjects automated decision decisions making withdraw withdrawal consent complain complaint
		complaints available under gdpr uk art article including profiling lodge ico with in on at individual individuals
		standard usual normal apply applies listed as per privacy notice see except controller controllers
		supervisory authority regulator commissioner ico`) {
		rightsWords[w] = true
	}
}

// rights ignores a list of rights (derived) but keeps anything else in Notes.
func (x *rowReader) rights() {
	text := x.raw(tpl.ColRights)
	for _, t := range match.Tokens(text) {
		if !rightsWords[t] && !(t[0] >= '0' && t[0] <= '9') && len(t) > 1 {
			x.note(tpl.ColRights, text, "the rights are worked out from the lawful bases, and the cell says more than a list of rights")
			return
		}
	}
}

// automated reads the automated decision-making column.
func (x *rowReader) automated(a *ropa.Activity) {
	text := x.raw(tpl.ColAutomated)
	toks := match.Tokens(text)
	if len(toks) == 0 {
		return
	}
	switch toks[0] {
	case "no", "none", "nil", "n", "false":
		if len(toks) > 1 {
			x.note(tpl.ColAutomated, text, "the cell says more than No")
		}
		return
	}
	if ans, exact := answerOf(text); ans == ropa.Yes && exact {
		// TRUE or Yes says that there are decisions, not what they are.
		x.note(tpl.ColAutomated, text, "the cell says there is automated decision-making but not what is decided or how: "+
			"no decision was recorded; describe it in the register (automated: description, logic, whether solely automated)")
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
		if strings.HasPrefix(t, "profil") && !negated(toks, i) {
			d.Profiling = true
		}
		if t == "solely" && !negated(toks, i) {
			d.Solely = true
		}
	}
	a.Automated = []ropa.Decision{d}
}

// sources reads the source column. A source that names the people the
// data are about ("Patients", "the employee", "pupils", "the individual",
// "data subject") is the person: a group among the activity's data
// subjects (or any group, when the activity names none) is read as
// from the data subject; when the activity has several groups, it is the
// source of that group's own data and a third party for the others'
// (parents give their own details and their children's). A group the
// activity does not record, such as parents giving a pupil's data, is a
// third party.
func (x *rowReader) sources(a *ropa.Activity) {
	for _, it := range items(x.raw(tpl.ColSource)) {
		low := " " + strings.Join(match.Tokens(it), " ") + " "
		src := ropa.Source{Kind: ropa.FromThirdParty, Name: it}
		switch {
		case selfWords(low):
			src.Kind = ropa.FromSubject
		case strings.Contains(low, " publicly available ") || strings.Contains(low, " public sources ") || strings.Contains(low, " public records "):
			src.Kind = ropa.FromPublic
		default:
			if sub, ok := sourceSubject(it); ok {
				switch {
				case len(a.DataSubjects) == 0:
					src.Kind = ropa.FromSubject
				case slices.Contains(a.DataSubjects, sub):
					src.Kind = ropa.FromSubject
					if len(a.DataSubjects) > 1 {
						// The group's own data come from them; the other
						// groups' data from them as a third party.
						src.Subjects = []ropa.Subject{sub}
						others := slices.DeleteFunc(slices.Clone(a.DataSubjects), func(s ropa.Subject) bool { return s == sub })
						a.Sources = append(a.Sources, src)
						src = ropa.Source{Kind: ropa.FromThirdParty, Name: it, Subjects: others}
					}
				}
			}
		}
		a.Sources = append(a.Sources, src)
	}
}

// selfWords reports whether a source's words (lower-case tokens between
// spaces) say the data come from the person themselves.
func selfWords(low string) bool {
	for _, w := range []string{" individual ", " individuals ", " data subject", " themselves ", " himself ", " herself ",
		" directly ", " the person ", " from them ", " self ", " the subject ", " person concerned "} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// sourceSubject reads a source that is a group of people of the
// catalogue ("Patients", "The employee", "Job applicants").
func sourceSubject(s string) (ropa.Subject, bool) {
	t := strings.TrimSpace(s)
	for _, p := range []string{"the ", "The ", "from ", "From ", "From the ", "from the "} {
		t = strings.TrimPrefix(t, p)
	}
	sub := subjectOf(t)
	if sub == "" || sub.Custom() {
		return "", false
	}
	return sub, true
}

// answer reads a Yes/No column; other text is a cell error.
func (x *rowReader) answer(k int) ropa.Answer {
	text := x.raw(k)
	if text == "" {
		return ""
	}
	ans, exact := answerOf(text)
	if ans == "" {
		x.fail(k, text, fmt.Errorf("not a Yes/No answer: %q", text))
		return ""
	}
	if !exact {
		x.note(k, text, "the cell says more than Yes or No")
	}
	return ans
}

// answerOf reads Yes or No at the start of text; exact reports whether
// the text is no more than the answer.
func answerOf(text string) (ropa.Answer, bool) {
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

// dpiaStatuses are the words of DPIA progress.
var dpiaStatuses = []struct {
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
func (x *rowReader) dpiaStatus() ropa.DPIAStatus {
	text := x.raw(tpl.ColDPIAProgress)
	if text == "" {
		return ""
	}
	key := strings.Join(match.Tokens(text), " ")
	var best ropa.DPIAStatus
	bestLen := 0
	for _, s := range dpiaStatuses {
		if (key == s.words || strings.HasPrefix(key, s.words+" ")) && len(s.words) > bestLen {
			best, bestLen = s.s, len(s.words)
		}
	}
	if best == "" {
		x.fail(tpl.ColDPIAProgress, text, fmt.Errorf("unknown DPIA progress %q; accepted: not started, in progress, complete", text))
		return ""
	}
	if key != "" && bestLen != len(key) {
		x.note(tpl.ColDPIAProgress, text, "the cell says more than the progress read from it")
	}
	return best
}

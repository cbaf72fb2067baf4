package notice

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestFlesch(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want float64
		why  string
	}{
		{"cat", "The cat sat on the mat.", 116.145,
			"6 words, 1 sentence, 6 syllables: 206.835 - 1.015*6 - 84.6*1; the value usually quoted (116) for this sentence"},
		{"platypus", "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", 37.46,
			"13 words, 24 syllables (Wikipedia, \"Flesch-Kincaid readability tests\", which gives 37.5): 206.835 - 1.015*13 - 84.6*24/13"},
		{"fox", "The quick brown fox jumps over the lazy dog.", 94.30,
			"9 words, 11 syllables (o-ver, la-zy), by hand: 206.835 - 9.135 - 103.4"},
		{"two sentences", "Data protection law gives you rights. You can ask for a copy of your information.", 75.14,
			"15 words, 2 sentences, 22 syllables (da-ta 2, pro-tec-tion 3, co-py 2, in-for-ma-tion 4), by hand: 206.835 - 1.015*7.5 - 84.6*22/15"},
		{"heading and one-word bullets left out", "Your rights\n-----------\n\n  - Access\n  - Erasure\n\nThe cat sat on the mat.\n", 116.145,
			"the heading and the list items have no full stop: only the sentence counts"},
		{"wrapped paragraph and bullet sentences", "Data protection law gives\nyou rights.\n\n  - You can ask for a copy of your\n    information.\n", 75.14,
			"the same 15 words and 2 sentences as \"two sentences\", wrapped over lines and one of them a list item"},
		{"a label without a full stop inside running text", "Contents\n\nThe quick brown fox jumps over the lazy dog.", 94.30,
			"\"Contents\" is no sentence; the rest is the fox"},
		{"table rows as plain text", "  What we use it for: Payroll\n  Our lawful basis: Contract.\n", 206.835 - 1.015*4 - 84.6*7/4.0,
			"the first row is a label on its own line, left out; the second is 4 words, 1 sentence, 7 syllables (our 1, law-ful, ba-sis, con-tract 2 each)"},
		{"one paragraph a line, headings between", "1. Introduction\nThe cat sat on the mat.\nContact us\nThe cat sat on the mat.\n", 116.145,
			"text with no blank lines: the headings end no sentence and are followed by a capital, so are left out"},
		{"mojibake after the stop", "The cat sat on the mat.Ìý\nDate of update\n", 116.145, "the stop still ends the sentence"},
		{"empty", "  \n---\n 0303 123 1113 ", 0, "no words"},
		{"no running text", "Your rights\n===========\n\n- Access\n", 0, "a heading and a bullet only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Flesch(tc.text); math.Abs(got-tc.want) > 0.01 {
				t.Errorf("Flesch(%q) = %.3f, want %.3f (%s)", tc.text, got, tc.want, tc.why)
			}
		})
	}
}

func TestSyllables(t *testing.T) {
	for w, want := range map[string]int{
		"the": 1, "cat": 1, "data": 2, "protection": 3, "information": 4, "gives": 1, "creature": 2,
		"table": 2, "used": 1, "seemingly": 3, "platypus": 3, "yesterday": 3, "rhythm": 1,
		"privacy": 3, "notice": 2, "organisation": 5,
		// Known misses of the heuristic (true counts 1, 2 and 4).
		"queue": 2, "wanted": 1, "australian": 3,
	} {
		if got := syllableCount([]byte(w)); got != want {
			t.Errorf("syllables(%q) = %d, want %d", w, got, want)
		}
	}
}

// seedNotices maps each seed register to the file of the organisation's
// original notice in ../../../shared/seeds.
var seedNotices = map[string]string{
	"health-careers":                "000_b0d8dd1c2dd76057.txt",
	"careers-and-enterprise":        "001_3d35978c3ab35394.txt",
	"healthwatch-hertfordshire":     "002_5550fd7b9f259a44.txt",
	"durham-university-recruitment": "003_d0f0e8753ce7c9a9.txt",
	"harris-careers":                "004_92ef8624032bd628.txt",
}

// TestReadabilityOfSeeds logs, for each seed organisation, the Flesch
// reading ease and syllables per word of the notice its register gives
// (for the whole organisation, without the draft banner, which speaks to
// the organisation) and of its original notice, measured by the same
// function, against the targets of issue 17: at least 60 (70 for a
// young-people audience) and no more syllables per word than the original.
// It reports; it does not fail, as the targets are not all met yet.
func TestReadabilityOfSeeds(t *testing.T) {
	names, regs := seedRegisters(t)
	for _, name := range names {
		n := mustGenerate(t, regs[name], lawDay)
		text := readerText(n)
		target := 60.0
		if n.Young {
			target = 70
		}
		line := fmt.Sprintf("%-30s generated: Flesch %5.1f, %.3f syllables/word (target ≥ %.0f)", name, Flesch(text), SyllablesPerWord(text), target)
		if b, err := os.ReadFile(filepath.Join("../../../shared/seeds", seedNotices[name])); err == nil {
			line += fmt.Sprintf("; original: Flesch %5.1f, %.3f syllables/word", Flesch(string(b)), SyllablesPerWord(string(b)))
		}
		t.Log(line)
	}
}

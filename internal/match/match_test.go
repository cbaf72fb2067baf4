package match

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokens(t *testing.T) {
	for in, want := range map[string][]string{
		"Art. 6(1)(ea)":              {"art", "6", "1", "ea"},
		"DPA 2018 Sch 1 Pt 2 para 8": {"dpa", "2018", "sch", "1", "pt", "2", "para", "8"},
		"legitimate_interests":       {"legitimate", "interests"},
		"":                           nil,
	} {
		if diff := cmp.Diff(want, Tokens(in)); diff != "" {
			t.Errorf("Tokens(%q) (-want +got):\n%s", in, diff)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"consnet", "consent", 2}, {"", "abc", 3}, {"health", "helth", 1}, {"same", "same", 0}, {"é", "e", 1}}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	noise := map[string]bool{"uk": true, "gdpr": true, "art": true, "article": true}
	words := map[string]string{"paragraph": "para"}
	for in, want := range map[string]string{
		"UK GDPR Art 6(1)(f)": "6.1.f", "Article 6(1)(f)": "6.1.f", "art. 6.1.f": "6.1.f",
		"Sch 1 paragraph 8": "sch.1.para.8", "": "",
	} {
		if got := Key(in, noise, words); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

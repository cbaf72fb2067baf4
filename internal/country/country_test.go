package country

import (
	"slices"
	"testing"
)

func TestTable(t *testing.T) {
	// ISO 3166-1 assigns 249 alpha-2 codes.
	if len(table) != 249 {
		t.Errorf("%d codes; ISO 3166-1 assigns 249", len(table))
	}
	if !slices.IsSortedFunc(table, func(a, b Country) int { return compare(a.Code, b.Code) }) {
		t.Error("the table is not in code order")
	}
	seen := map[string]bool{}
	for _, c := range table {
		if len(c.Code) != 2 || c.Code[0] < 'A' || c.Code[0] > 'Z' || c.Code[1] < 'A' || c.Code[1] > 'Z' || seen[c.Code] || c.Name == "" {
			t.Errorf("bad or repeated entry %+v", c)
		}
		seen[c.Code] = true
		// Every name reads back as its code.
		if got, ok := Parse(c.Name); !ok || got != c.Code {
			t.Errorf("Parse(%q) = %q, %v; want %s", c.Name, got, ok, c.Code)
		}
	}
	for k, code := range synonyms {
		if _, ok := byCode[code]; !ok {
			t.Errorf("synonym %q names %s, which the table lacks", k, code)
		}
	}
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"USA", "US", true}, {"the US", "US", true}, {"United States of America", "US", true}, {"us", "US", true},
		{"UK", "GB", true}, {"the United Kingdom", "GB", true}, {"England", "GB", true},
		{"EEA", "EU", true}, {"EU/EEA", "EU", true}, {"Holland", "NL", true}, {"the Netherlands", "NL", true},
		{"Türkiye", "TR", true}, {"Turkey", "TR", true}, {"Côte d’Ivoire", "CI", true}, {"South Korea", "KR", true},
		{"FR", "FR", true}, {"no", "", false}, {"No", "", false}, {"NO", "NO", true}, {"Narnia", "", false}, {"XQ", "", false}, {"", "", false},
	} {
		got, ok := Parse(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Parse(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNames(t *testing.T) {
	for _, tc := range []struct{ code, name, sentence string }{
		{"US", "United States", "the United States"}, {"FR", "France", "France"}, {"uk", "United Kingdom", "the United Kingdom"},
		{"EU", "EU institutions and bodies", "the EU institutions and bodies"}, {"XQ", "", ""},
	} {
		if got := Name(tc.code); got != tc.name {
			t.Errorf("Name(%s) = %q; want %q", tc.code, got, tc.name)
		}
		if got := InSentence(tc.code); got != tc.sentence {
			t.Errorf("InSentence(%s) = %q; want %q", tc.code, got, tc.sentence)
		}
	}
}

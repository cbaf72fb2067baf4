package prose

import "testing"

func TestList(t *testing.T) {
	for _, tt := range []struct {
		items []string
		conj  string
		want  string
	}{
		{nil, "and", ""},
		{[]string{"a"}, "and", "a"},
		{[]string{"a", "b"}, "or", "a or b"},
		{[]string{"by email at x", "by phone on y", "online at z"}, "or", "by email at x, by phone on y or online at z"},
	} {
		if got := List(tt.items, tt.conj); got != tt.want {
			t.Errorf("List(%q, %q) = %q, want %q", tt.items, tt.conj, got, tt.want)
		}
	}
}

package prose

import "strings"

// List joins items as an English list with conj before the last item and
// no serial comma: "a", "a or b", "a, b and c".
func List(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

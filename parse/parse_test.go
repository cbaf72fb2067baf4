package parse_test

import (
	"errors"
	"testing"

	"github.com/article30/article30/parse"
)

func TestError(t *testing.T) {
	tests := []struct {
		err  *parse.Error
		want string
	}{
		{&parse.Error{Kind: "lawful basis", Value: "consnet", Accepted: []string{"consent", "contract"}, Suggest: "consent"},
			`unknown lawful basis "consnet" (did you mean "consent"?); accepted: consent, contract`},
		{&parse.Error{Kind: "transfer mechanism", Value: "46(2)(d)", Accepted: []string{"idta", "uk-addendum"}, Ambiguous: true},
			`transfer mechanism "46(2)(d)" is cited by more than one transfer mechanism; write one of: idta, uk-addendum`},
		{&parse.Error{Kind: "data category", Value: "x", Accepted: make([]string, 20), Hint: `a custom entry "custom: <name>"`},
			`unknown data category "x"; accepted: one of 20 data category slugs; or a custom entry "custom: <name>"`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %s\nwant %s", got, tt.want)
		}
		if !errors.Is(tt.err, parse.ErrUnknown) {
			t.Errorf("%v does not wrap ErrUnknown", tt.err)
		}
	}
}

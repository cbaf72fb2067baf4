package country_test

import (
	"fmt"

	"github.com/article30/article30/internal/country"
)

func ExampleParse() {
	for _, s := range []string{"USA", "Holland", "the UK", "DE", "no"} {
		code, _ := country.Parse(s)
		fmt.Println(s, "->", code, country.InSentence(code))
	}
	// Output:
	// USA -> US the United States
	// Holland -> NL the Netherlands
	// the UK -> GB the United Kingdom
	// DE -> DE Germany
	// no ->
}

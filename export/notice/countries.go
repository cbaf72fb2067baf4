package notice

import "github.com/article30/article30/internal/country"

// unknownCountry is the code ISO 3166-1 leaves to users, which a register
// writes for a transfer whose country it does not know.
const unknownCountry = "ZZ"

// countryName names a country or international organisation from its code:
// the ISO 3166-1 name as a sentence reads it (the module's one country
// table, internal/country), or the organisation's name in the approval lists
// ("the European Patent Organisation"), or the code itself.
func countryName(code string) string {
	if n := country.InSentence(code); n != "" {
		return n
	}
	for _, a := range approvals {
		if a.Country == code {
			return "the " + a.Name
		}
	}
	return code
}

package ico

// This file reads third countries and transfer safeguards.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// transfers reads third countries and their safeguards. In an activity
// (a non-nil a) a transfer's recipient must be one of the activity's
// recipients: a name in brackets that is not one of them is kept in Notes
// with the column's text, not linked. In a processor record (a nil) it is
// free text.
func (x *icoRow) transfers(dst *[]ropa.Transfer, kCountry, kSafeguard int, a *ropa.Activity) {
	var uk []string
	unlinked := false
	known := func(s string) bool { _, _, ok := icoCountryRecipient(s); return ok }
	for _, it := range icoEnumItems(x.raw(kCountry), known, true) {
		code, rcp, ok := icoCountryRecipient(it)
		if !ok {
			x.fail(kCountry, it, fmt.Errorf("unknown country %q; write a country name or its ISO 3166-1 alpha-2 code", it))
			continue
		}
		if code == "GB" {
			uk = append(uk, it) // not a third country under the UK regime
			continue
		}
		if rcp != "" && a != nil {
			i := slices.IndexFunc(a.Recipients, func(r ropa.Recipient) bool { return icoSameName(r.Name, rcp) })
			if i < 0 {
				rcp, unlinked = "", true
			} else {
				rcp = a.Recipients[i].Name
			}
		}
		if !slices.ContainsFunc(*dst, func(t ropa.Transfer) bool { return t.Country == code && t.Recipient == rcp }) {
			*dst = append(*dst, ropa.Transfer{Country: code, Recipient: rcp})
		}
	}
	if len(uk) > 0 || unlinked {
		x.note(kCountry, x.raw(kCountry))
	}
	text := x.raw(kSafeguard)
	if text == "" {
		return
	}
	ts := *dst
	if len(ts) == 0 {
		x.note(kSafeguard, text)
		return
	}
	// Lines that name their transfer: "US: Standard contractual clauses".
	done := make([]bool, len(ts))
	var lines []string
	for _, l := range icoItems(text) {
		if head, tail, ok := strings.Cut(l, ":"); ok {
			if code, rcp, ok := icoCountryRecipient(head); ok {
				i := slices.IndexFunc(ts, func(t ropa.Transfer) bool { return t.Country == code && (rcp == "" || icoSameName(t.Recipient, rcp)) })
				for i >= 0 && done[i] {
					j := slices.IndexFunc(ts[i+1:], func(t ropa.Transfer) bool { return t.Country == code && (rcp == "" || icoSameName(t.Recipient, rcp)) })
					if j < 0 {
						i = -1
					} else {
						i += 1 + j
					}
				}
				if i >= 0 {
					ts[i].Mechanism, ts[i].Safeguards = icoMechanism(strings.TrimSpace(tail))
					done[i] = true
					continue
				}
			}
		}
		lines = append(lines, l)
	}
	var open []int
	for i := range ts {
		if !done[i] {
			open = append(open, i)
		}
	}
	switch {
	case len(lines) == 0:
	case len(open) == 0:
		x.note(kSafeguard, text)
	case len(lines) == len(open):
		for j, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = icoMechanism(lines[j])
		}
	case len(lines) == 1:
		for _, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = icoMechanism(lines[0])
		}
	default:
		var mech lawfulbasis.Mechanism
		same := true
		for _, l := range lines {
			m, _ := icoMechanism(l)
			if m != 0 && mech != 0 && m != mech {
				same = false
			}
			if m != 0 {
				mech = m
			}
		}
		if !same {
			mech = 0
		}
		for _, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = mech, strings.Join(lines, "\n")
		}
	}
}

// icoSameName reports whether two names are the same but for case and
// spacing.
func icoSameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// icoCountryRecipient reads a country, or a country with its recipient in
// parentheses: "US (Mail provider)".
func icoCountryRecipient(s string) (code, recipient string, ok bool) {
	if code, ok := icoCountry(s); ok {
		return code, "", true
	}
	i := strings.IndexByte(s, '(')
	j := strings.LastIndexByte(s, ')')
	if i <= 0 || j < i {
		return "", "", false
	}
	code, ok = icoCountry(strings.TrimSpace(s[:i]))
	if !ok || strings.TrimSpace(s[j+1:]) != "" {
		return "", "", false
	}
	return code, strings.TrimSpace(s[i+1 : j]), true
}

// icoMechanisms are the words that name a transfer mechanism in free text,
// the more specific first.
var icoMechanisms = []struct {
	words string
	m     lawfulbasis.Mechanism
}{
	{"addendum", lawfulbasis.UKAddendum},
	{"idta", lawfulbasis.IDTA}, {"international data transfer agreement", lawfulbasis.IDTA},
	{"data privacy framework", lawfulbasis.DataPrivacyFramework}, {"dpf", lawfulbasis.DataPrivacyFramework},
	{"data bridge", lawfulbasis.DataPrivacyFramework}, {"uk extension", lawfulbasis.DataPrivacyFramework},
	{"swiss us privacy shield", lawfulbasis.SwissUSPrivacyShield}, {"privacy shield", lawfulbasis.PrivacyShield},
	{"bcr", lawfulbasis.BCR}, {"bcrs", lawfulbasis.BCR}, {"binding corporate rules", lawfulbasis.BCR},
	{"scc", lawfulbasis.SCC}, {"sccs", lawfulbasis.SCC}, {"standard contractual clauses", lawfulbasis.SCC},
	{"model clauses", lawfulbasis.SCC}, {"standard clauses", lawfulbasis.SCC},
	{"adequacy", lawfulbasis.Adequacy}, {"adequate", lawfulbasis.Adequacy},
}

// icoMechanism reads a safeguards line: the mechanism it is or names, and
// the line itself as text unless it is exactly the mechanism.
func icoMechanism(line string) (lawfulbasis.Mechanism, string) {
	if m, err := lawfulbasis.ParseMechanism(line); err == nil {
		return m, ""
	}
	low := " " + strings.Join(match.Tokens(line), " ") + " "
	for _, w := range icoMechanisms {
		if strings.Contains(low, " "+w.words+" ") {
			return w.m, line
		}
	}
	return 0, line
}

// icoCountries maps the country names common in registers to ISO 3166-1
// alpha-2 codes. "EU", "EEA" and "Europe" read as EU.
var icoCountries = map[string]string{}

func init() {
	for code, names := range map[string]string{
		"US": "united states|united states of america|usa|us|u s|u s a|america|the us|the usa",
		"GB": "united kingdom|uk|u k|great britain|britain|england|scotland|wales|northern ireland|gb",
		"EU": "european union|eu|eea|european economic area|europe|eu eea|eea eu|eu member states",
		"IE": "ireland|republic of ireland|eire", "FR": "france", "DE": "germany", "ES": "spain", "IT": "italy",
		"PT": "portugal", "NL": "netherlands|the netherlands|holland", "BE": "belgium", "LU": "luxembourg",
		"AT": "austria", "CH": "switzerland", "SE": "sweden", "NO": "norway", "DK": "denmark", "FI": "finland",
		"IS": "iceland", "PL": "poland", "CZ": "czech republic|czechia", "SK": "slovakia", "HU": "hungary",
		"RO": "romania", "BG": "bulgaria", "GR": "greece", "CY": "cyprus", "MT": "malta", "HR": "croatia",
		"SI": "slovenia", "EE": "estonia", "LV": "latvia", "LT": "lithuania", "LI": "liechtenstein",
		"CA": "canada", "MX": "mexico", "BR": "brazil", "AR": "argentina", "CL": "chile", "CO": "colombia",
		"UY": "uruguay", "AU": "australia", "NZ": "new zealand", "JP": "japan",
		"KR": "south korea|korea|republic of korea|korea republic of", "CN": "china|prc|people s republic of china",
		"HK": "hong kong", "TW": "taiwan", "SG": "singapore", "MY": "malaysia", "PH": "philippines",
		"ID": "indonesia", "TH": "thailand", "VN": "vietnam|viet nam", "IN": "india", "PK": "pakistan",
		"LK": "sri lanka", "BD": "bangladesh", "ZA": "south africa", "NG": "nigeria", "KE": "kenya",
		"EG": "egypt", "IL": "israel", "TR": "turkey|turkiye|türkiye", "AE": "united arab emirates|uae|dubai",
		"SA": "saudi arabia", "QA": "qatar", "RU": "russia|russian federation", "UA": "ukraine",
		"JE": "jersey", "GG": "guernsey", "IM": "isle of man", "GI": "gibraltar", "AD": "andorra",
		"FO": "faroe islands", "MC": "monaco", "RS": "serbia", "GH": "ghana", "MA": "morocco",
	} {
		for _, n := range strings.Split(names, "|") {
			icoCountries[strings.Join(match.Tokens(n), " ")] = code
		}
		icoCountries[strings.ToLower(code)] = code
	}
}

// icoCountry reads a country name or code.
func icoCountry(s string) (string, bool) {
	key := strings.Join(match.Tokens(s), " ")
	key = strings.TrimPrefix(key, "the ")
	if c, ok := icoCountries[key]; ok {
		return c, true
	}
	if t := strings.TrimSpace(s); len(t) == 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z' {
		return t, true // an ISO 3166-1 alpha-2 code outside the table
	}
	// International organisations in the approval lists, e.g. EPO.
	up := strings.ToUpper(strings.TrimSpace(s))
	for _, a := range lawfulbasis.DefaultApprovals() {
		if len(a.Country) > 2 && a.Country == up {
			return up, true
		}
	}
	return "", false
}

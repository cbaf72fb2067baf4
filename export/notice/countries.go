package notice

import "strings"

// countryNames are the English short names of the ISO 3166-1 alpha-2
// codes, written as they read after "in" or "to" in a sentence ("the
// United States", "the Netherlands").
var countryNames = func() map[string]string {
	const list = "AD Andorra|AE the United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla|AL Albania|" +
		"AM Armenia|AO Angola|AQ Antarctica|AR Argentina|AS American Samoa|AT Austria|AU Australia|AW Aruba|" +
		"AX the Åland Islands|AZ Azerbaijan|BA Bosnia and Herzegovina|BB Barbados|BD Bangladesh|BE Belgium|" +
		"BF Burkina Faso|BG Bulgaria|BH Bahrain|BI Burundi|BJ Benin|BL Saint Barthélemy|BM Bermuda|BN Brunei|" +
		"BO Bolivia|BQ Bonaire, Sint Eustatius and Saba|BR Brazil|BS the Bahamas|BT Bhutan|BV Bouvet Island|" +
		"BW Botswana|BY Belarus|BZ Belize|CA Canada|CC the Cocos (Keeling) Islands|CD the Democratic Republic of the Congo|" +
		"CF the Central African Republic|CG the Republic of the Congo|CH Switzerland|CI Côte d'Ivoire|CK the Cook Islands|" +
		"CL Chile|CM Cameroon|CN China|CO Colombia|CR Costa Rica|CU Cuba|CV Cabo Verde|CW Curaçao|CX Christmas Island|" +
		"CY Cyprus|CZ Czechia|DE Germany|DJ Djibouti|DK Denmark|DM Dominica|DO the Dominican Republic|DZ Algeria|" +
		"EC Ecuador|EE Estonia|EG Egypt|EH Western Sahara|ER Eritrea|ES Spain|ET Ethiopia|FI Finland|FJ Fiji|" +
		"FK the Falkland Islands|FM Micronesia|FO the Faroe Islands|FR France|GA Gabon|GB the United Kingdom|GD Grenada|" +
		"GE Georgia|GF French Guiana|GG Guernsey|GH Ghana|GI Gibraltar|GL Greenland|GM the Gambia|GN Guinea|" +
		"GP Guadeloupe|GQ Equatorial Guinea|GR Greece|GS South Georgia and the South Sandwich Islands|GT Guatemala|" +
		"GU Guam|GW Guinea-Bissau|GY Guyana|HK Hong Kong|HM Heard Island and McDonald Islands|HN Honduras|HR Croatia|" +
		"HT Haiti|HU Hungary|ID Indonesia|IE Ireland|IL Israel|IM the Isle of Man|IN India|IO the British Indian Ocean Territory|" +
		"IQ Iraq|IR Iran|IS Iceland|IT Italy|JE Jersey|JM Jamaica|JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|" +
		"KH Cambodia|KI Kiribati|KM the Comoros|KN Saint Kitts and Nevis|KP North Korea|KR the Republic of Korea|" +
		"KW Kuwait|KY the Cayman Islands|KZ Kazakhstan|LA Laos|LB Lebanon|LC Saint Lucia|LI Liechtenstein|" +
		"LK Sri Lanka|LR Liberia|LS Lesotho|LT Lithuania|LU Luxembourg|LV Latvia|LY Libya|MA Morocco|MC Monaco|" +
		"MD Moldova|ME Montenegro|MF Saint Martin|MG Madagascar|MH the Marshall Islands|MK North Macedonia|ML Mali|" +
		"MM Myanmar|MN Mongolia|MO Macao|MP the Northern Mariana Islands|MQ Martinique|MR Mauritania|MS Montserrat|" +
		"MT Malta|MU Mauritius|MV the Maldives|MW Malawi|MX Mexico|MY Malaysia|MZ Mozambique|NA Namibia|" +
		"NC New Caledonia|NE Niger|NF Norfolk Island|NG Nigeria|NI Nicaragua|NL the Netherlands|NO Norway|NP Nepal|" +
		"NR Nauru|NU Niue|NZ New Zealand|OM Oman|PA Panama|PE Peru|PF French Polynesia|PG Papua New Guinea|" +
		"PH the Philippines|PK Pakistan|PL Poland|PM Saint Pierre and Miquelon|PN the Pitcairn Islands|PR Puerto Rico|" +
		"PS Palestine|PT Portugal|PW Palau|PY Paraguay|QA Qatar|RE Réunion|RO Romania|RS Serbia|RU Russia|RW Rwanda|" +
		"SA Saudi Arabia|SB the Solomon Islands|SC Seychelles|SD Sudan|SE Sweden|SG Singapore|" +
		"SH Saint Helena, Ascension and Tristan da Cunha|SI Slovenia|SJ Svalbard and Jan Mayen|SK Slovakia|" +
		"SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname|SS South Sudan|ST São Tomé and Príncipe|" +
		"SV El Salvador|SX Sint Maarten|SY Syria|SZ Eswatini|TC the Turks and Caicos Islands|TD Chad|" +
		"TF the French Southern Territories|TG Togo|TH Thailand|TJ Tajikistan|TK Tokelau|TL Timor-Leste|" +
		"TM Turkmenistan|TN Tunisia|TO Tonga|TR Türkiye|TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|" +
		"UA Ukraine|UG Uganda|UM the United States Minor Outlying Islands|US the United States|UY Uruguay|" +
		"UZ Uzbekistan|VA the Holy See|VC Saint Vincent and the Grenadines|VE Venezuela|VG the British Virgin Islands|" +
		"VI the US Virgin Islands|VN Vietnam|VU Vanuatu|WF Wallis and Futuna|WS Samoa|YE Yemen|YT Mayotte|" +
		"ZA South Africa|ZM Zambia|ZW Zimbabwe|EU the EU institutions and bodies|UK the United Kingdom"
	m := map[string]string{}
	for _, e := range strings.Split(list, "|") {
		code, name, _ := strings.Cut(e, " ")
		m[code] = name
	}
	return m
}()

// countryName names a country or international organisation from its code:
// the ISO 3166-1 name, or the organisation's name in the approval lists
// ("the European Patent Organisation"), or the code itself.
// unknownCountry is the code ISO 3166-1 leaves to users, which a register
// writes for a transfer whose country it does not know.
const unknownCountry = "ZZ"

func countryName(code string) string {
	if n, ok := countryNames[code]; ok {
		return n
	}
	for _, a := range approvals {
		if a.Country == code {
			return "the " + a.Name
		}
	}
	return code
}

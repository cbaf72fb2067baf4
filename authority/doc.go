// Package authority lists the data protection supervisory authorities a
// privacy notice, a register or a refused request points people to: the
// UK regulator and the national authority of each of the 30 states of the
// European Economic Area (the 27 EU member states with Iceland,
// Liechtenstein and Norway). It is a leaf package: it imports only the
// standard library and lawfulbasis (for [lawfulbasis.Regime] and
// [lawfulbasis.Confidence]). It is not legal advice.
//
// # Looking an authority up
//
// [Lookup] finds an authority by its code ("uk" for the UK regulator, the
// ISO 3166-1 alpha-2 country code in lower case for the others: "ie",
// "fr", "de"), by its country's name ("Ireland", "United Kingdom"), by its
// name in English or in its own language, or by a common short name
// ("DPC", "CNIL", "ICO", "BfDI"), in any case and spacing. A short name or
// local name that two authorities share ("CNPD" is Luxembourg's and
// Portugal's, "Datatilsynet" Denmark's and Norway's) finds neither: use the
// country code. [All] lists every authority, sorted by code.
//
// Germany is listed by its federal authority only ("de": the Federal
// Commissioner for Data Protection and Freedom of Information, BfDI). The
// supervisory authorities of the German Länder are not listed, although
// for many controllers in Germany, most private companies among them, the
// competent authority is a Land authority rather than the BfDI (the
// Federal Data Protection Act, BDSG, s40). Regional authorities in other
// states (Spain has several) are not listed either.
//
// # The UK regulator and its name
//
// The UK regulator's statutory name is "Information Commissioner" until
// section 119 of the Data (Use and Access) Act 2025 (transfer of functions
// to the Information Commission) is fully in force, and "Information
// Commission" from then on: the Data (Use and Access) Act 2025
// (Consequential Amendments and Transitional Provision) Regulations 2026,
// SI 2026/386, come into force "when section 119 ... is fully brought into
// force" (reg 1(2), read on legislation.gov.uk) and substitute
// "Information Commission" for "Information Commissioner" across the
// statute book (Sch 2).
//
// The day s119 came fully into force is UNCONFIRMED. The only source is a
// secondary report that the Data (Use and Access) Act 2025 (Commencement
// No. 9 ...) Regulations 2026, SI 2026/1015, commenced ss118-119 on
// 30 September 2026; the instrument itself was not found. So the date is
// the variable [CommissionFrom], and [UK] takes options to use another day
// ([CommissionOn]) or to treat the change as not yet made
// ([CommissionNotYet]). The public short name "ICO" and the website
// https://ico.org.uk are kept after the change; that the brand stays is
// also UNCONFIRMED, and both are plain data in the [Authority] value that
// a caller may replace.
//
// Before 1 January 2021 ([lawfulbasis.UKGDPRStart], the end of the
// transition period) the GDPR applied in the United Kingdom and the
// Information Commissioner was the UK's supervisory authority under it:
// [UK] returns the same regulator for those dates with Regime
// [lawfulbasis.EU], and [lawfulbasis.UK] from that day on. [Lookup] and
// [All] give the UK regulator as at the day they are given, with the
// default options. As everywhere in the module, the day is a required
// argument: nothing here reads the clock or has a default day.
//
// # Sources and confidence
//
// The brief was to take contact details from the EDPB's members page
// (https://www.edpb.europa.eu/about-edpb/about-edpb/members_en); that page
// was not in the stored copies searched, so it was not read. Each
// authority's details were instead read, where the search found it, on
// the authority's own web page (its privacy notice or contact page); where
// not, from two independent secondary sources that agree: the
// datenanfragen.de directory of supervisory authorities (the
// datenanfragen/data repository at commit 0a29c3d6, July 2026, which cites
// each authority's own page) and a second source such as the GDPRhub wiki
// (gdprhub.eu). A detail that neither route confirmed is left empty rather
// than guessed, and [Authority.Source] says which pages were used.
// [Authority.Confidence] grades the contact details with the labels of
// the project's law note: [lawfulbasis.Confirmed] (the authority's own
// page), [lawfulbasis.Corroborated] (two secondary sources agree), and
// [lawfulbasis.Unconfirmed] (no contact detail could be confirmed: the
// entry gives the name and website only, from the directory).
package authority

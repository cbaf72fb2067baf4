// Package country is the module's one table of countries: the ISO 3166-1
// alpha-2 codes with their short English names, the synonyms that
// registers write for them, and the code EU for the European Union's
// institutions and bodies (and, in hand-kept registers, the EU/EEA as a
// whole).
//
// # Source
//
// The codes are ISO 3166-1 alpha-2, the officially assigned codes as the
// ISO 3166 Maintenance Agency publishes them (ISO Online Browsing
// Platform, https://www.iso.org/obp/ui/#search/code/). The names are
// ISO 3166-1's English short names written as they read in an English
// sentence: without the standard's inverted qualifiers ("Netherlands
// (Kingdom of the)" is "Netherlands", read "the Netherlands"), and in the
// common short form where the standard's is a formal one ("Russia",
// "Iran", "Bolivia", "Vietnam", "Republic of Korea"), as the UK
// government's country register does. The synonyms are those seen in
// hand-kept registers ("USA", "UK", "Holland", "South Korea").
//
// The package imports nothing of the module: lawfulbasis (the approval
// lists), the ICO-template importer and the privacy notice all take their
// country names from it.
package country

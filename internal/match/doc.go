// Package match holds the text matching the parsers share: splitting text
// into word and number tokens, keys for citations in their many spellings,
// and the edit distance used to suggest the nearest accepted value for a
// typing slip.
package match

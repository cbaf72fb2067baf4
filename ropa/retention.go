package ropa

import "slices"

// RetentionFor returns the activity's retention entries that cover the data
// category c, in the order of Activity.Retention: each entry that names c
// in its Categories, and each entry that names no category (which covers
// all the activity's categories, Retention.Categories) when c is one of
// the activity's DataCategories. It returns nil when no entry covers c.
//
// Several entries may cover a category; the register does not rank them.
// A caller computing one due date from them should keep the data for the
// longest of them, as [retention.Rule.DueWith] does for overrides. An entry
// may hold only a free-text Schedule, with a zero Rule: such an entry
// covers the category but gives no due date.
//
// RetentionFor is meant for building an index once; it allocates the
// slice it returns.
func (a *Activity) RetentionFor(c Category) []Retention {
	var out []Retention
	listed := -1 // whether c is one of a.DataCategories; -1 until needed
	for _, r := range a.Retention {
		if len(r.Categories) > 0 {
			if slices.Contains(r.Categories, c) {
				out = append(out, r)
			}
			continue
		}
		if listed < 0 {
			listed = 0
			if a.HasCategory(c) {
				listed = 1
			}
		}
		if listed == 1 {
			out = append(out, r)
		}
	}
	return out
}

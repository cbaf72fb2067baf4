package ropa

import (
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
)

// Rights returns the rights people have over the data used for the
// purpose under regime g on the day of at: [rights.ForPurpose] for its
// lawful basis, with the right to object to direct marketing where the
// purpose is direct marketing. An erasure request, say, reaches the data
// used under a contract but not the data kept for a legal obligation.
func (p Purpose) Rights(g lawfulbasis.Regime, at time.Time) []rights.Right {
	return rights.ForPurpose(g, at, p.Basis, p.DirectMarketing)
}

// PurposeRights are the rights over the data used for one purpose.
type PurposeRights struct {
	Purpose Purpose
	Index   int // the purpose's index in the activity's Purposes
	Rights  []rights.Right
}

// Rights returns, for each purpose of the activity that concerns group
// (every purpose when group is empty), the rights the people in it have
// under regime g on the day of at. The rights are per purpose, not a union
// over the activity: a request reaches the data of the purposes whose
// rights include it.
func (a *Activity) Rights(g lawfulbasis.Regime, at time.Time, group Subject) []PurposeRights {
	var out []PurposeRights
	for i, p := range a.Purposes {
		if group != "" && !p.Concerns(group) {
			continue
		}
		out = append(out, PurposeRights{Purpose: p, Index: i, Rights: p.Rights(g, at)})
	}
	return out
}

// Engages returns the purposes whose data a request to exercise r
// reaches.
func Engages(prs []PurposeRights, r rights.Right) []Purpose {
	var out []Purpose
	for _, pr := range prs {
		for _, x := range pr.Rights {
			if x == r {
				out = append(out, pr.Purpose)
				break
			}
		}
	}
	return out
}

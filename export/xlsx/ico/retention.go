package ico

// This file reads the retention column.

import (
	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

func (x *rowReader) retention(a *ropa.Activity) {
	text := x.raw(tpl.ColRetention)
	if text == "" {
		return
	}
	if r, err := retention.Parse(text); err == nil {
		a.Retention = []ropa.Retention{{Rule: r}}
		return
	}
	lines := items(text)
	var rules []ropa.Retention
	for _, l := range lines {
		r, err := retention.Parse(l)
		if err != nil {
			a.Retention = []ropa.Retention{{Schedule: text}}
			return
		}
		rules = append(rules, ropa.Retention{Rule: r})
	}
	a.Retention = rules
}

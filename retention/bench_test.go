package retention_test

import (
	"testing"
	"time"

	"github.com/article30/article30/retention"
)

// BenchmarkDue measures Rule.Due over one million (rule, date) pairs. One
// op is one pass over all pairs; ns/due is the time per Due call.
func BenchmarkDue(b *testing.B) {
	rules := []retention.Rule{
		retention.MustParse("P6Y from termination-of-employment"),
		retention.MustParse("P12M from collection then anonymise"),
		retention.MustParse("P1M from last-contact"),
		retention.MustParse("P5Y from collection aligned 03-31 source statute: Companies Act 2006 s388"),
		retention.MustParse("P1Y from end-of-recruitment unless sponsored-visa: P7Y unless legal-claim: P6Y"),
		retention.MustParse("P1Y6M15D from end-of-contract then review"),
		retention.MustParse("until end-of-contract"),
	}
	london := time.FixedZone("BST", 60*60)
	const pairs = 1_000_000
	type pair struct {
		rule int
		from time.Time
	}
	ps := make([]pair, pairs)
	start := time.Date(2000, time.January, 1, 9, 30, 0, 0, time.UTC)
	for i := range ps {
		from := start.AddDate(0, 0, (i*7919)%(30*365)) // spread over 30 years
		if i%3 == 0 {
			from = from.In(london)
		}
		ps[i] = pair{rule: i % len(rules), from: from}
	}
	var (
		sink  time.Time
		count int
	)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range ps {
			due, ok := rules[ps[i].rule].Due(ps[i].from)
			if ok {
				sink = due
				count++
			}
		}
	}
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(ns/float64(pairs), "ns/due")
	if count == 0 || sink.IsZero() {
		b.Fatal("no due dates computed")
	}
}

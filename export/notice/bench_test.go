package notice

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// generated returns a UK register of n activities spread over the
// catalogue's groups of people, each with four purposes on different
// bases, eight data categories, sources, recipients, a transfer, two
// retention rules and an automated decision on every fifth (the others
// state that there are none).
func generated(n int) *ropa.Register {
	subjects := ropa.Subjects()
	cats := ropa.Categories()
	bases := []lawfulbasis.Basis{lawfulbasis.Consent, lawfulbasis.Contract, lawfulbasis.LegalObligation,
		lawfulbasis.PublicTask, lawfulbasis.LegitimateInterests, lawfulbasis.RecognisedLegitimateInterests}
	reg := full(lawfulbasis.UK)
	reg.Activities = nil
	for i := range n {
		a := ropa.Activity{
			ID: fmt.Sprintf("activity-%d", i), Name: fmt.Sprintf("Activity %d", i),
			DataSubjects: []ropa.Subject{subjects[i%len(subjects)], subjects[(i+3)%len(subjects)]},
			Sources: []ropa.Source{{Kind: ropa.FromSubject, Name: "Forms"}, {Kind: ropa.Observed, Name: "Cookies"},
				{Kind: ropa.FromThirdParty, Name: fmt.Sprintf("Partner %d", i%7)}},
			Provision: ropa.Provision{Requirement: ropa.Contractual, Consequences: "We cannot provide the service."},
			Recipients: []ropa.Recipient{{Name: fmt.Sprintf("Processor %d", i%9), Kind: ropa.Processor},
				{Name: fmt.Sprintf("Regulator %d", i%4), Kind: ropa.Authority}, {Name: "HR team", Kind: ropa.Internal}},
			Transfers: []ropa.Transfer{{Country: []string{"IN", "US", "JP", "DE"}[i%4], Recipient: fmt.Sprintf("Host %d", i%5),
				Mechanism: lawfulbasis.IDTA, Certified: true, ProtectionTest: "TRA"}},
			Special: ropa.SpecialCategory{Conditions: []lawfulbasis.Condition{lawfulbasis.ExplicitConsent, lawfulbasis.EmploymentLaw},
				Schedule1: []lawfulbasis.Schedule1{lawfulbasis.Sch1Employment}},
		}
		for j := range 4 {
			b := bases[(i+j)%len(bases)]
			a.Purposes = append(a.Purposes, ropa.Purpose{Description: fmt.Sprintf("Purpose %d of activity %d, described in a sentence of ordinary length", j, i),
				Basis: b, Interest: "Running our service well", Annex1: lawfulbasis.Annex1Safeguarding, Provision: "Education Act 1996 s13"})
		}
		for j := range 8 {
			a.DataCategories = append(a.DataCategories, ropa.Cat(cats[(i*3+j)%len(cats)]))
		}
		a.Retention = []ropa.Retention{
			{Categories: a.Categories()[:4], Rule: retention.MustParse("P6Y from last-contact")},
			{Categories: a.Categories()[4:], Rule: retention.MustParse("P1Y from collection"), Schedule: "One year after we collect it"},
		}
		if i%5 == 0 {
			a.Automated = []ropa.Decision{{Solely: true, Significant: true, Logic: "A score", Consequences: "No offer", Safeguards: ropa.DecisionSafeguards()}}
		} else {
			a.None = []ropa.None{{Fact: ropa.FactAutomated}}
		}
		reg.Activities = append(reg.Activities, a)
	}
	return reg
}

// BenchmarkGenerate generates the notice of a 50-activity register and
// renders it as Markdown, HTML and plain text, per operation.
func BenchmarkGenerate(b *testing.B) {
	reg := generated(50)
	b.ReportAllocs()
	size := 0
	cpu := processCPU()
	for b.Loop() {
		n, err := Generate(reg, lawDay)
		if err != nil {
			b.Fatal(err)
		}
		size = len(n.Markdown()) + len(n.HTML()) + len(n.Text())
	}
	reportCPU(b, cpu, 1, "cpu-ns/op", time.Nanosecond)
	b.ReportMetric(float64(size), "bytes/notice")
}

// reportCPU reports the processor time the process used since cpu (see
// processCPU), in units of in, per operation and per `per` (activities),
// as the metric unit. It is what an operation costs all the process's
// threads, the garbage collector's included, which on a busy shared
// machine varies less than the time it takes.
func reportCPU(b *testing.B, cpu time.Duration, per int, unit string, in time.Duration) {
	if cpu == 0 || b.N == 0 {
		return
	}
	d := processCPU() - cpu
	b.ReportMetric(float64(d)/float64(in)/float64(b.N)/float64(per), unit)
}

// BenchmarkGenerateScoped is BenchmarkGenerate with each activity's facts
// scoped between its two groups, as registers with per-group facts are
// (ropa.Activity.For): its first purpose, its last three categories, a
// retention rule, its third-party source and its transfer concern only the
// first group, and the second states no transfer.
func BenchmarkGenerateScoped(b *testing.B) {
	reg := generated(50)
	for i := range reg.Activities {
		a := &reg.Activities[i]
		first := a.DataSubjects[:1:1]
		a.Purposes[0].Subjects = first
		for j := 5; j < len(a.DataCategories); j++ {
			a.DataCategories[j].Subjects = first
		}
		a.Retention[1].Subjects = first
		a.Sources[2].Subjects = first
		a.Transfers[0].Subjects = first
		a.Recipients = append(a.Recipients, ropa.Recipient{Name: a.Transfers[0].Recipient, Kind: ropa.Processor, Subjects: first})
		a.None = append(a.None, ropa.None{Fact: ropa.FactTransfers, Subjects: a.DataSubjects[1:2:2]})
	}
	if err := reg.Validate(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		n, err := Generate(reg, lawDay)
		if err != nil {
			b.Fatal(err)
		}
		size = len(n.Markdown()) + len(n.HTML()) + len(n.Text())
	}
	b.ReportMetric(float64(size), "bytes/notice")
}

// BenchmarkParts splits BenchmarkGenerate's work: generating the notice
// and rendering each format, on the same 50-activity register.
func BenchmarkParts(b *testing.B) {
	reg := generated(50)
	n, err := Generate(reg, lawDay)
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range []struct {
		name string
		f    func() int
	}{
		{"Generate", func() int { n, _ := Generate(reg, lawDay); return len(n.Sections) }},
		{"Markdown", func() int { return len(n.Markdown()) }},
		{"HTML", func() int { return len(n.HTML()) }},
		{"Text", func() int { return len(n.Text()) }},
	} {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			size := 0
			for b.Loop() {
				size = p.f()
			}
			if p.name != "Generate" {
				b.SetBytes(int64(size))
			}
		})
	}
}

// BenchmarkFloor is the least BenchmarkGenerate could cost: writing the
// bytes of its three formats (made beforehand) into three new strings,
// per operation, without working any of them out.
func BenchmarkFloor(b *testing.B) {
	n, err := Generate(generated(50), lawDay)
	if err != nil {
		b.Fatal(err)
	}
	out := []string{n.Markdown(), n.HTML(), n.Text()}
	b.ReportAllocs()
	size := 0
	cpu := processCPU()
	for b.Loop() {
		size = 0
		for _, o := range out {
			size += len(strings.Clone(o))
		}
	}
	reportCPU(b, cpu, 1, "cpu-ns/op", time.Nanosecond)
	b.ReportMetric(float64(size), "bytes/notice")
}

// BenchmarkSeeds generates and renders (Markdown, HTML, text) the notice
// of each seed register for the whole organisation.
func BenchmarkSeeds(b *testing.B) {
	names, regs := seedRegisters(b)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n, err := Generate(regs[name], lawDay)
				if err != nil {
					b.Fatal(err)
				}
				_ = len(n.Markdown()) + len(n.HTML()) + len(n.Text())
			}
		})
	}
}

// BenchmarkGenerateScale generates the notice of registers of 1,000,
// 10,000 and 100,000 activities (generated, as BenchmarkGenerate's) and
// renders it in the three formats, reporting the cost per activity: it
// stays linear, the cost per activity at 100,000 within 1.5 times that
// at 1,000 (issue 17). It also reports the processor time per activity
// (cpu-µs/activity, on Unix), which a busy machine disturbs less than the
// time taken. Run it alone; 100,000 takes about a minute:
//
//	go test ./export/notice -run '^$' -bench GenerateScale -benchtime 1x
func BenchmarkGenerateScale(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			reg := generated(n)
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				no, err := Generate(reg, lawDay)
				if err != nil {
					b.Fatal(err)
				}
				_, _, _ = no.Markdown(), no.HTML(), no.Text()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/activity")
			reportCPU(b, cpu, n, "cpu-µs/activity", time.Microsecond)
		})
	}
}

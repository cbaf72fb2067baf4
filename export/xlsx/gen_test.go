package xlsx

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// The generator makes random registers that fill every field of the model,
// with the text a workbook finds hardest to keep: line breaks, leading
// characters that would start a formula, emoji, right-to-left scripts,
// surrounding spaces, escapes excelize itself uses, and empty values. Every
// register it makes passes Validate.

// gen is a seeded generator of registers.
type gen struct {
	r *rand.Rand
	// small keeps texts short (for the 10,000-activity benchmark register
	// it is false, to give cells of realistic length).
	small bool
}

func newGen(seed uint64) *gen { return &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))} }

// genPieces are the fragments free text is made of.
var genPieces = []string{
	"HR", "payroll", "recruitment of staff", "Zürich office", "São Paulo", "café", "naïve",
	"日本語のテキスト", "中文", "한국어", "emoji 😀🎉", "👩‍💻 team", "flag 🇬🇧",
	"שלום עולם", "مرحبا بالعالم", "\u200fRTL mark", "Ελληνικά", "кириллица",
	"<b>not html</b>", "a & b", `"quoted"`, "'single'", "back\\slash", "50%", "#hash", "_x000D_", "_x005F_", "x_x0041_y",
	"line one\nline two", "windows\r\nline", "tab\tinside", "  two  spaces  ",
	"SUM(A1:A2)", "HYPERLINK(\"http://x\")", "cmd|' /C calc'!A0", "1.10", "007", "TRUE", "2024-01-31", "1e5", "-1",
}

// genLeads start a text: each would make a spreadsheet formula if the cell
// were not text.
var genLeads = []string{"=", "+", "-", "@", "\t", "\r", " ", "\n", ""}

// text returns free text: empty about one time in six.
func (g *gen) text() string {
	if g.r.IntN(6) == 0 {
		return ""
	}
	return g.nonEmpty()
}

// nonEmpty returns free text that is never empty.
func (g *gen) nonEmpty() string {
	var b strings.Builder
	if g.r.IntN(3) == 0 {
		b.WriteString(genLeads[g.r.IntN(len(genLeads))])
	}
	n := 1 + g.r.IntN(3)
	if !g.small {
		n = 3 + g.r.IntN(6)
	}
	for i := range n {
		if i > 0 {
			b.WriteString([]string{" ", " ", "\n", ", "}[g.r.IntN(4)])
		}
		b.WriteString(genPieces[g.r.IntN(len(genPieces))])
	}
	if g.r.IntN(8) == 0 {
		b.WriteString(" ")
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// line returns one line of text with no surrounding space (for custom
// catalogue names).
func (g *gen) line() string {
	s := strings.Join(strings.Fields(g.nonEmpty()), " ")
	if s == "" {
		return "x"
	}
	return s
}

func (g *gen) bool() bool { return g.r.IntN(2) == 0 }

func pick[T any](g *gen, v ...T) T { return v[g.r.IntN(len(v))] }

// count returns a list length from 0 to 3.
func (g *gen) count() int { return g.r.IntN(4) }

func (g *gen) email() string {
	return pick(g, "", "dpo@example.org", "privacy+gdpr@example.co.uk", "a.b@sub.example.com", "x@例え.jp")
}

func (g *gen) url() string {
	return pick(g, "", "https://example.org/privacy", "http://example.com/complaints?form=1&x=2", "https://例え.jp/フォーム")
}

func (g *gen) date() ropa.Date {
	if g.r.IntN(4) == 0 {
		return ropa.Date{}
	}
	return ropa.NewDate(2000+g.r.IntN(31), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28))
}

func (g *gen) country() string {
	return pick(g, "US", "IN", "CH", "JP", "BR", "DE", "IE", "ZA", "EU")
}

func (g *gen) answer() ropa.Answer { return pick(g, "", ropa.Yes, ropa.No) }

func genList[T any](g *gen, f func() T) []T {
	n := g.count()
	if n == 0 {
		return nil
	}
	out := make([]T, n)
	for i := range out {
		out[i] = f()
	}
	return out
}

// distinct picks n distinct values of all (nil for none).
func distinct[T comparable](g *gen, all []T) []T {
	n := g.count()
	if n == 0 {
		return nil
	}
	perm := g.r.Perm(len(all))
	out := make([]T, 0, n)
	for _, i := range perm[:min(n, len(all))] {
		out = append(out, all[i])
	}
	return out
}

func (g *gen) subject() ropa.Subject {
	if g.r.IntN(4) == 0 {
		return ropa.Subject("custom: " + g.line())
	}
	return pick(g, ropa.Subjects()...)
}

func (g *gen) category() ropa.Category {
	if g.r.IntN(4) == 0 {
		return ropa.Category(pick(g, "custom", "custom special", "custom criminal") + ": " + g.line())
	}
	return pick(g, ropa.Categories()...)
}

var genRules = []string{
	"P6Y from termination-of-employment",
	"P12M from collection then anonymise",
	"P1Y from end-of-recruitment unless sponsored-visa: P7Y",
	"until end-of-contract",
	"indefinite then review",
	"P5Y from collection aligned 03-31",
	"P6Y from end-of-financial-year then delete source statute: Limitation Act 1980 s5",
	"P6Y from appointment unless sponsored-visa: P7Y unless legal-claim: P10Y source guidance: Home Office sponsor guidance",
	"P14D from last-contact",
	"P3M",
	"until end-of-school-year then review source policy: =our schedule, v2",
}

func (g *gen) rule() retention.Rule {
	if g.r.IntN(3) == 0 {
		return retention.Rule{}
	}
	return retention.MustParse(pick(g, genRules...))
}

func (g *gen) period() retention.Period {
	if g.r.IntN(3) == 0 {
		return retention.Period{}
	}
	return retention.Period{Years: g.r.IntN(10), Months: g.r.IntN(13), Days: 1 + g.r.IntN(40)}
}

// transfer returns a transfer to one of recipients (by name) or to none.
// A processor record's transfer (recipients nil) names a recipient in free
// text and may carry any valid scope, which the model allows.
func (g *gen) transfer(recipients []ropa.Recipient, scope func() []ropa.Subject) ropa.Transfer {
	var m lawfulbasis.Mechanism
	if g.r.IntN(4) > 0 {
		m = pick(g, lawfulbasis.Mechanisms()...)
	}
	rcp := g.text()
	if recipients != nil || scope != nil {
		rcp = ""
		if len(recipients) > 0 && g.r.IntN(4) > 0 {
			rcp = recipients[g.r.IntN(len(recipients))].Name
		}
	}
	t := ropa.Transfer{
		Country: g.country(), Recipient: rcp, Mechanism: m, Certified: g.bool(),
		Safeguards: g.text(), ProtectionTest: g.text(), Since: g.date(),
	}
	if scope != nil {
		t.Subjects = scope()
	} else if g.r.IntN(3) == 0 {
		t.Subjects = genList(g, g.subject)
	}
	return t
}

// scoper returns a function that draws scopes from subjects: nil (all of
// them) about half the time, else a non-empty set of distinct subjects.
func (g *gen) scoper(subjects []ropa.Subject) func() []ropa.Subject {
	var groups []ropa.Subject
	for _, s := range subjects {
		if !slices.Contains(groups, s) {
			groups = append(groups, s)
		}
	}
	return func() []ropa.Subject {
		if len(groups) == 0 || g.bool() {
			return nil
		}
		n := 1 + g.r.IntN(len(groups))
		out := make([]ropa.Subject, 0, n)
		for _, i := range g.r.Perm(len(groups))[:n] {
			out = append(out, groups[i])
		}
		return out
	}
}

// none returns statements of none for a, each for groups of which a
// states nothing of the fact, so that the register stays valid.
func (g *gen) none(a *ropa.Activity, scope func() []ropa.Subject) []ropa.None {
	var out []ropa.None
	for range g.count() {
		n := ropa.None{Fact: pick(g, ropa.Facts()...), Subjects: scope()}
		groups := n.Subjects
		if len(groups) == 0 {
			groups = a.DataSubjects
		}
		var ok []ropa.Subject
		for _, s := range groups {
			if a.Status(n.Fact, s) != ropa.Stated && !slices.Contains(ok, s) {
				ok = append(ok, s)
			}
		}
		switch {
		case len(ok) == 0 && len(groups) > 0:
			continue
		case len(ok) < len(groups):
			n.Subjects = ok
		}
		out = append(out, n)
	}
	return out
}

func (g *gen) authority() ropa.SupervisoryAuthority {
	if g.r.IntN(4) == 0 {
		return ropa.SupervisoryAuthority{}
	}
	return ropa.SupervisoryAuthority{
		Code: pick(g, "", "uk", "ie", "fr", "de"), Name: g.text(), Address: g.text(),
		Website: g.url(), Email: g.email(), Phone: g.text(),
	}
}

func (g *gen) contact() ropa.Contact {
	if g.r.IntN(4) == 0 {
		return ropa.Contact{}
	}
	return ropa.Contact{Name: g.text(), Address: g.text(), Email: g.email(), Phone: g.text()}
}

func (g *gen) activity(i int) ropa.Activity {
	id := fmt.Sprintf("activity-%d", i)
	if g.r.IntN(3) == 0 {
		id = g.line()
		if len([]rune(id)) > 80 {
			id = string([]rune(id)[:80])
		}
		id = pick(g, "", "=", "+", "@", " ") + id + fmt.Sprintf("#%d", i)
	}
	subjects := genList(g, g.subject)
	scope := g.scoper(subjects)
	a := ropa.Activity{
		ID: id, Name: g.nonEmpty(), BusinessFunction: g.text(), Owner: g.text(),
		Purposes: genList(g, func() ropa.Purpose {
			var b lawfulbasis.Basis
			if g.r.IntN(5) > 0 {
				b = pick(g, lawfulbasis.Bases()...)
			}
			var a1 lawfulbasis.Annex1
			if g.r.IntN(3) == 0 {
				a1 = pick(g, lawfulbasis.Annex1s()...)
			}
			return ropa.Purpose{
				Description: g.nonEmpty(), Basis: b, Interest: g.text(), Assessment: g.text(),
				Annex1: a1, Requester: g.text(), Provision: g.text(), OutsidePublicTasks: g.bool(),
				DirectMarketing: g.bool(), AfterObjection: g.bool(), Subjects: scope(),
			}
		}),
		DataSubjects: subjects,
		DataCategories: genList(g, func() ropa.DataCategory {
			return ropa.DataCategory{Category: g.category(), Subjects: scope()}
		}),
		Special: ropa.SpecialCategory{
			Conditions: distinct(g, lawfulbasis.Conditions()),
			Schedule1:  distinct(g, lawfulbasis.Schedule1s()),
			Law:        g.text(),
		},
		Criminal: ropa.CriminalOffence{Schedule1: distinct(g, lawfulbasis.Schedule1s()), Authority: g.text()},
		PolicyDocument: ropa.PolicyDocument{
			Reference: g.text(), Article6: g.text(), FollowsPolicy: g.answer(), Reason: g.text(),
		},
		Sources: genList(g, func() ropa.Source {
			return ropa.Source{Kind: pick(g, ropa.FromSubject, ropa.Observed, ropa.FromThirdParty, ropa.FromPublic), Name: g.text(), Subjects: scope()}
		}),
		Provision: ropa.Provision{
			Requirement:  pick(g, "", ropa.Statutory, ropa.Contractual, ropa.PreContract, ropa.Voluntary),
			Consequences: g.text(),
			Subjects:     scope(),
		},
		Recipients: genList(g, func() ropa.Recipient {
			return ropa.Recipient{
				Name: g.nonEmpty(), Kind: pick(g, ropa.Internal, ropa.Processor, ropa.ThirdParty, ropa.JointRecipient, ropa.Authority),
				Country: pick(g, "", "US", "FR", "GB"), Contract: g.text(), Subjects: scope(),
			}
		}),
		Retention: genList(g, func() ropa.Retention {
			return ropa.Retention{
				Categories: genList(g, g.category), Rule: g.rule(), Schedule: g.text(),
				Minimum: g.period(), MinimumSource: g.text(), Subjects: scope(),
			}
		}),
		Security: genList(g, g.text),
		Automated: genList(g, func() ropa.Decision {
			return ropa.Decision{
				Description: g.text(),
				Solely:      g.bool(), Significant: g.bool(), Profiling: g.bool(), Logic: g.text(), Consequences: g.text(),
				Ground:     pick(g, "", ropa.ContractNecessity, ropa.AuthorisedByLaw, ropa.ExplicitConsent),
				Safeguards: distinct(g, ropa.DecisionSafeguards()),
				Subjects:   scope(),
			}
		}),
		Children: ropa.Children{
			OnlineService: g.bool(), AgeAssurance: g.text(), ParentalConsent: g.text(), HigherProtection: g.text(),
		},
		LargeScale: g.bool(), Monitoring: g.bool(),
		DPIA:          ropa.DPIA{Required: g.answer(), Status: pick(g, "", ropa.NotStarted, ropa.InProgress, ropa.Complete), Reference: g.text()},
		Screening:     distinct(g, ropa.Criteria()),
		ConsentRecord: g.text(),
		Consent: ropa.Consent{
			GivenBy:    pick(g, "", ropa.ConsentBySubject, ropa.ConsentByParent),
			Withdrawal: g.text(),
			Biometric:  ropa.BiometricConsent{ParentalConsent: g.bool(), ChildRefusal: g.bool(), Alternative: g.text()},
		},
		Breach:    ropa.Breach{Occurred: g.answer(), Reference: g.text()},
		Systems:   genList(g, g.text),
		Locations: genList(g, g.text),
		Notes:     g.text(),
	}
	a.Transfers = genList(g, func() ropa.Transfer { return g.transfer(a.Recipients, scope) })
	a.None = g.none(&a, scope)
	return a
}

// register returns a register with n activities (n < 0: 0 to 3).
func (g *gen) register(n int) *ropa.Register {
	if n < 0 {
		n = g.count()
	}
	reg := &ropa.Register{
		Jurisdiction: pick(g, lawfulbasis.UK, lawfulbasis.EU),
		Controller: ropa.Organisation{
			Name: g.nonEmpty(), Address: g.text(), Email: g.email(), Phone: g.text(), Website: g.url(),
			Registration: g.text(), PublicAuthority: g.bool(), School: g.bool(), Headcount: pick(g, "", ropa.Under250, ropa.From250),
		},
		Authority:      g.authority(),
		DPO:            g.contact(),
		Representative: g.contact(),
		JointControllers: genList(g, func() ropa.JointController {
			return ropa.JointController{
				Name: g.nonEmpty(), Contact: g.text(), Responsibilities: g.text(),
				Arrangement: g.text(), Essence: g.text(),
			}
		}),
		Complaints: ropa.ComplaintRoute{Form: g.url(), Email: g.email(), Phone: g.text(), Address: g.text(), Details: g.text()},
		ProcessorRecords: genList(g, func() ropa.ProcessorRecord {
			return ropa.ProcessorRecord{
				Controller: g.nonEmpty(), Representative: g.text(), Processing: genList(g, g.text),
				Transfers: genList(g, func() ropa.Transfer { return g.transfer(nil, nil) }), Security: genList(g, g.text),
			}
		}),
		ReviewDate: g.date(),
		Version:    g.text(),
	}
	for i := range n {
		a := g.activity(i)
		if len(reg.JointControllers) > 0 && g.bool() {
			a.JointControllers = append(a.JointControllers, reg.JointControllers[0].Name)
		}
		a.JointControllers = append(a.JointControllers, genList(g, g.text)...)
		if len(a.JointControllers) == 0 {
			a.JointControllers = nil
		}
		reg.Activities = append(reg.Activities, a)
	}
	return reg
}

// TestGeneratorValid checks that the generator makes valid registers and,
// over many of them, fills every field of the model.
func TestGeneratorValid(t *testing.T) {
	g := newGen(1)
	g.small = true
	seen := map[string]bool{}
	for i := range 300 {
		reg := g.register(-1)
		if err := reg.Validate(); err != nil {
			t.Fatalf("register %d does not validate:\n%v", i, err)
		}
		markFilled(reflect.ValueOf(reg).Elem(), "Register", seen)
	}
	var missing []string
	allFields(reflect.TypeFor[ropa.Register](), "Register", func(path string) {
		if !seen[path] {
			missing = append(missing, path)
		}
	})
	if len(missing) > 0 {
		t.Errorf("the generator never fills:\n%s", strings.Join(missing, "\n"))
	}
}

// genLeaf reports whether t is treated as one value (not walked into).
func genLeaf(t reflect.Type) bool {
	switch t {
	case reflect.TypeFor[ropa.Date](), reflect.TypeFor[retention.Rule](), reflect.TypeFor[retention.Period]():
		return true
	}
	return t.Kind() != reflect.Struct
}

// allFields calls f with the path of every field of the model, by type
// ("Activity.Purposes.Basis").
func allFields(t reflect.Type, path string, f func(string)) {
	for i := range t.NumField() {
		fd := t.Field(i)
		p := path + "." + fd.Name
		f(p)
		ft := fd.Type
		if ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if !genLeaf(ft) {
			allFields(ft, p, f)
		}
	}
}

// markFilled records the paths of the fields that hold a non-zero value.
func markFilled(v reflect.Value, path string, seen map[string]bool) {
	t := v.Type()
	for i := range t.NumField() {
		fd, fv := t.Field(i), v.Field(i)
		p := path + "." + fd.Name
		if !fv.IsZero() {
			seen[p] = true
		}
		switch {
		case fv.Kind() == reflect.Slice:
			for j := range fv.Len() {
				if e := fv.Index(j); !genLeaf(e.Type()) {
					markFilled(e, p, seen)
				}
			}
		case !genLeaf(fv.Type()):
			markFilled(fv, p, seen)
		}
	}
}

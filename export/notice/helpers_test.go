package notice

import (
	"html"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// day is a calendar date in UTC.
// lawDay is the day the tests apply the law at when the day does not matter
// to them: the date the module's legal data was brought up to date.
var lawDay = lawfulbasis.LawAsOf

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// seedRegisters loads the seed organisations' registers, by file name
// without extension, in name order.
func seedRegisters(t testing.TB) (names []string, regs map[string]*ropa.Register) {
	t.Helper()
	files, err := filepath.Glob("../../examples/registers/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed registers: %v", err)
	}
	sort.Strings(files)
	regs = map[string]*ropa.Register{}
	for _, f := range files {
		reg, err := ropa.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		names = append(names, name)
		regs[name] = reg
	}
	return names, regs
}

// small returns a register with one activity about employees whose
// purposes rest on the given bases (one purpose per basis).
func small(regime lawfulbasis.Regime, bases ...lawfulbasis.Basis) *ropa.Register {
	a := ropa.Activity{
		ID: "hr", Name: "Human resources",
		DataSubjects:   []ropa.Subject{ropa.Employees},
		DataCategories: ropa.Cats(ropa.Identifiers, ropa.ContactDetails),
		Sources:        []ropa.Source{{Kind: ropa.FromSubject}},
		Recipients:     []ropa.Recipient{{Name: "Payroll Ltd", Kind: ropa.Processor}},
		Retention:      []ropa.Retention{{Rule: retention.MustParse("P6Y from termination-of-employment")}},
		Provision:      ropa.Provision{Requirement: ropa.Contractual},
	}
	for _, b := range bases {
		p := ropa.Purpose{Description: "Purpose under " + b.String(), Basis: b}
		switch b {
		case lawfulbasis.LegitimateInterests:
			p.Interest = "Running the organisation"
		case lawfulbasis.RecognisedLegitimateInterests:
			p.Annex1 = lawfulbasis.Annex1Crime
		case lawfulbasis.LegalObligation:
			p.Provision = "Employment Rights Act 1996 s1"
		}
		a.Purposes = append(a.Purposes, p)
	}
	return &ropa.Register{
		Jurisdiction: regime,
		Controller:   ropa.Organisation{Name: "Acme Ltd", Address: "1 High Street, Leeds LS1 1AA", Email: "info@acme.example"},
		DPO:          ropa.Contact{Name: "Dee Poe", Email: "dpo@acme.example"},
		Complaints:   ropa.ComplaintRoute{Form: "https://acme.example/complaints", Email: "complaints@acme.example"},
		Activities:   []ropa.Activity{a},
	}
}

// full returns a register that fills every item of Articles 13 and 14
// under regime r: controller and DPO contacts, a representative, purposes
// with bases (legitimate interests with its interest, consent, legal
// obligation with its law), special category data with their conditions,
// a named third-party source, recipients, a transfer on a safeguard that
// exists under the regime, retention for every category, whether the data
// must be provided, a solely automated significant decision with its logic,
// consequences and the four safeguards, complaint routes, and under the EU
// regime the supervisory authority (Ireland's).
func full(r lawfulbasis.Regime) *ropa.Register {
	mech := lawfulbasis.IDTA
	if r == lawfulbasis.EU {
		mech = lawfulbasis.SCC
	}
	special := ropa.SpecialCategory{Conditions: []lawfulbasis.Condition{lawfulbasis.ExplicitConsent}}
	var auth ropa.SupervisoryAuthority
	if r == lawfulbasis.EU {
		auth.Code = "ie"
	}
	return &ropa.Register{
		Jurisdiction: r,
		Authority:    auth,
		Controller: ropa.Organisation{Name: "Full Careers Ltd", Address: "2 Quarry Hill, Leeds LS2 7UE",
			Email: "privacy@full.example", Phone: "0113 496 0100", Website: "https://full.example"},
		DPO:            ropa.Contact{Name: "Priya Shah", Email: "dpo@full.example", Phone: "0113 496 0101", Address: "2 Quarry Hill, Leeds LS2 7UE"},
		Representative: ropa.Contact{Name: "Rep Ltd", Email: "rep@rep.example"},
		Complaints: ropa.ComplaintRoute{Form: "https://full.example/complaints", Email: "complaints@full.example",
			Phone: "0113 496 0102", Address: "Complaints, 2 Quarry Hill, Leeds LS2 7UE"},
		Version: "3",
		Activities: []ropa.Activity{{
			ID: "guidance", Name: "Careers guidance",
			Purposes: []ropa.Purpose{
				{Description: "Give careers guidance", Basis: lawfulbasis.LegitimateInterests, Interest: "Helping people choose a career"},
				{Description: "Send our newsletter", Basis: lawfulbasis.Consent},
				{Description: "Keep accounts", Basis: lawfulbasis.LegalObligation, Provision: "Companies Act 2006 s386"},
			},
			DataSubjects:   []ropa.Subject{ropa.Customers},
			DataCategories: ropa.Cats(ropa.Identifiers, ropa.ContactDetails, ropa.Health),
			Special:        special,
			Sources:        []ropa.Source{{Kind: ropa.FromSubject, Name: "Guidance interviews"}, {Kind: ropa.FromThirdParty, Name: "Schools"}},
			Provision:      ropa.Provision{Requirement: ropa.Voluntary, Consequences: "We can give only general advice."},
			Recipients:     []ropa.Recipient{{Name: "PortalCo", Kind: ropa.Processor, Country: "IN"}, {Name: "Schools", Kind: ropa.ThirdParty}},
			Transfers:      []ropa.Transfer{{Country: "IN", Recipient: "PortalCo", Mechanism: mech, ProtectionTest: "TRA-1"}},
			Retention:      []ropa.Retention{{Rule: retention.MustParse("P6Y from last-contact")}},
			Automated: []ropa.Decision{{Solely: true, Significant: true, Logic: "A score ranks applications",
				Consequences: "You may not be offered a place", Ground: ropa.ExplicitConsent, Safeguards: ropa.DecisionSafeguards()}},
		}},
	}
}

// norm lower-cases text and collapses white space, for comparing content
// across renderings.
func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// flat collapses white space, so that phrases wrapped in the text form
// can be found.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

var tagRE = regexp.MustCompile(`<[^>]*>`)

// htmlText is the text of an HTML rendering: tags removed, entities
// decoded.
func htmlText(s string) string { return html.UnescapeString(tagRE.ReplaceAllString(s, "")) }

// mdText is the text of a Markdown rendering: backslash escapes removed.
func mdText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// section returns the first section with the heading.
func section(n *Notice, heading string) *Section {
	for i := range n.Sections {
		if n.Sections[i].Heading == heading {
			return &n.Sections[i]
		}
	}
	return nil
}

// items returns the list items of a section.
func items(s *Section) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, b := range s.Blocks {
		if l, ok := b.(List); ok {
			out = append(out, l.Items...)
		}
	}
	return out
}

// coverage returns the coverage item for an article, and whether it is
// listed.
func coverage(n *Notice, art string) (CoverageItem, bool) {
	for _, it := range n.Coverage() {
		if it.Article == art {
			return it, true
		}
	}
	return CoverageItem{}, false
}

// readerText is the plain text of n without the draft banner, which speaks
// to the organisation (quoting the coverage reasons), not to the reader.
func readerText(n *Notice) string {
	c := *n
	c.coverage = nil
	return c.Text()
}

package notice

import (
	"errors"
	"strings"
	"time"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// Errors that callers may test for with [errors.Is].
var (
	// ErrNoRegister is returned for a nil register.
	ErrNoRegister = errors.New("notice: no register")
	// ErrRegime is returned for a register whose jurisdiction is neither UK
	// nor EU.
	ErrRegime = errors.New("notice: register has no valid jurisdiction")
	// ErrAudience is returned when the audience asked for is empty or names a
	// group of people the register records no activity about.
	ErrAudience = errors.New("notice: audience not in register")
)

// Notice is a privacy notice built from a register for one audience: a
// title and a list of sections, each a heading with blocks of text. The
// renderers ([Notice.Markdown], [Notice.Text], [Notice.HTML], [Notice.Page])
// write the same content in their own form. [Notice.Coverage] says which
// items of Articles 13 and 14 the notice fills from the register.
type Notice struct {
	// Title is the notice's title: the page's only top-level heading.
	Title string
	// Lang is the language tag of the text: "en-GB" under the UK regime,
	// "en" under the EU regime.
	Lang string
	// Regime is the law the notice is written under (the register's
	// jurisdiction).
	Regime lawfulbasis.Regime
	// AsOf is the day whose law the notice applies, stated once in the
	// notice.
	AsOf time.Time
	// Updated is the date the notice gives as its last update: the
	// register's review date, else its version label when that is a date
	// (YYYY-MM-DD); zero, and no date given, when the register records
	// neither. It is never the day the notice was generated.
	Updated time.Time
	// Audience are the groups of people the notice is for, in catalogue
	// order with custom groups last.
	Audience []ropa.Subject
	// Young is true when the audience is only young people or pupils and
	// students: the fixed sentences are then the simpler variants written
	// for them.
	Young bool
	// Sections are the notice's sections in order. A level-2 section is
	// followed by its level-3 subsections.
	Sections []Section

	trace bool // write data-source attributes in the HTML

	coverage []CoverageItem
}

// Section is a heading with its blocks. Level is 2 for a main section and
// 3 for a subsection of the level-2 section before it.
type Section struct {
	Heading string
	Level   int
	Blocks  []Block
	// ID is the section's anchor, which links in the notice point to: the
	// one GitHub gives the heading in Markdown ("your-rights"), with "-1",
	// "-2" ... after a repeated heading.
	ID string
	// Nav is true for the table of contents, which the HTML writes as a
	// <nav> element.
	Nav bool
	// Sources holds, for each block, the register fields it was
	// generated from, as JSON paths with indexes
	// ("activities[2].purposes[0]", "complaints.form"), so that a reviewer
	// can trace each sentence. The paths are those of the block's section:
	// a block of a group's subsection carries the entries of that kind the
	// register records for the group (and the activities' statements of
	// none); a section several groups share carries the entries of all of
	// them. With [Trace], the HTML writes them as data-source attributes.
	Sources [][]string

	src []string // the fields of the section, while it is generated
}

// Block is a block of a section's content: a [Paragraph], a [List], a
// [Table], a [Link] or a list of [Links]. The interface is sealed: no other
// type implements it.
type Block interface{ block() }

// Link is a paragraph that points to another section of the notice. Text
// holds "%s" where the link goes (the link alone when Text is empty); the
// link reads Label and goes to the section whose [Section.ID] is Target.
// The plain text form writes the label in quotation marks.
type Link struct {
	Text   string
	Label  string
	Target string
}

// Links is a bulleted list of [Link]s.
type Links struct{ Items []Link }

// parts returns the text before and after the link.
func (l Link) parts() (before, after string) {
	if l.Text == "" {
		return "", ""
	}
	before, after, ok := strings.Cut(l.Text, "%s")
	if !ok {
		return l.Text + " ", ""
	}
	return before, after
}

// words counts the words of the link's text, label included.
func (l Link) words() int {
	before, after := l.parts()
	return wordCount(before) + wordCount(l.Label) + wordCount(after)
}

func (Link) block()  {}
func (Links) block() {}

// Paragraph is one paragraph of text.
type Paragraph struct{ Text string }

// List is a bulleted list.
type List struct{ Items []string }

// Table is a table with a caption, a header row and rows of cells. The
// first cell of each row names what the row is about.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
}

func (Paragraph) block() {}
func (List) block()      {}
func (Table) block()     {}

// CoverageItem is one information item of Articles 13 and 14 and whether the
// notice fills it from the register.
type CoverageItem struct {
	// Article is the point of the article, such as "13(1)(a)" or "14(2)(f)".
	Article string `json:"article"`
	// Requirement says in a few words what the item is.
	Requirement string `json:"requirement"`
	// Filled reports whether the notice states the item, or the item does
	// not apply to the audience (Reason then says so).
	Filled bool `json:"filled"`
	// Fields are the register fields the notice used for the item, as JSON
	// paths such as "controller.name" or "activities[].purposes[].basis".
	Fields []string `json:"fields,omitempty"`
	// Reason says why the item is not filled, or, for a filled item, why it
	// does not apply ("not applicable: ...", "no DPO designated").
	Reason string `json:"reason,omitempty"`
}

// Routes are the ways people reach the organisation to use their rights
// and to complain to it. Without [Contact], requests go to the DPO's email
// address (or, without one, the controller's), and complaints go by the
// routes in the register's complaints record.
type Routes struct {
	RequestsEmail     string // email address for requests to use a right
	RequestsURL       string // web page or form for requests
	ComplaintsEmail   string // email address for complaints
	ComplaintsForm    string // address of the electronic complaint form (DPA 2018 s164A(2))
	ComplaintsPhone   string // telephone number for complaints
	ComplaintsAddress string // postal address for complaints
}

// Regulator is a data protection supervisory authority that people can
// complain to.
type Regulator struct {
	Name    string
	Address string
	Phone   string
	Website string
	Email   string
}

// ICO returns the UK regulator as a notice dated at names it by default:
// its statutory name on that day with the short name people know
// ("Information Commission (ICO)"), its postal address, helpline and
// complaints page, from [authority.UK]. The statutory name becomes
// "Information Commission" when DUAA s119 is fully in force, a date the
// authority package holds as data ([authority.CommissionFrom],
// UNCONFIRMED).
func ICO(at time.Time) Regulator { return regulatorOf(authority.UK(at)) }

// Option configures [Generate].
type Option func(*config)

type config struct {
	trace        bool
	audience     []ropa.Subject
	audienceSet  bool
	routes       Routes
	authority    Regulator
	authoritySet bool
}

// Trace makes [Notice.HTML] and [Notice.Page] write, on each paragraph,
// list and table, a data-source attribute holding the register fields it
// came from ([Section.Sources]), separated by spaces. It is off by
// default: a published notice does not need them.
func Trace() Option { return func(c *config) { c.trace = true } }

// Audience limits the notice to the given groups of people. Without it the
// notice is for every group the register records. Each group must appear
// in some activity of the register.
func Audience(subjects ...ropa.Subject) Option {
	s := append([]ropa.Subject(nil), subjects...)
	return func(c *config) { c.audience, c.audienceSet = s, true }
}

// Contact sets the routes for requests and complaints. Each non-empty field
// replaces the default the register gives; empty fields keep it.
func Contact(r Routes) Option { return func(c *config) { c.routes = r } }

// Authority sets the supervisory authority people can complain to,
// instead of the register's (ropa.Register.Authority, whose code is looked
// up in the [authority] package). Without either, under the UK regime the
// notice names the UK regulator as it stood on the notice's date
// ([authority.UK]); under the EU regime it names none, states only the
// right to complain to a supervisory authority, and [Notice.Coverage]
// reports Art 13(2)(d) as missing.
func Authority(a Regulator) Option {
	return func(c *config) { c.authority, c.authoritySet = a, true }
}

// Coverage returns the items of Articles 13 and 14 and whether the notice
// fills each. The items are those of Art 13(1)(a)-(f) and 13(2)(a)-(f)
// (under the UK regime from 19 June 2026 with 13(2)(ca)), then Art 14(1)(d)
// and 14(2)(f) (under the UK regime from 19 June 2026 with 14(2)(da)). The
// Art 14 items are always listed: where the register states, for every
// activity of every group of the audience, that no data come from anyone
// but the people themselves (none: [other-sources]), they are Filled with
// the Reason "not applicable: ..."; where it does not record it, they are
// missing. An item the notice could fill only by denying what the register
// does not deny (automated decisions, transfers, recipients, other
// sources) is missing, with the activity and the statement that would
// fill it.
func (n *Notice) Coverage() []CoverageItem {
	out := make([]CoverageItem, len(n.coverage))
	for i, it := range n.coverage {
		it.Fields = append([]string(nil), it.Fields...)
		out[i] = it
	}
	return out
}

// Missing returns the items of [Notice.Coverage] the notice does not fill:
// what the register lacks that Articles 13 and 14 require, as they read
// under the notice's regime on its date. It is empty for a notice that can
// be published.
func (n *Notice) Missing() []CoverageItem {
	var out []CoverageItem
	for _, it := range n.coverage {
		if !it.Filled {
			it.Fields = append([]string(nil), it.Fields...)
			out = append(out, it)
		}
	}
	return out
}

// Draft reports whether the notice is a draft: some item of
// [Notice.Coverage] is missing. The renderers then put a banner listing
// the missing items at the top of the notice, so that it cannot be
// published by accident; a notice with nothing missing has none.
func (n *Notice) Draft() bool {
	for _, it := range n.coverage {
		if !it.Filled {
			return true
		}
	}
	return false
}

// draftItems are the lines of the draft banner, one per missing item.
func (n *Notice) draftItems() []string {
	var out []string
	for _, it := range n.coverage {
		if !it.Filled {
			line := "Art " + it.Article + ", " + it.Requirement
			if it.Reason != "" {
				line += ": " + it.Reason
			}
			out = append(out, clean(line))
		}
	}
	return out
}

// draftPhrases are the phrases of the banner.
func (n *Notice) draftPhrases() *phrases {
	if n.Young {
		return young
	}
	return adult
}

// Readability returns the Flesch reading ease of the notice's plain text
// ([Notice.Text]); see [Flesch].
func (n *Notice) Readability() float64 { return Flesch(n.Text()) }

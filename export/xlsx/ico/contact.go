package ico

// This file reads the contact block above the table (Art 30(1)(a)).

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"github.com/article30/article30/ropa"
)

type icoContact struct {
	name, address, email, phone string
	found                       bool
}

const (
	icoBlockController = iota
	icoBlockDPO
	icoBlockRepresentative
)

// icoBlockOf recognises a contact block's title.
func icoBlockOf(prof layout, text string) int {
	toks := icoTokens(text)
	if len(toks) == 0 || len(toks) > 10 || strings.Contains(text, "@") {
		return -1
	}
	if lab, _ := icoLabelOf(text); lab >= 0 {
		return -1
	}
	key := strings.Join(toks, " ")
	for i, b := range prof.ContactBlocks {
		if i <= icoBlockRepresentative && strings.Join(icoTokens(b), " ") == key {
			return i
		}
	}
	switch {
	case icoSigs("name contact detail !joint !controller !officer !dpo !representative")[0].match(toks),
		key == "controller", key == "organisation", key == "organization", key == "controller detail", key == "organisation detail":
		return icoBlockController
	case icoSigs("data protection officer")[0].match(toks), len(toks) <= 4 && icoSigs("dpo")[0].match(toks):
		return icoBlockDPO
	case icoSigs("representative !controller")[0].match(toks):
		return icoBlockRepresentative
	}
	return -1
}

// icoLabelOf recognises a contact label (0 name, 1 address, 2 email, 3
// telephone) and returns any value typed after a colon in the same cell.
func icoLabelOf(text string) (int, string) {
	head, rest, _ := strings.Cut(text, ":")
	switch strings.Join(icoTokens(head), " ") {
	case "name", "full name", "organisation name", "organization name", "contact name":
		return 0, strings.TrimSpace(rest)
	case "address", "postal address", "registered address", "registered office":
		return 1, strings.TrimSpace(rest)
	case "email", "e mail", "email address", "e mail address":
		return 2, strings.TrimSpace(rest)
	case "telephone", "phone", "tel", "telephone number", "phone number", "tel no", "telephone no", "contact number":
		return 3, strings.TrimSpace(rest)
	}
	return -1, ""
}

// contacts reads the contact block above the heading row.
func (rd *icoReader) contacts(s *icoSheet, headerRow int) map[icoPos]bool {
	blocks, where, used := rd.contactBlocks(s, headerRow)
	c := blocks[icoBlockController]
	switch {
	case !c.found:
		rd.fail(s.name, -1, -1, "", errors.New("no contact block above the table, or none with the controller's name: "+
			"the controller's name and contact details (Art 30(1)(a)) were left empty for you to fill in the register"))
	case c.name == "":
		rd.fail(s.name, -1, -1, "", errors.New("the contact block has no name for the controller: "+
			"the controller's name (Art 30(1)(a)) was left empty for you to fill in the register"))
	}
	if c.found {
		rd.reg.Controller.Name = c.name
		rd.reg.Controller.Address = c.address
		rd.reg.Controller.Phone = c.phone
		rd.reg.Controller.Email = rd.email(s, where[icoBlockController], c.email)
	}
	for i, dst := range []*ropa.Contact{icoBlockDPO: &rd.reg.DPO, icoBlockRepresentative: &rd.reg.Representative} {
		if dst == nil || !blocks[i].found {
			continue
		}
		b := blocks[i]
		*dst = ropa.Contact{Name: b.name, Address: b.address, Phone: b.phone, Email: rd.email(s, where[i], b.email)}
	}
	return used
}

// email checks an email address from the contact block.
func (rd *icoReader) email(s *icoSheet, at icoPos, v string) string {
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "mailto:"))
	if v == "" {
		return ""
	}
	if icoValidEmail(v) {
		return v
	}
	rd.fail(s.name, at.row, at.col, v, fmt.Errorf("not an email address: %q", v))
	return ""
}

func icoValidEmail(v string) bool {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(v, '@')
	return at > 0 && strings.Contains(v[at+1:], ".") && !strings.ContainsAny(v, " \t\n")
}

// contactBlocks finds the three blocks above the heading row. where holds
// the cell of each block's email value, for errors.
func (rd *icoReader) contactBlocks(s *icoSheet, headerRow int) (blocks [3]icoContact, where [3]icoPos, used map[icoPos]bool) {
	cell := func(r, c int) string {
		if r < 0 || r >= headerRow || r >= len(s.top) || c < 0 || c >= len(s.top[r]) || icoBlank(s.top[r][c]) {
			return ""
		}
		return s.top[r][c]
	}
	used = map[icoPos]bool{}
	// read fills a block from labels in column lc and values to their right,
	// in the rows below row r0.
	read := func(b int, r0, lc int) bool {
		hit := false
		for r := r0 + 1; r <= r0+6 && r < headerRow; r++ {
			txt := cell(r, lc)
			if txt == "" {
				continue
			}
			if icoBlockOf(icoLayout, txt) >= 0 {
				break
			}
			lab, inline := icoLabelOf(txt)
			if lab < 0 {
				continue
			}
			used[icoPos{r, lc}] = true
			val, at := inline, icoPos{r, lc}
			if val == "" {
				val, at = cell(r, lc+1), icoPos{r, lc + 1}
				if val != "" {
					used[at] = true
				}
			}
			hit = true
			if val == "" {
				continue
			}
			blocks[b].found = true
			switch lab {
			case 0:
				if blocks[b].name == "" {
					blocks[b].name = val
				}
			case 1:
				if blocks[b].address == "" {
					blocks[b].address = val
				}
			case 2:
				if blocks[b].email == "" {
					blocks[b].email, where[b] = val, at
				}
			case 3:
				if blocks[b].phone == "" {
					blocks[b].phone = val
				}
			}
		}
		return hit
	}
	var seen [3]bool
	for r := 0; r < headerRow && r < len(s.top); r++ {
		for c := range s.top[r] {
			txt := cell(r, c)
			if txt == "" {
				continue
			}
			b := icoBlockOf(icoLayout, txt)
			if b < 0 || seen[b] {
				continue
			}
			seen[b] = true
			used[icoPos{r, c}] = true
			if !read(b, r, c) {
				read(b, r, c-1)
			}
		}
	}
	// A block whose title was deleted: labels with no block above them
	// are the controller's.
	if !seen[icoBlockController] {
		for r := 0; r < headerRow && r < len(s.top) && !seen[icoBlockController]; r++ {
			for c := range s.top[r] {
				if used[icoPos{r, c}] {
					continue
				}
				if lab, _ := icoLabelOf(cell(r, c)); lab == 0 {
					seen[icoBlockController] = true
					read(icoBlockController, r-1, c)
					break
				}
			}
		}
	}
	return blocks, where, used
}

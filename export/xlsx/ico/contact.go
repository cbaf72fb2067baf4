package ico

// This file reads the contact block above the table (Art 30(1)(a)).

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"github.com/article30/article30/ropa"
)

type contactBlock struct {
	name, address, email, phone string
	found                       bool
}

const (
	blockController = iota
	blockDPO
	blockRepresentative
)

// blockOf recognises a contact block's title.
func blockOf(prof layout, text string) int {
	toks := tokens(text)
	if len(toks) == 0 || len(toks) > 10 || strings.Contains(text, "@") {
		return -1
	}
	if lab, _ := labelOf(text); lab >= 0 {
		return -1
	}
	key := strings.Join(toks, " ")
	for i, b := range prof.ContactBlocks {
		if i <= blockRepresentative && strings.Join(tokens(b), " ") == key {
			return i
		}
	}
	switch {
	case signatures("name contact detail !joint !controller !officer !dpo !representative")[0].match(toks),
		key == "controller", key == "organisation", key == "organization", key == "controller detail", key == "organisation detail":
		return blockController
	case signatures("data protection officer")[0].match(toks), len(toks) <= 4 && signatures("dpo")[0].match(toks):
		return blockDPO
	case signatures("representative !controller")[0].match(toks):
		return blockRepresentative
	}
	return -1
}

// labelOf recognises a contact label (0 name, 1 address, 2 email, 3
// telephone) and returns any value typed after a colon in the same cell.
func labelOf(text string) (int, string) {
	head, rest, _ := strings.Cut(text, ":")
	switch strings.Join(tokens(head), " ") {
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
func (rd *importer) contacts(s *sheetReader, headerRow int) map[cellPos]bool {
	blocks, where, used := rd.contactBlocks(s, headerRow)
	c := blocks[blockController]
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
		rd.reg.Controller.Email = rd.email(s, where[blockController], c.email)
	}
	for i, dst := range []*ropa.Contact{blockDPO: &rd.reg.DPO, blockRepresentative: &rd.reg.Representative} {
		if dst == nil || !blocks[i].found {
			continue
		}
		b := blocks[i]
		*dst = ropa.Contact{Name: b.name, Address: b.address, Phone: b.phone, Email: rd.email(s, where[i], b.email)}
	}
	return used
}

// email checks an email address from the contact block.
func (rd *importer) email(s *sheetReader, at cellPos, v string) string {
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "mailto:"))
	if v == "" {
		return ""
	}
	if validEmail(v) {
		return v
	}
	rd.fail(s.name, at.row, at.col, v, fmt.Errorf("not an email address: %q", v))
	return ""
}

func validEmail(v string) bool {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(v, '@')
	return at > 0 && strings.Contains(v[at+1:], ".") && !strings.ContainsAny(v, " \t\n")
}

// contactBlocks finds the three blocks above the heading row. where holds
// the cell of each block's email value, for errors.
func (rd *importer) contactBlocks(s *sheetReader, headerRow int) (blocks [3]contactBlock, where [3]cellPos, used map[cellPos]bool) {
	cell := func(r, c int) string {
		if r < 0 || r >= headerRow || r >= len(s.top) || c < 0 || c >= len(s.top[r]) || isBlank(s.top[r][c]) {
			return ""
		}
		return s.top[r][c]
	}
	used = map[cellPos]bool{}
	// read fills a block from labels in column lc and values to their right,
	// in the rows below row r0.
	read := func(b int, r0, lc int) bool {
		hit := false
		for r := r0 + 1; r <= r0+6 && r < headerRow; r++ {
			txt := cell(r, lc)
			if txt == "" {
				continue
			}
			if blockOf(templateLayout, txt) >= 0 {
				break
			}
			lab, inline := labelOf(txt)
			if lab < 0 {
				continue
			}
			used[cellPos{r, lc}] = true
			val, at := inline, cellPos{r, lc}
			if val == "" {
				val, at = cell(r, lc+1), cellPos{r, lc + 1}
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
			b := blockOf(templateLayout, txt)
			if b < 0 || seen[b] {
				continue
			}
			seen[b] = true
			used[cellPos{r, c}] = true
			if !read(b, r, c) {
				read(b, r, c-1)
			}
		}
	}
	// A block whose title was deleted: labels with no block above them
	// are the controller's.
	if !seen[blockController] {
		for r := 0; r < headerRow && r < len(s.top) && !seen[blockController]; r++ {
			for c := range s.top[r] {
				if used[cellPos{r, c}] {
					continue
				}
				if lab, _ := labelOf(cell(r, c)); lab == 0 {
					seen[blockController] = true
					read(blockController, r-1, c)
					break
				}
			}
		}
	}
	return blocks, where, used
}

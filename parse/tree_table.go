package parse

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inTableIM is the "in table" insertion mode.
func (b *treeBuilder) inTableIM() bool {
	switch b.tt {
	case html.TextToken:
		if isTableish(b.top().DataAtom) && strings.Trim(b.text, treeWhitespace) == "" {
			b.addText(b.text)
			return true
		}
	case html.StartTagToken:
		switch b.tag {
		case atom.Caption:
			b.clearStackToContext(atom.Table)
			b.afe = append(b.afe, nil)
			b.addElement()
			b.im = modeInCaption
			return true
		case atom.Colgroup:
			b.clearStackToContext(atom.Table)
			b.addElement()
			b.im = modeInColumnGroup
			return true
		case atom.Col:
			b.clearStackToContext(atom.Table)
			b.addImplied(atom.Colgroup)
			b.im = modeInColumnGroup
			return false
		case atom.Tbody, atom.Tfoot, atom.Thead:
			b.clearStackToContext(atom.Table)
			b.addElement()
			b.im = modeInTableBody
			return true
		case atom.Td, atom.Th, atom.Tr:
			b.clearStackToContext(atom.Table)
			b.addImplied(atom.Tbody)
			b.im = modeInTableBody
			return false
		case atom.Table:
			if b.popUntil(scopeTable, atom.Table, 0) {
				b.resetInsertionMode()
				return false
			}
			return true
		case atom.Style, atom.Script, atom.Template:
			return b.inHeadIM()
		case atom.Input:
			for _, t := range b.attr {
				if t.Key == "type" && strings.EqualFold(t.Val, "hidden") {
					b.addElement()
					b.pop()
					return true
				}
			}
		case atom.Form:
			if b.form != nil || b.hasOpen(atom.Template) {
				return true
			}
			b.addElement()
			b.form = b.top()
			b.pop()
			return true
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Table:
			if b.popUntil(scopeTable, atom.Table, 0) {
				b.resetInsertionMode()
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td, atom.Tfoot,
			atom.Th, atom.Thead, atom.Tr:
			return true
		case atom.Template:
			return b.inHeadIM()
		}
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	case html.ErrorToken:
		return b.inBodyIM()
	}
	b.foster = true
	r := b.inBodyIM()
	b.foster = false
	return r
}

// inCaptionIM is the "in caption" insertion mode.
func (b *treeBuilder) inCaptionIM() bool {
	switch b.tt {
	case html.StartTagToken:
		switch b.tag {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Thead, atom.Tr:
			if !b.popUntil(scopeTable, atom.Caption, 0) {
				return true
			}
			b.clearActiveFormattingElements()
			b.im = modeInTable
			return false
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Caption:
			if b.popUntil(scopeTable, atom.Caption, 0) {
				b.clearActiveFormattingElements()
				b.im = modeInTable
			}
			return true
		case atom.Table:
			if !b.popUntil(scopeTable, atom.Caption, 0) {
				return true
			}
			b.clearActiveFormattingElements()
			b.im = modeInTable
			return false
		case atom.Body, atom.Col, atom.Colgroup, atom.Html, atom.Tbody, atom.Td, atom.Tfoot, atom.Th,
			atom.Thead, atom.Tr:
			return true
		}
	}
	return b.inBodyIM()
}

// inColumnGroupIM is the "in column group" insertion mode.
func (b *treeBuilder) inColumnGroupIM() bool {
	switch b.tt {
	case html.TextToken:
		if b.insertLeadingSpace() {
			return true
		}
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	case html.StartTagToken:
		switch b.tag {
		case atom.Html:
			return b.inBodyIM()
		case atom.Col:
			b.addElement()
			b.pop()
			return true
		case atom.Template:
			return b.inHeadIM()
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Colgroup:
			if b.top().DataAtom == atom.Colgroup {
				b.pop()
				b.im = modeInTable
			}
			return true
		case atom.Col:
			return true
		case atom.Template:
			return b.inHeadIM()
		}
	case html.ErrorToken:
		return b.inBodyIM()
	}
	if b.top().DataAtom != atom.Colgroup {
		return true
	}
	b.pop()
	b.im = modeInTable
	return false
}

// inTableBodyIM is the "in table body" insertion mode.
func (b *treeBuilder) inTableBodyIM() bool {
	switch b.tt {
	case html.StartTagToken:
		switch b.tag {
		case atom.Tr:
			b.clearStackToContext(atom.Tbody, atom.Tfoot, atom.Thead)
			b.addElement()
			b.im = modeInRow
			return true
		case atom.Td, atom.Th:
			b.clearStackToContext(atom.Tbody, atom.Tfoot, atom.Thead)
			b.addImplied(atom.Tr)
			b.im = modeInRow
			return false
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead:
			if b.popUntilTableBody() {
				b.im = modeInTable
				return false
			}
			return true
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(scopeTable, b.tag) {
				b.clearStackToContext(atom.Tbody, atom.Tfoot, atom.Thead)
				b.pop()
				b.im = modeInTable
			}
			return true
		case atom.Table:
			if b.popUntilTableBody() {
				b.im = modeInTable
				return false
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th, atom.Tr:
			return true
		}
	case html.CommentToken:
		b.addComment()
		return true
	}
	return b.inTableIM()
}

// popUntilTableBody pops through the highest tbody, thead or tfoot in
// table scope, and says whether there was one.
func (b *treeBuilder) popUntilTableBody() bool {
	for i := len(b.oe) - 1; i >= 0; i-- {
		switch b.oe[i].DataAtom {
		case atom.Tbody, atom.Thead, atom.Tfoot:
			b.oe = b.oe[:i]
			return true
		case atom.Html, atom.Table, atom.Template:
			return false
		}
	}
	return false
}

// inRowIM is the "in row" insertion mode.
func (b *treeBuilder) inRowIM() bool {
	switch b.tt {
	case html.StartTagToken:
		switch b.tag {
		case atom.Td, atom.Th:
			b.clearStackToContext(atom.Tr)
			b.addElement()
			b.afe = append(b.afe, nil)
			b.im = modeInCell
			return true
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if b.inScope(scopeTable, atom.Tr) {
				b.clearStackToContext(atom.Tr)
				b.pop()
				b.im = modeInTableBody
				return false
			}
			return true
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Tr:
			if b.inScope(scopeTable, atom.Tr) {
				b.clearStackToContext(atom.Tr)
				b.pop()
				b.im = modeInTableBody
			}
			return true
		case atom.Table:
			if b.inScope(scopeTable, atom.Tr) {
				b.clearStackToContext(atom.Tr)
				b.pop()
				b.im = modeInTableBody
				return false
			}
			return true
		case atom.Tbody, atom.Tfoot, atom.Thead:
			if b.inScope(scopeTable, b.tag) && b.inScope(scopeTable, atom.Tr) {
				b.clearStackToContext(atom.Tr)
				b.pop()
				b.im = modeInTableBody
				return false
			}
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html, atom.Td, atom.Th:
			return true
		}
	}
	return b.inTableIM()
}

// inCellIM is the "in cell" insertion mode.
func (b *treeBuilder) inCellIM() bool {
	switch b.tt {
	case html.StartTagToken:
		switch b.tag {
		case atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead,
			atom.Tr:
			if b.popUntil(scopeTable, atom.Td, atom.Th) {
				b.clearActiveFormattingElements()
				b.im = modeInRow
				return false
			}
			return true
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Td, atom.Th:
			if !b.popUntil(scopeTable, b.tag, 0) {
				return true
			}
			b.clearActiveFormattingElements()
			b.im = modeInRow
			return true
		case atom.Body, atom.Caption, atom.Col, atom.Colgroup, atom.Html:
			return true
		case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
			if !b.inScope(scopeTable, b.tag) {
				return true
			}
			if b.popUntil(scopeTable, atom.Td, atom.Th) {
				b.clearActiveFormattingElements()
			}
			b.im = modeInRow
			return false
		}
	}
	return b.inBodyIM()
}

// hasOpen reports whether an element tagged a is open.
func (b *treeBuilder) hasOpen(a atom.Atom) bool {
	for _, n := range b.oe {
		if n.DataAtom == a {
			return true
		}
	}
	return false
}

// closeTemplate closes the last open template element, its formatting
// elements and its template insertion mode.
func (b *treeBuilder) closeTemplate() {
	b.generateImpliedEndTags(0)
	for i := len(b.oe) - 1; i >= 0; i-- {
		if b.oe[i].DataAtom == atom.Template {
			b.oe = b.oe[:i]
			break
		}
	}
	b.clearActiveFormattingElements()
	if len(b.templates) > 0 {
		b.templates = b.templates[:len(b.templates)-1]
	}
	b.resetInsertionMode()
}

// inTemplateIM is the "in template" insertion mode, for template content
// in body mode; content that would switch it to a table mode is declined.
func (b *treeBuilder) inTemplateIM() bool {
	switch b.tt {
	case html.TextToken, html.CommentToken, html.DoctypeToken:
		return b.inBodyIM()
	case html.StartTagToken:
		switch b.tag {
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes, atom.Script,
			atom.Style, atom.Template, atom.Title:
			return b.inHeadIM()
		case atom.Caption, atom.Colgroup, atom.Tbody, atom.Tfoot, atom.Thead, atom.Col, atom.Tr, atom.Td,
			atom.Th:
			return b.fail("table content in a template")
		}
		if len(b.templates) == 0 {
			return b.fail("template mode without a template")
		}
		b.templates[len(b.templates)-1] = modeInBody
		b.im = modeInBody
		return false
	case html.EndTagToken:
		if b.tag == atom.Template {
			return b.inHeadIM()
		}
		return true
	case html.ErrorToken:
		if !b.hasOpen(atom.Template) {
			return true
		}
		b.closeTemplate()
		return false
	}
	return false
}

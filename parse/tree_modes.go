package parse

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// resetInsertionMode picks the insertion mode from the stack of open
// elements.
func (b *treeBuilder) resetInsertionMode() {
	for i := len(b.oe) - 1; i >= 0; i-- {
		switch b.oe[i].DataAtom {
		case atom.Td, atom.Th:
			b.im = modeInCell
		case atom.Tr:
			b.im = modeInRow
		case atom.Tbody, atom.Thead, atom.Tfoot:
			b.im = modeInTableBody
		case atom.Caption:
			b.im = modeInCaption
		case atom.Colgroup:
			b.im = modeInColumnGroup
		case atom.Table:
			b.im = modeInTable
		case atom.Template:
			if len(b.templates) == 0 {
				b.fail("template without a mode")
				return
			}
			b.im = b.templates[len(b.templates)-1]
		case atom.Frameset:
			b.fail("frameset")
		case atom.Head:
			b.im = modeInHead
		case atom.Body:
			b.im = modeInBody
		case atom.Html:
			if b.head == nil {
				b.im = modeBeforeHead
			} else {
				b.im = modeAfterHead
			}
		default:
			if i == 0 {
				b.im = modeInBody
				return
			}
			continue
		}
		return
	}
}

// setOriginalIM enters the text mode, to return to the current mode.
func (b *treeBuilder) enterText() {
	if b.hasOrig {
		b.fail("original insertion mode set twice")
		return
	}
	b.orig, b.hasOrig = b.im, true
	b.im = modeText
}

// rawTextElement adds the current raw text element and enters the text
// mode (parseGenericRawTextElement).
func (b *treeBuilder) rawTextElement() {
	b.addElement()
	b.orig, b.hasOrig = b.im, true
	b.im = modeText
}

// initialIM is the "initial" insertion mode.
func (b *treeBuilder) initialIM() bool {
	switch b.tt {
	case html.TextToken:
		b.text = strings.TrimLeft(b.text, treeWhitespace)
		if b.text == "" {
			return true
		}
	case html.CommentToken:
		treeAppend(b.doc, b.commentNode())
		return true
	case html.DoctypeToken:
		return b.doctype()
	}
	b.quirks = true
	b.im = modeBeforeHTML
	return false
}

// beforeHTMLIM is the "before html" insertion mode.
func (b *treeBuilder) beforeHTMLIM() bool {
	switch b.tt {
	case html.DoctypeToken:
		return true
	case html.TextToken:
		b.text = strings.TrimLeft(b.text, treeWhitespace)
		if b.text == "" {
			return true
		}
	case html.StartTagToken:
		if b.tag == atom.Html {
			b.addElement()
			b.im = modeBeforeHead
			return true
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Head, atom.Body, atom.Html, atom.Br:
		default:
			return true
		}
	case html.CommentToken:
		treeAppend(b.doc, b.commentNode())
		return true
	}
	b.addImplied(atom.Html)
	b.im = modeBeforeHead
	return false
}

// beforeHeadIM is the "before head" insertion mode.
func (b *treeBuilder) beforeHeadIM() bool {
	switch b.tt {
	case html.TextToken:
		b.text = strings.TrimLeft(b.text, treeWhitespace)
		if b.text == "" {
			return true
		}
	case html.StartTagToken:
		switch b.tag {
		case atom.Head:
			b.addElement()
			b.head = b.top()
			b.im = modeInHead
			return true
		case atom.Html:
			return b.inBodyIM()
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Head, atom.Body, atom.Html, atom.Br:
		default:
			return true
		}
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	}
	b.addImplied(atom.Head)
	b.head = b.top()
	b.im = modeInHead
	return false
}

// inHeadIM is the "in head" insertion mode.
func (b *treeBuilder) inHeadIM() bool {
	switch b.tt {
	case html.TextToken:
		if b.insertLeadingSpace() {
			return true
		}
	case html.StartTagToken:
		switch b.tag {
		case atom.Html:
			return b.inBodyIM()
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta:
			b.addElement()
			b.pop()
			return true
		case atom.Noscript, atom.Noframes, atom.Style:
			// Scripting is on: noscript is raw text.
			b.rawTextElement()
			return true
		case atom.Script, atom.Title:
			b.addElement()
			b.enterText()
			return true
		case atom.Head:
			return true
		case atom.Template:
			b.addElement()
			b.afe = append(b.afe, nil)
			b.im = modeInTemplate
			b.templates = append(b.templates, modeInTemplate)
			return true
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Head:
			b.pop()
			b.im = modeAfterHead
			return true
		case atom.Body, atom.Html, atom.Br:
		case atom.Template:
			if b.hasOpen(atom.Template) {
				b.closeTemplate()
			}
			return true
		default:
			return true
		}
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	}
	b.pop()
	b.im = modeAfterHead
	return false
}

// afterHeadIM is the "after head" insertion mode.
func (b *treeBuilder) afterHeadIM() bool {
	switch b.tt {
	case html.TextToken:
		if b.insertLeadingSpace() {
			return true
		}
	case html.StartTagToken:
		switch b.tag {
		case atom.Html:
			return b.inBodyIM()
		case atom.Body:
			b.addElement()
			b.im = modeInBody
			return true
		case atom.Frameset:
			return b.fail("frameset")
		case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes, atom.Script,
			atom.Style, atom.Template, atom.Title:
			b.oe = append(b.oe, b.head)
			r := b.inHeadIM()
			b.oe = treeRemove(b.oe, b.head)
			return r
		case atom.Head:
			return true
		}
	case html.EndTagToken:
		switch b.tag {
		case atom.Body, atom.Html, atom.Br:
		case atom.Template:
			return b.inHeadIM()
		default:
			return true
		}
	case html.CommentToken:
		b.addComment()
		return true
	case html.DoctypeToken:
		return true
	}
	b.addImplied(atom.Body)
	b.im = modeInBody
	return b.tt == html.ErrorToken
}

// inBodyIM is the "in body" insertion mode.
func (b *treeBuilder) inBodyIM() bool {
	switch b.tt {
	case html.TextToken:
		d := b.text
		if n := b.top(); (n.DataAtom == atom.Pre || n.DataAtom == atom.Listing) && n.FirstChild == nil {
			// A newline at the start of a pre block is dropped.
			d = strings.TrimPrefix(d, "\r")
			d = strings.TrimPrefix(d, "\n")
		}
		if d == "" {
			return true
		}
		b.reconstructActiveFormattingElements()
		b.addText(d)
	case html.StartTagToken:
		return b.inBodyStartTag()
	case html.EndTagToken:
		return b.inBodyEndTag()
	case html.CommentToken:
		b.addComment()
	case html.ErrorToken:
		if len(b.templates) > 0 {
			b.im = modeInTemplate
			return false
		}
	}
	return true
}

// inBodyStartTag is the "in body" insertion mode for a start tag.
func (b *treeBuilder) inBodyStartTag() bool {
	switch b.tag {
	case atom.Html:
		if len(b.oe) > 0 && !b.hasOpen(atom.Template) {
			treeCopyAttrs(b.oe[0], b.attr)
		}
	case atom.Body:
		if len(b.oe) >= 2 && b.oe[1].DataAtom == atom.Body && !b.hasOpen(atom.Template) {
			treeCopyAttrs(b.oe[1], b.attr)
		}
	case atom.Frameset, atom.Math, atom.Image, atom.Isindex, atom.Plaintext:
		return b.fail("unsupported element " + b.name)
	case atom.Svg:
		b.reconstructActiveFormattingElements()
		b.adjustSVGAttrs()
		b.addElement()
		if b.why != "" {
			return true
		}
		b.top().Namespace = "svg"
		b.svg, b.svgAt = b.top(), len(b.oe)-1
		if b.selfClosing {
			b.pop()
		}
	case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Noframes, atom.Script,
		atom.Style, atom.Template, atom.Title:
		return b.inHeadIM()
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details, atom.Dialog,
		atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header,
		atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search, atom.Section,
		atom.Summary, atom.Ul:
		b.closeP()
		b.addElement()
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.closeP()
		if isHeadingAtom(b.top().DataAtom) {
			b.pop()
		}
		b.addElement()
	case atom.Pre, atom.Listing:
		b.closeP()
		b.addElement()
	case atom.Form:
		inTemplate := b.hasOpen(atom.Template)
		if b.form != nil && !inTemplate {
			return true
		}
		b.closeP()
		b.addElement()
		if !inTemplate {
			b.form = b.top()
		}
	case atom.Li:
		b.closeListItem(atom.Li, 0)
		b.closeP()
		b.addElement()
	case atom.Dd, atom.Dt:
		b.closeListItem(atom.Dd, atom.Dt)
		b.closeP()
		b.addElement()
	case atom.Button:
		if b.inScope(scopeDefault, atom.Button) {
			b.generateImpliedEndTags(0)
			b.popUntil(scopeDefault, atom.Button, 0)
		}
		b.reconstructActiveFormattingElements()
		b.addElement()
	case atom.A:
		for i := len(b.afe) - 1; i >= 0 && b.afe[i] != nil; i-- {
			if n := b.afe[i]; n.DataAtom == atom.A {
				b.endFormatting(atom.A, "a")
				b.oe = treeRemove(b.oe, n)
				b.afe = treeRemove(b.afe, n)
				break
			}
		}
		b.reconstructActiveFormattingElements()
		b.addFormattingElement()
	case atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S, atom.Small, atom.Strike,
		atom.Strong, atom.Tt, atom.U:
		b.reconstructActiveFormattingElements()
		b.addFormattingElement()
	case atom.Nobr:
		b.reconstructActiveFormattingElements()
		if b.inScope(scopeDefault, atom.Nobr) {
			b.endFormatting(atom.Nobr, "nobr")
			b.reconstructActiveFormattingElements()
		}
		b.addFormattingElement()
	case atom.Applet, atom.Marquee, atom.Object:
		b.reconstructActiveFormattingElements()
		b.addElement()
		b.afe = append(b.afe, nil)
	case atom.Table:
		if !b.quirks {
			b.closeP()
		}
		b.addElement()
		b.im = modeInTable
	case atom.Input:
		b.popUntil(scopeDefault, atom.Select, 0)
		b.reconstructActiveFormattingElements()
		b.addElement()
		b.pop()
	case atom.Area, atom.Br, atom.Embed, atom.Img, atom.Keygen, atom.Wbr:
		b.reconstructActiveFormattingElements()
		b.addElement()
		b.pop()
	case atom.Param, atom.Source, atom.Track:
		b.addElement()
		b.pop()
	case atom.Hr:
		if b.inScope(scopeButton, atom.P) {
			b.generateImpliedEndTags(atom.P)
			b.popUntil(scopeDefault, atom.P, 0)
		}
		if b.inScope(scopeDefault, atom.Select) {
			b.generateImpliedEndTags(0)
		}
		b.addElement()
		b.pop()
	case atom.Textarea:
		b.addElement()
		b.enterText()
	case atom.Xmp:
		b.closeP()
		b.reconstructActiveFormattingElements()
		b.rawTextElement()
	case atom.Iframe, atom.Noembed, atom.Noscript:
		// Scripting is on: noscript is raw text.
		b.rawTextElement()
	case atom.Select:
		if b.popUntil(scopeDefault, atom.Select, 0) {
			// A select in a select closes it and is dropped.
			return true
		}
		b.reconstructActiveFormattingElements()
		b.addElement()
	case atom.Option, atom.Optgroup:
		if b.inScope(scopeDefault, atom.Select) {
			except := atom.Optgroup
			if b.tag == atom.Optgroup {
				except = 0
			}
			b.generateImpliedEndTags(except)
		} else if b.top().DataAtom == atom.Option {
			b.pop()
		}
		b.reconstructActiveFormattingElements()
		b.addElement()
	case atom.Rb, atom.Rtc:
		if b.inScope(scopeDefault, atom.Ruby) {
			b.generateImpliedEndTags(0)
		}
		b.addElement()
	case atom.Rp, atom.Rt:
		if b.inScope(scopeDefault, atom.Ruby) {
			b.generateImpliedEndTags(atom.Rtc)
		}
		b.addElement()
	case atom.Caption, atom.Col, atom.Colgroup, atom.Frame, atom.Head, atom.Tbody, atom.Td, atom.Tfoot,
		atom.Th, atom.Thead, atom.Tr:
		// Ignored.
	default:
		b.reconstructActiveFormattingElements()
		b.addElement()
	}
	return true
}

// treeCopyAttrs adds to dst the attributes of attr it lacks, as a second
// html or body start tag does.
func treeCopyAttrs(dst *html.Node, attr []html.Attribute) {
	for _, a := range attr {
		if !slices.ContainsFunc(dst.Attr, func(d html.Attribute) bool { return d.Key == a.Key }) {
			dst.Attr = append(dst.Attr, a)
		}
	}
}

// closeListItem pops an open li (or dd/dt) through which a new one starts,
// stopping at special elements other than address, div and p.
func (b *treeBuilder) closeListItem(t1, t2 atom.Atom) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		a := b.oe[i].DataAtom
		if a == t1 || (t2 != 0 && a == t2) {
			b.oe = b.oe[:i]
			return
		}
		if a == atom.Address || a == atom.Div || a == atom.P || !isSpecialAtom(a) {
			continue
		}
		return
	}
}

// inBodyEndTag is the "in body" insertion mode for an end tag.
func (b *treeBuilder) inBodyEndTag() bool {
	switch b.tag {
	case atom.Body:
		if b.inScope(scopeDefault, atom.Body) {
			b.im = modeAfterBody
		}
	case atom.Html:
		if b.inScope(scopeDefault, atom.Body) {
			b.im = modeAfterBody
			return false
		}
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Button, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Header, atom.Hgroup, atom.Listing, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.Pre,
		atom.Search, atom.Section, atom.Select, atom.Summary, atom.Ul:
		if !b.inScope(scopeDefault, b.tag) {
			return true
		}
		b.generateImpliedEndTags(0)
		b.popUntil(scopeDefault, b.tag, 0)
	case atom.Form:
		if b.hasOpen(atom.Template) {
			i := b.indexInScope(scopeDefault, atom.Form, 0)
			if i == -1 {
				return true
			}
			b.generateImpliedEndTags(0)
			if b.oe[i].DataAtom != atom.Form {
				return true
			}
			b.popUntil(scopeDefault, atom.Form, 0)
			return true
		}
		node := b.form
		b.form = nil
		i := b.indexInScope(scopeDefault, atom.Form, 0)
		if node == nil || i == -1 || b.oe[i] != node {
			return true
		}
		b.generateImpliedEndTags(0)
		b.oe = treeRemove(b.oe, node)
	case atom.P:
		if !b.inScope(scopeButton, atom.P) {
			// The parser opens an empty p to close.
			b.addImplied(atom.P)
		}
		b.popUntil(scopeButton, atom.P, 0)
	case atom.Li:
		b.popUntil(scopeListItem, atom.Li, 0)
	case atom.Dd, atom.Dt:
		b.popUntil(scopeDefault, b.tag, 0)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if i := b.indexOfHeading(); i != -1 {
			b.oe = b.oe[:i]
		}
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S, atom.Small,
		atom.Strike, atom.Strong, atom.Tt, atom.U:
		b.endFormatting(b.tag, b.name)
	case atom.Applet, atom.Marquee, atom.Object:
		if b.popUntil(scopeDefault, b.tag, 0) {
			b.clearActiveFormattingElements()
		}
	case atom.Br:
		// </br> is read as <br>.
		b.tt = html.StartTagToken
		b.attr = b.attr[:0]
		return false
	case atom.Template:
		return b.inHeadIM()
	default:
		b.endTagOther(b.tag, b.name)
	}
	return true
}

// textIM is the "text" insertion mode: the content of a raw text or RCDATA
// element.
func (b *treeBuilder) textIM() bool {
	switch b.tt {
	case html.ErrorToken:
		b.pop()
	case html.TextToken:
		d := b.text
		if n := b.top(); n.DataAtom == atom.Textarea && n.FirstChild == nil {
			// A newline at the start of a textarea is dropped.
			d = strings.TrimPrefix(d, "\r")
			d = strings.TrimPrefix(d, "\n")
		}
		b.addText(d)
		return true
	case html.EndTagToken:
		b.pop()
	}
	b.im, b.hasOrig = b.orig, false
	return b.tt == html.EndTagToken
}

// afterBodyIM is the "after body" insertion mode.
func (b *treeBuilder) afterBodyIM() bool {
	switch b.tt {
	case html.ErrorToken:
		return true
	case html.TextToken:
		if strings.TrimLeft(b.text, treeWhitespace) == "" {
			return b.inBodyIM()
		}
	case html.StartTagToken:
		if b.tag == atom.Html {
			return b.inBodyIM()
		}
	case html.EndTagToken:
		if b.tag == atom.Html {
			b.im = modeAfterAfterBody
			return true
		}
	case html.CommentToken:
		if len(b.oe) < 1 || b.oe[0].DataAtom != atom.Html {
			return b.fail("no html element")
		}
		treeAppend(b.oe[0], b.commentNode())
		return true
	}
	b.im = modeInBody
	return false
}

// afterAfterBodyIM is the "after after body" insertion mode.
func (b *treeBuilder) afterAfterBodyIM() bool {
	switch b.tt {
	case html.ErrorToken:
		return true
	case html.TextToken:
		if strings.TrimLeft(b.text, treeWhitespace) == "" {
			return b.inBodyIM()
		}
	case html.StartTagToken:
		if b.tag == atom.Html {
			return b.inBodyIM()
		}
	case html.CommentToken:
		treeAppend(b.doc, b.commentNode())
		return true
	case html.DoctypeToken:
		return b.inBodyIM()
	}
	b.im = modeInBody
	return false
}

package parse

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isSpecialAtom reports whether an element is in the parser's "special"
// category (isSpecialElementMap in const.go), by its atom: every name there
// is an atom.
func isSpecialAtom(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base, atom.Basefont,
		atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button, atom.Caption, atom.Center,
		atom.Col, atom.Colgroup, atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Frame,
		atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Header,
		atom.Hgroup, atom.Hr, atom.Html, atom.Iframe, atom.Img, atom.Input, atom.Keygen, atom.Li,
		atom.Link, atom.Listing, atom.Main, atom.Marquee, atom.Menu, atom.Meta, atom.Nav,
		atom.Noembed, atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.P, atom.Param,
		atom.Plaintext, atom.Pre, atom.Script, atom.Section, atom.Select, atom.Source, atom.Style,
		atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot,
		atom.Th, atom.Thead, atom.Title, atom.Tr, atom.Track, atom.Ul, atom.Wbr, atom.Xmp:
		return true
	}
	return false
}

// isDefaultScopeStop reports whether a bounds the default, list item and
// button scopes.
func isDefaultScopeStop(a atom.Atom) bool {
	switch a {
	case atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th, atom.Marquee,
		atom.Object, atom.Template, atom.Select:
		return true
	}
	return false
}

// indexInScope returns the index in the stack of the highest element
// tagged t1 or t2 (0 for none) that is in scope s, or -1
// (indexOfElementInScope).
func (b *treeBuilder) indexInScope(s treeScope, t1, t2 atom.Atom) int {
	for i := len(b.oe) - 1; i >= 0; i-- {
		a := b.oe[i].DataAtom
		if a != 0 && (a == t1 || a == t2) {
			return i
		}
		switch s {
		case scopeListItem:
			if a == atom.Ol || a == atom.Ul {
				return -1
			}
		case scopeButton:
			if a == atom.Button {
				return -1
			}
		case scopeTable:
			if a == atom.Html || a == atom.Table || a == atom.Template {
				return -1
			}
		}
		if s != scopeTable && isDefaultScopeStop(a) {
			return -1
		}
	}
	return -1
}

// inScope reports whether an element tagged t is in scope s.
func (b *treeBuilder) inScope(s treeScope, t atom.Atom) bool {
	return b.indexInScope(s, t, 0) != -1
}

// popUntil pops the stack through the highest element tagged t1 or t2 in
// scope s, and says whether there was one.
func (b *treeBuilder) popUntil(s treeScope, t1, t2 atom.Atom) bool {
	if i := b.indexInScope(s, t1, t2); i != -1 {
		b.oe = b.oe[:i]
		return true
	}
	return false
}

// indexOfHeading returns the index of the highest heading in the default
// scope, or -1.
func (b *treeBuilder) indexOfHeading() int {
	for i := len(b.oe) - 1; i >= 0; i-- {
		a := b.oe[i].DataAtom
		if isHeadingAtom(a) {
			return i
		}
		if isDefaultScopeStop(a) {
			return -1
		}
	}
	return -1
}

// isHeadingAtom reports whether a is h1 to h6.
func isHeadingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// closeP closes a p element in button scope.
func (b *treeBuilder) closeP() {
	b.popUntil(scopeButton, atom.P, 0)
}

// generateImpliedEndTags pops the elements whose end tags are implied,
// except those tagged except.
func (b *treeBuilder) generateImpliedEndTags(except atom.Atom) {
	for len(b.oe) > 0 {
		switch a := b.oe[len(b.oe)-1].DataAtom; a {
		case atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P, atom.Rb, atom.Rp, atom.Rt, atom.Rtc:
			if a == except {
				return
			}
			b.pop()
			continue
		}
		return
	}
}

// clearStackToContext pops elements until one that bounds the given table
// context (table, row or body of rows) is the current node.
func (b *treeBuilder) clearStackToContext(stops ...atom.Atom) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		a := b.oe[i].DataAtom
		if a == atom.Html || a == atom.Template || slices.Contains(stops, a) {
			b.oe = b.oe[:i+1]
			return
		}
	}
}

// treeIndex returns the index of n in list (from the top), or -1.
func treeIndex(list []*html.Node, n *html.Node) int {
	for i := len(list) - 1; i >= 0; i-- {
		if list[i] == n {
			return i
		}
	}
	return -1
}

// treeRemove takes n out of list.
func treeRemove(list []*html.Node, n *html.Node) []*html.Node {
	if i := treeIndex(list, n); i >= 0 {
		return append(list[:i], list[i+1:]...)
	}
	return list
}

// clearActiveFormattingElements pops the list of active formatting
// elements through the last marker.
func (b *treeBuilder) clearActiveFormattingElements() {
	for len(b.afe) > 0 {
		n := b.afe[len(b.afe)-1]
		b.afe = b.afe[:len(b.afe)-1]
		if n == nil {
			return
		}
	}
}

// reconstructActiveFormattingElements reopens the formatting elements that
// were closed by other elements' end tags, as clones.
func (b *treeBuilder) reconstructActiveFormattingElements() {
	if len(b.afe) == 0 {
		return
	}
	n := b.afe[len(b.afe)-1]
	if n == nil || treeIndex(b.oe, n) != -1 {
		return
	}
	i := len(b.afe) - 1
	for n != nil && treeIndex(b.oe, n) == -1 {
		if i == 0 {
			i = -1
			break
		}
		i--
		n = b.afe[i]
	}
	for {
		i++
		clone := b.clone(b.afe[i])
		b.addChild(clone)
		if b.why != "" {
			return
		}
		b.afe[i] = clone
		if i == len(b.afe)-1 {
			return
		}
	}
}

// treeCompareAttr orders attributes as the parser sorts those of a
// formatting element.
func treeCompareAttr(x, y html.Attribute) int {
	if c := strings.Compare(x.Namespace, y.Namespace); c != 0 {
		return c
	}
	if c := strings.Compare(x.Key, y.Key); c != 0 {
		return c
	}
	return strings.Compare(x.Val, y.Val)
}

// addFormattingElement adds a formatting element for the current start tag
// and pushes it on the list of active formatting elements, keeping at most
// three identical ones after the last marker. The parser sorts such an
// element's attributes.
func (b *treeBuilder) addFormattingElement() {
	b.addElement()
	if b.why != "" {
		return
	}
	top := b.top()
	slices.SortFunc(top.Attr, treeCompareAttr)
	identical := 0
	for i := len(b.afe) - 1; i >= 0; i-- {
		n := b.afe[i]
		if n == nil {
			break
		}
		if n.DataAtom != top.DataAtom || !slices.Equal(n.Attr, top.Attr) {
			continue
		}
		identical++
		if identical >= 3 {
			b.afe = treeRemove(b.afe, n)
		}
	}
	b.afe = append(b.afe, top)
}

// endFormatting runs the adoption agency algorithm for the end tag of a
// formatting element (inBodyEndTagFormatting): a formatting element closed
// across a block is closed at the block and cloned into it. The case the
// parser settles by foster parenting is declined.
func (b *treeBuilder) endFormatting(tag atom.Atom, name string) {
	if cur := b.top(); cur.DataAtom == tag && treeIndex(b.afe, cur) == -1 {
		b.pop()
		return
	}
	for range 8 {
		var fe *html.Node
		for j := len(b.afe) - 1; j >= 0; j-- {
			if b.afe[j] == nil {
				break
			}
			if b.afe[j].DataAtom == tag {
				fe = b.afe[j]
				break
			}
		}
		if fe == nil {
			b.endTagOther(tag, name)
			return
		}
		feIndex := treeIndex(b.oe, fe)
		if feIndex == -1 {
			b.afe = treeRemove(b.afe, fe)
			return
		}
		if !b.inScope(scopeDefault, tag) {
			return
		}
		var furthest *html.Node
		for _, e := range b.oe[feIndex:] {
			if isSpecialAtom(e.DataAtom) {
				furthest = e
				break
			}
		}
		if furthest == nil {
			b.oe = b.oe[:feIndex]
			b.afe = treeRemove(b.afe, fe)
			return
		}
		if feIndex == 0 {
			b.fail("formatting element without a parent")
			return
		}
		common := b.oe[feIndex-1]
		bookmark := treeIndex(b.afe, fe)
		lastNode, node := furthest, furthest
		x := treeIndex(b.oe, node)
		for j := 1; ; j++ {
			x--
			node = b.oe[x]
			if node == fe {
				break
			}
			if ni := treeIndex(b.afe, node); j > 3 && ni > -1 {
				// The parser leaves such a node on the stack.
				b.afe = treeRemove(b.afe, node)
				if ni <= bookmark {
					bookmark--
				}
				continue
			}
			ni := treeIndex(b.afe, node)
			if ni == -1 {
				b.oe = treeRemove(b.oe, node)
				continue
			}
			clone := b.clone(node)
			b.afe[ni] = clone
			b.oe[x] = clone
			node = clone
			if lastNode == furthest {
				bookmark = ni + 1
			}
			if lastNode.Parent != nil {
				lastNode.Parent.RemoveChild(lastNode)
			}
			treeAppend(node, lastNode)
			lastNode = node
		}
		if lastNode.Parent != nil {
			lastNode.Parent.RemoveChild(lastNode)
		}
		if isTableish(common.DataAtom) {
			b.fail("formatting element foster-parented")
			return
		}
		treeAppend(common, lastNode)
		clone := b.clone(fe)
		for c := furthest.FirstChild; c != nil; c = c.NextSibling {
			c.Parent = clone
		}
		clone.FirstChild, clone.LastChild = furthest.FirstChild, furthest.LastChild
		furthest.FirstChild, furthest.LastChild = nil, nil
		treeAppend(furthest, clone)
		if old := treeIndex(b.afe, fe); old != -1 && old < bookmark {
			bookmark--
		}
		b.afe = treeRemove(b.afe, fe)
		if bookmark < 0 || bookmark > len(b.afe) {
			b.fail("adoption agency bookmark out of range")
			return
		}
		b.afe = slices.Insert(b.afe, bookmark, clone)
		b.oe = treeRemove(b.oe, fe)
		fi := treeIndex(b.oe, furthest)
		if fi == -1 {
			b.fail("furthest block closed")
			return
		}
		b.oe = slices.Insert(b.oe, fi+1, clone)
	}
}

// clone returns a new element like n, without children (Node.clone).
func (b *treeBuilder) clone(n *html.Node) *html.Node {
	c := b.newNode()
	c.Type, c.DataAtom, c.Data = n.Type, n.DataAtom, n.Data
	c.Attr = make([]html.Attribute, len(n.Attr))
	copy(c.Attr, n.Attr)
	return c
}

// endTagOther pops through the element an unlisted end tag closes, unless
// a special element comes first (inBodyEndTagOther).
func (b *treeBuilder) endTagOther(tag atom.Atom, name string) {
	for i := len(b.oe) - 1; i >= 0; i-- {
		n := b.oe[i]
		if n.DataAtom == tag && (tag != 0 || n.Data == name) {
			b.oe = b.oe[:i]
			return
		}
		if isSpecialAtom(n.DataAtom) {
			return
		}
	}
}

// insertLeadingSpace inserts the white space that starts the current text
// token, as the modes that keep white space and reprocess the rest do, and
// leaves the rest as the token's text. It reports whether nothing is left.
func (b *treeBuilder) insertLeadingSpace() bool {
	s := strings.TrimLeft(b.text, treeWhitespace)
	if len(s) == len(b.text) {
		return false
	}
	b.addText(b.text[:len(b.text)-len(s)])
	b.text = s
	return s == ""
}

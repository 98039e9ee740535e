package parse

import (
	"bytes"
	"context"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// buildTree builds the node tree of page, a decoded UTF-8 HTML page, exactly
// as html.Parse would, when the page keeps to the well-formed subset this
// builder handles; otherwise it returns ok false and the caller uses
// html.Parse.
//
// The builder reads the tokens html.Parse's tokenizer reads (see
// pageTokenizer) and follows the parser's insertion modes
// (golang.org/x/net/html v0.62.0, parse.go) rule for rule for the tokens
// it accepts, svg content and templates included.
// It declines, at the first token that needs it, whatever would take a
// rule it does not implement: MathML, HTML inside svg, framesets,
// plaintext, image, isindex, table content in a template, foster
// parenting, nesting past the parser's limit, NUL bytes. Text and
// attribute values are cut from one string that shares the page's bytes,
// so text that needs no unescaping costs no allocation, and the page is not
// copied: page must not change while the tree is in use.
func buildTree(ctx context.Context, page []byte) (doc *html.Node, ok bool) {
	doc, why := buildTreeWhy(ctx, page)
	return doc, why == ""
}

// buildTreeWhy is buildTree that says why it declined ("" when it did not).
func buildTreeWhy(ctx context.Context, page []byte) (*html.Node, string) {
	if bytes.IndexByte(page, 0) >= 0 {
		// The tokenizer and parser replace or drop NUL by rules of their own.
		return nil, "NUL byte"
	}
	b := &treeBuilder{
		ctx:  ctx,
		page: page,
		// The tree's strings share page's bytes rather than a copy of
		// them: the reader's own buffer, which nothing writes once it is
		// decoded.
		src: unsafe.String(unsafe.SliceData(page), len(page)),
		z:   newPageTokenizer(page),
		doc: &html.Node{Type: html.DocumentNode},
	}
	// A page holds about as many nodes as '<' bytes, and fewer attributes.
	tags := bytes.Count(page, []byte("<"))
	b.nodes = make([]html.Node, 0, tags+tags/4+16)
	// Each attribute but a bare one has an '=', and bare ones are few.
	b.attrs = make([]html.Attribute, 0, min(tags*3/4, bytes.Count(page, []byte("=")))+4)
	b.chunk = tags/4 + 64
	b.run()
	if b.why != "" {
		return nil, b.why
	}
	return b.doc, ""
}

// maxOpenElements is the deepest stack of open elements html.Parse builds;
// it fails on a page that opens one more.
const maxOpenElements = 512

// treeTokenCheck is how many tokens are read between two looks at the
// context.
const treeTokenCheck = 4096

// maxTagAttrs bounds the attributes of one tag: duplicates are found by a
// linear scan, and a tag with more is declined rather than scanned
// quadratically.
const maxTagAttrs = 64

// treeWhitespace is the white space the parser trims and tests for.
const treeWhitespace = " \t\r\n\f"

// treeMode is a state of the tree construction (HTML §13.2.6.4).
type treeMode uint8

// The insertion modes the builder implements.
const (
	modeInitial treeMode = iota
	modeBeforeHTML
	modeBeforeHead
	modeInHead
	modeAfterHead
	modeInBody
	modeText
	modeInTable
	modeInCaption
	modeInColumnGroup
	modeInTableBody
	modeInRow
	modeInCell
	modeInTemplate
	modeAfterBody
	modeAfterAfterBody
)

// scope is a kind of "has an element in scope" test (HTML §13.2.4.2).
type treeScope uint8

// The scopes the parser tests.
const (
	scopeDefault treeScope = iota
	scopeListItem
	scopeButton
	scopeTable
)

// treeBuilder holds the state of one buildTree call. Its fields mirror the
// parser's: the stack of open elements, the list of active formatting
// elements (nil entries are scope markers), the head and form pointers and
// the insertion modes.
type treeBuilder struct {
	ctx  context.Context
	page []byte
	src  string // the page as one string: text and values are cut from it
	z    *pageTokenizer
	why  string

	doc        *html.Node
	oe, afe    []*html.Node
	head, form *html.Node
	im, orig   treeMode
	templates  []treeMode // the stack of template insertion modes
	hasOrig    bool
	quirks     bool
	foster     bool // inserting in the in-table modes' "anything else" case

	// svg is the outermost open svg element and svgAt its index in the
	// stack: all foreign elements are open above it.
	svg   *html.Node
	svgAt int

	// The current token, as html.Parse would see it.
	tt          html.TokenType // a self-closing tag is a StartTagToken
	selfClosing bool
	tag         atom.Atom
	name        string
	attr        []html.Attribute // reused from tag to tag
	text        string           // a text token's text, a comment's data

	// merged is the text node being appended to and mergeBuf its text, set
	// into it when another text node starts or the build ends.
	merged   *html.Node
	mergeBuf []byte

	nodes   []html.Node      // nodes are allocated from chunks
	attrs   []html.Attribute // element attributes likewise
	chunk   int              // the size of chunks after the first
	scratch []byte
}

// fail records why the builder declines (the first reason wins) and
// returns true, so that a mode can return b.fail(...) as "consumed".
func (b *treeBuilder) fail(why string) bool {
	if b.why == "" {
		b.why = why
	}
	return true
}

// run reads the tokens and builds the tree, stopping at the first decline.
func (b *treeBuilder) run() {
	for n := 1; ; n++ {
		if n%treeTokenCheck == 0 && b.ctx.Err() != nil {
			b.fail("canceled")
			return
		}
		if !b.readToken() {
			return
		}
		b.process()
		if b.why != "" {
			return
		}
		if b.tt == html.ErrorToken {
			b.flushText()
			return
		}
	}
}

// process runs the current token through the insertion modes, or the
// rules for foreign content, until one consumes it.
func (b *treeBuilder) process() {
	for range 32 {
		var consumed bool
		if b.foreignOpen() {
			consumed = b.foreignStep()
		} else {
			consumed = b.dispatch()
		}
		if consumed || b.why != "" {
			return
		}
	}
	b.fail("token reprocessed too often")
}

// dispatch runs the current insertion mode on the current token and says
// whether the token was consumed.
func (b *treeBuilder) dispatch() bool {
	switch b.im {
	case modeInitial:
		return b.initialIM()
	case modeBeforeHTML:
		return b.beforeHTMLIM()
	case modeBeforeHead:
		return b.beforeHeadIM()
	case modeInHead:
		return b.inHeadIM()
	case modeAfterHead:
		return b.afterHeadIM()
	case modeInBody:
		return b.inBodyIM()
	case modeText:
		return b.textIM()
	case modeInTable:
		return b.inTableIM()
	case modeInCaption:
		return b.inCaptionIM()
	case modeInColumnGroup:
		return b.inColumnGroupIM()
	case modeInTableBody:
		return b.inTableBodyIM()
	case modeInRow:
		return b.inRowIM()
	case modeInCell:
		return b.inCellIM()
	case modeInTemplate:
		return b.inTemplateIM()
	case modeAfterBody:
		return b.afterBodyIM()
	case modeAfterAfterBody:
		return b.afterAfterBodyIM()
	}
	return b.fail("unknown insertion mode")
}

// readToken reads the next token into the builder's token fields. It
// returns false when the builder declines.
func (b *treeBuilder) readToken() bool {
	z := b.z
	// CDATA sections are text only in foreign content.
	z.allowCDATA = len(b.oe) > 0 && b.oe[len(b.oe)-1].Namespace != ""
	tt := z.next()
	b.tt, b.tag, b.name, b.text, b.selfClosing = tt, 0, "", "", tt == html.SelfClosingTagToken
	b.attr = b.attr[:0]
	switch tt {
	case html.TextToken, html.CommentToken, html.DoctypeToken:
		b.text = z.text(b.src)
	case html.StartTagToken, html.SelfClosingTagToken:
		// The parser ignores the self-closing flag on HTML elements.
		b.tt = html.StartTagToken
		return b.readTag(true)
	case html.EndTagToken:
		return b.readTag(false)
	}
	return true
}

// isTagSpace reports whether c is white space inside a tag.
func isTagSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'
}

// readTag reads the current tag token's lower-cased name and, for a start
// tag, its attributes, the first of each name kept, as the tokenizer's
// TagName and TagAttr give them.
func (b *treeBuilder) readTag(isStart bool) bool {
	z := b.z
	b.tag, b.name = b.intern(z.nameStart, z.nameEnd)
	if !isStart {
		return true
	}
	unknownRef := false
	for _, a := range z.attrs {
		_, key := b.intern(a.ks, a.ke)
		dup := false
		for k := range b.attr {
			if b.attr[k].Key == key {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if len(b.attr) == maxTagAttrs {
			return !b.fail("too many attributes")
		}
		val, ok := z.attrValue(b.src, a)
		unknownRef = unknownRef || !ok
		b.attr = append(b.attr, html.Attribute{Key: key, Val: val})
	}
	if unknownRef {
		// A named reference only x/net's table holds: its tokenizer
		// reads this tag's values.
		vals := z.tagAttrValues()
		if len(vals) != len(b.attr) {
			return !b.fail("attribute scan differs")
		}
		for k := range b.attr {
			b.attr[k].Val = vals[k]
		}
	}
	return true
}

// intern returns the lower-cased name page[i:j] as the tokenizer returns
// it: the atom's string for a known name, else a string cut from the page
// when it is already lower case. Tag and attribute names share the atom
// table.
func (b *treeBuilder) intern(i, j int) (atom.Atom, string) {
	s := b.page[i:j]
	upper := false
	for _, c := range s {
		if 'A' <= c && c <= 'Z' {
			upper = true
			break
		}
	}
	if upper {
		b.scratch = append(b.scratch[:0], s...)
		for k, c := range b.scratch {
			if 'A' <= c && c <= 'Z' {
				b.scratch[k] = c + 'a' - 'A'
			}
		}
		s = b.scratch
	}
	if a := atom.Lookup(s); a != 0 {
		return a, a.String()
	}
	if upper {
		return 0, string(s)
	}
	return 0, b.src[i:j]
}

// newNode returns a zeroed node from the current chunk.
func (b *treeBuilder) newNode() *html.Node {
	if len(b.nodes) == cap(b.nodes) {
		b.nodes = make([]html.Node, 0, b.chunk)
	}
	b.nodes = b.nodes[:len(b.nodes)+1]
	return &b.nodes[len(b.nodes)-1]
}

// copyAttrs returns a copy of the current token's attributes, nil for none.
func (b *treeBuilder) copyAttrs() []html.Attribute {
	n := len(b.attr)
	if n == 0 {
		return nil
	}
	if cap(b.attrs)-len(b.attrs) < n {
		b.attrs = make([]html.Attribute, 0, max(b.chunk, n))
	}
	l := len(b.attrs)
	b.attrs = append(b.attrs, b.attr...)
	return b.attrs[l : l+n : l+n]
}

// treeAppend links c as the last child of p.
func treeAppend(p, c *html.Node) {
	last := p.LastChild
	if last != nil {
		last.NextSibling = c
	} else {
		p.FirstChild = c
	}
	p.LastChild = c
	c.PrevSibling = last
	c.Parent = p
}

// top is the current node: the top of the stack of open elements, or the
// document when the stack is empty.
func (b *treeBuilder) top() *html.Node {
	if n := len(b.oe); n > 0 {
		return b.oe[n-1]
	}
	return b.doc
}

// pop removes the current node from the stack of open elements.
func (b *treeBuilder) pop() {
	if len(b.oe) > 0 {
		b.oe = b.oe[:len(b.oe)-1]
	}
}

// isTableish reports whether a is one of the elements under which the
// parser foster-parents.
func isTableish(a atom.Atom) bool {
	switch a {
	case atom.Table, atom.Tbody, atom.Tfoot, atom.Thead, atom.Tr:
		return true
	}
	return false
}

// addChild appends n to the current node and, when it is an element,
// pushes it; a node the parser would foster-parent is declined.
func (b *treeBuilder) addChild(n *html.Node) {
	t := b.top()
	if b.foster && isTableish(t.DataAtom) {
		b.fail("foster parenting")
		return
	}
	treeAppend(t, n)
	if n.Type == html.ElementNode {
		b.oe = append(b.oe, n)
		if len(b.oe) > maxOpenElements {
			b.fail("nesting too deep")
		}
	}
}

// addElement adds an element for the current start tag.
func (b *treeBuilder) addElement() {
	n := b.newNode()
	n.Type, n.DataAtom, n.Data, n.Attr = html.ElementNode, b.tag, b.name, b.copyAttrs()
	b.addChild(n)
}

// addImplied adds an element for a start tag the parser implies: no
// attributes.
func (b *treeBuilder) addImplied(a atom.Atom) {
	n := b.newNode()
	n.Type, n.DataAtom, n.Data = html.ElementNode, a, a.String()
	b.addChild(n)
}

// addComment adds the current comment token to the current node.
func (b *treeBuilder) addComment() {
	b.addChild(b.commentNode())
}

// commentNode returns a node for the current comment token.
func (b *treeBuilder) commentNode() *html.Node {
	n := b.newNode()
	n.Type, n.Data = html.CommentNode, b.text
	return n
}

// addText adds text to the current node, merging it into a text node that
// is already the node's last child, as the parser does.
func (b *treeBuilder) addText(text string) {
	if text == "" {
		return
	}
	t := b.top()
	if b.foster && isTableish(t.DataAtom) {
		b.fail("foster-parented text")
		return
	}
	if last := t.LastChild; last != nil && last.Type == html.TextNode {
		if last != b.merged {
			b.flushText()
			b.merged = last
			b.mergeBuf = append(b.mergeBuf[:0], last.Data...)
		}
		b.mergeBuf = append(b.mergeBuf, text...)
		return
	}
	n := b.newNode()
	n.Type, n.Data = html.TextNode, text
	treeAppend(t, n)
}

// flushText sets the text merged so far into its node.
func (b *treeBuilder) flushText() {
	if b.merged != nil {
		b.merged.Data = string(b.mergeBuf)
		b.merged = nil
	}
}

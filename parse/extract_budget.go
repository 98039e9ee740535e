package parse

import (
	"bytes"
	"strconv"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The formatting budget. html.Parse copies every formatting element (b, i,
// font, a…) that a block closed before its end tag into the next text or
// element: the HTML standard's "reconstruct the active formatting
// elements". Identical elements are kept three at most (its "Noah's Ark"
// clause), but elements that differ by an attribute are all kept, so a
// page of 400 distinct <b class=cN> left open, then 20,000 paragraphs
// (85 KB), makes html.Parse build 8 million elements (1.2 GB).
//
// checkFormatting estimates, before the tree is built, the elements and
// attributes those copies (and those of the standard's "adoption agency",
// which closes misnested formatting elements) make, in one pass of
// html.Tokenizer over the decoded page, and refuses the page with a
// *LimitError "formatting" once the estimate passes the limit
// (WithMaxFormatting). The estimate follows the tree builder closely
// enough to stay near the real copies on real pages (none passes a few
// thousand), and errs only upward:
//
//   - Each formatting start tag adds an element that may be copied,
//     weighing one and one per attribute; elements of the same markup
//     count three times at most.
//   - Its end tag (or, for <a>, the next <a>) takes it out again only
//     when the tree builder surely does: within the same boundary (a
//     table, cell, caption, object, template, select, or an SVG or
//     MathML element that holds HTML, which stop an end tag from reaching
//     what began before them), and after at most seven special elements
//     (div, p, li…; each costs one of the eight turns of the adoption
//     agency). A boundary counts as closed at its end tag only when
//     nothing special began inside it.
//   - A text or an element that follows a token that may close elements
//     (an end tag, a block's start tag) copies all that are counted; an
//     end tag copies them once per turn of the adoption agency it may run.
//   - Once the page has begun an <svg> or <math> element, inside which
//     html.Parse reads the content of a <title>, <style> or <script> as
//     markup where html.Tokenizer reads raw text, and may so see tags
//     where the pass sees none, every comment, raw text and tag holding a
//     '<' is read again as markup too (twice nested at most, and past
//     that each '<' counts as a formatting element that nothing closes):
//     both readings are counted, and end tags read so close only what
//     the same reading began.
//
// The pass costs about what html.Tokenizer costs, a share of html.Parse's
// time; see BENCHMARKS.md. It runs only when a bound counted from the
// page's bytes (formattingBound, extract_budget_gate.go), which counts no
// copy for a formatting element closed in place, passes the limit: no
// page of the shared corpus or of testdata/cases does. Both are upper
// bounds on the copies, and neither is always the smaller, so a page is
// refused when both pass the limit: a page whose copies pass it always
// is.

// fmtKey counts the open formatting elements of one markup.
type fmtKey struct {
	count  int // open elements of this markup, less those surely closed
	weight int // one, and one per attribute
}

// fmtEntry is one formatting start tag not yet surely closed.
type fmtEntry struct {
	key      *fmtKey
	within   int // the boundary it began within (fmtScan.within)
	specials int // fmtScan.specials at the start tag
	read     int // the read of markup it was found in (fmtScan.read)
}

// boundary is a boundary element (see isBoundary) that may be open.
type boundary struct {
	a        atom.Atom
	specials int // fmtScan.specials after its start tag
	id       int
}

// fmtScan is the state of the formatting estimate over one page.
type fmtScan struct {
	cfg      *config
	text     []byte // the page
	tokens   int    // tokens read, to look at the context now and then
	read     int    // the read of markup under way: 0 for the page
	reads    int    // reads of markup begun
	limit    int64
	cost     int64              // the estimate so far
	active   int64              // the weight of the elements a copy copies
	keys     map[string]*fmtKey // by the start tag's markup
	open     [len(formattingAtoms)][]fmtEntry
	bounds   []boundary // the boundaries that may be open, innermost last
	within   int        // the id of the innermost, 0 when none
	boundIDs int        // boundary ids given
	specials int        // special start tags seen
	dirty    bool       // a token since the last copy may have closed elements
	foreign  bool       // an <svg> or <math> start tag was seen
}

// formattingAtoms are the formatting elements, in the order of
// fmtScan.open.
var formattingAtoms = [...]atom.Atom{atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I,
	atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U}

// formattingIndex is the index of a in formattingAtoms, or -1.
func formattingIndex(a atom.Atom) int {
	for i, f := range formattingAtoms {
		if f == a {
			return i
		}
	}
	return -1
}

// checkFormatting refuses text, a decoded page, when both the byte-level
// bound and the estimate of the formatting elements html.Parse would copy
// pass cfg's limit.
func checkFormatting(text []byte, cfg *config) error {
	if formattingBound(text, cfg.maxFormatting) <= cfg.maxFormatting {
		return nil
	}
	s := fmtScan{cfg: cfg, text: text, limit: cfg.maxFormatting, keys: map[string]*fmtKey{}}
	return s.scan(text, 0, 0)
}

// maxNesting is how deep markup read inside a comment, raw text or tag is
// itself read: below it, each formatting tag's name counts as described
// at hidden.
const maxNesting = 2

// scan reads markup, the bytes at offset base in the page, and counts its
// formatting copies; level is 0 for the page itself and one more for
// each read of markup found inside a token (see hidden).
func (s *fmtScan) scan(markup []byte, base, level int) error {
	outer := s.read
	if level > 0 {
		s.reads++
		s.read = s.reads
		defer func() { s.read = outer }()
	}
	z := html.NewTokenizer(bytes.NewReader(markup))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return nil
		}
		raw := z.Raw()
		s.tokens++
		switch tt {
		case html.TextToken:
			s.copies()
		case html.StartTagToken, html.SelfClosingTagToken:
			s.start(z, tagAtom(raw[1:]))
		case html.EndTagToken:
			s.end(tagAtom(raw[2:]))
		}
		if s.foreign {
			if err := s.hidden(raw, tt, base+off, level); err != nil {
				return err
			}
		}
		if s.cost > s.limit {
			return &LimitError{Limit: "formatting", Max: s.limit, Where: "byte " + strconv.Itoa(base+off)}
		}
		off += len(raw)
		if s.tokens%cancelEvery == 0 {
			if err := s.cfg.canceled("checking the markup"); err != nil {
				return err
			}
		}
	}
}

// tagAtom is the atom of the tag name that b, a tag token's bytes after
// its "<" or "</", starts with, or 0 for a name that is none.
func tagAtom(b []byte) atom.Atom {
	var name [16]byte
	n := readTagName(b, name[:])
	if n < 0 {
		return 0
	}
	return atom.Lookup(name[:n])
}

// readTagName copies the tag name that b starts with, lower-cased, into
// name, up to a byte that ends a tag name or the end of b, and returns
// its length, or -1 when it is longer than name.
func readTagName(b, name []byte) int {
	n := 0
	for ; n < len(b); n++ {
		c := b[n]
		if c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>' {
			break
		}
		if n == len(name) {
			return -1
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		name[n] = c
	}
	return n
}

// copies counts the copies a token that follows a closing makes.
func (s *fmtScan) copies() {
	if s.dirty {
		s.cost += s.active
		s.dirty = false
	}
}

// start counts a start tag of element a, the tokenizer's current token.
func (s *fmtScan) start(z *html.Tokenizer, a atom.Atom) {
	if i := formattingIndex(a); i >= 0 {
		switch {
		case a == atom.A && len(s.open[i]) > 0:
			// A new <a> runs the end tag's steps for the one open, then
			// copies.
			s.adopt(i)
			s.close(i)
			s.dirty = true
			s.copies()
		case a == atom.Nobr && len(s.open[i]) > 0:
			// A new <nobr> copies, runs the end tag's steps for the one
			// open, and copies again.
			s.copies()
			s.adopt(i)
			s.dirty = true
			s.copies()
		default:
			s.copies()
		}
		s.push(z, i)
		return
	}
	if a == atom.Svg || a == atom.Math {
		s.foreign = true
	}
	if !keepsOpen(a) {
		s.specials++
	}
	if isBoundary(a) {
		s.openBoundary(a)
	}
	switch {
	case closesOnly(a):
		s.dirty = true
	case a == atom.Select:
		// A <select> closes an open one, or copies.
		s.dirty = true
		s.copies()
		s.dirty = true
	default:
		if closesFirst(a) {
			s.dirty = true
		}
		s.copies()
	}
}

// push counts a formatting start tag, the tokenizer's current token, of
// element formattingAtoms[i].
func (s *fmtScan) push(z *html.Tokenizer, i int) {
	key := s.keys[string(z.Raw())]
	if key == nil {
		// The markup as read, before TagAttr lower-cases and unescapes
		// the attributes in place.
		markup := string(z.Raw())
		key = &fmtKey{weight: tagWeight(z)}
		s.keys[markup] = key
	}
	s.add(key)
	s.open[i] = append(s.open[i], fmtEntry{key: key, within: s.within, specials: s.specials, read: s.read})
}

// end counts an end tag of element a.
func (s *fmtScan) end(a atom.Atom) {
	if a == atom.Br {
		s.copies() // </br> is read as <br>
	}
	if n := len(s.bounds); n > 0 && s.bounds[n-1].a == a && s.bounds[n-1].specials == s.specials {
		// The innermost boundary's end tag, and nothing special opened
		// in it: html.Parse surely closes it.
		s.bounds = s.bounds[:n-1]
		s.within = 0
		if n > 1 {
			s.within = s.bounds[n-2].id
		}
	}
	if i := formattingIndex(a); i >= 0 && len(s.open[i]) > 0 {
		s.adopt(i)
		s.close(i)
	}
	s.dirty = true
}

// adopt counts the copies that the steps of a formatting end tag of
// formattingAtoms[i] (the standard's "adoption agency") make: a turn for
// each special element opened above the element it closes, eight at
// most, each copying no more than all that are counted.
func (s *fmtScan) adopt(i int) {
	turns := min(8, s.specials-s.open[i][0].specials)
	if s.within != s.open[i][0].within {
		turns = 8
	}
	s.cost += int64(turns) * s.active
}

// close takes out the last open formatting element of formattingAtoms[i]
// when html.Parse surely takes it out of its list at an end tag: no
// boundary and at most seven special elements began since it. Markup
// read inside a token may be no markup to html.Parse: its end tags close
// only what it began.
func (s *fmtScan) close(i int) {
	top := s.open[i][len(s.open[i])-1]
	if top.within != s.within || s.specials-top.specials > 7 || s.read != 0 && top.read != s.read {
		return
	}
	s.open[i] = s.open[i][:len(s.open[i])-1]
	if top.key.count--; top.key.count < 3 {
		s.active -= int64(top.key.weight)
	}
}

// openBoundary counts the start tag of a boundary element a, or, for a
// 0, a boundary that never closes.
func (s *fmtScan) openBoundary(a atom.Atom) {
	s.boundIDs++
	s.within = s.boundIDs
	s.bounds = append(s.bounds, boundary{a: a, specials: s.specials, id: s.within})
}

// add counts one more open element of key's markup.
func (s *fmtScan) add(key *fmtKey) {
	if key.count++; key.count <= 3 {
		s.active += int64(key.weight)
	}
}

// hidden reads, once foreign content has begun, the markup that
// html.Parse may find inside raw, a token of type tt at offset off in the
// page that this pass reads whole (a tag's attributes, a comment, the
// text of a <title>, <style> or <script>): the token's bytes (after the
// "<" that starts a tag or comment) are read again as markup, one level
// deeper. At maxNesting, each '<' that starts a formatting tag's name
// counts as an element that nothing closes (of the weight of the tag read
// there, see weightAt), and each '<' as a tag that closes elements and
// copies all.
func (s *fmtScan) hidden(raw []byte, tt html.TokenType, off, level int) error {
	from := 1 // a tag, comment or doctype: the markup after its "<"
	if tt == html.TextToken {
		from = 0
	}
	if bytes.IndexByte(raw[from:], '<') < 0 {
		return nil
	}
	if level < maxNesting {
		return s.scan(raw[from:], off+from, level+1)
	}
	for i := from; i < len(raw); i++ {
		if raw[i] != '<' {
			continue
		}
		if startsFormatting(raw[i+1:]) {
			s.add(&fmtKey{weight: s.weightAt(off + i)})
		}
		s.specials++
		s.cost += 2 * s.active
		s.dirty = true
	}
	s.openBoundary(0)
	return nil
}

// tagWeight is the weight of z's current token, a start tag: one and one
// per attribute. It reads the attributes, which lower-cases and unescapes
// them in z's buffer.
func tagWeight(z *html.Tokenizer) int {
	w := 1
	for more := true; more; {
		var k []byte
		k, _, more = z.TagAttr()
		if len(k) > 0 {
			w++
		}
	}
	return w
}

// maxTagRead is how far weightAt reads a tag to count its attributes.
const maxTagRead = 4096

// weightAt is the weight of the start tag that html.Parse would read at
// offset at of the page, read in its data state: one and one per
// attribute, or, for a tag longer than maxTagRead, one and one per two
// bytes to the end of the page.
func (s *fmtScan) weightAt(at int) int {
	z := html.NewTokenizer(bytes.NewReader(s.text[at:]))
	z.SetMaxBuf(maxTagRead)
	switch z.Next() {
	case html.StartTagToken, html.SelfClosingTagToken:
		return tagWeight(z)
	case html.ErrorToken:
		if z.Err() == html.ErrBufferExceeded {
			return 1 + (len(s.text)-at)/2
		}
	}
	return 1
}

// startsFormatting reports whether b starts with the name of a formatting
// element, in any case, and then a byte that ends a tag name.
func startsFormatting(b []byte) bool {
	return formattingIndex(tagAtom(b)) >= 0 && len(b) > 0 && b[0]|0x20 >= 'a' && b[0]|0x20 <= 'z'
}

// isBoundary reports the elements that keep an end tag from the
// formatting elements begun before them (html.Parse's default scope, and
// the elements that push a marker on its list of formatting elements):
// table cells and captions, objects, templates, selects, and the SVG and
// MathML elements that hold HTML. The SVG <title> shares the HTML one's
// atom.
func isBoundary(a atom.Atom) bool {
	switch a {
	case atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th, atom.Marquee, atom.Object,
		atom.Template, atom.Select, atom.Mi, atom.Mo, atom.Mn, atom.Ms, atom.Mtext,
		atom.AnnotationXml, atom.Foreignobject, atom.Desc, atom.Title:
		return true
	}
	return false
}

// closesOnly reports the start tags that may close elements but copy no
// formatting elements themselves: the next text or element does.
func closesOnly(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details, atom.Dialog,
		atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header,
		atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search, atom.Section,
		atom.Summary, atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre,
		atom.Listing, atom.Form, atom.Li, atom.Dd, atom.Dt, atom.Plaintext, atom.Table, atom.Hr,
		atom.Caption, atom.Col, atom.Colgroup, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead,
		atom.Tr, atom.Body, atom.Html, atom.Head, atom.Frameset, atom.Rb, atom.Rtc, atom.Rp, atom.Rt:
		return true
	}
	return false
}

// closesFirst reports the start tags that may close elements before
// they copy: a <button> an open one, an <input> or <xmp> an open select or
// paragraph, an <option> or <optgroup> an open option.
func closesFirst(a atom.Atom) bool {
	return a == atom.Button || a == atom.Input || a == atom.Xmp || a == atom.Option || a == atom.Optgroup
}

// keepsOpen reports the start tags, inline or empty, that close no
// element and stay open above none.
func keepsOpen(a atom.Atom) bool {
	switch a {
	case atom.Span, atom.Img, atom.Br, atom.Wbr, atom.Area, atom.Embed, atom.Sub, atom.Sup, atom.Label,
		atom.Abbr, atom.Ins, atom.Del, atom.Q, atom.Cite, atom.Dfn, atom.Kbd, atom.Samp, atom.Var,
		atom.Mark, atom.Time, atom.Data, atom.Bdi, atom.Bdo:
		return true
	}
	return false
}

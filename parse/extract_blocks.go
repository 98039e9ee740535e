package parse

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The positions of blocks: html.Parse keeps no source offsets, so
// Pos.Offset of an HTML block is its byte offset in the page's visible text — the decoded
// text of every text node of the page that is walked (scripts, styles and
// hidden elements left out), in document order. It is stable for a page
// and grows with the block's place in it.

// linesAfter is how many lines after the container are read for page
// furniture (责任编辑, 来源…) before the walk stops.
const linesAfter = 40

// blockStyle is what a block or a run of text inherits from its elements.
type blockStyle struct {
	align      Align
	heading    int
	indent     bool
	bold       bool
	inside     bool // in the content container
	titleClass bool
	crumb      bool
	large      bool // a large font (<font size=4>, a style's font-size)
}

// pline is a line of the page outside the content container.
type pline struct {
	text       string
	heading    int
	titleClass bool
	crumb      bool
	before     bool // before the container
	emph       bool // bold or in a large font, as a title row is
	align      Align
}

// lineBuilder folds the text of one block: runs of white space become one
// space (none at a line break between two CJK characters, as browsers
// render them), leading and trailing space is dropped. It counts bytes,
// not characters: runes says only whether the line has text and how long.
//
// A line that is one stretch of a single text node, as most paragraphs
// are, is not copied: the builder keeps the stretch of that string (src)
// until a second text node or a changed space makes it copy.
type lineBuilder struct {
	b          strings.Builder
	src        string // the text node the line is a stretch of, while aliased
	from, to   int    // the stretch of src
	aliased    bool   // the line is src[from:to], b is empty
	open       bool   // src is the string of the write call under way
	runes      int    // bytes of text written
	boldRunes  int    // of those, bytes written in bold
	last       rune
	space      bool // a pending space or tab
	newline    bool // a pending line break
	hard       bool // a pending no-break or full-width space
	leadIndent int  // full-width or no-break spaces before the first character
	start      int
	st         blockStyle
}

// String returns the line folded so far.
func (lb *lineBuilder) String() string {
	if lb.aliased {
		return lb.src[lb.from:lb.to]
	}
	return lb.b.String()
}

// Len returns the length in bytes of the line folded so far.
func (lb *lineBuilder) Len() int {
	if lb.aliased {
		return lb.to - lb.from
	}
	return lb.b.Len()
}

// unalias copies the aliased stretch into the builder.
func (lb *lineBuilder) unalias() {
	if lb.aliased {
		lb.b.WriteString(lb.src[lb.from:lb.to])
		lb.aliased, lb.src = false, ""
	}
}

// write adds s; off is the page text offset of s.
func (lb *lineBuilder) write(s string, st blockStyle, off int) {
	lb.open = false // an alias of an earlier string is not extended
	i := 0
	for i < len(s) {
		// A run of characters that are not white space.
		// Eight bytes at a time while no byte can be white space, else
		// byte by byte to the end of those eight.
		j := i
		for j < len(s) {
			end := len(s)
			if j+8 <= len(s) {
				if w := word8(s, j); plainWord(w) || j+10 <= len(s) && punctWord(s, j, w) {
					j += 8
					continue
				}
				end = j + 8
			}
			for ; j < end; j++ {
				switch byteClass[s[j]] {
				case clsSpace:
					goto run
				case clsMaybe:
					if spaceLen(s, j) > 0 {
						goto run
					}
				}
			}
		}
	run:
		if j > i {
			run := s[i:j]
			sep := false
			if lb.runes == 0 {
				lb.start = off + i
				lb.st = st
			} else if lb.hard || lb.space {
				sep = true
			} else if lb.newline {
				first, _ := utf8.DecodeRuneInString(run)
				sep = !(isWide(lb.last) && isWide(first))
			}
			lb.space, lb.newline, lb.hard = false, false, false
			switch {
			case lb.runes == 0 && lb.b.Len() == 0:
				lb.src, lb.from, lb.to, lb.aliased, lb.open = s, i, j, true, true
			case lb.aliased && lb.open && (!sep && lb.to == i || sep && lb.to+1 == i && s[lb.to] == ' '):
				lb.to = j
			default:
				lb.unalias()
				if sep {
					lb.b.WriteByte(' ')
				}
				lb.b.WriteString(run)
			}
			lb.runes += len(run)
			if st.bold {
				lb.boldRunes += len(run)
			}
			lb.last, _ = utf8.DecodeLastRuneInString(run)
			i = j
			continue
		}
		// White space.
		c := s[i]
		if byteClass[c] == clsSpace {
			if c == '\n' || c == '\r' || c == '\f' {
				lb.newline = true
			} else {
				lb.space = true
			}
			i++
			continue
		}
		size := spaceLen(s, i)
		lb.hard = true
		if lb.runes == 0 && (size == 3 && c == 0xE3 || size == 2 && s[i+1] == 0xA0) {
			lb.leadIndent++ // U+3000 or U+00A0
		}
		i += size
	}
}

// breakSoft ends a line inside text collected as one block (a table cell,
// content below the depth limit): it becomes a space.
func (lb *lineBuilder) breakSoft() { lb.newline = true; lb.hard = lb.hard || lb.runes > 0 }

// reset empties the line, keeping its builder's buffer.
func (lb *lineBuilder) reset() {
	lb.b.Reset()
	*lb = lineBuilder{b: lb.b}
}

// emitter walks a page and emits the container's blocks and the lines
// around it.
type emitter struct {
	cfg    *config
	region *region
	base   *url.URL
	blocks []SourceBlock
	lines  []pline
	seen   bool // the container has been walked
	after  int
	done   bool
	off    int
	lb     lineBuilder
	err    error
	// warnings are the walk's warnings, such as a table read as text.
	warnings []reply.Warning
	// cache holds what the scan of the same page read of its classes and styles.
	cache *elementCache
}

// walk emits n. depth is n's element depth; at cfg.maxDepth the element's
// content is read as its text, so nesting never grows the call stack
// further.
func (e *emitter) walk(n *html.Node, st blockStyle, depth int) {
	if e.err != nil || e.done {
		return
	}
	switch n.Type {
	case html.TextNode:
		e.text(n.Data, st)
		return
	case html.DocumentNode:
		e.children(n, st, depth)
		return
	case html.ElementNode:
	default:
		return
	}
	if isDropTag(n.DataAtom) {
		return
	}
	el := readElement(n, e.cache)
	if el.hidden {
		return
	}
	if st.inside && (isChromeTag(n.DataAtom) || el.traits.has(ctWidget)) {
		// Page chrome inside the container (an <article>'s <header>, a
		// share bar) is read as lines around it: its title and furniture
		// count, its text is no block.
		e.flush()
		st.inside = false
		e.walk(n, st, depth)
		e.flush()
		return
	}
	if !st.inside && isMenu(n.DataAtom, &el) && !e.holdsRegion(n) {
		// Site navigation around the content holds no furniture.
		return
	}
	if depth >= e.cfg.maxDepth {
		e.flush()
		e.flat(n, st)
		e.flush()
		return
	}
	switch n.DataAtom {
	case atom.Br:
		e.flush()
		return
	case atom.Img:
		if st.inside {
			e.flush()
			e.image(n, st)
		}
		return
	case atom.Table:
		if st.inside && isDataTable(n) {
			e.flush()
			if !e.table(n, st) {
				e.tableAsText(n, st)
			}
			return
		}
	case atom.B, atom.Strong:
		st.bold = true
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		st.heading = int(n.Data[1] - '0')
		st.bold = true
	case atom.Center:
		st.align = AlignCenter
	}
	block := isBlockTag(n.DataAtom)
	if block {
		e.flush()
		// A table's or an image's align places the box, not its text.
		if el.align != AlignNone && n.DataAtom != atom.Table {
			st.align = el.align
		}
		st.indent = el.indent
	}
	if el.hasWeight {
		st.bold = isBoldWeight(el.weight)
	}
	if el.large {
		st.large = true
	}
	if el.traits.has(ctTitle) {
		st.titleClass = true
	}
	if el.traits.has(ctCrumb) {
		st.crumb = true
	}
	if n == e.region.node && !st.inside {
		e.flush()
		e.regionChildren(n, st, depth)
		e.flush()
		e.seen = true
		return
	}
	e.children(n, st, depth)
	if block {
		e.flush()
	}
}

// children walks n's children in order.
func (e *emitter) children(n *html.Node, st blockStyle, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		e.walk(c, st, depth+1)
	}
}

// regionChildren walks the container's children: those in its range
// inside, the others as lines around it.
func (e *emitter) regionChildren(n *html.Node, st blockStyle, depth int) {
	in := e.region.first == nil
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c == e.region.first {
			e.flush()
			in = true
		}
		cst := st
		cst.inside = in
		if in {
			cst.titleClass, cst.crumb = false, false
		}
		e.walk(c, cst, depth+1)
		if c == e.region.last {
			e.flush()
			in = false
			e.seen = true
		}
	}
}

// text adds a text node's text to the current line.
func (e *emitter) text(s string, st blockStyle) {
	e.lb.write(s, st, e.off)
	e.off += len(s)
	if e.lb.Len() > e.cfg.maxParagraph && st.inside {
		e.err = &LimitError{Limit: "paragraph", Max: int64(e.cfg.maxParagraph), Where: "byte " + strconv.Itoa(e.lb.start)}
	}
}

// flush ends the current line.
func (e *emitter) flush() {
	lb := &e.lb
	if lb.runes == 0 {
		lb.reset()
		return
	}
	st := lb.st
	if st.inside {
		if len(e.blocks) >= e.cfg.maxBlocks {
			e.err = &LimitError{Limit: "blocks", Max: int64(e.cfg.maxBlocks), Where: "byte " + strconv.Itoa(lb.start)}
			lb.reset()
			return
		}
		e.blocks = append(e.blocks, SourceBlock{
			Text:    lb.String(),
			Align:   st.align,
			Heading: st.heading,
			Bold:    lb.boldRunes == lb.runes,
			Indent:  st.indent || lb.leadIndent > 0,
			Pos:     Pos{Offset: lb.start},
			large:   st.large,
		})
	} else if lb.runes <= 900 {
		e.lines = append(e.lines, pline{
			text: lb.String(), heading: st.heading, titleClass: st.titleClass,
			crumb: st.crumb, before: !e.seen, emph: lb.boldRunes == lb.runes || st.large, align: st.align,
		})
		if e.seen {
			e.after++
			e.done = e.after >= linesAfter
		}
	}
	lb.reset()
}

// isMenu reports a navigation menu: a <nav> or an element whose class or
// id names a nav or menu, unless it is the location line (当前位置).
func isMenu(a atom.Atom, el *element) bool {
	if el.traits.has(ctCrumb) || strings.Contains(el.ariaLabel, "位置") {
		return false
	}
	return a == atom.Nav || el.traits.has(ctMenu)
}

// menuWords name navigation menus in a class or id.
var menuWords = []string{"nav", "navbar", "menu", "topnav", "mainnav", "subnav"}

// holdsRegion reports whether the content container lies below n.
func (e *emitter) holdsRegion(n *html.Node) bool {
	for p := e.region.node; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

// flat reads n's content as text of one block, without recursion. When
// the container lies below n, the block is the container's.
func (e *emitter) flat(n *html.Node, st blockStyle) {
	if !st.inside && e.holdsRegion(n) {
		st.inside = true
		e.seen = true
	}
	e.lb.st = st
	collectText(n, &e.lb, st, &e.off)
}

// collectText writes the text below n into lb, walking the tree by its
// pointers (no recursion); block elements and <br> become spaces.
func collectText(n *html.Node, lb *lineBuilder, st blockStyle, off *int) {
	c := n.FirstChild
	for c != nil {
		descend := false
		switch c.Type {
		case html.TextNode:
			lb.write(c.Data, st, *off)
			*off += len(c.Data)
		case html.ElementNode:
			if !isDropTag(c.DataAtom) && !isHidden(c) {
				if c.DataAtom == atom.Br || isBlockTag(c.DataAtom) {
					lb.breakSoft()
				}
				descend = true
			}
		}
		if descend && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		for c != nil && c != n {
			if c.NextSibling != nil {
				c = c.NextSibling
				break
			}
			c = c.Parent
			if c != nil && c.Type == html.ElementNode && isBlockTag(c.DataAtom) {
				lb.breakSoft()
			}
		}
		if c == n {
			break
		}
	}
}

// image emits an <img> as an image block; only http(s) and relative
// addresses are kept.
func (e *emitter) image(n *html.Node, st blockStyle) {
	src := strings.TrimSpace(getAttr(n, "src"))
	if src == "" {
		src = strings.TrimSpace(getAttr(n, "data-src"))
	}
	u := safeURL(src, e.base)
	if u == "" || isSpacerImage(n, src) {
		return
	}
	var lb lineBuilder
	lb.write(getAttr(n, "alt"), st, 0)
	alt := lb.String()
	if len(e.blocks) >= e.cfg.maxBlocks {
		e.err = &LimitError{Limit: "blocks", Max: int64(e.cfg.maxBlocks), Where: "byte " + strconv.Itoa(e.off)}
		return
	}
	e.blocks = append(e.blocks, SourceBlock{
		Text: alt, Align: st.align, Image: &reply.Image{URL: u, Alt: alt}, Pos: Pos{Offset: e.off},
	})
}

// safeURL resolves ref against base and returns it when it is an http(s)
// or relative address, else "".
func safeURL(ref string, base *url.URL) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	// The scheme is checked after resolving: a relative address takes
	// the base's scheme, and a base can be hostile too.
	if s := u.String(); reply.LinkableURL(s) {
		return s
	}
	return ""
}

package parse

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// element is what the page reader asks of an element's attributes: read
// in one pass over them and one over the inline style, where the
// predicates it stands for (isHidden, elementAlign, hasTextIndent, the
// class-word tests) would each look them up and cut the style again.
type element struct {
	hidden    bool   // as isHidden
	align     Align  // as elementAlign
	indent    bool   // as hasTextIndent
	weight    string // the style's font-weight, when hasWeight
	hasWeight bool
	large     bool // a large font: <font size=4> and up, or a style's font-size
	ariaLabel string
	traits    classTraits
}

// classTraits are what an element's class and id say about it, one bit
// for each class-word test the page reader makes.
type classTraits uint8

const (
	ctWidget    classTraits = 1 << iota // isWidget
	ctMenu                              // a word of menuWords (classWordTraits)
	ctCrumb                             // isCrumb
	ctTitle                             // isTitleClass
	ctContainer                         // a word of containerWords
	ctStrong0                           // a word of strongContainers[0]
	ctStrong1                           // a word of strongContainers[1]
)

// has reports whether all of bits are set.
func (t classTraits) has(bits classTraits) bool { return t&bits == bits }

// classKey is an element's class and id attributes as written.
type classKey struct{ class, id string }

// elementCache remembers what a page's class and id pairs and inline
// styles say: pages repeat a few class names and styles on many elements
// (「text-indent: 2em;」 on every paragraph), and each is read once. The
// pairs are kept in a map: a page has 30–200 distinct ones, where a list
// searched in order costs more than hashing. It starts at 64, which
// spares the growing most pages would pay.
type elementCache struct {
	classes map[classKey]classTraits

	styles []string
	facts  []styleView
}

// styleView is what an inline style says about an element.
type styleView struct {
	hidden    bool  // display:none or visibility:hidden
	align     Align // text-align
	hasAlign  bool
	indent    bool // a text-indent that indents
	weight    string
	hasWeight bool
	large     bool // a font-size of a heading (largeFontSize)
}

// styleListMax is how many distinct styles elementCache keeps; a page
// with more reads the others each time.
const styleListMax = 32

// style returns what style says.
func (c *elementCache) style(style string) styleView {
	for i := range c.styles {
		if c.styles[i] == style {
			return c.facts[i]
		}
	}
	sf := readStyle(style)
	v := styleView{
		hidden:    sf.hides(),
		hasAlign:  sf.has&styleTextAlign != 0,
		indent:    sf.has&styleTextIndent != 0 && indentValue(sf.textIndent),
		weight:    sf.fontWeight,
		hasWeight: sf.has&styleFontWeight != 0,
		large:     sf.has&styleFontSize != 0 && largeFontSize(sf.fontSize),
	}
	if v.hasAlign {
		v.align = alignOf(sf.textAlign)
	}
	if len(c.styles) < styleListMax {
		c.styles = append(c.styles, style)
		c.facts = append(c.facts, v)
	}
	return v
}

// lookup returns the traits of class and id.
func (c *elementCache) lookup(class, id string) classTraits {
	if class == "" && id == "" {
		return 0
	}
	k := classKey{class, id}
	if t, ok := c.classes[k]; ok {
		return t
	}
	t := traitsOf(joinClassID(class, id))
	if c.classes == nil {
		c.classes = make(map[classKey]classTraits, 64)
	}
	c.classes[k] = t
	return t
}

// joinClassID is an element's class and id attributes, lower-cased and
// space-joined.
func joinClassID(class, id string) string {
	switch {
	case class == "" && id == "":
		return ""
	case id == "":
		return lowerASCII(class)
	case class == "":
		return lowerASCII(id)
	}
	if !isASCIIString(class) || !isASCIIString(id) {
		return lowerASCII(class + " " + id) // as strings.ToLower has it
	}
	// One copy, lower-cased as it is made.
	b := make([]byte, 0, len(class)+1+len(id))
	b = appendLowerASCII(append(appendLowerASCII(b, class), ' '), id)
	return string(b)
}

// isASCIIString reports whether s is all ASCII.
func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendLowerASCII appends s to b with its ASCII letters lower-cased.
func appendLowerASCII(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// traitsOf computes the traits of cid, a joinClassID value.
func traitsOf(cid string) classTraits {
	if cid == "" {
		return 0
	}
	var t classTraits
	set := func(bit classTraits, ok bool) {
		if ok {
			t |= bit
		}
	}
	set(ctWidget, isWidget(cid))
	set(ctCrumb, isCrumb(cid))
	set(ctTitle, isTitleClass(cid))
	return t | classWordTraits(cid)
}

// classWordTraits is what the class-word lists say of cid: ctMenu when one
// of its class or id tokens, or a part of one joined by - or _, is in
// menuWords, ctContainer for containerWords, ctStrong0 and ctStrong1 for
// the two strongContainers lists. A word with _ in it (trs_editor) also
// matches inside a token. It reads cid in one pass.
func classWordTraits(cid string) classTraits {
	var t classTraits
	for cid != "" {
		var tok string
		tok, cid, _ = strings.Cut(cid, " ")
		if tok == "" {
			continue
		}
		t |= classWord(tok)
		if indexDash(tok) < 0 {
			continue
		}
		for _, w := range innerClassWords {
			if strings.Contains(tok, w.word) {
				t |= w.traits
			}
		}
		for part := tok; part != ""; {
			i := indexDash(part)
			if i < 0 {
				t |= classWord(part)
				break
			}
			t |= classWord(part[:i])
			part = part[i+1:]
		}
	}
	return t
}

// classWordLists are the class-word lists and the trait each gives.
var classWordLists = []struct {
	traits classTraits
	words  []string
}{{ctMenu, menuWords}, {ctContainer, containerWords}, {ctStrong0, strongContainers[0]}, {ctStrong1, strongContainers[1]}}

// classWords holds the traits of each word of the class-word lists; it is
// never written after init.
var classWords = func() map[string]classTraits {
	m := map[string]classTraits{}
	for _, l := range classWordLists {
		for _, w := range l.words {
			m[w] |= l.traits
		}
	}
	return m
}()

// classWordShapes has, for each first byte of a word of classWords, a
// bit for each length of such a word (all are under 32 bytes): most
// tokens are turned away without hashing them.
var classWordShapes = func() (shapes [256]uint32) {
	for w := range classWords {
		shapes[w[0]] |= 1 << len(w)
	}
	return shapes
}()

// classWord is classWords[w].
func classWord(w string) classTraits {
	if w == "" || len(w) >= 32 || classWordShapes[w[0]]&(1<<len(w)) == 0 {
		return 0
	}
	return classWords[w]
}

// classWordTrait is a word of the class-word lists and its traits.
type classWordTrait struct {
	word   string
	traits classTraits
}

// innerClassWords are the words with _ in them, which match inside a
// token too.
var innerClassWords = func() []classWordTrait {
	var out []classWordTrait
	for _, l := range classWordLists {
		for _, w := range l.words {
			if strings.Contains(w, "_") {
				out = append(out, classWordTrait{w, l.traits})
			}
		}
	}
	return out
}()

// readElement reads n's attributes, with what cache remembers of the page.
func readElement(n *html.Node, cache *elementCache) element {
	var (
		el                          element
		class, id, style, alignAttr string
		seen                        uint8 // the attributes met so far: the first of a key counts
	)
	const (
		seenClass uint8 = 1 << iota
		seenID
		seenStyle
		seenAlign
		seenAriaHidden
		seenAriaLabel
		seenSize
	)
	first := func(bit uint8) bool {
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		return true
	}
	hiddenAttr := false
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch a.Key {
		case "class":
			if first(seenClass) {
				class = a.Val
			}
		case "id":
			if first(seenID) {
				id = a.Val
			}
		case "style":
			if first(seenStyle) {
				style = a.Val
			}
		case "align":
			if first(seenAlign) {
				alignAttr = a.Val
			}
		case "hidden":
			hiddenAttr = true
		case "aria-hidden":
			if first(seenAriaHidden) {
				el.hidden = strings.EqualFold(a.Val, "true") && n.DataAtom != atom.Span
			}
		case "aria-label":
			if first(seenAriaLabel) {
				el.ariaLabel = a.Val
			}
		case "size":
			if n.DataAtom == atom.Font && first(seenSize) {
				el.large = largeFontAttr(a.Val)
			}
		}
	}
	el.hidden = el.hidden || hiddenAttr
	el.traits = cache.lookup(class, id)
	if style != "" {
		v := cache.style(style)
		el.hidden = el.hidden || v.hidden
		el.indent = v.indent
		el.weight, el.hasWeight = v.weight, v.hasWeight
		el.large = el.large || v.large
		if v.hasAlign {
			el.align = v.align
			return el
		}
	}
	el.align = alignOf(alignAttr)
	return el
}

// styleFacts are the properties of an inline style the page reader uses,
// each the first declaration of its property, trimmed as styleWord trims.
type styleFacts struct {
	display, visibility, textAlign, textIndent, fontWeight, fontSize string
	has                                                              uint8 // which were declared
}

const (
	styleDisplay uint8 = 1 << iota
	styleVisibility
	styleTextAlign
	styleTextIndent
	styleFontWeight
	styleFontSize
	styleAll = styleDisplay | styleVisibility | styleTextAlign | styleTextIndent | styleFontWeight | styleFontSize
)

// readStyle reads style in one sweep over its declarations.
func readStyle(style string) styleFacts {
	var sf styleFacts
	for style != "" && sf.has != styleAll {
		var decl string
		decl, style, _ = strings.Cut(style, ";")
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		var bit uint8
		var dst *string
		// Property names are ASCII and compared without case, lower-cased
		// into name: those read here are at most 11 bytes.
		var name [11]byte
		k = strings.TrimSpace(k)
		if len(k) > len(name) {
			continue
		}
		for i := 0; i < len(k); i++ {
			c := k[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			name[i] = c
		}
		switch string(name[:len(k)]) {
		case "display":
			bit, dst = styleDisplay, &sf.display
		case "visibility":
			bit, dst = styleVisibility, &sf.visibility
		case "text-align":
			bit, dst = styleTextAlign, &sf.textAlign
		case "text-indent":
			bit, dst = styleTextIndent, &sf.textIndent
		case "font-weight":
			bit, dst = styleFontWeight, &sf.fontWeight
		case "font-size":
			bit, dst = styleFontSize, &sf.fontSize
		default:
			continue
		}
		if sf.has&bit == 0 {
			*dst = styleWord(v)
			sf.has |= bit
		}
	}
	return sf
}

// hides reports whether the style hides its element: display:none or
// visibility:hidden.
func (sf styleFacts) hides() bool {
	return strings.EqualFold(sf.display, "none") || strings.EqualFold(sf.visibility, "hidden")
}

// alignOf reads an align attribute or text-align value; most elements
// have none.
func alignOf(v string) Align {
	if v == "" {
		return AlignNone
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "left", "start":
		return AlignLeft
	case "center", "middle", "-webkit-center":
		return AlignCenter
	case "right", "end":
		return AlignRight
	case "justify":
		return AlignJustify
	}
	return AlignNone
}

// indentValue reports whether a text-indent value indents: not zero and
// not negative.
func indentValue(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" || v[0] == '-' {
		return false
	}
	// Not zero: something besides zeros, dots, units px and em, and %.
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '0', '.', 'p', 'x', 'e', 'm', 'P', 'X', 'E', 'M', '%':
		default:
			return true
		}
	}
	return false
}

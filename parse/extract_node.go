package parse

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// getAttr returns the value of n's attribute key (lower case), or "".
func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases the ASCII letters of s, copying only when needed.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isDropTag reports elements whose content is never notice text.
func isDropTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object,
		atom.Embed, atom.Svg, atom.Math, atom.Canvas, atom.Select, atom.Button, atom.Input,
		atom.Textarea, atom.Head, atom.Audio, atom.Video, atom.Map:
		return true
	}
	return false
}

// isChromeTag reports elements that hold site navigation and page chrome.
func isChromeTag(a atom.Atom) bool {
	return a == atom.Nav || a == atom.Header || a == atom.Footer || a == atom.Aside
}

// isBlockTag reports elements that start and end a block of text.
func isBlockTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption,
		atom.Blockquote, atom.Pre, atom.Center, atom.Form, atom.Hr, atom.Address, atom.Figure,
		atom.Figcaption, atom.Header, atom.Footer, atom.Nav, atom.Aside, atom.Body, atom.Html,
		atom.Fieldset, atom.Legend, atom.Details, atom.Summary:
		return true
	}
	return false
}

// isHidden reports whether n is hidden: the hidden attribute, or an inline
// style with display:none or visibility:hidden.
func isHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	if strings.EqualFold(getAttr(n, "aria-hidden"), "true") && n.DataAtom != atom.Span {
		return true
	}
	st := getAttr(n, "style")
	return st != "" && readStyle(st).hides()
}

// styleWord trims a declaration's value and its !important.
func styleWord(v string) string {
	v = strings.TrimSpace(v)
	return strings.TrimSpace(strings.TrimSuffix(v, "!important"))
}

// widgetParts mark print, share, font-size, QR-code and similar widgets,
// and page chrome: a class or id made of words joined by - or _ (such as
// 「article-share」, 「page_print」) with one of them is no part of a notice.
var widgetParts = map[string]bool{
	"share": true, "print": true, "fontsize": true, "font": true, "zoomin": true, "qrcode": true,
	"erweima": true, "ewm": true, "toolbar": true, "tools": true, "pagination": true, "pagebar": true,
	"related": true, "xglj": true, "xgwz": true, "copyright": true, "footer": true, "header": true,
	"navbar": true, "nav": true, "menu": true, "sidebar": true, "hide": true, "hidden": true,
}

// widgetNames are whole class or id names of widgets.
var widgetNames = []string{"bdshare", "jiathis", "bsharediv", "fontsize", "font-size", "font_size", "copyright", "banquan"}

// isWidget reports whether the class or id cid marks a widget or chrome.
func isWidget(cid string) bool {
	if cid == "" {
		return false
	}
	for tok := range strings.FieldsSeq(cid) {
		for _, w := range widgetNames {
			if strings.HasPrefix(tok, w) {
				return true
			}
		}
		for tok != "" {
			i := indexDash(tok)
			if i < 0 {
				return widgetParts[tok]
			}
			if widgetParts[tok[:i]] {
				return true
			}
			tok = tok[i+1:]
		}
	}
	return false
}

// crumbWords mark the location line (当前位置) in a class or id.
var crumbWords = []string{"crumb", "position", "location", "dqwz", "weizhi", "currentpath", "curpath", "mianbao"}

// isCrumb reports whether the class or id cid marks a location line.
func isCrumb(cid string) bool {
	for _, w := range crumbWords {
		if strings.Contains(cid, w) {
			return true
		}
	}
	return false
}

// isTitleClass reports whether the class or id cid marks a title element.
func isTitleClass(cid string) bool {
	if !strings.Contains(cid, "title") && !strings.Contains(cid, "biaoti") {
		return false
	}
	return !strings.Contains(cid, "subtitle") && !strings.Contains(cid, "sub-title") &&
		!strings.Contains(cid, "pannel") && !strings.Contains(cid, "panel") &&
		!strings.Contains(cid, "list") && !strings.Contains(cid, "share")
}

// isWide reports whether r is a CJK character or punctuation, between which
// a line break in the source is no space.
func isWide(r rune) bool {
	return (r >= 0x2E80 && r <= 0x9FFF) || (r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x20000 && r <= 0x3FFFF) || (r >= 0x3000 && r <= 0x303F)
}

// Byte classes of UTF-8 text, for the loops that read every byte of a
// page's text (countText, lineBuilder.write): one table look-up a byte
// instead of a rune decode.
const (
	clsText  uint8 = iota // ASCII above ' ', or a lead byte that starts no space
	clsCont               // a continuation byte
	clsSpace              // ASCII white space: space, \t, \n, \r, \f, \v
	clsCtrl               // another ASCII control character
	clsMaybe              // a lead byte that may start a multi-byte space (mayBeSpace)
)

// byteClass is the class of each byte; it is never written after init.
var byteClass = func() (t [256]uint8) {
	for i := range t {
		c := byte(i)
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[i] = clsSpace
		case c < ' ':
			t[i] = clsCtrl
		case c < utf8.RuneSelf:
			t[i] = clsText
		case c&0xC0 == 0x80:
			t[i] = clsCont
		case mayBeSpace(c):
			t[i] = clsMaybe
		default:
			t[i] = clsText
		}
	}
	return t
}()

// spaceLen returns the length of the multi-byte white space (as isSpace
// knows it) that starts s[i:], or 0 when none does: spaceAt for the bytes
// that are not ASCII.
func spaceLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 0
	}
	return spaceAt(s, i)
}

// SWAR masks: a byte 0x01 and 0x80 in each lane of a word.
const (
	laneLo = 0x0101010101010101
	laneHi = 0x8080808080808080
)

// word8 loads the 8 bytes at s[i:] (which must hold them) as a word,
// first byte lowest.
func word8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// plainWord reports whether no byte of w can be or start white space: no
// ASCII control or space, and no lead byte 0xC2, 0xE0–0xE3 or 0xEF (0xE0
// only for a cheaper test). Such a word is text from end to end.
//
// Each test is "some lane of v is less than n", (v-n·0x01…)&^v&0x80…, on w
// or on w with a lead byte xored to zero; the four are or-ed into one word
// so that the function stays small enough to be inlined in the loops over
// text.
func plainWord(w uint64) bool {
	e0, c2, ef := w^(laneLo*0xE0), w^(laneLo*0xC2), w^(laneLo*0xEF)
	return ((w-laneLo*0x21)&^w|(e0-laneLo*4)&^e0|(c2-laneLo)&^c2|(ef-laneLo)&^ef)&laneHi == 0
}

// eqMask returns a word with 0x80 in each lane of x that holds c and 0
// elsewhere, exactly (no borrow runs from lane to lane).
func eqMask(x uint64, c byte) uint64 {
	const low7 = 0x7F7F7F7F7F7F7F7F
	t := x ^ (laneLo * uint64(c))
	return ^((t & low7) + low7 | t | low7)
}

// punctWord reports, for a word w = s[i:i+8] that plainWord refused,
// whether none of its bytes is ASCII white space or a control or starts a
// multi-byte space; s must hold s[i:i+10] (a space starting in the last
// lanes ends there). Words of CJK text with its punctuation (、。，：,
// leads 0xE3 and 0xEF) pass without a byte loop; those with a 0xC2, 0xE1
// or 0xE2 lead are left to one.
func punctWord(s string, i int, w uint64) bool {
	c2, e1, e2 := w^(laneLo*0xC2), w^(laneLo*0xE1), w^(laneLo*0xE2)
	if ((w-laneLo*0x21)&^w|(c2-laneLo)&^c2|(e1-laneLo)&^e1|(e2-laneLo)&^e2)&laneHi != 0 {
		return false
	}
	w1, w2 := word8(s, i+1), word8(s, i+2)
	return eqMask(w, 0xE3)&eqMask(w1, 0x80)&eqMask(w2, 0x80)|eqMask(w, 0xEF)&eqMask(w1, 0xBB)&eqMask(w2, 0xBF) == 0
}

// leadBytes counts the bytes of w that are not UTF-8 continuation bytes.
func leadBytes(w uint64) int {
	return 8 - bits.OnesCount64(w&^(w<<1)&laneHi)
}

// indexDash returns the index of the first - or _ in s, or -1: where a
// class name's words join.
func indexDash(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' || s[i] == '_' {
			return i
		}
	}
	return -1
}

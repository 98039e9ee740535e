package parse

import (
	"bytes"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/net/html"
)

// This file gives a token's text and attribute values as x/net's
// Tokenizer.Text and TagAttr give them: newlines normalized, character
// references replaced (escape.go, v0.62.0). Numeric references and the
// named references government pages use are replaced here; a page with
// any other named reference is handed to x/net, which knows all 2,231.

// knownEntity returns the rune of a named reference replaced here,
// given with its semicolon. These are the references government pages
// use; each is the same in text and in attribute values, and none is
// longer replaced than written, so that text can be unescaped in place.
func knownEntity(name []byte) (rune, bool) {
	switch string(name) {
	case "amp;":
		return '&', true
	case "lt;":
		return '<', true
	case "gt;":
		return '>', true
	case "quot;":
		return '"', true
	case "apos;":
		return '\'', true
	case "nbsp;":
		return '\u00a0', true
	case "ensp;":
		return '\u2002', true
	case "emsp;":
		return '\u2003', true
	case "middot;":
		return '\u00b7', true
	case "ldquo;":
		return '\u201c', true
	case "rdquo;":
		return '\u201d', true
	case "lsquo;":
		return '\u2018', true
	case "rsquo;":
		return '\u2019', true
	case "mdash;":
		return '\u2014', true
	case "ndash;":
		return '\u2013', true
	case "hellip;":
		return '\u2026', true
	case "copy;":
		return '\u00a9', true
	case "reg;":
		return '\u00ae', true
	case "times;":
		return '\u00d7', true
	case "bull;":
		return '\u2022', true
	}
	return 0, false
}

// windows1252 replaces the numeric references 0x80–0x9F, which old pages
// wrote meaning Windows-1252 (HTML §13.2.5.80).
var windows1252 = [32]rune{
	'\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
	'\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
	'\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
	'\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
}

// convertNewlines turns "\r\n" and a lone "\r" in s into "\n", in place.
func convertNewlines(s []byte) []byte {
	i := bytes.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	dst := i
	for src := i; src < len(s); src++ {
		c := s[src]
		if c == '\r' {
			if src+1 < len(s) && s[src+1] == '\n' {
				src++
			}
			c = '\n'
		}
		s[dst] = c
		dst++
	}
	return s[:dst]
}

// unescapeInPlace replaces the character references in s, in place, as
// x/net's unescape does in text or, when attribute is set, in an
// attribute value. It returns false, with s partly rewritten, at a named
// reference it does not know.
func unescapeInPlace(s []byte, attribute bool) ([]byte, bool) {
	i := bytes.IndexByte(s, '&')
	if i < 0 {
		return s, true
	}
	dst := i
	for src := i; src < len(s); {
		if s[src] != '&' {
			// The run up to the next reference moves as one.
			j := bytes.IndexByte(s[src:], '&')
			if j < 0 {
				j = len(s) - src
			}
			dst += copy(s[dst:], s[src:src+j])
			src += j
			continue
		}
		r, n, ok := unescapeRef(s[src:], attribute)
		if !ok {
			return s, false
		}
		if n == 1 {
			// Not a reference: the ampersand stays.
			s[dst] = '&'
			dst++
			src++
			continue
		}
		src += n
		dst += utf8.EncodeRune(s[dst:], r)
	}
	return s[:dst], true
}

// unescapeRef reads the character reference at the start of s, which
// begins with '&', and returns its rune and length; a length of 1 means
// the ampersand is no reference. It returns false for a named reference
// outside knownEntity's, which may be one x/net knows.
func unescapeRef(s []byte, attribute bool) (rune, int, bool) {
	if len(s) <= 1 {
		return '&', 1, true
	}
	i := 1
	if s[i] == '#' {
		if len(s) <= 2 {
			return '&', 1, true
		}
		i++
		hex := false
		if c := s[i]; c == 'x' || c == 'X' {
			hex = true
			i++
		}
		i0 := i
		x := rune(0)
		for ; i < len(s); i++ {
			c := s[i]
			var d, mult rune
			switch {
			case '0' <= c && c <= '9':
				d = rune(c - '0')
			case hex && 'a' <= c && c <= 'f':
				d = rune(c-'a') + 10
			case hex && 'A' <= c && c <= 'F':
				d = rune(c-'A') + 10
			default:
				goto digitsDone
			}
			mult = 10
			if hex {
				mult = 16
			}
			if x <= 0x10FFFF {
				x = mult*x + d
			}
		}
	digitsDone:
		if i == i0 {
			return '&', 1, true
		}
		if i < len(s) && s[i] == ';' {
			i++
		}
		switch {
		case 0x80 <= x && x <= 0x9F:
			x = windows1252[x-0x80]
		case x == 0 || 0xD800 <= x && x <= 0xDFFF || x > 0x10FFFF:
			x = utf8.RuneError
		}
		return x, i, true
	}
	for i < len(s) {
		c := s[i]
		i++
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			continue
		}
		if c != ';' {
			i--
		}
		break
	}
	name := s[1:i]
	switch {
	case len(name) == 0:
		return '&', 1, true
	case attribute && name[len(name)-1] != ';' && len(s) > i && s[i] == '=':
		// In a value, "&name=" is left as it is (a URL's query).
		return '&', 1, true
	}
	if name[len(name)-1] == ';' {
		if r, ok := knownEntity(name); ok {
			return r, i, true
		}
	}
	return 0, 0, false
}

// text returns the current text, comment or doctype token's text as
// Tokenizer.Text returns it; src is the page as a string, from which text
// that needs no change is cut without a copy.
func (z *pageTokenizer) text(src string) string {
	d := z.page[z.dataStart:z.dataEnd]
	hasCR := bytes.IndexByte(d, '\r') >= 0
	hasRef := !z.textIsRaw && bytes.IndexByte(d, '&') >= 0
	if !hasCR && !hasRef {
		return src[z.dataStart:z.dataEnd]
	}
	buf := convertNewlines(bytes.Clone(d))
	if hasRef {
		out, ok := unescapeInPlace(buf, false)
		if !ok {
			return html.UnescapeString(string(convertNewlines(bytes.Clone(d))))
		}
		buf = out
	}
	// buf is this call's own and never written again.
	return unsafe.String(unsafe.SliceData(buf), len(buf))
}

// attrValue returns the value of a as Tokenizer.TagAttr returns it, and
// false when it holds a named reference outside knownEntity's.
func (z *pageTokenizer) attrValue(src string, a tagAttr) (string, bool) {
	v := z.page[a.vs:a.ve]
	hasCR := bytes.IndexByte(v, '\r') >= 0
	hasRef := bytes.IndexByte(v, '&') >= 0
	if !hasCR && !hasRef {
		return src[a.vs:a.ve], true
	}
	buf, ok := unescapeInPlace(convertNewlines(bytes.Clone(v)), true)
	if !ok {
		return "", false
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), true
}

// tagAttrValues returns the attribute values of the current start tag as
// x/net's Tokenizer gives them, one for each attribute it keeps (the
// first of each key), by running it over the tag's bytes: for the values
// attrValue cannot read.
func (z *pageTokenizer) tagAttrValues() []string {
	x := html.NewTokenizer(bytes.NewReader(z.page[z.start:z.end]))
	x.Next()
	var vals []string
	for {
		key, val, more := x.TagAttr()
		if key == nil {
			return vals
		}
		vals = append(vals, string(val))
		if !more {
			return vals
		}
	}
}

package render

import (
	"bufio"
	"unicode/utf8"
)

// elem is the name of an element the renderer writes. Only the constants
// below exist: no element name ever comes from a reply.
type elem string

// The elements of a rendered page.
const (
	elArticle elem = "article"
	elA       elem = "a"
	elBr      elem = "br"
	elCaption elem = "caption"
	elDiv     elem = "div"
	elFigure  elem = "figure"
	elFooter  elem = "footer"
	elH1      elem = "h1"
	elHeader  elem = "header"
	elImg     elem = "img"
	elLink    elem = "link"
	elMeta    elem = "meta"
	elNav     elem = "nav"
	elP       elem = "p"
	elSection elem = "section"
	elSpan    elem = "span"
	elTable   elem = "table"
	elTbody   elem = "tbody"
	elTd      elem = "td"
	elTime    elem = "time"
	elTitle   elem = "title"
	elTr      elem = "tr"
)

// headings are the heading elements by level, 1 to 6.
var headings = [...]elem{"h1", "h1", "h2", "h3", "h4", "h5", "h6"}

// attrName is the name of an attribute the renderer writes; like elem,
// only constants exist.
type attrName string

// The attributes of a rendered page.
const (
	atAlt        attrName = "alt"
	atAriaLabel  attrName = "aria-label"
	atCharset    attrName = "charset"
	atClass      attrName = "class"
	atContent    attrName = "content"
	atDatetime   attrName = "datetime"
	atHref       attrName = "href"
	atLang       attrName = "lang"
	atName       attrName = "name"
	atRel        attrName = "rel"
	atSrc        attrName = "src"
	atAddressees attrName = "data-addressees"
	atAttach     attrName = "data-attachments"
	atCategory   attrName = "data-category"
	atCC         attrName = "data-cc"
	atContact    attrName = "data-contact"
	atDocNumber  attrName = "data-doc-number"
	atField      attrName = "data-field"
	atFormat     attrName = "data-format"
	atHeaderAt   attrName = "data-header"
	atIndexNum   attrName = "data-index-number"
	atKind       attrName = "data-kind"
	atLead       attrName = "data-lead"
	atMarker     attrName = "data-marker"
	atNumber     attrName = "data-number"
	atPage       attrName = "data-page"
	atProposal   attrName = "data-proposal"
	atRK         attrName = "data-rk"
	atRunIn      attrName = "data-run-in"
	atSignature  attrName = "data-signature"
	atSigner     attrName = "data-signer"
	atTitleAt    attrName = "data-title"
	atTitleInf   attrName = "data-title-inferred"
	atTrailerAt  attrName = "data-trailer"
)

// htmlWriter writes markup. Element and attribute names are the constants
// above; every string from a reply goes through escape, in text and in
// attribute values alike. That is the whole of its safety: there is no
// method that writes a caller's string unescaped. The bufio.Writer keeps
// the first write error, which HTML returns at Flush.
type htmlWriter struct {
	buf *bufio.Writer
}

// open writes the start of a tag; attributes follow with attr, and end
// closes the start tag.
func (h *htmlWriter) open(e elem) {
	h.buf.WriteByte('<')
	h.buf.WriteString(string(e))
}

// attr writes one attribute with its escaped value.
func (h *htmlWriter) attr(name attrName, value string) {
	h.buf.WriteByte(' ')
	h.buf.WriteString(string(name))
	h.buf.WriteString(`="`)
	h.escape(value)
	h.buf.WriteByte('"')
}

// end ends a start tag.
func (h *htmlWriter) end() { h.buf.WriteByte('>') }

// tag writes a start tag with no attributes.
func (h *htmlWriter) tag(e elem) { h.open(e); h.end() }

// close writes an end tag.
func (h *htmlWriter) close(e elem) {
	h.buf.WriteString("</")
	h.buf.WriteString(string(e))
	h.buf.WriteByte('>')
}

// nl writes a line break between elements, for people reading the source.
func (h *htmlWriter) nl() { h.buf.WriteByte('\n') }

// text writes escaped text.
func (h *htmlWriter) text(s string) { h.escape(s) }

// element writes a whole element holding escaped text, with one class.
func (h *htmlWriter) element(e elem, class, rk, text string) {
	h.open(e)
	if class != "" {
		h.attr(atClass, class)
	}
	if rk != "" {
		h.attr(atRK, rk)
	}
	h.end()
	h.escape(text)
	h.close(e)
}

// raw writes one of the package's own constants (the doctype, the
// stylesheet). It is unexported and takes a constant kind of string, so
// that nothing from a reply reaches it.
func (h *htmlWriter) raw(s constant) { h.buf.WriteString(string(s)) }

// constant is text of the package itself, written as it is.
type constant string

// escapes holds, for each byte, its replacement in HTML, or "" for a byte
// written as it is. Bytes of multi-byte UTF-8 sequences are never ASCII,
// so a byte-wise scan of valid UTF-8 sees only whole ASCII characters.
var escapes = [256]string{
	'&':  "&amp;",
	'<':  "&lt;",
	'>':  "&gt;",
	'"':  "&#34;",
	'\'': "&#39;",
	'\r': "&#13;",
	0:    "\uFFFD",
}

// escape writes s with the characters that HTML gives a meaning escaped:
// & < > " ' everywhere, and a carriage return as a reference, since a
// parser folds a literal one into a line feed. NUL and each byte of
// invalid UTF-8, which no HTML parser keeps, become U+FFFD, as they do in
// []rune(s).
func (h *htmlWriter) escape(s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if rep := escapes[c]; rep != "" {
				h.buf.WriteString(s[last:i])
				h.buf.WriteString(rep)
				last = i + 1
			}
			i++
			continue
		}
		// Three-byte sequences, all of CJK, are checked here; the lead
		// bytes E0 and ED, whose second byte has a narrower range, and
		// every other length go through the decoder.
		if (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && i+2 < len(s) &&
			s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			h.buf.WriteString(s[last:i])
			h.buf.WriteString("\uFFFD")
			last = i + 1
		}
		i += size
	}
	h.buf.WriteString(s[last:])
}

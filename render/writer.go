package render

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/replykit/replykit/reply"
)

// elem is the name of an element the renderer writes. Only the constants
// below exist: no element name ever comes from a reply.
type elem string

// The elements of a rendered page.
const (
	elArticle elem = "article"
	elA       elem = "a"
	elBdi     elem = "bdi"
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
	atProvenance attrName = "data-provenance"
	atRK         attrName = "data-rk"
	atRunIn      attrName = "data-run-in"
	atSignature  attrName = "data-signature"
	atSigner     attrName = "data-signer"
	atTitleAt    attrName = "data-title"
	atTitleInf   attrName = "data-title-inferred"
	atTrailerAt  attrName = "data-trailer"
)

// Sizes of the output buffer.
const (
	// bufferSize is the size of the buffer HTML allocates when the writer
	// lends none, as large as the bufio.Writer it replaces.
	bufferSize = 16 << 10
	// minLent is the least spare capacity of a writer's own buffer worth
	// writing into: with less, the page would go out in many small writes.
	minLent = 4 << 10
)

// bufferLender is a writer that lends its spare capacity, to be appended
// to and passed to the next Write, as bytes.Buffer and bufio.Writer do.
type bufferLender interface {
	AvailableBuffer() []byte
}

// htmlWriter writes markup. Element and attribute names are the constants
// above; every string from a reply goes through escape (or, in the JSON of
// the data-* attributes, escapeJSON), in text and in attribute values
// alike. That is the whole of its safety: there is no method that writes a
// caller's string unescaped.
//
// The output collects in buf[:n], which goes to w when full and never
// grows: each write checks its room first. Writes store the index n, not
// a slice: storing a pointer costs a write barrier while the garbage
// collector runs. buf is w's own spare capacity when w lends enough of it
// (a bytes.Buffer sized for the page then takes the page with no buffer of
// HTML's own), else one buffer of bufferSize. A lent buffer serves one
// Write only: after it, its bytes are w's. After the first error from w
// nothing more is written; HTML returns the error.
type htmlWriter struct {
	buf []byte // the whole buffer, len(buf) == cap(buf)
	n   int    // bytes of buf written, not yet flushed
	w   io.Writer
	err error
	own bool // buf was allocated here, not lent by w
	// jsonEnc writes the JSON of a data-* attribute into jsonBuf, before
	// it is escaped into buf; both are made on first use.
	jsonEnc *json.Encoder
	jsonBuf *bytes.Buffer
}

// newHTMLWriter returns a writer to w with its buffer.
func newHTMLWriter(w io.Writer) htmlWriter {
	h := htmlWriter{w: w}
	h.refill()
	return h
}

// refill gives the writer an empty buffer: w's spare capacity when w
// lends at least minLent, else its own buffer, allocated once.
func (h *htmlWriter) refill() {
	h.n = 0
	if h.own {
		return
	}
	if l, ok := h.w.(bufferLender); ok {
		if b := l.AvailableBuffer(); cap(b) >= minLent {
			h.buf = b[:cap(b)]
			return
		}
	}
	h.buf, h.own = make([]byte, bufferSize), true
}

// flush writes buf[:n] to w and takes an empty buffer. A short write
// without an error is io.ErrShortWrite, as bufio.Writer reports it. After
// an error buf is nil, and every write comes here and is dropped.
func (h *htmlWriter) flush() {
	if h.err == nil && h.n > 0 {
		k, err := h.w.Write(h.buf[:h.n])
		if err == nil && k < h.n {
			err = io.ErrShortWrite
		}
		h.err = err
	}
	if h.err != nil {
		h.buf, h.n = nil, 0
		return
	}
	h.refill()
}

// free returns the room left in buf.
func (h *htmlWriter) free() int { return len(h.buf) - h.n }

// room reports whether buf has room for k more bytes, flushing it when it
// has not. It has, unless w failed, for any k up to minLent: the short
// pieces of markup are written after it without checks of their own.
func (h *htmlWriter) room(k int) bool {
	return k <= h.free() || h.flushFor(k)
}

// flushFor flushes buf and reports whether it then has room for k bytes.
func (h *htmlWriter) flushFor(k int) bool {
	h.flush()
	return k <= h.free()
}

// str writes s as it is.
func (h *htmlWriter) str(s string) {
	if len(s) <= h.free() {
		h.n += copy(h.buf[h.n:], s)
		return
	}
	spill(h, s)
}

// bytes writes b as it is.
func (h *htmlWriter) bytes(b []byte) {
	if len(b) <= h.free() {
		h.n += copy(h.buf[h.n:], b)
		return
	}
	spill(h, b)
}

// spill writes s, which does not fit in buf, a bufferful at a time.
func spill[T string | []byte](h *htmlWriter, s T) {
	for {
		k := copy(h.buf[h.n:], s)
		h.n += k
		if s = s[k:]; len(s) == 0 {
			return
		}
		h.flush()
		if len(h.buf) == 0 {
			return // w failed: the rest is dropped
		}
	}
}

// byte1 writes the byte c.
func (h *htmlWriter) byte1(c byte) {
	if h.room(1) {
		h.buf[h.n] = c
		h.n++
	}
}

// date writes d's normalised value as Date.String gives it, d being valid:
// 「2017-03-16」, or with a time 「2020-10-21T09:30:00」.
func (h *htmlWriter) date(d reply.Date) {
	if h.room(len("2006-01-02T15:04:05")) {
		h.n += len(d.AppendTo(h.buf[h.n:h.n]))
	}
}

// timed writes text as a <time> of d's value when d is valid, else as it
// is.
func (h *htmlWriter) timed(d reply.Date, text string) {
	if !d.Valid() {
		h.text(text)
		return
	}
	h.open(elTime)
	h.attrStart(atDatetime)
	h.date(d)
	h.byte1('"')
	h.end()
	h.text(text)
	h.close(elTime)
}

// int writes n in decimal.
func (h *htmlWriter) int(n int) {
	if h.room(20) {
		h.n += len(strconv.AppendInt(h.buf[h.n:h.n], int64(n), 10))
	}
}

// open writes the start of a tag; attributes follow with attr, and end
// closes the start tag.
func (h *htmlWriter) open(e elem) {
	if h.room(1 + len(e)) {
		h.buf[h.n] = '<'
		h.n += 1 + copy(h.buf[h.n+1:], e)
	}
}

// attr writes one attribute with its escaped value.
func (h *htmlWriter) attr(name attrName, value string) {
	h.attrStart(name)
	h.escape(value)
	h.byte1('"')
}

// attrConst writes one attribute whose value is the package's own text,
// which needs no escaping.
func (h *htmlWriter) attrConst(name attrName, value constant) {
	if h.room(len(name) + len(value) + 4) {
		b, n := h.buf, h.n
		b[n] = ' '
		n += 1 + copy(b[n+1:], name)
		b[n], b[n+1] = '=', '"'
		n += 2 + copy(b[n+2:], value)
		b[n] = '"'
		h.n = n + 1
	}
}

// attrStart writes an attribute's name and the opening quote of its value.
func (h *htmlWriter) attrStart(name attrName) {
	if h.room(len(name) + 3) {
		b, n := h.buf, h.n
		b[n] = ' '
		n += 1 + copy(b[n+1:], name)
		b[n], b[n+1] = '=', '"'
		h.n = n + 2
	}
}

// end ends a start tag.
func (h *htmlWriter) end() { h.byte1('>') }

// tag writes a start tag with no attributes.
func (h *htmlWriter) tag(e elem) {
	if h.room(2 + len(e)) {
		b, n := h.buf, h.n
		b[n] = '<'
		n += 1 + copy(b[n+1:], e)
		b[n] = '>'
		h.n = n + 1
	}
}

// close writes an end tag.
func (h *htmlWriter) close(e elem) {
	if h.room(3 + len(e)) {
		b, n := h.buf, h.n
		b[n], b[n+1] = '<', '/'
		n += 2 + copy(b[n+2:], e)
		b[n] = '>'
		h.n = n + 1
	}
}

// nl writes a line break between elements, for people reading the source.
func (h *htmlWriter) nl() { h.byte1('\n') }

// text writes escaped text. Text that holds a bidirectional or zero-width
// control (reply.HasBidiControl) is isolated in a <bdi>, so that the
// control reorders nothing outside it: 「\u202E」 in a name cannot turn the
// text that follows it around. The text itself is kept as written.
func (h *htmlWriter) text(s string) {
	if !reply.HasBidiControl(s) {
		h.escape(s)
		return
	}
	h.tag(elBdi)
	h.escape(s)
	h.close(elBdi)
}

// element writes a whole element holding escaped text, with one class.
func (h *htmlWriter) element(e elem, class, rk constant, text string) {
	h.open(e)
	if class != "" {
		h.attrConst(atClass, class)
	}
	if rk != "" {
		h.attrConst(atRK, rk)
	}
	h.end()
	h.text(text)
	h.close(e)
}

// raw writes one of the package's own constants (the doctype, the
// stylesheet). It is unexported and takes a constant kind of string, so
// that nothing from a reply reaches it.
func (h *htmlWriter) raw(s constant) { h.str(string(s)) }

// constant is text of the package itself, written as it is.
type constant string

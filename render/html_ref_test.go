package render

// This file keeps the HTML writer as it was before the output buffer, the
// escaping and the JSON attributes were reworked: a reference that the
// tests hold the current writer to, byte for byte (html_same_test.go,
// jsonattr_test.go). It shares with the package only what names things:
// the element and attribute names, the options, the stylesheet and the
// errors.

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
)

// refHTML is HTML as it was: a bufio.Writer of 16 KiB, escaping a byte
// at a time, and the JSON attributes written by encoding/json.
func refHTML(w io.Writer, r *reply.Reply, opts ...Option) error {
	if r == nil {
		return ErrNilReply
	}
	cfg := newConfig(opts)
	if cfg.stylesheetURL != "" && !reply.LinkableURL(cfg.stylesheetURL) {
		return fmt.Errorf("render: stylesheet %q: %w", cfg.stylesheetURL, ErrUnsafeURL)
	}
	h := &refWriter{buf: bufio.NewWriterSize(w, 16<<10)}
	pv := safePage(r.Page)
	var page *reply.Page
	if !pv.IsZero() {
		page = &pv
	}
	if !cfg.fragment {
		h.head(r, page, &cfg)
	}
	if cfg.pageHeader && page != nil {
		h.pageHeader(page)
	}
	h.article(r, page)
	if !cfg.fragment {
		h.raw("</body>\n</html>\n")
	}
	if err := h.buf.Flush(); err != nil {
		return fmt.Errorf("render: write HTML: %w", err)
	}
	return nil
}

// head writes the doctype, <head> and the opening of <body>.
func (h *refWriter) head(r *reply.Reply, page *reply.Page, cfg *config) {
	h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta name=\"generator\" content=\"replykit\">\n")
	h.tag(elTitle)
	h.text(r.Title)
	h.close(elTitle)
	h.nl()
	h.meta("ArticleTitle", r.Title)
	if p := page; p != nil {
		if !p.Published.IsZero() {
			pub := p.Published.Text
			if pub == "" {
				pub = p.Published.String()
			}
			h.meta("PubDate", pub)
		}
		h.meta("ContentSource", p.Source)
		h.meta("SiteName", p.Site)
		h.meta("ColumnName", p.Column)
		h.meta("Url", p.URL)
		h.meta("Keywords", strings.Join(p.Keywords, ","))
		h.meta("Description", p.Description)
		h.meta("Author", p.Author)
	}
	switch {
	case cfg.stylesheetURL != "":
		h.open(elLink)
		h.attr(atRel, "stylesheet")
		h.attr(atHref, cfg.stylesheetURL)
		h.end()
		h.nl()
	case !cfg.noStyle:
		h.raw("<style>\n")
		h.raw(stylesheet)
		h.raw("</style>\n")
	}
	h.raw("</head>\n<body>\n")
}

// meta writes <meta name=… content=…> when content is not empty.
func (h *refWriter) meta(name, content string) {
	if content == "" {
		return
	}
	h.open(elMeta)
	h.attr(atName, name)
	h.attr(atContent, content)
	h.end()
	h.nl()
}

// pageHeader writes the visible page header: breadcrumb, then the
// publish time, source, author and views, then the original address.
func (h *refWriter) pageHeader(p *reply.Page) {
	h.open(elHeader)
	h.attr(atClass, "rk-page")
	h.end()
	h.nl()
	if len(p.Breadcrumb) > 0 {
		h.open(elNav)
		h.attr(atClass, "rk-breadcrumb")
		h.attr(atAriaLabel, "当前位置")
		h.end()
		h.text("当前位置：")
		for i, c := range p.Breadcrumb {
			if i > 0 {
				h.text(" > ")
			}
			h.element(elSpan, "", "", c)
		}
		h.close(elNav)
		h.nl()
	}
	var items [][2]string
	if !p.Published.IsZero() {
		items = append(items, [2]string{"发布时间：", p.Published.Text})
	}
	if p.Source != "" {
		items = append(items, [2]string{"来源：", p.Source})
	}
	if p.Author != "" {
		items = append(items, [2]string{"作者：", p.Author})
	}
	if p.Views != 0 {
		items = append(items, [2]string{"点击量：", strconv.Itoa(p.Views)})
	}
	if len(items) > 0 {
		h.open(elP)
		h.attr(atClass, "rk-pageinfo")
		h.end()
		for i, it := range items {
			if i > 0 {
				h.text(" ")
			}
			h.tag(elSpan)
			h.text(it[0])
			if i == 0 && p.Published.Valid() {
				h.open(elTime)
				h.attr(atDatetime, p.Published.String())
				h.end()
				h.text(it[1])
				h.close(elTime)
			} else {
				h.text(it[1])
			}
			h.close(elSpan)
		}
		h.close(elP)
		h.nl()
	}
	if p.URL != "" {
		h.open(elP)
		h.attr(atClass, "rk-source")
		h.end()
		h.text("原文：")
		h.open(elA)
		h.attr(atHref, p.URL)
		h.end()
		h.text(p.URL)
		h.close(elA)
		h.close(elP)
		h.nl()
	}
	h.close(elHeader)
	h.nl()
}

// article writes the notice.
func (h *refWriter) article(r *reply.Reply, page *reply.Page) {
	h.open(elArticle)
	h.attr(atClass, "rk-reply")
	h.attr(atRK, "reply")
	h.attr(atFormat, reply.FormatV1)
	h.attr(atKind, string(r.Kind))
	h.attrIf(atDocNumber, r.DocNumber)
	h.attrIf(atSigner, r.Signer)
	h.attrIf(atIndexNum, r.IndexNumber)
	h.attrIf(atCategory, string(r.Category))
	if r.Header != nil {
		h.attr(atHeaderAt, "lines")
	}
	if r.Trailer != nil {
		h.attr(atTrailerAt, "lines")
	}
	if !r.Proposal.IsZero() {
		h.attrJSON(atProposal, &r.Proposal)
	}
	if len(r.Addressees) > 0 {
		h.attrJSON(atAddressees, r.Addressees)
	}
	if !r.Contact.IsZero() {
		h.attrJSON(atContact, &r.Contact)
	}
	if len(r.CC) > 0 {
		h.attrJSON(atCC, r.CC)
	}
	if len(r.Attachments) > 0 {
		h.attrJSON(atAttach, r.Attachments)
	}
	if !r.Signature.IsZero() {
		h.attrJSON(atSignature, &r.Signature)
	}
	if page != nil {
		h.attrJSON(atPage, page)
	}
	h.end()
	h.nl()

	h.title(r)
	if r.Salutation != "" {
		h.element(elP, "rk-salutation", "salutation", r.Salutation)
		h.nl()
	}
	h.blockGroup("rk-opening", "opening", r.Opening)
	for _, s := range r.Sections {
		h.section(s, 1)
	}
	h.blockGroup("rk-closing", "closing", r.Closing)
	h.trailer(r)
	h.close(elArticle)
	h.nl()
}

func (h *refWriter) attrIf(name attrName, v string) {
	if v != "" {
		h.attr(name, v)
	}
}

// attrJSON writes v as JSON in an attribute. A type with its own
// MarshalJSON is asked directly, which spares json.Marshal checking and
// compacting its output again. The values are the model's own types, which
// always marshal; a failure would leave the attribute out, and the
// round-trip tests would catch it.
func (h *refWriter) attrJSON(name attrName, v any) {
	var b []byte
	var err error
	if m, ok := v.(json.Marshaler); ok {
		b, err = m.MarshalJSON()
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		return
	}
	h.attr(name, string(b))
}

// title writes the <h1>, alone or among the header lines. An inferred
// title is marked so: it is shown, but is not a line of the notice.
func (h *refWriter) title(r *reply.Reply) {
	if len(r.Header) == 0 {
		h.open(elH1)
		h.attr(atClass, "rk-title")
		h.attr(atRK, "title")
		h.inferred(r)
		h.end()
		h.text(r.Title)
		h.close(elH1)
		h.nl()
		return
	}
	h.open(elDiv)
	h.attr(atClass, "rk-header")
	h.attr(atRK, "header")
	h.end()
	h.nl()
	titled := false
	lines := r.Header
	for i := 0; i < len(lines); i++ {
		if lines[i].Field != reply.FieldTitle || titled {
			h.line(elP, lines[i], "")
			continue
		}
		// The first run of title lines is the <h1>, one span a line.
		titled = true
		h.open(elH1)
		h.attr(atClass, "rk-title")
		h.attr(atRK, "title")
		h.attr(atTitleAt, r.Title)
		h.inferred(r)
		h.end()
		for j := i; j < len(lines) && lines[j].Field == reply.FieldTitle; j++ {
			if j > i {
				h.tag(elBr)
			}
			h.line(elSpan, lines[j], "")
			i = j
		}
		h.close(elH1)
		h.nl()
	}
	if !titled {
		h.open(elH1)
		h.attr(atClass, "rk-title")
		h.attr(atRK, "title")
		h.attr(atTitleAt, r.Title)
		h.inferred(r)
		h.end()
		h.text(r.Title)
		h.close(elH1)
		h.nl()
	}
	h.close(elDiv)
	h.nl()
}

// inferred marks the title's <h1> when the title is not a line of the
// notice, so that parse.HTML reads TitleInferred back.
func (h *refWriter) inferred(r *reply.Reply) {
	if r.TitleInferred {
		h.attr(atTitleInf, "true")
	}
}

// refFieldClasses are the classes of lines by the field they state.
var refFieldClasses = map[reply.Field]string{
	reply.FieldNone:        "rk-line",
	reply.FieldTitle:       "rk-line rk-f-title",
	reply.FieldOffice:      "rk-line rk-f-office",
	reply.FieldDocNumber:   "rk-line rk-f-docnumber",
	reply.FieldSigner:      "rk-line rk-f-signer",
	reply.FieldIndexNumber: "rk-line rk-f-indexnumber",
	reply.FieldCategory:    "rk-line rk-f-category",
	reply.FieldDate:        "rk-line rk-f-date",
	reply.FieldPublished:   "rk-line rk-f-published",
	reply.FieldContact:     "rk-line rk-f-contact",
	reply.FieldCC:          "rk-line rk-f-cc",
	reply.FieldAttachments: "rk-line rk-f-attachments",
}

// line writes one header or trailer line; datetime, when set, marks the
// text up as a <time>.
func (h *refWriter) line(e elem, l reply.Line, datetime string) {
	class, ok := refFieldClasses[l.Field]
	if !ok {
		class = "rk-line"
	}
	h.open(e)
	h.attr(atClass, class)
	h.attr(atRK, "line")
	h.attrIf(atField, string(l.Field))
	h.end()
	if datetime != "" {
		h.open(elTime)
		h.attr(atDatetime, datetime)
		h.end()
		h.text(l.Text)
		h.close(elTime)
	} else {
		h.text(l.Text)
	}
	h.close(e)
	h.nl()
}

// blockGroup writes the opening or closing paragraphs in their <div>.
func (h *refWriter) blockGroup(class, rk string, blocks []reply.Block) {
	if len(blocks) == 0 {
		return
	}
	h.open(elDiv)
	h.attr(atClass, class)
	h.attr(atRK, rk)
	h.end()
	h.nl()
	for _, b := range blocks {
		h.block(b)
	}
	h.close(elDiv)
	h.nl()
}

// refSectionClasses are the classes of sections by marker level.
var refSectionClasses = [...]string{
	"rk-section rk-l0", "rk-section rk-l1", "rk-section rk-l2",
	"rk-section rk-l3", "rk-section rk-l4", "rk-section rk-l5",
}

// section writes a section and its subsections; depth 1 is a top-level
// section, whose heading is an <h2>.
func (h *refWriter) section(s reply.Section, depth int) {
	class := refSectionClasses[s.Level()]
	if s.RunIn {
		class += " rk-run-in"
	}
	h.open(elSection)
	h.attr(atClass, class)
	h.attr(atRK, "section")
	h.attr(atMarker, s.Marker)
	h.attr(atNumber, strconv.Itoa(s.Number))
	if s.RunIn {
		h.attr(atRunIn, "true")
	}
	h.end()
	h.nl()
	hx := refHeadings[min(depth+1, 6)]
	h.open(hx)
	h.attr(atClass, "rk-heading")
	h.attr(atRK, "heading")
	h.end()
	h.element(elSpan, "rk-marker", "marker", s.Marker)
	h.text(s.Heading)
	h.close(hx)
	if !s.RunIn {
		// A run-in heading shares its paragraph's line, where a line
		// break between them would show as a space.
		h.nl()
	}
	for _, b := range s.Blocks {
		h.block(b)
	}
	for _, sub := range s.Sections {
		h.section(sub, depth+1)
	}
	h.close(elSection)
	h.nl()
}

// block writes a paragraph with its points, a table or an image.
func (h *refWriter) block(b reply.Block) {
	switch {
	case b.Table != nil:
		h.table(b.Table)
	case b.Image != nil:
		h.image(b.Image)
	default:
		h.open(elP)
		h.attr(atClass, "rk-p")
		h.attr(atRK, "p")
		h.end()
		h.text(b.Text)
		for _, p := range b.Points {
			h.point(p)
		}
		h.close(elP)
	}
	h.nl()
}

// point writes one enumerated point as a span: its marker, its lead, the
// rest of its text. A lead that does not begin the text (which Validate
// refuses) is kept in data-lead.
func (h *refWriter) point(p reply.Point) {
	h.open(elSpan)
	h.attr(atClass, "rk-point")
	h.attr(atRK, "point")
	prefix := p.LeadBeginsText()
	if !prefix {
		h.attr(atLead, p.Lead)
	}
	h.end()
	h.element(elSpan, "rk-pm", "marker", p.Marker)
	rest := p.Text
	if prefix && p.Lead != "" {
		h.element(elSpan, "rk-lead", "lead", p.Lead)
		rest = p.Text[len(p.Lead):]
	}
	h.text(rest)
	h.close(elSpan)
}

// table writes a data table, every cell a <td>: the model does not say
// which rows are headers.
func (h *refWriter) table(t *reply.Table) {
	h.open(elTable)
	h.attr(atClass, "rk-table")
	h.attr(atRK, "table")
	h.end()
	if t.Caption != "" {
		h.tag(elCaption)
		h.text(t.Caption)
		h.close(elCaption)
	}
	h.tag(elTbody)
	for _, row := range t.Rows {
		h.nl()
		h.tag(elTr)
		for _, c := range row {
			h.tag(elTd)
			h.text(c)
			h.close(elTd)
		}
		h.close(elTr)
	}
	h.nl()
	h.close(elTbody)
	h.close(elTable)
}

// image writes an image in a <figure>; an address that is not http, https
// or relative is left out, the alternative text kept.
func (h *refWriter) image(img *reply.Image) {
	h.open(elFigure)
	h.attr(atClass, "rk-figure")
	h.attr(atRK, "image")
	h.end()
	h.open(elImg)
	if reply.LinkableURL(img.URL) {
		h.attr(atSrc, img.URL)
	}
	h.attr(atAlt, img.Alt)
	h.end()
	h.close(elFigure)
}

// trailer writes the lines after the closing. The first run of office and
// date lines is the signature <footer>.
func (h *refWriter) trailer(r *reply.Reply) {
	lines := r.TrailerLines()
	if len(lines) == 0 {
		return
	}
	h.open(elDiv)
	h.attr(atClass, "rk-trailer")
	h.attr(atRK, "trailer")
	h.end()
	h.nl()
	signed := false
	for i := 0; i < len(lines); i++ {
		if signed || !refIsSignatureLine(lines[i]) {
			h.line(elP, lines[i], "")
			continue
		}
		signed = true
		h.open(elFooter)
		h.attr(atClass, "rk-signature")
		h.attr(atRK, "signature")
		h.end()
		h.nl()
		for ; i < len(lines) && refIsSignatureLine(lines[i]); i++ {
			h.line(elP, lines[i], refDatetimeOf(r, lines[i]))
		}
		i--
		h.close(elFooter)
		h.nl()
	}
	h.close(elDiv)
	h.nl()
}

func refIsSignatureLine(l reply.Line) bool {
	return l.Field == reply.FieldOffice || l.Field == reply.FieldDate
}

// refDatetimeOf returns the machine-readable date of a date line that writes
// the signature's date, else "".
func refDatetimeOf(r *reply.Reply, l reply.Line) string {
	if l.Field != reply.FieldDate || l.Text != r.Signature.Date.Text {
		return ""
	}
	return r.Signature.Date.String()
}

// refWriter writes markup. Element and attribute names are the constants
// above; every string from a reply goes through escape, in text and in
// attribute values alike. That is the whole of its safety: there is no
// method that writes a caller's string unescaped. The bufio.Writer keeps
// the first write error, which HTML returns at Flush.
type refWriter struct {
	buf *bufio.Writer
}

// open writes the start of a tag; attributes follow with attr, and end
// closes the start tag.
func (h *refWriter) open(e elem) {
	h.buf.WriteByte('<')
	h.buf.WriteString(string(e))
}

// attr writes one attribute with its escaped value.
func (h *refWriter) attr(name attrName, value string) {
	h.buf.WriteByte(' ')
	h.buf.WriteString(string(name))
	h.buf.WriteString(`="`)
	h.escape(value)
	h.buf.WriteByte('"')
}

// end ends a start tag.
func (h *refWriter) end() { h.buf.WriteByte('>') }

// tag writes a start tag with no attributes.
func (h *refWriter) tag(e elem) { h.open(e); h.end() }

// close writes an end tag.
func (h *refWriter) close(e elem) {
	h.buf.WriteString("</")
	h.buf.WriteString(string(e))
	h.buf.WriteByte('>')
}

// nl writes a line break between elements, for people reading the source.
func (h *refWriter) nl() { h.buf.WriteByte('\n') }

// text writes escaped text.
func (h *refWriter) text(s string) { h.escape(s) }

// element writes a whole element holding escaped text, with one class.
func (h *refWriter) element(e elem, class, rk, text string) {
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
func (h *refWriter) raw(s constant) { h.buf.WriteString(string(s)) }

// refHeadings are the heading elements by level, 1 to 6.
var refHeadings = [...]elem{"h1", "h1", "h2", "h3", "h4", "h5", "h6"}

// refEscapes holds, for each byte, its replacement in HTML, or "" for a byte
// written as it is. Bytes of multi-byte UTF-8 sequences are never ASCII,
// so a byte-wise scan of valid UTF-8 sees only whole ASCII characters.
var refEscapes = [256]string{
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
func (h *refWriter) escape(s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if rep := refEscapes[c]; rep != "" {
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

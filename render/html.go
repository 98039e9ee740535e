package render

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/replykit/replykit/reply"
)

// Errors that HTML, Text and Markdown return, wrapped with context.
var (
	// ErrNilReply means the reply to write was nil.
	ErrNilReply = errors.New("render: nil reply")
	// ErrUnsafeURL means an address given in an option is not http, https
	// or relative.
	ErrUnsafeURL = errors.New("render: unsafe URL")
)

// HTML writes r as an HTML5 document in UTF-8 (or, with Fragment, as its
// <article> alone) and returns the first error from w.
//
// The markup is semantic: an <article> holding the title as <h1>, the
// header lines, the salutation, the opening, the sections as nested
// <section> elements with <h2>…<h6> headings, the enumerated points as
// marked spans inside their paragraph, the closing, the end matter and the
// signature as a <footer>. The page metadata goes into the <meta> tags
// that government sites carry (ArticleTitle, PubDate, ContentSource,
// SiteName, ColumnName, Url, Keywords, Description, Author) and, with
// WithPageHeader, into a visible header.
//
// data-* attributes on the article and its parts let parse.HTML read the
// page of a valid reply back to a reply equal to r, Warnings aside
// (see the package documentation): warnings describe how a
// source was read, not the notice, and are not written. Text reaches the
// page only escaped; image and page addresses other than http, https and
// relative ones are left out. NUL characters and bytes of invalid UTF-8,
// which no HTML parser keeps, are written as U+FFFD. The same reply always gives
// the same bytes.
func HTML(w io.Writer, r *reply.Reply, opts ...Option) error {
	if r == nil {
		return ErrNilReply
	}
	cfg := newConfig(opts)
	if cfg.stylesheetURL != "" && !reply.LinkableURL(cfg.stylesheetURL) {
		return fmt.Errorf("render: stylesheet %q: %w", cfg.stylesheetURL, ErrUnsafeURL)
	}
	h := &htmlWriter{buf: bufio.NewWriterSize(w, 16<<10)}
	page := safePage(r.Page)
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

// safePage returns the page metadata with an address that is not safe to
// link left out, so that it reaches neither the meta tags nor data-page.
func safePage(p *reply.Page) *reply.Page {
	if p == nil || p.URL == "" || reply.LinkableURL(p.URL) {
		return p
	}
	c := *p
	c.URL = ""
	return &c
}

// head writes the doctype, <head> and the opening of <body>.
func (h *htmlWriter) head(r *reply.Reply, page *reply.Page, cfg *config) {
	h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta name=\"generator\" content=\"replykit\">\n")
	h.tag(elTitle)
	h.text(r.Title)
	h.close(elTitle)
	h.nl()
	h.meta("ArticleTitle", r.Title)
	if p := page; p != nil {
		if p.Published != nil {
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
func (h *htmlWriter) meta(name, content string) {
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
func (h *htmlWriter) pageHeader(p *reply.Page) {
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
	if p.Published != nil {
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
			if i == 0 && p.Published != nil && p.Published.Valid() {
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
func (h *htmlWriter) article(r *reply.Reply, page *reply.Page) {
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
	if r.Proposal != nil {
		h.attrJSON(atProposal, r.Proposal)
	}
	if len(r.Addressees) > 0 {
		h.attrJSON(atAddressees, r.Addressees)
	}
	if r.Contact != nil {
		h.attrJSON(atContact, r.Contact)
	}
	if len(r.CC) > 0 {
		h.attrJSON(atCC, r.CC)
	}
	if len(r.Attachments) > 0 {
		h.attrJSON(atAttach, r.Attachments)
	}
	if r.Signature != nil {
		h.attrJSON(atSignature, r.Signature)
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

func (h *htmlWriter) attrIf(name attrName, v string) {
	if v != "" {
		h.attr(name, v)
	}
}

// attrJSON writes v as JSON in an attribute. A type with its own
// MarshalJSON is asked directly, which spares json.Marshal checking and
// compacting its output again. The values are the model's own types, which
// always marshal; a failure would leave the attribute out, and the
// round-trip tests would catch it.
func (h *htmlWriter) attrJSON(name attrName, v any) {
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
func (h *htmlWriter) title(r *reply.Reply) {
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
func (h *htmlWriter) inferred(r *reply.Reply) {
	if r.TitleInferred {
		h.attr(atTitleInf, "true")
	}
}

// fieldClasses are the classes of lines by the field they state.
var fieldClasses = map[reply.Field]string{
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
func (h *htmlWriter) line(e elem, l reply.Line, datetime string) {
	class, ok := fieldClasses[l.Field]
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
func (h *htmlWriter) blockGroup(class, rk string, blocks []reply.Block) {
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

// sectionClasses are the classes of sections by marker level.
var sectionClasses = [...]string{
	"rk-section rk-l0", "rk-section rk-l1", "rk-section rk-l2",
	"rk-section rk-l3", "rk-section rk-l4", "rk-section rk-l5",
}

// section writes a section and its subsections; depth 1 is a top-level
// section, whose heading is an <h2>.
func (h *htmlWriter) section(s reply.Section, depth int) {
	class := sectionClasses[s.Level()]
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
	hx := headings[min(depth+1, 6)]
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
func (h *htmlWriter) block(b reply.Block) {
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
func (h *htmlWriter) point(p reply.Point) {
	h.open(elSpan)
	h.attr(atClass, "rk-point")
	h.attr(atRK, "point")
	prefix := strings.HasPrefix(p.Text, p.Lead)
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
func (h *htmlWriter) table(t *reply.Table) {
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
func (h *htmlWriter) image(img *reply.Image) {
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
func (h *htmlWriter) trailer(r *reply.Reply) {
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
		if signed || !isSignatureLine(lines[i]) {
			h.line(elP, lines[i], "")
			continue
		}
		signed = true
		h.open(elFooter)
		h.attr(atClass, "rk-signature")
		h.attr(atRK, "signature")
		h.end()
		h.nl()
		for ; i < len(lines) && isSignatureLine(lines[i]); i++ {
			h.line(elP, lines[i], datetimeOf(r, lines[i]))
		}
		i--
		h.close(elFooter)
		h.nl()
	}
	h.close(elDiv)
	h.nl()
}

func isSignatureLine(l reply.Line) bool {
	return l.Field == reply.FieldOffice || l.Field == reply.FieldDate
}

// datetimeOf returns the machine-readable date of a date line that writes
// the signature's date, else "".
func datetimeOf(r *reply.Reply, l reply.Line) string {
	if l.Field != reply.FieldDate || r.Signature == nil || l.Text != r.Signature.Date.Text {
		return ""
	}
	return r.Signature.Date.String()
}

package render

import (
	"errors"
	"fmt"
	"io"

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

// HTML writes r as an HTML5 document in UTF-8 (or, with WithFragment, as its
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
//
// The page goes to w a bufferful at a time. A writer that lends its spare
// capacity through AvailableBuffer, as bytes.Buffer and bufio.Writer do,
// has the page written straight into it when it lends at least 4 KiB.
func HTML(w io.Writer, r *reply.Reply, opts ...Option) error {
	if r == nil {
		return ErrNilReply
	}
	cfg := newConfig(opts)
	if cfg.stylesheetURL != "" && !reply.LinkableURL(cfg.stylesheetURL) {
		return fmt.Errorf("render: stylesheet %q: %w", cfg.stylesheetURL, ErrUnsafeURL)
	}
	hw := newHTMLWriter(w)
	h := &hw
	page := safePage(r.Page)
	if !cfg.fragment {
		h.head(r, &page, &cfg)
	}
	if cfg.pageHeader && !page.IsZero() {
		h.pageHeader(&page)
	}
	h.article(r, &page)
	if !cfg.fragment {
		h.raw("</body>\n</html>\n")
	}
	if h.flush(); h.err != nil {
		return fmt.Errorf("render: write HTML: %w", h.err)
	}
	return nil
}

// safePage returns the page metadata with an address that is not safe to
// link left out, so that it reaches neither the meta tags nor data-page.
func safePage(p reply.Page) reply.Page {
	if p.URL != "" && !reply.LinkableURL(p.URL) {
		p.URL = ""
	}
	return p
}

// head writes the doctype, <head> and the opening of <body>.
func (h *htmlWriter) head(r *reply.Reply, page *reply.Page, cfg *config) {
	h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta name=\"generator\" content=\"replykit\">\n")
	h.tag(elTitle)
	h.escape(r.Title) // <title> holds text only, no <bdi>
	h.close(elTitle)
	h.nl()
	h.meta("ArticleTitle", r.Title)
	if p := page; !p.IsZero() {
		h.pubDate(&p.Published)
		h.meta("ContentSource", p.Source)
		h.meta("SiteName", p.Site)
		h.meta("ColumnName", p.Column)
		h.meta("Url", p.URL)
		h.keywords(p.Keywords)
		h.meta("Description", p.Description)
		h.meta("Author", p.Author)
	}
	switch {
	case cfg.stylesheetURL != "":
		h.open(elLink)
		h.attrConst(atRel, "stylesheet")
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
func (h *htmlWriter) meta(name constant, content string) {
	if content == "" {
		return
	}
	h.metaStart(name)
	h.escape(content)
	h.metaEnd()
}

// metaStart writes a <meta> tag up to its content; metaEnd ends it.
func (h *htmlWriter) metaStart(name constant) {
	h.open(elMeta)
	h.attrConst(atName, name)
	h.attrStart(atContent)
}

// metaEnd ends the <meta> tag that metaStart began.
func (h *htmlWriter) metaEnd() {
	h.byte1('"')
	h.end()
	h.nl()
}

// pubDate writes the PubDate <meta>: the publish time as written, or its
// value when no text was kept, or nothing when it has neither.
func (h *htmlWriter) pubDate(d *reply.Date) {
	switch {
	case d.Text != "":
		h.meta("PubDate", d.Text)
	case d.Valid():
		h.metaStart("PubDate")
		h.date(*d)
		h.metaEnd()
	}
}

// keywords writes the Keywords <meta>: the keywords joined by commas,
// unless that is empty. Escaping each keyword alone gives the bytes of
// escaping them joined: a comma ends any UTF-8 sequence before it.
func (h *htmlWriter) keywords(kw []string) {
	if len(kw) == 0 || len(kw) == 1 && kw[0] == "" {
		return
	}
	h.metaStart("Keywords")
	for i, k := range kw {
		if i > 0 {
			h.byte1(',')
		}
		h.escape(k)
	}
	h.metaEnd()
}

// pageHeader writes the visible page header: breadcrumb, then the
// publish time, source, author and views, then the original address.
func (h *htmlWriter) pageHeader(p *reply.Page) {
	h.open(elHeader)
	h.attrConst(atClass, "rk-page")
	h.end()
	h.nl()
	if len(p.Breadcrumb) > 0 {
		h.open(elNav)
		h.attrConst(atClass, "rk-breadcrumb")
		h.attrConst(atAriaLabel, "当前位置")
		h.end()
		h.raw("当前位置：")
		for i, c := range p.Breadcrumb {
			if i > 0 {
				h.raw(" &gt; ")
			}
			h.element(elSpan, "", "", c)
		}
		h.close(elNav)
		h.nl()
	}
	if !p.Published.IsZero() || p.Source != "" || p.Author != "" || p.Views != 0 {
		h.open(elP)
		h.attrConst(atClass, "rk-pageinfo")
		h.end()
		items := 0
		item := func(label constant) {
			if items > 0 {
				h.raw(" ")
			}
			items++
			h.tag(elSpan)
			h.raw(label)
		}
		if d := p.Published; !d.IsZero() {
			item("发布时间：")
			if d.Valid() {
				h.open(elTime)
				h.attrStart(atDatetime)
				h.date(d)
				h.byte1('"')
				h.end()
				h.text(d.Text)
				h.close(elTime)
			} else {
				h.text(d.Text)
			}
			h.close(elSpan)
		}
		if p.Source != "" {
			item("来源：")
			h.text(p.Source)
			h.close(elSpan)
		}
		if p.Author != "" {
			item("作者：")
			h.text(p.Author)
			h.close(elSpan)
		}
		if p.Views != 0 {
			item("点击量：")
			h.int(p.Views)
			h.close(elSpan)
		}
		h.close(elP)
		h.nl()
	}
	if p.URL != "" {
		h.open(elP)
		h.attrConst(atClass, "rk-source")
		h.end()
		h.raw("原文：")
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
	h.attrConst(atClass, "rk-reply")
	h.attrConst(atRK, "reply")
	h.attrConst(atFormat, reply.FormatV1)
	h.attr(atKind, string(r.Kind))
	h.attrIf(atDocNumber, r.DocNumber)
	h.attrIf(atSigner, r.Signer)
	h.attrIf(atIndexNum, r.IndexNumber)
	h.attrIf(atCategory, string(r.Category))
	if r.Header != nil {
		h.attrConst(atHeaderAt, "lines")
	}
	if r.Trailer != nil {
		h.attrConst(atTrailerAt, "lines")
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
		h.attrJSON(atSignature, r.Signature)
	}
	if !page.IsZero() {
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

// attrIf writes the attribute name unless v is empty.
func (h *htmlWriter) attrIf(name attrName, v string) {
	if v != "" {
		h.attr(name, v)
	}
}

// title writes the <h1>, alone or among the header lines. An inferred
// title is marked so: it is shown, but is not a line of the notice.
func (h *htmlWriter) title(r *reply.Reply) {
	if len(r.Header) == 0 {
		h.open(elH1)
		h.attrConst(atClass, "rk-title")
		h.attrConst(atRK, "title")
		h.inferred(r)
		h.end()
		h.text(r.Title)
		h.close(elH1)
		h.nl()
		return
	}
	h.open(elDiv)
	h.attrConst(atClass, "rk-header")
	h.attrConst(atRK, "header")
	h.end()
	h.nl()
	titled := false
	lines := r.Header
	for i := 0; i < len(lines); i++ {
		if lines[i].Field != reply.FieldTitle || titled {
			h.line(elP, lines[i], nil)
			continue
		}
		// The first run of title lines is the <h1>, one span a line.
		titled = true
		h.open(elH1)
		h.attrConst(atClass, "rk-title")
		h.attrConst(atRK, "title")
		h.attr(atTitleAt, r.Title)
		h.inferred(r)
		h.end()
		for j := i; j < len(lines) && lines[j].Field == reply.FieldTitle; j++ {
			if j > i {
				h.tag(elBr)
			}
			h.line(elSpan, lines[j], nil)
			i = j
		}
		h.close(elH1)
		h.nl()
	}
	if !titled {
		h.open(elH1)
		h.attrConst(atClass, "rk-title")
		h.attrConst(atRK, "title")
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
		h.attrConst(atTitleInf, "true")
	}
}

// lineClass returns the class of a line by the field it states.
func lineClass(f reply.Field) constant {
	switch f {
	case reply.FieldTitle:
		return "rk-line rk-f-title"
	case reply.FieldOffice:
		return "rk-line rk-f-office"
	case reply.FieldDocNumber:
		return "rk-line rk-f-docnumber"
	case reply.FieldSigner:
		return "rk-line rk-f-signer"
	case reply.FieldIndexNumber:
		return "rk-line rk-f-indexnumber"
	case reply.FieldCategory:
		return "rk-line rk-f-category"
	case reply.FieldDate:
		return "rk-line rk-f-date"
	case reply.FieldPublished:
		return "rk-line rk-f-published"
	case reply.FieldContact:
		return "rk-line rk-f-contact"
	case reply.FieldCC:
		return "rk-line rk-f-cc"
	case reply.FieldAttachments:
		return "rk-line rk-f-attachments"
	}
	return "rk-line"
}

// line writes one header or trailer line; a date, when given and valid,
// marks the text up as a <time> of its value.
func (h *htmlWriter) line(e elem, l reply.Line, date *reply.Date) {
	h.open(e)
	h.attrConst(atClass, lineClass(l.Field))
	h.attrConst(atRK, "line")
	h.attrIf(atField, string(l.Field))
	h.end()
	if date != nil && date.Valid() {
		h.open(elTime)
		h.attrStart(atDatetime)
		h.date(*date)
		h.byte1('"')
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
func (h *htmlWriter) blockGroup(class, rk constant, blocks []reply.Block) {
	if len(blocks) == 0 {
		return
	}
	h.open(elDiv)
	h.attrConst(atClass, class)
	h.attrConst(atRK, rk)
	h.end()
	h.nl()
	for _, b := range blocks {
		h.block(b)
	}
	h.close(elDiv)
	h.nl()
}

// sectionClasses are the classes of sections by marker level, without
// and with a run-in heading.
var sectionClasses = [2][6]constant{{
	"rk-section rk-l0", "rk-section rk-l1", "rk-section rk-l2",
	"rk-section rk-l3", "rk-section rk-l4", "rk-section rk-l5",
}, {
	"rk-section rk-l0 rk-run-in", "rk-section rk-l1 rk-run-in", "rk-section rk-l2 rk-run-in",
	"rk-section rk-l3 rk-run-in", "rk-section rk-l4 rk-run-in", "rk-section rk-l5 rk-run-in",
}}

// section writes a section and its subsections; depth 1 is a top-level
// section, whose heading is an <h2>.
func (h *htmlWriter) section(s reply.Section, depth int) {
	runIn := 0
	if s.RunIn {
		runIn = 1
	}
	h.open(elSection)
	h.attrConst(atClass, sectionClasses[runIn][reply.MarkerLevel(s.Marker)])
	h.attrConst(atRK, "section")
	h.attr(atMarker, s.Marker)
	h.attrStart(atNumber)
	h.int(s.Number)
	h.byte1('"')
	if s.RunIn {
		h.attrConst(atRunIn, "true")
	}
	h.end()
	h.nl()
	hx := headings[min(depth+1, 6)]
	h.open(hx)
	h.attrConst(atClass, "rk-heading")
	h.attrConst(atRK, "heading")
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
		h.attrConst(atClass, "rk-p")
		h.attrConst(atRK, "p")
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
	h.attrConst(atClass, "rk-point")
	h.attrConst(atRK, "point")
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
func (h *htmlWriter) table(t *reply.Table) {
	h.open(elTable)
	h.attrConst(atClass, "rk-table")
	h.attrConst(atRK, "table")
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
	h.attrConst(atClass, "rk-figure")
	h.attrConst(atRK, "image")
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
	h.attrConst(atClass, "rk-trailer")
	h.attrConst(atRK, "trailer")
	h.end()
	h.nl()
	signed := false
	for i := 0; i < len(lines); i++ {
		if signed || !isSignatureLine(lines[i]) {
			h.line(elP, lines[i], nil)
			continue
		}
		signed = true
		h.open(elFooter)
		h.attrConst(atClass, "rk-signature")
		h.attrConst(atRK, "signature")
		h.end()
		h.nl()
		for ; i < len(lines) && isSignatureLine(lines[i]); i++ {
			h.line(elP, lines[i], dateOf(r, lines[i]))
		}
		i--
		h.close(elFooter)
		h.nl()
	}
	h.close(elDiv)
	h.nl()
}

// isSignatureLine reports whether l belongs in the signature <footer>:
// an office or a date line.
func isSignatureLine(l reply.Line) bool {
	return l.Field == reply.FieldOffice || l.Field == reply.FieldDate
}

// dateOf returns the signature's date when l is a date line that writes
// it, else nil.
func dateOf(r *reply.Reply, l reply.Line) *reply.Date {
	if l.Field != reply.FieldDate || l.Text != r.Signature.Date.Text {
		return nil
	}
	return &r.Signature.Date
}

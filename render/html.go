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
// WithPageHeader, into a visible header. The provenance, which no site
// prints, is carried for parse.HTML only (data-provenance), and the
// article's data-format is the reply's tag, replykit/v2 when it has one.
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

// article writes the notice.
func (h *htmlWriter) article(r *reply.Reply, page *reply.Page) {
	h.open(elArticle)
	h.attrConst(atClass, "rk-reply")
	h.attrConst(atRK, "reply")
	h.attrConst(atFormat, constant(r.Format())) // the package's own tags
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
	if !r.Provenance.IsZero() {
		h.attrJSON(atProvenance, &r.Provenance)
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

// title writes the <h1>, alone or among the header lines. A title that is
// not a line of the notice (TitleInferred) is written as supplied, above
// any header lines.
func (h *htmlWriter) title(r *reply.Reply) {
	if r.TitleInferred {
		h.suppliedTitle(r.Title)
	}
	if len(r.Header) == 0 {
		if !r.TitleInferred {
			h.open(elH1)
			h.attrConst(atClass, "rk-title")
			h.attrConst(atRK, "title")
			h.end()
			h.text(r.Title)
			h.close(elH1)
			h.nl()
		}
		return
	}
	h.open(elDiv)
	h.attrConst(atClass, "rk-header")
	h.attrConst(atRK, "header")
	h.end()
	h.nl()
	titled := r.TitleInferred
	lines := r.Header
	for i := 0; i < len(lines); i++ {
		if lines[i].Field != reply.FieldTitle || titled {
			h.line(elP, lines[i], nil)
			continue
		}
		// The first run of title lines is the <h1>, one span a line.
		titled = true
		h.titleStart("rk-title", r.Title)
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
		h.titleStart("rk-title", r.Title)
		h.end()
		h.text(r.Title)
		h.close(elH1)
		h.nl()
	}
	h.close(elDiv)
	h.nl()
}

// titleStart writes the start tag of an <h1> whose text is not the title
// alone, up to its end: the title itself goes in data-title, for
// parse.HTML.
func (h *htmlWriter) titleStart(class constant, title string) {
	h.open(elH1)
	h.attrConst(atClass, class)
	h.attrConst(atRK, "title")
	h.attr(atTitleAt, title)
}

// suppliedTitle writes a title the reader made up as archivists mark a
// title they supply: in 〔〕 brackets, followed by a note that says so
// (reply.SuppliedTitle). The <h1> carries the class rk-supplied and
// data-title-inferred; the title itself is in data-title.
func (h *htmlWriter) suppliedTitle(title string) {
	h.titleStart("rk-title rk-supplied", title)
	h.attrConst(atTitleInf, "true")
	h.end()
	h.raw("〔")
	h.text(title)
	h.raw("〕")
	h.element(elSpan, "rk-note", "", reply.SuppliedTitleNote)
	h.close(elH1)
	h.nl()
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
	if date != nil {
		h.timed(*date, l.Text)
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

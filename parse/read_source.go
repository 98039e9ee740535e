package parse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/replykit/replykit/reply"
)

// para is one block of the source as the structure reader sees it.
type para struct {
	text  string
	pos   Pos
	align Align
	table *reply.Table
	image *reply.Image
}

// Search limits, in blocks: how far down the salutation may stand, and how
// many lines a header without a salutation may have.
const (
	maxSalutationAt = 40
	maxHeaderLines  = 15
)

// readSource reads the document's structure from a Source. The blocks are
// cut, in order, into header, salutation, opening, sections, closing and end
// matter, so that every block lands in exactly one part.
func readSource(src *Source, cfg *config) (*reply.Reply, error) {
	if src == nil {
		return nil, fmt.Errorf("parse: no source: %w", ErrEmpty)
	}
	if len(src.Blocks) > cfg.maxBlocks {
		return nil, &LimitError{Limit: "blocks", Max: int64(cfg.maxBlocks), Where: src.Blocks[cfg.maxBlocks].Pos.String()}
	}
	var warnings []reply.Warning
	paras := make([]para, 0, len(src.Blocks))
	for _, b := range src.Blocks {
		b, w := safeImage(b)
		if w != nil {
			warnings = append(warnings, *w)
		}
		t := trim(b.Text)
		if t == "" && b.Table == nil && b.Image == nil {
			continue
		}
		if len(t) > cfg.maxParagraph {
			return nil, &LimitError{Limit: "paragraph", Max: int64(cfg.maxParagraph), Where: b.Pos.String()}
		}
		paras = append(paras, para{text: t, pos: b.Pos, align: b.Align, table: b.Table, image: b.Image})
	}
	// A title that a renderer supplied (reply.SuppliedTitle) stands first;
	// it is not text of the notice, and is taken back as its title.
	supplied := ""
	if len(paras) > 0 && paras[0].table == nil && paras[0].image == nil {
		if t, ok := reply.ReadSuppliedTitle(paras[0].text); ok {
			supplied, paras = t, paras[1:]
		}
	}
	if len(paras) == 0 && src.Title == "" {
		return nil, fmt.Errorf("parse: source holds no text: %w", ErrEmpty)
	}
	if err := cfg.canceled("reading the structure"); err != nil {
		return nil, err
	}
	page, w := safePage(src.Page)
	if w != nil {
		warnings = append(warnings, *w)
	}
	rep := &reply.Reply{Page: page}
	rep.Warnings = append(rep.Warnings, src.Warnings...)
	rep.Warnings = append(rep.Warnings, warnings...)

	// The salutation, and the header above it.
	salAt, sal := findSalutation(paras)
	bodyStart := 0
	switch {
	case salAt >= 0:
		bodyStart = salAt + 1
	default:
		for bodyStart < len(paras) && bodyStart < maxHeaderLines && isHeaderLine(paras[bodyStart]) {
			bodyStart++
		}
	}
	headEnd := bodyStart
	if salAt >= 0 {
		headEnd = salAt
	}
	h := readHeader(paras[:headEnd])
	setHeader(rep, h, src.Title)
	if salAt >= 0 {
		rep.Salutation = sal.text
		rep.Addressees = sal.addressees
	}

	// The end matter, then the closing above it.
	emStart, dateAt := findEndMatter(paras, bodyStart)
	closeStart := emStart
	for closeStart > bodyStart && isClosingLike(paras[closeStart-1]) {
		closeStart--
	}

	// The opening (with a salutation's run-on text first), then sections.
	opening := make([]item, 0, closeStart-bodyStart+1)
	if salAt >= 0 && sal.rest != "" {
		opening = append(opening, item{text: sal.rest})
	}
	sb := newSectionBuilder(closeStart - bodyStart)
	inSections := false
	for _, p := range paras[bodyStart:closeStart] {
		if !inSections {
			if _, level, _ := reply.ReadMarker(p.text); level == reply.LevelNone || p.table != nil || p.image != nil {
				opening = append(opening, item{text: p.text, table: p.table, image: p.image})
				continue
			}
			inSections = true
		}
		sb.add(p)
	}
	var arena pointArena
	rep.Opening = buildBlocks(opening, &arena)
	rep.Sections = sb.sections(&arena)
	rep.Warnings = append(rep.Warnings, sb.warnings...)
	closing := make([]item, 0, emStart-closeStart)
	for _, p := range paras[closeStart:emStart] {
		closing = append(closing, item{text: p.text})
	}
	rep.Closing = buildBlocks(closing, &arena)

	em := readEndMatter(paras, emStart, dateAt)
	setEndMatter(rep, em)

	// What the notice is, and the proposal it answers.
	openingText := firstTexts(opening, 2)
	var salp *salutation
	if salAt >= 0 {
		salp = &sal
	}
	titles := titleLines(rep)
	rep.Kind = kindOf(dropPinyin(titles), salp, dropPinyin(openingText))
	if rep.Kind != reply.KindOther {
		rep.Proposal = readProposal(titles, openingText, salp)
		if rep.Proposal.Body == "" || rep.Proposal.Number == "" {
			// A record table's lines: 「县人大十八届二次会议」, then 「16」.
			fillFromRecord(&rep.Proposal, h.lines)
		}
		if len(h.proposers) > 0 {
			// 「领衔代表：」 and 「附议代表：」 lines name them all.
			rep.Proposal.Proposers = h.proposers
		}
	}
	if rep.Title == "" {
		// No title line and no page title: the supplied title, else one
		// made from what the notice states, marked as not being text of
		// the notice.
		rep.Title = supplied
		if rep.Title == "" {
			rep.Title = inferTitle(rep)
		}
		rep.TitleInferred = rep.Title != ""
	}
	if rep.Title == "" {
		rep.Warnings = append(rep.Warnings, reply.Warning{Code: CodeNoTitle, Message: "no line above the body reads as the title, and nothing read makes one"})
	}
	// A title or name that holds a bidi or zero-width control is kept as
	// written, with a warning: its display may not read as its text does.
	rep.Warnings = append(rep.Warnings, rep.BidiWarnings()...)
	if len(rep.Warnings) == 0 {
		rep.Warnings = nil
	}
	return rep, nil
}

// titleLines returns the title, then every other header line that states
// a title (a second title line often holds the number: 「关于…第144号建议的
// 答复」), one a line.
func titleLines(rep *reply.Reply) string {
	s := rep.Title
	for _, l := range rep.Header {
		if l.Field == reply.FieldTitle && l.Text != rep.Title {
			s += "\n" + l.Text
		}
	}
	return s
}

// findSalutation finds the salutation: the first line near the top that
// addresses people by role, else the first that addresses organisations
// before any paragraph.
func findSalutation(paras []para) (int, salutation) {
	weakAt, weak := -1, salutation{}
	for i, p := range paras {
		if i >= maxSalutationAt {
			break
		}
		if p.table != nil || p.image != nil {
			continue
		}
		s, ok := readSalutation(p.text)
		switch {
		case ok && s.person:
			return i, s
		case ok && weakAt < 0 && i < maxHeaderLines:
			weakAt, weak = i, s
		}
		if weakAt < 0 && isParagraphLike(p.text) {
			// Organisations are addressed only above the first paragraph.
			weakAt = -2
		}
	}
	if weakAt >= 0 {
		return weakAt, weak
	}
	return -1, salutation{}
}

// isHeaderLine reports a line that can stand above the body of a notice
// with no salutation: not a paragraph, not a numbered section.
func isHeaderLine(p para) bool {
	if p.table != nil {
		return true
	}
	if p.image != nil {
		return false
	}
	if _, level, _ := reply.ReadMarker(p.text); level != reply.LevelNone {
		return false
	}
	return !longer(p.text, 100) && !hasAnyPunctEnd(p.text) && !containsChars(p.text, "。；;")
}

// setHeader stores the header's fields in the reply. Header is left nil
// when the title line alone stands above the salutation. A page title
// stands above the notice's header lines, none of which is a title, as
// its first line.
func setHeader(rep *reply.Reply, h header, pageTitle string) {
	if h.weak && pageTitle != "" {
		// The page's visible heading wins over a header line that has
		// no title's ending.
		h.title = ""
		for _, i := range h.weakLines {
			h.lines[i].Field = reply.FieldNone
		}
	}
	if h.labelled && pageTitle != "" {
		// The page's visible heading is the title line; the labelled
		// value in the disclosure table keeps its field.
		h.title = ""
	}
	rep.Title = h.title
	if rep.Title == "" && pageTitle != "" {
		rep.Title = pageTitle
		if len(h.lines) > 0 {
			h.lines = append([]reply.Line{{Text: pageTitle, Field: reply.FieldTitle}}, h.lines...)
		}
	}
	rep.DocNumber = h.docNumber
	rep.Signer = h.signer
	rep.IndexNumber = h.indexNumber
	rep.Category = h.category
	if h.published != nil && rep.Page.Published.IsZero() {
		rep.Page.Published = *h.published
	}
	if rep.Page.Source == "" {
		rep.Page.Source = h.source
	}
	if len(rep.Page.Keywords) == 0 && len(h.keywords) > 0 {
		rep.Page.Keywords = h.keywords
	}
	if len(h.lines) == 1 && h.lines[0].Text == rep.Title {
		return
	}
	if len(h.lines) > 0 {
		rep.Header = h.lines
	}
}

// setEndMatter stores the end matter in the reply, and its lines as the
// Trailer unless they are exactly the canonical trailer.
func setEndMatter(rep *reply.Reply, em endMatter) {
	if len(em.offices) > 0 || !em.date.IsZero() {
		rep.Signature = reply.Signature{Office: strings.Join(em.offices, "\n"), Date: em.date}
	}
	rep.Contact = em.contact
	rep.CC = em.cc
	rep.Attachments = em.attachments
	if em.category != "" {
		rep.Category = em.category
	}
	if em.signer != "" && rep.Signer == "" {
		rep.Signer = em.signer
	}
	rep.Warnings = append(rep.Warnings, em.warnings...)
	canon := rep.CanonicalTrailer()
	if len(em.lines) == 0 && len(canon) > 0 {
		// A category stated only in the header has no trailer line to
		// write it back to: the header line keeps it.
		rep.Category = ""
		canon = rep.CanonicalTrailer()
	}
	if !slices.Equal(canon, em.lines) {
		rep.Trailer = em.lines
	}
}

// readProposal reads the proposal answered from the title and opening.
func readProposal(title, opening string, sal *salutation) reply.Proposal {
	var p reply.Proposal
	// Pinyin annotations (「第37號(hào)」) are read past.
	plain := []string{dropPinyin(title), dropPinyin(opening)}
	for _, s := range plain {
		if body, term, session, ok := readSession(s); ok {
			p.Body, p.Term, p.Session = body, term, session
			break
		}
	}
	for _, s := range plain {
		if n := readNumber(s); n != "" {
			p.Number = n
			break
		}
	}
	p.Title = readProposalTitle(opening)
	p.Proposers = readProposers(sal, opening)
	if p.Body == "" && p.Number == "" && p.Title == "" && len(p.Proposers) == 0 {
		return reply.Proposal{}
	}
	return p
}

// firstTexts joins the text of the first n paragraphs.
func firstTexts(items []item, n int) string {
	var b strings.Builder
	for _, it := range items {
		if n == 0 {
			break
		}
		if it.text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(it.text)
		n--
	}
	return b.String()
}

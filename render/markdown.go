package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/replykit/replykit/reply"
)

// Markdown writes r as CommonMark: the title as a level-one heading (one
// that is not a line of the notice, TitleInferred, first and marked as
// supplied: 「# 〔…〕（标题为整理者所拟）」), the
// header lines, salutation and paragraphs as paragraphs, sections as
// headings by depth (## for top-level sections, ### below…, run-in
// headings included), the points of
// a paragraph as a list with each point's marker and lead in bold, tables
// as GitHub tables, then the end matter and the signature. Every character
// that Markdown or HTML would read as markup is escaped, so no text of the
// reply becomes a link, an element or emphasis. With WithPageHeader the
// page's breadcrumb and publish line come first, as a quotation. The
// provenance is not written, as in Text.
func Markdown(w io.Writer, r *reply.Reply, opts ...Option) error {
	if r == nil {
		return ErrNilReply
	}
	cfg := newConfig(opts)
	bw := bufio.NewWriter(w)
	m := &mdWriter{w: bw}
	if cfg.pageHeader && !r.Page.IsZero() {
		for _, l := range furnitureLines(&r.Page) {
			m.raw("> ")
			m.text(l)
			m.raw("\n")
		}
		m.raw("\n")
	}
	if r.TitleInferred {
		m.heading(1, reply.SuppliedTitle(r.Title))
	}
	if len(r.Header) == 0 {
		if !r.TitleInferred {
			m.heading(1, r.Title)
		}
	} else {
		titled := r.TitleInferred
		for _, l := range r.Header {
			switch {
			case l.Field != reply.FieldTitle:
				m.para(l.Text)
			case !titled:
				titled = true
				m.heading(1, r.Title)
			}
		}
		if !titled {
			m.heading(1, r.Title)
		}
	}
	m.para(r.Salutation)
	m.blocks(r.Opening)
	for _, s := range r.Sections {
		m.section(s, 2)
	}
	m.blocks(r.Closing)
	m.trailer(r.TrailerLines())
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render: write Markdown: %w", err)
	}
	return nil
}

type mdWriter struct {
	w *bufio.Writer
}

func (m *mdWriter) raw(s string) { m.w.WriteString(s) }

// text writes s escaped: the characters that make emphasis, code, links,
// autolinks, entities, HTML, table cells and strike-through get a
// backslash anywhere; a block marker (#, -, +, =, >, 「1.」, 「1)」) gets one
// at the start; leading spaces (an indented code block) become references;
// line breaks become spaces.
func (m *mdWriter) text(s string) {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	for range lead {
		m.w.WriteString("&#32;")
	}
	s = s[lead:]
	last := 0
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		esc := false
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~':
			esc = true
		case '#', '-', '+', '=':
			esc = i == 0
		case '.', ')':
			esc = digits == i && i > 0
		case '\n', '\r':
			m.w.WriteString(s[last:i])
			m.w.WriteByte(' ')
			last = i + 1
		}
		if c >= '0' && c <= '9' && digits == i {
			digits++
		}
		if esc {
			m.w.WriteString(s[last:i])
			m.w.WriteByte('\\')
			m.w.WriteByte(c)
			last = i + 1
		}
	}
	m.w.WriteString(s[last:])
}

func (m *mdWriter) heading(level int, s string) {
	m.raw(strings.Repeat("#", min(level, 6)))
	m.raw(" ")
	m.text(s)
	m.raw("\n\n")
}

// para writes a paragraph, or nothing for an empty one.
func (m *mdWriter) para(s string) {
	if s == "" {
		return
	}
	m.text(s)
	m.raw("\n\n")
}

func (m *mdWriter) blocks(bs []reply.Block) {
	for _, b := range bs {
		m.block(b)
	}
}

func (m *mdWriter) block(b reply.Block) {
	switch {
	case b.Table != nil:
		m.table(b.Table)
	case b.Image != nil:
		if reply.LinkableURL(b.Image.URL) {
			m.raw("![")
			m.text(b.Image.Alt)
			m.raw("](<")
			m.raw(mdURL(b.Image.URL))
			m.raw(">)\n\n")
		} else {
			m.para(b.Image.Alt)
		}
	default:
		if len(b.Points) == 0 {
			m.para(b.Text)
			return
		}
		m.para(b.Text)
		for _, p := range b.Points {
			m.raw("- **")
			m.text(p.Marker)
			rest := p.Text
			if p.Lead != "" && p.LeadBeginsText() {
				m.text(p.Lead)
				rest = p.Text[len(p.Lead):]
			}
			m.raw("**")
			m.text(rest)
			m.raw("\n")
		}
		m.raw("\n")
	}
}

// mdURL escapes what would end a <…> link destination.
func mdURL(s string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E", "\\", "%5C").Replace(s)
}

func (m *mdWriter) table(t *reply.Table) {
	if t.Caption != "" {
		m.raw("**")
		m.text(t.Caption)
		m.raw("**\n\n")
	}
	cols := 0
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	for i, row := range t.Rows {
		m.raw("|")
		for j := 0; j < cols; j++ {
			m.raw(" ")
			if j < len(row) {
				m.text(row[j])
			}
			m.raw(" |")
		}
		m.raw("\n")
		if i == 0 {
			m.raw("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
	m.raw("\n")
}

// section writes a section under a heading of its depth. A run-in heading
// gets a line of its own too: Markdown has no run-in headings, and bold
// text that ends in 「。」 before a letter does not close.
func (m *mdWriter) section(s reply.Section, level int) {
	m.heading(level, s.Marker+s.Heading)
	m.blocks(s.Blocks)
	for _, sub := range s.Sections {
		m.section(sub, level+1)
	}
}

// trailer writes the end matter as paragraphs and the signature lines as
// one paragraph with hard line breaks.
func (m *mdWriter) trailer(lines []reply.Line) {
	for i := 0; i < len(lines); i++ {
		if !isSignatureLine(lines[i]) {
			m.para(lines[i].Text)
			continue
		}
		j := i
		for ; j < len(lines) && isSignatureLine(lines[j]); j++ {
			if j > i {
				m.raw("\\\n")
			}
			m.text(lines[j].Text)
		}
		m.raw("\n\n")
		i = j - 1
	}
}

package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/replykit/replykit/reply"
)

// indent is the first-line indent of an official document's paragraph:
// two full-width spaces.
const indent = "\u3000\u3000"

// Text writes r as the plain text of an official document, the form in
// which notices are copied from their pages: the header lines (or the
// title), a blank line, the salutation, each paragraph and section heading
// on a line of its own indented by two full-width spaces, blank lines
// between paragraphs, then the end matter, the issuing office and the date.
// Header and trailer lines are written as they are in r. A title that is
// not a line of the notice (TitleInferred) comes first, marked as supplied
// (reply.SuppliedTitle: 「〔…〕（标题为整理者所拟）」), and parse.Text reads it
// back as the title, inferred. Table rows are
// written with their cells separated by tabs, images by their alternative
// text. With WithPageHeader the breadcrumb and the 发布时间/来源/点击量 line
// come first, as on the page. The provenance is not written: it is not
// text of the notice.
func Text(w io.Writer, r *reply.Reply, opts ...Option) error {
	if r == nil {
		return ErrNilReply
	}
	cfg := newConfig(opts)
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw}
	if cfg.pageHeader && !r.Page.IsZero() {
		for _, l := range furnitureLines(&r.Page) {
			t.line("", l)
		}
		t.blank()
	}
	if r.TitleInferred && r.Title != "" {
		t.line("", reply.SuppliedTitle(r.Title))
		t.blank()
	}
	if len(r.Header) > 0 {
		for _, l := range r.Header {
			t.line("", l.Text)
		}
		t.blank()
	} else if !r.TitleInferred {
		t.line("", r.Title)
		t.blank()
	}
	if r.Salutation != "" {
		t.line("", r.Salutation)
		t.blank()
	}
	t.blocks(r.Opening)
	for _, s := range r.Sections {
		t.section(s)
	}
	t.blocks(r.Closing)
	t.trailer(r.TrailerLines())
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render: write text: %w", err)
	}
	return nil
}

// furnitureLines returns the page lines that sites print above a notice:
// the breadcrumb, and the publish time, source, author and views.
func furnitureLines(p *reply.Page) []string {
	var out []string
	if len(p.Breadcrumb) > 0 {
		out = append(out, "当前位置："+strings.Join(p.Breadcrumb, " > "))
	}
	var items []string
	if p.Published.Text != "" {
		items = append(items, "发布时间："+p.Published.Text)
	}
	if p.Source != "" {
		items = append(items, "来源："+p.Source)
	}
	if p.Author != "" {
		items = append(items, "作者："+p.Author)
	}
	if p.Views != 0 {
		items = append(items, "点击量："+strconv.Itoa(p.Views))
	}
	if len(items) > 0 {
		out = append(out, strings.Join(items, " "))
	}
	return out
}

// textWriter writes lines; bufio.Writer keeps the first error, which Text
// returns at Flush.
type textWriter struct {
	w *bufio.Writer
}

func (t *textWriter) line(prefix, s string) {
	t.w.WriteString(prefix)
	t.w.WriteString(s)
	t.w.WriteByte('\n')
}

func (t *textWriter) blank() { t.w.WriteByte('\n') }

// paragraph writes an indented paragraph and the blank line after it.
func (t *textWriter) paragraph(s string) {
	t.line(indent, s)
	t.blank()
}

func (t *textWriter) blocks(bs []reply.Block) {
	for _, b := range bs {
		t.block(b, "")
	}
}

// block writes one block; head is a run-in section heading that starts
// its first line.
func (t *textWriter) block(b reply.Block, head string) {
	switch {
	case b.Table != nil:
		if head != "" {
			t.paragraph(head)
		}
		if b.Table.Caption != "" {
			t.line("", b.Table.Caption)
		}
		for _, row := range b.Table.Rows {
			t.line("", strings.Join(row, "\t"))
		}
		t.blank()
	case b.Image != nil:
		if head != "" {
			t.paragraph(head)
		}
		t.paragraph(b.Image.Alt)
	default:
		t.paragraph(head + b.Paragraph())
	}
}

func (t *textWriter) section(s reply.Section) {
	head := s.Marker + s.Heading
	blocks := s.Blocks
	if s.RunIn && len(blocks) > 0 {
		t.block(blocks[0], head)
		blocks = blocks[1:]
	} else {
		t.paragraph(head)
	}
	t.blocks(blocks)
	for _, sub := range s.Sections {
		t.section(sub)
	}
}

// trailer writes the end matter: attachment, category and contact lines
// indented as paragraphs are, one more blank line before the signature,
// the office and date lines and the rest flush left.
func (t *textWriter) trailer(lines []reply.Line) {
	signed := false
	for _, l := range lines {
		switch l.Field {
		case reply.FieldAttachments, reply.FieldCategory, reply.FieldContact:
			t.line(indent, l.Text)
		case reply.FieldOffice, reply.FieldDate:
			if !signed {
				signed = true
				t.blank()
			}
			t.line("", l.Text)
		default:
			t.line("", l.Text)
		}
	}
}

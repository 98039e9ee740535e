package reply

import (
	"strings"
	"unicode"
)

// PlainText returns the reply's text in document order, one paragraph or
// line a line: the header (or the title, unless TitleInferred says it is
// not text of the notice), the salutation, the opening, the sections, the
// closing and the trailer (or the canonical trailer). Table rows are
// written with their cells separated by tabs; images by their alternative
// text. Page metadata and warnings are not part of the text.
func (r *Reply) PlainText() string {
	var b strings.Builder
	for _, l := range r.Lines() {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// Lines returns the reply's text in document order as PlainText does, one
// element a line.
func (r *Reply) Lines() []string {
	var out []string
	if len(r.Header) > 0 {
		for _, l := range r.Header {
			out = append(out, l.Text)
		}
	} else if r.Title != "" && !r.TitleInferred {
		out = append(out, r.Title)
	}
	if r.Salutation != "" {
		out = append(out, r.Salutation)
	}
	out = appendBlocks(out, r.Opening)
	for _, s := range r.Sections {
		out = s.appendLines(out)
	}
	out = appendBlocks(out, r.Closing)
	for _, l := range r.TrailerLines() {
		out = append(out, l.Text)
	}
	return out
}

// appendLines appends the section's lines: the marker and heading, run into
// the first block when RunIn is set, then the blocks and subsections.
func (s Section) appendLines(out []string) []string {
	blocks := s.Blocks
	head := s.Marker + s.Heading
	if s.RunIn && len(blocks) > 0 {
		out = appendBlocks(out, blocks[:1])
		out[len(out)-1] = head + out[len(out)-1]
		blocks = blocks[1:]
	} else {
		out = append(out, head)
	}
	out = appendBlocks(out, blocks)
	for _, sub := range s.Sections {
		out = sub.appendLines(out)
	}
	return out
}

func appendBlocks(out []string, blocks []Block) []string {
	for _, b := range blocks {
		switch {
		case b.Table != nil:
			if b.Table.Caption != "" {
				out = append(out, b.Table.Caption)
			}
			for _, row := range b.Table.Rows {
				out = append(out, strings.Join(row, "\t"))
			}
		case b.Image != nil:
			out = append(out, b.Image.Alt)
		default:
			out = append(out, b.Paragraph())
		}
	}
	return out
}

// Paragraph returns the block's whole paragraph text: Text followed by each
// point's marker and text. It is "" for a table or an image.
func (b Block) Paragraph() string {
	if len(b.Points) == 0 {
		return b.Text
	}
	var sb strings.Builder
	sb.WriteString(b.Text)
	for _, p := range b.Points {
		sb.WriteString(p.Marker)
		sb.WriteString(p.Text)
	}
	return sb.String()
}

// TrailerLines returns the lines after the closing: Trailer when it is set,
// else CanonicalTrailer.
func (r *Reply) TrailerLines() []Line {
	if r.Trailer != nil {
		return r.Trailer
	}
	return r.CanonicalTrailer()
}

// CanonicalTrailer returns the lines that the end-matter fields give when
// written in the usual order of official documents: attachments
// (「附件：…」), answer category (「答复类别：A类」), contact (「联系人：…，联系电话：…」),
// the office (one line per office), the date as written, and the CC list
// (「抄送：…。」). A reply whose trailer is exactly these lines leaves
// Trailer nil.
func (r *Reply) CanonicalTrailer() []Line {
	var out []Line
	switch len(r.Attachments) {
	case 0:
	case 1:
		out = append(out, Line{Text: "附件：" + r.Attachments[0], Field: FieldAttachments})
	default:
		for i, a := range r.Attachments {
			prefix := ""
			if i == 0 {
				prefix = "附件："
			}
			out = append(out, Line{Text: prefix + itoa(i+1) + "." + a, Field: FieldAttachments})
		}
	}
	if r.Category != "" {
		out = append(out, Line{Text: "答复类别：" + string(r.Category) + "类", Field: FieldCategory})
	}
	if c := r.Contact; !c.IsZero() {
		var parts []string
		if c.Unit != "" {
			parts = append(parts, "联系单位："+c.Unit)
		}
		if c.Person != "" {
			parts = append(parts, "联系人："+c.Person)
		}
		if c.Phone != "" {
			parts = append(parts, "联系电话："+c.Phone)
		}
		out = append(out, Line{Text: strings.Join(parts, "，"), Field: FieldContact})
	}
	if s := r.Signature; s.Office != "" {
		for _, o := range strings.Split(s.Office, "\n") {
			out = append(out, Line{Text: o, Field: FieldOffice})
		}
	}
	if t := r.Signature.Date.Text; t != "" {
		out = append(out, Line{Text: t, Field: FieldDate})
	}
	if len(r.CC) > 0 {
		out = append(out, Line{Text: "抄送：" + strings.Join(r.CC, "，") + "。", Field: FieldCC})
	}
	return out
}

// NormalizeWhitespace returns s without any white space (Unicode's white
// space: ASCII spaces, tabs, line breaks, no-break, full-width and other
// spaces; and the zero-width space and BOM): the form in which two texts
// are compared when checking that nothing was lost.
func NormalizeWhitespace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

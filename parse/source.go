package parse

import (
	"strconv"

	"github.com/replykit/replykit/reply"
)

// Source is a notice as the page or text reader found it: its text as an
// ordered list of blocks, and what the page around it said. It is where
// Extract (and the text reader) meet Read, the structure reader.
type Source struct {
	// Title is the title the page gives: its own heading, else the
	// ArticleTitle meta tag, else <title> without the site's name. It is
	// empty for plain text, where the structure reader finds the title.
	Title string
	// Blocks are the notice's blocks in document order, page furniture
	// (breadcrumbs, 发布时间/来源/点击量 lines, print and share links) left out.
	Blocks []SourceBlock
	// Page is the page's metadata, from its meta tags and furniture; its
	// zero value (IsZero) when there is none.
	Page reply.Page
	// Warnings say where the reader was unsure, such as bytes replaced
	// while decoding.
	Warnings []reply.Warning
}

// SourceBlock is one paragraph-level piece of a Source: a paragraph or a
// line, a data table, or an image. (A reply.Block is a paragraph of the
// reply that the structure reader makes of it.)
type SourceBlock struct {
	// Text is the block's text: entities decoded, runs of white space
	// (full-width spaces included) folded to one space and trimmed.
	Text string
	// Align is the block's alignment, as the page sets it.
	Align Align
	// Heading is 1 to 6 when the block is an <h1>…<h6>, else 0.
	Heading int
	// Bold is true when the whole block is bold (<strong>, <b>, font-weight).
	Bold bool
	// Indent is true when the block starts with an indent (leading
	// full-width spaces or a text-indent), as paragraphs of a body do.
	Indent bool
	// Table is set when the block is a data table kept as a table.
	Table *reply.Table
	// Image is set when the block is an image.
	Image *reply.Image
	// Role is the part of a reply that a page rendered by replykit marks
	// the block as (its data-rk attribute); empty for other pages.
	Role string
	// Pos is where the block starts in the source.
	Pos Pos
	// large is true when the block is set in a large font (<font size=4>
	// and up, a style's font-size), as old pages set their titles.
	large bool
}

// Align is a block's horizontal alignment.
type Align uint8

// The alignments.
const (
	AlignNone    Align = iota // not set
	AlignLeft                 // left
	AlignCenter               // centred
	AlignRight                // right, as signatures and dates often are
	AlignJustify              // justified
)

// Pos is a position in the source: a 1-based line for text, a byte offset
// of the decoded page for HTML.
type Pos struct {
	Line   int // 1-based line, 0 when unknown
	Offset int // byte offset, -1 when unknown
}

// String returns "line N" or "byte N".
func (p Pos) String() string {
	if p.Line > 0 {
		return "line " + strconv.Itoa(p.Line)
	}
	if p.Offset >= 0 {
		return "byte " + strconv.Itoa(p.Offset)
	}
	return ""
}

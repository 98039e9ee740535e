package parse

import "github.com/replykit/replykit/reply"

// The codes of the warnings this package gives (reply.Warning.Code, in a
// reply's Warnings or a Source's), each a short stable name for one kind of
// doubt. Where a warning points into the input, its Where says so ("line
// 12", "byte 3051").
const (
	// CodeCharsetMismatch says the page declares one encoding (in its
	// Content-Type or a <meta>) while its bytes are in another: the page
	// is read in the one its bytes are in, which the message names.
	CodeCharsetMismatch = "charset-mismatch"
	// CodeReplacedBytes says bytes that are not text in the input's
	// encoding, or NUL bytes, were replaced by U+FFFD: the message counts
	// them, and Where places the first.
	CodeReplacedBytes = "replaced-bytes"
	// CodeBadDate says the line that stands where the signature's date
	// does is date-shaped but no date (「2017年2月30日」): the line is kept,
	// the date left unset.
	CodeBadDate = "bad-date"
	// CodeAmbiguousDate says the signature's date reads as more than one
	// date (「2021112」: 1月12日 or 11月2日): the line is kept, the date left
	// unset.
	CodeAmbiguousDate = "ambiguous-date"
	// CodeMarkerLevel says a section marker of another level than the
	// sections around it (「①」 among 「（一）」) was kept as a paragraph.
	CodeMarkerLevel = "marker-level"
	// CodeNumberingGap says section numbers skip (「一、」 then 「三、」) or
	// the first section of a level is not number one; the sections stand.
	CodeNumberingGap = "numbering-gap"
	// CodeNumberingRestart says a section marker numbered no higher than
	// the one before it (「二、」 after 「二、」) was kept as a paragraph.
	CodeNumberingRestart = "numbering-restart"
	// CodeNotNotice says the page is not a notice of a government body
	// (a news article, a reprint, another site's page); see IsNotice.
	CodeNotNotice = "not-notice"
	// CodeNoTitle says the reply's title could be neither read nor made:
	// no line reads as the title, the page gives none, and the proposal
	// answered is not known. Such a reply has an empty Title and does not
	// pass Validate.
	CodeNoTitle = "no-title"
	// CodeUnsafeURL says an address was not kept: an image or page address
	// whose scheme is not http or https (a javascript: address that a
	// page's <base> gave its relative images). An image keeps its text.
	CodeUnsafeURL = "unsafe-url"
	// CodeTableAsText says a data table was read as text, a paragraph a
	// row (its cells' text, a space between them, each cell once), because
	// its grid (merged cells repeated, rows padded to the widest) would
	// pass the table cell limit (WithMaxTableCells); Where places the
	// table.
	CodeTableAsText = "table-as-text"
	// CodeBidiControl says a title or name (the title, a heading, an
	// addressee, the office…) holds a bidirectional or zero-width control
	// character (reply.IsBidiControl), such as U+202E, which shows the
	// text after it reversed: the text is kept as written, and the message
	// names the field and the character. reply.Reply.BidiWarnings gives it.
	CodeBidiControl = reply.CodeBidiControl
)

package parse

import "context"

// The default limits. Each can be changed with its Option.
const (
	DefaultMaxBytes      = 16 << 20 // 16 MiB of input
	DefaultMaxDepth      = 512      // element nesting
	DefaultMaxBlocks     = 200_000  // blocks in one notice
	DefaultMaxParagraph  = 4 << 20  // bytes in one block
	DefaultMaxTableCells = 200_000  // cells in one table's grid
	// DefaultMaxFormatting is the most formatting elements and attributes
	// that the HTML parser may copy (see WithMaxFormatting).
	DefaultMaxFormatting = 500_000
)

// Option changes how a page or text is read.
type Option func(*config)

// config holds the options of one call. Its zero value is not used; see
// newConfig for the defaults.
type config struct {
	ctx          context.Context
	url          string
	contentType  string
	charset      string
	maxBytes     int64
	maxDepth     int
	maxBlocks    int
	maxParagraph int
	// maxTableCells caps a table's grid; see extract_table.go.
	maxTableCells int
	// maxFormatting caps the copies of formatting elements; see extract_budget.go.
	maxFormatting int64
	// startsBody reports a line that starts a notice's body, where the
	// furniture above a text ends: the structure reader's salutation
	// rule, handed to the text extractor here so that extraction never
	// calls up into the reader.
	startsBody func(line string) bool
	// lines is the structure reader's reading of single lines, handed to
	// the page extractor the same way: the layout widener asks it what a
	// row next to an old page's body is.
	lines lineRules
}

// lineRules are the structure reader's predicates on one line of text.
type lineRules struct {
	office      func(string) bool // an issuing office's name: 「某某县交通运输局」
	date        func(string) bool // a date alone: 「2016年5月18日」
	closing     func(string) bool // a closing: 「感谢…」, 「特此答复。」
	endMatter   func(string) bool // a labelled end-matter line: 联系人, 抄送…
	titleEnding func(string) bool // ends as a title does: 「…的答复」
	clauseEnd   func(string) bool // ends a sentence or clause, as no title does
}

// readerLines are the structure reader's line rules.
var readerLines = lineRules{
	office:      func(s string) bool { return isOfficeLine(para{text: s}) },
	date:        isDateShaped,
	closing:     func(s string) bool { return isClosingLike(para{text: s}) },
	endMatter:   func(s string) bool { _, ok := endLabel(para{text: s}); return ok },
	titleEnding: hasTitleEnding,
	clauseEnd:   hasAnyPunctEnd,
}

func newConfig(opts []Option) config {
	c := config{
		ctx:           context.Background(),
		maxBytes:      DefaultMaxBytes,
		maxDepth:      DefaultMaxDepth,
		maxBlocks:     DefaultMaxBlocks,
		maxParagraph:  DefaultMaxParagraph,
		maxTableCells: DefaultMaxTableCells,
		maxFormatting: DefaultMaxFormatting,
		startsBody:    isSalutationLine,
		lines:         readerLines,
	}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// WithURL gives the page's address: it fills Page.URL and resolves
// relative image links.
func WithURL(url string) Option { return func(c *config) { c.url = url } }

// WithContentType gives the HTTP Content-Type header the page was served
// with; its charset parameter is taken as the page's declared encoding.
func WithContentType(contentType string) Option {
	return func(c *config) { c.contentType = contentType }
}

// WithCharset forces the page's encoding by its WHATWG label ("gbk",
// "big5", "utf-8"…), over anything the page declares or its bytes suggest.
func WithCharset(label string) Option { return func(c *config) { c.charset = label } }

// WithMaxBytes sets the most bytes of input read; larger input is refused
// with a *LimitError before it is read whole. Zero or less means the
// default, DefaultMaxBytes.
func WithMaxBytes(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBytes = n
		}
	}
}

// WithMaxDepth sets the deepest element nesting read; content below it is
// read as text of the element at the limit. Zero or less means the default.
// Whatever the option, a page nesting deeper than the HTML parser builds
// (512 open elements) is refused with a *LimitError "depth".
func WithMaxDepth(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxDepth = n
		}
	}
}

// WithMaxBlocks sets the most blocks (paragraphs, table rows, images) in one
// notice; more are refused with a *LimitError. Zero or less means the default.
func WithMaxBlocks(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBlocks = n
		}
	}
}

// WithMaxParagraph sets the most bytes in one block; a longer block is
// refused with a *LimitError. Zero or less means the default.
func WithMaxParagraph(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxParagraph = n
		}
	}
}

// WithMaxTableCells sets the most cells a table's grid may hold, merged
// cells repeated in every row and column they span and rows padded to the
// widest; a larger table is read as text, a paragraph a row, with a
// warning CodeTableAsText, so that no text is lost. Zero or less means
// the default, DefaultMaxTableCells.
func WithMaxTableCells(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxTableCells = n
		}
	}
}

// WithMaxFormatting sets the most formatting elements and attributes
// (b, i, font, a… left open across paragraphs) that the HTML parser may
// copy into later paragraphs, as a pass over the page's markup estimates
// them before the page's tree is built; a page over it is refused with a
// *LimitError "formatting". Zero or less means the default,
// DefaultMaxFormatting.
func WithMaxFormatting(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxFormatting = n
		}
	}
}

// canceled returns the context's error, wrapped with where the reader
// stopped, once the call's context is done.
func (c *config) canceled(where string) error {
	if err := c.ctx.Err(); err != nil {
		return &CanceledError{Where: where, Err: err}
	}
	return nil
}

package parse

import (
	"fmt"
	"strings"

	"github.com/replykit/replykit/reply"
)

// textSource reads a notice given as plain text into a Source: one block
// a non-blank line, white space folded, with its line number. Page
// furniture lines (「当前位置：…」, 「发布时间：… 来源：…」, 「网站支持IPv6」)
// above the body go into Source.Page instead.
func textSource(s string, cfg *config) (*Source, error) {
	src, _, err := splitText(s, cfg)
	return src, err
}

// splitText does the work of textSource and also returns the 1-based
// numbers of the lines it took as page furniture.
func splitText(s string, cfg *config) (*Source, []int, error) {
	if int64(len(s)) > cfg.maxBytes {
		return nil, nil, &LimitError{Limit: "bytes", Max: cfg.maxBytes, Where: fmt.Sprintf("byte %d", cfg.maxBytes+1)}
	}
	// The lines are read as they are checked: a text that holds an
	// invalid or NUL byte is read again once they are replaced.
	src, clean, err := readLines(s, cfg)
	var replaced *reply.Warning
	if !clean {
		var n, first int
		s, n, first = replaceInvalid(s)
		replaced = &reply.Warning{
			Code:    CodeReplacedBytes,
			Message: fmt.Sprintf("%d invalid UTF-8 or NUL byte(s) replaced by U+FFFD", n),
			Where:   fmt.Sprintf("line %d", lineOf(s, first)),
		}
		if err := cfg.canceled("reading lines"); err != nil {
			return nil, nil, err
		}
		src, _, err = readLines(s, cfg)
	}
	if err != nil {
		return nil, nil, err
	}
	if len(src.Blocks) == 0 {
		return nil, nil, fmt.Errorf("parse: text of %d bytes holds no text: %w", len(s), ErrEmpty)
	}
	furniture := takeFurniture(src, cfg.startsBody)
	if replaced != nil {
		src.Warnings = append(src.Warnings, *replaced)
	}
	return src, furniture, nil
}

// readLines cuts s into blocks, one a non-blank line, its white space
// folded. It stops with clean false at the first line that holds an
// invalid or NUL byte. The lines above that one read the same once the
// bytes are replaced, so a limit error met before it stands.
func readLines(s string, cfg *config) (src *Source, clean bool, err error) {
	// One block a line at most, sized once: appending a block at a time
	// would copy the list again and again on a long text. A text with no
	// \n has its lines ended by \r, or is one line.
	lines := strings.Count(s, "\n")
	if lines == 0 {
		lines = strings.Count(s, "\r")
	}
	src = &Source{Blocks: make([]SourceBlock, 0, min(lines+1, cfg.maxBlocks))}
	lineNo := 0
	nl := -1 // the next \n at or after pos, or len(s) when none is left
	for pos := 0; pos < len(s); {
		// A line ends at \n, \r\n or a lone \r: the \r is looked for
		// only up to the next \n, and the next \n looked for again only
		// once it is passed, so that no line makes the text be searched
		// to its end (lines ended by \r alone would make that quadratic).
		if nl < pos {
			nl = len(s)
			if i := strings.IndexByte(s[pos:], '\n'); i >= 0 {
				nl = pos + i
			}
		}
		end := nl
		var line string
		if i := strings.IndexByte(s[pos:end], '\r'); i >= 0 {
			line, pos = s[pos:pos+i], pos+i+1
			if pos < len(s) && s[pos] == '\n' {
				pos++
			}
		} else {
			line, pos = s[pos:end], end+1
		}
		lineNo++
		if lineNo%cancelEvery == 0 {
			if err := cfg.canceled("reading lines"); err != nil {
				return nil, true, err
			}
		}
		if len(line) > cfg.maxParagraph {
			return nil, true, &LimitError{Limit: "paragraph", Max: int64(cfg.maxParagraph), Where: fmt.Sprintf("line %d", lineNo)}
		}
		text, indent, ok := foldLine(line)
		if !ok {
			return nil, false, nil
		}
		if text == "" {
			continue
		}
		if len(src.Blocks) >= cfg.maxBlocks {
			return nil, true, &LimitError{Limit: "blocks", Max: int64(cfg.maxBlocks), Where: fmt.Sprintf("line %d", lineNo)}
		}
		src.Blocks = append(src.Blocks, SourceBlock{Text: text, Indent: indent, Pos: Pos{Line: lineNo, Offset: -1}})
	}
	return src, true, nil
}

// cancelEvery is how many lines the text reader reads between looks at
// its context: often enough to stop within a millisecond or so, seldom
// enough to cost nothing.
const cancelEvery = 4096

// lineOf is the 1-based number of the line that holds byte off of s, its
// lines ended as readLines ends them (\n, \r\n or a lone \r).
func lineOf(s string, off int) int {
	head := s[:off]
	return strings.Count(head, "\n") + strings.Count(head, "\r") - strings.Count(head, "\r\n") + 1
}

// takeFurniture moves the page furniture lines of a text into src.Page and
// returns their line numbers. Furniture is looked for above the body (up
// to the first paragraph, or a line that startsBody reports: the
// salutation) and, as whole known lines, at the end.
func takeFurniture(src *Source, startsBody func(string) bool) []int {
	page := &reply.Page{}
	var lines []int
	keep := src.Blocks[:0]
	head := true
	n := len(src.Blocks)
	for i, b := range src.Blocks {
		if head && (isParagraphLike(b.Text) || startsBody(b.Text)) {
			head = false
		}
		if head && isFurniture(b.Text, page) || !head && i >= n-6 && isFurnitureLine(b.Text) {
			lines = append(lines, b.Pos.Line)
			continue
		}
		keep = append(keep, b)
	}
	src.Blocks = keep
	src.Page = *page
	return lines
}

// isFurnitureLine reports a whole line that sites print around a notice:
// 「上一篇」, 「关闭窗口」, 「扫一扫在手机打开当前页」.
func isFurnitureLine(line string) bool {
	for _, w := range furnitureLines {
		if line == w {
			return true
		}
	}
	return false
}

// isParagraphLike reports a line that reads as a paragraph of the body
// rather than a title or label: long, or holding a full stop.
func isParagraphLike(s string) bool {
	return longer(s, 100) || indexWide(s, "。") >= 0
}

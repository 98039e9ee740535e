package parse

import (
	"fmt"
	"strings"
	"unicode/utf8"

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
	var replaced *reply.Warning
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		var n, first int
		s, n, first = replaceInvalid(s)
		replaced = &reply.Warning{
			Code:    "replaced-bytes",
			Message: fmt.Sprintf("%d invalid UTF-8 or NUL byte(s) replaced by U+FFFD", n),
			Where:   fmt.Sprintf("line %d", strings.Count(s[:first], "\n")+1),
		}
	}
	// One block a line at most, sized once: appending a block at a time
	// would copy the list again and again on a long text.
	src := &Source{Blocks: make([]Block, 0, min(strings.Count(s, "\n")+1, cfg.maxBlocks))}
	lineNo := 0
	nextCR := strings.IndexByte(s, '\r')
	for pos := 0; pos < len(s); {
		// A line ends at \n, \r\n or a lone \r.
		end := len(s)
		if i := strings.IndexByte(s[pos:], '\n'); i >= 0 {
			end = pos + i
		}
		if nextCR >= 0 && nextCR < pos {
			if nextCR = strings.IndexByte(s[pos:], '\r'); nextCR >= 0 {
				nextCR += pos
			}
		}
		var line string
		if nextCR >= 0 && nextCR < end {
			line, pos = s[pos:nextCR], nextCR+1
			if pos < len(s) && s[pos] == '\n' {
				pos++
			}
		} else {
			line, pos = s[pos:end], end+1
		}
		lineNo++
		if len(line) > cfg.maxParagraph {
			return nil, nil, &LimitError{Limit: "paragraph", Max: int64(cfg.maxParagraph), Where: fmt.Sprintf("line %d", lineNo)}
		}
		text, indent := foldSpace(line)
		if text == "" {
			continue
		}
		if len(src.Blocks) >= cfg.maxBlocks {
			return nil, nil, &LimitError{Limit: "blocks", Max: int64(cfg.maxBlocks), Where: fmt.Sprintf("line %d", lineNo)}
		}
		src.Blocks = append(src.Blocks, Block{Text: text, Indent: indent, Pos: Pos{Line: lineNo, Offset: -1}})
	}
	if len(src.Blocks) == 0 {
		return nil, nil, fmt.Errorf("parse: text of %d bytes holds no text: %w", len(s), ErrEmpty)
	}
	furniture := takeFurniture(src)
	if replaced != nil {
		src.Warnings = append(src.Warnings, *replaced)
	}
	return src, furniture, nil
}

// replaceInvalid returns s with each NUL and each byte that is not part of
// valid UTF-8 replaced by U+FFFD, as the HTML reader does, the number of
// bytes replaced, and the offset in the result of the first replacement.
// No text holds a NUL, and no HTML page can carry one.
func replaceInvalid(s string) (out string, n, first int) {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	first = -1
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0 {
			b.WriteString(s[last:i])
			if first < 0 {
				first = b.Len()
			}
			b.WriteString("\uFFFD")
			n++
			i++
			last = i
			continue
		}
		i += size
	}
	b.WriteString(s[last:])
	return b.String(), n, first
}

// foldSpace folds each run of white space in line (full-width spaces and
// no-break spaces too) to one space and trims it. indent says whether the
// line started with white space. A line with no white space to fold is
// returned as it is, found by a byte scan.
func foldSpace(line string) (text string, indent bool) {
	if !needsFold(line) {
		return line, false
	}
	var b strings.Builder
	b.Grow(len(line))
	space := false
	run := -1 // start of the current run of non-space bytes
	for i := 0; i < len(line); {
		c := line[i]
		size := 1
		sp := false
		switch {
		case c < utf8.RuneSelf:
			sp = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		default:
			var r rune
			r, size = utf8.DecodeRuneInString(line[i:])
			sp = isSpace(r)
		}
		if !sp {
			if run < 0 {
				if space {
					b.WriteByte(' ')
					space = false
				}
				run = i
			}
			i += size
			continue
		}
		if run >= 0 {
			// The bytes as written: an invalid byte stays what it was.
			b.WriteString(line[run:i])
			run = -1
		}
		if i == 0 {
			indent = true
		}
		space = b.Len() > 0
		i += size
	}
	if run >= 0 {
		b.WriteString(line[run:])
	}
	return b.String(), indent
}

// foldLead marks the bytes that may start white space to fold.
var foldLead = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\r', '\v', '\f', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF} {
		t[c] = true
	}
	return t
}()

// needsFold reports whether line holds white space that foldSpace changes:
// any but single ASCII spaces between words.
func needsFold(line string) bool {
	n := len(line)
	for i := 0; i < n; i++ {
		c := line[i]
		if !foldLead[c] {
			continue
		}
		switch c {
		case ' ':
			if i == 0 || i == n-1 || line[i+1] == ' ' {
				return true
			}
		case '\t', '\n', '\r', '\v', '\f':
			return true
		case 0xC2: // U+0085, U+00A0
			if i+1 < n && (line[i+1] == 0xA0 || line[i+1] == 0x85) {
				return true
			}
		case 0xE1: // U+1680
			if i+2 < n && line[i+1] == 0x9A && line[i+2] == 0x80 {
				return true
			}
		case 0xE3: // U+3000
			if i+2 < n && line[i+1] == 0x80 && line[i+2] == 0x80 {
				return true
			}
		case 0xE2: // U+2000 to U+200B, U+2028, U+2029, U+202F, U+205F
			if i+2 < n && (line[i+1] == 0x80 && (line[i+2] >= 0x80 && line[i+2] <= 0x8B || line[i+2] == 0xA8 || line[i+2] == 0xA9 || line[i+2] == 0xAF) ||
				line[i+1] == 0x81 && line[i+2] == 0x9F) {
				return true
			}
		case 0xEF: // U+FEFF
			if i+2 < n && line[i+1] == 0xBB && line[i+2] == 0xBF {
				return true
			}
		}
	}
	return false
}

// takeFurniture moves the page furniture lines of a text into src.Page and
// returns their line numbers. Furniture is looked for above the body (up
// to the salutation or the first paragraph) and, as whole known lines, at
// the end.
func takeFurniture(src *Source) []int {
	page := &reply.Page{}
	var lines []int
	keep := src.Blocks[:0]
	head := true
	n := len(src.Blocks)
	for i, b := range src.Blocks {
		if head && (isParagraphLike(b.Text) || isSalutationLine(b.Text)) {
			head = false
		}
		if head && isFurniture(b.Text, page) || !head && i >= n-6 && isFurnitureLine(b.Text) {
			lines = append(lines, b.Pos.Line)
			continue
		}
		keep = append(keep, b)
	}
	src.Blocks = keep
	if !isZeroPage(page) {
		src.Page = page
	}
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

func isZeroPage(p *reply.Page) bool {
	return p.URL == "" && p.Site == "" && p.Column == "" && len(p.Breadcrumb) == 0 && p.Published == nil &&
		p.Source == "" && p.Author == "" && p.Views == 0 && len(p.Keywords) == 0 && p.Description == ""
}

// isParagraphLike reports a line that reads as a paragraph of the body
// rather than a title or label: long, or holding a full stop.
func isParagraphLike(s string) bool {
	return longer(s, 100) || strings.Contains(s, "。")
}

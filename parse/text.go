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
	furniture := takeFurniture(src)
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
// line started with white space.
func foldSpace(line string) (text string, indent bool) {
	text, indent, _ = foldLine(line)
	return text, indent
}

// foldLine does the work of foldSpace, and reports whether line is clean:
// valid UTF-8 with no NUL. Most lines need no more than a trim (an
// indent of full-width spaces, a space at the end): the white space at
// either end is found by its bytes, and a line whose remaining text holds
// none to fold is returned as a substring of line, in one pass over it.
func foldLine(line string) (text string, indent, clean bool) {
	lead := 0
	for lead < len(line) {
		n := spaceAt(line, lead)
		if n == 0 {
			break
		}
		lead += n
	}
	if lead == len(line) {
		return "", lead > 0, true
	}
	at, clean := scanFold(line, lead)
	if at < 0 && lead == 0 {
		return line, false, clean
	}
	end := len(line)
	for end > lead {
		n := spaceBefore(line, end)
		if n == 0 {
			break
		}
		end -= n
	}
	if at < 0 || at >= end {
		return line[lead:end], lead > 0, clean
	}
	text, indent = foldRuns(line)
	return text, indent, clean
}

// foldRuns does the work of foldSpace on a line with white space to fold
// between its words: it decodes each character.
func foldRuns(line string) (text string, indent bool) {
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

// scanFold returns the offset of the first white space in line at or
// after from that foldSpace changes (any but a single ASCII space between
// words), or -1, and whether line[from:] is clean: valid UTF-8 with no
// NUL. line[from] must not be white space. An inner loop with no call in
// it passes over printable ASCII and the three-byte characters that are
// not white space (CJK text and its punctuation) without a rune decode.
func scanFold(line string, from int) (at int, clean bool) {
	at, clean = -1, true
	n := len(line)
	for i := from; i < n; {
		for i < n {
			// Runs of CJK text, two characters at a time.
			for i+8 <= n && cjkPair(word8(line, i)) {
				i += 6
			}
			if i+8 <= n {
				// One three-byte character, or eight bytes of
				// printable ASCII.
				w := word8(line, i)
				if w&0xC0C000 == 0x808000 {
					// One three-byte character: a CJK one, or CJK
					// punctuation (leads E3 and EF) other than U+3000
					// and U+FEFF.
					c := byte(w)
					if c-0xE4 <= 0xEC-0xE4 || c == 0xE3 && w&0xFFFF00 != 0x808000 || c == 0xEF && w&0xFFFF00 != 0xBFBB00 {
						i += 3
						continue
					}
				}
				if w&0x8080808080808080 == 0 && (w-0x2121212121212121)&^w&0x8080808080808080 == 0 {
					i += 8
					continue
				}
			}
			c := line[i]
			if c > ' ' && c < utf8.RuneSelf {
				i++
				continue
			}
			// A three-byte lead whose second byte may be any
			// continuation byte (E0 and ED limit theirs).
			if c < 0xE1 || c > 0xEF || c == 0xED || i+2 >= n {
				break
			}
			b1, b2 := line[i+1], line[i+2]
			if b1&0xC0 != 0x80 || b2&0xC0 != 0x80 || (c <= 0xE3 || c == 0xEF) && space3(c, b1, b2) {
				break
			}
			i += 3
		}
		if i >= n {
			break
		}
		switch c := line[i]; {
		case c == 0:
			clean = false
			i++
		case c <= ' ':
			if at < 0 && (c != ' ' || i == 0 || i == n-1 || line[i+1] == ' ') && spaceAt(line, i) > 0 {
				at = i
			}
			i++
		default:
			r, size := utf8.DecodeRuneInString(line[i:])
			if r == utf8.RuneError && size == 1 {
				clean = false
			} else if at < 0 && isSpace(r) {
				at = i
			}
			i += size
		}
	}
	return at, clean
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

// isZeroPage reports a page that states nothing.
func isZeroPage(p *reply.Page) bool {
	return p.URL == "" && p.Site == "" && p.Column == "" && len(p.Breadcrumb) == 0 && p.Published == nil &&
		p.Source == "" && p.Author == "" && p.Views == 0 && len(p.Keywords) == 0 && p.Description == ""
}

// isParagraphLike reports a line that reads as a paragraph of the body
// rather than a title or label: long, or holding a full stop.
func isParagraphLike(s string) bool {
	return longer(s, 100) || indexWide(s, "。") >= 0
}

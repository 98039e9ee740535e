package parse

import (
	"strings"
	"unicode/utf8"
)

// isSpace reports white space of any width, as the text reader folds it:
// Unicode's white space (the spaces U+2000 to U+200A, no-break and
// ideographic spaces, line and paragraph separators…), and the zero-width
// space and BOM, which pages scatter in text. The page reader folds the
// same.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u3000', '\u200b', '\ufeff',
		'\u0085', '\u1680', '\u2028', '\u2029', '\u202f', '\u205f':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

// trim trims the white space that isSpace reports, and only that: the
// text kept must match the body once reply.NormalizeWhitespace has
// removed its white space. It is strings.TrimFunc(s, isSpace) by byte
// patterns: most lines start and end with no white space, seen at once.
func trim(s string) string {
	i := leadingSpace(s)
	j := len(s)
	for j > i {
		n := spaceBefore(s, j)
		if n == 0 {
			break
		}
		j -= n
	}
	return s[i:j]
}

// leadingSpace is the length of the white space (as spaceAt reads it)
// that s starts with.
func leadingSpace(s string) int {
	i := 0
	for i < len(s) {
		n := spaceAt(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// spaceAt returns the length in bytes of the white space (as isSpace
// reports it) that starts s[i:], or 0 when s[i:] starts with anything
// else, an invalid byte included. It compares the bytes of the few white
// space characters rather than decoding a rune. i must be within s.
func spaceAt(s string, i int) int {
	switch s[i] {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return 1
	case 0xC2: // U+0085, U+00A0
		if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xA0) {
			return 2
		}
	case 0xE1, 0xE2, 0xE3, 0xEF:
		if i+2 < len(s) && space3(s[i], s[i+1], s[i+2]) {
			return 3
		}
	}
	return 0
}

// space3 reports whether the three bytes c, b1, b2 are white space:
// U+1680, U+2000 to U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 or
// U+FEFF.
func space3(c, b1, b2 byte) bool {
	switch c {
	case 0xE1:
		return b1 == 0x9A && b2 == 0x80
	case 0xE2:
		return b1 == 0x80 && (b2 >= 0x80 && b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) || b1 == 0x81 && b2 == 0x9F
	case 0xE3:
		return b1 == 0x80 && b2 == 0x80
	case 0xEF:
		return b1 == 0xBB && b2 == 0xBF
	}
	return false
}

// spaceBefore returns the length in bytes of the white space that ends
// s[:j], or 0. A white space character's last byte is never the first
// byte of another, so the bytes before j tell, as
// utf8.DecodeLastRuneInString would. j must be within 1 and len(s).
func spaceBefore(s string, j int) int {
	c := s[j-1]
	if c < utf8.RuneSelf {
		return spaceAt(s, j-1)
	}
	if j >= 2 && s[j-2] == 0xC2 && (c == 0x85 || c == 0xA0) {
		return 2
	}
	if j >= 3 && spaceAt(s[:j], j-3) == 3 {
		return 3
	}
	return 0
}

// spaceLead marks the bytes that may start white space: ASCII white
// space, and the lead bytes of the multi-byte white space characters.
var spaceLead = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\r', '\v', '\f', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF} {
		t[c] = true
	}
	return t
}()

// hasSpace reports whether s holds white space (isSpace), by its bytes.
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if spaceLead[s[i]] && spaceAt(s, i) > 0 {
			return true
		}
	}
	return false
}

// stripSpaces returns s without white space.
func stripSpaces(s string) string {
	if !hasSpace(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Byte classes of UTF-8 text, for the loops that read every byte of a
// page's text (countText, lineBuilder.write): one table look-up a byte
// instead of a rune decode.
const (
	clsText  uint8 = iota // ASCII above ' ', or a lead byte that starts no space
	clsCont               // a continuation byte
	clsSpace              // ASCII white space: space, \t, \n, \r, \f, \v
	clsCtrl               // another ASCII control character
	clsMaybe              // a lead byte that may start a multi-byte space (mayBeSpace)
)

// byteClass is the class of each byte; it is never written after init.
var byteClass = func() (t [256]uint8) {
	for i := range t {
		c := byte(i)
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[i] = clsSpace
		case c < ' ':
			t[i] = clsCtrl
		case c < utf8.RuneSelf:
			t[i] = clsText
		case c&0xC0 == 0x80:
			t[i] = clsCont
		case mayBeSpace(c):
			t[i] = clsMaybe
		default:
			t[i] = clsText
		}
	}
	return t
}()

// spaceLen returns the length of the multi-byte white space (as isSpace
// knows it) that starts s[i:], or 0 when none does: spaceAt for the bytes
// that are not ASCII.
func spaceLen(s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return 0
	}
	return spaceAt(s, i)
}

// plainWord reports whether no byte of w can be or start white space: no
// ASCII control or space, and no lead byte 0xC2, 0xE0–0xE3 or 0xEF (0xE0
// only for a cheaper test). Such a word is text from end to end.
//
// Each test is "some lane of v is less than n", (v-n·0x01…)&^v&0x80…, on w
// or on w with a lead byte xored to zero; the four are or-ed into one word
// so that the function stays small enough to be inlined in the loops over
// text.
func plainWord(w uint64) bool {
	e0, c2, ef := w^(laneLo*0xE0), w^(laneLo*0xC2), w^(laneLo*0xEF)
	return ((w-laneLo*0x21)&^w|(e0-laneLo*4)&^e0|(c2-laneLo)&^c2|(ef-laneLo)&^ef)&laneHi == 0
}

// eqMask returns a word with 0x80 in each lane of x that holds c and 0
// elsewhere, exactly (no borrow runs from lane to lane).
func eqMask(x uint64, c byte) uint64 {
	const low7 = 0x7F7F7F7F7F7F7F7F
	t := x ^ (laneLo * uint64(c))
	return ^((t & low7) + low7 | t | low7)
}

// punctWord reports, for a word w = s[i:i+8] that plainWord refused,
// whether none of its bytes is ASCII white space or a control or starts a
// multi-byte space; s must hold s[i:i+10] (a space starting in the last
// lanes ends there). Words of CJK text with its punctuation (、。，：,
// leads 0xE3 and 0xEF) pass without a byte loop; those with a 0xC2, 0xE1
// or 0xE2 lead are left to one.
func punctWord(s string, i int, w uint64) bool {
	c2, e1, e2 := w^(laneLo*0xC2), w^(laneLo*0xE1), w^(laneLo*0xE2)
	if ((w-laneLo*0x21)&^w|(c2-laneLo)&^c2|(e1-laneLo)&^e1|(e2-laneLo)&^e2)&laneHi != 0 {
		return false
	}
	w1, w2 := word8(s, i+1), word8(s, i+2)
	return eqMask(w, 0xE3)&eqMask(w1, 0x80)&eqMask(w2, 0x80)|eqMask(w, 0xEF)&eqMask(w1, 0xBB)&eqMask(w2, 0xBF) == 0
}

// mayBeSpace reports whether a UTF-8 sequence led by c can be one of the
// multi-byte spaces isSpace knows (U+0085, U+00A0, U+1680, U+2000–U+205F,
// U+3000, U+FEFF): CJK text, led by other bytes, is copied undecoded.
func mayBeSpace(c byte) bool { return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF }

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
	lead := leadingSpace(line)
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

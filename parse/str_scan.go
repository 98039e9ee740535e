package parse

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeLen returns the number of characters in s, as
// utf8.RuneCountInString counts them (an invalid byte is one).
func runeLen(s string) int { return countRunes(s, len(s)) }

// countRunes counts the characters of s as runeLen does, but stops once
// it has counted limit of them (it may count a few more): it returns
// runeLen(s) when that is below limit, else a number at least limit and
// at most runeLen(s). Pairs of CJK characters and words of ASCII are
// counted eight bytes at a time, other three-byte characters without a
// rune decode.
func countRunes(s string, limit int) int {
	n := 0
	for i := 0; i < len(s) && n < limit; n++ {
		for i+8 <= len(s) && n < limit && cjkPair(word8(s, i)) {
			i += 6
			n += 2
		}
		if i+8 <= len(s) && word8(s, i)&0x8080808080808080 == 0 {
			i += 8
			n += 7
			continue
		}
		if i >= len(s) || n >= limit {
			break
		}
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// A lead whose second byte may be any continuation byte:
			// E0 and ED limit theirs and take the general path.
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}

// cjkPair reports whether the word w, eight bytes of a string whose
// first starts a character, starts with two characters of U+4000 to
// U+CFFF (CJK ideographs mostly): leads 0xE4 to 0xEC, each followed by
// two continuation bytes. Such characters are valid UTF-8 whatever their
// continuation bytes, and none is white space or punctuation.
func cjkPair(w uint64) bool {
	return w&0x0000C0C000C0C000 == 0x0000808000808000 && byte(w)-0xE4 <= 0xEC-0xE4 && byte(w>>24)-0xE4 <= 0xEC-0xE4
}

// textLonger reports whether s has more than n characters other than
// white space (runeLen(stripSpaces(s)) > n), counting no further than
// n+1 of them.
func textLonger(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	count := 0
	for i := 0; i < len(s); {
		if k := spaceAt(s, i); k > 0 {
			i += k
			continue
		}
		if count++; count > n {
			return true
		}
		i += runeSize(s, i)
	}
	return false
}

// runeSize returns the length of the character that starts s[i:], as
// utf8.DecodeRuneInString reads it (1 for an invalid byte): ASCII and the
// three-byte characters of CJK text without a rune decode.
func runeSize(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		return 1
	}
	if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return 3
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return size
}

// longer reports whether s has more than n characters, counting them only
// when its length in bytes leaves it in doubt.
func longer(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	if len(s) > 4*n {
		return true
	}
	return countRunes(s, n+1) > n
}

// isSentenceEnd reports the marks that end a sentence or a lead clause:
// 。！？；： and their half-width forms. The comma does not.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '：', '!', '?', ';', ':':
		return true
	}
	return false
}

// sentenceEnd returns the offset and length of the first mark in s that
// isSentenceEnd reports, or -1.
func sentenceEnd(s string) (i, size int) { return indexMark(s, false) }

// markLead marks the bytes that may start a mark indexMark looks for.
var markLead = func() (t [256]bool) {
	for _, c := range []byte{'!', '?', ';', ':', ',', 0xE3, 0xEF} {
		t[c] = true
	}
	return t
}()

// indexMark returns the offset and length of the first sentence end in s
// (isSentenceEnd), or of the first comma too when comma is set (isPunct),
// or -1. It compares bytes: each mark's lead byte can only start a
// character, so a match is a character, as a rune decode would find it.
func indexMark(s string, comma bool) (i, size int) {
	for i < len(s) {
		for i+8 <= len(s) && cjkPair(word8(s, i)) {
			i += 6
		}
		if !markLead[s[i]] {
			i++
			continue
		}
		switch s[i] {
		case '!', '?', ';', ':':
			return i, 1
		case ',':
			if comma {
				return i, 1
			}
		case 0xE3: // 。
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
				return i, 3
			}
		case 0xEF: // ！？；： and ，
			if i+2 < len(s) && s[i+1] == 0xBC {
				if c := s[i+2]; c == 0x81 || c == 0x9F || c == 0x9B || c == 0x9A || c == 0x8C && comma {
					return i, 3
				}
			}
		}
		i++
	}
	return -1, 0
}

// indexWide is strings.Index for a substring of two bytes or more, made
// for CJK text: it looks for the last byte of sub, then compares the rest.
// The lead bytes of CJK text are few and each stands everywhere (one
// character in three may start with 0xE5), so that a search for the
// first byte of a Chinese word, as strings.Index makes, would stop at
// nearly every character; the last byte of a character is any of 64.
func indexWide(s, sub string) int {
	n := len(sub)
	if n < 2 {
		return strings.Index(s, sub)
	}
	last := sub[n-1]
	for i := n - 1; i < len(s); {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		j += i
		if start := j - n + 1; s[start] == sub[0] && s[start:j] == sub[:n-1] {
			return start
		}
		i = j + 1
	}
	return -1
}

// isPunct reports the punctuation that a title, heading or office line
// does not end a clause with: commas and sentence ends.
func isPunct(r rune) bool {
	return isSentenceEnd(r) || r == '，' || r == ','
}

// isHan reports a Chinese character. The CJK Unified Ideographs, all of
// them Han, are told without the table search, as is anything below the
// first Han character (U+2E80).
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isDigit reports an ASCII or full-width decimal digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isNumeralRune reports a rune of a Chinese or Arabic numeral.
func isNumeralRune(r rune) bool {
	switch r {
	case '〇', '○', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '两':
		return true
	}
	return isDigit(r)
}

// containsChars is strings.ContainsAny for a few characters, valid UTF-8
// and none of them U+FFFD: one search of s for each of them, rather than
// a look-up of each character of s.
func containsChars(s, chars string) bool {
	for i := 0; i < len(chars); {
		_, n := utf8.DecodeRuneInString(chars[i:])
		if indexWide(s, chars[i:i+n]) >= 0 {
			return true
		}
		i += n
	}
	return false
}

// lastRune returns the last character of s, or utf8.RuneError for "".
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// firstRune returns the first character of s, or utf8.RuneError for "".
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// hasAnyPunct reports whether s holds a comma or a sentence end (isPunct).
func hasAnyPunct(s string) bool {
	i, _ := indexMark(s, true)
	return i >= 0
}

// runeFilter is a set of runes kept as 256 bits, one for each value of a
// rune's low byte: mayHave reports every rune added and some others, at
// the cost of a shift. It tells at once most characters that start none
// of a list of words.
type runeFilter [4]uint64

// firstRunes returns the filter of the first characters of words.
func firstRunes(words ...string) runeFilter {
	var f runeFilter
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		f[r>>6&3] |= 1 << (r & 63)
	}
	return f
}

// mayHave reports whether r may be in the filter; false is certain.
func (f *runeFilter) mayHave(r rune) bool { return f[r>>6&3]>>(r&63)&1 != 0 }

// hasPrefixAny returns the first of prefixes that s starts with.
func hasPrefixAny(s string, prefixes []string) (string, bool) {
	for _, p := range prefixes {
		// The first bytes are compared before the rest is.
		if len(p) <= len(s) && (p == "" || p[0] == s[0]) && s[:len(p)] == p {
			return p, true
		}
	}
	return "", false
}

// hasSuffixAny reports whether s ends with one of suffixes.
func hasSuffixAny(s string, suffixes []string) bool {
	for _, p := range suffixes {
		// The last bytes are compared before the rest is.
		if len(p) <= len(s) && (p == "" || p[len(p)-1] == s[len(s)-1]) && s[len(s)-len(p):] == p {
			return true
		}
	}
	return false
}

// containsAny reports whether s holds one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if indexWide(s, w) >= 0 {
			return true
		}
	}
	return false
}

// indexFirst returns the offset of the first of words to stand in s, and
// that word, or -1. A word is looked for only before the best found so
// far; of two at one offset, the first listed wins.
func indexFirst(s string, words ...string) (int, string) {
	best, which := -1, ""
	for _, w := range words {
		end := len(s)
		if best >= 0 {
			end = min(end, best-1+len(w))
		}
		if end <= 0 {
			continue
		}
		if i := indexWide(s[:end], w); i >= 0 {
			best, which = i, w
		}
	}
	return best, which
}

// lowerASCII lower-cases the ASCII letters of s, copying only when needed.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isWide reports whether r is a CJK character or punctuation, between which
// a line break in the source is no space.
func isWide(r rune) bool {
	return (r >= 0x2E80 && r <= 0x9FFF) || (r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x20000 && r <= 0x3FFFF) || (r >= 0x3000 && r <= 0x303F)
}

// SWAR masks: a byte 0x01 and 0x80 in each lane of a word.
const (
	laneLo = 0x0101010101010101
	laneHi = 0x8080808080808080
)

// word8 loads the 8 bytes at s[i:] (which must hold them) as a word,
// first byte lowest.
func word8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// leadBytes counts the bytes of w that are not UTF-8 continuation bytes.
func leadBytes(w uint64) int {
	return 8 - bits.OnesCount64(w&^(w<<1)&laneHi)
}

// indexDash returns the index of the first - or _ in s, or -1: where a
// class name's words join.
func indexDash(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' || s[i] == '_' {
			return i
		}
	}
	return -1
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

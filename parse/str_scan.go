package parse

import (
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

// trim trims the white space that isSpace reports, and only that: the
// text kept must match the body once reply.NormalizeWhitespace has
// removed its white space. It is strings.TrimFunc(s, isSpace) by byte
// patterns: most lines start and end with no white space, seen at once.
func trim(s string) string {
	i := 0
	for i < len(s) {
		n := spaceAt(s, i)
		if n == 0 {
			break
		}
		i += n
	}
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

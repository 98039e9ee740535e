package reply

import (
	"strings"
	"unicode/utf8"
)

// The GB/T 9704 levels of section markers.
const (
	LevelNone    = 0 // not a section marker
	LevelChinese = 1 // 「一、」
	LevelParenCN = 2 // 「（一）」
	LevelArabic  = 3 // 「1.」「1．」「1、」
	LevelParenAr = 4 // 「（1）」
	LevelCircled = 5 // 「①」
)

// ReadMarker reads a section marker at the start of s, in any mix of
// half-width and full-width punctuation: 「一、」「（一）」「(一)」「(一）」
// 「1.」「1．」「1、」「（1）」「(1)」「①」. It returns the marker as written, its
// level (LevelChinese … LevelCircled) and its number, or level LevelNone
// when s does not start with a marker. 「1.5万」 and 「2017.3」 are numbers,
// not markers.
func ReadMarker(s string) (marker string, level, number int) {
	if s == "" {
		return "", LevelNone, 0
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == '(' || r == '（':
		end := strings.IndexAny(s[size:], ")）")
		if end <= 0 || end > 12 {
			return "", LevelNone, 0
		}
		inner := s[size : size+end]
		_, closeSize := utf8.DecodeRuneInString(s[size+end:])
		m := s[:size+end+closeSize]
		if n, ok := parseDigits([]rune(inner)); ok && n > 0 {
			return m, LevelParenAr, n
		}
		if isChineseNumber(inner) {
			if n, err := ParseNumeral(inner); err == nil && n > 0 {
				return m, LevelParenCN, n
			}
		}
	case r >= '①' && r <= '⑳':
		return s[:size], LevelCircled, int(r-'①') + 1
	case isDigitRune(r):
		i := 0
		for i < len(s) {
			c, sz := utf8.DecodeRuneInString(s[i:])
			if !isDigitRune(c) {
				break
			}
			i += sz
		}
		n, ok := parseDigits([]rune(s[:i]))
		if !ok || n == 0 || i >= len(s) {
			return "", LevelNone, 0
		}
		p, psz := utf8.DecodeRuneInString(s[i:])
		if p != '.' && p != '．' && p != '、' {
			return "", LevelNone, 0
		}
		// 「1.5万」「2017.3」 are numbers: a digit after the dot.
		if next, _ := utf8.DecodeRuneInString(s[i+psz:]); isDigitRune(next) {
			return "", LevelNone, 0
		}
		return s[:i+psz], LevelArabic, n
	default:
		end := strings.Index(s, "、")
		if end <= 0 || end > 12 {
			return "", LevelNone, 0
		}
		inner := s[:end]
		if !isChineseNumber(inner) {
			return "", LevelNone, 0
		}
		if n, err := ParseNumeral(inner); err == nil && n > 0 {
			return s[:end+len("、")], LevelChinese, n
		}
	}
	return "", LevelNone, 0
}

// MarkerLevel returns the level of a section marker as written, or
// LevelNone when marker is not exactly one marker.
func MarkerLevel(marker string) int {
	m, level, _ := ReadMarker(marker)
	if m != marker {
		return LevelNone
	}
	return level
}

// FormatMarker writes the canonical full-width marker of section n at a
// level: (1, 3) is 「三、」, (2, 3) 「（三）」, (3, 3) 「3.」, (4, 3) 「（3）」,
// (5, 3) 「③」. It returns "" for a level it does not know or n < 1.
func FormatMarker(level, n int) string {
	if n < 1 {
		return ""
	}
	switch level {
	case LevelChinese:
		return FormatNumeral(n) + "、"
	case LevelParenCN:
		return "（" + FormatNumeral(n) + "）"
	case LevelArabic:
		return itoa(n) + "."
	case LevelParenAr:
		return "（" + itoa(n) + "）"
	case LevelCircled:
		if n <= 20 {
			return string(rune('①' + n - 1))
		}
	}
	return ""
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return string(buf[i:])
}

func isDigitRune(r rune) bool {
	_, ok := digitValue(r)
	return ok
}

// isChineseNumber reports whether s holds only Chinese numeral characters.
func isChineseNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if _, ok := chineseDigits[r]; ok {
			continue
		}
		if _, ok := chineseUnits[r]; ok {
			continue
		}
		if r == '廿' || r == '卅' || r == '万' {
			continue
		}
		return false
	}
	return true
}

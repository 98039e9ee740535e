package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeLen returns the number of characters in s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }

// longer reports whether s has more than n characters, counting them only
// when its length in bytes leaves it in doubt.
func longer(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	if len(s) > 4*n {
		return true
	}
	return runeLen(s) > n
}

// trim trims the white space that isSpace reports, and only that: the
// text kept must match the body once reply.NormalizeWhitespace has
// removed its white space.
func trim(s string) string { return strings.TrimFunc(s, isSpace) }

// isSpace reports white space of any width, as the text reader folds it:
// Unicode's white space (the spaces U+2000 to U+200A, no-break and
// ideographic spaces, line and paragraph separators…), and the zero-width
// space and BOM, which pages scatter in text. It is the page reader's
// isWS.
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

// isPunct reports the punctuation that a title, heading or office line
// does not end a clause with: commas and sentence ends.
func isPunct(r rune) bool {
	return isSentenceEnd(r) || r == '，' || r == ','
}

// isHan reports a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isDigit reports an ASCII or full-width decimal digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isNumeralRune reports a rune of a Chinese or Arabic numeral.
func isNumeralRune(r rune) bool {
	if isDigit(r) {
		return true
	}
	return strings.ContainsRune("〇○零一二三四五六七八九十百两", r)
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

// hasAnyPunct reports whether s holds a comma or a sentence end.
func hasAnyPunct(s string) bool {
	for _, r := range s {
		if isPunct(r) {
			return true
		}
	}
	return false
}

// stripSpaces returns s without white space.
func stripSpaces(s string) string {
	if !strings.ContainsFunc(s, isSpace) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// hasPrefixAny returns the first of prefixes that s starts with.
func hasPrefixAny(s string, prefixes []string) (string, bool) {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return p, true
		}
	}
	return "", false
}

// hasSuffixAny reports whether s ends with one of suffixes.
func hasSuffixAny(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// containsAny reports whether s holds one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// matchSpaced matches label at the start of s, allowing white space
// between its characters (「联 系 人」「索 引 号」), and returns the byte length
// matched, or -1.
func matchSpaced(s, label string) int {
	i := 0
	for j, lr := range label {
		if j > 0 {
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				if !isSpace(r) {
					break
				}
				i += size
			}
		}
		if i >= len(s) {
			return -1
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != lr && traditional(r) != lr {
			return -1
		}
		i += size
	}
	return i
}

// traditional maps the traditional forms of the few characters that end
// matter labels use to their simplified forms.
func traditional(r rune) rune {
	switch r {
	case '聯':
		return '联'
	case '繫', '係':
		return '系'
	case '電':
		return '电'
	case '話':
		return '话'
	case '單':
		return '单'
	case '報':
		return '报'
	case '類':
		return '类'
	case '別':
		return '别'
	case '復':
		return '复'
	case '辦':
		return '办'
	case '號':
		return '号'
	case '題':
		return '题'
	case '稱':
		return '称'
	case '構':
		return '构'
	case '關':
		return '关'
	case '發':
		return '发'
	case '簽':
		return '签'
	}
	return r
}

// cutColonSpaced cuts a colon, and spaces around it, from the start of s.
func cutColonSpaced(s string) (string, bool) {
	t := strings.TrimLeftFunc(s, isSpace)
	for _, c := range []string{":", "：", "∶"} {
		if rest, ok := strings.CutPrefix(t, c); ok {
			return strings.TrimLeftFunc(rest, isSpace), true
		}
	}
	return s, false
}

// trimValue trims the separators that surround a labelled value.
func trimValue(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return isSpace(r) || strings.ContainsRune("|｜•·;；,，、", r)
	})
}

// label is one known label of a labelled line, and the field it states.
type label struct {
	text string
	kind labelKind
}

// labelKind says what a labelled value is.
type labelKind uint8

const (
	lkNone labelKind = iota
	lkIndex
	lkOffice
	lkTitle
	lkDocNumber
	lkDate
	lkPublished
	lkSigner
	lkCategory
	lkUnit
	lkPerson
	lkPhone
	lkPersonPhone
	lkCC
	lkAttachments
)

// segment is one label and its value in a labelled line.
type segment struct {
	kind  labelKind
	label string
	value string
}

// scanLabels reads a line made of labels and values, such as 「索引号:
// 0000/2021 发布机构: 某局」 or 「联 系 人:张 雷 联系电话:56155520」. The line
// must start with a label; later labels must follow white space, a bar or
// a separator. When colon is true every label must be followed by a colon.
// It returns nil when the line does not start with a label.
func scanLabels(line string, labels []label, colon bool) []segment {
	s := strings.TrimLeftFunc(line, func(r rune) bool { return isSpace(r) || r == '|' || r == '｜' || r == '•' })
	var segs []segment
	start := -1 // start of the current value
	i := 0
	prevSep := true
	for i < len(s) {
		if prevSep {
			if l, n, ok := matchLabel(s[i:], labels, colon); ok {
				if len(segs) > 0 {
					segs[len(segs)-1].value = trimValue(s[start:i])
				}
				segs = append(segs, segment{kind: l.kind, label: l.text})
				i += n
				start = i
				prevSep = true
				continue
			}
			if len(segs) == 0 {
				return nil
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		prevSep = isSpace(r) || strings.ContainsRune("|｜;；,，", r)
		i += size
	}
	if len(segs) > 0 {
		segs[len(segs)-1].value = trimValue(s[start:])
	}
	return segs
}

// matchLabel matches one of labels, spaced or not, at the start of s, with
// the colon after it when colon is set (or when the label is followed by
// one). It returns the byte length matched, colon included.
func matchLabel(s string, labels []label, colon bool) (label, int, bool) {
	for _, l := range labels {
		n := matchSpaced(s, l.text)
		if n < 0 {
			continue
		}
		if rest, ok := cutColonSpaced(s[n:]); ok {
			return l, len(s) - len(rest), true
		}
		if colon {
			continue
		}
		return l, n, true
	}
	return label{}, 0, false
}

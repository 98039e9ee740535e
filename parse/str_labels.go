package parse

import (
	"strings"
	"unicode/utf8"
)

// matchSpaced matches label at the start of s, allowing white space and
// pinyin annotations between its characters (「联 系 人」「索 引 号」,
// 「標(biāo) 題」), and returns the byte length matched, or -1.
func matchSpaced(s, label string) int {
	i := 0
	for j, lr := range label {
		if j > 0 {
			// White space, and a pinyin annotation (「標(biāo) 題」).
			for i < len(s) {
				if n := pinyinAt(s, i); n > 0 {
					i += n
					continue
				}
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
	case '標':
		return '标'
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

// The kinds of labelled values: none, then the field each states.
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
	lkProposers // 领衔代表, 附议代表: who made the proposal answered
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
		prevSep = isLabelSep(r)
		i += size
	}
	if len(segs) > 0 {
		segs[len(segs)-1].value = trimValue(s[start:])
	}
	return segs
}

// isLabelSep reports the characters after which a label may start in a
// labelled line: white space, bars and separators.
func isLabelSep(r rune) bool {
	switch r {
	case '|', '｜', ';', '；', ',', '，':
		return true
	}
	return isSpace(r)
}

// matchLabel matches one of labels, spaced or not, at the start of s, with
// the colon after it when colon is set (or when the label is followed by
// one). It returns the byte length matched, colon included.
func matchLabel(s string, labels []label, colon bool) (label, int, bool) {
	// A label whose first character is not s's (nor, for a traditional
	// form, its simplified one) is passed over at once.
	if s == "" {
		return label{}, 0, false
	}
	r, size := utf8.DecodeRuneInString(s)
	plain := traditional(r) == r
	for _, l := range labels {
		if plain && (l.text[0] != s[0] || len(l.text) < size || l.text[:size] != s[:size]) {
			continue
		}
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

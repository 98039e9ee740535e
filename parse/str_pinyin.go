package parse

import (
	"strings"
	"unicode/utf8"
)

// Some mirrors of government pages (served in traditional characters)
// insert the pinyin of a character after it: 「答復(fù)如下」, 「韓忠國(guó)」,
// 「第37號(hào)」. The text keeps them as written; the readers of facts —
// labels, kind phrases, names, numbers and sessions — read past them.

// pinyinLetters are the letters of pinyin, tone marks included.
const pinyinLetters = "abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"

// maxPinyinRunes is the longest syllable read as an annotation.
const maxPinyinRunes = 7

// pinyinAt returns the length of a pinyin annotation 「(guó)」 that starts
// s[i:], or 0. It must follow a Han character.
func pinyinAt(s string, i int) int {
	if i >= len(s) || s[i] != '(' || i == 0 {
		return 0
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); !isHan(r) {
		return 0
	}
	n := 0
	for j := i + 1; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		if r == ')' {
			if n == 0 {
				return 0
			}
			return j + 1 - i
		}
		if n++; n > maxPinyinRunes || !strings.ContainsRune(pinyinLetters, r) {
			return 0
		}
		j += size
	}
	return 0
}

// dropPinyin returns s without its pinyin annotations.
func dropPinyin(s string) string {
	i := strings.IndexByte(s, '(')
	if i < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for ; i >= 0 && i < len(s); i = indexByteFrom(s, '(', i+1) {
		if n := pinyinAt(s, i); n > 0 {
			b.WriteString(s[last:i])
			last = i + n
			i += n - 1
		}
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// indexByteFrom is strings.IndexByte from offset from on, or -1.
func indexByteFrom(s string, c byte, from int) int {
	if from >= len(s) {
		return -1
	}
	if j := strings.IndexByte(s[from:], c); j >= 0 {
		return from + j
	}
	return -1
}

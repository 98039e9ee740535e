package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// refCountText is countText written rune by rune: the definition the byte
// table and word-at-a-time version must keep.
func refCountText(s string) int {
	c := 0
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b < utf8.RuneSelf:
			if b > ' ' {
				c++
			}
			i++
		case mayBeSpace(b):
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isSpace(r) {
				c++
			}
			i += size
		case b&0xC0 == 0x80:
			i++
		default:
			c++
			i++
		}
	}
	return c
}

// refLine folds s as lineBuilder.write defines it, rune by rune: the text,
// and whether a full-width or no-break space led it.
func refLine(parts []string) (string, int) {
	var b strings.Builder
	runes, lead := 0, 0
	var last rune
	space, newline, hard := false, false, false
	for _, s := range parts {
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if size == 1 && r == utf8.RuneError {
				r = rune(s[i]) | 0x10000000 // a bad byte: text, kept as it is
			}
			switch {
			case r == ' ' || r == '\t' || r == '\v':
				space = true
			case r == '\n' || r == '\r' || r == '\f':
				newline = true
			case r < 0x10000000 && isSpace(r):
				hard = true
				if runes == 0 && (r == 0x3000 || r == 0xA0) {
					lead++
				}
			default:
				first := r
				if first >= 0x10000000 {
					first = utf8.RuneError
				}
				if runes > 0 && (hard || space || newline && !(isWide(last) && isWide(first))) {
					b.WriteByte(' ')
				}
				space, newline, hard = false, false, false
				b.WriteString(s[i : i+size])
				runes += size
				last = first
			}
			i += size
		}
	}
	return b.String(), lead
}

// textSamples are strings that test every class of byte: ASCII text,
// spaces and controls, CJK text and punctuation, each multi-byte space,
// near misses of them, and bad bytes.
var textSamples = []string{
	"", " ", "a", "　　你们在县政协十届一次会议上提出的提案收悉。", "一、基本情况\n二、问题",
	"涂轶、李勇委员:", "\u00a0\u00a0正文", "a\u2000b\u200bc\u2028d\u2029e\u202ff\u205fg\u1680h\ufeffi\u0085j",
	"\u2010\u2030\u3001\u3002\ufeff\uff0c\u00a9\u00c2", "x\x01y\x7fz", "\xe3\x80", "\xe3\x80\x80", "\xe2\x80",
	"中\n文", "中\nab", "ab\n中", "a  b\t\tc", "full\u3000width", "\xff\xfe bad \xc2", "\xe3\x81\x80\xe3\x80\x81",
	strings.Repeat("关于加强新型农村社区建设工作的建议，", 20), strings.Repeat("ab ", 30),
}

// randomText builds a string of n pieces drawn from textSamples' runes
// and bad bytes.
func randomText(rng *rand.Rand, n int) string {
	pieces := []string{"a", "Z", " ", "\t", "\n", "\r", "\x00", "\x1f", "中", "文", "，", "。", "、", "「", "　",
		"\u00a0", "\u0085", "\u1680", "\u2000", "\u200a", "\u200b", "\u200c", "\u2028", "\u202f", "\u205f",
		"\ufeff", "\ufeff"[:2], "\xe3", "\x80", "\xc2", "\xef\xbb", "ё", "😀", "\u0800", "\u3000"[:2]}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// TestCountTextMatchesRunes checks countText against its rune-by-rune
// definition on samples and random text.
func TestCountTextMatchesRunes(t *testing.T) {
	for _, s := range textSamples {
		assert.Equal(t, refCountText(s), countText(s), "%q", s)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 3000 {
		s := randomText(rng, rng.IntN(60))
		require.Equal(t, refCountText(s), countText(s), "%q", s)
	}
	assert.Equal(t, 4, countText("中 文\u3000a\u00a0b"))
}

// TestLineBuilderMatchesRunes checks lineBuilder against its rune-by-rune
// definition, over one text node and several, aliased or copied.
func TestLineBuilderMatchesRunes(t *testing.T) {
	check := func(parts []string) {
		t.Helper()
		var lb lineBuilder
		for _, p := range parts {
			lb.write(p, blockStyle{}, 0)
		}
		want, lead := refLine(parts)
		require.Equal(t, want, lb.String(), "%q", parts)
		require.Equal(t, len(want), lb.Len(), "%q", parts)
		require.Equal(t, lead, lb.leadIndent, "%q", parts)
	}
	for _, s := range textSamples {
		check([]string{s})
		check([]string{s, s})
		check([]string{"前", s, "后"})
	}
	rng := rand.New(rand.NewPCG(8, 8))
	for range 3000 {
		parts := make([]string, 1+rng.IntN(3))
		for i := range parts {
			parts[i] = randomText(rng, rng.IntN(40))
		}
		check(parts)
	}
}

// TestLineBuilderAliases checks that a line that is one stretch of one
// text node is not copied, and that a second node copies it.
func TestLineBuilderAliases(t *testing.T) {
	src := "　　你们的提案收悉。 现将有关情况答复如下：\n"
	var lb lineBuilder
	lb.write(src, blockStyle{}, 0)
	assert.True(t, lb.aliased)
	assert.Equal(t, "你们的提案收悉。 现将有关情况答复如下：", lb.String())
	assert.Equal(t, 0, lb.b.Len())
	assert.Equal(t, 2, lb.leadIndent)
	lb.write("谢谢。", blockStyle{}, len(src))
	assert.False(t, lb.aliased)
	assert.Equal(t, "你们的提案收悉。 现将有关情况答复如下：谢谢。", lb.String())
}

// FuzzTextScan checks countText, lineBuilder and validUTF8, and the text
// reader's byte-level helpers (checkFastPaths), against their
// rune-by-rune definitions on any bytes.
func FuzzTextScan(f *testing.F) {
	for _, s := range textSamples {
		f.Add(s, "中")
	}
	for _, s := range []string{"一是加强，二是落实。", "\u3000\u3000首先，完善机制。 ", "[2021]第12号", "“”《》"} {
		f.Add(s, "一是")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		checkFastPaths(t, a)
		checkFastPaths(t, a+b)
		require.Equal(t, strings.Index(a, b), indexWide(a, b), "indexWide(%q, %q)", a, b)
		if utf8.ValidString(b) && !strings.ContainsRune(b, utf8.RuneError) {
			require.Equal(t, strings.ContainsAny(a, b), containsChars(a, b), "containsChars(%q, %q)", a, b)
		}
		require.Equal(t, refCountText(a), countText(a))
		valid, _ := validUTF8([]byte(a + b))
		require.Equal(t, utf8.Valid([]byte(a+b)), valid)
		var lb lineBuilder
		lb.write(a, blockStyle{}, 0)
		lb.write(b, blockStyle{}, len(a))
		want, lead := refLine([]string{a, b})
		require.Equal(t, want, lb.String())
		require.Equal(t, lead, lb.leadIndent)
	})
}

// TestRuneSet checks the bit set that textScore looks common characters up in.
func TestRuneSet(t *testing.T) {
	set := newRuneSet([]rune{100, 163, 164, 300})
	for r, want := range map[rune]bool{99: false, 100: true, 101: false, 163: true, 164: true, 299: false, 300: true, 301: false, 100000: false, -5: false} {
		assert.Equal(t, want, set.has(r), "rune %d", r)
	}
	assert.False(t, runeSet{}.has('的'))
	assert.True(t, commonHan.has('的'))
	assert.True(t, commonHan.has('們'))
	assert.False(t, commonHan.has('龘'))
	assert.False(t, commonHan.has('a'))
}

// TestValidUTF8 checks validUTF8 against utf8.Valid on samples, random
// text and random bytes.
func TestValidUTF8(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		valid, wide := validUTF8(b)
		require.Equal(t, utf8.Valid(b), valid, "%q", b)
		if valid {
			require.Equal(t, strings.ContainsFunc(string(b), func(r rune) bool { return r >= utf8.RuneSelf }), wide, "%q", b)
		}
	}
	for _, s := range textSamples {
		check([]byte(s))
	}
	for _, s := range []string{"\xed\xa0\x80", "\xe0\x80\x80", "\xe0\xa0\x80", "\xef\xbf\xbd", "\xf0\x9f\x98\x80", "\xf4\x90\x80\x80", "abcdefgh\xe4\xb8", "abcdefgh中"} {
		check([]byte(s))
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 5000 {
		s := []byte(randomText(rng, rng.IntN(40)))
		check(s)
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		check(b)
	}
}

// TestIsHiddenStyle checks the one-sweep reading of an inline style: the
// first display and the first visibility declaration count.
func TestIsHiddenStyle(t *testing.T) {
	for style, want := range map[string]bool{
		"display:none":                    true,
		" DISPLAY : None !important ;":    true,
		"display:block;display:none":      false,
		"color:red; visibility: hidden":   true,
		"visibility:visible;display:none": true,
		"visibility:hidden;display:block": true,
		"text-indent: 2em;":               false,
		"display":                         false,
		"":                                false,
	} {
		n := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P, Attr: []html.Attribute{{Key: "style", Val: style}}}
		assert.Equal(t, want, isHidden(n), "%q", style)
	}
}

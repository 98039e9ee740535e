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

// countDefinition is what countText gives on valid UTF-8: the characters
// that are neither white space nor ASCII controls.
func countDefinition(s string) int {
	return utf8.RuneCountInString(strings.Map(func(r rune) rune {
		if r <= ' ' || isSpace(r) {
			return -1
		}
		return r
	}, s))
}

// lineDefinition is what lineBuilder gives on parts of valid UTF-8 with
// no line break: their text with its runs of white space folded to one
// space and trimmed, and the full-width and no-break spaces before the
// first character.
func lineDefinition(parts []string) (string, int) {
	s := strings.Join(parts, "")
	lead := s[:len(s)-len(strings.TrimLeftFunc(s, isSpace))]
	return strings.Join(strings.FieldsFunc(s, isSpace), " "), strings.Count(lead, "\u3000") + strings.Count(lead, "\u00a0")
}

// lineDefined reports whether lineDefinition defines the line of parts.
func lineDefined(parts []string) bool {
	for _, p := range parts {
		if !utf8.ValidString(p) || strings.ContainsAny(p, "\n\r\f") {
			return false
		}
	}
	return true
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

// TestCountText checks countText against its definition on samples and
// random text, and on invalid bytes: a continuation byte is part of a
// character, any other byte starts one.
func TestCountText(t *testing.T) {
	for _, s := range textSamples {
		if utf8.ValidString(s) {
			assert.Equal(t, countDefinition(s), countText(s), "%q", s)
		}
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 3000 {
		s := strings.ToValidUTF8(randomText(rng, rng.IntN(60)), "\uFFFD")
		require.Equal(t, countDefinition(s), countText(s), "%q", s)
	}
	for s, want := range map[string]int{
		"中 文\u3000a\u00a0b": 4,
		"\xff\xfe bad \xc2": 6,
		"\xe3\x80":          1,
		"中\x80文":            2,
		"x\x01y\x7fz":       4, // DEL is no control here
	} {
		assert.Equal(t, want, countText(s), "%q", s)
	}
}

// TestLineBuilder checks lineBuilder against its definition, over one
// text node and several, aliased or copied, and a line break by its
// neighbours: none between two CJK characters, a space elsewhere.
func TestLineBuilder(t *testing.T) {
	check := func(parts []string) {
		t.Helper()
		var lb lineBuilder
		for _, p := range parts {
			lb.write(p, blockStyle{}, 0)
		}
		want, lead := lineDefinition(parts)
		require.Equal(t, want, lb.String(), "%q", parts)
		require.Equal(t, len(want), lb.Len(), "%q", parts)
		require.Equal(t, lead, lb.leadIndent, "%q", parts)
	}
	for _, s := range textSamples {
		for _, parts := range [][]string{{s}, {s, s}, {"前", s, "后"}} {
			if lineDefined(parts) {
				check(parts)
			}
		}
	}
	rng := rand.New(rand.NewPCG(8, 8))
	for range 3000 {
		parts := make([]string, 1+rng.IntN(3))
		for i := range parts {
			parts[i] = strings.ToValidUTF8(strings.NewReplacer("\n", "", "\r", "").Replace(randomText(rng, rng.IntN(40))), "\uFFFD")
		}
		check(parts)
	}
	for _, tt := range []struct {
		parts []string
		want  string
	}{
		{[]string{"中\n文"}, "中文"},
		{[]string{"中\r\n\f文"}, "中文"},
		{[]string{"中\n", "文"}, "中文"},
		{[]string{"中，\n「文」"}, "中，「文」"},
		{[]string{"中\nab"}, "中 ab"},
		{[]string{"ab\n中"}, "ab 中"},
		{[]string{"中 \n文"}, "中 文"},
		{[]string{"中\u3000\n文"}, "中 文"},
		{[]string{"\n中\n"}, "中"},
		{[]string{"\xff\n\xfe"}, "\xff \xfe"},
	} {
		var lb lineBuilder
		for _, p := range tt.parts {
			lb.write(p, blockStyle{}, 0)
		}
		assert.Equal(t, tt.want, lb.String(), "%q", tt.parts)
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

// FuzzTextScan checks countText and lineBuilder, and the text
// reader's byte-level helpers (checkFastPaths), against their
// definitions on any bytes.
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
		if utf8.ValidString(a) {
			require.Equal(t, countDefinition(a), countText(a), "countText(%q)", a)
		}
		var lb lineBuilder
		lb.write(a, blockStyle{}, 0)
		lb.write(b, blockStyle{}, len(a))
		if lineDefined([]string{a, b}) {
			want, lead := lineDefinition([]string{a, b})
			require.Equal(t, want, lb.String(), "lineBuilder %q %q", a, b)
			require.Equal(t, lead, lb.leadIndent, "lineBuilder %q %q", a, b)
		}
	})
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

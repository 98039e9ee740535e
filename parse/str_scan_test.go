package parse

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// cjkPieces are the pieces of the random texts here: CJK characters of
// every lead byte the fast paths pass over (E4 to EC) and of the leads
// they leave to a rune decode (E0, E1, E2, ED, EE, EF), the marks and
// markers the structure reader looks for, white space of every kind,
// near misses of it, and bad bytes.
var cjkPieces = []string{
	"一", "是", "要", "首", "先", "二是", "三是", "其次", "最后", "一是", "一要", "首先", "中", "国", "\u4000", "\u4dc0",
	"\ua000", "\uac00", "\ucfff", "\ue000", "\u0800", "\u1000", "\u2010", "\ud7ff", "\uff01", "\uff0c", "\uff1a", "\uff1b",
	"\uff1f", "\uffe5", "\ufffd", "。", "、", "“", "”", "《", "》", "「", "」", "〔", "〕", "【", "】", "［", "（", "）",
	"a", "1", "!", "?", ";", ":", ",", "(", "[", "\"", " ", "  ", "\t", "\v", "\f", "\x00", "\x01", "\u3000", "\u00a0",
	"\u0085", "\u1680", "\u2000", "\u200a", "\u200b", "\u200c", "\u2028", "\u2029", "\u202f", "\u205f", "\ufeff",
	"\u3001", "\u3002", "\ufeff"[:2], "\u3000"[:2], "\xe4", "\xe4\xb8", "\x80", "\xbf", "\xc2", "\xed\xa0\x80",
	"\xe0\x80\x80", "\xf0\x9f\x98\x80", "😀", "\xff", "届", "屆", "號", "号", "第", "我", "您", "你",
}

// cjkText builds a string of n pieces of cjkPieces.
func cjkText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(cjkPieces[rng.IntN(len(cjkPieces))])
	}
	return b.String()
}

// fastPathSamples returns the samples the differential tests read: the
// shared samples, the texts of the fixtures and random text.
func fastPathSamples(t *testing.T, n int) []string {
	t.Helper()
	samples := append([]string{}, textSamples...)
	for _, name := range []string{"seed", "header_block", "info_disclosure"} {
		seed := string(fixture(t, name))
		samples = append(samples, seed)
		samples = append(samples, splitLines(seed)...)
	}
	rng := rand.New(rand.NewPCG(3, 11))
	for range n {
		samples = append(samples, cjkText(rng, rng.IntN(40)), randomText(rng, rng.IntN(30)))
	}
	return samples
}

// checkFastPaths holds each byte-level helper equal to its definition on s.
func checkFastPaths(t *testing.T, s string) {
	t.Helper()
	wantText, wantIndent := foldDefinition(s)
	gotText, gotIndent, clean := foldLine(s)
	require.Equal(t, wantText, gotText, "foldSpace %q", s)
	require.Equal(t, wantIndent, gotIndent, "foldSpace indent %q", s)
	require.Equal(t, utf8.ValidString(s) && strings.IndexByte(s, 0) < 0, clean, "clean %q", s)
	require.Equal(t, strings.TrimFunc(s, isSpace), trim(s), "trim %q", s)
	require.Equal(t, strings.ContainsFunc(s, isSpace), hasSpace(s), "hasSpace %q", s)
	n := utf8.RuneCountInString(s)
	require.Equal(t, n, runeLen(s), "runeLen %q", s)
	for _, k := range []int{0, 1, 2, 7, 8, 30, max(n-1, 0), n} {
		require.Equal(t, n > k, longer(s, k), "longer(%q, %d)", s, k)
		require.Equal(t, utf8.RuneCountInString(stripSpaces(s)) > k, textLonger(s, k), "textLonger(%q, %d)", s, k)
		if c := countRunes(s, k); n < k {
			require.Equal(t, n, c, "countRunes(%q, %d)", s, k)
		} else {
			require.True(t, c >= k && c <= n, "countRunes(%q, %d) = %d", s, k, c)
		}
	}
	for _, comma := range []bool{false, true} {
		wi, ws := strings.IndexFunc(s, func(r rune) bool { return isSentenceEnd(r) || comma && isPunct(r) }), 0
		if wi >= 0 {
			_, ws = utf8.DecodeRuneInString(s[wi:])
		}
		gi, gs := indexMark(s, comma)
		require.Equal(t, [2]int{wi, ws}, [2]int{gi, gs}, "indexMark(%q, %v)", s, comma)
	}
	require.Equal(t, strings.ContainsAny(s, "“”《》\"、"), containsChars(s, "“”《》\"、"), "containsChars %q", s)
	i, m := indexFirst(s, ":", "：")
	require.Equal(t, strings.IndexAny(s, ":："), i, "indexFirst %q", s)
	if i >= 0 {
		require.True(t, strings.HasPrefix(s[i:], m))
	}
	for _, sub := range []string{"一是", "首先", "一", "：", "a", "\x80"} {
		require.Equal(t, strings.Index(s, sub), indexWide(s, sub), "indexWide(%q, %q)", s, sub)
	}
	for _, words := range [][]string{closingCues, orgSuffixes, replyEndings, {"", "a"}, {"\x80", "一是"}} {
		want, wantOK := "", false
		for _, w := range words {
			if strings.HasPrefix(s, w) {
				want, wantOK = w, true
				break
			}
		}
		got, ok := hasPrefixAny(s, words)
		require.Equal(t, [2]any{want, wantOK}, [2]any{got, ok}, "hasPrefixAny(%q, %q)", s, words)
		require.Equal(t, slices.ContainsFunc(words, func(w string) bool { return strings.HasSuffix(s, w) }), hasSuffixAny(s, words),
			"hasSuffixAny(%q, %q)", s, words)
	}
}

// TestFastPathsMatchRunes checks every byte-level helper of the text
// reader against its rune-by-rune definition.
func TestFastPathsMatchRunes(t *testing.T) {
	for _, s := range fastPathSamples(t, 3000) {
		checkFastPaths(t, s)
	}
}

// TestRuneClasses holds isHan to the Han table and isNumeralRune to its
// list, for every character (numerals: the BMP).
func TestRuneClasses(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		require.Equal(t, unicode.Is(unicode.Han, r), isHan(r), "%U", r)
		if r < 0x10000 {
			require.Equal(t, strings.ContainsRune("〇○零一二三四五六七八九十百两", r) || isDigit(r), isNumeralRune(r), "%U", r)
		}
	}
	assert.True(t, isDigit('９'))
	assert.False(t, isNumeralRune('千'))
}

// TestRuneFilter checks that a filter has every first character of its
// words and tells most others at once.
func TestRuneFilter(t *testing.T) {
	words := []string{"发布时间", "来源", "[", "打印", "\u00a0x"}
	f := firstRunes(words...)
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		assert.True(t, f.mayHave(r), "%q", w)
	}
	misses := 0
	for _, r := range "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉" {
		if !f.mayHave(r) {
			misses++
		}
	}
	assert.Greater(t, misses, 15)
	for _, fl := range furnitureLabels {
		r, _ := utf8.DecodeRuneInString(fl.label)
		assert.True(t, furnitureLabelStarts.mayHave(r), fl.label)
	}
	for _, w := range furnitureWidgets {
		r, _ := utf8.DecodeRuneInString(w)
		assert.True(t, furnitureWidgetStarts.mayHave(r), w)
	}
}

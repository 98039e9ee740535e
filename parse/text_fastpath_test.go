package parse

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The text reader's byte-level helpers each stand for a one-line
// definition by the standard library, written out here: the tests hold
// them equal on samples, random text and (FuzzTextScan) any bytes.

// foldDefinition is what foldSpace gives: the line's runs of white space
// folded to one space and trimmed, and whether white space led it.
func foldDefinition(line string) (string, bool) {
	return strings.Join(strings.FieldsFunc(line, isSpace), " "), strings.IndexFunc(line, isSpace) == 0
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
	for _, name := range []string{"seed.txt", "header_block.txt", "info_disclosure.txt"} {
		seed := readFixture(t, name)
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

// TestFoldSpaceFastPath checks the lines foldSpace only trims, and those
// it folds, against its definition, with every white space character
// at the start, inside and at the end.
func TestFoldSpaceFastPath(t *testing.T) {
	spaces := []string{" ", "  ", "\t", "\u3000", "\u3000\u3000", "\u00a0", "\u0085", "\u1680", "\u2000", "\u2005",
		"\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\ufeff", " \u3000 "}
	for _, sp := range spaces {
		for _, line := range []string{sp + "正文", "正文" + sp, sp + "正文" + sp, sp + "甲" + sp + "乙" + sp,
			"甲" + sp + "乙", "甲 乙" + sp, sp + "甲 乙", sp, sp + "\xff" + sp, "\xe3\x80" + sp} {
			want, wantIndent := foldDefinition(line)
			got, indent := foldSpace(line)
			assert.Equal(t, want, got, "%q", line)
			assert.Equal(t, wantIndent, indent, "%q", line)
		}
	}
	// A trimmed line is a substring of the line: nothing is copied.
	line := "\u3000\u3000你们在县政协十届一次会议上提出的提案收悉。 "
	got, indent := foldSpace(line)
	assert.Equal(t, "你们在县政协十届一次会议上提出的提案收悉。", got)
	assert.True(t, indent)
	assert.Equal(t, 0, strings.Index(line[len("\u3000\u3000"):], got))
	assert.Equal(t, 0.0, testing.AllocsPerRun(10, func() { foldSpace(line) }))
}

// TestSpaceBytesMatchDecode checks spaceAt and spaceBefore, which read
// white space by its bytes, against a rune decode, for every character
// and for bytes around the multi-byte spaces.
func TestSpaceBytesMatchDecode(t *testing.T) {
	check := func(s string) {
		t.Helper()
		r, size := utf8.DecodeRuneInString(s)
		want := 0
		if isSpace(r) {
			want = size
		}
		require.Equal(t, want, spaceAt(s, 0), "spaceAt %q", s)
		r, size = utf8.DecodeLastRuneInString(s)
		want = 0
		if isSpace(r) {
			want = size
		}
		require.Equal(t, want, spaceBefore(s, len(s)), "spaceBefore %q", s)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		check(string(r))
		require.Equal(t, isSpace(r), hasSpace(string(r)), "%U", r)
	}
	for _, lead := range []string{"\xc2", "\xe1", "\xe2", "\xe3", "\xef", "\xe1\x9a", "\xe2\x80", "\xe2\x81", "\xe3\x80", "\xef\xbb"} {
		for c := 0; c < 256; c++ {
			check(lead + string([]byte{byte(c)}))
			check(string([]byte{byte(c)}) + lead)
			check("\xe4" + lead + string([]byte{byte(c)}))
		}
	}
}

// TestIsHanMatchesTable checks isHan's range against the Han table.
func TestIsHanMatchesTable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		require.Equal(t, unicode.Is(unicode.Han, r), isHan(r), "%U", r)
	}
	assert.True(t, isNumeralRune('〇'))
	assert.True(t, isNumeralRune('９'))
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

// TestSplitTextLines reads random texts, with invalid and NUL bytes and
// every line ending: each block is a line of the text, as the standard
// library splits and cleans it, folded, and every line that is not blank
// is a block or page furniture.
func TestSplitTextLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	pieces := append([]string{"\n", "\r", "\r\n", "\n\n", "涂轶、李勇委员:", "发布时间:2020-10-21 来源:县民政局", "当前位置:首页 > 提案",
		"网站支持IPv6", "上一篇", "你们的提案收悉。"}, cjkPieces...)
	cfg := newConfig(nil)
	for range 4000 {
		var b strings.Builder
		for range rng.IntN(50) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		cleaned := strings.Map(func(r rune) rune {
			if r == 0 {
				return utf8.RuneError
			}
			return r
		}, s)
		lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(cleaned, "\r\n", "\n"), "\r", "\n"), "\n")
		src, furniture, err := splitText(s, &cfg)
		if strings.TrimFunc(cleaned, isSpace) == "" {
			require.ErrorIs(t, err, ErrEmpty, "%q", s)
			continue
		}
		require.NoError(t, err, "%q", s)
		var want []SourceBlock
		for i, line := range lines {
			text, indent := foldDefinition(line)
			if text != "" && !slices.Contains(furniture, i+1) {
				want = append(want, SourceBlock{Text: text, Indent: indent, Pos: Pos{Line: i + 1, Offset: -1}})
			}
		}
		for _, n := range furniture {
			require.NotEmpty(t, strings.TrimFunc(lines[n-1], isSpace), "furniture line %d of %q", n, s)
		}
		if len(want) == 0 {
			require.Empty(t, src.Blocks, "%q", s)
		} else {
			require.Equal(t, want, src.Blocks, "%q", s)
		}
		replaced := strings.Count(cleaned, "\uFFFD") - strings.Count(s, "\uFFFD")
		if replaced == 0 {
			require.Empty(t, src.Warnings, "%q", s)
			continue
		}
		require.Len(t, src.Warnings, 1, "%q", s)
		require.Equal(t, CodeReplacedBytes, src.Warnings[0].Code)
		require.True(t, strings.HasPrefix(src.Warnings[0].Message, strconv.Itoa(replaced)+" "), "%q: %s", s, src.Warnings[0].Message)
	}
}

// TestSplitTextLimits places each limit error at its line.
func TestSplitTextLimits(t *testing.T) {
	tests := []struct {
		text         string
		opts         []Option
		limit, where string
	}{
		{"一\n\n二\r\n三\r四", []Option{WithMaxBlocks(3)}, "blocks", "line 5"},
		{"短\n长长长长", []Option{WithMaxParagraph(6)}, "paragraph", "line 2"},
		{"短\xff\n长长长长", []Option{WithMaxParagraph(6)}, "paragraph", "line 2"},
		{"长长长\x00\n短", []Option{WithMaxParagraph(6)}, "paragraph", "line 1"},
		{strings.Repeat("字", 10), []Option{WithMaxBytes(29)}, "bytes", "byte 30"},
	}
	for _, tt := range tests {
		cfg := newConfig(tt.opts)
		_, _, err := splitText(tt.text, &cfg)
		var le *LimitError
		require.ErrorAs(t, err, &le, "%q", tt.text)
		assert.Equal(t, tt.limit, le.Limit, "%q", tt.text)
		assert.Equal(t, tt.where, le.Where, "%q", tt.text)
	}
}

// TestBlocksShareArrays checks that the lists handed out from one array,
// each section's blocks and each block's points, are capped at their own
// length: appending to one never writes into the next.
func TestBlocksShareArrays(t *testing.T) {
	rep, err := Text(readFixture(t, "seed.txt"))
	require.NoError(t, err)
	var lists int
	check := func(blocks []reply.Block) {
		require.Equal(t, len(blocks), cap(blocks))
		for _, b := range blocks {
			require.Equal(t, len(b.Points), cap(b.Points))
			if len(b.Points) > 0 {
				lists++
			}
		}
	}
	var walk func([]reply.Section)
	walk = func(secs []reply.Section) {
		for _, s := range secs {
			check(s.Blocks)
			walk(s.Sections)
		}
	}
	check(rep.Opening)
	check(rep.Closing)
	walk(rep.Sections)
	assert.Greater(t, lists, 2)
	first := rep.Sections[0].Blocks
	next := rep.Sections[1].Blocks[0].Text
	grown := append(first, reply.Block{Text: "added"})
	assert.Equal(t, "added", grown[len(grown)-1].Text)
	assert.Equal(t, next, rep.Sections[1].Blocks[0].Text)
}

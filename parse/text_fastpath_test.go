package parse

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The text reader's byte-level helpers each stand for a rune-by-rune
// definition, written out here: the tests hold them equal on samples,
// random text and (FuzzTextScan) any bytes.

// refFoldSpace is foldSpace decoding every character: the general loop,
// behind the byte scan that tells a line with nothing to fold.
func refFoldSpace(line string) (string, bool) {
	if !strings.ContainsFunc(line, isSpace) {
		return line, false
	}
	var b strings.Builder
	indent, space := false, false
	run := -1
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !isSpace(r) {
			if run < 0 {
				if space {
					b.WriteByte(' ')
					space = false
				}
				run = i
			}
			i += size
			continue
		}
		if run >= 0 {
			b.WriteString(line[run:i])
			run = -1
		}
		if i == 0 {
			indent = true
		}
		space = b.Len() > 0
		i += size
	}
	if run >= 0 {
		b.WriteString(line[run:])
	}
	return b.String(), indent
}

// refSplitText is splitText as it read before its lines were checked as
// they were split: the whole text checked first, invalid and NUL bytes
// replaced, then each line folded.
func refSplitText(s string, cfg *config) (*Source, []int, error) {
	if int64(len(s)) > cfg.maxBytes {
		return nil, nil, &LimitError{Limit: "bytes", Max: cfg.maxBytes, Where: fmt.Sprintf("byte %d", cfg.maxBytes+1)}
	}
	var replaced *reply.Warning
	if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		var n, first int
		s, n, first = replaceInvalid(s)
		replaced = &reply.Warning{
			Code:    "replaced-bytes",
			Message: fmt.Sprintf("%d invalid UTF-8 or NUL byte(s) replaced by U+FFFD", n),
			Where:   fmt.Sprintf("line %d", strings.Count(s[:first], "\n")+1),
		}
	}
	src := &Source{}
	for n, line := range splitLines(s) {
		if len(line) > cfg.maxParagraph {
			return nil, nil, &LimitError{Limit: "paragraph", Max: int64(cfg.maxParagraph), Where: fmt.Sprintf("line %d", n+1)}
		}
		text, indent := refFoldSpace(line)
		if text == "" {
			continue
		}
		if len(src.Blocks) >= cfg.maxBlocks {
			return nil, nil, &LimitError{Limit: "blocks", Max: int64(cfg.maxBlocks), Where: fmt.Sprintf("line %d", n+1)}
		}
		src.Blocks = append(src.Blocks, Block{Text: text, Indent: indent, Pos: Pos{Line: n + 1, Offset: -1}})
	}
	if len(src.Blocks) == 0 {
		return nil, nil, fmt.Errorf("parse: text of %d bytes holds no text: %w", len(s), ErrEmpty)
	}
	furniture := takeFurniture(src)
	if replaced != nil {
		src.Warnings = append(src.Warnings, *replaced)
	}
	return src, furniture, nil
}

// refIndexMark is indexMark decoding every character.
func refIndexMark(s string, comma bool) (int, int) {
	for i, r := range s {
		if isSentenceEnd(r) || comma && isPunct(r) {
			return i, utf8.RuneLen(r)
		}
	}
	return -1, 0
}

// refFindMarker is findMarker with strings.Index, every marker searched
// to the end.
func refFindMarker(s string, from int, markers []string) (int, string) {
	best, which := -1, ""
	for _, m := range markers {
		for i := from; i < len(s); {
			j := strings.Index(s[i:], m)
			if j < 0 {
				break
			}
			j += i
			if r, _ := utf8.DecodeLastRuneInString(s[:j]); j == 0 || isPointBoundary(r) {
				if best < 0 || j < best {
					best, which = j, m
				}
				break
			}
			i = j + len(m)
		}
	}
	return best, which
}

// refFindFirst is findFirst as one scan for 「一」.
func refFindFirst(s string) (int, string) {
	best, which := -1, ""
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "一")
		if j < 0 {
			break
		}
		j += i
		i = j + len("一")
		m := ""
		switch {
		case strings.HasPrefix(s[i:], "是"):
			m = "一是"
		case strings.HasPrefix(s[i:], "要"):
			m = "一要"
		default:
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:j]); j == 0 || isPointBoundary(r) {
			best, which = j, m
			break
		}
	}
	limit := len(s)
	if best >= 0 {
		limit = best
	}
	if at, m := refFindMarker(s[:limit], 0, []string{"首先"}); at >= 0 {
		return at, m
	}
	return best, which
}

// refNode and refTree build the section tree as a tree of nodes, each
// with its own items and children: what sectionBuilder must give.
type refNode struct {
	marker   string
	number   int
	level    int
	heading  string
	runIn    bool
	items    []item
	children []*refNode
}

type refTree struct {
	root     refNode
	stack    []*refNode
	warnings []reply.Warning
}

func (b *refTree) add(p para) {
	if p.table != nil || p.image != nil {
		b.content(item{table: p.table, image: p.image})
		return
	}
	m, level, n := reply.ReadMarker(p.text)
	if level == reply.LevelNone {
		b.content(item{text: p.text})
		return
	}
	depth := len(b.stack)
	for depth > 0 && b.stack[depth-1].level >= level {
		depth--
	}
	parent := &b.root
	if depth > 0 {
		parent = b.stack[depth-1]
	}
	if k := len(parent.children); k > 0 {
		last := parent.children[k-1]
		switch {
		case last.level != level:
			b.warn(p, "marker-level")
			b.content(item{text: p.text})
			return
		case n <= last.number:
			b.warn(p, "numbering-restart")
			b.content(item{text: p.text})
			return
		case n > last.number+1:
			b.warn(p, "numbering-gap")
		}
	} else if n != 1 {
		b.warn(p, "numbering-gap")
	}
	heading, body, runIn := splitHeading(trim(p.text[len(m):]))
	s := &refNode{marker: m, number: n, level: level, heading: heading, runIn: runIn}
	if body != "" {
		s.items = append(s.items, item{text: body})
	}
	parent.children = append(parent.children, s)
	b.stack = append(b.stack[:depth], s)
}

func (b *refTree) content(it item) {
	if len(b.stack) == 0 {
		b.root.items = append(b.root.items, it)
		return
	}
	top := b.stack[len(b.stack)-1]
	top.items = append(top.items, it)
}

func (b *refTree) warn(p para, code string) {
	b.warnings = append(b.warnings, reply.Warning{Code: code, Where: p.pos.String()})
}

func refSections(nodes []*refNode) []reply.Section {
	if len(nodes) == 0 {
		return nil
	}
	out := make([]reply.Section, len(nodes))
	for i, n := range nodes {
		out[i] = reply.Section{Marker: n.marker, Number: n.number, Heading: n.heading, RunIn: n.runIn,
			Blocks: buildBlocks(n.items, nil), Sections: refSections(n.children)}
	}
	return out
}

// jsonOf returns v as JSON, to compare values that hold pointers.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
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
	wantText, wantIndent := refFoldSpace(s)
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
		wi, ws := refIndexMark(s, comma)
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
	wantAt, wantM := refFindFirst(s)
	gotAt, gotM := findFirst(s)
	require.Equal(t, wantAt, gotAt, "findFirst %q", s)
	require.Equal(t, wantM, gotM, "findFirst %q", s)
	for _, markers := range [][]string{{"二是"}, {"再次", "最后"}, {"一是", "一要"}} {
		for _, from := range []int{0, min(1, len(s)), min(3, len(s)), len(s) / 2} {
			wantAt, wantM := refFindMarker(s, from, markers)
			gotAt, gotM := findMarker(s, from, markers)
			require.Equal(t, wantAt, gotAt, "findMarker(%q, %d, %q)", s, from, markers)
			require.Equal(t, wantM, gotM, "findMarker(%q, %d, %q)", s, from, markers)
		}
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
// it folds, against the general loop, with every white space character
// at the start, inside and at the end.
func TestFoldSpaceFastPath(t *testing.T) {
	spaces := []string{" ", "  ", "\t", "\u3000", "\u3000\u3000", "\u00a0", "\u0085", "\u1680", "\u2000", "\u2005",
		"\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\ufeff", " \u3000 "}
	for _, sp := range spaces {
		for _, line := range []string{sp + "正文", "正文" + sp, sp + "正文" + sp, sp + "甲" + sp + "乙" + sp,
			"甲" + sp + "乙", "甲 乙" + sp, sp + "甲 乙", sp, sp + "\xff" + sp, "\xe3\x80" + sp} {
			want, wantIndent := refFoldSpace(line)
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

// TestSplitTextMatchesReference reads random texts, with invalid and NUL
// bytes, every line ending and tight limits, as the reader did when it
// checked and replaced the whole text before splitting it.
func TestSplitTextMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	pieces := append([]string{"\n", "\r", "\r\n", "\n\n", "涂轶、李勇委员:", "发布时间:2020-10-21 来源:县民政局", "当前位置:首页 > 提案",
		"网站支持IPv6", "上一篇", "你们的提案收悉。"}, cjkPieces...)
	for k := range 4000 {
		var b strings.Builder
		for range rng.IntN(50) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		var opts []Option
		if k%3 == 1 {
			opts = append(opts, WithMaxParagraph(1+rng.IntN(40)))
		}
		if k%5 == 2 {
			opts = append(opts, WithMaxBlocks(1+rng.IntN(5)))
		}
		cfg := newConfig(opts)
		want, wantLines, wantErr := refSplitText(s, &cfg)
		got, gotLines, gotErr := splitText(s, &cfg)
		require.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(gotErr), "%q", s)
		require.Equal(t, wantLines, gotLines, "%q", s)
		if wantErr == nil {
			require.Equal(t, jsonOf(t, want), jsonOf(t, got), "%q", s)
		}
	}
}

// TestSectionBuilderMatchesTree builds sections from random runs of
// markers and paragraphs, nested, skipped, restarted and of mixed
// levels, and holds them equal to those of a tree of nodes.
func TestSectionBuilderMatchesTree(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 9))
	lines := []string{"一、总体情况", "二、存在问题。一是认识不足，二是投入不够。", "三、下一步", "四、", "二、重复",
		"（一）加强领导", "（二）完善机制。具体如下", "（三）", "（一）又一", "1.第一点", "2.第二点", "3.", "1.重来",
		"(1)小点", "(2)小点二", "①圈一", "②圈二", "正文段落，没有编号。", "一是加强，二是落实。", "二是另一段。", "首先，其次。"}
	for range 3000 {
		var want refTree
		var got sectionBuilder
		for i := range 1 + rng.IntN(25) {
			p := para{text: lines[rng.IntN(len(lines))], pos: Pos{Line: i + 1, Offset: -1}}
			if i == 0 {
				// The builder is given the body from its first marker.
				p.text = lines[rng.IntN(5)]
			}
			if rng.IntN(20) == 0 {
				p = para{table: &reply.Table{Rows: [][]string{{"a"}}}, pos: p.pos}
			}
			want.add(p)
			got.add(p)
		}
		require.Equal(t, jsonOf(t, refSections(want.root.children)), jsonOf(t, got.sections(nil)))
		require.Equal(t, len(want.warnings), len(got.warnings))
		for i, w := range want.warnings {
			assert.Equal(t, w.Code, got.warnings[i].Code)
			assert.Equal(t, w.Where, got.warnings[i].Where)
		}
	}
}

// refReadNames is readNames over the lists strings.FieldsFunc and
// strings.Fields make.
func refReadNames(s string) []string {
	s = trim(s)
	if i := strings.LastIndex(s, "等"); i > 0 {
		tail := strings.TrimRight(trim(s[i+len("等"):]), "名位人")
		if strings.TrimFunc(tail, isNumeralRune) == "" {
			s = s[:i]
		}
	}
	if s == "" {
		return nil
	}
	var names []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == ';' || r == '；' || r == '/'
	}) {
		fields := strings.Fields(part)
		for i := 0; i < len(fields); i++ {
			f := fields[i]
			if runeLen(f) == 1 && i+1 < len(fields) && runeLen(fields[i+1]) == 1 {
				f += fields[i+1]
				i++
			}
			if !isName(f) {
				return nil
			}
			names = append(names, f)
		}
	}
	return names
}

// refSplitBreadcrumb is splitBreadcrumb over the lists strings.FieldsFunc
// and strings.Fields make.
func refSplitBreadcrumb(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '>' || r == '＞' || r == '»' || r == '›' || r == '→' || r == '/' || r == '|'
	})
	var out []string
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if i < len(parts)-1 && strings.Contains(p, " ") {
			out = append(out, strings.Fields(p)...)
			continue
		}
		out = append(out, p)
	}
	return out
}

// TestNamesAndCrumbsMatchLists reads random lists of names and
// breadcrumbs as the versions that build their fields first do.
func TestNamesAndCrumbsMatchLists(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	pieces := []string{"涂轶", "李勇", "魏", "娜", "王小康", "欧阳娜娜", "人大", "等", "2", "七", "名", "位", "、", "，", ",", ";", "/",
		" ", "  ", "\u3000", "\u00a0", "\u0085", "\u200b", "\t", ">", "＞", "»", "›", "→", "|", "首页", "政协 提案", "a"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		require.Equal(t, refReadNames(s), readNames(s), "readNames %q", s)
		require.Equal(t, refSplitBreadcrumb(s), splitBreadcrumb(s), "splitBreadcrumb %q", s)
	}
	assert.Equal(t, []string{"刘俊华", "徐航吉", "魏娜"}, readNames("刘俊华 徐航吉 魏 娜"))
	assert.Nil(t, readNames("魏 娜 张"))
	assert.Equal(t, []string{"首页", "政协提案", "某 某答复"}, splitBreadcrumb("首页 > 政协提案 > 某 某答复"))
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

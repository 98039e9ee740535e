package parse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEncodingFaultsText reads a text with invalid UTF-8 and a NUL: each
// such byte becomes U+FFFD, a warning counts them and names the line, and
// the text around survives.
func TestEncodingFaultsText(t *testing.T) {
	text := "涂轶委员：\n你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：\n" +
		before + "\xff\xfe\x00" + after + "\n感谢你对我们工作的关心和支持。\n\xe4\xb8"
	rep, err := Text(text)
	require.NoError(t, err)
	// The cut character at the end stands as a paragraph of its own.
	assert.Equal(t, []reply.Block{
		{Text: "你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下："},
		{Text: before + "\uFFFD\uFFFD\uFFFD" + after},
		{Text: "感谢你对我们工作的关心和支持。"},
		{Text: "\uFFFD\uFFFD"},
	}, rep.Opening)
	w := warningOf(rep, CodeReplacedBytes)
	require.NotNil(t, w)
	assert.Equal(t, "5 invalid UTF-8 or NUL byte(s) replaced by U+FFFD", w.Message)
	assert.Equal(t, "line 3", w.Where)
	assert.Contains(t, rep.PlainText(), "感谢你对我们工作的关心和支持。")
	// The reply is valid UTF-8: its JSON reads back the same.
	data, err := reply.Marshal(rep)
	require.NoError(t, err)
	back, err := reply.Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, rep, back)
}

// TestTextSourceLines reads a text into blocks: one a line, white space
// folded, furniture lines taken into the page, each with its line number.
func TestTextSourceLines(t *testing.T) {
	src, err := TextSource("网站支持IPv6\r\n当前位置:首页 > 提案 > 某答复\r\n某答复\r发布时间:2020-10-21 来源:县民政局\n\n　　张三委员：\n\t一、 基本  情况\u3000\n")
	require.NoError(t, err)
	var texts []string
	var lines []int
	for _, b := range src.Blocks {
		texts = append(texts, b.Text)
		lines = append(lines, b.Pos.Line)
	}
	assert.Equal(t, []string{"某答复", "张三委员：", "一、 基本 情况"}, texts, "white space folded, furniture taken out")
	assert.Equal(t, []int{3, 6, 7}, lines, "\\r\\n, \\r and \\n each end a line")
	assert.True(t, src.Blocks[1].Indent)
	assert.False(t, src.Blocks[0].Indent)
	require.False(t, src.Page.IsZero())
	assert.Equal(t, []string{"首页", "提案", "某答复"}, src.Page.Breadcrumb)
	assert.Equal(t, "县民政局", src.Page.Source)
	assert.Equal(t, "line 7", src.Blocks[2].Pos.String())
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

// TestIsParagraphLike holds the paragraph test to its one-line
// definition.
func TestIsParagraphLike(t *testing.T) {
	for _, s := range append(textSamples, strings.Repeat("字", 100), strings.Repeat("字", 101), "一句。") {
		assert.Equal(t, utf8.RuneCountInString(s) > 100 || strings.Contains(s, "。"), isParagraphLike(s), "%q", s)
	}
}

// TestTextCROnly reads a text of 1 MB whose lines end with a lone CR, as
// old Mac files do: every line is a block, numbered as it stands.
func TestTextCROnly(t *testing.T) {
	var b strings.Builder
	n := 0
	for b.Len() < mb {
		n++
		fmt.Fprintf(&b, "第%d行\r", n)
	}
	src, err := TextSource(b.String(), WithMaxBlocks(n))
	require.NoError(t, err)
	require.Len(t, src.Blocks, n)
	for i, bl := range src.Blocks {
		if bl.Text != fmt.Sprintf("第%d行", i+1) || bl.Pos.Line != i+1 {
			t.Fatalf("block %d read as %q at line %d", i, bl.Text, bl.Pos.Line)
		}
	}
	// A replaced byte is placed on its line, counted as the reader counts.
	src, err = TextSource("涂轶委员：\r\n正文。\r第三\xff行\r")
	require.NoError(t, err)
	require.Len(t, src.Warnings, 1)
	assert.Equal(t, CodeReplacedBytes, src.Warnings[0].Code)
	assert.Equal(t, "line 3", src.Warnings[0].Where)
	assert.Equal(t, "第三\uFFFD行", src.Blocks[2].Text)
}

// countdown is a context that is done from its left+1-th look on: a call
// that reaches it only between its steps would not stop in a long one.
type countdown struct {
	context.Context
	left int
}

func (c *countdown) Err() error {
	if c.left--; c.left < 0 {
		return context.Canceled
	}
	return nil
}

// TestTextContext checks that TextContext stops, with a *CanceledError,
// once its context is done: before it starts, and within a long text.
func TestTextContext(t *testing.T) {
	text := "涂轶委员：\n" + strings.Repeat("一段文字。\n", 3*cancelEvery)
	requireCanceled := func(t *testing.T, err error, where string) {
		t.Helper()
		var ce *CanceledError
		require.ErrorAs(t, err, &ce)
		assert.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, where, ce.Where)
	}
	t.Run("canceled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		rep, err := TextContext(ctx, text)
		assert.Nil(t, rep)
		requireCanceled(t, err, "starting")
	})
	t.Run("canceled while reading the lines", func(t *testing.T) {
		_, err := TextContext(&countdown{Context: context.Background(), left: 2}, text)
		requireCanceled(t, err, "reading lines")
	})
	t.Run("canceled before the structure", func(t *testing.T) {
		// Three looks in the lines, one at the start: the fifth is the
		// structure reader's.
		_, err := TextContext(&countdown{Context: context.Background(), left: 4}, text)
		requireCanceled(t, err, "reading the structure")
	})
	t.Run("canceled in a text with bytes replaced", func(t *testing.T) {
		_, err := TextContext(&countdown{Context: context.Background(), left: 1}, "涂轶委员：\n正文\xff。\n")
		requireCanceled(t, err, "reading lines")
	})
	t.Run("a live context reads the text", func(t *testing.T) {
		rep, err := TextContext(context.Background(), text)
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
		assert.Len(t, rep.Opening, 3*cancelEvery)
		//lint:ignore SA1012 a nil context is accepted on purpose
		rep, err = TextContext(nil, text)
		require.NoError(t, err)
		assert.Len(t, rep.Opening, 3*cancelEvery)
	})
}

package parse

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Hostile input of a few kilobytes that made the reader's work or memory
// grow far faster than the input: each is read with a bound on the bytes
// allocated, and its outcome checked.

// wideTable is a table whose first row holds wide cells, each spanning
// 100 columns, over rows narrow rows of two cells: padded to the first
// row's width, the narrow rows would hold wide×100 cells each.
func wideTable(wide, rows int) []byte {
	return []byte("<table><tr>" + strings.Repeat("<td colspan=100>x", wide) + strings.Repeat("<tr><td>a<td>b", rows))
}

// openFormatting is a paragraph holding distinct formatting elements left
// open (distinct, so that the parser keeps every one), then paras
// paragraphs of text: the parser copies every open formatting element
// into each paragraph.
func openFormatting(distinct, paras int, text string) []byte {
	var b strings.Builder
	b.WriteString("<p>")
	for i := range distinct {
		fmt.Fprintf(&b, "<b class=c%d>", i)
	}
	b.WriteString(strings.Repeat("<p>"+text, paras))
	return []byte(b.String())
}

// allocated returns the bytes that f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostile reads each hostile input and checks its outcome, and that
// reading it allocates no more than its bound: a page under 100 KB stays
// under 256 MiB.
func TestHostile(t *testing.T) {
	tests := []struct {
		name  string
		input []byte
		text  bool     // read with Text rather than HTML
		opts  []Option // options of the read
		max   uint64   // the most bytes the read may allocate
		check func(t *testing.T, err error, out string)
	}{
		{"1 MB of lines ended by a lone CR", []byte(crLines(mb)), true, []Option{WithMaxBlocks(mb)}, 256 << 20,
			func(t *testing.T, err error, out string) {
				require.NoError(t, err)
				assert.Equal(t, strings.Repeat("a\n", mb/2), out, "every line read")
			}},
		{"a wide row over 1,000 narrow rows (17.8 KB)", wideTable(200, 1000), false, nil, 64 << 20,
			func(t *testing.T, err error, out string) {
				require.NoError(t, err)
				requireCellsKept(t, out, 200, 1000)
			}},
		{"a wide row over 3,000 narrow rows (48 KB)", wideTable(200, 3000), false, nil, 64 << 20,
			func(t *testing.T, err error, out string) {
				require.NoError(t, err)
				requireCellsKept(t, out, 200, 3000)
			}},
		{"400 open formatting elements over 20,000 paragraphs (85 KB)", openFormatting(400, 20_000, "x"), false, nil, 16 << 20,
			func(t *testing.T, err error, _ string) {
				le := requireLimit(t, err, "formatting", DefaultMaxFormatting)
				// Each paragraph's text copies the 400 elements of two
				// bytes each: the 626th passes 500,000.
				where := len(openFormatting(400, 0, "")) + 625*len("<p>x") + len("<p>")
				assert.Equal(t, fmt.Sprintf("byte %d", where), le.Where, "the text where the copies pass the limit")
			}},
		{"400 open formatting elements over 70,000 paragraphs (286 KB)", openFormatting(400, 70_000, "x"), false, nil, 16 << 20,
			func(t *testing.T, err error, _ string) {
				requireLimit(t, err, "formatting", DefaultMaxFormatting)
			}},
		{"400 open formatting elements over 600 paragraphs, under the limit (16 KB)",
			[]byte(noticeHead + string(openFormatting(400, 600, "一段文字。")) + noticeTail), false, nil, 256 << 20,
			func(t *testing.T, err error, out string) {
				require.NoError(t, err)
				assert.Equal(t, 600, strings.Count(out, "一段文字。"), "every paragraph read")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out string
			var err error
			n := allocated(func() {
				var rep *reply.Reply
				if tt.text {
					rep, err = Text(string(tt.input), tt.opts...)
				} else {
					rep, err = HTML(bytes.NewReader(tt.input), tt.opts...)
				}
				if rep != nil {
					out = rep.PlainText()
				}
			})
			t.Logf("%d bytes read, %d allocated", len(tt.input), n)
			tt.check(t, err, out)
			assert.LessOrEqual(t, n, tt.max, "bytes allocated reading %d bytes", len(tt.input))
			if len(tt.input) < 100<<10 {
				assert.LessOrEqual(t, n, uint64(256<<20), "a page under 100 KB stays under 256 MiB")
			}
		})
	}
}

// requireCellsKept checks that out, the text read from wideTable(wide,
// rows), holds every cell's text in order.
func requireCellsKept(t *testing.T, out string, wide, rows int) {
	t.Helper()
	words := strings.Fields(out)
	want := make([]string, 0, wide+2*rows)
	for range wide {
		want = append(want, "x")
	}
	for range rows {
		want = append(want, "a", "b")
	}
	require.Equal(t, len(want), len(words), "every cell's text")
	assert.Equal(t, want, words)
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

package parse

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// noticeHead is the top of a small notice page: a salutation and an
// opening, the content every pathological page below starts with.
const noticeHead = `<html><head><title>关于县政协十届一次会议第73号提案的答复</title></head><body><div id="zoom">` +
	`<p>涂轶委员：</p><p>你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：</p>`

const noticeTail = `<p>感谢你对我们工作的关心和支持。</p></div></body></html>`

// paragraphs returns n paragraphs of text, each of size bytes or so.
func paragraphs(n, size int) string {
	p := "<p>" + strings.Repeat("文", max(1, size/3)) + "。</p>"
	return strings.Repeat(p, n)
}

// endless is a reader of one paragraph after another that never ends,
// counting the bytes read from it.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	const chunk = "<p>一段文字。</p>"
	n := 0
	for n < len(p) {
		n += copy(p[n:], chunk[int(e.n+int64(n))%len(chunk):])
	}
	e.n += int64(n)
	return n, nil
}

// requireLimit checks that err is a *LimitError of the named limit and
// value that errors.Is ErrTooLarge.
func requireLimit(t *testing.T, err error, limit string, max int64) *LimitError {
	t.Helper()
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, limit, le.Limit)
	assert.Equal(t, max, le.Max)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.NotEmpty(t, le.Where)
	return le
}

// TestLimitDefaults checks the limits a call gets without options, and
// that zero and negative values keep them.
func TestLimitDefaults(t *testing.T) {
	cfg := newConfig(nil)
	assert.Equal(t, int64(16<<20), cfg.maxBytes, "16 MiB of input")
	assert.Equal(t, DefaultMaxDepth, cfg.maxDepth)
	assert.Equal(t, DefaultMaxBlocks, cfg.maxBlocks)
	assert.Equal(t, DefaultMaxParagraph, cfg.maxParagraph)
	assert.Equal(t, 200_000, cfg.maxTableCells)
	assert.Equal(t, int64(500_000), cfg.maxFormatting)
	// Zero and negative values keep the defaults.
	cfg = newConfig([]Option{WithMaxBytes(0), WithMaxDepth(-1), WithMaxBlocks(0), WithMaxParagraph(-5), WithMaxTableCells(0),
		WithMaxFormatting(-1)})
	assert.Equal(t, []int64{DefaultMaxBytes, DefaultMaxDepth, DefaultMaxBlocks, DefaultMaxParagraph, DefaultMaxTableCells, DefaultMaxFormatting},
		[]int64{cfg.maxBytes, int64(cfg.maxDepth), int64(cfg.maxBlocks), int64(cfg.maxParagraph), int64(cfg.maxTableCells), cfg.maxFormatting})
}

// TestLimitBytes refuses input over the byte limit without reading it to
// its end, and reads input at the limit.
func TestLimitBytes(t *testing.T) {
	t.Run("an endless page is refused after max+1 bytes", func(t *testing.T) {
		r := &endless{}
		_, err := HTML(r, WithMaxBytes(4096))
		le := requireLimit(t, err, "bytes", 4096)
		assert.Equal(t, "byte 4097", le.Where)
		assert.LessOrEqual(t, r.n, int64(4096+1+bytes.MinRead), "read no more than the limit and one buffer")
	})
	t.Run("the default refuses past 16 MiB", func(t *testing.T) {
		r := &endless{}
		_, err := HTML(r)
		requireLimit(t, err, "bytes", DefaultMaxBytes)
		assert.Less(t, r.n, int64(DefaultMaxBytes+(1<<20)))
	})
	t.Run("a page at the limit is read", func(t *testing.T) {
		page := noticeHead + noticeTail
		rep, err := HTML(strings.NewReader(page), WithMaxBytes(int64(len(page))))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
		_, err = HTML(strings.NewReader(page), WithMaxBytes(int64(len(page)-1)))
		requireLimit(t, err, "bytes", int64(len(page)-1))
	})
	t.Run("Extract", func(t *testing.T) {
		_, err := Extract(&endless{}, WithMaxBytes(1000))
		requireLimit(t, err, "bytes", 1000)
	})
	t.Run("text", func(t *testing.T) {
		text := "涂轶委员：\n" + strings.Repeat("一段文字。\n", 100)
		_, err := Text(text, WithMaxBytes(int64(len(text)-1)))
		requireLimit(t, err, "bytes", int64(len(text)-1))
		rep, err := Text(text, WithMaxBytes(int64(len(text))))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
	})
}

// TestLimitDepth reads content below the depth limit as the text of the
// element at the limit, and refuses nesting deeper than the HTML parser
// builds.
func TestLimitDepth(t *testing.T) {
	// Paragraphs below the depth limit are read as the text of the
	// element at the limit: nothing is lost.
	deep := noticeHead + strings.Repeat("<div>", 40) + "<p>一、基本情况</p><p>已经办理完毕。</p>" +
		strings.Repeat("</div>", 40) + noticeTail
	rep, err := HTML(strings.NewReader(deep), WithMaxDepth(20))
	require.NoError(t, err)
	assert.Contains(t, rep.PlainText(), "已经办理完毕。")
	assert.Contains(t, rep.PlainText(), "感谢你对我们工作的关心和支持。")

	full, err := HTML(strings.NewReader(deep))
	require.NoError(t, err)
	require.Len(t, full.Sections, 1, "read whole, the section stands apart")
	assert.Equal(t, "基本情况", full.Sections[0].Heading)

	// Nesting deeper than the HTML parser builds is refused, whatever
	// the option says.
	tooDeep := noticeHead + strings.Repeat("<div>", 600) + "<p>正文。</p>" + noticeTail
	for _, opts := range [][]Option{nil, {WithMaxDepth(10_000)}} {
		_, err = HTML(strings.NewReader(tooDeep), opts...)
		requireLimit(t, err, "depth", 512)
	}
}

// TestLimitBlocks refuses a page, a text or a Source of more blocks than
// the limit, saying where.
func TestLimitBlocks(t *testing.T) {
	page := noticeHead + paragraphs(50, 30) + noticeTail
	_, err := HTML(strings.NewReader(page), WithMaxBlocks(20))
	requireLimit(t, err, "blocks", 20)
	rep, err := HTML(strings.NewReader(page), WithMaxBlocks(60))
	require.NoError(t, err)
	assert.Len(t, rep.Opening, 51)

	text := "涂轶委员：\n" + strings.Repeat("一段文字。\n", 50)
	_, err = Text(text, WithMaxBlocks(20))
	le := requireLimit(t, err, "blocks", 20)
	assert.Equal(t, "line 21", le.Where)

	// Read, from a Source made elsewhere, checks the limit too.
	src := &Source{Blocks: make([]SourceBlock, 30)}
	for i := range src.Blocks {
		src.Blocks[i] = SourceBlock{Text: "一段文字。", Pos: Pos{Line: i + 1}}
	}
	_, err = Read(src, WithMaxBlocks(10))
	le = requireLimit(t, err, "blocks", 10)
	assert.Equal(t, "line 11", le.Where)
}

// TestLimitParagraph refuses a block longer than the limit, saying where.
func TestLimitParagraph(t *testing.T) {
	long := strings.Repeat("很长的一段文字，", 100) // 2,400 bytes
	page := noticeHead + "<p>" + long + "</p>" + noticeTail
	_, err := HTML(strings.NewReader(page), WithMaxParagraph(1000))
	requireLimit(t, err, "paragraph", 1000)
	rep, err := HTML(strings.NewReader(page), WithMaxParagraph(3000))
	require.NoError(t, err)
	assert.Equal(t, long, rep.Opening[1].Text)

	_, err = Text("涂轶委员：\n"+long+"\n", WithMaxParagraph(1000))
	le := requireLimit(t, err, "paragraph", 1000)
	assert.Equal(t, "line 2", le.Where)

	src := &Source{Blocks: []SourceBlock{{Text: "涂轶委员："}, {Text: long, Pos: Pos{Line: 2}}}}
	_, err = Read(src, WithMaxParagraph(1000))
	requireLimit(t, err, "paragraph", 1000)
}

// cancelingReader cancels its context once it has been read from, as a
// caller gives up while a slow page comes in. It hands out a few bytes a
// read.
type cancelingReader struct {
	r      io.Reader
	cancel context.CancelFunc
}

func (c *cancelingReader) Read(p []byte) (int, error) {
	c.cancel()
	return c.r.Read(p[:min(len(p), 16)])
}

// TestLimitTime stops HTMLContext once its context is done, before or
// while it reads.
func TestLimitTime(t *testing.T) {
	page := noticeHead + paragraphs(10, 30) + noticeTail
	requireCanceled := func(t *testing.T, err error, want error) *CanceledError {
		t.Helper()
		var ce *CanceledError
		require.ErrorAs(t, err, &ce)
		assert.ErrorIs(t, err, want)
		assert.NotEmpty(t, ce.Where)
		return ce
	}
	t.Run("canceled before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		rep, err := HTMLContext(ctx, strings.NewReader(page))
		assert.Nil(t, rep)
		ce := requireCanceled(t, err, context.Canceled)
		assert.Equal(t, "starting", ce.Where)
	})
	t.Run("deadline passed", func(t *testing.T) {
		ctx, cancel := context.WithDeadline(context.Background(), time.Unix(0, 0))
		defer cancel()
		_, err := HTMLContext(ctx, strings.NewReader(page))
		requireCanceled(t, err, context.DeadlineExceeded)
	})
	t.Run("canceled while reading", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		_, err := HTMLContext(ctx, &cancelingReader{r: strings.NewReader(page), cancel: cancel})
		requireCanceled(t, err, context.Canceled)
		assert.False(t, errors.Is(err, ErrTooLarge))
	})
	t.Run("a live context reads the page", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		defer cancel()
		rep, err := HTMLContext(ctx, strings.NewReader(page))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
	})
	t.Run("nil context is the background", func(t *testing.T) {
		//lint:ignore SA1012 a nil context is accepted on purpose
		rep, err := HTMLContext(nil, strings.NewReader(page))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
	})
}

// TestExtractLimits checks each limit's typed error.
func TestExtractLimits(t *testing.T) {
	t.Run("blocks", func(t *testing.T) {
		_, err := extractFile(t, "seed-trs-utf8", WithMaxBlocks(5))
		le := requireLimit(t, err, "blocks", 5)
		assert.Contains(t, le.Where, "byte ")
	})
	t.Run("paragraph", func(t *testing.T) {
		_, err := extractFile(t, "seed-trs-utf8", WithMaxParagraph(300))
		requireLimit(t, err, "paragraph", 300)
	})
	t.Run("depth", func(t *testing.T) {
		const depth = 400
		page := "<html><head><title>关于某事的通知</title></head><body>" + strings.Repeat("<div>", depth) +
			"<p>各有关单位：</p><p>现将有关事项通知如下，请遵照执行。</p>" + strings.Repeat("</div>", depth) + "</body></html>"
		var src *Source
		var err error
		require.NotPanics(t, func() { src, err = Extract(strings.NewReader(page), WithMaxDepth(64)) })
		require.NoError(t, err)
		require.Len(t, src.Blocks, 1, "content below the depth limit is one block")
		assert.Equal(t, "各有关单位： 现将有关事项通知如下，请遵照执行。", src.Blocks[0].Text)
		src, err = Extract(strings.NewReader(page))
		require.NoError(t, err)
		assert.Equal(t, []string{"各有关单位：", "现将有关事项通知如下，请遵照执行。"}, blockTexts(src.Blocks))
	})
}

package parse

import (
	"bytes"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The pathological inputs, by shape and size. Each starts as a notice
// does where it can, so that what is read can be checked.

// divNesting is size bytes of <div> opened and never closed.
func divNesting(size int) []byte {
	return []byte(noticeHead + strings.Repeat("<div>", size/5) + "<p>正文。</p>" + noticeTail)
}

// longParagraph is a page whose notice is one paragraph of size bytes.
func longParagraph(size int) []byte {
	return []byte(noticeHead + "<p>" + strings.Repeat("很长的一行文字，", size/24) + "</p>" + noticeTail)
}

// singleLinePage is a page of size bytes on one line, without a line
// break: paragraphs of about a kilobyte each.
func singleLinePage(size int) []byte {
	return []byte(noticeHead + paragraphs(size/1000, 990) + noticeTail)
}

// tinyParagraphs is a page of n paragraphs of one character each.
func tinyParagraphs(n int) []byte {
	return []byte(noticeHead + strings.Repeat("<p>一</p>", n) + noticeTail)
}

// ideographicSpaces is a page of size bytes of &#12288; and nothing else.
func ideographicSpaces(size int) []byte {
	return []byte("<html><body><p>" + strings.Repeat("&#12288;", size/8) + "</p></body></html>")
}

// tinyLines is a text of the salutation and n lines of one character.
func tinyLines(n int) string { return "涂轶委员：\n" + strings.Repeat("一\n", n) }

// longLine is a text of one line of size bytes.
func longLine(size int) string { return strings.Repeat("很长的一行文字，", size/24) }

const mb = 1 << 20

// TestPathological reads each pathological input and checks what comes
// out: a typed error, or a reply holding what the input held.
func TestPathological(t *testing.T) {
	t.Run("1 MB of <div> nesting", func(t *testing.T) {
		_, err := HTML(bytes.NewReader(divNesting(mb)))
		requireLimit(t, err, "depth", 512)
	})
	t.Run("a 10 MB single paragraph", func(t *testing.T) {
		page := longParagraph(10 * mb)
		_, err := HTML(bytes.NewReader(page))
		requireLimit(t, err, "paragraph", DefaultMaxParagraph)
		rep, err := HTML(bytes.NewReader(page), WithMaxParagraph(16*mb))
		require.NoError(t, err)
		// Lengths only: a failure must not print ten megabytes.
		require.Equal(t, 2, len(rep.Opening))
		assert.Equal(t, 10*mb/24*24, len(rep.Opening[1].Text), "the paragraph whole")
		assert.True(t, strings.HasPrefix(rep.Opening[1].Text, "很长的一行文字，很长的"))
		assert.Equal(t, []reply.Block{{Text: "感谢你对我们工作的关心和支持。"}}, rep.Closing)
	})
	t.Run("a 10 MB page on a single line", func(t *testing.T) {
		page := singleLinePage(10 * mb)
		require.NotContains(t, string(page), "\n")
		rep, err := HTML(bytes.NewReader(page))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
		assert.Equal(t, 1+10*mb/1000, len(rep.Opening))
		assert.Equal(t, []reply.Block{{Text: "感谢你对我们工作的关心和支持。"}}, rep.Closing)
		if string(page[len(noticeHead):len(page)-len(noticeTail)]) != "<p>"+strings.Join(paragraphTexts(rep.Opening[1:]), "</p><p>")+"</p>" {
			t.Error("the paragraphs read are not the page's")
		}
	})
	t.Run("100,000 tiny paragraphs", func(t *testing.T) {
		rep, err := HTML(bytes.NewReader(tinyParagraphs(100_000)))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
		require.Equal(t, 100_001, len(rep.Opening))
		for _, b := range rep.Opening[1:] {
			if b.Text != "一" {
				t.Fatalf("a tiny paragraph read as %+v", b)
			}
		}
		_, err = HTML(bytes.NewReader(tinyParagraphs(100_000)), WithMaxBlocks(50_000))
		requireLimit(t, err, "blocks", 50_000)
	})
	t.Run("a page of only &#12288;", func(t *testing.T) {
		_, err := HTML(bytes.NewReader(ideographicSpaces(mb)))
		assert.ErrorIs(t, err, ErrNoContent)
		_, err = Text(strings.Repeat("\u3000", mb/3))
		assert.ErrorIs(t, err, ErrEmpty)
	})
	t.Run("text: 100,000 tiny lines", func(t *testing.T) {
		rep, err := Text(tinyLines(100_000))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
		assert.Equal(t, 100_000, len(rep.Opening))
	})
	t.Run("text: a 10 MB single line", func(t *testing.T) {
		_, err := Text(longLine(10 * mb))
		le := requireLimit(t, err, "paragraph", DefaultMaxParagraph)
		assert.Equal(t, "line 1", le.Where)
		rep, err := Text("涂轶委员：\n"+longLine(10*mb), WithMaxParagraph(16*mb))
		require.NoError(t, err)
		require.Equal(t, 1, len(rep.Opening))
		assert.Equal(t, 10*mb/24*24, len(rep.Opening[0].Text))
	})
}

// paragraphTexts returns the text of each block of a reply.
func paragraphTexts(bs []reply.Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Text
	}
	return out
}

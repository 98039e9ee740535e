package parse

import (
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExtractHostileSpans checks that huge rowspan and colspan values
// neither blow up the grid nor lose the cells' text: spans are capped,
// and a table whose grid would still pass the cell limit is read as text.
func TestExtractHostileSpans(t *testing.T) {
	page := func(rows int) string {
		var b strings.Builder
		b.WriteString(`<html><body><div class="content"><p>各有关单位：现将统计情况通报如下。</p><table>`)
		for i := 0; i < rows; i++ {
			b.WriteString(`<tr><td rowspan="99999" colspan="99999">甲</td><td>乙</td></tr>`)
		}
		b.WriteString(`</table></div></body></html>`)
		return b.String()
	}
	// Five rows: spans of 100 by 100, each row's 100 columns further
	// right, make a grid of 104 rows by 501 columns.
	src, err := Extract(strings.NewReader(page(5)))
	require.NoError(t, err)
	require.Len(t, src.Blocks, 2)
	tb := src.Blocks[1].Table
	require.NotNil(t, tb)
	// Lengths only: a failure must not print the grid.
	require.Equal(t, 104, len(tb.Rows))
	for i, row := range tb.Rows {
		require.Equal(t, 501, len(row), "row %d", i)
	}
	assert.Equal(t, "甲", tb.Rows[0][0])
	assert.Equal(t, "乙", tb.Rows[0][100])
	assert.True(t, strings.HasPrefix(src.Blocks[1].Text, "甲 乙 甲 乙 甲 乙 甲 乙 甲 乙 甲"))
	assert.Empty(t, warningsOf(src.Warnings, CodeTableAsText))

	// Fifty rows would make a grid of 149 rows by 5001 columns: the table
	// is read as text, a paragraph a row, and a warning says so.
	src, err = Extract(strings.NewReader(page(50)))
	require.NoError(t, err)
	require.Len(t, src.Blocks, 51)
	for i, b := range src.Blocks[1:] {
		require.Nil(t, b.Table)
		require.Equal(t, "甲 乙", b.Text, "block %d", i+1)
	}
	ws := warningsOf(src.Warnings, CodeTableAsText)
	require.Len(t, ws, 1)
	assert.Equal(t, src.Blocks[1].Pos.String(), ws[0].Where, "placed at the table")
}

// warningsOf returns the warnings of ws with the code.
func warningsOf(ws []reply.Warning, code string) []reply.Warning {
	var out []reply.Warning
	for _, w := range ws {
		if w.Code == code {
			out = append(out, w)
		}
	}
	return out
}

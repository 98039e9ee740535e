package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExtractHostileSpans checks that huge rowspan and colspan values
// neither blow up the grid nor lose the cells' text.
func TestExtractHostileSpans(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><div class="content"><p>各有关单位：现将统计情况通报如下。</p><table>`)
	for i := 0; i < 50; i++ {
		b.WriteString(`<tr><td rowspan="99999" colspan="99999">甲</td><td>乙</td></tr>`)
	}
	b.WriteString(`</table></div></body></html>`)
	src, err := Extract(strings.NewReader(b.String()))
	require.NoError(t, err)
	require.Len(t, src.Blocks, 2)
	tb := src.Blocks[1].Table
	require.NotNil(t, tb)
	cells := 0
	for _, row := range tb.Rows {
		cells += len(row)
	}
	assert.LessOrEqual(t, cells, 2*maxTableCells)
	assert.Equal(t, "甲", tb.Rows[0][0])
	assert.Contains(t, src.Blocks[1].Text, "乙")
}

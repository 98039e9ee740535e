package collection

import (
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	bt "github.com/replykit/replykit/examples/replykit/internal/browsertest"
)

// TestIndexDrawsOnlyTheRowsInSight: over 3,000 replies in rows files of
// 100, the page holds only the rows in sight and a margin, loads only
// the rows files they need, and, scrolled to the middle, shows the rows
// that stand there, each with its own reply's title.
func TestIndexDrawsOnlyTheRowsInSight(t *testing.T) {
	ctx := bt.New(t, 2*time.Minute)
	out := t.TempDir()
	const n = 3000
	res, err := Build(out, genRun(t, out, n), Options{RowsPerChunk: 100})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+res.Index)))
	require.Equal(t, n, bt.WaitQuery(t, ctx, ""))

	check := func(wantFirst int) {
		t.Helper()
		rows := bt.Eval[[]string](t, ctx, `[...document.querySelectorAll("#rows tr.row")].map(tr => tr.dataset.row)`)
		require.NotEmpty(t, rows)
		assert.Less(t, len(rows), 80, "only the rows in sight and a margin")
		titles := bt.Cells(t, ctx, 0)
		for i, r := range rows {
			row, err := strconv.Atoi(r)
			require.NoError(t, err)
			assert.Equal(t, genReply(row).Title, titles[i], "row %d", row)
			if i > 0 {
				assert.Equal(t, rows[i-1], strconv.Itoa(row-1), "rows in report order")
			}
		}
		first, _ := strconv.Atoi(rows[0])
		assert.InDelta(t, wantFirst, first, 30)
		loaded := bt.Eval[int](t, ctx, `performance.getEntriesByType("resource").filter(e => /rows-\d+\.js$/.test(e.name)).length`)
		assert.Less(t, loaded, 6, "rows files loaded")
	}
	check(0)

	// Scrolled to the middle: rows 1,500 and on, 36 pixels each.
	bt.Eval[bool](t, ctx, `(() => { document.getElementById("table-wrap").scrollTop = 1500 * 36; return true; })()`)
	_, err = chromedp.Run(ctx, chromedp.Poll[chromedp.Void](`(() => { const tr = document.querySelector("#rows tr.row");
		return tr && +tr.dataset.row > 1400 && !document.querySelector("#rows tr.loading"); })()`, chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	check(1500 - 12)
}

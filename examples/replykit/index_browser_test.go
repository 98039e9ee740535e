package main

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	bt "github.com/replykit/replykit/examples/replykit/internal/browsertest"
)

// indexScreenshot is the picture of the sample's index in the README;
// go test -update writes it again.
const indexScreenshot = "testdata/index.png"

// The colours of the charts' bars (index.css).
var (
	yearBar   = color.RGBA{0x25, 0x63, 0xeb, 0xff}
	officeBar = color.RGBA{0x0f, 0x76, 0x6e, 0xff}
)

// TestIndexInBrowser migrates the sample as `replykit` does with no
// arguments, opens replykit-out/index.html from file:// in headless
// Chromium, and uses it as a person would: it looks at the screen, types
// a word that is only in a reply's text, picks a kind, sorts by date and
// follows a link.
func TestIndexInBrowser(t *testing.T) {
	needParse(t)
	ctx := bt.New(t, 2*time.Minute)
	shotPath, err := filepath.Abs(indexScreenshot)
	require.NoError(t, err)
	dir := t.TempDir()
	t.Chdir(dir)
	r := runCmd("")
	require.Equal(t, exitOK, r.code, r.stderr)
	index := filepath.Join(dir, "replykit-out", "index.html")

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+index)))
	bt.WaitRows(t, ctx, "", 6)
	titles := bt.Cells(t, ctx, 0)
	require.Len(t, titles, 6)
	assert.Contains(t, titles[0], "第15号提案的答复") // report order: nongye/ta/show.asp first
	assert.Equal(t, []string{"5", "1", "0"}, bt.Texts(t, ctx, "#count-replies, #count-others, #count-failed"))

	// The screen: the table holds text and the charts have their bars.
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(shot))
	require.NoError(t, err)
	ink := func(c color.Color) bool { return !bt.Near(c, color.White, 40) }
	assert.Greater(t, bt.Share(img, bt.Box(t, ctx, "#table-wrap"), ink), 0.02, "the table holds text")
	assert.Greater(t, bt.Share(img, bt.Box(t, ctx, "#chart-year"), func(c color.Color) bool { return bt.Near(c, yearBar, 24) }), 0.05, "year bars")
	assert.Greater(t, bt.Share(img, bt.Box(t, ctx, "#chart-office"), func(c color.Color) bool { return bt.Near(c, officeBar, 24) }), 0.05, "office bars")
	assert.Less(t, bt.Share(img, bt.Box(t, ctx, "#chart-year"), func(c color.Color) bool { return bt.Near(c, officeBar, 24) }), 0.001, "the colours are told apart")
	if *update {
		require.NoError(t, os.WriteFile(shotPath, shot, 0o644))
	}

	// 茶叶 is in the text of one reply, not in its title.
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys("#q", "茶叶")))
	bt.WaitRows(t, ctx, "茶叶", 1)
	title := bt.Cells(t, ctx, 0)[0]
	assert.Contains(t, title, "第15号提案的答复")
	assert.NotContains(t, title, "茶叶")

	// Cleared, then only suggestion replies: one.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click("#reset")))
	bt.WaitRows(t, ctx, "", 6)
	bt.Choose(t, ctx, "#f-kind", "建议答复")
	bt.WaitRows(t, ctx, "", 1)
	assert.Equal(t, []string{"建议答复"}, bt.Cells(t, ctx, 3))
	assert.Equal(t, []string{"建议答复 Suggestion reply"}, bt.Eval[[]string](t, ctx, `[...document.querySelectorAll("#rows tr.row")].map(tr => tr.cells[3].title)`))
	bt.Choose(t, ctx, "#f-kind", "全部")
	bt.WaitRows(t, ctx, "", 6)

	// Sorted by date, ascending, then descending.
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(`button[data-sort="date"]`)))
	bt.WaitRows(t, ctx, "", 6)
	assert.IsIncreasing(t, bt.Cells(t, ctx, 2))
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(`button[data-sort="date"]`)))
	bt.WaitRows(t, ctx, "", 6)
	assert.IsDecreasing(t, bt.Cells(t, ctx, 2))
	assert.Equal(t, []string{"descending"}, bt.Eval[[]string](t, ctx, `[...document.querySelectorAll("th[aria-sort]:not([aria-sort=none])")].map(th => th.getAttribute("aria-sort"))`))

	// From the keyboard: the kind column's button, focused, sorts on Enter.
	require.NoError(t, chromedp.Do(ctx, chromedp.Focus(`button[data-sort="kind"]`), chromedp.KeyEvent("\r")))
	bt.WaitRows(t, ctx, "", 6)
	assert.Equal(t, "ascending", bt.Eval[string](t, ctx, `document.querySelector('button[data-sort="kind"]').parentNode.getAttribute("aria-sort")`))
	assert.Equal(t, "建议答复", bt.Cells(t, ctx, 3)[4], "proposal replies, then the suggestion reply, then the other notice")

	// The first row's HTML link opens its reply's page.
	want := strings.TrimSuffix(bt.Cells(t, ctx, 0)[0], " *")
	href := bt.Eval[string](t, ctx, `document.querySelector("#rows tr.row td.links a").href`)
	assert.Regexp(t, `^file:///.*/replykit-out/[^?#]+\.html$`, href)
	require.NoError(t, chromedp.Do(ctx, chromedp.Click(`#rows tr.row td.links a`)))
	bt.WaitNavigation(t, ctx, `location.href === `+strconv.Quote(href))
	got, err := chromedp.Run(ctx, chromedp.Title())
	require.NoError(t, err)
	assert.Equal(t, want, got)
}

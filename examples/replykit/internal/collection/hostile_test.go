package collection

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	bt "github.com/replykit/replykit/examples/replykit/internal/browsertest"
	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// Hostile values from the sources: each sets window.__xss if it ever runs.
const (
	xssTitle   = "</script><script>window.__xss=1</script>关于第1号提案的答复"
	xssOffice  = `<img src=x onerror="window.__xss=2">县教育局`
	xssName    = `"><svg onload=window.__xss=3>`
	xssOutput  = "javascript:window.__xss=4"
	xssURL     = "javascript:window.__xss=5"
	xssMessage = "<script>window.__xss=6</script>"
	xssWarning = "<b onmouseover=window.__xss=7>code</b>"
	lineSep    = "标题\u2028分行\u2029段落 &amp; <!-- 注释 -->"
)

// hostilePages are a run whose sources hold markup, script and addresses
// meant to run in the index page.
func hostilePages() []page {
	a := newReply(xssTitle, xssOffice, reply.NewDate(2020, 1, 2), "1", "正文 </script> 提案办理")
	a.Addressees = []reply.Addressee{{Name: xssName, Role: reply.RoleMember}}
	a.Page.URL = xssURL
	a.Warnings = []reply.Warning{{Code: xssWarning, Message: "<i>hostile</i>"}}
	b := newReply(lineSep, "县政府", reply.NewDate(2021, 5, 6), "2", "第二件")
	return []page{
		{path: "site/" + xssOutput, output: xssOutput, status: migrate.StatusOK, reply: a},
		{path: "site/b.html", output: "b.html", status: migrate.StatusOK, reply: b},
		{path: "site/" + xssMessage, output: "bad.html", status: migrate.StatusFailed, errKind: xssMessage},
	}
}

// TestHostileSourcesStayText: in index.html every value from the sources
// is escaped (the only scripts and elements are the page's own), and the
// data files hold no character that could end a script or a string.
func TestHostileSourcesStayText(t *testing.T) {
	out := t.TempDir()
	res, err := Build(out, writeRun(t, out, hostilePages()), Options{})
	require.NoError(t, err)
	page, err := os.ReadFile(res.Index)
	require.NoError(t, err)
	doc, err := html.Parse(bytes.NewReader(page))
	require.NoError(t, err)
	scripts, svgs := 0, 0
	var text strings.Builder
	for n := range doc.Descendants() {
		switch {
		case n.Type == html.TextNode:
			text.WriteString(n.Data)
		case n.Type != html.ElementNode:
		case n.Data == "script":
			scripts++
		case n.Data == "svg":
			svgs++
		case n.Data == "img" || n.Data == "b" || n.Data == "i":
			t.Errorf("an element from the sources: <%s>", n.Data)
		}
		for _, a := range n.Attr {
			assert.False(t, strings.HasPrefix(a.Key, "on"), "attribute %s on <%s>", a.Key, n.Data)
		}
	}
	assert.Equal(t, 2, scripts, "the data and the code")
	assert.Equal(t, 2, svgs, "the two charts")
	assert.Contains(t, text.String(), "site/"+xssMessage+" — "+xssMessage+": made up: "+xssMessage, "the failure, as text")
	assert.True(t, strings.Contains(text.String(), `<img src=x on…: 1`), "the office in the chart, as text")
	assert.True(t, strings.Contains(text.String(), xssOffice+" (1)"), "the office in its filter, as text")

	meta := between(t, string(page), `<script id="meta" type="application/json">`, `</script>`)
	assert.NotContains(t, meta, "<")
	var m pageMeta
	require.NoError(t, json.Unmarshal([]byte(meta), &m))
	assert.Equal(t, 2, m.Rows)

	for name, data := range treetest.Read(t, filepath.Join(out, migrate.IndexDataDir)) {
		for _, bad := range []string{"<", ">", "&", "\u2028", "\u2029"} {
			assert.NotContains(t, string(data), bad, "%s holds %q", name, bad)
		}
	}
}

func between(t *testing.T, s, start, end string) string {
	t.Helper()
	i := strings.Index(s, start)
	require.GreaterOrEqual(t, i, 0, start)
	s = s[i+len(start):]
	j := strings.Index(s, end)
	require.GreaterOrEqual(t, j, 0, end)
	return s[:j]
}

// TestHostileSourcesInBrowser loads the index of the hostile run in
// headless Chromium: nothing sets window.__xss, the cells show the
// sources' text as written, no link leads anywhere but a file or an
// http(s) page, and the search still finds the rows. A control shows the
// check would see a payload that ran. index.js cuts text into the same
// tokens as tokens.go.
func TestHostileSourcesInBrowser(t *testing.T) {
	ctx := bt.New(t, 2*time.Minute)
	out := t.TempDir()
	res, err := Build(out, writeRun(t, out, hostilePages()), Options{})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+res.Index)))
	bt.WaitRows(t, ctx, "", 2)

	// Rows in the report's order: site/b.html, then site/javascript:….
	assert.Equal(t, []string{lineSep, xssTitle}, bt.Cells(t, ctx, 0))
	assert.Equal(t, []string{"县政府", xssOffice}, bt.Cells(t, ctx, 1))
	assert.Equal(t, []string{"涂轶委员", xssName + "委员"}, bt.Cells(t, ctx, 5))
	assert.Equal(t, []string{"", xssWarning}, bt.Cells(t, ctx, 6))
	hrefs := bt.Eval[[]string](t, ctx, `[...document.querySelectorAll("a")].map(a => a.protocol + " " + a.getAttribute("href"))`)
	for _, h := range hrefs {
		assert.Regexp(t, `^(file: |https?: )`, h)
	}
	assert.Contains(t, hrefs, "file: javascript%3Awindow.__xss%3D4.html")
	bt.Choose(t, ctx, "#f-warning", xssWarning)
	bt.WaitRows(t, ctx, "", 1)
	bt.Choose(t, ctx, "#f-warning", "全部")
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys("#q", "script 提案")))
	bt.WaitRows(t, ctx, "script 提案", 1)
	assert.Equal(t, []string{xssTitle}, bt.Cells(t, ctx, 0))
	require.NoError(t, chromedp.Do(ctx, chromedp.Click("#reset")))
	bt.WaitRows(t, ctx, "", 2)
	// Hover, focus and click everything, then look.
	bt.Eval[bool](t, ctx, `(() => { document.querySelectorAll("td, th, text, rect").forEach(e => {
		e.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})); e.dispatchEvent(new Event("focus")); }); return true; })()`)
	assert.Equal(t, "undefined", bt.Eval[string](t, ctx, `typeof window.__xss`), "a payload ran")

	// index.js cuts text as tokens.go does.
	for _, tc := range loadTokenCases(t) {
		got := bt.Eval[[]string](t, ctx, `replykitIndex.tokens(`+jsQuote(tc.Text)+`)`)
		assert.Equal(t, tc.Tokens, append([]string{}, got...), "index.js: %s", tc.Name)
	}
	for _, tok := range []string{"县", "县政", "73号", "ωmega", "𠀀字", "a级"} {
		assert.Equal(t, shardOf(tok, 64), bt.Eval[int](t, ctx, `replykitIndex.shardOf(`+jsQuote(tok)+`, 64)`), tok)
	}

	// The control: a payload that runs is seen.
	bt.Eval[bool](t, ctx, `(() => { const s = document.createElement("script"); s.textContent = "window.__xss=0"; document.body.append(s); return true; })()`)
	assert.Equal(t, "number", bt.Eval[string](t, ctx, `typeof window.__xss`))
}

func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

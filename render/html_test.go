package render_test

import (
	"bytes"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"unicode/utf8"
)

// allowedElements are the elements the renderer writes, with the parents
// each may have: what a page parsed back may hold and nothing more.
var allowedElements = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true, "link": true,
	"header": true, "nav": true, "article": true, "section": true, "footer": true, "div": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "p": true, "span": true,
	"br": true, "time": true, "a": true, "table": true, "caption": true, "tbody": true, "tr": true,
	"td": true, "figure": true, "img": true, "bdi": true,
}

// allowedAttrs are the attributes the renderer writes.
var allowedAttrs = map[string]bool{
	"lang": true, "charset": true, "name": true, "content": true, "rel": true, "href": true, "src": true,
	"alt": true, "class": true, "datetime": true, "aria-label": true,
	"data-rk": true, "data-format": true, "data-kind": true, "data-doc-number": true, "data-signer": true,
	"data-index-number": true, "data-category": true, "data-header": true, "data-trailer": true,
	"data-proposal": true, "data-addressees": true, "data-contact": true, "data-cc": true,
	"data-attachments": true, "data-signature": true, "data-page": true, "data-provenance": true, "data-title": true, "data-title-inferred": true,
	"data-field": true, "data-marker": true, "data-number": true, "data-run-in": true, "data-lead": true,
}

// urlAttrs are the attributes whose value a browser loads or follows.
var urlAttrs = map[string]bool{"href": true, "src": true}

// checkMarkup parses page as a browser would and reports every element or
// attribute outside the renderer's set, every link that is not http, https
// or relative, and repeated ids.
func checkMarkup(t testing.TB, page []byte, fragment bool) {
	t.Helper()
	var nodes []*html.Node
	if fragment {
		body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		ns, err := html.ParseFragment(bytes.NewReader(page), body)
		require.NoError(t, err)
		nodes = ns
	} else {
		doc, err := html.Parse(bytes.NewReader(page))
		require.NoError(t, err)
		nodes = []*html.Node{doc}
	}
	ids := map[string]bool{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			assert.True(t, allowedElements[n.Data], "element <%s> is not the renderer's", n.Data)
			assert.Empty(t, n.Namespace, "foreign element <%s:%s>", n.Namespace, n.Data)
			for _, a := range n.Attr {
				assert.True(t, allowedAttrs[a.Key], "attribute %s on <%s> is not the renderer's", a.Key, n.Data)
				if urlAttrs[a.Key] {
					assert.True(t, isSafeLink(a.Val), "%s=%q on <%s>", a.Key, a.Val, n.Data)
				}
				if a.Key == "id" {
					assert.False(t, ids[a.Val], "id %q repeated", a.Val)
					ids[a.Val] = true
				}
			}
		case html.CommentNode:
			t.Errorf("comment %q in the page", n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

// isSafeLink is the test's own reading of a safe address: after the
// characters browsers strip, no scheme but http and https.
func isSafeLink(v string) bool {
	s := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, strings.TrimSpace(v))
	s = strings.ToLower(s)
	i := strings.IndexAny(s, ":/?#")
	if i < 0 || s[i] != ':' {
		return true
	}
	return strings.HasPrefix(s, "http:") || strings.HasPrefix(s, "https:")
}

// TestHTMLValid checks the structure of the seed's page and of random
// replies' pages: one html, head and body; lang and charset; only the
// renderer's elements and attributes; headings and sections as written.
func TestHTMLValid(t *testing.T) {
	seed := loadSeed(t)
	page := renderHTML(t, seed, render.WithPageHeader())
	doc, err := html.Parse(bytes.NewReader(page))
	require.NoError(t, err)
	count := map[string]int{}
	var lang, charset string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			count[n.Data]++
			for _, a := range n.Attr {
				switch {
				case n.Data == "html" && a.Key == "lang":
					lang = a.Val
				case n.Data == "meta" && a.Key == "charset":
					charset = a.Val
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	assert.True(t, bytes.HasPrefix(page, []byte("<!DOCTYPE html>\n")))
	assert.Equal(t, 1, count["html"])
	assert.Equal(t, 1, count["head"])
	assert.Equal(t, 1, count["body"])
	assert.Equal(t, 1, count["title"])
	assert.Equal(t, 1, count["article"])
	assert.Equal(t, 1, count["h1"])
	assert.Equal(t, 4, count["h2"], "four top-level sections")
	assert.Equal(t, 4, count["h3"], "four sub-sections of 三、")
	assert.Equal(t, 8, count["section"])
	assert.Equal(t, 1, count["footer"])
	assert.Equal(t, 1, count["nav"])
	assert.Equal(t, "zh-CN", lang)
	assert.Equal(t, "utf-8", charset)
	checkMarkup(t, page, false)

	g := newGen(7)
	for range 100 {
		r := g.reply()
		checkMarkup(t, renderHTML(t, r, render.WithPageHeader()), false)
		checkMarkup(t, renderHTML(t, r, render.WithFragment(), render.WithPageHeader()), true)
	}
}

// TestHTMLSeedMarkup checks the seed page's semantic markup piece by piece.
func TestHTMLSeedMarkup(t *testing.T) {
	page := string(renderHTML(t, loadSeed(t)))
	for _, want := range []string{
		`<meta name="ArticleTitle" content="旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复">`,
		`<meta name="PubDate" content="2020-10-21">`,
		`<meta name="ContentSource" content="县民政局">`,
		`<h1 class="rk-title" data-rk="title">旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复</h1>`,
		`<p class="rk-salutation" data-rk="salutation">涂轶、李勇委员:</p>`,
		`<h2 class="rk-heading" data-rk="heading"><span class="rk-marker" data-rk="marker">一、</span>我县社区建设基本情况</h2>`,
		`<section class="rk-section rk-l2 rk-run-in" data-rk="section" data-marker="(一)" data-number="1" data-run-in="true">`,
		`<span class="rk-point" data-rk="point"><span class="rk-pm" data-rk="marker">一是</span><span class="rk-lead" data-rk="lead">提升认识</span>。新型农村社区`,
		`<footer class="rk-signature" data-rk="signature">`,
		`<p class="rk-line rk-f-office" data-rk="line" data-field="office">旺苍县人民政府办公室</p>`,
		`<p class="rk-line rk-f-date" data-rk="line" data-field="date"><time datetime="2017-03-16">2017年3月16日</time></p>`,
	} {
		assert.Contains(t, page, want)
	}
}

// TestHTMLOptions checks each option's effect on the page.
func TestHTMLOptions(t *testing.T) {
	seed := loadSeed(t)
	full := string(renderHTML(t, seed))
	assert.Contains(t, full, "<style>\n/* replykit")
	assert.Contains(t, full, "@page {\n  size: A4;")
	assert.NotContains(t, full, `class="rk-page"`)

	bare := string(renderHTML(t, seed, render.WithoutStylesheet()))
	assert.NotContains(t, bare, "<style>")
	assert.NotContains(t, bare, "<link")

	linked := string(renderHTML(t, seed, render.WithStylesheetURL("/static/replykit.css")))
	assert.Contains(t, linked, `<link rel="stylesheet" href="/static/replykit.css">`)
	assert.NotContains(t, linked, "<style>")

	err := render.HTML(&bytes.Buffer{}, seed, render.WithStylesheetURL("javascript:alert(1)"))
	assert.ErrorIs(t, err, render.ErrUnsafeURL)

	frag := string(renderHTML(t, seed, render.WithFragment()))
	assert.True(t, strings.HasPrefix(frag, `<article class="rk-reply"`), frag[:80])
	assert.NotContains(t, frag, "<head>")
	assert.NotContains(t, frag, "<style>")

	withHeader := string(renderHTML(t, seed, render.WithPageHeader()))
	assert.Contains(t, withHeader, `<nav class="rk-breadcrumb" aria-label="当前位置">当前位置：<span>首页</span> &gt; <span>政协提案</span>`)
	assert.Contains(t, withHeader, `<span>发布时间：<time datetime="2020-10-21">2020-10-21</time></span> <span>来源：县民政局</span> <span>点击量：2045</span>`)

	assert.ErrorIs(t, render.HTML(&bytes.Buffer{}, nil), render.ErrNilReply)
	assert.Equal(t, render.Stylesheet(), full[strings.Index(full, "<style>\n")+8:strings.Index(full, "</style>")])
}

// failWriter fails every write.
type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

// TestWriteErrors: a failing writer's error comes back from every output.
func TestWriteErrors(t *testing.T) {
	r := &reply.Reply{Kind: reply.KindOther, Title: "t"}
	assert.ErrorIs(t, render.HTML(failWriter{}, r), errWrite)
	assert.ErrorIs(t, render.Text(failWriter{}, r), errWrite)
	assert.ErrorIs(t, render.Markdown(failWriter{}, r), errWrite)
	assert.ErrorIs(t, render.JSON(failWriter{}, r), errWrite)
	assert.ErrorIs(t, render.Text(failWriter{}, nil), render.ErrNilReply)
	assert.ErrorIs(t, render.Markdown(failWriter{}, nil), render.ErrNilReply)
	assert.ErrorIs(t, render.JSON(failWriter{}, nil), render.ErrNilReply)
}

// TestHTMLTidy runs HTML Tidy over the seed's page when it is installed:
// no errors, and no warnings but those about the data-* attributes and
// HTML5 elements that old Tidy versions do not know.
func TestHTMLTidy(t *testing.T) {
	tidy, err := exec.LookPath("tidy")
	if err != nil {
		t.Skip("tidy is not installed")
	}
	page := renderHTML(t, loadSeed(t), render.WithPageHeader())
	cmd := exec.Command(tidy, "-q", "-e", "-utf8", "--show-warnings", "yes")
	cmd.Stdin = bytes.NewReader(page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("tidy: %v", err)
	}
	report := stderr.String()
	t.Logf("tidy says:\n%s", report)
	assert.NotContains(t, report, "Error:")
	if exit != nil {
		assert.Equal(t, 1, exit.ExitCode(), "tidy exit status (1 is warnings only)")
	}
	for _, l := range strings.Split(strings.TrimSpace(report), "\n") {
		if l == "" {
			continue
		}
		assert.Contains(t, l, "Warning:", l)
	}
}

// TestHTMLInvalidText: NUL and each byte of invalid UTF-8, which no HTML
// parser keeps, are written as U+FFFD, so the page is valid UTF-8; the rest of the text
// around them survives.
func TestHTMLInvalidText(t *testing.T) {
	r := &reply.Reply{Kind: reply.KindOther, Title: "甲\xff乙\x00丙\xe4\xb8", Opening: []reply.Block{{Text: "\xed\xa0\x80代理\xe0\x80\xaf"}}}
	page := renderHTML(t, r)
	assert.True(t, utf8.Valid(page))
	got := readBack(t, page)
	assert.Equal(t, "甲\uFFFD乙\uFFFD丙\uFFFD\uFFFD", got.Title)
	assert.Equal(t, "\uFFFD\uFFFD\uFFFD代理\uFFFD\uFFFD\uFFFD", got.Opening[0].Text)
}

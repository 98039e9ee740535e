package render_test

import (
	"bytes"
	"errors"
	"html"
	"strings"
	"testing"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	nethtml "golang.org/x/net/html"
)

// hostilePage is a notice page in the style of a county site, with
// placeholders where a source page carries text and addresses: the title
// (<title>, the ArticleTitle meta, the <h1>), the addressee's name, a
// section heading, a paragraph, an image's address and text, and the page's
// address (the Url meta and the canonical link).
const hostilePage = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>{title} - 某某县人民政府</title>
<meta name="ArticleTitle" content="{titleAttr}">
<meta name="Url" content="{url}">
<link rel="canonical" href="{url}">
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<div class="main"><h1>{title}</h1>
<div id="zoom">
<p>{name}委员：</p>
<p>　　你在县政协十届一次会议上提出的关于加强社区建设的提案收悉。现将有关情况答复如下：</p>
<p>　　一、{heading}</p>
<p>　　{para}目前，全县已建成城乡社区40个，纳入管理的居民总数达40727户。</p>
<p><img src="{url}" alt="{paraAttr}"></p>
<p>　　二、下一步工作打算</p>
<p>　　下一步，我们将继续加大工作力度，确保各项措施落到实处。</p>
<p>　　感谢你对我们工作的关心和支持。</p>
<p style="text-align:right">某某县人民政府办公室</p>
<p style="text-align:right">2017年3月16日</p>
</div></div>
<div class="footer">版权所有：某某县人民政府</div>
</body></html>
`

// fillPage places payload and url into the page: as markup, written into
// the page as they are (raw), or as text, escaped as a page writes text.
func fillPage(payload, url string, raw bool) []byte {
	text, attr, u := payload, payload, url
	if !raw {
		text, attr, u = html.EscapeString(payload), html.EscapeString(payload), html.EscapeString(url)
	}
	return []byte(strings.NewReplacer(
		"{title}", "关于"+text+"的答复", "{titleAttr}", "关于"+attr+"的答复",
		"{name}", "涂轶"+text, "{heading}", "基本情况"+text, "{para}", text,
		"{paraAttr}", attr, "{url}", u,
	).Replace(hostilePage))
}

// scriptSchemes are URL schemes that run code or carry a document.
var scriptSchemes = []string{"javascript:", "vbscript:", "data:"}

// TestHostileSourcePages reads hostile source pages and renders what it
// read: each payload in the title, the addressee's name, a heading and a
// paragraph, each hostile address in the image, the Url meta and the
// canonical link. The rendered page holds only the renderer's elements
// and attributes and no script address; a payload that the source wrote
// as text is text in the reply and in the rendered page.
func TestHostileSourcePages(t *testing.T) {
	urls := append([]string{"http://www.example.gov.cn/zwgk/t1.html"}, xssURLs...)
	for _, raw := range []bool{false, true} {
		read := 0
		for _, payload := range xssPayloads {
			for _, url := range urls {
				src := fillPage(payload, url, raw)
				rep, err := parse.HTML(bytes.NewReader(src))
				if err != nil && strings.ContainsRune(payload, 0) {
					// A NUL byte marks binary data, not a page.
					require.ErrorIs(t, err, parse.ErrNotHTML)
					continue
				}
				if err != nil {
					// Markup that swallows the page (an unclosed comment or
					// style) may leave no notice; that must be said so.
					require.True(t, raw, "payload %q url %q as text: %v", payload, url, err)
					require.True(t, errors.Is(err, parse.ErrNoContent), "payload %q url %q: %v", payload, url, err)
					continue
				}
				read++
				checkHostileReply(t, rep, payload, url)
				page := renderHTML(t, rep, render.WithPageHeader())
				checkMarkup(t, page, false)
				markup := markupOnly(strings.ToLower(string(page)))
				for _, bad := range []string{"<script", "<iframe", "<svg", "<math", "<object", "<embed", "<base", "<input",
					"<details", "<style>*", " onerror=", " onload=", " onfocus=", " onmouseover=", " ontoggle=", " srcdoc=",
					"javascript:", "vbscript:", "data:", "expression("} {
					assert.NotContains(t, markup, bad, "payload %q url %q raw %v", payload, url, raw)
				}
				if raw {
					continue
				}
				// Written as text, the payload is text: in the title, the
				// paragraph, and the rendered page's text.
				want := reply.NormalizeWhitespace(payload)
				assert.Contains(t, reply.NormalizeWhitespace(rep.Title), want, "title, payload %q", payload)
				assert.Contains(t, reply.NormalizeWhitespace(rep.PlainText()), want+"目前，全县", "paragraph, payload %q", payload)
				assert.Contains(t, reply.NormalizeWhitespace(pageText(t, page)), want+"目前，全县", "rendered text, payload %q", payload)
			}
		}
		t.Logf("raw %v: %d of %d pages read as notices", raw, read, len(xssPayloads)*len(urls))
		if !raw {
			assert.Equal(t, (len(xssPayloads)-1)*len(urls), read, "every page but those with NUL is read")
		}
	}
}

// checkHostileReply checks the addresses of a reply read from a hostile
// page: none has a script scheme, and only a real http address is kept as
// the page's.
func checkHostileReply(t *testing.T, rep *reply.Reply, payload, url string) {
	t.Helper()
	addrs := []string{rep.Page.URL}
	walkBlocks(rep, func(b reply.Block) {
		if b.Image != nil {
			addrs = append(addrs, b.Image.URL)
		}
	})
	for _, a := range addrs {
		lower := strings.ToLower(strings.Map(func(r rune) rune {
			if r <= ' ' {
				return -1
			}
			return r
		}, a))
		for _, s := range scriptSchemes {
			assert.False(t, strings.HasPrefix(lower, s), "address %q kept from payload %q url %q", a, payload, url)
		}
	}
}

// walkBlocks calls f on every block of the reply.
func walkBlocks(r *reply.Reply, f func(reply.Block)) {
	var sections func([]reply.Section)
	sections = func(ss []reply.Section) {
		for _, s := range ss {
			for _, b := range s.Blocks {
				f(b)
			}
			sections(s.Sections)
		}
	}
	for _, b := range r.Opening {
		f(b)
	}
	sections(r.Sections)
	for _, b := range r.Closing {
		f(b)
	}
}

// pageText returns the text of a page as a browser shows it: the text
// nodes of its body.
func pageText(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := nethtml.Parse(bytes.NewReader(page))
	require.NoError(t, err)
	var b strings.Builder
	var walk func(*nethtml.Node)
	walk = func(n *nethtml.Node) {
		if n.Type == nethtml.ElementNode && (n.Data == "head" || n.Data == "style") {
			return
		}
		if n.Type == nethtml.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}

// TestHostileSourcePagesChromium renders what was read from every hostile
// source page, the payloads written into it as markup, into one page, and
// loads it in headless Chromium: no payload runs.
func TestHostileSourcePagesChromium(t *testing.T) {
	browser := chromium(t)
	var page bytes.Buffer
	page.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title></head><body>\n")
	n := 0
	for i, payload := range xssPayloads {
		for _, url := range []string{xssURLs[i%len(xssURLs)], `x" onerror="document.title='XSS'+'RAN'`} {
			rep, err := parse.HTML(bytes.NewReader(fillPage(payload, url, true)))
			if err != nil {
				continue
			}
			require.NoError(t, render.HTML(&page, rep, render.WithFragment(), render.WithPageHeader()))
			n++
		}
	}
	page.WriteString("</body></html>\n")
	require.Greater(t, n, len(xssPayloads), "most hostile pages read as notices")
	dom := dumpDOM(t, browser, page.Bytes())
	assert.NotContains(t, dom, ranMarker, "a payload ran")
	assert.Contains(t, dom, `data-rk="reply"`)
}

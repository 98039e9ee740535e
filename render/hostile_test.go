package render_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ranMarker is what a payload writes when it runs. Each payload builds it
// from two halves, so the marker itself never stands in the page's text.
const ranMarker = "XSSRAN"

// xssPayloads are script injections of every family: tags, event
// handlers, URLs with script schemes, SVG and MathML, frames, CSS
// expressions, entity-encoded and broken-tag variants, and text that
// tries to close the element it stands in.
var xssPayloads = []string{
	`<script>document.title='XSS'+'RAN'</script>`,
	`<img src=x onerror="document.title='XSS'+'RAN'">`,
	`<img src=x onerror=document.title='XSS'+'RAN'>`,
	`<svg onload="document.title='XSS'+'RAN'"></svg>`,
	`<svg><script>document.title='XSS'+'RAN'</script></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror="document.title='XSS'+'RAN'">`,
	`<iframe src="javascript:parent.document.title='XSS'+'RAN'"></iframe>`,
	`<iframe srcdoc="<script>parent.document.title='XSS'+'RAN'</script>"></iframe>`,
	`<object data="data:text/html,<script>parent.document.title='XSS'+'RAN'</script>"></object>`,
	`<embed src="javascript:document.title='XSS'+'RAN'">`,
	`<a href="javascript:document.title='XSS'+'RAN'">点击</a>`,
	`<body onload="document.title='XSS'+'RAN'">`,
	`<details open ontoggle="document.title='XSS'+'RAN'">`,
	`<input autofocus onfocus="document.title='XSS'+'RAN'">`,
	`<div style="width:expression(document.title='XSS'+'RAN')">css</div>`,
	`<style>*{background:url("javascript:document.title='XSS'+'RAN'")}</style>`,
	`<link rel=stylesheet href="javascript:document.title='XSS'+'RAN'">`,
	`<meta http-equiv="refresh" content="0;url=javascript:document.title='XSS'+'RAN'">`,
	`<base href="javascript:document.title='XSS'+'RAN'//">`,
	`"><script>document.title='XSS'+'RAN'</script>`,
	`' onmouseover='document.title="XSS"+"RAN"' x='`,
	`" autofocus onfocus="document.title='XSS'+'RAN'" x="`,
	`</title><script>document.title='XSS'+'RAN'</script>`,
	`</style><script>document.title='XSS'+'RAN'</script>`,
	`</p></article><script>document.title='XSS'+'RAN'</script>`,
	`<!--<img src="--><img src=x onerror="document.title='XSS'+'RAN'">`,
	`<scr<script>ipt>document.title='XSS'+'RAN'</scr</script>ipt>`,
	`<<script>script>document.title='XSS'+'RAN'<</script>/script>`,
	`&lt;script&gt;document.title='XSS'+'RAN'&lt;/script&gt;`,
	`&#60;img src=x onerror=document.title='XSS'+'RAN'&#62;`,
	`\u003cscript\u003edocument.title='XSS'+'RAN'\u003c/script\u003e`,
	`<scrıpt>document.title='XSS'+'RAN'</scrıpt>`,
	"<script\x00>document.title='XSS'+'RAN'</script>",
	`]]><![CDATA[<script>document.title='XSS'+'RAN'</script>]]>`,
	`{{.}}{{template "x"}}<%= 1 %>${document.title='XSS'+'RAN'}`,
}

// xssURLs are addresses with script schemes, spelled as filters miss them.
var xssURLs = []string{
	`javascript:document.title='XSS'+'RAN'`,
	`JaVaScRiPt:document.title='XSS'+'RAN'`,
	` javascript:document.title='XSS'+'RAN'`,
	"java\tscript:document.title='XSS'+'RAN'",
	"java\nscript:document.title='XSS'+'RAN'",
	"\x01javascript:document.title='XSS'+'RAN'",
	`&#106;avascript:document.title='XSS'+'RAN'`,
	`javascript&colon;document.title='XSS'+'RAN'`,
	`vbscript:msgbox("XSS")`,
	`data:text/html,<script>document.title='XSS'+'RAN'</script>`,
	`data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+`,
	`x" onerror="document.title='XSS'+'RAN'`,
	`http://example.gov.cn/a.png" onerror="document.title='XSS'+'RAN'`,
	`//example.gov.cn/a.png'><script>document.title='XSS'+'RAN'</script>`,
}

// hostileReply places payload into every text field of a reply, and url
// into every address.
func hostileReply(payload, url string) *reply.Reply {
	d := reply.NewDate(2017, 3, 16)
	return &reply.Reply{
		Kind: reply.KindProposalReply, Title: "标题" + payload, DocNumber: payload, Signer: payload, IndexNumber: payload,
		Header:     []reply.Line{{Text: payload, Field: reply.FieldOffice}, {Text: "标题" + payload, Field: reply.FieldTitle}},
		Proposal:   reply.Proposal{Body: payload, Number: payload, Title: payload, Proposers: []string{payload}},
		Addressees: []reply.Addressee{{Name: payload, Role: reply.Role(payload)}},
		Salutation: payload + "委员：",
		Opening:    []reply.Block{{Text: payload}, {Image: &reply.Image{URL: url, Alt: payload}}},
		Sections: []reply.Section{{Marker: "一、", Number: 1, Heading: payload, Blocks: []reply.Block{
			{Text: payload, Points: []reply.Point{{Marker: payload, Lead: payload, Text: payload + "。" + payload}}},
			{Table: &reply.Table{Caption: payload, Rows: [][]string{{payload, payload}}}},
		}, Sections: []reply.Section{{Marker: "（一）", Number: 1, Heading: payload, RunIn: true, Blocks: []reply.Block{{Text: payload}}}}}},
		Closing:     []reply.Block{{Text: payload}},
		Contact:     reply.Contact{Unit: payload, Person: payload, Phone: payload},
		CC:          []string{payload},
		Attachments: []string{payload, payload},
		Signature:   reply.Signature{Office: payload, Date: d},
		Page: reply.Page{URL: url, Site: payload, Column: payload, Breadcrumb: []string{payload, payload},
			Published: d, Source: payload, Author: payload, Views: 1, Keywords: []string{payload}, Description: payload},
	}
}

// TestHostileInput renders each payload in every field, with each hostile
// address: the page holds only the renderer's elements and attributes and
// no script address, and reads back to the same text.
func TestHostileInput(t *testing.T) {
	for _, payload := range xssPayloads {
		for _, url := range append([]string{"http://example.gov.cn/a.png"}, xssURLs...) {
			r := hostileReply(payload, url)
			for _, opts := range [][]render.Option{{render.WithPageHeader()}, {render.WithFragment(), render.WithPageHeader()}} {
				page := renderHTML(t, r, opts...)
				checkMarkup(t, page, len(opts) == 2)
				lower := strings.ToLower(string(page))
				for _, bad := range []string{"<script", "<iframe", "<svg", "<math", "<object", "<embed", "<base", "<input", "<details", " onerror=", " onload=", " onfocus=", " onmouseover=", "javascript:", "vbscript:", "data:text", "data:image", "expression("} {
					if strings.HasPrefix(bad, "<") {
						assert.NotContains(t, lower, bad, "payload %q url %q", payload, url)
					} else {
						// Escaped text and data-* values may hold these
						// words; tags and attribute names may not.
						assert.NotContains(t, markupOnly(lower), bad, "payload %q url %q", payload, url)
					}
				}
			}
			if strings.ContainsRune(payload, 0) {
				continue // NUL is written as U+FFFD: the one change HTML forces.
			}
			want := withoutWarnings(r)
			if !isSafeLink(url) || strings.ContainsAny(url, "\t\n\x01") {
				want = droppedURLs(want)
			}
			assert.Equal(t, want, readBack(t, renderHTML(t, r)), "payload %q url %q", payload, url)
		}
	}
}

// markupOnly returns the page with its text and attribute values blanked,
// leaving the tags and attribute names.
func markupOnly(page string) string {
	var b strings.Builder
	inTag, quote := false, byte(0)
	for i := 0; i < len(page); i++ {
		c := page[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
				b.WriteByte(c)
			}
		case inTag:
			if c == '"' || c == '\'' {
				quote = c
			}
			if c == '>' {
				inTag = false
			}
			b.WriteByte(c)
		case c == '<':
			inTag = true
			b.WriteByte(c)
		}
	}
	return b.String()
}

// droppedURLs returns r as it reads back when its addresses are unsafe:
// without them, the image a paragraph of its text.
func droppedURLs(r *reply.Reply) *reply.Reply {
	c := *r
	c.Opening = []reply.Block{c.Opening[0], {Text: c.Opening[1].Image.Alt}}
	c.Page.URL = ""
	return &c
}

// chromium returns the path of a Chromium browser, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("Chromium is not installed")
	return ""
}

// chromiumArgs are the flags of a quiet, self-contained headless run.
func chromiumArgs(t *testing.T) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir()}
}

// dumpDOM loads page in headless Chromium, lets its scripts and timers
// run, and returns the DOM as the browser holds it then.
func dumpDOM(t *testing.T, browser string, page []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "page.html")
	require.NoError(t, os.WriteFile(file, page, 0o644))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append(chromiumArgs(t), "--virtual-time-budget=3000", "--dump-dom", "file://"+file)
	out, err := exec.CommandContext(ctx, browser, args...).Output()
	require.NoError(t, err)
	return string(out)
}

// TestHostileInputChromium loads a page holding every payload in headless
// Chromium and checks that none ran: the marker a payload writes is not in
// the DOM. A control page with a real script shows that the check sees a
// payload that runs.
func TestHostileInputChromium(t *testing.T) {
	browser := chromium(t)
	control := []byte("<!DOCTYPE html><html><head><title>x</title></head><body>" +
		"<img src=x onerror=\"document.title='XSS'+'RAN'\"></body></html>")
	require.Contains(t, dumpDOM(t, browser, control), ranMarker, "the control page's script did not run: the check would see nothing")

	r := hostileReply(strings.Join(xssPayloads, "\n"), xssURLs[0])
	for _, u := range xssURLs {
		r.Closing = append(r.Closing, reply.Block{Image: &reply.Image{URL: u, Alt: "图"}})
	}
	var buf bytes.Buffer
	require.NoError(t, render.HTML(&buf, r, render.WithPageHeader()))
	dom := dumpDOM(t, browser, buf.Bytes())
	assert.NotContains(t, dom, ranMarker, "a payload ran")
	assert.Contains(t, dom, "document.title='XSS'+'RAN'", "the payloads are in the page as text")
	assert.Contains(t, dom, `<h1 class="rk-title" data-rk="title"`)
}

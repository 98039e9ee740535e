package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readRenderedString runs readRendered on a page given as a string.
func readRenderedString(t *testing.T, page string) (*reply.Reply, bool, error) {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	require.NoError(t, err)
	art := renderedArticle(doc.Get(0))
	if art == nil {
		return nil, false, nil
	}
	rep, err := readRendered(art)
	return rep, true, err
}

// renderedPage is a page in the form the render package writes, by hand:
// every hook the reader knows, and text that tries it (entities, a CR
// reference, markup-like text).
const renderedPage = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head><body>
<article class="rk-reply" data-rk="reply" data-format="replykit/v1" data-kind="proposal-reply" data-doc-number="某政函〔2022〕8号" data-category="B" data-header="lines" data-trailer="lines" data-proposal="{&#34;body&#34;:&#34;县政协&#34;,&#34;term&#34;:10,&#34;session&#34;:1,&#34;number&#34;:&#34;0487&#34;}" data-addressees="[{&#34;name&#34;:&#34;涂轶&#34;,&#34;role&#34;:&#34;委员&#34;}]" data-contact="{}" data-cc="[&#34;县财政局&#34;]" data-signature="{&#34;office&#34;:&#34;某局&#34;,&#34;date&#34;:&#34;2017-03-16&#34;,&#34;dateText&#34;:&#34;2017年3月16日&#34;}" data-page="{&#34;url&#34;:&#34;http://x.gov.cn/1.html&#34;,&#34;published&#34;:&#34;2020-10-21&#34;,&#34;publishedText&#34;:&#34;2020-10-21&#34;,&#34;views&#34;:2045}">
<div class="rk-header" data-rk="header">
<p class="rk-line" data-rk="line" data-field="office">某某局</p>
<h1 class="rk-title" data-rk="title" data-title="关于某事的答复"><span data-rk="line" data-field="title">关于某事</span><br><span data-rk="line" data-field="title">的答复</span></h1>
</div>
<p data-rk="salutation">涂轶委员：</p>
<div data-rk="opening"><p data-rk="p">A &amp; B &lt;script&gt;&#13;x</p></div>
<section data-rk="section" data-marker="一、" data-number="1">
<h2 data-rk="heading"><span data-rk="marker">一、</span>标题</h2>
<p data-rk="p">前文<span data-rk="point"><span data-rk="marker">一是</span><span data-rk="lead">提升认识</span>。正文</span><span data-rk="point" data-lead="没有"><span data-rk="marker">二是</span>没有引语</span></p>
<section data-rk="section" data-marker="（一）" data-number="1" data-run-in="true">
<h3 data-rk="heading"><span data-rk="marker">（一）</span>小标题。</h3><p data-rk="p">段落</p>
<table data-rk="table"><caption>表</caption><tbody><tr><td>a</td><th>b</th></tr><tr></tr></tbody></table>
<figure data-rk="image"><img src="/a.png" alt="图"></figure>
</section>
</section>
<div data-rk="closing"><p data-rk="p">此复。</p></div>
<div data-rk="trailer"><footer data-rk="signature"><p data-rk="line" data-field="office">某局</p><p data-rk="line" data-field="date"><time datetime="2017-03-16">2017年3月16日</time></p></footer></div>
</article></body></html>`

// TestReadRendered reads a page replykit rendered back into its reply.
func TestReadRendered(t *testing.T) {
	got, ok, err := readRenderedString(t, renderedPage)
	require.True(t, ok)
	require.NoError(t, err)
	published := reply.Date{Text: "2020-10-21", Year: 2020, Month: 10, Day: 21}
	want := &reply.Reply{
		Kind: reply.KindProposalReply, Title: "关于某事的答复", DocNumber: "某政函〔2022〕8号",
		Header: []reply.Line{
			{Text: "某某局", Field: reply.FieldOffice},
			{Text: "关于某事", Field: reply.FieldTitle},
			{Text: "的答复", Field: reply.FieldTitle},
		},
		Proposal:   reply.Proposal{Body: "县政协", Term: 10, Session: 1, Number: "0487"},
		Addressees: []reply.Addressee{{Name: "涂轶", Role: reply.RoleMember}},
		Salutation: "涂轶委员：",
		Opening:    []reply.Block{{Text: "A & B <script>\rx"}},
		Sections: []reply.Section{{
			Marker: "一、", Number: 1, Heading: "标题",
			Blocks: []reply.Block{{Text: "前文", Points: []reply.Point{
				{Marker: "一是", Lead: "提升认识", Text: "提升认识。正文"},
				{Marker: "二是", Lead: "没有", Text: "没有引语"},
			}}},
			Sections: []reply.Section{{
				Marker: "（一）", Number: 1, Heading: "小标题。", RunIn: true,
				Blocks: []reply.Block{
					{Text: "段落"},
					{Table: &reply.Table{Caption: "表", Rows: [][]string{{"a", "b"}, {}}}},
					{Image: &reply.Image{URL: "/a.png", Alt: "图"}},
				},
			}},
		}},
		Closing:   []reply.Block{{Text: "此复。"}},
		Contact:   reply.Contact{},
		CC:        []string{"县财政局"},
		Category:  reply.CategoryB,
		Signature: reply.Signature{Office: "某局", Date: reply.Date{Text: "2017年3月16日", Year: 2017, Month: 3, Day: 16}},
		Trailer:   []reply.Line{{Text: "某局", Field: reply.FieldOffice}, {Text: "2017年3月16日", Field: reply.FieldDate}},
		Page:      reply.Page{URL: "http://x.gov.cn/1.html", Published: published, Views: 2045},
	}
	assert.Equal(t, want, got)
}

// TestReadRenderedCanonical: without data-header and data-trailer the
// lines are the canonical ones and Header and Trailer stay nil.
func TestReadRenderedCanonical(t *testing.T) {
	page := strings.NewReplacer(` data-header="lines"`, "", ` data-trailer="lines"`, "").Replace(renderedPage)
	got, ok, err := readRenderedString(t, page)
	require.True(t, ok)
	require.NoError(t, err)
	assert.Nil(t, got.Header)
	assert.Nil(t, got.Trailer)
	assert.Equal(t, "关于某事的答复", got.Title)
}

// TestReadRenderedNotOurs: any other page is left to the page reader.
func TestReadRenderedNotOurs(t *testing.T) {
	for _, page := range []string{
		"",
		"<html><body><article><h1>标题</h1><p>正文</p></article></body></html>",
		`<div class="TRS_Editor"><p data-rk="p">x</p></div>`,
		`<section data-rk="reply"><h1>x</h1></section>`,
	} {
		got, ok, err := readRenderedString(t, page)
		assert.False(t, ok, page)
		assert.NoError(t, err)
		assert.Nil(t, got)
	}
}

// TestReadRenderedErrors: a rendered page with broken hooks is an error
// that names the part, not a wrong reply.
func TestReadRenderedErrors(t *testing.T) {
	cases := []struct {
		name, old, new, msg string
		is                  error
	}{
		{"format", `data-format="replykit/v1"`, `data-format="replykit/v9"`, `"replykit/v9"`, reply.ErrFormat},
		{"no format", ` data-format="replykit/v1"`, ``, `format ""`, reply.ErrFormat},
		{"number", `data-number="1"`, `data-number="one"`, `data-number "one"`, ErrRenderedPage},
		{"proposal", `data-proposal="{`, `data-proposal="[`, "data-proposal", ErrRenderedPage},
		{"signature date", `2017-03-16&#34;,&#34;dateText`, `2017-02-30&#34;,&#34;dateText`, "data-signature", ErrRenderedPage},
		{"page", `data-page="{`, `data-page="{{`, "data-page", ErrRenderedPage},
		{"provenance in v1", `data-page="{`, `data-provenance="{&#34;path&#34;:&#34;a.html&#34;}" data-page="{`, `data-provenance in a page of format "replykit/v1"`, ErrRenderedPage},
		{"provenance", `data-format="replykit/v1"`, `data-format="replykit/v2" data-provenance="[]"`, "data-provenance", ErrRenderedPage},
		// Hooks that read, but to a reply that does not validate.
		{"capture without record", `data-format="replykit/v1"`, `data-format="replykit/v2" data-provenance="{&#34;capture&#34;:{&#34;offset&#34;:3}}"`, "provenance.capture.uri: empty", reply.ErrInvalid},
		{"lead", `data-lead="没有"`, `data-lead="别的"`, `sections[0].blocks[0].points[1].lead: "别的" does not begin`, reply.ErrInvalid},
		{"no kind", ` data-kind="proposal-reply"`, ``, "kind: missing", ErrRenderedPage},
		{"unknown kind", `data-kind="proposal-reply"`, `data-kind="reply"`, `unknown kind "reply"`, ErrRenderedPage},
		{"section order", `data-marker="（一）" data-number="1"`, `data-marker="（一）" data-number="2"`, "sections[0].sections[0].number", reply.ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := strings.Replace(renderedPage, c.old, c.new, 1)
			require.NotEqual(t, renderedPage, page)
			got, ok, err := readRenderedString(t, page)
			assert.True(t, ok)
			assert.Nil(t, got)
			require.Error(t, err)
			assert.True(t, errors.Is(err, c.is), "%v", err)
			assert.Contains(t, err.Error(), c.msg)
		})
	}
}

// TestDocumentReadsRendered: parse.Document takes a rendered page through
// readRendered, before any page extraction.
func TestDocumentReadsRendered(t *testing.T) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(renderedPage))
	require.NoError(t, err)
	got, err := Document(doc)
	require.NoError(t, err)
	assert.Equal(t, "关于某事的答复", got.Title)
	assert.Len(t, got.Sections, 1)
}

// TestReadRenderedUntitled: a rendered page without a title reads with the
// warning that any untitled page gets.
func TestReadRenderedUntitled(t *testing.T) {
	page := strings.Replace(renderedPage, `data-title="关于某事的答复"`, `data-title=""`, 1)
	got, ok, err := readRenderedString(t, page)
	require.True(t, ok)
	require.NoError(t, err)
	assert.Equal(t, "", got.Title)
	assert.Equal(t, []reply.Warning{{Code: CodeNoTitle, Message: "the rendered page has no title"}}, got.Warnings)
}

// TestReadRenderedUnsafeImage: an image whose address is missing or has a
// script scheme, as a page changed by hand may have, reads as a paragraph
// of its text; without text it is dropped.
func TestReadRenderedUnsafeImage(t *testing.T) {
	for _, img := range []string{`<img alt="图">`, `<img src="javascript:alert(1)" alt="图">`, `<img src="java&#9;script:alert(1)" alt="图">`} {
		page := strings.Replace(renderedPage, `<img src="/a.png" alt="图">`, img, 1)
		got, ok, err := readRenderedString(t, page)
		require.True(t, ok)
		require.NoError(t, err, img)
		assert.Equal(t, reply.Block{Text: "图"}, got.Sections[0].Sections[0].Blocks[2], img)
	}
	page := strings.Replace(renderedPage, `<img src="/a.png" alt="图">`, `<img src="data:image/png;base64,AAAA">`, 1)
	got, _, err := readRenderedString(t, page)
	require.NoError(t, err)
	assert.Len(t, got.Sections[0].Sections[0].Blocks, 2)
}

package render_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHTMLRoundTripGoldens reads back the rendered page of every golden
// reply in the repository, as a document and as a fragment.
func TestHTMLRoundTripGoldens(t *testing.T) {
	goldens := goldenReplies(t)
	require.NotEmpty(t, goldens, "no golden replies found")
	for _, path := range sortedKeys(goldens) {
		r := goldens[path]
		t.Run(path, func(t *testing.T) {
			require.Equal(t, withoutWarnings(r), readBack(t, renderHTML(t, r)))
			require.Equal(t, withoutWarnings(r), readBack(t, renderHTML(t, r, render.WithFragment(), render.WithPageHeader())))
		})
	}
}

// TestHTMLRoundTripRandom reads back the rendered pages of replies made at
// random: every valid reply comes back equal, warnings aside.
func TestHTMLRoundTripRandom(t *testing.T) {
	g := newGen(1)
	n := 400
	if testing.Short() {
		n = 50
	}
	for i := range n {
		r := g.reply()
		require.NoError(t, r.Validate(), "generated reply %d is not valid", i)
		page := renderHTML(t, r)
		got := readBack(t, page)
		if !assert.Equal(t, withoutWarnings(r), got, "reply %d", i) {
			t.Logf("page:\n%s", page)
			return
		}
		// The same page read by goquery first, as parse.Document takes it.
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
		require.NoError(t, err)
		got, err = parse.Document(doc)
		require.NoError(t, err)
		require.Equal(t, withoutWarnings(r), got, "reply %d via parse.Document", i)
		// Rendering is deterministic.
		require.Equal(t, page, renderHTML(t, r), "reply %d rendered twice", i)
	}
}

// TestHTMLRoundTripCases covers the shapes the generator reaches only by
// chance.
func TestHTMLRoundTripCases(t *testing.T) {
	d := reply.NewDate(2017, 3, 16)
	base := func() *reply.Reply {
		return &reply.Reply{Kind: reply.KindProposalReply, Title: "关于某事的答复"}
	}
	cases := map[string]func(r *reply.Reply){
		"title only": func(r *reply.Reply) {},
		"empty header and trailer": func(r *reply.Reply) {
			r.Header, r.Trailer = []reply.Line{}, []reply.Line{}
			r.Signature = reply.Signature{Office: "某局", Date: d}
		},
		"title broken over two lines": func(r *reply.Reply) {
			r.Header = []reply.Line{
				{Text: "某某县交通运输局", Field: reply.FieldOffice},
				{Text: "关于某事", Field: reply.FieldTitle},
				{Text: "的答复", Field: reply.FieldTitle},
				{Text: "某交函〔2022〕8号", Field: reply.FieldDocNumber},
			}
			r.DocNumber = "某交函〔2022〕8号"
		},
		"empty proposal and contact": func(r *reply.Reply) {
			r.Proposal, r.Contact = reply.Proposal{}, reply.Contact{}
		},
		"run-in heading before a table": func(r *reply.Reply) {
			r.Sections = []reply.Section{{Marker: "（一）", Number: 1, Heading: "表。", RunIn: true,
				Blocks: []reply.Block{{Table: &reply.Table{Rows: [][]string{{"a", ""}, {"", "b"}}}}}}}
		},
		"points only, lead empty": func(r *reply.Reply) {
			r.Closing = []reply.Block{{Points: []reply.Point{{Marker: "首先", Text: "一句话。"}, {Marker: "其次", Lead: "两句", Text: "两句。话"}}}}
		},
		"signature date only, time of day": func(r *reply.Reply) {
			dt, err := reply.ParseDate("2020-10-21 09:30")
			if err != nil {
				panic(err)
			}
			r.Signature = reply.Signature{Date: dt}
		},
		"image with no alt": func(r *reply.Reply) {
			r.Opening = []reply.Block{{Image: &reply.Image{URL: "/a.png"}}}
		},
		"inferred title": func(r *reply.Reply) {
			r.TitleInferred = true
			r.Proposal = reply.Proposal{Body: "县政协", Term: 10, Session: 1, Number: "73"}
			r.Salutation = "涂轶委员："
		},
		"inferred title with header lines": func(r *reply.Reply) {
			r.TitleInferred = true
			r.Header = []reply.Line{{Text: "某某县交通运输局", Field: reply.FieldOffice}, {Text: "某交函〔2022〕8号", Field: reply.FieldDocNumber}}
			r.DocNumber = "某交函〔2022〕8号"
		},
		"file provenance": func(r *reply.Reply) {
			r.Provenance = reply.Provenance{Path: "site.zip!a/b.html", SHA256: strings.Repeat("0f", 32)}
		},
		"capture at offset 0, markup in its values": func(r *reply.Reply) {
			r.Provenance = reply.Provenance{Path: "c.wacz!archive/data.warc.gz", SHA256: strings.Repeat("a1", 32),
				Capture: reply.Capture{URI: "http://x.gov.cn/a?b=1&c=<2>\"'", Date: "2021-05-06T07:08:09Z",
					RecordID: "<urn:uuid:1>", PayloadDigest: "sha1:ABC"}}
		},
		"white space kept": func(r *reply.Reply) {
			r.Title = "  标题\t\r\n  "
			r.Opening = []reply.Block{{Text: "\n\n  段落  \r\n"}}
		},
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			r := base()
			edit(r)
			require.NoError(t, r.Validate())
			require.Equal(t, r, readBack(t, renderHTML(t, r)))
			require.Equal(t, r, readBack(t, renderHTML(t, r, render.WithFragment())))
		})
	}
}

// TestHTMLRoundTripInvalid: a reply that does not validate is written all
// the same, but its page does not read back as a reply: parse.HTML says
// what is wrong, as it would of a page changed by hand. An empty title
// alone reads back, with the warning any untitled page gets.
func TestHTMLRoundTripInvalid(t *testing.T) {
	r := &reply.Reply{Kind: reply.KindProposalReply, Title: "关于某事的答复",
		Header: []reply.Line{{Text: "某某局文件", Field: reply.FieldOffice}}}
	require.Error(t, r.Validate())
	page := renderHTML(t, r)
	assert.Contains(t, string(page), `<h1 class="rk-title" data-rk="title" data-title="关于某事的答复">关于某事的答复</h1>`, "written")
	_, err := parse.HTML(bytes.NewReader(page))
	require.Error(t, err)
	assert.ErrorIs(t, err, parse.ErrRenderedPage)
	assert.ErrorIs(t, err, reply.ErrInvalid)
	assert.Contains(t, err.Error(), "header: no line states the title")

	untitled := &reply.Reply{Kind: reply.KindOther, Opening: []reply.Block{{Text: "正文。"}}}
	got := readBack(t, renderHTML(t, untitled))
	assert.Equal(t, []reply.Warning{{Code: parse.CodeNoTitle, Message: "the rendered page has no title"}}, got.Warnings)
	assert.Equal(t, untitled, withoutWarnings(got))
}

// TestHTMLDropsUnsafeURLs: an address that is not http, https or relative
// reaches neither the page nor the reply read back, where an image left
// without its address is a paragraph of its text.
func TestHTMLDropsUnsafeURLs(t *testing.T) {
	r := &reply.Reply{Kind: reply.KindOther, Title: "t",
		Opening: []reply.Block{{Image: &reply.Image{URL: "javascript:alert(1)", Alt: "图"}}},
		Page:    reply.Page{URL: "data:text/html,<script>alert(1)</script>", Source: "来源"}}
	page := renderHTML(t, r)
	assert.NotContains(t, string(page), "javascript:")
	assert.NotContains(t, string(page), "data:text")
	got := readBack(t, page)
	assert.Equal(t, []reply.Block{{Text: "图"}}, got.Opening, "the image's text stays")
	assert.Equal(t, reply.Page{Source: "来源"}, got.Page)
}

// TestTextRoundTrip reads the text layout back with parse.Text: everything
// that text carries comes back. It needs the structure reader.
func TestTextRoundTrip(t *testing.T) {
	goldens := goldenReplies(t)
	require.NotEmpty(t, goldens)
	for _, path := range sortedKeys(goldens) {
		r := goldens[path]
		t.Run(path, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, render.Text(&buf, r, render.WithPageHeader()))
			got, err := parse.Text(buf.String())
			if err != nil && strings.Contains(err.Error(), "not written yet") {
				t.Skip("the structure reader is absent")
			}
			require.NoError(t, err)
			assertTextCarried(t, r, got)
		})
	}
}

// assertTextCarried compares what the text layout carries: the lines of
// the notice and the facts the structure reader takes from them.
func assertTextCarried(t *testing.T, want, got *reply.Reply) {
	t.Helper()
	assert.Equal(t, want.Lines(), got.Lines(), "lines")
	assert.Equal(t, want.Kind, got.Kind, "kind")
	assert.Equal(t, want.Title, got.Title, "title")
	assert.Equal(t, want.TitleInferred, got.TitleInferred, "titleInferred")
	assert.Equal(t, want.DocNumber, got.DocNumber, "docNumber")
	assert.Equal(t, want.Header, got.Header, "header")
	assert.Equal(t, want.Proposal, got.Proposal, "proposal")
	assert.Equal(t, want.Addressees, got.Addressees, "addressees")
	assert.Equal(t, want.Salutation, got.Salutation, "salutation")
	assert.Equal(t, want.Opening, got.Opening, "opening")
	assert.Equal(t, sectionOutline(want.Sections), sectionOutline(got.Sections), "section outline")
	assert.Equal(t, want.Sections, got.Sections, "sections")
	assert.Equal(t, want.Closing, got.Closing, "closing")
	assert.Equal(t, want.Contact, got.Contact, "contact")
	assert.Equal(t, want.CC, got.CC, "cc")
	assert.Equal(t, want.Attachments, got.Attachments, "attachments")
	assert.Equal(t, want.Category, got.Category, "category")
	assert.Equal(t, want.Signature, got.Signature, "signature")
	assert.Equal(t, want.Trailer, got.Trailer, "trailer")
	assert.Equal(t, want.Page.Breadcrumb, got.Page.Breadcrumb, "page.breadcrumb")
	assert.Equal(t, want.Page.Published, got.Page.Published, "page.published")
	assert.Equal(t, want.Page.Source, got.Page.Source, "page.source")
	assert.Equal(t, want.Page.Views, got.Page.Views, "page.views")
}

// sectionOutline lists the sections as 「marker heading」 lines, indented by
// depth: a short view of the tree for failure messages.
func sectionOutline(ss []reply.Section) []string {
	var out []string
	var walk func([]reply.Section, string)
	walk = func(ss []reply.Section, in string) {
		for _, s := range ss {
			out = append(out, fmt.Sprintf("%s%s%s runIn=%v blocks=%d", in, s.Marker, s.Heading, s.RunIn, len(s.Blocks)))
			walk(s.Sections, in+"  ")
		}
	}
	walk(ss, "")
	return out
}

// TestTextRoundTripRandom reads back the text layout of realistic replies
// made at random.
func TestTextRoundTripRandom(t *testing.T) {
	g := textGen{newGen(3)}
	n := 200
	if testing.Short() {
		n = 30
	}
	for i := range n {
		r := g.reply()
		require.NoError(t, r.Validate(), "generated reply %d", i)
		var buf bytes.Buffer
		require.NoError(t, render.Text(&buf, r))
		got, err := parse.Text(buf.String())
		if err != nil && strings.Contains(err.Error(), "not written yet") {
			t.Skip("the structure reader is absent")
		}
		require.NoError(t, err, "reply %d", i)
		ok := t.Run(fmt.Sprint(i), func(t *testing.T) { assertTextCarried(t, r, got) })
		if !ok {
			t.Logf("text of reply %d:\n%s", i, buf.String())
			return
		}
	}
}

// TestZeroReplyIsWritten: the writers do not validate. The zero Reply,
// which Validate refuses, is written by each: an empty article, a blank
// line of text, an empty heading, the reference format's three keys. Its
// page does not read back: parse.HTML refuses an invalid rendered reply.
func TestZeroReplyIsWritten(t *testing.T) {
	zero := &reply.Reply{}
	require.ErrorIs(t, zero.Validate(), reply.ErrInvalid)
	var frag, text, md, js bytes.Buffer
	require.NoError(t, render.HTML(&frag, zero, render.WithFragment()))
	assert.Equal(t, "<article class=\"rk-reply\" data-rk=\"reply\" data-format=\"replykit/v1\" data-kind=\"\">\n"+
		"<h1 class=\"rk-title\" data-rk=\"title\"></h1>\n</article>\n", frag.String())
	require.NoError(t, render.Text(&text, zero))
	assert.Equal(t, "\n\n", text.String())
	require.NoError(t, render.Markdown(&md, zero))
	assert.Equal(t, "# \n\n", md.String())
	require.NoError(t, render.JSON(&js, zero))
	assert.Equal(t, "{\n  \"format\": \"replykit/v1\",\n  \"kind\": \"\",\n  \"title\": \"\"\n}\n", js.String())

	page := renderHTML(t, zero)
	_, err := parse.HTML(bytes.NewReader(page))
	require.ErrorIs(t, err, parse.ErrRenderedPage)
	require.ErrorIs(t, err, reply.ErrInvalid)
	assert.Contains(t, err.Error(), "kind: missing")
}

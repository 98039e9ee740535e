package render_test

import (
	"bytes"
	neturl "net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// fuzzReply places the fuzzer's strings into a reply's fields: title,
// salutation, a section heading and its paragraph with a point, a table
// cell, an image's address and text, the office and the page's source.
func fuzzReply(title, heading, text, name, url string) *reply.Reply {
	lead, rest, _ := strings.Cut(text, "。")
	return &reply.Reply{
		Kind: reply.KindProposalReply, Title: title,
		Addressees: []reply.Addressee{{Name: name, Role: reply.RoleMember}},
		Salutation: name + "委员：",
		Sections: []reply.Section{{Marker: "一、", Number: 1, Heading: heading, RunIn: text != "", Blocks: []reply.Block{
			{Text: text, Points: []reply.Point{{Marker: "一是", Lead: lead, Text: lead + rest}}},
			{Table: &reply.Table{Caption: heading, Rows: [][]string{{name, text}}}},
			{Image: &reply.Image{URL: url, Alt: title}},
		}}},
		Signature: &reply.Signature{Office: name, Date: reply.NewDate(2017, 3, 16)},
		Page:      &reply.Page{URL: url, Source: name, Breadcrumb: []string{heading}},
	}
}

// FuzzRoundTrip renders replies built from fuzz strings: the page holds
// only the renderer's elements and attributes, and parse.HTML reads it back
// equal to the reply. Strings that HTML cannot carry (invalid UTF-8, NUL)
// and addresses that the renderer refuses are written otherwise, and are
// compared in that form.
func FuzzRoundTrip(f *testing.F) {
	f.Add("关于某事的答复", "我县社区建设基本情况", "一是提升认识。新型农村社区", "涂轶", "http://example.gov.cn/a.png")
	f.Add("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "a&amp;b\r\n\t", "'", "javascript:alert(1)")
	f.Add("", "", "", "", "")
	f.Add("\u202e😀", "<scr<script>ipt>", "&#60;svg onload=alert(1)&#62;", "\x00", "data:text/html,x")
	f.Add("\xff\xfe", "(一)", "。", "]]>", "//cdn.example.cn/x.gif")
	f.Fuzz(func(t *testing.T, title, heading, text, name, url string) {
		r := fuzzReply(title, heading, text, name, url)
		var buf bytes.Buffer
		require.NoError(t, render.HTML(&buf, r, render.WithPageHeader()))
		page := buf.Bytes()
		require.True(t, utf8.Valid(page))
		checkMarkup(t, page, false)

		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
		require.NoError(t, err)
		got, err := parse.Document(doc)
		require.NoError(t, err)
		require.Equal(t, asWritten(r), got)
		got, err = parse.HTML(bytes.NewReader(page))
		require.NoError(t, err)
		require.Equal(t, asWritten(r), got)
	})
}

// asWritten returns the reply that HTML can carry for r: text with NUL and
// each byte of invalid UTF-8 as U+FFFD, refused addresses left out.
func asWritten(r *reply.Reply) *reply.Reply {
	// Text loses NUL; the facts in data-* JSON keep it, as \u0000.
	fix := func(s string) string {
		return strings.ReplaceAll(string([]rune(s)), "\x00", "\uFFFD")
	}
	fixJSON := func(s string) string { return string([]rune(s)) }
	b := r.Sections[0].Blocks
	p := b[0].Points[0]
	url := r.Page.URL
	if !isSafeLink(url) || strings.ContainsFunc(url, func(c rune) bool { return c < ' ' || c == 0x7f }) || !urlParses(url) {
		url = ""
	}
	name := fixJSON(r.Addressees[0].Name)
	return &reply.Reply{
		Kind: r.Kind, Title: fix(r.Title),
		Addressees: []reply.Addressee{{Name: name, Role: reply.RoleMember}},
		Salutation: fix(r.Salutation),
		Sections: []reply.Section{{Marker: "一、", Number: 1, Heading: fix(r.Sections[0].Heading), RunIn: r.Sections[0].RunIn, Blocks: []reply.Block{
			{Text: fix(b[0].Text), Points: []reply.Point{{Marker: "一是", Lead: fix(p.Lead), Text: fix(p.Text)}}},
			{Table: &reply.Table{Caption: fix(b[1].Table.Caption), Rows: [][]string{{fix(name), fix(b[1].Table.Rows[0][1])}}}},
			{Image: &reply.Image{URL: fix(url), Alt: fix(b[2].Image.Alt)}},
		}}},
		Signature: &reply.Signature{Office: name, Date: r.Signature.Date},
		Page:      &reply.Page{URL: fixJSON(url), Source: name, Breadcrumb: []string{fixJSON(r.Page.Breadcrumb[0])}},
	}
}

// urlParses reports whether net/url reads s with an http, https or no
// scheme: the renderer's rule, restated for the test.
func urlParses(s string) bool {
	u, err := neturl.Parse(s)
	if err != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
		return true
	}
	return false
}

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
func fuzzReply(title, heading, text, name, url string, inferred bool) *reply.Reply {
	lead, rest, _ := strings.Cut(text, "。")
	return &reply.Reply{
		Kind: reply.KindProposalReply, Title: title, TitleInferred: inferred,
		Addressees: []reply.Addressee{{Name: name, Role: reply.RoleMember}},
		Salutation: name + "委员：",
		Sections: []reply.Section{{Marker: "一、", Number: 1, Heading: heading, RunIn: text != "", Blocks: []reply.Block{
			{Text: text, Points: []reply.Point{{Marker: "一是", Lead: lead, Text: lead + rest}}},
			{Table: &reply.Table{Caption: heading, Rows: [][]string{{name, text}}}},
			{Image: &reply.Image{URL: url, Alt: title}},
		}}},
		Signature: reply.Signature{Office: name, Date: reply.NewDate(2017, 3, 16)},
		Page:      reply.Page{URL: url, Source: name, Breadcrumb: []string{heading}},
	}
}

// FuzzRoundTrip renders replies built from fuzz strings, the title
// inferred or not: the page holds only the renderer's elements and
// attributes, and parse.HTML reads it back equal to the reply, or, when
// the reply does not validate, says so with an error. Strings that HTML cannot carry (invalid UTF-8, NUL)
// and addresses that the renderer refuses are written otherwise, and are
// compared in that form.
func FuzzRoundTrip(f *testing.F) {
	f.Add("关于某事的答复", "我县社区建设基本情况", "一是提升认识。新型农村社区", "涂轶", "http://example.gov.cn/a.png", false)
	f.Add("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "a&amp;b\r\n\t", "'", "javascript:alert(1)", true)
	f.Add("", "", "", "", "", false)
	f.Add("\u202e😀", "<scr<script>ipt>", "&#60;svg onload=alert(1)&#62;", "\x00", "data:text/html,x", true)
	f.Add("\xff\xfe", "(一)", "。", "]]>", "//cdn.example.cn/x.gif", true)
	f.Fuzz(func(t *testing.T, title, heading, text, name, url string, inferred bool) {
		r := fuzzReply(title, heading, text, name, url, inferred)
		var buf bytes.Buffer
		require.NoError(t, render.HTML(&buf, r, render.WithPageHeader()))
		page := buf.Bytes()
		require.True(t, utf8.Valid(page))
		checkMarkup(t, page, false)

		want := asWritten(r)
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
		require.NoError(t, err)
		got, err := parse.Document(doc)
		checkReadBack(t, want, got, err)
		got, err = parse.HTML(bytes.NewReader(page))
		checkReadBack(t, want, got, err)
	})
}

// checkReadBack checks what parse read from the page of want: want itself
// when it is valid (or only untitled), else an error that says the page
// holds an invalid reply.
func checkReadBack(t *testing.T, want, got *reply.Reply, err error) {
	t.Helper()
	if len(problemsBeyondTitle(want)) > 0 {
		require.Error(t, err, "an invalid reply read back: %v", problemsBeyondTitle(want))
		require.ErrorIs(t, err, parse.ErrRenderedPage)
		require.ErrorIs(t, err, reply.ErrInvalid)
		return
	}
	require.NoError(t, err)
	require.Equal(t, want, withoutWarnings(got))
}

// problemsBeyondTitle returns what Validate finds in r, an empty title
// (and so a header without one) aside: the reply parse reads back from
// its page with a warning.
func problemsBeyondTitle(r *reply.Reply) []reply.Problem {
	err := r.Validate()
	if err == nil {
		return nil
	}
	ve := err.(*reply.ValidationError)
	var out []reply.Problem
	for _, p := range ve.Problems {
		if strings.TrimSpace(r.Title) == "" && (p.Path == "title" || p.Path == "header") {
			continue
		}
		out = append(out, p)
	}
	return out
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
	// An image whose address is left out reads back as its text, or not
	// at all without text.
	image := reply.Block{Image: &reply.Image{URL: fix(url), Alt: fix(b[2].Image.Alt)}}
	if url == "" {
		image = reply.Block{Text: fix(b[2].Image.Alt)}
	}
	blocks := []reply.Block{
		{Text: fix(b[0].Text), Points: []reply.Point{{Marker: "一是", Lead: fix(p.Lead), Text: fix(p.Text)}}},
		{Table: &reply.Table{Caption: fix(b[1].Table.Caption), Rows: [][]string{{fix(name), fix(b[1].Table.Rows[0][1])}}}},
	}
	if image.Image != nil || image.Text != "" {
		blocks = append(blocks, image)
	}
	return &reply.Reply{
		Kind: r.Kind, Title: fix(r.Title), TitleInferred: r.TitleInferred,
		Addressees: []reply.Addressee{{Name: name, Role: reply.RoleMember}},
		Salutation: fix(r.Salutation),
		Sections:   []reply.Section{{Marker: "一、", Number: 1, Heading: fix(r.Sections[0].Heading), RunIn: r.Sections[0].RunIn, Blocks: blocks}},
		Signature:  reply.Signature{Office: name, Date: r.Signature.Date},
		Page:       reply.Page{URL: fixJSON(url), Source: name, Breadcrumb: []string{fixJSON(r.Page.Breadcrumb[0])}},
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

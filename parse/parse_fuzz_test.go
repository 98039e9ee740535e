package parse

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// htmlSeeds returns the fixture pages, notices of every layout and
// broken pages, and replykit's own markup: each text case's reply as
// render.HTML writes it.
func htmlSeeds(t testing.TB) [][]byte {
	t.Helper()
	var out [][]byte
	for _, name := range fixtureGlob(t, "html") {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		out = append(out, data)
	}
	for _, name := range fixtureGlob(t, "txt") {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		rep, err := Text(string(data))
		require.NoError(t, err)
		var page bytes.Buffer
		require.NoError(t, render.HTML(&page, rep))
		out = append(out, page.Bytes())
	}
	return out
}

// parseErrors are the sentinels every error of HTML wraps.
var parseErrors = []error{ErrEmpty, ErrNotHTML, ErrNoContent, ErrTooLarge, ErrRenderedPage, reply.ErrFormat}

// FuzzHTML reads any bytes as a page. It must give an error that wraps
// one of the package's sentinels, or a reply that passes Validate (but for
// a title that nothing could make, CodeNoTitle), keeps every character of
// the page's notice in order, and renders to a page that reads back to the
// same reply.
func FuzzHTML(f *testing.F) {
	for _, s := range htmlSeeds(f) {
		f.Add(s)
	}
	f.Add([]byte("<p>涂轶委员：</p><p>你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：</p><p>一、基本情况</p><p>已经办理。</p>"))
	f.Add([]byte(`<article data-rk="reply" data-format="replykit/v1" data-kind="other"><h1 data-rk="title" data-title-inferred="true">t</h1></article>`))
	f.Add([]byte(`<article data-rk="reply" data-format="replykit/v2" data-kind="other" data-provenance='{"path":"a.zip!b.html","capture":{"uri":"u","date":"2020-01-01T00:00:00Z","recordID":"r","offset":0}}'><h1 data-rk="title">t</h1></article>`))
	f.Add([]byte(`<table><tr><td rowspan=3>甲<td>乙<tr><td colspan=2>丙</table>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkHTMLProperties(t, data)
	})
}

// checkHTMLProperties checks what FuzzHTML asks of one input.
func checkHTMLProperties(t *testing.T, data []byte) {
	t.Helper()
	rep, err := HTML(bytes.NewReader(data), WithMaxBytes(1<<20))
	if err != nil {
		if !wrapsOneOf(err, parseErrors) {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		if rep != nil {
			t.Fatalf("an error (%v) and a reply", err)
		}
		return
	}
	if ps := validationProblems(rep); len(ps) > 0 {
		t.Fatalf("invalid reply: %v", ps)
	}
	if !isRenderedPage(t, data) {
		checkNothingLost(t, data, rep)
	}

	// Rendered and read back, the reply is the same.
	var page bytes.Buffer
	if err := render.HTML(&page, rep); err != nil {
		t.Fatalf("render: %v", err)
	}
	back, err := HTML(bytes.NewReader(page.Bytes()))
	if err != nil {
		t.Fatalf("reading the rendered page: %v\n%s", err, page.Bytes())
	}
	want := *rep
	want.Warnings = nil
	back.Warnings = nil
	if !equalJSON(t, &want, back) {
		t.Fatalf("rendered page reads back otherwise:\nwant %s\n got %s", mustMarshal(t, &want), mustMarshal(t, back))
	}
}

// checkNothingLost compares the reply's plain text with the blocks that
// Extract finds in the same page: the same characters in the same order,
// white space aside, with the title in front when it is the page's and
// not a line of the notice.
func checkNothingLost(t *testing.T, data []byte, rep *reply.Reply) {
	t.Helper()
	src, err := Extract(bytes.NewReader(data), WithMaxBytes(1<<20))
	if err != nil {
		t.Fatalf("HTML read the page but Extract fails: %v", err)
	}
	want := reply.NormalizeWhitespace(sourceText(src))
	got := reply.NormalizeWhitespace(rep.PlainText())
	if got == want {
		return
	}
	if title := reply.NormalizeWhitespace(rep.Title); !rep.TitleInferred && rep.Title == src.Title && got == title+want {
		return
	}
	t.Fatalf("plain text differs from the page's blocks (title %q, page title %q):\n got %q\nwant %q", rep.Title, src.Title, got, want)
}

// sourceText joins the text of a Source's blocks as PlainText writes
// them: a table's caption and rows of tab-separated cells, an image's
// alternative text.
func sourceText(src *Source) string {
	var b strings.Builder
	for _, bl := range src.Blocks {
		switch {
		case bl.Table != nil:
			if bl.Table.Caption != "" {
				b.WriteString(bl.Table.Caption)
				b.WriteByte('\n')
			}
			for _, row := range bl.Table.Rows {
				b.WriteString(strings.Join(row, "\t"))
				b.WriteByte('\n')
			}
		case bl.Image != nil:
			b.WriteString(bl.Image.Alt)
			b.WriteByte('\n')
		default:
			b.WriteString(bl.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// isRenderedPage reports a page that replykit's renderer wrote, which
// HTML reads from its markup rather than its blocks.
func isRenderedPage(t *testing.T, data []byte) bool {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("goquery: %v", err)
	}
	return doc.Find(`article[data-rk="reply"]`).Length() > 0
}

func wrapsOneOf(err error, targets []error) bool {
	for _, e := range targets {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// TestHTMLPropertiesCorpus checks FuzzHTML's properties on every page of
// the shared corpus, real pages of many sites.
func TestHTMLPropertiesCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus", "pages")
	files, _ := filepath.Glob(filepath.Join(dir, "*.htm*"))
	if len(files) == 0 {
		t.Skip("page corpus absent: ", dir)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			checkHTMLProperties(t, data)
		})
	}
}

// FuzzText reads any text: it must give ErrEmpty or a limit error, or a
// reply that keeps every character of the body (white space aside) in
// order, passes Validate (but for a title that nothing could make), and
// renders to a page that reads back to the same reply. Read again, the
// text gives the same reply.
func FuzzText(f *testing.F) {
	for _, name := range fixtureGlob(f, "txt") {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(string(b))
	}
	for _, s := range []string{"", " \n\u3000", "一、", "（一）\n1.\n(1)\n①", "某某委员:", "一是。二是", "2021112", "附件：1.\n2.", "（联系人：）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rep, err := Text(s, WithMaxBytes(1<<20))
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		want := reply.NormalizeWhitespace(bodyText(t, s))
		if got := reply.NormalizeWhitespace(rep.PlainText()); got != want {
			t.Fatalf("text lost or changed:\n got %q\nwant %q", got, want)
		}
		if ps := validationProblems(rep); len(ps) > 0 {
			t.Fatalf("invalid reply: %v", ps)
		}
		if again, err := Text(s, WithMaxBytes(1<<20)); err != nil || !equalJSON(t, rep, again) {
			t.Fatalf("read twice, the text gives another reply (%v)", err)
		}
		var page bytes.Buffer
		if err := render.HTML(&page, rep); err != nil {
			t.Fatalf("render: %v", err)
		}
		back, err := HTML(bytes.NewReader(page.Bytes()))
		if err != nil {
			t.Fatalf("reading the rendered page: %v", err)
		}
		wantRep := *rep
		wantRep.Warnings = nil
		back.Warnings = nil
		if !equalJSON(t, &wantRep, back) {
			t.Fatalf("rendered page reads back otherwise:\nwant %s\n got %s", mustMarshal(t, &wantRep), mustMarshal(t, back))
		}
	})
}

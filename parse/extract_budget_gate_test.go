package parse

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/parse/internal/charset"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// TestPlainTag checks the tags that formattingBound measures by their
// first '>' and keys: plain ones, which html.Tokenizer ends there, and
// those it leaves to the tokenizer.
func TestPlainTag(t *testing.T) {
	tests := []struct {
		tag   string
		plain bool
		attrs int64
	}{
		{`<a href="/x?a=1&b=2" target=_blank title='t'>`, true, 3},
		{`<font color="#ff0000" size=3 >`, true, 2},
		{`<b class=x disabled>`, true, 2},
		{`<b class=x class=y>`, true, 2}, // html.Tokenizer keeps both
		{`<b>`, true, 0},
		{`<i   >`, true, 0},
		{`<a title="x>y">`, false, 0},  // the first '>' is quoted
		{`<a b="c"d="e">`, false, 0},   // no space between attributes
		{`<a x = "y">`, false, 0},      // spaces around '='
		{`<a x=y"z w="v>">`, false, 0}, // a quote in an unquoted value, then one left open at the '>'
		{`<a href=a.php?id=3&b='4' target=_blank>`, true, 2},
		{"<a x=`y`>", true, 1},
		{`<a ="x" y='>'>`, false, 0}, // '=' starting a name
		{`<a/b="c">`, true, 1},       // a '/' between attributes, skipped
		{`<br/>`, true, 0},
		{`<img src="a.png" />`, true, 1},
		{`<b class=x/>`, true, 1}, // the '/' ends the unquoted value
		{`<b / x>`, true, 1},
		{`<b /=x>`, false, 0},
		{`<a x=>`, false, 0}, // an empty unquoted value
		{"<a\tx=\"y\"\nz>", true, 2},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			gt := strings.IndexByte(tt.tag, '>')
			attrs, plain := plainTag([]byte(tt.tag[:gt]))
			assert.Equal(t, tt.plain, plain)
			assert.Equal(t, tt.attrs, attrs)
			requirePlainEnd(t, []byte(tt.tag), 0)
		})
	}
}

// requirePlainEnd checks that html.Tokenizer ends the tag at offset at of
// text at its first '>', with no more attributes than plainTag counts,
// when plainTag says it is plain; and that tagExtent reads the start or
// end tag there as html.Tokenizer does, when it reads one.
func requirePlainEnd(t *testing.T, text []byte, at int) {
	t.Helper()
	if gt := bytes.IndexByte(text[at:], '>'); gt >= 0 {
		if attrs, plain := plainTag(text[at : at+gt]); plain {
			z := html.NewTokenizer(bytes.NewReader(text[at:]))
			if tt := z.Next(); tt == html.StartTagToken || tt == html.SelfClosingTagToken {
				require.Len(t, z.Raw(), gt+1, "the tag at byte %d of %q", at, text)
				require.LessOrEqual(t, int64(tagWeight(z)-1), attrs, "the attributes of the tag at byte %d of %q", at, text)
			}
		}
	}
	// tagExtent is called where a letter starts the name, as html.Tokenizer
	// reads a tag only then.
	name := text[at+1:]
	end := len(name) > 0 && name[0] == '/'
	if end {
		name = name[1:]
	}
	if len(name) > 0 && name[0]|0x20 >= 'a' && name[0]|0x20 <= 'z' {
		stop, attrs, ok := tagExtent(text, at, end)
		if !ok {
			return
		}
		z := html.NewTokenizer(bytes.NewReader(text[at:]))
		tt := z.Next()
		if end {
			require.Equal(t, html.EndTagToken, tt, "the end tag at byte %d of %q", at, text)
		} else {
			require.Contains(t, []html.TokenType{html.StartTagToken, html.SelfClosingTagToken}, tt, "the tag at byte %d of %q", at, text)
			require.LessOrEqual(t, int64(tagWeight(z)-1), attrs, "the attributes of the tag at byte %d of %q", at, text)
		}
		require.Len(t, z.Raw(), stop-at, "the tag at byte %d of %q", at, text)
	}
}

// TestFormattingBoundPages checks that the page cases, decoded, are within
// the default limit by their bytes alone, so that they skip the pass, and
// that the hostile pages of TestHostile are not.
func TestFormattingBoundPages(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "page.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		text := charset.Decode(fixture(t, filepath.Base(filepath.Dir(f))), charset.Hints{}).Text
		assert.LessOrEqual(t, formattingBound(text, DefaultMaxFormatting), int64(DefaultMaxFormatting), f)
	}
	for _, page := range [][]byte{openFormatting(400, 20_000, "x"), openFormatting(400, 600, "一段文字。")} {
		assert.Greater(t, formattingBound(page, DefaultMaxFormatting), int64(DefaultMaxFormatting))
	}
}

// TestFormattingBoundCorpus checks, on every page of the shared corpus,
// that the byte-level bound is not below html.Parse's copies and is within
// the default limit, so that no corpus page runs the pass.
func TestFormattingBoundCorpus(t *testing.T) {
	dir := corpusDir(t, "pages")
	for _, p := range readCorpusSources(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, p.file))
		require.NoError(t, err)
		text := charset.Decode(data, charset.Hints{}).Text
		bound := formattingBound(text, 1<<62)
		assert.GreaterOrEqual(t, bound, formattingCopies(t, text), p.file)
		assert.LessOrEqual(t, bound, int64(DefaultMaxFormatting), p.file)
	}
}

// boundShapes are markup around formatting elements closed in place, which
// the byte-level bound counts as no copy (closed), and the shapes it must
// not take for that: blocks and tables inside, misnesting, an <a> after an
// <a> left open (whose adoption agency copies the heavy <b> around the new
// one, 1,001 copies), tags seen in comments, scripts or attributes,
// foreign content.
var boundShapes = []struct {
	name   string
	markup string
	closed bool // the bound is 0
}{
	{"bold and links", `<p><b>粗</b><a href="/x" target=_blank title='t'>甲</a><font color=red>红</font></p>`, true},
	{"inline inside", `<a href=/x><span class=t>甲<img src=a.png alt=""><br/>乙</span><sub>2</sub></a>`, true},
	{"nested formatting", `<b><i>斜</i><strong><u>下</u></strong></b><a href=1><b>粗</b></a><b><a href=2>甲</a></b>`, true},
	{"self-closing", `<b>粗<br/>体<img src="a" /></b>`, true},
	{"text '<'", `<b>1 < 2</b>`, true},
	{"three of a name", `<b><b><b>x</b></b></b><p>y`, true},
	{"a block inside", `<a href=/x><div>甲</div></a><p>乙`, false},
	{"left open", `<p><font face=宋体>段</p><p>段`, false},
	{"misnested", `<b>1<i>2</b>3</i><p>4`, false},
	{"four of a name", `<b><b><b><b>x</b></b></b></b><p>y`, true},
	{"an <a> after an open one", `<a href=1><div>x</div>` + heavyTag("b", 1000) + `<a href=2>y</a></b>z<p>w`, false},
	{"an <a> across a cell", `<a href=1><table><td><a href=2>x</a></td></table><b><a href=3>y</a></b>t<p>u`, false},
	{"a tag in an attribute", `<span><b><i title=<span>x</span>y</i></b></span><p>z`, false},
	{"an end tag in a comment", `<b>x<!--</b>--><p>y`, false},
	{"a tag in a comment", `<b>1<!-- <b> -->x</b><p>y`, false},
	{"a tag in a script", `<b><script><b></script>x</b><p>y`, false},
	{"foster-parented", `<table><b>x<tr><td>y</td></tr></table>z`, false},
	{"svg title", `<svg><title><b class=1>x</title></svg><p>y`, false},
	{"svg font", `<svg><font>x</font><p>y</svg><b>z</b>`, true}, // a foreign <font>, then a span
	{"nobr", `<nobr>x</nobr><p>y`, false},
	{"unclosed tag", `<b class="x>y`, false},
}

// TestFormattingBoundShapes checks that the byte-level bound counts no
// copy for formatting elements closed in place, counts the shapes that
// are not, and is never below html.Parse's copies.
func TestFormattingBoundShapes(t *testing.T) {
	for _, tt := range boundShapes {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.markup)
			bound, copies := formattingBound(text, 1<<62), formattingCopies(t, text)
			assert.GreaterOrEqual(t, bound, copies, "the bound is never below the copies")
			assert.Equal(t, tt.closed, bound == 0, "bound %d, copies %d", bound, copies)
		})
	}
}

// boundPieces are the markup FuzzFormattingBoundPieces builds pages of:
// formatting and inline tags, blocks, tables, comments, scripts, foreign
// content and misnesting, the shapes the byte-level bound tells apart.
var boundPieces = []string{
	"<b>", "</b>", "<b class=x>", "<i>", "</i>", "<a href=1>", "<a href=2 target=_blank>", "</a>",
	"<font color=red>", "</font>", "<strong>", "</strong>", "<nobr>", "</nobr>", "<em title='<b>'>", "</em>",
	"<span>", "</span>", "<span title=<b>", "<img src=x>", "<br/>", "</br>", "<sub>", "</sub>",
	"<p>", "</p>", "<div>", "</div>", "<li>", "<table>", "</table>", "<tr>", "<td>", "</td>",
	"<!--", "-->", "<script>", "</script>", "<svg>", "</svg>", "<title>", "</title>", "<math><mi>",
	"<select>", "<option>", "<object>", "</object>", "<template>", "</template>", "<button>",
	"x", "字", " ", "<", ">", "\"", "'", "=",
	heavyTag("b", 1000), heavyTag("i", 1000), // weigh more than the adoption agency's copies
}

// heavyTag is a start tag of element name with n attributes.
func heavyTag(name string, n int) string {
	var b strings.Builder
	b.WriteString("<" + name)
	for i := range n {
		fmt.Fprintf(&b, " a%d", i)
	}
	return b.String() + ">"
}

// FuzzFormattingBoundPieces checks that the byte-level bound is never
// below the copies html.Parse makes, on pages built of boundPieces, one
// piece a byte.
func FuzzFormattingBoundPieces(f *testing.F) {
	f.Add([]byte{0, 50, 1, 24, 50, 25, 50})
	f.Add([]byte{5, 26, 7, 8, 0, 5, 50, 7, 1, 50, 24, 50})
	f.Add([]byte{0, 0, 0, 0, 50, 1, 1, 1, 1, 24, 50})
	f.Add([]byte{16, 0, 18, 50, 17, 50, 1, 17, 24, 50})
	f.Add([]byte{29, 0, 50, 30, 32, 50, 33, 31, 50})
	f.Add([]byte{5, 26, 27, 58, 6, 50, 7, 1, 50, 24, 50})
	f.Add([]byte{58, 58, 58, 58, 50, 1, 1, 1, 1, 24, 50})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 200 {
			return
		}
		var page []byte
		for _, c := range data {
			page = append(page, boundPieces[int(c)%len(boundPieces)]...)
		}
		bound, copies := formattingBound(page, 1<<62), formattingCopies(t, page)
		if bound < copies {
			t.Fatalf("bound %d below the %d copies of %q", bound, copies, page)
		}
	})
}

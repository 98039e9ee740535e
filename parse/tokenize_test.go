package parse

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// tokenControl says, for the i-th token, whether CDATA is allowed before
// it is read and whether a start tag's raw text is then switched off, as
// a tree builder decides in foreign content. Both tokenizers get the same.
func tokenControl(ctl []byte, i int) (allowCDATA, notRaw bool) {
	if len(ctl) == 0 {
		return false, false
	}
	c := ctl[i%len(ctl)]
	return c&1 != 0, c&2 != 0
}

// xnetTokens lists the tokens of page as x/net's Tokenizer reads them,
// one line each: type, raw bytes, and text, or lower-cased name and the
// attributes it keeps.
func xnetTokens(page, ctl []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []string
	for i := 0; ; i++ {
		cdata, notRaw := tokenControl(ctl, i)
		z.AllowCDATA(cdata)
		tt := z.Next()
		line := fmt.Sprintf("%v %q", tt, z.Raw())
		switch tt {
		case html.ErrorToken:
			return append(out, line+" "+fmt.Sprint(z.Err()))
		case html.TextToken, html.CommentToken, html.DoctypeToken:
			line += fmt.Sprintf(" %q", z.Text())
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			line += " " + string(name)
			for {
				k, v, more := z.TagAttr()
				if k == nil {
					break
				}
				line += fmt.Sprintf(" %s=%q", k, v)
				if !more {
					break
				}
			}
			if tt != html.EndTagToken && notRaw {
				z.NextIsNotRawText()
			}
		}
		out = append(out, line)
	}
}

// pageTokens lists the tokens of page as pageTokenizer reads them, in
// xnetTokens's form; fallbacks counts the tags whose values it handed to
// x/net.
func pageTokens(t testing.TB, page, ctl []byte) (out []string, fallbacks int) {
	z := newPageTokenizer(page)
	src := string(page)
	for i := 0; ; i++ {
		if i > len(page)+2 {
			t.Fatalf("no end after %d tokens", i)
		}
		cdata, notRaw := tokenControl(ctl, i)
		z.allowCDATA = cdata
		tt := z.next()
		line := fmt.Sprintf("%v %q", tt, page[z.start:z.end])
		switch tt {
		case html.ErrorToken:
			return append(out, line+" "+fmt.Sprint(io.EOF)), fallbacks
		case html.TextToken, html.CommentToken, html.DoctypeToken:
			line += fmt.Sprintf(" %q", z.text(src))
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			line += " " + string(lowerBytes(page[z.nameStart:z.nameEnd]))
			var kept []tagAttr
			for _, a := range z.attrs {
				dup := false
				for _, k := range kept {
					dup = dup || asciiEqualFold(page[a.ks:a.ke], page[k.ks:k.ke])
				}
				if !dup {
					kept = append(kept, a)
				}
			}
			var vals []string
			for _, a := range kept {
				v, ok := z.attrValue(src, a)
				if !ok {
					vals = z.tagAttrValues()
					fallbacks++
					break
				}
				vals = append(vals, v)
			}
			if len(vals) != len(kept) {
				t.Fatalf("x/net keeps %d values of %q, the tokenizer %d attributes", len(vals), page[z.start:z.end], len(kept))
			}
			for k, a := range kept {
				line += fmt.Sprintf(" %s=%q", lowerBytes(page[a.ks:a.ke]), vals[k])
			}
			if tt != html.EndTagToken && notRaw {
				z.rawTag = ""
			}
		}
		out = append(out, line)
	}
}

// lowerBytes returns a copy of s with its ASCII letters lower-cased, as
// x/net lowers names.
func lowerBytes(s []byte) []byte {
	out := make([]byte, len(s))
	for i, c := range s {
		out[i] = lowerByte(c)
	}
	return out
}

// checkTokens requires pageTokenizer to read page as x/net does.
func checkTokens(t testing.TB, page, ctl []byte) int {
	t.Helper()
	want := xnetTokens(page, ctl)
	got, fallbacks := pageTokens(t, page, ctl)
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			t.Fatalf("token %d of %q:\nx/net: %s\nhere:  %s", i, page, want[i], got[i])
		}
	}
	if len(want) != len(got) {
		t.Fatalf("%q: x/net reads %d tokens, the tokenizer %d", page, len(want), len(got))
	}
	return fallbacks
}

// tokenCases are inputs at the edges of each tokenizer state.
var tokenCases = []string{
	"", "x", "<", "<a", "<a ", "<a b", "<a b=", "<a b='", "<a b=c", "<a>", "</", "</a", "</a ", "</>", "<//>", "</ a>",
	"<!", "<!-", "<!>", "<!->", "<!--", "<!---", "<!----", "<!-->", "<!--->", "<!---->", "<!--x", "<!--x-", "<!--x--",
	"<!--x--!", "<!--x--!>", "<!--x--!-y-->", "<!--a-b--c-->", "<!-- -- >-->", "<!--!-->", "<!---!>-->",
	"<!D", "<!DOC", "<!DOCTYPE", "<!DOCTYPE ", "<!doctype html>", "<!DocType  x y>", "<!DOCTYPEhtml>", "<!DOCTYPX>",
	"<![CDATA[", "<![CDATA[x]]>", "<![CDATA[x]]]>", "<![CDATA[x]>]]>", "<![CDAT", "<?xml version='1'?>", "<?",
	"a<b>c</b>d", "a < b", "a<1", "<a<b>", "<a/b>", "<a/>", "<a />", "<a b=/>", "<a b='/'/>", "<a b/>", "<a b = c >",
	"<a =b>", "<a ==b>", "<a b==c>", "<a b=c=d>", "<a b c d>", "<a B=1 b=2>", "<A HREF=x>", "<a\tb\n=\fc\r>",
	"<a b=\"x>y\">", "<a b='x\"y'>", "<a b=x'y>", "<br/>", "<br/ >", "<p a=b/>", "<p a=b />", "<p a b=c a=/>",
	"<p A=x a=/>", "<p a='x/'>", "<svg/>", "<a b=\"c\r\nd\">", "<a b=\"c\rd\">",
	"<script>a</script>", "<script>a</scriptx></script>", "<script>a</SCRIPT>", "<script>a</script", "<script>",
	"<script></script>", "<script><!--a--></script>", "<script><!--<script>a</script>--></script>b",
	"<script><!--<script>a</script>b</script>c", "<script><!--a-->b</script>", "<script><!--a--b-->c</script>",
	"<script><!-<a>-</script>", "<script><!--<a</script>", "<script><!--<Script>x</SCRIPT>-->y</script>",
	"<script><!--<script", "<script><!--<script>-", "<script><!--<script>--", "<script><!--<script><", "<script><!", "<script><!-",
	"<style>a<b>c</style>", "<style>a</styl</style>", "<title>a&amp;b<i></title>", "<title>x", "<TITLE>x</Title >",
	"<textarea>a&lt;\r\nb</textarea>", "<xmp><b></xmp>", "<iframe><p></iframe >", "<noscript><b></noscript/>",
	"<noembed>a</noembed>", "<noframes>b</noframes>", "<plaintext>a</plaintext><b>", "<plaintext>", "<title></title>x",
	"a&amp;b", "a&b", "a&", "&", "&;", "&#", "&#;", "&#x", "&#x;", "&#65", "&#65;", "&#x41;", "&#X41", "&#128;", "&#0;",
	"&#xD800;", "&#x110000;", "&#99999999999;", "&#65x", "&nbsp", "&nbsp;", "&nbspx", "&notit;", "&notin;", "&AMP;",
	"&amp", "&ampx", "&copy=3", "&ldquo;x&rdquo;", "\r", "\r\n", "a\r\rb\r\n\nc", "<a b='&amp;'>", "<a b='&b=c'>",
	"<a b='&copy=3'>", "<a b='&copy;'>", "<a b='&copy3'>", "<a b='&#65;'>", "<a b='&#x41'>", "<a b='&nbsp'>",
	"<a b='&unknown;'>", "<a b='&'>", "<a b='&;'>", "<a b='a&&b'>", "<a b=\"?x=1&y=2&amp;z=3\">",
	"<!--a&amp;b-->", "<!DOCTYPE a&amp;b>", "<?a&amp;b>", "</a&amp;>", "<![CDATA[&amp;]]>",
	"中文<p class=\"正文\">内容</p>", "<p>\xff\xfe</p>", "<a b=\"\xff\">",
}

func TestPageTokenizerCases(t *testing.T) {
	for _, c := range tokenCases {
		for _, ctl := range [][]byte{nil, {1}, {2}, {3}, {0, 1, 2, 3}} {
			checkTokens(t, []byte(c), ctl)
		}
	}
}

func TestPageTokenizerPages(t *testing.T) {
	pages := treeFixtures(t)
	for name, page := range treeCorpus(t) {
		pages["corpus/"+name] = page
	}
	require.NotEmpty(t, pages)
	tags, fallbacks := 0, 0
	for name, page := range pages {
		if bytes.IndexByte(page, 0) >= 0 {
			continue
		}
		t.Run(name, func(t *testing.T) {
			fallbacks += checkTokens(t, page, nil)
			tags += bytes.Count(page, []byte("<"))
		})
	}
	t.Logf("%d pages, ~%d tags, %d tags' values read by x/net", len(pages), tags, fallbacks)
}

func TestPageTokenizerRandomSoup(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 10000
	if testing.Short() {
		n = 1000
	}
	for range n {
		page := randomSoup(r, 1+r.IntN(40))
		checkTokens(t, []byte(page), []byte{byte(r.IntN(4)), byte(r.IntN(4)), byte(r.IntN(4))})
	}
}

func TestUnescapeKnownEntities(t *testing.T) {
	names := []string{"amp", "lt", "gt", "quot", "apos", "nbsp", "ensp", "emsp", "middot", "ldquo", "rdquo",
		"lsquo", "rsquo", "mdash", "ndash", "hellip", "copy", "reg", "times", "bull"}
	for _, name := range names {
		ref := "&" + name + ";"
		r, ok := knownEntity([]byte(name + ";"))
		require.True(t, ok, name)
		assert.Equal(t, html.UnescapeString(ref), string(r), name)
		assert.LessOrEqual(t, utf8.RuneLen(r), len(ref), "%s is longer replaced", name)
	}
	_, ok := knownEntity([]byte("amp"))
	assert.False(t, ok, "a name without its semicolon is not known")
}

// FuzzPageTokenizer checks pageTokenizer against x/net's Tokenizer on
// arbitrary pages, under arbitrary CDATA and raw-text switches.
func FuzzPageTokenizer(f *testing.F) {
	for _, c := range tokenCases {
		f.Add([]byte(c), []byte{0})
	}
	for _, s := range treeFuzzSnippets {
		f.Add([]byte(s), []byte{1, 2})
	}
	for _, page := range treeFixtures(f) {
		f.Add(page, []byte(nil))
	}
	f.Fuzz(func(t *testing.T, page, ctl []byte) {
		if bytes.IndexByte(page, 0) >= 0 {
			// x/net replaces NUL bytes; the tree builder declines them.
			return
		}
		checkTokens(t, page, ctl)
	})
}

package parse

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// diffTree reports the first difference between two trees, with the path
// to it, or "" when they are identical: node types, names, atoms,
// namespaces, attributes in order, and children in order.
func diffTree(a, b *html.Node) string {
	return diffNode(a, b, "#document")
}

// diffNode compares a and b, found at path, and their subtrees.
func diffNode(a, b *html.Node, path string) string {
	switch {
	case a == nil && b == nil:
		return ""
	case a == nil || b == nil:
		return fmt.Sprintf("%s: node %s against %s", path, describeNode(a), describeNode(b))
	case a.Type != b.Type:
		return fmt.Sprintf("%s: type %v against %v", path, a.Type, b.Type)
	case a.Data != b.Data:
		return fmt.Sprintf("%s: data %q against %q", path, a.Data, b.Data)
	case a.DataAtom != b.DataAtom:
		return fmt.Sprintf("%s: atom %v against %v", path, a.DataAtom, b.DataAtom)
	case a.Namespace != b.Namespace:
		return fmt.Sprintf("%s: namespace %q against %q", path, a.Namespace, b.Namespace)
	case len(a.Attr) != len(b.Attr):
		return fmt.Sprintf("%s: attributes %v against %v", path, a.Attr, b.Attr)
	}
	for i := range a.Attr {
		if a.Attr[i] != b.Attr[i] {
			return fmt.Sprintf("%s: attribute %d %+v against %+v", path, i, a.Attr[i], b.Attr[i])
		}
	}
	ca, cb := a.FirstChild, b.FirstChild
	for i := 0; ca != nil || cb != nil; i++ {
		p := path + "/" + describeNode(ca)
		if ca == nil {
			p = path + "/" + describeNode(cb)
		}
		p += fmt.Sprintf("[%d]", i)
		if d := diffNode(ca, cb, p); d != "" {
			return d
		}
		if ca.Parent != a || cb.Parent != b {
			return p + ": wrong parent link"
		}
		ca, cb = ca.NextSibling, cb.NextSibling
	}
	return ""
}

// describeNode names a node for a path: its tag, or its kind.
func describeNode(n *html.Node) string {
	switch {
	case n == nil:
		return "(none)"
	case n.Type == html.ElementNode:
		return n.Data
	case n.Type == html.TextNode:
		return "#text"
	case n.Type == html.CommentNode:
		return "#comment"
	case n.Type == html.DoctypeNode:
		return "#doctype"
	}
	return n.Type.String()
}

// checkTree builds page both ways and, when the fast builder accepts it,
// requires the two trees to be equal. It returns whether the builder
// accepted it and, if not, why.
func checkTree(t testing.TB, page []byte) (bool, string) {
	t.Helper()
	fast, why := buildTreeWhy(context.Background(), page)
	if why != "" {
		require.Nil(t, fast)
		return false, why
	}
	want, err := html.Parse(bytes.NewReader(page))
	require.NoError(t, err, "html.Parse fails where the fast builder succeeded")
	if d := diffTree(fast, want); d != "" {
		t.Fatalf("fast tree differs from html.Parse: %s\npage: %.300q", d, page)
	}
	return true, ""
}

func TestDiffTree(t *testing.T) {
	parse := func(s string) *html.Node {
		n, err := html.Parse(strings.NewReader(s))
		require.NoError(t, err)
		return n
	}
	base := `<!DOCTYPE html><p class=a id=b>x<b>y</b><!--c-->`
	assert.Equal(t, "", diffTree(parse(base), parse(base)))
	cases := []struct{ name, other, want string }{
		{"text", `<!DOCTYPE html><p class=a id=b>z<b>y</b><!--c-->`, `#document/html[1]/body[1]/p[0]/#text[0]: data "x" against "z"`},
		{"tag", `<!DOCTYPE html><p class=a id=b>x<i>y</i><!--c-->`, `#document/html[1]/body[1]/p[0]/b[1]: data "b" against "i"`},
		{"attr order", `<!DOCTYPE html><p id=b class=a>x<b>y</b><!--c-->`, `#document/html[1]/body[1]/p[0]: attribute 0 {Namespace: Key:class Val:a} against {Namespace: Key:id Val:b}`},
		{"attr count", `<!DOCTYPE html><p class=a>x<b>y</b><!--c-->`, `#document/html[1]/body[1]/p[0]: attributes [{ class a} { id b}] against [{ class a}]`},
		{"missing child", `<!DOCTYPE html><p class=a id=b>x<b>y</b>`, `#document/html[1]/body[1]/p[0]/#comment[2]: node #comment against (none)`},
		{"comment", `<!DOCTYPE html><p class=a id=b>x<b>y</b><!--d-->`, `#document/html[1]/body[1]/p[0]/#comment[2]: data "c" against "d"`},
		{"doctype", `<!DOCTYPE htm><p class=a id=b>x<b>y</b><!--c-->`, `#document/#doctype[0]: data "html" against "htm"`},
		{"type", `<!DOCTYPE html><p class=a id=b><!--x--><b>y</b><!--c-->`, `#document/html[1]/body[1]/p[0]/#text[0]: type TextNode against CommentNode`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, diffTree(parse(base), parse(c.other)))
		})
	}
	a, b := parse(base), parse(base)
	b.LastChild.LastChild.FirstChild.DataAtom = atom.Div
	assert.Contains(t, diffTree(a, b), "atom p against div")
	b = parse(base)
	b.LastChild.LastChild.FirstChild.Namespace = "svg"
	assert.Contains(t, diffTree(a, b), `namespace "" against "svg"`)
}

// treeCase is a page and whether the fast builder must accept it.
type treeCase struct {
	name string
	page string
	ok   bool
}

// treeCases covers each rule the builder follows, and each it declines.
var treeCases = []treeCase{
	// Implied html, head and body; whitespace and comments in each mode.
	{"empty", ``, true},
	{"blank", " \n\t ", true},
	{"text only", `hello`, true},
	{"leading space dropped", "  \n hello <b>x</b>", true},
	{"comment first", `<!--a--><html><!--b--><head><!--c--></head><!--d--><body><!--e--></body><!--f--></html><!--g-->`, true},
	{"whitespace everywhere", "<!DOCTYPE html> \n<html> \n<head> \n<title>t</title> \n</head> \n<body> \nx \n</body> \n</html> \n", true},
	{"head implied by meta", `<meta charset=utf-8><title>t</title><p>x`, true},
	{"body implied by text in head", "<head> <title>t</title> hello", true},
	{"script between head and body", "<head></head> <script>var a=1</script> <style>p{}</style><meta name=x><link rel=y><body>x", true},
	{"title rcdata", `<title>a &amp; b <i>c</i></title>`, true},
	{"script raw", "<script>if (a < b && c) { x = '</p>' }</script><p>x", true},
	{"style in body", "<body><p>a<style>p{}</style>b", true},
	{"noscript in head", `<head><noscript><link rel=x></noscript></head>`, true},
	{"noscript in body", `<body><noscript><img src=x></noscript>y`, true},
	{"head end then comment", `<head></head><!--x--><body>`, true},
	{"end tags before head", `</p></div><head></head>x`, true},
	{"br end before html", `</br>x`, true},
	{"text after head", `<head></head>x<p>y`, true},
	{"comment after body", `<body>x</body><!--a--> <!--b--></html><!--c--> `, true},
	{"content after body", `<body>x</body><p>y</p></html><div>z</div>`, true},
	{"doctype html", `<!DOCTYPE html><p>x`, true},
	{"doctype legacy", `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd"><p>x`, true},
	{"doctype xhtml", `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><p>x`, true},
	{"doctype late ignored", `<p>x<!DOCTYPE html>y`, true},
	{"html attributes", `<html lang=zh-CN class="a b"><head id=h><body onload="f()">x`, true},
	{"cr and lf", "<p>a\r\nb\rc</p><div title=\"x\r\ny\">\r\n</div>", true},
	{"entities", `<p>a&amp;b&lt;c&nbsp;d&#20013;&copy</p><a href="?a=1&amp;b=2&c=3&copy=4">x</a>`, true},
	{"attribute forms", `<div a=1 B='2' c="3" d e = 5 f=/ g=h/>x</div><p =x>y<img src=a.png/>`, true},
	{"duplicate attributes", `<div id=a ID=b class=c id=d>x</div>`, true},
	{"upper case tags", `<DIV CLASS=x><P>a</P></DIV><Custom-El Data-X=1>y</CUSTOM-EL>`, true},
	{"custom elements", `<my-el><other>x</other></my-el><font-x>y</font-x>`, true},
	// Paragraphs, headings, lists.
	{"p closed by block", `<p>a<div>b</div><p>c<ul><li>d</ul><p>e<table><tr><td>f</table>`, true},
	{"p closed by p", `<p>a<p>b<p>c`, true},
	{"headings", `<h1>a<h2>b</h2><h3>c<p>d</h3>e`, true},
	{"heading end closes other heading", `<h1>a</h2>b`, true},
	{"li implied ends", `<ul><li>a<li>b<p>c<li>d</ul>`, true},
	{"nested lists", `<ul><li>a<ul><li>b<li>c</ul><li>d</ul>`, true},
	{"li end tag", `<ol><li>a<div>b</li>c</ol>`, true},
	{"dd dt", `<dl><dt>a<dd>b<dt>c<dd>d</dl>`, true},
	{"stray end p", `<div>a</p>b</div>`, true},
	{"stray end br", `<p>a</br>b</p>`, true},
	{"stray end tags ignored", `<div>a</span></td></tr></table></li></h1>b</div>`, true},
	{"end tag closes through inline", `<div><span>a<em>b</div>c`, true},
	{"hr closes p", `<p>a<span>b<hr>c`, true},
	{"pre newline", "<pre>\nx\n</pre><pre>\r\ny</pre><listing>\n\nz</listing><pre><!--c-->\nw</pre>", true},
	{"textarea newline", "<textarea>\nx &amp; <b></textarea><textarea>\n\ny</textarea>", true},
	{"xmp iframe noembed", `<p>a<xmp><b>x</b></xmp><iframe src=x><p>y</iframe><noembed><i>z</noembed>`, true},
	{"void elements", `<p>a<br/>b<img src=x><input type=text><wbr><area><embed><keygen>c<hr/>d<param><source><track>`, true},
	{"self-closing non-void", `<div/>a<span/>b<p/>c`, true},
	{"form", `<form action=x><p>a<form>b</form>c</form>d`, true},
	{"form end misnested", `<div><form><div>a</form>b</div>c</div>`, true},
	{"button", `<p>a<button>b<button>c</button>d`, true},
	{"address div p in li", `<ul><li><div>a<li>b</ul>`, true},
	{"object marker", `<object><b>a</object>b<applet>c</applet><marquee>d</marquee>`, true},
	{"options outside select", `<option>a<option>b<optgroup>c`, true},
	{"ruby", `<ruby>a<rb>b<rt>c<rp>d<rtc>e</ruby>`, true},
	{"ignored table tags in body", `<div><td>a<tr>b<caption>c<col>d</div>`, true},
	// Formatting elements.
	{"formatting closed in order", `<p><b>a<i>b</i>c</b>d</p>`, true},
	{"formatting attributes sorted", `<font size=3 color=red face=x>a</font><a title=t href=h>b</a>`, true},
	{"formatting reopened after block end", `<div><b>a</div>b`, true},
	{"formatting reopened after p", `<p><font color=red>a<p>b`, true},
	{"formatting reopened after cell", `<table><tr><td><b>a</td><td>b</td></tr></table>c`, true},
	{"formatting end closes inline", `<b><span>a</b>b`, true},
	{"formatting end pops inner formatting", `<b><i>a</b>b`, true},
	{"noahs ark", `<b><b><b><b>a</b></b></b></b>x<p>y`, true},
	{"noahs ark reopened", `<div><b class=x><b class=x><b class=x><b class=x>a</div>b`, true},
	{"a inside a closed", `<div><a href=1>a</div><a href=2>b</a>`, true},
	{"nobr", `<nobr>a</nobr><nobr>b`, true},
	{"formatting end without start", `<div>a</b>b</div>`, true},
	{"formatting not in scope", `<b><table><tr><td>a</b>b</td></tr></table>`, true},
	// Tables.
	{"table implied tbody tr", `<table><td>a<td>b<tr><td>c</table>`, true},
	{"table whitespace", "<table>\n <tr>\n <td>a</td>\n </tr>\n </table>", true},
	{"table unclosed cells", `<table><tr><td>a<td>b<tr><td>c<p>d</table>e`, true},
	{"tr end closes cell", `<table><tr><td>a</tr><tr><td>b</td></tr></table>`, true},
	{"table end closes cell", `<table><tr><td><div>a</table>b`, true},
	{"thead tbody tfoot", `<table><thead><tr><th>a<tbody><tr><td>b<tfoot><tr><td>c</table>`, true},
	{"caption", `<table><caption>x<b>y</caption><tr><td>z</table>`, true},
	{"caption closed by row", `<table><caption>x<tr><td>z</table>`, true},
	{"colgroup", "<table><colgroup><col width=1><col></colgroup> <col><tr><td>a</table>", true},
	{"nested tables", `<table><tr><td><table><tr><td>a</table>b</td></tr></table>`, true},
	{"table in table", `<table><tr><td>a</td></tr><table><tr><td>b</table>`, true},
	{"table comments", `<table><!--a--><tr><!--b--><td>x</td><!--c--></tr></table>`, true},
	{"table script", `<table><script>x</script><tr><td>a</td><style>p{}</style></tr></table>`, true},
	{"table hidden input and form", `<table><form><input type=hidden name=a><tr><td>x</table>`, true},
	{"table after p quirks", `<p>a<table><tr><td>b</table>`, true},
	{"table after p standards", `<!DOCTYPE html><p>a<table><tr><td>b</table>`, true},
	{"end tags in table ignored", `<table></span><tr></div><td>a</table>`, true},
	{"cell end ignored", `<table><tr><td>a</th>b</td></table>`, true},
	// Declines.
	{"nul byte", "<p>a\x00b", false},
	{"svg", `<p><svg><rect/></svg>x`, true},
	{"svg icon", `<a href=x><svg aria-hidden="true" VIEWBOX="0 0 512 512" xmlns:xlink="http://www.w3.org/1999/xlink"><path fill="currentColor" d="M1 2"></path><use xlink:href="#i"/></svg>label</a>`, true},
	{"svg camel case", `<svg><lineargradient gradientunits=x><stop/></linearGradient><clippath id=c></clippath><foreignobject></foreignobject></svg>`, true},
	{"svg raw text off", `<svg><style>.a{}<b></b></style><script>x<y</script><title>t &amp; u</title></svg>`, true},
	{"svg cdata", `<svg><text><![CDATA[a<b&amp;]]></text></svg><![CDATA[c]]>`, true},
	{"svg self-closing root", `<svg/><p>x`, true},
	{"svg breakout", `<svg><g><p>x</p></g></svg>y`, true},
	{"svg font breakout", `<svg><font>a</font><font color=red>b</svg>`, true},
	{"svg comment and doctype", `<svg><!--c--><!DOCTYPE html><g/></svg>`, true},
	{"svg in svg", `<svg><svg><g></svg></svg>x`, true},
	{"svg in cell", `<table><tr><td><svg><rect/></svg></td></tr></table>`, true},
	{"svg text in desc", `<svg><desc>a description</desc></svg>`, true},
	{"svg unclosed at end", `<div><svg><g>`, true},
	{"svg html in desc", `<svg><desc><b>x</b></desc></svg>`, false},
	{"svg stray end tag", `<svg><g></div></svg>`, false},
	{"svg breakout in foreignObject", `<svg><foreignObject><p>x</p></foreignObject></svg>`, false},
	{"svg in table", `<table><svg></svg></table>`, false},
	{"math", `<math><mi>x</mi></math>`, false},
	{"frameset", `<frameset><frame></frameset>`, false},
	{"template", `<template><p>x</template>`, true},
	{"template shadow root", `<div>a<template shadowrootmode="open"><link rel="stylesheet" href="x.css"><div><div class="c"><div></div></div></div></template></div>b`, true},
	{"template in head", `<head><template><meta name=a><p>x</p></template><title>t</title></head><body>y`, true},
	{"template after head", `<head></head><template>x</template><body>y`, true},
	{"template unclosed", `<p><template><b>a<template>b`, true},
	{"template forms", `<form id=a><template><form id=b>x</form><html lang=x><body class=y></template></form>`, true},
	{"template end without start", `<div>a</template>b</div>`, true},
	{"template in table", `<table><template><p>x</template><tr><td>a</table>`, true},
	{"template table content", `<template><tr><td>a</template>`, false},
	{"select", `<select name=s><option>a<option selected>b<optgroup label=g><option>c</select>`, true},
	{"select closed by select", `<select><option>a<select>b`, true},
	{"select closed by input", `<p><select><option>a<input name=x>b`, true},
	{"select hr", `<select><option>a<hr>b</select>`, true},
	{"image", `<image src=x>`, false},
	{"isindex", `<isindex>`, false},
	{"plaintext", `<plaintext><p>x`, false},
	{"second body", `<body id=a><p>x<body class=y id=b>`, true},
	{"second html", `<html id=a><p>x<html lang=y id=b></html><html class=c>`, true},
	{"body in table", `<body><table><body class=x><tr><td>a</table>`, true},
	{"misnested formatting", `<b>a<p>b</b>c</p>`, true},
	{"misnested formatting deep", `<div><a href=x><font color=red><i>a<p>b<span>c</a>d</p>e</div>`, true},
	{"misnested formatting many", `<b><i><u><s><em><p>x</b>y</p>`, true},
	{"formatting across cell", `<table><tr><td><b>a<div>b</b>c</div></td></tr></table>`, true},
	{"a in a", `<a href=1>a<a href=2>b`, true},
	{"a in a across block", `<a href=1><div>a<a href=2>b`, true},
	{"foster text", `<table>x<tr><td>a</table>`, false},
	{"foster element", `<table><div>x</div></table>`, false},
	{"foster entity space", `<table>&nbsp;<tr><td>a</table>`, false},
	{"too deep", strings.Repeat("<div>", 520), false},
	{"nobr in nobr", `<nobr>a<nobr>b`, true},
	{"nobr in nobr across block", `<nobr><p>a<nobr>b`, true},
	{"end p in table", `<table></p><tr><td>a</table>`, false},
}

func TestTreeCases(t *testing.T) {
	for _, c := range treeCases {
		t.Run(c.name, func(t *testing.T) {
			ok, why := checkTree(t, []byte(c.page))
			assert.Equal(t, c.ok, ok, "declined: %s", why)
		})
	}
}

func TestTreeDepthLimit(t *testing.T) {
	// 509 divs and html, body: 511 open elements, then the deepest text.
	ok, why := checkTree(t, []byte(strings.Repeat("<div>", 510)+"x"))
	assert.True(t, ok, why)
	ok, _ = checkTree(t, []byte(strings.Repeat("<div>", 511)+"x"))
	assert.False(t, ok)
	_, err := html.Parse(strings.NewReader(strings.Repeat("<div>", 511) + "x"))
	require.Error(t, err, "html.Parse fails past its depth limit")
}

func TestTreeDoctype(t *testing.T) {
	doctypes := []string{
		`<!DOCTYPE html>`, `<!doctype html>`, `<!DOCTYPE HTML>`, `<!DOCTYPE>`, `<!DOCTYPE html x>`,
		`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">`,
		`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">`,
		`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">`,
		`<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">`,
		`<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">`,
		`<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN">`,
		`<!DOCTYPE html PUBLIC '-//W3C//DTD HTML 3.2 Final//EN'>`,
		`<!DOCTYPE html PUBLIC "-//W3O//DTD W3 HTML Strict 3.0//EN//">`,
		`<!DOCTYPE html PUBLIC "html">`, `<!DOCTYPE html PUBLIC "-//IETF//DTD HTML//EN">`,
		`<!DOCTYPE html SYSTEM "about:legacy-compat">`, `<!DOCTYPE html system 'x' >`,
		`<!DOCTYPE html SYSTEM "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd">`,
		`<!DOCTYPE html PUBLIC "a" "b" junk>`, `<!DOCTYPE html PUBLIC "unterminated>`, `<!DOCTYPE html PUBLIC x>`,
		`<!DOCTYPE html PUBLIC>`, `<!DOCTYPE html PUBLI>`, `<!DOCTYPE html &amp; PUBLIC "&lt;">`,
		"<!DOCTYPE\thtml\r\nPUBLIC\n\"a\"\f\"b\">", `<!DOCTYPE html PUBLIC "-//Microsoft//DTD Internet Explorer 3.0 Tables//EN">`,
	}
	for rest := treeQuirkyIDs; rest != ""; {
		var id string
		id, rest, _ = strings.Cut(rest, "\n")
		doctypes = append(doctypes, `<!DOCTYPE html PUBLIC "`+strings.ToUpper(id)+`x" "y">`)
	}
	for _, d := range doctypes {
		t.Run(d, func(t *testing.T) {
			want, err := html.Parse(strings.NewReader(d + "<p><table>"))
			require.NoError(t, err)
			z := html.NewTokenizer(strings.NewReader(d))
			require.Equal(t, html.DoctypeToken, z.Next())
			n, quirks := treeDoctype(string(z.Text()))
			require.Equal(t, html.DoctypeNode, want.FirstChild.Type)
			assert.Equal(t, "", diffNode(n, want.FirstChild, "#doctype"))
			var table *html.Node
			for n := range want.Descendants() {
				if n.DataAtom == atom.Table {
					table = n
				}
			}
			require.NotNil(t, table)
			// Only in quirks mode does a table open inside a p.
			assert.Equal(t, table.Parent.DataAtom == atom.P, quirks, "quirks mode")
			ok, why := checkTree(t, []byte(d+"<p>a<table><tr><td>b</table>"))
			assert.True(t, ok, why)
		})
	}
}

func TestTreeCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	page := []byte(strings.Repeat("<p>x</p>", treeTokenCheck))
	doc, why := buildTreeWhy(ctx, page)
	assert.Nil(t, doc)
	assert.Equal(t, "canceled", why)
	_, ok := buildTree(context.Background(), page)
	assert.True(t, ok)
}

func TestTreeAllocations(t *testing.T) {
	// Elements, plain text and plain attribute values are cut from the
	// page and allocated in chunks: a page ten times as long costs about
	// the same number of allocations.
	para := `<p class="x">plain text <b>bold</b></p>` + "\n"
	allocs := func(n int) float64 {
		page := []byte(strings.Repeat(para, n))
		_, ok := buildTree(context.Background(), page)
		require.True(t, ok)
		built := testing.AllocsPerRun(10, func() { buildTree(context.Background(), page) })
		// The tokenizer alone allocates for each attribute.
		tokens := testing.AllocsPerRun(10, func() {
			z := html.NewTokenizer(bytes.NewReader(page))
			for z.Next() != html.ErrorToken {
			}
		})
		return built - tokens
	}
	small, large := allocs(100), allocs(1000)
	t.Logf("allocations beyond the tokenizer's: %v for 100 paragraphs, %v for 1000", small, large)
	assert.LessOrEqual(t, large, small+5)

	doc, ok := buildTree(context.Background(), []byte(`<p>plain text</p><p title="a&amp;b">a&amp;b</p>`))
	require.True(t, ok)
	var texts []string
	for n := range doc.Descendants() {
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
	}
	assert.Equal(t, []string{"plain text", "a&b"}, texts)
}

// treeSeeds are the fixtures that must take the fast path.
var treeSeeds = []string{"seed-trs.utf8.html", "seed-hanweb.html", "seed-article.html"}

// treeFixtures returns the HTML fixtures of this package and of render,
// decoded to UTF-8, by file name.
func treeFixtures(t testing.TB) map[string][]byte {
	t.Helper()
	pages := map[string][]byte{}
	for _, glob := range []string{"testdata/pages/*.html", "../render/testdata/*.html"} {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			pages[filepath.Base(filepath.Dir(filepath.Dir(f)))+"/"+filepath.Base(f)] = treeDecode(data)
		}
	}
	return pages
}

// treeDecode returns data as UTF-8: as it is when valid, else decoded by
// the encoding its markup declares or its bytes suggest.
func treeDecode(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	e, _, _ := charset.DetermineEncoding(data, "text/html")
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return bytes.ToValidUTF8(data, []byte("\ufffd"))
	}
	return out
}

// treeCorpus returns the corpus pages decoded to UTF-8 by file name, or
// nil when the corpus is absent.
func treeCorpus(t testing.TB) map[string][]byte {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "pages")
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	require.NoError(t, err)
	if len(files) == 0 {
		return nil
	}
	pages := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		pages[filepath.Base(f)] = treeDecode(data)
	}
	return pages
}

func TestTreeFixtures(t *testing.T) {
	pages := treeFixtures(t)
	require.NotEmpty(t, pages)
	for name, page := range pages {
		ok, why := checkTree(t, page)
		t.Logf("%s: fast %v %s", name, ok, why)
	}
	for _, seed := range treeSeeds {
		page, found := pages["testdata/"+seed]
		require.True(t, found, seed)
		ok, why := checkTree(t, page)
		assert.True(t, ok, "%s declined: %s", seed, why)
	}
}

func TestTreeCorpus(t *testing.T) {
	pages := treeCorpus(t)
	if pages == nil {
		t.Skip("page corpus absent")
	}
	fast := 0
	for name, page := range pages {
		ok, why := checkTree(t, page)
		if ok {
			fast++
		} else {
			t.Logf("%s: declined: %s", name, why)
		}
	}
	t.Logf("%d of %d corpus pages take the fast path", fast, len(pages))
	assert.GreaterOrEqual(t, fast, len(pages)*3/4, "most corpus pages take the fast path")
}

// soupTags are the tag names TestTreeRandomSoup draws from: the elements
// with rules of their own in every insertion mode, and a few plain ones.
var soupTags = strings.Fields(`html head body title meta link base script style noscript template
	p div span center address blockquote section h1 h2 h3 pre listing textarea xmp iframe
	ul ol li dl dt dd a b i u s em strong font nobr small big tt code strike
	table caption colgroup col tbody thead tfoot tr td th form input select option optgroup
	button br hr img wbr area param object applet marquee ruby rb rt rp rtc
	svg g path desc foreignObject clippath my-el frameset math image plaintext`)

// soupText are the texts and other tokens TestTreeRandomSoup draws from.
var soupText = []string{"x", " ", "\n", "\r\n", "\t", "a&amp;b", "&nbsp;", "&lt;p&gt;", "中文", "<!--c-->",
	"<!DOCTYPE html>", "<![CDATA[d]]>", "</>", "<?xml x?>", "a<b", " \n "}

// soupAttrs are the attributes TestTreeRandomSoup draws from.
var soupAttrs = []string{` class=x`, ` ID="y"`, ` id='z'`, ` href="?a=1&amp;b=2"`, ` type=hidden`,
	` color=red`, ` viewBox="0 0 1 1"`, ` xlink:href=#a`, ` checked`, ` a=b/`, ` c="d&e"`, ` size=3`}

// randomSoup returns a page of n random tokens.
func randomSoup(r *rand.Rand, n int) string {
	var sb strings.Builder
	for range n {
		switch k := r.IntN(10); {
		case k < 4:
			sb.WriteString("<" + soupTags[r.IntN(len(soupTags))])
			for range r.IntN(3) {
				sb.WriteString(soupAttrs[r.IntN(len(soupAttrs))])
			}
			if r.IntN(8) == 0 {
				sb.WriteString("/")
			}
			sb.WriteString(">")
		case k < 7:
			sb.WriteString("</" + soupTags[r.IntN(len(soupTags))] + ">")
		default:
			sb.WriteString(soupText[r.IntN(len(soupText))])
		}
	}
	return sb.String()
}

func TestTreeRandomSoup(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pages, fast := 20000, 0
	if testing.Short() {
		pages = 2000
	}
	for range pages {
		page := randomSoup(r, 1+r.IntN(40))
		if ok, _ := checkTree(t, []byte(page)); ok {
			fast++
		}
	}
	t.Logf("%d of %d random pages take the fast path", fast, pages)
	assert.Greater(t, fast, pages/10)
}

// treeParserVersion is the golang.org/x/net release whose parser the fast
// tree builder follows rule for rule, and whose tokenizer pageTokenizer
// follows state for state.
const treeParserVersion = "v0.62.0"

func TestTreeParserVersion(t *testing.T) {
	mod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	require.NoError(t, err)
	version := ""
	for line := range strings.Lines(string(mod)) {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && f[0] == "golang.org/x/net" {
			version = f[1]
		}
	}
	assert.Equal(t, treeParserVersion, version,
		"golang.org/x/net changed: compare its html/parse.go with tree*.go and html/token.go and escape.go with tokenize.go and unescape.go, then fuzz FuzzTree and FuzzPageTokenizer")
}

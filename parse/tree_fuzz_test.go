package parse

import (
	"bytes"
	"context"
	"testing"

	"golang.org/x/net/html"
)

// treeFuzzSnippets are small inputs near the edges of what the fast tree
// builder accepts, for the fuzzer to start from.
var treeFuzzSnippets = []string{
	`<p>a<b>b<i>c</b>d</i>e`,
	`<table><tr><td>a<td>b</tr><tr><th>c</table>`,
	`<ul><li>a<li><p>b<li>c</ul><dl><dt>d<dd>e</dl>`,
	`<div><font color=red><b>x</div>y<p>z`,
	"<pre>\n\nx</pre><textarea>\r\ny</textarea>",
	`<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN"><p><table><tr><td>x</table>`,
	`<head><script>a</script></head> <style>b</style><body>c</body></html> <!--d-->`,
	`<a href="?a=1&amp;b=2&copy=3" TITLE='x' data-y = z>q</a>`,
	`<form><input type=hidden><select><option>a<optgroup><option>b</select></form>`,
	`<template><div>a</div></template><object><b>c</object>d`,
	`<h1>a<h2>b</h1>c</h3><hr/><br></br></p>`,
	`<table><caption>a</caption><colgroup><col></colgroup><thead><tr><td>b</thead><tbody><tr><td>c</table>`,
	`<b><b><b><b>a</b></b></b></b><nobr>x<nobr>y`,
	`<title>a&lt;b</title><noscript><p>c</noscript><iframe><b>d</iframe><xmp><i>e</xmp>`,
	`<svg viewBox="0 0 1 1"><path d="M0"/><title>t</title><foreignObject><p>x</p></foreignObject></svg>`,
	`<svg><g><rect/></g><p>break</p></svg><math><mi>x</mi></math>`,
	`<svg><![CDATA[a<b]]><desc>d<b>e</b></desc></svg><svg/>x`,
}

// FuzzTree checks the fast tree builder against html.Parse: whenever it
// accepts a page, its tree must equal the parser's.
func FuzzTree(f *testing.F) {
	for _, page := range treeFixtures(f) {
		f.Add(page)
	}
	for _, c := range treeCases {
		f.Add([]byte(c.page))
	}
	for _, s := range treeFuzzSnippets {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		fast, ok := buildTree(context.Background(), page)
		if !ok {
			if fast != nil {
				t.Fatal("a declined page returned a tree")
			}
			return
		}
		want, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			t.Fatalf("html.Parse fails (%v) where the fast builder succeeded", err)
		}
		if d := diffTree(fast, want); d != "" {
			t.Fatalf("fast tree differs from html.Parse: %s", d)
		}
	})
}

package parse

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The predicates readElement stands for, as they were before it: each
// looks its attribute up and cuts the style again. They are the
// references the tests hold readElement and readStyle to.

// referenceHidden is isHidden with its own sweep over the style.
func referenceHidden(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	if strings.EqualFold(getAttr(n, "aria-hidden"), "true") && n.DataAtom != atom.Span {
		return true
	}
	st := getAttr(n, "style")
	if st == "" {
		return false
	}
	// One sweep over the declarations; the first of each property counts.
	var display, visibility string
	var seenDisplay, seenVisibility bool
	for st != "" && !(seenDisplay && seenVisibility) {
		var decl string
		decl, st, _ = strings.Cut(st, ";")
		k, v, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		switch k = strings.TrimSpace(k); {
		case !seenDisplay && strings.EqualFold(k, "display"):
			display, seenDisplay = styleWord(v), true
		case !seenVisibility && strings.EqualFold(k, "visibility"):
			visibility, seenVisibility = styleWord(v), true
		}
	}
	return strings.EqualFold(display, "none") || strings.EqualFold(visibility, "hidden")
}

// styleValue returns the value of property prop in an inline style.
func styleValue(style, prop string) (string, bool) {
	for style != "" {
		var decl string
		decl, style, _ = strings.Cut(style, ";")
		k, v, ok := strings.Cut(decl, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), prop) {
			continue
		}
		return styleWord(v), true
	}
	return "", false
}

// elementAlign reads an element's alignment from its align attribute or
// its style's text-align.
func elementAlign(n *html.Node) Align {
	v := getAttr(n, "align")
	if s := getAttr(n, "style"); s != "" {
		if ta, ok := styleValue(s, "text-align"); ok {
			v = ta
		}
	}
	return alignOf(v)
}

// hasTextIndent reports a non-zero text-indent in n's style.
func hasTextIndent(n *html.Node) bool {
	s := getAttr(n, "style")
	if s == "" {
		return false
	}
	v, ok := styleValue(s, "text-indent")
	return ok && indentValue(v)
}

// wantElement is readElement's value computed by the predicates it stands
// for, one lookup each.
func wantElement(n *html.Node) element {
	el := element{
		hidden:    referenceHidden(n),
		align:     elementAlign(n),
		indent:    hasTextIndent(n),
		ariaLabel: getAttr(n, "aria-label"),
		traits:    traitsOf(classID(n)),
	}
	if s := getAttr(n, "style"); s != "" {
		el.weight, el.hasWeight = styleValue(s, "font-weight")
	}
	return el
}

// checkElements compares readElement with wantElement on every element of
// doc, and reports how many it compared.
func checkElements(t *testing.T, name string, doc *html.Node, classes *elementCache) int {
	t.Helper()
	count := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			count++
			require.Equal(t, wantElement(n), readElement(n, classes), "%s: <%s %v>", name, n.Data, n.Attr)
			require.Equal(t, referenceHidden(n), isHidden(n), "%s: <%s %v>", name, n.Data, n.Attr)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return count
}

func TestReadElement(t *testing.T) {
	tests := []struct {
		name, markup string
		want         element
	}{
		{"plain", `<p>x</p>`, element{}},
		{"hidden attribute", `<p hidden>x</p>`, element{hidden: true}},
		{"aria-hidden", `<div aria-hidden="TRUE">x</div>`, element{hidden: true}},
		{"aria-hidden span stays", `<span aria-hidden="true">x</span>`, element{}},
		{"display none", `<p style="color:red; DISPLAY : none !important">x</p>`, element{hidden: true}},
		{"first display counts", `<p style="display:block;display:none">x</p>`, element{}},
		{"visibility hidden", `<p style="visibility:hidden">x</p>`, element{hidden: true}},
		{"align attribute", `<p align="Center">x</p>`, element{align: AlignCenter}},
		{"text-align wins", `<p align="center" style="text-align: right">x</p>`, element{align: AlignRight}},
		{"indent", `<p style="text-indent:2em">x</p>`, element{indent: true}},
		{"zero indent", `<p style="text-indent:0px">x</p>`, element{}},
		{"negative indent", `<p style="text-indent:-2em">x</p>`, element{}},
		{"weight", `<span style="font-weight: 700">x</span>`, element{weight: "700", hasWeight: true}},
		{"aria-label", `<div aria-label="当前位置">x</div>`, element{ariaLabel: "当前位置"}},
		{"share widget", `<div class="bdshare_t">x</div>`, element{traits: ctWidget}},
		{"menu", `<ul class="nav">x</ul>`, element{traits: ctMenu | ctWidget}},
		{"crumb", `<div id="Position">x</div>`, element{traits: ctCrumb}},
		{"title class", `<h1 class="article-title">x</h1>`, element{traits: ctTitle | ctContainer}},
		{"trs editor", `<div class="TRS_Editor">x</div>`, element{traits: ctStrong0}},
		{"zoom", `<div id="zoom">x</div>`, element{traits: ctStrong1 | ctContainer}},
		{"class and id", `<div class="main" id="UCAP-CONTENT">x</div>`, element{traits: ctStrong1 | ctContainer}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.markup))
			require.NoError(t, err)
			body := doc.FirstChild.LastChild
			n := body.FirstChild
			require.NotNil(t, n)
			classes := &elementCache{}
			got := readElement(n, classes)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, wantElement(n), got, "the predicates disagree")
			// A second look comes from the cache and agrees.
			assert.Equal(t, got, readElement(n, classes))
		})
	}
}

// TestReadElementPages compares readElement with the predicates it stands
// for on every element of the page fixtures and of the corpus pages.
func TestReadElementPages(t *testing.T) {
	var files []string
	for _, glob := range []string{"testdata/pages/*.html", "../render/testdata/*.html", "../render/testdata/*/*.html", "../../shared/corpus/pages/*"} {
		m, err := filepath.Glob(glob)
		require.NoError(t, err)
		files = append(files, m...)
	}
	total := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		doc, err := html.Parse(bytes.NewReader(data))
		require.NoError(t, err)
		// One cache a page, as the reader keeps it.
		total += checkElements(t, f, doc, &elementCache{})
	}
	require.Greater(t, total, 1000, "too few elements compared")
	t.Logf("%d elements in %d pages agree", total, len(files))
}

// classWordSamples are class and id values for the class-word tests.
var classWordSamples = []string{
	"", " ", "nav", "main-nav", "nav_bar x", "x  content", "trs_editor", "xtrs_editorx", "TRS_Editor",
	"my-trs_ueditor-box", "ucap-content", "ucap-content-x", "zoom", "zoom-in", "art-zoom", "con_zw",
	"-", "_", "--nav--", "a b c d detail", "\tnav", "main\tnav", "trs_editor_view", "trs_", "nrx", "wenzhang-nr",
}

// referenceWordTraits is classWordTraits by hasClassWord, one list at a time.
func referenceWordTraits(cid string) classTraits {
	var t classTraits
	for _, c := range []struct {
		bit   classTraits
		words []string
	}{{ctMenu, menuWords}, {ctContainer, containerWords}, {ctStrong0, strongContainers[0]}, {ctStrong1, strongContainers[1]}} {
		if hasClassWord(cid, c.words) {
			t |= c.bit
		}
	}
	return t
}

func TestClassWordTraits(t *testing.T) {
	for _, s := range classWordSamples {
		cid := lowerASCII(s)
		assert.Equal(t, referenceWordTraits(cid), classWordTraits(cid), "%q", cid)
	}
	assert.Equal(t, ctMenu|ctContainer, classWordTraits("main-nav"))
	assert.Equal(t, ctStrong0, classWordTraits("my-trs_ueditor-box"))
	assert.Equal(t, ctContainer|ctStrong1, classWordTraits("art-zoom"))
}

// FuzzClassWordTraits checks the one-pass class-word test against
// hasClassWord on every list.
func FuzzClassWordTraits(f *testing.F) {
	for _, s := range classWordSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cid := lowerASCII(s)
		if got, want := classWordTraits(cid), referenceWordTraits(cid); got != want {
			t.Fatalf("classWordTraits(%q) = %b, want %b", cid, got, want)
		}
	})
}

// referenceLinkHost is linkHost by net/url alone.
func referenceLinkHost(href string) string {
	if !strings.HasPrefix(href, "http://") && !strings.HasPrefix(href, "https://") && !strings.HasPrefix(href, "//") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

var linkHostSamples = []string{
	"http://www.gov.cn/", "https://WWW.Gov.CN", "//cdn.example.com/x.js", "http://a.b:8080/p", "http://u:p@h.cn/",
	"http://[::1]:80/", "http://h.cn/%zz", "http://h.cn/a b", "http://h.cn/\x01", "http://", "https:///x", "/local",
	"javascript:void(0)", "http://h.cn?q=1", "http://h.cn#f", "http://h_x.cn/", "http://h.cn:bad/", "http://中文.cn/",
}

func TestLinkHost(t *testing.T) {
	for _, s := range linkHostSamples {
		assert.Equal(t, referenceLinkHost(s), linkHost(s), "%q", s)
	}
	assert.Equal(t, "www.gov.cn", linkHost("https://WWW.Gov.CN"))
	assert.Equal(t, "h.cn", linkHost("http://u:p@h.cn/"))
}

// FuzzLinkHost checks linkHost against net/url.
func FuzzLinkHost(f *testing.F) {
	for _, s := range linkHostSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := linkHost(s), referenceLinkHost(s); got != want {
			t.Fatalf("linkHost(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestClassCache checks that the cache gives traitsOf's value for each
// pair, from its list and, past classListMax pairs, from its map.
func TestClassCache(t *testing.T) {
	c := &elementCache{}
	assert.Equal(t, classTraits(0), c.lookup("", ""))
	classes := []string{"nav", "TRS_Editor", "bdshare", "position", "article-title", "zoom", "x"}
	for round := range 2 {
		for i := range 3 * classListMax {
			class := classes[i%len(classes)]
			id := "id" + strings.Repeat("x", i)
			assert.Equal(t, traitsOf(joinClassID(class, id)), c.lookup(class, id), "round %d pair %d", round, i)
		}
	}
	assert.Len(t, c.keys, classListMax)
	assert.Len(t, c.more, 2*classListMax)
}

// TestStyleCache checks readElement with a page's cache against the
// predicates, on more distinct styles than the cache keeps, twice over.
func TestStyleCache(t *testing.T) {
	var page strings.Builder
	for i := range 3 * styleListMax {
		fmt.Fprintf(&page, `<p style="margin:%dpx; text-indent:%dem; TEXT-ALIGN: %s; font-weight:%d">x</p>`, i, i%3, []string{"center", "right", "left"}[i%3], 100*(i%9+1))
		fmt.Fprintf(&page, `<p style="display:%s" align="center">y</p>`, []string{"none", "block"}[i%2])
	}
	doc, err := html.Parse(strings.NewReader(page.String() + page.String()))
	require.NoError(t, err)
	cache := &elementCache{}
	// html, head and body, and two copies of two paragraphs for each i.
	assert.Equal(t, 3+2*2*3*styleListMax, checkElements(t, "styles", doc, cache))
	assert.Len(t, cache.styles, styleListMax)
}

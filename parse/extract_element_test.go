package parse

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// checkElements holds readElement, with the page's cache, to its value
// read afresh and to isHidden, on every element of doc, and reports how
// many it compared.
func checkElements(t *testing.T, name string, doc *html.Node, cache *elementCache) int {
	t.Helper()
	count := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			count++
			got := readElement(n, cache)
			require.Equal(t, readElement(n, &elementCache{}), got, "%s: <%s %v>", name, n.Data, n.Attr)
			require.Equal(t, isHidden(n), got.hidden, "%s: <%s %v>", name, n.Data, n.Attr)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return count
}

// TestReadElement reads the facts of one element: hidden, alignment,
// indent, weight.
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
			assert.Equal(t, tt.want.hidden, isHidden(n))
			// A second look comes from the cache and agrees.
			assert.Equal(t, got, readElement(n, classes))
		})
	}
}

// TestReadElementPages reads every element of the page fixtures and of
// the corpus pages with the page's cache, as the reader does, and afresh.
func TestReadElementPages(t *testing.T) {
	var files []string
	for _, glob := range []string{"testdata/cases/*/page.html", "testdata/pages/*.html", "../../shared/corpus/pages/*.htm*"} {
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
	// The fixtures alone hold several hundred elements; the corpus, when
	// present, several thousand more.
	require.Greater(t, total, 500, "too few elements compared")
	t.Logf("%d elements in %d pages agree", total, len(files))
}

// classWordSamples are class and id values for the class-word tests.
var classWordSamples = []string{
	"", " ", "nav", "main-nav", "nav_bar x", "x  content", "trs_editor", "xtrs_editorx", "TRS_Editor",
	"my-trs_ueditor-box", "ucap-content", "ucap-content-x", "zoom", "zoom-in", "art-zoom", "con_zw",
	"-", "_", "--nav--", "a b c d detail", "\tnav", "main\tnav", "trs_editor_view", "trs_", "nrx", "wenzhang-nr",
}

// TestClassWordTraits reads what a class or id name says of an element.
func TestClassWordTraits(t *testing.T) {
	for cid, want := range map[string]classTraits{
		"":                   0,
		"nav":                ctMenu,
		"main-nav":           ctMenu | ctContainer,
		"nav_bar x":          ctMenu,
		"x  content":         ctContainer,
		"trs_editor":         ctStrong0,
		"xtrs_editorx":       ctStrong0, // trs_editor is matched inside a word
		"my-trs_ueditor-box": ctStrong0,
		"ucap-content":       ctContainer | ctStrong1,
		"zoom":               ctContainer | ctStrong1,
		"zoom-in":            ctContainer | ctStrong1,
		"art-zoom":           ctContainer | ctStrong1,
		"con_zw":             ctContainer,
		"--nav--":            ctMenu,
		"\tnav":              0, // a tab does not part class words
		"trs_":               0,
	} {
		assert.Equal(t, want, classWordTraits(cid), "%q", cid)
	}
}

// TestClassWordFilters checks the first-byte and length filters against
// the word lists they stand for: classWord is classWords[w] for every
// word, its halves and neighbours, and the leads of widgetNames and
// crumbWords are their words' first bytes.
func TestClassWordFilters(t *testing.T) {
	var words []string
	for w := range classWords {
		words = append(words, w, w[:len(w)/2], w+"x", "x"+w, strings.ToUpper(w))
	}
	words = append(words, classWordSamples...)
	for _, w := range append(words, "", strings.Repeat("n", 40)) {
		require.Equal(t, classWords[w], classWord(w), "%q", w)
	}
	assert.Equal(t, leadsOf(widgetNames), widgetLeads, "widgetLeads")
	assert.Equal(t, leadsOf(crumbWords), crumbLeads, "crumbLeads")
}

// leadsOf marks the first bytes of words.
func leadsOf(words []string) (leads [256]bool) {
	for _, w := range words {
		leads[w[0]] = true
	}
	return leads
}

// FuzzClassWordTraits checks that a class word added as a class of its
// own gives its trait, and that a class added never takes one away.
func FuzzClassWordTraits(f *testing.F) {
	for _, s := range classWordSamples {
		f.Add(s, "nav")
	}
	f.Fuzz(func(t *testing.T, s, more string) {
		cid := lowerASCII(s)
		traits := classWordTraits(cid)
		if got := classWordTraits(cid + " " + lowerASCII(more)); got&traits != traits {
			t.Fatalf("classWordTraits(%q) = %b, lost a trait of %q (%b)", cid+" "+more, got, cid, traits)
		}
		for _, l := range classWordLists {
			for _, w := range l.words {
				if got := classWordTraits(cid + " " + w); got&l.traits == 0 {
					t.Fatalf("classWordTraits(%q) = %b, misses %q", cid+" "+w, got, w)
				}
			}
		}
	})
}

// TestClassCache checks that the cache gives traitsOf's value for each
// pair, when it first meets the pair and when it remembers it.
func TestClassCache(t *testing.T) {
	c := &elementCache{}
	assert.Equal(t, classTraits(0), c.lookup("", ""))
	classes := []string{"nav", "TRS_Editor", "bdshare", "position", "article-title", "zoom", "x"}
	for round := range 2 {
		for i := range 96 {
			class := classes[i%len(classes)]
			id := "id" + strings.Repeat("x", i)
			assert.Equal(t, traitsOf(joinClassID(class, id)), c.lookup(class, id), "round %d pair %d", round, i)
		}
	}
	assert.Len(t, c.classes, 96)
}

// TestStyleCache checks readElement with a page's cache against its value
// read afresh, on more distinct styles than the cache keeps, twice over.
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

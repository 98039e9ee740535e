package parse

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// formattingEstimate is the formatting budget's estimate for text, a
// decoded page, read whole.
func formattingEstimate(text []byte) int64 {
	cfg := newConfig(nil)
	s := fmtScan{cfg: &cfg, text: text, limit: 1 << 62, keys: map[string]*fmtKey{}}
	if err := s.scan(text, 0, 0); err != nil {
		panic(err)
	}
	return s.cost
}

// formattingCopies is what the estimate bounds: the weight (one, and one
// per attribute) of the HTML formatting elements of text's tree as
// html.Parse builds it, less that of the formatting start tags in text.
// Those are read by html.Tokenizer; in a page with SVG or MathML, where
// html.Parse reads some raw text as markup, every "<" that starts a
// formatting tag's name counts as one.
func formattingCopies(t testing.TB, text []byte) int64 {
	doc, err := html.Parse(bytes.NewReader(text))
	require.NoError(t, err)
	var copies int64
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Namespace == "" && formattingIndex(n.DataAtom) >= 0 {
			copies += 1 + int64(len(n.Attr))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	foreign := bytes.Contains(bytes.ToLower(text), []byte("<svg")) || bytes.Contains(bytes.ToLower(text), []byte("<math"))
	if !foreign {
		return copies - tagWeights(text, false)
	}
	for i := range text {
		if text[i] == '<' {
			copies -= tagWeights(text[i:], true)
		}
	}
	return copies
}

// tagWeights is the weight of the formatting start tags in markup, or,
// first, of its first token alone.
func tagWeights(markup []byte, first bool) int64 {
	var w int64
	z := html.NewTokenizer(bytes.NewReader(markup))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return w
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			name, more := z.TagName()
			if formattingIndex(atom.Lookup(name)) >= 0 {
				w++
				for more {
					var k []byte
					k, _, more = z.TagAttr()
					if len(k) > 0 {
						w++
					}
				}
			}
		}
		if first {
			return w
		}
	}
}

// formattingShapes are markup whose formatting elements html.Parse copies,
// or does not, and what the estimate is at most for each: the estimate is
// never below the copies made, and near them for the shapes of real
// pages.
var formattingShapes = []struct {
	name   string
	markup string
	most   int64 // the estimate is no more
}{
	{"closed in place", strings.Repeat("<p><b>粗</b>体<i class=x>斜</i>体</p>", 100), 0},
	{"links", strings.Repeat(`<li><a href="/a" target=_blank><span>甲</span></a></li>`, 100), 0},
	{"links with a block inside", strings.Repeat(`<li><a href="/a"><div>甲</div></a></li>`, 100), 400},
	{"a font around the paragraphs", "<font size=3>" + strings.Repeat("<p>段</p>", 100) + "</font>", 250},
	{"fonts left open in paragraphs", strings.Repeat("<p><font face=宋体>段</p>", 100), 600},
	{"fonts left open in cells", "<table>" + strings.Repeat(`<tr><td><font color=red>格<td><b>格`, 100) + "</table>", 2000},
	{"distinct formatting left open", string(openFormatting(40, 100, "x")), 8000},
	{"misnested", strings.Repeat("<b>1<i>2</b>3</i>", 100), 100},
	{"misnested across blocks", strings.Repeat("<b><div><div><div>x</b>y</div></div></div>", 50), 200},
	{"nobr", strings.Repeat("<nobr>1<nobr>2", 100), 600},
	{"svg in links", strings.Repeat(`<a href=/x><svg><title>t</title></svg></a><p>x`, 50), 200},
	{"svg title holding markup", `<svg><title><b class=1><b class=2><b class=3></title></svg>` + strings.Repeat("<p>x", 50), 350},
	{"svg style holding a comment", `<svg><style><!--</style><b class=1><b class=2>-->` + strings.Repeat("<p>x", 50), 200},
	{"heavy attributes", "<p><b" + strings.Repeat(" a", 50) + " z>" + strings.Repeat("<p>x", 50), 150},
}

// TestFormattingEstimate checks, for each shape, that the estimate is at
// least the copies html.Parse makes, and at most the shape's bound.
func TestFormattingEstimate(t *testing.T) {
	for _, tt := range formattingShapes {
		t.Run(tt.name, func(t *testing.T) {
			text := []byte(tt.markup)
			est, copies := formattingEstimate(text), formattingCopies(t, text)
			bound := formattingBound(text, 1<<62)
			t.Logf("estimate %d, copies %d, bound %d", est, copies, bound)
			assert.GreaterOrEqual(t, est, copies, "the estimate is never below the copies")
			assert.LessOrEqual(t, est, tt.most)
			assert.GreaterOrEqual(t, bound, copies, "the bound is never below the copies")
		})
	}
}

// FuzzFormattingEstimate checks that the estimate and the byte-level
// bound that lets a page skip it are never below the copies html.Parse
// makes, on any markup, and that a page is refused when both pass the
// limit and only then. The bound may be below the estimate (it counts
// the adoption agency's copies more closely), so a page the bound lets
// skip the estimate may be one the estimate would refuse.
func FuzzFormattingEstimate(f *testing.F) {
	for _, tt := range formattingShapes {
		f.Add([]byte(tt.markup))
	}
	for _, tt := range boundShapes {
		f.Add([]byte(tt.markup))
	}
	f.Add(openFormatting(4, 10, "x"))
	f.Add(wideTable(3, 4))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		est, copies := formattingEstimate(data), formattingCopies(t, data)
		if est < copies {
			t.Fatalf("estimate %d below the %d copies of %q", est, copies, data)
		}
		bound := formattingBound(data, 1<<62)
		if bound < copies {
			t.Fatalf("bound %d below the %d copies of %q", bound, copies, data)
		}
		for _, limit := range []int64{max(copies-1, 0), min(bound, est), max(bound, est)} {
			cfg := newConfig(nil)
			cfg.maxFormatting = limit
			refused := checkFormatting(data, &cfg) != nil
			if refused != (bound > limit && est > limit) {
				t.Fatalf("refused %v under limit %d, bound %d, estimate %d: %q", refused, limit, bound, est, data)
			}
		}
		for i := range data {
			if data[i] == '<' {
				requirePlainEnd(t, data, i)
			}
			if isFormattingName(data[i:]) != startsFormatting(data[i:]) {
				t.Fatalf("isFormattingName and startsFormatting differ at byte %d of %q", i, data)
			}
		}
		// The bound stops early once past a limit, above it.
		for _, limit := range []int64{0, bound / 2, bound} {
			if got := formattingBound(data, limit); got > limit != (bound > limit) {
				t.Fatalf("bound %d under limit %d, %d in full: %q", got, limit, bound, data)
			}
		}
	})
}

// TestLimitFormatting reads a notice whose formatting copies the estimate
// puts at n: it is read with a limit of n, and refused, before its tree
// is built, with a limit of n-1.
func TestLimitFormatting(t *testing.T) {
	page := []byte(noticeHead + string(openFormatting(40, 100, "一段文字。")) + noticeTail)
	n := formattingEstimate(page)
	require.Greater(t, n, int64(40*100), "each paragraph copies the 40 elements")
	rep, err := HTML(bytes.NewReader(page), WithMaxFormatting(n))
	require.NoError(t, err)
	assert.Equal(t, "涂轶委员：", rep.Salutation)
	assert.Equal(t, 100, strings.Count(rep.PlainText(), "一段文字。"))
	_, err = HTML(bytes.NewReader(page), WithMaxFormatting(n-1))
	requireLimit(t, err, "formatting", n-1)
	_, err = Extract(bytes.NewReader(page), WithMaxFormatting(n-1))
	requireLimit(t, err, "formatting", n-1)
	// The estimate is of the page's text as decoded: the same page in
	// GBK is the same.
	_, err = HTML(bytes.NewReader(gbk(t, string(page))), WithMaxFormatting(n-1))
	requireLimit(t, err, "formatting", n-1)
}

// TestFormattingContext checks that the pass over a long page, one whose
// formatting elements the byte-level bound does not let skip it (each
// <b> is left open by its paragraph), stops once its context is done.
func TestFormattingContext(t *testing.T) {
	cfg := newConfig(nil)
	cfg.ctx = &countdown{Context: context.Background()}
	err := checkFormatting([]byte(strings.Repeat("<p><b>一段文字。</p>", cancelEvery)), &cfg)
	var ce *CanceledError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "checking the markup", ce.Where)
	assert.ErrorIs(t, err, context.Canceled)
}

package parse

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countDefinition is what countText gives on valid UTF-8: the characters
// that are neither white space nor ASCII controls.
func countDefinition(s string) int {
	return utf8.RuneCountInString(strings.Map(func(r rune) rune {
		if r <= ' ' || isSpace(r) {
			return -1
		}
		return r
	}, s))
}

// TestCountText checks countText against its definition on samples and
// random text, and on invalid bytes: a continuation byte is part of a
// character, any other byte starts one.
func TestCountText(t *testing.T) {
	for _, s := range textSamples {
		if utf8.ValidString(s) {
			assert.Equal(t, countDefinition(s), countText(s), "%q", s)
		}
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for range 3000 {
		s := strings.ToValidUTF8(randomText(rng, rng.IntN(60)), "\uFFFD")
		require.Equal(t, countDefinition(s), countText(s), "%q", s)
	}
	for s, want := range map[string]int{
		"中 文\u3000a\u00a0b": 4,
		"\xff\xfe bad \xc2": 6,
		"\xe3\x80":          1,
		"中\x80文":            2,
		"x\x01y\x7fz":       4, // DEL is no control here
	} {
		assert.Equal(t, want, countText(s), "%q", s)
	}
}

// TestLinkHost reads the host of a link.
func TestLinkHost(t *testing.T) {
	for href, want := range map[string]string{
		"http://www.gov.cn/":     "www.gov.cn",
		"https://WWW.Gov.CN":     "www.gov.cn",
		"//cdn.example.com/x.js": "cdn.example.com",
		"http://a.b:8080/p":      "a.b",
		"http://u:p@h.cn/":       "h.cn",
		"http://[::1]:80/":       "::1",
		"http://h.cn?q=1":        "h.cn",
		"http://h.cn#f":          "h.cn",
		"http://h_x.cn/":         "h_x.cn",
		"http://h.cn/%zz":        "",
		"http://h.cn/a b":        "h.cn",
		"http://h.cn/\x01":       "",
		"http://":                "",
		"https:///x":             "",
		"/local":                 "",
		"javascript:void(0)":     "",
		"http://h.cn:bad/":       "",
	} {
		assert.Equal(t, want, linkHost(href), "%q", href)
	}
}

// FuzzLinkHost checks linkHost against net/url's reading of an http,
// https or scheme-relative address.
func FuzzLinkHost(f *testing.F) {
	for _, s := range []string{"http://www.gov.cn/", "//cdn.example.com/x.js", "http://u:p@h.cn/", "http://[::1]:80/", "http://h.cn/%zz", "/local"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := ""
		if u, err := url.Parse(s); err == nil && u.Host != "" && (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")) {
			want = strings.ToLower(u.Hostname())
		}
		if got := linkHost(s); got != want {
			t.Fatalf("linkHost(%q) = %q, net/url reads %q", s, got, want)
		}
	})
}

// TestScanPageRendered checks that the page scan finds the rendered
// article renderedArticle finds, the first in document order, in the
// subtrees the scan skips too (head, hidden elements, dropped tags), and
// stops there.
func TestScanPageRendered(t *testing.T) {
	art := func(id string) string {
		return `<article data-rk="reply" id="` + id + `"><p>正文内容足够长的一段文字。</p></article>`
	}
	for name, tc := range map[string]struct {
		page string
		want string // id of the article found, "" for none
	}{
		"none":            {`<body><article data-rk="other"><p>正文</p></article><div data-rk="reply">x</div></body>`, ""},
		"body":            {`<body><div><p>前文</p>` + art("a") + `</div>` + art("b") + `</body>`, "a"},
		"hidden first":    {`<body><div style="display:none">` + art("a") + `</div>` + art("b") + `</body>`, "a"},
		"hidden itself":   {`<body><div hidden>x</div>` + strings.Replace(art("a"), "<article ", "<article hidden ", 1) + art("b") + `</body>`, "a"},
		"in template":     {`<body><template>` + art("a") + `</template>` + art("b") + `</body>`, "a"},
		"in select":       {`<body><select><option>` + art("a") + `</option></select>` + art("b") + `</body>`, "a"},
		"in head":         {`<head><template>` + art("a") + `</template></head><body>` + art("b") + `</body>`, "a"},
		"in nav":          {`<body><nav>` + art("a") + `</nav>` + art("b") + `</body>`, "a"},
		"nested":          {`<body>` + strings.Replace(art("a"), "<p>", art("b")+"<p>", 1) + `</body>`, "a"},
		"other namespace": {`<body><svg><article data-rk="reply" id="s"></article></svg>` + art("b") + `</body>`, "b"},
	} {
		t.Run(name, func(t *testing.T) {
			doc, err := goquery.NewDocumentFromReader(strings.NewReader("<!DOCTYPE html><html>" + tc.page + "</html>"))
			require.NoError(t, err)
			root := doc.Nodes[0]
			want := renderedArticle(root)
			ps := scanPage(root, &elementCache{}, true)
			assert.Same(t, want, ps.rendered)
			if tc.want == "" {
				assert.Nil(t, ps.rendered)
				assert.Nil(t, scanPage(root, &elementCache{}, false).rendered)
				return
			}
			require.NotNil(t, ps.rendered)
			assert.Equal(t, tc.want, getAttr(ps.rendered, "id"))
			assert.Nil(t, scanPage(root, &elementCache{}, false).rendered, "not looked for")
		})
	}
}

package parse

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

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

package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestIsHiddenStyle checks the one-sweep reading of an inline style: the
// first display and the first visibility declaration count.
func TestIsHiddenStyle(t *testing.T) {
	for style, want := range map[string]bool{
		"display:none":                    true,
		" DISPLAY : None !important ;":    true,
		"display:block;display:none":      false,
		"color:red; visibility: hidden":   true,
		"visibility:visible;display:none": true,
		"visibility:hidden;display:block": true,
		"text-indent: 2em;":               false,
		"display":                         false,
		"":                                false,
	} {
		n := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P, Attr: []html.Attribute{{Key: "style", Val: style}}}
		assert.Equal(t, want, isHidden(n), "%q", style)
	}
}

// FuzzClassNameScan checks the one-pass class name helpers against their
// one-line definitions: nextField splits as strings.Fields does, isCrumb
// is strings.Contains of any crumb word; and isWidget on known names.
func FuzzClassNameScan(f *testing.F) {
	for _, s := range []string{"", " a  b\t", "x\u3000y\u00a0z", "\xffa b", "breadcrumb", "cur-position", "dqwz", "mlocationx", "c p l d w m", "xcurpathx", "currentpath", "cu", "weizhi", "mianbao", "ucap-crumb"} {
		f.Add(s)
	}
	for cid, want := range map[string]bool{
		"bdshare-box": true, "share": true, "main-share": true, "page_print x": true, "x share": false,
		"content-": false, "content- share": true, "art\tprint": false, "\u3000nav": true, "Nav": false, "": false,
	} {
		assert.Equal(f, want, isWidget(cid), "isWidget(%q)", cid)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got []string
		for rest := s; rest != ""; {
			var tok string
			if tok, rest = nextField(rest); tok != "" {
				got = append(got, tok)
			}
		}
		want := strings.Fields(s)
		if len(want) == 0 {
			want = nil
		}
		require.Equal(t, want, got, "fields of %q", s)
		require.Equal(t, slices.ContainsFunc(crumbWords, func(w string) bool { return strings.Contains(s, w) }), isCrumb(s), "isCrumb(%q)", s)
	})
}

package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"
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

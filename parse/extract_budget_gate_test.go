package parse

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/parse/internal/charset"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// TestPlainTag checks the tags that formattingBound measures by their
// first '>' and keys: plain ones, which html.Tokenizer ends there, and
// those it leaves to the tokenizer.
func TestPlainTag(t *testing.T) {
	tests := []struct {
		tag   string
		plain bool
		attrs int64
	}{
		{`<a href="/x?a=1&b=2" target=_blank title='t'>`, true, 3},
		{`<font color="#ff0000" size=3 >`, true, 2},
		{`<b class=x disabled>`, true, 2},
		{`<b class=x class=y>`, true, 2}, // html.Tokenizer keeps both
		{`<b>`, true, 0},
		{`<i   >`, true, 0},
		{`<a title="x>y">`, false, 0},  // the first '>' is quoted
		{`<a b="c"d="e">`, false, 0},   // no space between attributes
		{`<a x = "y">`, false, 0},      // spaces around '='
		{`<a x=y"z w="v>">`, false, 0}, // a quote in an unquoted value
		{`<a ="x" y='>'>`, false, 0},   // '=' starting a name
		{`<a/b="c">`, false, 0},        // a '/' between attributes
		{`<a x=>`, false, 0},           // an empty unquoted value
		{"<a\tx=\"y\"\nz>", true, 2},
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			gt := strings.IndexByte(tt.tag, '>')
			attrs, plain := plainTag([]byte(tt.tag[:gt]))
			assert.Equal(t, tt.plain, plain)
			assert.Equal(t, tt.attrs, attrs)
			requirePlainEnd(t, []byte(tt.tag), 0)
		})
	}
}

// requirePlainEnd checks that html.Tokenizer ends the tag at offset at of
// text at its first '>', with no more attributes than plainTag counts,
// when plainTag says it is plain.
func requirePlainEnd(t *testing.T, text []byte, at int) {
	t.Helper()
	gt := bytes.IndexByte(text[at:], '>')
	if gt < 0 {
		return
	}
	attrs, plain := plainTag(text[at : at+gt])
	if !plain {
		return
	}
	z := html.NewTokenizer(bytes.NewReader(text[at:]))
	if tt := z.Next(); tt == html.StartTagToken || tt == html.SelfClosingTagToken {
		require.Len(t, z.Raw(), gt+1, "the tag at byte %d of %q", at, text)
		require.LessOrEqual(t, int64(tagWeight(z)-1), attrs, "the attributes of the tag at byte %d of %q", at, text)
	}
}

// TestFormattingBoundPages checks that the page cases, decoded, are within
// the default limit by their bytes alone, so that they skip the pass, and
// that the hostile pages of TestHostile are not.
func TestFormattingBoundPages(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "page.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		text := charset.Decode(fixture(t, filepath.Base(filepath.Dir(f))), charset.Hints{}).Text
		assert.LessOrEqual(t, formattingBound(text, DefaultMaxFormatting), int64(DefaultMaxFormatting), f)
	}
	for _, page := range [][]byte{openFormatting(400, 20_000, "x"), openFormatting(400, 600, "一段文字。")} {
		assert.Greater(t, formattingBound(page, DefaultMaxFormatting), int64(DefaultMaxFormatting))
	}
}

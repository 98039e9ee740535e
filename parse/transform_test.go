package parse

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestTransformAll checks transformAll against the decoders' own Bytes,
// on text that fits the first buffer and on text that outgrows it (every
// invalid byte becomes three bytes of U+FFFD).
func TestTransformAll(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Repeat("旺苍县人民政府办公室，abc。", 50))
	require.NoError(t, err)
	inputs := map[string][]byte{
		"empty":         nil,
		"gbk":           []byte(gbk),
		"invalid bytes": bytes.Repeat([]byte{0xFF}, 5000),
		"mixed":         append([]byte(gbk), bytes.Repeat([]byte{0xFF, 0x41}, 3000)...),
		"truncated":     []byte(gbk)[:len(gbk)-1],
	}
	for _, e := range []encoding.Encoding{simplifiedchinese.GB18030, traditionalchinese.Big5, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)} {
		for name, in := range inputs {
			want, werr := e.NewDecoder().Bytes(in)
			got, gerr := transformAll(e.NewDecoder(), in)
			assert.Equal(t, werr, gerr, name)
			assert.Equal(t, string(want), string(got), name)
		}
	}
	out, err := transformAll(simplifiedchinese.GB18030.NewDecoder(), inputs["invalid bytes"])
	require.NoError(t, err)
	assert.True(t, string(out) == strings.Repeat("\uFFFD", 5000), "grown past the first buffer")
}

// TestCharsetFromContent checks the reading of a Content-Type value,
// including values where lower-casing would change byte offsets.
func TestCharsetFromContent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"text/html; charset=gb2312", "gb2312"},
		{"text/html; CHARSET = \"GBK\"", "GBK"},
		{"text/html;charset='utf-8' x", "utf-8"},
		{"\xd9Charset0", ""},
		{"\xd9Charset=big5", "big5"},
		{"İİİcharset=gbk", "gbk"},
		{"text/html", ""},
		{"charset", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, charsetFromContent(tt.in), "%q", tt.in)
	}
	assert.Equal(t, 0, indexFoldASCII("ab", ""))
	assert.Equal(t, -1, indexFoldASCII("charse", "charset"))
}

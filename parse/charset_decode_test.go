package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// pageVariant returns a fixture page as it is ("") or encoded from its
// UTF-8 as "gb18030", "gbk" or "big5" (characters an encoding lacks
// replaced), or as "gbk damaged": GBK with every 97th byte from the 50th
// made 0xFF, which no candidate decodes clean.
func pageVariant(t *testing.T, file, variant string) []byte {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("testdata", "pages", file))
	require.NoError(t, err)
	encodings := map[string]encoding.Encoding{
		"gb18030": simplifiedchinese.GB18030, "gbk": simplifiedchinese.GBK, "gbk damaged": simplifiedchinese.GBK,
		"big5": traditionalchinese.Big5,
	}
	if variant == "" {
		return page
	}
	b, err := encoding.ReplaceUnsupported(encodings[variant].NewEncoder()).Bytes(page)
	require.NoError(t, err)
	if variant == "gbk damaged" {
		for i := 50; i < len(b); i += 97 {
			b[i] = 0xFF
		}
	}
	return b
}

// TestDecodePage pins the encoding decodePage chooses for fixture pages
// and their re-encodings, under the Content-Type they may be served with,
// and the bytes it replaces and the declaration it finds contradicted.
func TestDecodePage(t *testing.T) {
	const (
		utf8Page = "seed-trs.utf8.html" // declares utf-8
		gbkPage  = "seed-trs.gbk.html"  // declares gbk
	)
	tests := []struct {
		file, variant, contentType string
		encoding                   string
		replaced, firstBad         int
		ignored                    string
		checkMeta                  bool
		sameText                   bool // the text is the UTF-8 page's, unchanged
	}{
		{file: utf8Page, encoding: "utf-8", firstBad: -1, checkMeta: true, sameText: true},
		{file: utf8Page, contentType: "text/html; charset=utf-8", encoding: "utf-8", firstBad: -1, sameText: true},
		{file: utf8Page, contentType: "text/html; charset=gbk", encoding: "utf-8", firstBad: -1, ignored: "gbk", sameText: true},
		{file: utf8Page, variant: "gb18030", encoding: "gb18030", firstBad: -1, ignored: "utf-8", sameText: true},
		{file: utf8Page, variant: "gb18030", contentType: "text/html; charset=gbk", encoding: "gbk", firstBad: -1, sameText: true},
		{file: utf8Page, variant: "gb18030", contentType: "text/html; charset=big5", encoding: "gb18030", firstBad: -1, ignored: "big5", sameText: true},
		{file: utf8Page, variant: "gbk", encoding: "gb18030", firstBad: -1, ignored: "utf-8", sameText: true},
		{file: utf8Page, variant: "gbk", contentType: "text/html; charset=shift_jis", encoding: "gb18030", firstBad: -1, ignored: "shift_jis", sameText: true},
		{file: utf8Page, variant: "big5", encoding: "big5", firstBad: -1, ignored: "utf-8"},
		{file: utf8Page, variant: "big5", contentType: "text/html; charset=big5", encoding: "big5", firstBad: -1},
		{file: utf8Page, variant: "gbk damaged", encoding: "gb18030", replaced: 259, firstBad: -1, ignored: "utf-8"},
		{file: gbkPage, encoding: "gbk", firstBad: -1},
		{file: gbkPage, contentType: "text/html; charset=gb18030", encoding: "gb18030", firstBad: -1},
		{file: gbkPage, contentType: "text/html; charset=big5", encoding: "gb18030", firstBad: -1, ignored: "big5"},
		{file: "seed-table.gb2312.html", encoding: "gbk", firstBad: -1},
		{file: "broken-gbk-declared-utf8.html", encoding: "gb18030", firstBad: -1, ignored: "utf-8"},
		{file: "broken-truncated.html", encoding: "utf-8", replaced: 1, firstBad: 12127},
		{file: "broken-plain.txt", variant: "big5", encoding: "big5", firstBad: -1},
		{file: "broken-plain.txt", variant: "gbk damaged", encoding: "gb18030", replaced: 216, firstBad: -1},
		{file: "broken-blank.html", variant: "gbk", encoding: "utf-8", firstBad: -1}, // ASCII
	}
	utf8Text, err := os.ReadFile(filepath.Join("testdata", "pages", utf8Page))
	require.NoError(t, err)
	for _, tt := range tests {
		name := tt.file + " " + tt.variant + " " + tt.contentType
		cfg := newConfig([]Option{WithContentType(tt.contentType)})
		d := decodePage(pageVariant(t, tt.file, tt.variant), &cfg)
		assert.Equal(t, tt.encoding, d.encoding, name)
		assert.Equal(t, tt.replaced, d.replaced, name)
		assert.Equal(t, tt.firstBad, d.firstBad, name)
		assert.Equal(t, tt.ignored, d.ignored, name)
		assert.Equal(t, tt.checkMeta, d.checkMeta, name)
		assert.True(t, utf8.Valid(d.text), name)
		if tt.sameText {
			assert.Equal(t, string(utf8Text), string(d.text), name)
		}
		if tt.replaced == 0 {
			assert.NotContains(t, string(d.text), "\uFFFD", name)
		}
	}
}

// FuzzDecodePage checks, on any bytes and a few Content-Types, that
// decodePage gives valid UTF-8 holding at least as many U+FFFD as it
// counts replaced, and reads valid UTF-8 with no BOM and no forced
// charset unchanged.
func FuzzDecodePage(f *testing.F) {
	f.Add([]byte("<meta charset=gbk><p>\xd6\xd0\xce\xc4\xff</p>"), uint8(0))
	f.Add([]byte("<p>\xa4\xa4\xa4\xe5\xd6\xd0</p>"), uint8(3))
	f.Add([]byte("<p>中文\xff</p>"), uint8(2))
	contentTypes := []string{"", "text/html; charset=gbk", "text/html; charset=big5", "text/html; charset=utf-8"}
	f.Fuzz(func(t *testing.T, b []byte, ct uint8) {
		cfg := newConfig([]Option{WithContentType(contentTypes[int(ct)%len(contentTypes)])})
		d := decodePage(b, &cfg)
		if !utf8.Valid(d.text) {
			t.Fatalf("decodePage(%q) gives invalid UTF-8 %q", b, d.text)
		}
		if n := bytes.Count(d.text, []byte("\uFFFD")); n < d.replaced {
			t.Fatalf("decodePage(%q) counts %d replaced, its text holds %d U+FFFD", b, d.replaced, n)
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) && (d.encoding != "utf-8" || !bytes.Equal(d.text, b)) {
			t.Fatalf("decodePage(%q) reads valid UTF-8 as %s %q", b, d.encoding, d.text)
		}
	})
}

package charset

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// notice returns testdata/notice.txt, a notice of some 3,600 Chinese
// characters, one paragraph a line.
func notice(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "notice.txt"))
	require.NoError(t, err)
	return string(b)
}

// page is a page of text under the head declaration decl, in UTF-8.
func page(decl, text string) string {
	var b strings.Builder
	b.WriteString("<!doctype html>\n<html><head>" + decl + "<title>答复</title></head>\n<body>\n")
	for line := range strings.Lines(text) {
		b.WriteString("<p>" + strings.TrimSuffix(line, "\n") + "</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// encodeAs returns s encoded as "gb18030", "gbk" or "big5" (characters an
// encoding lacks replaced), or as "gbk damaged": GBK with every 97th byte
// from the 50th made 0xFF, which no candidate decodes clean. "" leaves s
// as it is.
func encodeAs(t testing.TB, s, variant string) []byte {
	t.Helper()
	encodings := map[string]encoding.Encoding{
		"gb18030": simplifiedchinese.GB18030, "gbk": simplifiedchinese.GBK, "gbk damaged": simplifiedchinese.GBK,
		"big5": traditionalchinese.Big5,
	}
	if variant == "" {
		return []byte(s)
	}
	b, err := encoding.ReplaceUnsupported(encodings[variant].NewEncoder()).Bytes([]byte(s))
	require.NoError(t, err)
	if variant == "gbk damaged" {
		for i := 50; i < len(b); i += 97 {
			b[i] = 0xFF
		}
	}
	return b
}

// TestDecode pins the encoding Decode chooses for pages and their
// re-encodings, under the Content-Type they may be served with, and the
// bytes it replaces and the declaration it finds contradicted.
func TestDecode(t *testing.T) {
	text := notice(t)
	utf8Page := page(`<meta charset="utf-8">`, text)
	pages := map[string]string{
		"utf-8":  utf8Page,
		"gbk":    page(`<meta charset="gbk">`, text),
		"gb2312": page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, text),
		"plain":  text,
		"blank":  " \n\t\r\n  ",
	}
	// The UTF-8 page cut two bytes into its last character.
	i := strings.LastIndex(utf8Page, "。")
	pages["truncated"] = utf8Page[:i+2]
	tests := []struct {
		page, variant, contentType string
		encoding                   string
		replaced, firstBad         int
		ignored                    string
		checkMeta                  bool
		sameText                   bool // the text is the UTF-8 page's, unchanged
	}{
		{page: "utf-8", encoding: "utf-8", firstBad: -1, checkMeta: true, sameText: true},
		{page: "utf-8", contentType: "text/html; charset=utf-8", encoding: "utf-8", firstBad: -1, sameText: true},
		{page: "utf-8", contentType: "text/html; charset=gbk", encoding: "utf-8", firstBad: -1, ignored: "gbk", sameText: true},
		{page: "utf-8", variant: "gb18030", encoding: "gb18030", firstBad: -1, ignored: "utf-8", sameText: true},
		{page: "utf-8", variant: "gb18030", contentType: "text/html; charset=gbk", encoding: "gbk", firstBad: -1, sameText: true},
		{page: "utf-8", variant: "gb18030", contentType: "text/html; charset=big5", encoding: "gb18030", firstBad: -1, ignored: "big5", sameText: true},
		{page: "utf-8", variant: "gbk", encoding: "gb18030", firstBad: -1, ignored: "utf-8", sameText: true},
		{page: "utf-8", variant: "gbk", contentType: "text/html; charset=shift_jis", encoding: "gb18030", firstBad: -1, ignored: "shift_jis", sameText: true},
		{page: "utf-8", variant: "big5", encoding: "big5", firstBad: -1, ignored: "utf-8"},
		{page: "utf-8", variant: "big5", contentType: "text/html; charset=big5", encoding: "big5", firstBad: -1},
		{page: "utf-8", variant: "gbk damaged", encoding: "gb18030", replaced: 241, firstBad: -1, ignored: "utf-8"},
		{page: "gbk", variant: "gbk", encoding: "gbk", firstBad: -1},
		{page: "gbk", variant: "gbk", contentType: "text/html; charset=gb18030", encoding: "gb18030", firstBad: -1},
		{page: "gbk", variant: "gbk", contentType: "text/html; charset=big5", encoding: "gb18030", firstBad: -1, ignored: "big5"},
		{page: "gb2312", variant: "gbk", encoding: "gbk", firstBad: -1},
		{page: "truncated", encoding: "utf-8", replaced: 2, firstBad: i},
		{page: "plain", variant: "big5", encoding: "big5", firstBad: -1},
		{page: "plain", variant: "gbk damaged", encoding: "gb18030", replaced: 216, firstBad: -1},
		{page: "blank", variant: "gbk", encoding: "utf-8", firstBad: -1}, // ASCII
	}
	for _, tt := range tests {
		name := tt.page + " " + tt.variant + " " + tt.contentType
		d := Decode(encodeAs(t, pages[tt.page], tt.variant), Hints{ContentType: tt.contentType})
		assert.Equal(t, tt.encoding, d.Encoding, name)
		assert.Equal(t, tt.replaced, d.Replaced, name)
		assert.Equal(t, tt.firstBad, d.FirstBad, name)
		assert.Equal(t, tt.ignored, d.Ignored, name)
		assert.Equal(t, tt.checkMeta, d.CheckMeta, name)
		assert.True(t, utf8.Valid(d.Text), name)
		if tt.sameText {
			assert.Equal(t, utf8Page, string(d.Text), name)
		}
		if tt.replaced == 0 {
			assert.NotContains(t, string(d.Text), "\uFFFD", name)
		}
	}
}

// TestDecodeForcedAndBOM checks the two rules above all others: a forced
// label, and a byte order mark.
func TestDecodeForcedAndBOM(t *testing.T) {
	text := "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复。"
	gbk := encodeAs(t, page(`<meta charset="utf-8">`, text), "gbk")
	d := Decode(gbk, Hints{Charset: "big5", ContentType: "text/html; charset=gbk"})
	assert.Equal(t, "big5", d.Encoding, "forced over the bytes and the header")
	d = Decode(gbk, Hints{Charset: "no such label"})
	assert.Equal(t, "gb18030", d.Encoding, "an unknown label is ignored")

	d = Decode([]byte("\xef\xbb\xbf<p>"+text+"\xff</p>"), Hints{ContentType: "text/html; charset=gbk"})
	assert.Equal(t, "utf-8", d.Encoding)
	assert.Equal(t, "<p>"+text+"\uFFFD</p>", string(d.Text), "the BOM left out, the bad byte replaced")
	assert.Equal(t, 3+len("<p>"+text), d.FirstBad, "an offset in the input, BOM included")

	le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("<p>" + text + "</p>"))
	require.NoError(t, err)
	d = Decode(le, Hints{})
	assert.Equal(t, "utf-16le", d.Encoding)
	assert.Equal(t, "<p>"+text+"</p>", string(d.Text))
}

// FuzzDecode checks, on any bytes and a few Content-Types, that Decode
// gives valid UTF-8 holding at least as many U+FFFD as it counts
// replaced, and reads valid UTF-8 with no BOM and no forced charset
// unchanged.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("<meta charset=gbk><p>\xd6\xd0\xce\xc4\xff</p>"), uint8(0))
	f.Add([]byte("<p>\xa4\xa4\xa4\xe5\xd6\xd0</p>"), uint8(3))
	f.Add([]byte("<p>中文\xff</p>"), uint8(2))
	contentTypes := []string{"", "text/html; charset=gbk", "text/html; charset=big5", "text/html; charset=utf-8"}
	f.Fuzz(func(t *testing.T, b []byte, ct uint8) {
		d := Decode(b, Hints{ContentType: contentTypes[int(ct)%len(contentTypes)]})
		if !utf8.Valid(d.Text) {
			t.Fatalf("Decode(%q) gives invalid UTF-8 %q", b, d.Text)
		}
		if n := bytes.Count(d.Text, []byte("\uFFFD")); n < d.Replaced {
			t.Fatalf("Decode(%q) counts %d replaced, its text holds %d U+FFFD", b, d.Replaced, n)
		}
		if utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) && (d.Encoding != "utf-8" || !bytes.Equal(d.Text, b)) {
			t.Fatalf("Decode(%q) reads valid UTF-8 as %s %q", b, d.Encoding, d.Text)
		}
	})
}

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

// validSamples test every path of validUTF8 and validCJK: ASCII runs,
// CJK runs, the leads whose second byte is limited (E0, ED), four-byte
// characters, and sequences cut or out of range.
var validSamples = []string{
	"", "a", "abcdefgh", "中文，abc。", "abcdefgh中", "abcdefgh中文中文", "\xe4\xb8", "abcdefgh\xe4\xb8",
	"\xed\xa0\x80", "\xe0\x80\x80", "\xe0\xa0\x80", "\xe0\xa0\x80中", "\xef\xbf\xbd", "\xf0\x9f\x98\x80",
	"\xf4\x90\x80\x80", "中\xef\xbf\xbd\xf0\x9f\x98\x80", "\xff", "中\x80文", "\u3000\u00a0\ufeff",
}

// TestValidUTF8 checks validUTF8 against utf8.Valid on samples and random
// bytes and characters.
func TestValidUTF8(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		valid, wide := validUTF8(b)
		require.Equal(t, utf8.Valid(b), valid, "%q", b)
		if valid {
			require.Equal(t, bytes.ContainsFunc(b, func(r rune) bool { return r >= utf8.RuneSelf }), wide, "%q", b)
		}
	}
	for _, s := range validSamples {
		check([]byte(s))
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 5000 {
		var s []byte
		for range rng.IntN(40) {
			s = append(s, validSamples[rng.IntN(len(validSamples))]...)
		}
		check(s)
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		check(b)
	}
}

// FuzzValidCJK checks validCJK against utf8.Valid.
func FuzzValidCJK(f *testing.F) {
	for _, s := range validSamples {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validCJK(b), utf8.Valid(b); got != want {
			t.Fatalf("validCJK(%q) = %v, want %v", b, got, want)
		}
	})
}

package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// faultPage is a notice page whose third paragraph is given as bytes, so
// that a fault can be placed between two sentences that must survive it.
func faultPage(charset string, middle []byte) []byte {
	var b bytes.Buffer
	b.WriteString(`<html><head><meta charset="` + charset + `"><title>关于县政协十届一次会议第73号提案的答复</title></head><body><div id="zoom">`)
	b.WriteString(`<p>涂轶委员：</p><p>你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：</p><p>`)
	b.Write(middle)
	b.WriteString(`</p><p>感谢你对我们工作的关心和支持。</p><p>旺苍县人民政府办公室</p><p>2017年3月16日</p></div></body></html>`)
	return b.Bytes()
}

const (
	before = "目前，全县已建成城乡社区40个。"
	after  = "纳入管理的居民总数达40727户。"
)

// gbk returns s in GBK bytes.
func gbk(t testing.TB, s string) []byte { return encode(t, simplifiedchinese.GBK, s) }

// TestEncodingFaults reads pages with broken or mixed encodings: where
// bytes are replaced, a warning says how many; the text around them
// survives whole.
func TestEncodingFaults(t *testing.T) {
	tests := []struct {
		name     string
		page     []byte
		replaced string // the replaced-bytes warning's message, "" for none
		mismatch bool   // a charset-mismatch warning
		text     string // what the middle paragraph reads as
	}{
		{
			name:     "invalid UTF-8 between two sentences",
			page:     faultPage("utf-8", []byte(before+"\xff\xfe\x80"+after)),
			replaced: "3 invalid utf-8 byte(s) replaced by U+FFFD",
			text:     before + "\uFFFD\uFFFD\uFFFD" + after,
		},
		{
			name:     "a GBK page declared UTF-8",
			page:     append([]byte(nil), faultPage("utf-8", nil)...),
			mismatch: true,
			text:     before + after,
		},
		{
			name: "a BOM in the middle",
			page: faultPage("utf-8", []byte(before+"\ufeff"+after)),
			text: before + after,
		},
	}
	// The GBK page: every byte of it GBK, its declaration UTF-8.
	tests[1].page = gbk(t, string(faultPage("utf-8", []byte(before+after))))

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := HTML(bytes.NewReader(tt.page))
			require.NoError(t, err)
			// The sentences around the fault survive, and so does the rest
			// of the notice.
			require.Equal(t, 2, len(rep.Opening), "%s", mustMarshal(t, rep))
			got := rep.Opening[1].Text
			assert.True(t, strings.HasPrefix(got, before), "%q", got)
			assert.True(t, strings.HasSuffix(got, after), "%q", got)
			if tt.text != "" {
				assert.Equal(t, tt.text, reply.NormalizeWhitespace(got))
			}
			assert.Equal(t, "涂轶委员：", rep.Salutation)
			assert.Equal(t, "你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：", rep.Opening[0].Text)
			assert.Equal(t, []reply.Block{{Text: "感谢你对我们工作的关心和支持。"}}, rep.Closing)
			require.NotZero(t, rep.Signature)
			assert.Equal(t, "2017-03-16", rep.Signature.Date.String())

			w := warningOf(rep, CodeReplacedBytes)
			if tt.replaced == "" {
				assert.Nil(t, w, "no byte replaced")
				assert.NotContains(t, rep.PlainText(), "\uFFFD")
			} else {
				require.NotNil(t, w, "a warning says bytes were replaced")
				assert.Contains(t, w.Message, tt.replaced)
				assert.True(t, strings.HasPrefix(w.Where, "byte "), w.Where)
				assert.Equal(t, strings.Count(rep.PlainText(), "\uFFFD"), replacedCount(t, w), "the warning counts every replacement")
			}
			assert.Equal(t, tt.mismatch, warningOf(rep, CodeCharsetMismatch) != nil)
		})
	}
}

// replacedCount reads the number of bytes a replaced-bytes warning counts.
func replacedCount(t *testing.T, w *reply.Warning) int {
	t.Helper()
	n := 0
	for _, c := range w.Message {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	require.Positive(t, n, w.Message)
	return n
}

// TestEncodingFaultTruncated reads a page cut in the middle of a
// character, with no end tags: the cut character is replaced, a warning
// counts it, and the text before it survives.
func TestEncodingFaultTruncated(t *testing.T) {
	page := faultPage("utf-8", []byte(before+after+"感谢你"))
	cut := bytes.Index(page, []byte("感谢你</p>"))
	page = page[:cut+len("感谢你")-1] // 「你」 without its last byte
	rep, err := HTML(bytes.NewReader(page))
	require.NoError(t, err)
	assert.Equal(t, "你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：", rep.Opening[0].Text)
	lines := rep.Lines()
	assert.Equal(t, before+after+"感谢\uFFFD\uFFFD", lines[len(lines)-1], "the last paragraph, up to the cut")
	w := warningOf(rep, CodeReplacedBytes)
	require.NotNil(t, w)
	assert.Equal(t, "2 invalid utf-8 byte(s) replaced by U+FFFD", w.Message)
	assert.Equal(t, "byte "+strconv.Itoa(len(page)-2), w.Where)
}

// TestEncodingFaultMixed reads a UTF-8 page that carries one sentence in
// GBK between two in UTF-8: the page is UTF-8 but for that sentence,
// whose bytes are replaced, counted by a warning.
func TestEncodingFaultMixed(t *testing.T) {
	mixed := faultPage("utf-8", append(append([]byte(before), gbk(t, "这是一句国标码的话。")...), after...))
	rep, err := HTML(bytes.NewReader(mixed))
	require.NoError(t, err)
	assert.Equal(t, "涂轶委员：", rep.Salutation)
	require.Equal(t, 2, len(rep.Opening), "%s", mustMarshal(t, rep))
	got := rep.Opening[1].Text
	assert.True(t, strings.HasPrefix(got, before), "%q", got)
	assert.True(t, strings.HasSuffix(got, after), "%q", got)
	w := warningOf(rep, CodeReplacedBytes)
	require.NotNil(t, w)
	assert.Contains(t, w.Message, "utf-8")
	assert.Nil(t, warningOf(rep, CodeCharsetMismatch))
}

// TestExtractNotHTML checks the rule for input that is not HTML.
func TestExtractNotHTML(t *testing.T) {
	tests := []struct {
		name, in, why string
	}{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"},
		{"pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj", "PDF document"},
		{"nul", "abc\x00def<p>x</p>", "NUL byte"},
		{"plain text", "旺苍县人民政府办公室\n关于县政协提案的答复\n", "no markup"},
		{"less-than in text", "1 < 2 and 3 > 2", "no markup"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(strings.NewReader(tt.in))
			require.ErrorIs(t, err, ErrNotHTML)
			assert.Contains(t, err.Error(), tt.why)
		})
	}
	// A fragment with markup is HTML.
	src, err := Extract(strings.NewReader("<p>旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复</p><p>涂轶、李勇委员：你们的提案收悉，现答复如下。</p>"))
	require.NoError(t, err)
	assert.Len(t, src.Blocks, 2)
}

// encode returns s encoded with e.
func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

// TestLoadEncodings reads one page in each encoding and declaration.
func TestLoadEncodings(t *testing.T) {
	const simp = "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复。你们提出的建议收悉，现将有关情况答复如下。"
	const trad = "臺北市政府對於議員質詢事項的答覆。本府已經認真辦理，現將有關情況說明如下，請查照。"
	page := func(decl, text string) string {
		return "<html><head>" + decl + "<title>Test</title></head><body><div><p>" + text + "</p></div></body></html>"
	}
	tests := []struct {
		name    string
		in      []byte
		opts    []Option
		want    string
		warning string
	}{
		{"utf-8 undeclared", []byte(page("", simp)), nil, simp, ""},
		{"utf-8 BOM", append([]byte("\xef\xbb\xbf"), page("", simp)...), nil, simp, ""},
		{"utf-8 BOM over gbk meta", append([]byte("\xef\xbb\xbf"), page(`<meta charset="gbk">`, simp)...), nil, simp, ""},
		{"utf-8 declared gb2312", []byte(page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, simp)), nil, simp, CodeCharsetMismatch},
		{"gbk meta charset", encode(t, simplifiedchinese.GBK, page(`<meta charset="gbk">`, simp)), nil, simp, ""},
		{"gb2312 http-equiv", encode(t, simplifiedchinese.GBK, page(`<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=GB2312">`, simp)), nil, simp, ""},
		{"gb18030 from the HTTP header", encode(t, simplifiedchinese.GB18030, page("", simp+"𠀀")), []Option{WithContentType("text/html; charset=GB18030")}, simp + "𠀀", ""},
		{"gbk undeclared", encode(t, simplifiedchinese.GBK, page("", simp)), nil, simp, ""},
		{"gbk declared utf-8", encode(t, simplifiedchinese.GBK, page(`<meta charset="utf-8">`, simp)), nil, simp, CodeCharsetMismatch},
		{"big5 declared", encode(t, traditionalchinese.Big5, page(`<meta charset="big5">`, trad)), nil, trad, ""},
		{"big5 undeclared", encode(t, traditionalchinese.Big5, page("", trad)), nil, trad, ""},
		{"big5 declared gbk", encode(t, traditionalchinese.Big5, page(`<meta charset="gbk">`, trad)), nil, trad, CodeCharsetMismatch},
		{"big5 forced", encode(t, traditionalchinese.Big5, page(`<meta charset="gbk">`, trad)), []Option{WithCharset("big5")}, trad, ""},
		{"gbk traditional undeclared", encode(t, simplifiedchinese.GBK, page("", trad)), nil, trad, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := newConfig(tt.opts)
			doc, warnings, err := loadDocument(bytes.NewReader(tt.in), &cfg)
			require.NoError(t, err)
			assert.Equal(t, tt.want, doc.Find("p").Text())
			if tt.warning == "" {
				assert.Empty(t, warnings)
			} else {
				require.NotEmpty(t, warnings)
				assert.Equal(t, tt.warning, warnings[0].Code)
			}
		})
	}
}

// TestLoadReplacedBytes checks that invalid bytes are replaced and counted.
func TestLoadReplacedBytes(t *testing.T) {
	in := "<html><body><p>旺苍县人民政府办公室\xff\xfe答复如下，特此答复。感谢你们对县政府工作的关心和支持。</p></body></html>"
	cfg := newConfig(nil)
	doc, warnings, err := loadDocument(strings.NewReader(in), &cfg)
	require.NoError(t, err)
	require.Len(t, warnings, 1)
	assert.Equal(t, CodeReplacedBytes, warnings[0].Code)
	assert.Contains(t, warnings[0].Message, "2 invalid utf-8 byte")
	assert.Equal(t, "byte "+strconv.Itoa(strings.Index(in, "\xff")), warnings[0].Where)
	assert.Equal(t, "旺苍县人民政府办公室\uFFFD\uFFFD答复如下，特此答复。感谢你们对县政府工作的关心和支持。", doc.Find("p").Text())
}

// TestExtractCorpusUndeclaredLegacy checks that the corpus's pages in
// undeclared legacy encodings decode to sensible Chinese.
func TestExtractCorpusUndeclaredLegacy(t *testing.T) {
	dir := corpusDir(t, "pages")
	tests := []struct {
		file, word string
	}{
		{"024-sina-fragment-gbk-undeclared.html", "中国航天科技集团公司"},
		{"025-sohu-fragment-gb2312-undeclared.html", "搜狐在线"},
		{"026-big5-fragment-undeclared.html", "台北看守所"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, tt.file))
			require.NoError(t, err)
			defer f.Close()
			cfg := newConfig(nil)
			doc, warnings, err := loadDocument(f, &cfg)
			require.NoError(t, err)
			assert.Empty(t, warnings)
			assert.Contains(t, doc.Text(), tt.word)
		})
	}
}

package parse

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
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

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func warningOf(rep *reply.Reply, code string) *reply.Warning {
	for i := range rep.Warnings {
		if rep.Warnings[i].Code == code {
			return &rep.Warnings[i]
		}
	}
	return nil
}

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
	assert.Equal(t, "byte "+itoa(len(page)-2), w.Where)
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

// TestEncodingFaultsText reads a text with invalid UTF-8 and a NUL: each
// such byte becomes U+FFFD, a warning counts them and names the line, and
// the text around survives.
func TestEncodingFaultsText(t *testing.T) {
	text := "涂轶委员：\n你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下：\n" +
		before + "\xff\xfe\x00" + after + "\n感谢你对我们工作的关心和支持。\n\xe4\xb8"
	rep, err := Text(text)
	require.NoError(t, err)
	// The cut character at the end stands as a paragraph of its own.
	assert.Equal(t, []reply.Block{
		{Text: "你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下："},
		{Text: before + "\uFFFD\uFFFD\uFFFD" + after},
		{Text: "感谢你对我们工作的关心和支持。"},
		{Text: "\uFFFD\uFFFD"},
	}, rep.Opening)
	w := warningOf(rep, CodeReplacedBytes)
	require.NotNil(t, w)
	assert.Equal(t, "5 invalid UTF-8 or NUL byte(s) replaced by U+FFFD", w.Message)
	assert.Equal(t, "line 3", w.Where)
	assert.Contains(t, rep.PlainText(), "感谢你对我们工作的关心和支持。")
	// The reply is valid UTF-8: its JSON reads back the same.
	data, err := reply.Marshal(rep)
	require.NoError(t, err)
	back, err := reply.Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, rep, back)
}

func itoa(n int) string { return strconv.Itoa(n) }

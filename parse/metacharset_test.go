package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// metaCharsetCases are heads with and without a declaration, in the
// forms pages write them and in the forms that trip a tokenizer.
var metaCharsetCases = []struct {
	head, want string
}{
	{`<meta charset="gbk">`, "gbk"},
	{`<META CHARSET=GB2312>`, "gbk"},
	{`<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />`, "gbk"},
	{`<meta content="text/html; charset=big5" http-equiv="content-type">`, "big5"},
	{`<meta http-equiv="refresh" content="5; charset=gbk">`, ""},
	{`<meta content="text/html; charset=gbk">`, ""},
	{`<meta charset="utf-8" charset="gbk">`, "utf-8"},
	{`<meta CHARSET="utf-8" charset="gbk">`, "utf-8"},
	{`<meta charset="&#103;bk">`, "gbk"},
	{`<meta charset="gb&shy;k">`, ""},
	{`<meta charset="&NotAnEntity;gbk">`, ""},
	{`<meta charset="gbk&ampx">`, ""},
	{"<meta charset=\"gb\r\nk\">", ""},
	{`<meta charset="nonsense">`, ""},
	{`<body><meta charset="gbk">`, ""},
	{`<BODY class=x><meta charset="gbk">`, ""},
	{`<title><meta charset="gbk"></title><meta charset="big5">`, "big5"},
	{`<script>document.write('<meta charset="gbk">')</script><meta charset="big5">`, "big5"},
	{`<!-- <meta charset="gbk"> --><meta charset=shift_jis>`, "shift_jis"},
	{`<textarea><meta charset=gbk></textarea>`, ""},
	{`<meta charset="gbk"`, "gbk"}, // the tag runs on into </head>
	{`<meta charset="gbk`, ""},
	{`<metal charset="gbk"><meta charset="euc-kr">`, "euc-kr"},
	{`<meta/charset=gbk>`, "gbk"},
	{`<meta charset=gbk/>`, ""},
	{`<meta charset='gbk'/>`, "gbk"},
	{"<meta\tcharset\n=\f'gbk'>", "gbk"},
	{`<meta =charset charset=gbk>`, "gbk"},
	{`<![CDATA[<meta charset=gbk>]]><meta charset=big5>`, "big5"},
	{`<meta charset="gbk"` + "\x00" + `>`, "gbk"},
	{"<me\x00ta charset=gbk><meta charset=big5>", "big5"},
	{"<meta charset=\"gb\x00k\"><meta charset=big5>", "big5"},
	{"<meta http-equiv=content-type content=\"text/html; charset=gbk\x00\"><meta charset=big5>", "big5"},
	{"<meta char\x00set=gbk charset=big5>", "big5"},
	{"<title>\x00</title><meta charset=gbk>", "gbk"},
	{`no markup but the word charset`, ""},
}

// TestMetaCharset holds metaCharset to the declarations above and to
// refMetaCharset, which reads the head with html.Tokenizer.
func TestMetaCharset(t *testing.T) {
	for _, c := range metaCharsetCases {
		head := []byte("<!doctype html><html><head>" + c.head + "</head>")
		assert.Equal(t, c.want, metaCharset(head), "%q", c.head)
		assert.Equal(t, refMetaCharset(head), metaCharset(head), "%q", c.head)
	}
}

// TestMetaCharsetPages holds metaCharset to refMetaCharset on the head of
// every fixture page and, when present, every corpus page.
func TestMetaCharsetPages(t *testing.T) {
	files, err := filepath.Glob("testdata/pages/*.html")
	require.NoError(t, err)
	dir := filepath.Join("..", "..", "shared", "corpus", "pages")
	if more, err := filepath.Glob(filepath.Join(dir, "*")); err == nil {
		files = append(files, more...)
	}
	declared := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".tsv") || strings.HasSuffix(f, ".md") {
			continue
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		head := data[:min(len(data), sniffLen)]
		got := metaCharset(head)
		assert.Equal(t, refMetaCharset(head), got, f)
		if got != "" {
			declared++
		}
	}
	assert.Positive(t, declared, "no page declares a charset")
}

// FuzzMetaCharset holds metaCharset to html.Tokenizer's reading.
func FuzzMetaCharset(f *testing.F) {
	for _, c := range metaCharsetCases {
		f.Add([]byte(c.head))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		head = append([]byte("charset"), head...)
		if got, want := metaCharset(head), refMetaCharset(head); got != want {
			t.Fatalf("metaCharset(%q) = %q, html.Tokenizer reads %q", head, got, want)
		}
	})
}

// refMetaCharset is metaCharset as html.Tokenizer reads the head: the
// reference it is held to.
func refMetaCharset(head []byte) string {
	if !bytes.Contains(head, []byte("harset")) && !bytes.Contains(head, []byte("HARSET")) {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return ""
			}
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var attrs []html.Attribute
			for {
				k, v, more := z.TagAttr()
				attrs = append(attrs, html.Attribute{Key: string(k), Val: string(v)})
				if !more {
					break
				}
			}
			if name := metaDeclares(attrs); name != "" {
				return name
			}
		}
	}
}

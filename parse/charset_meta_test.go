package parse

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html/charset"

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

// TestMetaCharset holds metaCharset to the declarations above.
func TestMetaCharset(t *testing.T) {
	for _, c := range metaCharsetCases {
		head := []byte("<!doctype html><html><head>" + c.head + "</head>")
		assert.Equal(t, c.want, metaCharset(head), "%q", c.head)
	}
}

// TestMetaCharsetPages reads the declaration of every fixture page that
// has one, by name.
func TestMetaCharsetPages(t *testing.T) {
	for file, want := range map[string]string{
		"seed-trs.gbk.html":             "gbk",
		"seed-table.gb2312.html":        "gbk",
		"broken-gbk-declared-utf8.html": "utf-8",
		"seed-trs.utf8.html":            "utf-8",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", "pages", file))
		require.NoError(t, err)
		assert.Equal(t, want, metaCharset(data[:min(len(data), sniffLen)]), file)
	}
}

// FuzzMetaCharset checks that metaCharset gives, on any head, either
// nothing or an encoding's WHATWG name, which charset.Lookup gives back.
func FuzzMetaCharset(f *testing.F) {
	for _, c := range metaCharsetCases {
		f.Add([]byte(c.head))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		head = append([]byte("charset"), head...)
		got := metaCharset(head)
		if got == "" {
			return
		}
		if _, name := charset.Lookup(got); name != got {
			t.Fatalf("metaCharset(%q) = %q, not a WHATWG name (%q)", head, got, name)
		}
	})
}

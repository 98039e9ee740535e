package charset

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	htmlcharset "golang.org/x/net/html/charset"
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

// TestHeadCharset reads the declaration from a page's node tree, where
// the parser has put what the page's head holds: the first <meta> that
// declares a charset counts.
func TestHeadCharset(t *testing.T) {
	for head, want := range map[string]string{
		`<meta charset="gbk">`: "gbk",
		`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><meta charset="big5">`: "gbk",
		`<title>答复</title><meta name="keywords" content="charset=gbk"><meta charset="big5">`:        "big5",
		`<meta charset="nonsense">`:         "",
		`<title>答复</title>`:                 "",
		`</head><body><meta charset="gbk">`: "", // in the body: no declaration
	} {
		doc, err := html.Parse(strings.NewReader("<!doctype html><html><head>" + head + "</head><body><p>正文</p></body></html>"))
		require.NoError(t, err)
		assert.Equal(t, want, HeadCharset(doc), "%q", head)
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
		if _, name := htmlcharset.Lookup(got); name != got {
			t.Fatalf("metaCharset(%q) = %q, not a WHATWG name (%q)", head, got, name)
		}
	})
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

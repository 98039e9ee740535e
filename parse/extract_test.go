package parse

import (
	"bytes"
	"errors"
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

// seedBody reads the seed notice's title and paragraphs, the source of the
// page fixtures.
func seedBody(t testing.TB) (title string, lines []string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", "seed-body.txt"))
	require.NoError(t, err)
	all := strings.Split(strings.TrimSpace(string(raw)), "\n")
	return all[0], all[1:]
}

func extractFile(t testing.TB, name string, opts ...Option) (*Source, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "pages", name))
	require.NoError(t, err)
	defer f.Close()
	return Extract(f, opts...)
}

func blockTexts(blocks []SourceBlock) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = b.Text
	}
	return out
}

// TestExtractSeedLayouts reads the seed notice in each layout and
// encoding: the blocks, the title and the page metadata are the same,
// but for what the layout really differs in (its address, its site name,
// the furniture a broken page lacks).
func TestExtractSeedLayouts(t *testing.T) {
	title, lines := seedBody(t)
	crumbs := []string{"首页", "政协提案", title}
	tests := []struct {
		file      string
		url, site string
		noInfo    bool // the page has no 发布时间/来源/点击量 line
		indent    bool
	}{
		{file: "seed-trs.utf8.html", site: "旺苍县人民政府", indent: true},
		{file: "seed-trs.gbk.html", site: "旺苍县人民政府", indent: true},
		{file: "seed-hanweb.html", site: "旺苍县人民政府", url: "http://www.cnwangcang.gov.cn/art/2020/10/21/art_1_1.html", indent: true},
		{file: "seed-table.gb2312.html", indent: true},
		{file: "seed-article.html", url: "https://www.cnwangcang.gov.cn/zxta/2020/10/21/73.html"},
		{file: "broken-malformed.html", noInfo: true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := extractFile(t, tt.file)
			require.NoError(t, err)
			assert.Equal(t, title, src.Title)
			assert.Equal(t, lines, blockTexts(src.Blocks))
			assert.Empty(t, src.Warnings)
			assert.True(t, src.IsNotice())
			p := src.Page
			require.NotNil(t, p)
			assert.Equal(t, crumbs, p.Breadcrumb)
			assert.Equal(t, tt.url, p.URL)
			assert.Equal(t, tt.site, p.Site)
			if tt.noInfo {
				assert.Nil(t, p.Published)
			} else {
				require.NotNil(t, p.Published)
				assert.Equal(t, "2020-10-21", p.Published.String())
				assert.Equal(t, "2020-10-21", p.Published.Text)
				assert.Equal(t, "县民政局", p.Source)
				assert.Equal(t, 2045, p.Views)
			}
			n := len(src.Blocks)
			require.Greater(t, n, 3)
			assert.Equal(t, AlignRight, src.Blocks[n-1].Align, "date line")
			assert.Equal(t, AlignRight, src.Blocks[n-2].Align, "office line")
			assert.NotEqual(t, AlignRight, src.Blocks[0].Align)
			assert.Equal(t, tt.indent, src.Blocks[1].Indent)
			for i := 1; i < n; i++ {
				assert.Greater(t, src.Blocks[i].Pos.Offset, src.Blocks[i-1].Pos.Offset, "block %d", i)
			}
		})
	}
}

// TestExtractSeedEncodings checks that the GBK and UTF-8 pages of the
// seed give the same Source, positions included.
func TestExtractSeedEncodings(t *testing.T) {
	u, err := extractFile(t, "seed-trs.utf8.html")
	require.NoError(t, err)
	g, err := extractFile(t, "seed-trs.gbk.html")
	require.NoError(t, err)
	assert.Equal(t, u, g)
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", "seed-trs.gbk.html"))
	require.NoError(t, err)
	assert.False(t, bytes.Contains(raw, []byte("旺苍")), "the GBK fixture holds UTF-8 text")
}

// TestExtractBroken checks each broken page's typed error or warning.
func TestExtractBroken(t *testing.T) {
	title, lines := seedBody(t)
	tests := []struct {
		file    string
		err     error
		errText string // in the error's message
		warning string // code of a warning
		check   func(t *testing.T, src *Source)
	}{
		{file: "broken-empty.html", err: ErrEmpty},
		{file: "broken-blank.html", err: ErrEmpty},
		{file: "broken-plain.txt", err: ErrNotHTML, errText: "no markup"},
		{file: "broken-list.html", err: ErrNoContent, errText: "政协提案"},
		{file: "broken-error.html", err: ErrNoContent, errText: "404"},
		{file: "broken-gbk-declared-utf8.html", warning: CodeCharsetMismatch, check: func(t *testing.T, src *Source) {
			assert.Equal(t, title, src.Title)
			assert.Equal(t, lines, blockTexts(src.Blocks))
		}},
		{file: "broken-truncated.html", warning: CodeReplacedBytes, check: func(t *testing.T, src *Source) {
			last := src.Blocks[len(src.Blocks)-1].Text
			assert.Equal(t, "感谢你们\uFFFD", last)
			assert.Equal(t, lines[:len(src.Blocks)-1], blockTexts(src.Blocks[:len(src.Blocks)-1]))
			assert.Contains(t, src.Warnings[0].Message, "1 invalid utf-8 byte")
			assert.NotEmpty(t, src.Warnings[0].Where)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var src *Source
			var err error
			require.NotPanics(t, func() { src, err = extractFile(t, tt.file) })
			if tt.err != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, tt.err)
				assert.Contains(t, err.Error(), tt.errText)
				assert.Nil(t, src)
				return
			}
			require.NoError(t, err)
			var codes []string
			for _, w := range src.Warnings {
				codes = append(codes, w.Code)
			}
			assert.Contains(t, codes, tt.warning)
			tt.check(t, src)
		})
	}
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

// countingReader yields an endless page and counts what was read.
type countingReader struct{ n int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "<p>某某</p>"[int(c.n+int64(i))%len("<p>某某</p>")]
	}
	c.n += int64(len(p))
	return len(p), nil
}

// TestExtractLimits checks each limit's typed error.
func TestExtractLimits(t *testing.T) {
	t.Run("bytes", func(t *testing.T) {
		r := &countingReader{}
		_, err := Extract(r, WithMaxBytes(4096))
		var le *LimitError
		require.ErrorAs(t, err, &le)
		assert.ErrorIs(t, err, ErrTooLarge)
		assert.Equal(t, "bytes", le.Limit)
		assert.Equal(t, int64(4096), le.Max)
		assert.LessOrEqual(t, r.n, int64(4097+512), "read past the limit")
	})
	t.Run("blocks", func(t *testing.T) {
		_, err := extractFile(t, "seed-trs.utf8.html", WithMaxBlocks(5))
		var le *LimitError
		require.ErrorAs(t, err, &le)
		assert.Equal(t, "blocks", le.Limit)
		assert.Equal(t, int64(5), le.Max)
		assert.Contains(t, le.Where, "byte ")
	})
	t.Run("paragraph", func(t *testing.T) {
		_, err := extractFile(t, "seed-trs.utf8.html", WithMaxParagraph(300))
		var le *LimitError
		require.ErrorAs(t, err, &le)
		assert.Equal(t, "paragraph", le.Limit)
	})
	t.Run("depth", func(t *testing.T) {
		const depth = 400
		page := "<html><head><title>关于某事的通知</title></head><body>" + strings.Repeat("<div>", depth) +
			"<p>各有关单位：</p><p>现将有关事项通知如下，请遵照执行。</p>" + strings.Repeat("</div>", depth) + "</body></html>"
		var src *Source
		var err error
		require.NotPanics(t, func() { src, err = Extract(strings.NewReader(page), WithMaxDepth(64)) })
		require.NoError(t, err)
		require.Len(t, src.Blocks, 1, "content below the depth limit is one block")
		assert.Equal(t, "各有关单位： 现将有关事项通知如下，请遵照执行。", src.Blocks[0].Text)
		src, err = Extract(strings.NewReader(page))
		require.NoError(t, err)
		assert.Equal(t, []string{"各有关单位：", "现将有关事项通知如下，请遵照执行。"}, blockTexts(src.Blocks))
	})
	t.Run("parser depth", func(t *testing.T) {
		page := "<html><body>" + strings.Repeat("<div>", 5000) + "<p>各有关单位：现将有关事项通知如下。</p>"
		_, err := Extract(strings.NewReader(page))
		var le *LimitError
		require.ErrorAs(t, err, &le)
		assert.Equal(t, "depth", le.Limit)
		assert.Equal(t, int64(htmlParserDepth), le.Max)
	})
}

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

// TestExtractBlocks checks how the content's elements become blocks.
func TestExtractBlocks(t *testing.T) {
	page := `<html><head><meta charset="utf-8"><title>关于某某事项的通知_某某市人民政府</title>
<script>document.write("脚本文字")</script><style>p{}</style></head><body>
<div class="nav"><a href="/">首页</a></div>
<div class="TRS_Editor">
<h2>关于某某事项的通知</h2>
<p>&nbsp;&nbsp;&#12288;各区县人民政府，市政府各部门：</p>
<p style="text-indent:2em">现将有关事项通知如下。&ldquo;一网通办&rdquo;工作
要求各单位认真落实。</p>
<div style="display:none">隐藏的文字</div>
<p hidden>也是隐藏的</p>
<div class="bdsharebuttonbox">分享到：微信</div>
<p><strong>一、总体要求</strong></p>
<center>居中的一行</center>
<p>第一行<br>第二行<br/>Line three
words</p>
<table border="1">
<tr><th>序号</th><th>单位</th><th>金额（万元）</th></tr>
<tr><td rowspan="2">1</td><td>甲局</td><td>10</td></tr>
<tr><td colspan="2">乙局合计 20</td></tr>
</table>
<p><img src="images/map.png" alt="示意图"><img src="javascript:alert(1)" alt="x"><img src="data:image/png;base64,AAAA"></p>
<p style="text-align: right">某某市人民政府办公室</p>
<p align="right">2024年5月6日</p>
</div>
<div class="footer">版权所有：某某市人民政府</div>
</body></html>`
	src, err := Extract(strings.NewReader(page), WithURL("https://www.example.gov.cn/zwgk/tz/2024/05/06/1.html"))
	require.NoError(t, err)
	assert.Equal(t, "关于某某事项的通知", src.Title)
	assert.Equal(t, "https://www.example.gov.cn/zwgk/tz/2024/05/06/1.html", src.Page.URL)
	assert.Equal(t, []string{
		"各区县人民政府，市政府各部门：",
		"现将有关事项通知如下。“一网通办”工作要求各单位认真落实。",
		"一、总体要求",
		"居中的一行",
		"第一行", "第二行", "Line three words",
		"序号 单位 金额（万元） 1 甲局 10 1 乙局合计 20",
		"示意图",
		"某某市人民政府办公室",
		"2024年5月6日",
	}, blockTexts(src.Blocks))
	b := src.Blocks
	assert.True(t, b[0].Indent, "leading full-width spaces")
	assert.True(t, b[1].Indent, "text-indent")
	assert.False(t, b[3].Indent)
	assert.True(t, b[2].Bold)
	assert.False(t, b[1].Bold)
	assert.Equal(t, AlignCenter, b[3].Align)
	require.NotNil(t, b[7].Table)
	assert.Equal(t, [][]string{
		{"序号", "单位", "金额（万元）"},
		{"1", "甲局", "10"},
		{"1", "乙局合计 20", "乙局合计 20"},
	}, b[7].Table.Rows)
	require.NotNil(t, b[8].Image)
	assert.Equal(t, reply.Image{URL: "https://www.example.gov.cn/zwgk/tz/2024/05/06/images/map.png", Alt: "示意图"}, *b[8].Image)
	assert.Equal(t, AlignRight, b[9].Align)
	assert.Equal(t, AlignRight, b[10].Align)
	for _, blk := range b {
		assert.NotContains(t, blk.Text, "隐藏")
		assert.NotContains(t, blk.Text, "脚本")
		assert.NotContains(t, blk.Text, "分享")
	}
}

// TestExtractHeadingTitle checks where the title comes from.
func TestExtractHeadingTitle(t *testing.T) {
	body := `<div class="content"><p>各有关单位：现将有关事项通知如下，请认真遵照执行。</p><p>特此通知。</p></div>`
	tests := []struct {
		name, head, pre, want string
	}{
		{"h1 over ArticleTitle spacing", `<meta name="articletitle" content="关于做好 2024年 工作的通知">`, `<h1>关于做好2024年工作的通知</h1>`, "关于做好2024年工作的通知"},
		{"ArticleTitle over a cut heading", `<meta name="ArticleTitle" content="关于做好2024年工作的通知（第二批）">`, `<h1>关于做好2024年工作的通知</h1>`, "关于做好2024年工作的通知（第二批）"},
		{"title-classed element", `<title>某某县人民政府</title>`, `<div class="article-title">关于做好2024年工作的通知</div>`, "关于做好2024年工作的通知"},
		{"<title> without the site", `<title>关于做好2024年工作的通知 - 某某县人民政府</title>`, ``, "关于做好2024年工作的通知"},
		{"<title> with column and site", `<title>关于做好2024年工作的通知_通知公告_中国宜春</title>`, ``, "关于做好2024年工作的通知"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><meta charset=utf-8>" + tt.head + "</head><body>" + tt.pre + body + "</body></html>"
			src, err := Extract(strings.NewReader(page))
			require.NoError(t, err)
			assert.Equal(t, tt.want, src.Title)
			assert.Equal(t, []string{"各有关单位：现将有关事项通知如下，请认真遵照执行。", "特此通知。"}, blockTexts(src.Blocks))
		})
	}
}

// TestExtractNotNotice checks the marking of pages that are not notices.
func TestExtractNotNotice(t *testing.T) {
	body := `<body><div class="content"><p>本报讯 昨日，市民在广场上参加了金融知识普及活动，现场气氛热烈。</p></div></body>`
	tests := []struct {
		name   string
		head   string
		opts   []Option
		notice bool
	}{
		{"news site by URL", `<title>活动报道</title>`, []Option{WithURL("https://news.example.com/a/1.html")}, false},
		{"government site by URL", `<title>活动报道</title>`, []Option{WithURL("https://www.example.gov.cn/a/1.html")}, true},
		{"government site by SiteDomain", `<meta name="SiteDomain" content="www.example.gov.cn"><title>活动报道</title>`, nil, true},
		{"official document title", `<title>某某局关于开展金融知识普及活动的通知</title>`, nil, true},
		{"no site, no document title", `<title>活动报道</title>`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Extract(strings.NewReader("<html><head>"+tt.head+"</head>"+body+"</html>"), tt.opts...)
			require.NoError(t, err)
			assert.Equal(t, tt.notice, src.IsNotice(), "%v", src.Warnings)
			assert.NotEmpty(t, src.Blocks)
		})
	}
}

// TestExtractDocumentNil checks a nil or empty document.
func TestExtractDocumentNil(t *testing.T) {
	_, err := ExtractDocument(nil)
	assert.ErrorIs(t, err, ErrNoContent)
	_, err = Extract(nil)
	assert.ErrorIs(t, err, ErrEmpty)
}

// TestStripSiteSuffix checks the <title> reading.
func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ in, site, want string }{
		{"某某答复 - 某某县人民政府", "", "某某答复"},
		{"某某答复_中国宜春", "中国宜春", "某某答复"},
		{"全国人大常委会关于某事的决议__2007年第23号国务院公报_中国政府网", "", "全国人大常委会关于某事的决议"},
		{"中国宜春_某某答复", "中国宜春", "某某答复"},
		{"1-10月德清县固定资产投资结构趋稳趋优", "", "1-10月德清县固定资产投资结构趋稳趋优"},
		{"  某某　答复 ", "", "某某 答复"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, stripSiteSuffix(tt.in, tt.site), tt.in)
	}
}

// TestExtractNeverPanics feeds truncations of every fixture.
func TestExtractNeverPanics(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, n := range []int{1, 7, 100, 999, len(data) / 3, len(data) / 2, len(data) - 1} {
			if n > len(data) || n < 0 {
				continue
			}
			assert.NotPanics(t, func() {
				src, err := Extract(bytes.NewReader(data[:n]))
				if err == nil {
					assert.NotEmpty(t, src.Blocks)
				} else {
					assert.True(t, errors.Is(err, ErrEmpty) || errors.Is(err, ErrNotHTML) || errors.Is(err, ErrNoContent), "%s[:%d]: %v", f, n, err)
				}
			}, "%s[:%d]", f, n)
		}
	}
}

// TestExtractHostileSpans checks that huge rowspan and colspan values
// neither blow up the grid nor lose the cells' text: spans are capped,
// and a table whose grid would still pass the cell limit is read as text.
func TestExtractHostileSpans(t *testing.T) {
	page := func(rows int) string {
		var b strings.Builder
		b.WriteString(`<html><body><div class="content"><p>各有关单位：现将统计情况通报如下。</p><table>`)
		for i := 0; i < rows; i++ {
			b.WriteString(`<tr><td rowspan="99999" colspan="99999">甲</td><td>乙</td></tr>`)
		}
		b.WriteString(`</table></div></body></html>`)
		return b.String()
	}
	// Five rows: spans of 100 by 100, each row's 100 columns further
	// right, make a grid of 104 rows by 501 columns.
	src, err := Extract(strings.NewReader(page(5)))
	require.NoError(t, err)
	require.Len(t, src.Blocks, 2)
	tb := src.Blocks[1].Table
	require.NotNil(t, tb)
	// Lengths only: a failure must not print the grid.
	require.Equal(t, 104, len(tb.Rows))
	for i, row := range tb.Rows {
		require.Equal(t, 501, len(row), "row %d", i)
	}
	assert.Equal(t, "甲", tb.Rows[0][0])
	assert.Equal(t, "乙", tb.Rows[0][100])
	assert.True(t, strings.HasPrefix(src.Blocks[1].Text, "甲 乙 甲 乙 甲 乙 甲 乙 甲 乙 甲"))
	assert.Empty(t, warningsOf(src.Warnings, CodeTableAsText))

	// Fifty rows would make a grid of 149 rows by 5001 columns: the table
	// is read as text, a paragraph a row, and a warning says so.
	src, err = Extract(strings.NewReader(page(50)))
	require.NoError(t, err)
	require.Len(t, src.Blocks, 51)
	for i, b := range src.Blocks[1:] {
		require.Nil(t, b.Table)
		require.Equal(t, "甲 乙", b.Text, "block %d", i+1)
	}
	ws := warningsOf(src.Warnings, CodeTableAsText)
	require.Len(t, ws, 1)
	assert.Equal(t, src.Blocks[1].Pos.String(), ws[0].Where, "placed at the table")
}

// warningsOf returns the warnings of ws with the code.
func warningsOf(ws []reply.Warning, code string) []reply.Warning {
	var out []reply.Warning
	for _, w := range ws {
		if w.Code == code {
			out = append(out, w)
		}
	}
	return out
}

// TestFurnitureEmptyValue checks the furniture line forms the page reader
// added: an empty value before the next label, and the longer location
// labels.
func TestFurnitureEmptyValue(t *testing.T) {
	var p reply.Page
	require.True(t, isFurniture("发布时间：2017-05-15 10:49 来源： 访问量：199", &p))
	assert.Equal(t, "", p.Source)
	assert.Equal(t, 199, p.Views)
	require.NotNil(t, p.Published)
	assert.Equal(t, "2017-05-15T10:49:00", p.Published.String())
	var q reply.Page
	require.True(t, isFurniture("您当前所在位置：首页 > 政务公开 > 统计数据", &q))
	assert.Equal(t, []string{"首页", "政务公开", "统计数据"}, q.Breadcrumb)
}

package parse

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sharedCorpus returns the folder of the shared corpus's pages or texts
// (kind), and whether it is there (its SOURCES.tsv).
func sharedCorpus(kind string) (string, bool) {
	dir := filepath.Join("..", "..", "shared", "corpus", kind)
	_, err := os.Stat(filepath.Join(dir, "SOURCES.tsv"))
	return dir, err == nil
}

// corpusDir returns the folder of the shared corpus's pages or texts
// (kind), or skips the test when it is absent.
func corpusDir(t testing.TB, kind string) string {
	t.Helper()
	dir, ok := sharedCorpus(kind)
	if !ok {
		t.Skip(kind, " corpus absent: ", dir)
	}
	return dir
}

// corpusPage is one row of the corpus's SOURCES.tsv.
type corpusPage struct {
	file, encoding, kind string
}

func readCorpusSources(t testing.TB, dir string) []corpusPage {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "SOURCES.tsv"))
	require.NoError(t, err)
	defer f.Close()
	var pages []corpusPage
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 7 {
			continue
		}
		pages = append(pages, corpusPage{file: cols[0], encoding: cols[5], kind: cols[6]})
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, pages)
	return pages
}

// chromeWords are words of site navigation and footers, never of a notice.
var chromeWords = []string{"首页", "网站地图", "版权所有", "主办单位", "ICP备", "联系我们", "网站声明", "无障碍"}

// TestExtractCorpus reads every page of the shared corpus. Notice pages
// (kinds notice and gov-article) give their title, publish date and body
// without page chrome; other pages (news, other) give an error or a Source
// marked as not a notice.
func TestExtractCorpus(t *testing.T) {
	dir := corpusDir(t, "pages")
	for _, p := range readCorpusSources(t, dir) {
		t.Run(p.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, p.file))
			require.NoError(t, err)
			var src *Source
			require.NotPanics(t, func() { src, err = Extract(strings.NewReader(string(data))) })
			notice := p.kind == "notice" || p.kind == "gov-article"
			if !notice {
				if err != nil {
					assert.True(t, errors.Is(err, ErrNoContent) || errors.Is(err, ErrNotHTML), "untyped error %v", err)
					t.Logf("%s: %s: %v", p.file, p.kind, err)
					return
				}
				assert.False(t, src.IsNotice(), "a %s page is marked as a notice", p.kind)
				t.Logf("%s: %s: not a notice (%s), %d blocks, title %q", p.file, p.kind, src.Warnings[len(src.Warnings)-1].Message, len(src.Blocks), src.Title)
				return
			}
			require.NoError(t, err)
			assert.True(t, src.IsNotice(), "warnings %v", src.Warnings)
			require.NotEmpty(t, src.Title)
			if at := metaContent(string(data), "ArticleTitle"); at != "" {
				assert.Equal(t, stripSpaces(at), stripSpaces(src.Title))
			}
			require.NotZero(t, src.Page.Published, "publish date")
			assert.True(t, src.Page.Published.Valid())
			require.NotEmpty(t, src.Blocks)
			text := 0
			for _, b := range src.Blocks {
				text += len(b.Text)
				for _, w := range chromeWords {
					assert.NotContains(t, b.Text, w, "block at %v", b.Pos)
				}
			}
			assert.Greater(t, text, 50)
			t.Logf("%s: %s: %q published %s, %d blocks, %d bytes of text", p.file, p.kind, src.Title, src.Page.Published, len(src.Blocks), text)
		})
	}
}

// metaContent finds a meta tag's content by a plain scan of the page, to
// check Extract against a reading of its own.
func metaContent(page, name string) string {
	lower := strings.ToLower(page)
	i := strings.Index(lower, `name="`+strings.ToLower(name)+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(lower[:i], "<meta")
	end := strings.Index(lower[i:], ">")
	if start < 0 || end < 0 {
		return ""
	}
	tag := page[start : i+end]
	_, after, ok := strings.Cut(tag, `content="`)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, `"`)
	return v
}

// seedBody reads the seed notice's title and paragraphs, the source of the
// page fixtures.
func seedBody(t testing.TB) (title string, lines []string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "pages", "seed-body.txt"))
	require.NoError(t, err)
	all := strings.Split(strings.TrimSpace(string(raw)), "\n")
	return all[0], all[1:]
}

// extractFile runs Extract on a page of testdata (fixture).
func extractFile(t testing.TB, name string, opts ...Option) (*Source, error) {
	t.Helper()
	return Extract(bytes.NewReader(fixture(t, name)), opts...)
}

// blockTexts returns the text of each block.
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
		{file: "seed-trs-utf8", site: "旺苍县人民政府", indent: true},
		{file: "seed-trs-gbk", site: "旺苍县人民政府", indent: true},
		{file: "seed-hanweb", site: "旺苍县人民政府", url: "http://www.cnwangcang.gov.cn/art/2020/10/21/art_1_1.html", indent: true},
		{file: "seed-table-gb2312", indent: true},
		{file: "seed-article", url: "https://www.cnwangcang.gov.cn/zxta/2020/10/21/73.html"},
		{file: "broken-malformed", noInfo: true},
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
			require.False(t, p.IsZero())
			assert.Equal(t, crumbs, p.Breadcrumb)
			assert.Equal(t, tt.url, p.URL)
			assert.Equal(t, tt.site, p.Site)
			if tt.noInfo {
				assert.Zero(t, p.Published)
			} else {
				require.NotZero(t, p.Published)
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
	u, err := extractFile(t, "seed-trs-utf8")
	require.NoError(t, err)
	g, err := extractFile(t, "seed-trs-gbk")
	require.NoError(t, err)
	assert.Equal(t, u, g)
	assert.False(t, bytes.Contains(fixture(t, "seed-trs-gbk"), []byte("旺苍")), "the GBK fixture holds UTF-8 text")
}

// TestExtractBroken checks the typed error of each page of testdata/pages,
// the pages that read as no reply.
func TestExtractBroken(t *testing.T) {
	tests := []struct {
		file    string
		err     error
		errText string // in the error's message
	}{
		{file: "broken-empty.html", err: ErrEmpty},
		{file: "broken-blank.html", err: ErrEmpty},
		{file: "broken-plain.txt", err: ErrNotHTML, errText: "no markup"},
		{file: "broken-list.html", err: ErrNoContent, errText: "政协提案"},
		{file: "broken-error.html", err: ErrNoContent, errText: "404"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var src *Source
			var err error
			require.NotPanics(t, func() { src, err = extractFile(t, tt.file) })
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.err)
			assert.Contains(t, err.Error(), tt.errText)
			assert.Nil(t, src)
		})
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

// TestExtractNeverPanics feeds truncations of every fixture.
func TestExtractNeverPanics(t *testing.T) {
	for _, f := range fixtureGlob(t, "html") {
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

// corpusTitles are the titles of the corpus pages as a reader sees them:
// the page's visible heading (an <h1>, a bold centred line, a title set
// over three lines), not a date or note line under it, a video player's
// caption or a link, and not <title> with its site's name. Written by
// reading each page, with the index number (索引号) of the pages whose
// information-disclosure box above the title gives one. The fragments
// 024–026 show no title.
var corpusTitles = []struct{ file, title, index string }{
	{"001-govcn-gongbao-npc-resolution.html", "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议", ""},
	{"002-nfra-penalty-disclosure-2024-36.html", "国家金融监督管理总局行政处罚信息公开表(金罚决字〔2024〕36号)", ""},
	{"003-nfra-zhejiang-penalty-2024-52.html", "国家金融监督管理总局浙江监管局行政处罚信息公开表（浙金罚决字〔2024〕52号）", ""},
	{"004-wanzai-gov-tjgb-2015.html", "万载县2015年国民经济和社会发展统计公报", ""},
	{"005-wanzai-gov-tjgb-2022.html", "万载县2022年国民经济和社会发展统计公报", "014742224A/2023-0043406"},
	{"006-yichun-gov-tjgb-2022.html", "宜春市2022年国民经济和社会发展统计公报", "014717475N/2023-0040295"},
	{"007-yichun-gov-jiangxi-tjgb-2022.html", "江西省2022年国民经济和社会发展统计公报", "014717475N/2023-0032866"},
	{"008-shanxi-gov-trs-article.html", "山西品牌丝路行（南美站）正式启动", ""},
	{"009-zj-fzggw-hanweb-deqing.html", "1-10月德清县固定资产投资结构趋稳趋优", ""},
	{"010-cmse-press-conference.html", "天宫一号与神舟九号载人交会对接任务第二场新闻发布会", ""},
	{"011-sxmu-jijian-jiancha-law.html", "中华人民共和国监察法", ""},
	{"012-zyyfy-hospital-party-news.html", "【不忘初心 牢记使命】我院医技药剂党支部举办2019年中药、药学理论知识与专业技能大赛", ""},
	{"013-chinacomcn-hohhot-measures-reprint.html", "呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元", ""},
	{"014-people-scio-press-gb2312decl.html", "在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）", ""},
	{"015-youthcn-trs-gb2312decl.html", "以战时内阁审查重启停火谈判提案", ""},
	{"016-newscn-liqiang-xinjiang.html", "李强在新疆调研时强调 彰显特色优势 提高开放水平 在高质量发展中增进民生福祉促进长治久安", ""},
	{"017-people-culture-gb2312decl.html", "女儿出嫁，郑板桥画了几笔兰花当嫁妆", ""},
	{"018-qq-tech-gb2312decl.html", "棱镜|数据业大整顿：爬虫与现金贷共生共荣，用户信息几元不等", ""},
	{"019-163-wuxi-police-notice-gb2312decl.html", "5月20日至31日，京沪高速无锡至江阴大桥至广陵枢纽段封闭！", ""},
	{"020-xinhuanet-news.html", "法国全国大罢工再次严重影响交通", ""},
	{"021-cjddsb-changde-finance.html", "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动", ""},
	{"022-xinhuanet-drug-supply.html", "短缺药品保供稳价 全力保障临床用药需求", ""},
	{"023-qq-deepmind-gb2312decl.html", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶", ""},
}

// TestCorpusPageTitles reads each corpus page with a visible title and
// checks the reply's title, and the index number of its disclosure box.
func TestCorpusPageTitles(t *testing.T) {
	dir := corpusDir(t, "pages")
	for _, tt := range corpusTitles {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			require.NoError(t, err)
			rep, err := HTML(bytes.NewReader(data))
			require.NoError(t, err)
			assert.Equal(t, tt.title, rep.Title)
			assert.False(t, rep.TitleInferred)
			assert.Equal(t, tt.index, rep.IndexNumber)
		})
	}
}

package render_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenOutputs are the files TestGoldens writes beside each case's
// reply.json. The HTML is written without the stylesheet, which
// TestStylesheet checks once.
var goldenOutputs = []struct {
	file  string
	write func(*bytes.Buffer, *reply.Reply) error
}{
	{"page.html", func(b *bytes.Buffer, r *reply.Reply) error { return render.HTML(b, r, render.WithoutStylesheet()) }},
	{"fragment.html", func(b *bytes.Buffer, r *reply.Reply) error {
		return render.HTML(b, r, render.WithFragment(), render.WithPageHeader())
	}},
	{"text.txt", func(b *bytes.Buffer, r *reply.Reply) error { return render.Text(b, r, render.WithPageHeader()) }},
	{"page.md", func(b *bytes.Buffer, r *reply.Reply) error { return render.Markdown(b, r, render.WithPageHeader()) }},
}

// TestGoldens compares each output of each case with its golden file;
// -update rewrites them. Each output is written twice, to the same bytes.
func TestGoldens(t *testing.T) {
	cases := goldenReplies(t)
	for _, name := range sortedKeys(cases) {
		for _, o := range goldenOutputs {
			t.Run(name+"/"+o.file, func(t *testing.T) {
				var got, again bytes.Buffer
				require.NoError(t, o.write(&got, cases[name]))
				require.NoError(t, o.write(&again, cases[name]))
				require.Equal(t, got.Bytes(), again.Bytes(), "rendering is not deterministic")
				path := filepath.Join(filepath.FromSlash(casesDir), name, o.file)
				if *update {
					require.NoError(t, os.WriteFile(path, got.Bytes(), 0o644))
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run with -update to write the golden file")
				assert.Equal(t, string(want), got.String())
			})
		}
	}
}

// TestJSONIsReferenceFormat: render.JSON writes each case's reply.json
// back byte for byte.
func TestJSONIsReferenceFormat(t *testing.T) {
	cases := goldenReplies(t)
	for _, name := range sortedKeys(cases) {
		var got bytes.Buffer
		require.NoError(t, render.JSON(&got, cases[name]))
		want, err := os.ReadFile(filepath.Join(filepath.FromSlash(casesDir), name, "reply.json"))
		require.NoError(t, err)
		assert.Equal(t, string(want), got.String(), name)
	}
}

// TestStylesheet: a document with the embedded stylesheet is the document
// without it, the stylesheet in a <style> element at the end of <head>;
// with WithStylesheetURL, a <link> to it in the same place.
func TestStylesheet(t *testing.T) {
	seed := loadSeed(t)
	bare := string(renderHTML(t, seed, render.WithoutStylesheet()))
	before, after, ok := strings.Cut(bare, "</head>\n")
	require.True(t, ok)
	assert.Equal(t, before+"<style>\n"+render.Stylesheet()+"</style>\n</head>\n"+after, string(renderHTML(t, seed)))
	assert.Equal(t, before+`<link rel="stylesheet" href="/css/rk.css?v=1&amp;x=&lt;2&gt;">`+"\n</head>\n"+after,
		string(renderHTML(t, seed, render.WithStylesheetURL("/css/rk.css?v=1&x=<2>"))))
	assert.True(t, strings.HasSuffix(render.Stylesheet(), "\n"))
	assert.Contains(t, render.Stylesheet(), "@page")
}

// seedNotice is the seed notice's text as the page held it.
const seedNotice = "../../shared/seed/000_d1fdc54a8d13c6d9.txt"

// TestTextEqualsSeedNotice: the seed's text layout holds the seed notice's
// body, from the title line to the date line, line for line (blank lines
// and white space aside; the page's furniture line inside that range left
// out).
func TestTextEqualsSeedNotice(t *testing.T) {
	data, err := os.ReadFile(seedNotice)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("the shared seed notice is absent")
	}
	require.NoError(t, err)
	seed := loadSeed(t)
	var want []string
	in := false
	for _, l := range strings.Split(string(data), "\n") {
		l = reply.NormalizeWhitespace(l)
		if l == reply.NormalizeWhitespace(seed.Title) {
			in = true
		}
		if !in || l == "" || strings.HasPrefix(l, "发布时间") || strings.HasPrefix(l, "当前位置") {
			continue
		}
		want = append(want, l)
		if l == seed.Signature.Date.Text {
			break
		}
	}
	require.Len(t, want, 25, "title, salutation, opening, 18 lines of sections, closing, office, date")

	var buf bytes.Buffer
	require.NoError(t, render.Text(&buf, seed))
	var got []string
	for _, l := range strings.Split(buf.String(), "\n") {
		if l = reply.NormalizeWhitespace(l); l != "" {
			got = append(got, l)
		}
	}
	assert.Equal(t, want, got)
}

// TestTextLayout checks the layout of an official document in the seed's
// text: title, blank line, salutation flush left, paragraphs indented by
// two full-width spaces with blank lines between them, and the office and
// date at the end.
func TestTextLayout(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, render.Text(&buf, loadSeed(t)))
	lines := strings.Split(buf.String(), "\n")
	assert.Equal(t, "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复", lines[0])
	assert.Equal(t, "", lines[1])
	assert.Equal(t, "涂轶、李勇委员:", lines[2])
	assert.Equal(t, "", lines[3])
	assert.True(t, strings.HasPrefix(lines[4], "\u3000\u3000你们在县政协十届一次会议上"), lines[4])
	assert.Equal(t, "\u3000\u3000一、我县社区建设基本情况", lines[6])
	assert.Contains(t, lines, "\u3000\u3000(二)工作关系不顺、职能不清。随着改革的不断深入,政府职能转变、管理重心下移、把大量本属于各部门自身的工作职能转移给社区,没有按照权随责走,费随事转的要求,导致各机关事业单位与社区居委会之间权责界定不明。同时,还要应对名目繁多的检查、评比、考核、统计、会议等,从而弱化了社区自我管理、自我教育和自我服务的作用。")
	n := len(lines)
	assert.Equal(t, []string{"\u3000\u3000感谢你们对县政府工作的关心和支持。", "", "", "旺苍县人民政府办公室", "2017年3月16日", ""}, lines[n-6:])

	buf.Reset()
	require.NoError(t, render.Text(&buf, loadSeed(t), render.WithPageHeader()))
	assert.True(t, strings.HasPrefix(buf.String(), "当前位置：首页 > 政协提案 > 旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复\n发布时间：2020-10-21 来源：县民政局 点击量：2045\n\n旺苍县"), buf.String()[:300])
}

// TestMarkdown checks the Markdown of the seed and the escaping of markup.
func TestMarkdown(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, render.Markdown(&buf, loadSeed(t)))
	md := buf.String()
	for _, want := range []string{
		"# 旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复\n\n涂轶、李勇委员:\n\n",
		"\n## 一、我县社区建设基本情况\n\n目前,",
		"\n## 三、存在的主要问题\n\n### (一)认识不足,创新不到位。\n\n- **一是**社区管理",
		"- **二是坚持民事民管,群众自治促和谐**。坚持把村规民约",
		"\n感谢你们对县政府工作的关心和支持。\n\n旺苍县人民政府办公室\\\n2017年3月16日\n",
	} {
		assert.Contains(t, md, want)
	}

	r := &reply.Reply{Kind: reply.KindOther, Title: "<b>*x*</b> [a](javascript:alert(1))",
		Opening:  []reply.Block{{Text: "# 不是标题"}, {Text: "1. 不是列表 & 也不是 &amp; 实体"}, {Text: "    代码？"}},
		Sections: []reply.Section{{Marker: "一、", Number: 1, Heading: "`代码` _强调_ ~~删除~~ |表|"}},
		Closing: []reply.Block{
			{Image: &reply.Image{URL: "javascript:alert(1)", Alt: "图一"}},
			{Image: &reply.Image{URL: "/a>b.png", Alt: "图二"}},
			{Table: &reply.Table{Rows: [][]string{{"名称", "数|量"}, {"甲"}}}},
		}}
	buf.Reset()
	require.NoError(t, render.Markdown(&buf, r))
	assert.Equal(t, "# \\<b\\>\\*x\\*\\</b\\> \\[a\\](javascript:alert(1))\n\n"+
		"\\# 不是标题\n\n1\\. 不是列表 \\& 也不是 \\&amp; 实体\n\n&#32;&#32;&#32;&#32;代码？\n\n"+
		"## 一、\\`代码\\` \\_强调\\_ \\~\\~删除\\~\\~ \\|表\\|\n\n"+
		"图一\n\n![图二](</a%3Eb.png>)\n\n| 名称 | 数\\|量 |\n| --- | --- |\n| 甲 |  |\n\n", buf.String())
}

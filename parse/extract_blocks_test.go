package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// lineDefinition is what lineBuilder gives on parts of valid UTF-8 with
// no line break: their text with its runs of white space folded to one
// space and trimmed, and the full-width and no-break spaces before the
// first character.
func lineDefinition(parts []string) (string, int) {
	s := strings.Join(parts, "")
	lead := s[:len(s)-len(strings.TrimLeftFunc(s, isSpace))]
	return strings.Join(strings.FieldsFunc(s, isSpace), " "), strings.Count(lead, "\u3000") + strings.Count(lead, "\u00a0")
}

// lineDefined reports whether lineDefinition defines the line of parts.
func lineDefined(parts []string) bool {
	for _, p := range parts {
		if !utf8.ValidString(p) || strings.ContainsAny(p, "\n\r\f") {
			return false
		}
	}
	return true
}

// TestLineBuilder checks lineBuilder against its definition, over one
// text node and several, aliased or copied, and a line break by its
// neighbours: none between two CJK characters, a space elsewhere.
func TestLineBuilder(t *testing.T) {
	check := func(parts []string) {
		t.Helper()
		var lb lineBuilder
		for _, p := range parts {
			lb.write(p, blockStyle{}, 0)
		}
		want, lead := lineDefinition(parts)
		require.Equal(t, want, lb.String(), "%q", parts)
		require.Equal(t, len(want), lb.Len(), "%q", parts)
		require.Equal(t, lead, lb.leadIndent, "%q", parts)
	}
	for _, s := range textSamples {
		for _, parts := range [][]string{{s}, {s, s}, {"前", s, "后"}} {
			if lineDefined(parts) {
				check(parts)
			}
		}
	}
	rng := rand.New(rand.NewPCG(8, 8))
	for range 3000 {
		parts := make([]string, 1+rng.IntN(3))
		for i := range parts {
			parts[i] = strings.ToValidUTF8(strings.NewReplacer("\n", "", "\r", "").Replace(randomText(rng, rng.IntN(40))), "\uFFFD")
		}
		check(parts)
	}
	for _, tt := range []struct {
		parts []string
		want  string
	}{
		{[]string{"中\n文"}, "中文"},
		{[]string{"中\r\n\f文"}, "中文"},
		{[]string{"中\n", "文"}, "中文"},
		{[]string{"中，\n「文」"}, "中，「文」"},
		{[]string{"中\nab"}, "中 ab"},
		{[]string{"ab\n中"}, "ab 中"},
		{[]string{"中 \n文"}, "中 文"},
		{[]string{"中\u3000\n文"}, "中 文"},
		{[]string{"\n中\n"}, "中"},
		{[]string{"\xff\n\xfe"}, "\xff \xfe"},
	} {
		var lb lineBuilder
		for _, p := range tt.parts {
			lb.write(p, blockStyle{}, 0)
		}
		assert.Equal(t, tt.want, lb.String(), "%q", tt.parts)
	}
}

// TestLineBuilderAliases checks that a line that is one stretch of one
// text node is not copied, and that a second node copies it.
func TestLineBuilderAliases(t *testing.T) {
	src := "　　你们的提案收悉。 现将有关情况答复如下：\n"
	var lb lineBuilder
	lb.write(src, blockStyle{}, 0)
	assert.True(t, lb.aliased)
	assert.Equal(t, "你们的提案收悉。 现将有关情况答复如下：", lb.String())
	assert.Equal(t, 0, lb.b.Len())
	assert.Equal(t, 2, lb.leadIndent)
	lb.write("谢谢。", blockStyle{}, len(src))
	assert.False(t, lb.aliased)
	assert.Equal(t, "你们的提案收悉。 现将有关情况答复如下：谢谢。", lb.String())
}

package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

func TestStripSiteSuffixJoined(t *testing.T) {
	tests := []struct{ in, want string }{
		{"关于县政协八届五次会议第15号提案的答复--某某县农业农村局", "关于县政协八届五次会议第15号提案的答复"},
		{"关于县政协九届五次会议第23号提案的答复_县人民政府", "关于县政协九届五次会议第23号提案的答复"},
		{"关于县政协十届一次会议第105号提案的答复-政务公开", "关于县政协十届一次会议第105号提案的答复"},
		{"岚溪县交通运输局关于县十七届人大一次会议第8号建议的答复-岚溪县人民政府网", "岚溪县交通运输局关于县十七届人大一次会议第8号建议的答复"},
		{"关于某某的答复--政务公开--某某县人民政府", "关于某某的答复"},
		// A mark inside the title stays: its tail names no site.
		{"1-10月德清县固定资产投资结构趋稳趋优", "1-10月德清县固定资产投资结构趋稳趋优"},
		{"市十五届人大三次会议建议：第021号--关于加强某某管理的建议的答复", "市十五届人大三次会议建议：第021号--关于加强某某管理的建议的答复"},
		{"某某县人民政府", "某某县人民政府"},
		{"--某某县人民政府", "--某某县人民政府"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, stripSiteSuffix(tt.in, ""), tt.in)
	}
}

func TestLargeFont(t *testing.T) {
	for v, want := range map[string]bool{"4": true, "5": true, "+1": true, "3": false, "-1": false, "x": false, "": false} {
		assert.Equal(t, want, largeFontAttr(v), "size=%q", v)
	}
	for v, want := range map[string]bool{"18px": true, "16px": true, "14px": false, "12pt": true, "10.5pt": false,
		"1.5em": true, "1em": false, "large": true, "small": false, "20px !important": true, "": false} {
		assert.Equal(t, want, largeFontSize(v), "font-size:%q", v)
	}
}

func TestIsSpacerImage(t *testing.T) {
	tests := []struct {
		tag  string
		want bool
	}{
		{`<img src="../img/spacer.gif" width="1" height="15">`, true},
		{`<img src="/images/blank.gif">`, true},
		{`<img src="/images/dot.GIF" width=100>`, true},
		{`<img src="x.gif" height="1">`, true},
		{`<img src="/uploads/2015/chart.png" width="600" height="400">`, false},
		{`<img src="spacer.gif" alt="示意图" width="1">`, false},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.tag))
		require.NoError(t, err)
		var img *html.Node
		forEachBelow(doc, func(n *html.Node) bool {
			if n.Type == html.ElementNode && n.Data == "img" {
				img = n
			}
			return img == nil
		})
		require.NotNil(t, img)
		assert.Equal(t, tt.want, isSpacerImage(img, getAttr(img, "src")), tt.tag)
	}
}

// TestExtendLayoutStops checks what the widening of a layout cell takes
// and leaves, on small pages: the title, meta and signature rows are
// taken; navigation, footers, widgets and other content are not.
func TestExtendLayoutStops(t *testing.T) {
	body := `<tr><td>涂某委员：<br>您提出的关于加强某某工作的提案收悉，现答复如下：<br>我局已会同有关部门开展调查，制定了工作方案，明年起分步实施。<br>感谢您对我们工作的支持。</td></tr>`
	tests := []struct {
		name     string
		page     string
		in, out  []string
		titleRow bool
	}{
		{"rows", `<table><tr><td><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">建议提案</a></td></tr>` +
			`<tr><td align=center><b>关于县政协九届一次会议第8号提案的答复</b></td></tr><tr><td>发布日期：2012-3-5 浏览次数：12</td></tr>` + body +
			`<tr><td align=right>某某县民政局<br>2012年3月1日</td></tr><tr><td>【打印本页】【关闭窗口】</td></tr><tr><td>版权所有：某某县民政局</td></tr></table>`,
			[]string{"某某县民政局", "2012年3月1日"}, []string{"首页", "打印本页", "版权所有"}, true},
		{"following table", `<table><tr><td align=center><font size=4>关于县政协九届一次会议第8号提案的答复</font></td></tr>` + body +
			`</table><table><tr><td align=right>某某县民政局</td></tr><tr><td align=right>2012年3月1日</td></tr></table><table><tr><td>主办单位：某某县人民政府 ICP备000号</td></tr></table>`,
			[]string{"某某县民政局", "2012年3月1日"}, []string{"主办单位"}, true},
		{"other items below", `<table>` + body + `<tr><td>·关于县政协九届一次会议第9号提案的答复<br>·关于县政协九届一次会议第12号提案的答复</td></tr></table>`,
			nil, []string{"第9号", "第12号"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Extract(strings.NewReader("<html><body>" + tt.page + "</body></html>"))
			require.NoError(t, err)
			var all strings.Builder
			for _, b := range src.Blocks {
				all.WriteString(b.Text + "\n")
			}
			for _, s := range tt.in {
				assert.Contains(t, all.String(), s)
			}
			for _, s := range tt.out {
				assert.NotContains(t, all.String(), s)
			}
			if tt.titleRow {
				assert.Equal(t, "关于县政协九届一次会议第8号提案的答复", src.Title)
			}
		})
	}
}

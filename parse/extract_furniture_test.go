package parse

import (
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIsFurniture reads page furniture lines into the page's metadata, and
// refuses the lines of a notice.
func TestIsFurniture(t *testing.T) {
	tests := []struct {
		line   string
		want   bool
		source string
		views  int
		date   string
		crumbs []string
	}{
		{line: "网站支持IPv6", want: true},
		{line: "当前位置:首页 政协提案 > 旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复", want: true,
			crumbs: []string{"首页", "政协提案", "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复"}},
		{line: "发布时间:2020-10-21 来源:县民政局 点击量:2045 [ 字体: ] 打印 分享:", want: true, source: "县民政局", views: 2045, date: "2020-10-21"},
		{line: "发布时间：2020-10-21 09:30:00　来源：县民政局　浏览次数：12", want: true, source: "县民政局", views: 12, date: "2020-10-21T09:30:00"},
		{line: "来源:县民政局", want: true, source: "县民政局"},
		// An empty value before the next label, and a longer location label.
		{line: "发布时间：2017-05-15 10:49 来源： 访问量：199", want: true, views: 199, date: "2017-05-15T10:49:00"},
		{line: "您当前所在位置：首页 > 政务公开 > 统计数据", want: true, crumbs: []string{"首页", "政务公开", "统计数据"}},
		{line: "时间:今年以来,我县认真贯彻落实中央", want: false},
		{line: "涂轶、李勇委员:", want: false},
		{line: "一、我县社区建设基本情况", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			var p reply.Page
			require.Equal(t, tt.want, isFurniture(tt.line, &p))
			assert.Equal(t, tt.source, p.Source)
			assert.Equal(t, tt.views, p.Views)
			assert.Equal(t, tt.crumbs, p.Breadcrumb)
			if tt.date != "" {
				require.NotZero(t, p.Published)
				assert.Equal(t, tt.date, p.Published.String())
			} else {
				assert.Zero(t, p.Published)
			}
		})
	}
}

// TestSplitBreadcrumb cuts a location line into its parts.
func TestSplitBreadcrumb(t *testing.T) {
	for s, want := range map[string][]string{
		"首页 > 政协提案 > 某 某答复": {"首页", "政协提案", "某 某答复"},   // spaces kept in the last part
		"首页 > 政协 提案 > 某答复":  {"首页", "政协", "提案", "某答复"}, // spaces split the parts before it
		"首页>提案>答复":          {"首页", "提案", "答复"},
		"首页 » 新闻 › 通知 → 正文": {"首页", "新闻", "通知", "正文"},
		"首页/提案|答复":          {"首页", "提案", "答复"},
		"首页＞提案":             {"首页", "提案"},
		"首页 政协 提案":          {"首页 政协 提案"},
		" > > ":             nil,
	} {
		if want == nil {
			assert.Empty(t, splitBreadcrumb(s), "%q", s)
			continue
		}
		assert.Equal(t, want, splitBreadcrumb(s), "%q", s)
	}
}

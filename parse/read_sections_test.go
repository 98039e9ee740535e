package parse

import (
	"strconv"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
)

// outline writes sections as one line: each section's marker, [heading]
// (~ when run in), its blocks in <> (a block's points counted after |,
// a table as <table>), and its subsections in {}.
func outline(secs []reply.Section) string {
	var parts []string
	for _, s := range secs {
		p := s.Marker + "[" + s.Heading + "]"
		if s.RunIn {
			p += "~"
		}
		for _, b := range s.Blocks {
			switch {
			case b.Table != nil:
				p += "<table>"
			case len(b.Points) > 0:
				p += "<" + b.Text + "|" + strconv.Itoa(len(b.Points)) + ">"
			default:
				p += "<" + b.Text + ">"
			}
		}
		if len(s.Sections) > 0 {
			p += "{" + outline(s.Sections) + "}"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

// TestSectionBuilder builds the section tree of runs of markers and
// paragraphs, nested, skipped, restarted and of mixed levels, and the
// warnings each misfit gives.
func TestSectionBuilder(t *testing.T) {
	tests := []struct {
		lines    []string // "TABLE" stands for a data table
		outline  string
		warnings []string // code@where
	}{
		{
			[]string{"一、总体情况", "正文段落，没有编号。", "二、存在问题。一是认识不足，二是投入不够。", "三、下一步"},
			"一、[总体情况]<正文段落，没有编号。> 二、[存在问题。]~<|2> 三、[下一步]", nil,
		},
		{
			[]string{"一、总体情况", "（一）加强领导", "（二）完善机制。具体如下", "1.第一点", "2.第二点", "二、下一步", "（一）又一"},
			"一、[总体情况]{（一）[加强领导] （二）[完善机制。]~<具体如下>{1.[第一点] 2.[第二点]}} 二、[下一步]{（一）[又一]}", nil,
		},
		{
			[]string{"一、总体情况", "三、跳过", "四、"},
			"一、[总体情况] 三、[跳过] 四、[]", []string{CodeNumberingGap + "@line 2"},
		},
		{
			[]string{"一、总体情况", "二、存在问题", "二、重复", "三、下一步"},
			"一、[总体情况] 二、[存在问题]<二、重复> 三、[下一步]", []string{CodeNumberingRestart + "@line 3"},
		},
		{
			[]string{"二、从二开始", "三、继续"},
			"二、[从二开始] 三、[继续]", []string{CodeNumberingGap + "@line 1"},
		},
		{
			[]string{"一、总体情况", "（一）加强领导", "1.第一点", "（二）完善机制", "2.接着", "(1)小点"},
			"一、[总体情况]{（一）[加强领导]{1.[第一点]} （二）[完善机制]{2.[接着]{(1)[小点]}}}", []string{CodeNumberingGap + "@line 5"},
		},
		{
			[]string{"一、总体情况", "①圈一", "②圈二", "（一）加强领导"},
			"一、[总体情况]{①[圈一] ②[圈二]<（一）加强领导>}", []string{CodeMarkerLevel + "@line 4"},
		},
		{
			[]string{"一、总体情况", "TABLE", "二、下一步"},
			"一、[总体情况]<table> 二、[下一步]", nil,
		},
	}
	for _, tt := range tests {
		b := newSectionBuilder(len(tt.lines))
		for i, line := range tt.lines {
			p := para{text: line, pos: Pos{Line: i + 1, Offset: -1}}
			if line == "TABLE" {
				p = para{table: &reply.Table{Rows: [][]string{{"a"}}}, pos: p.pos}
			}
			b.add(p)
		}
		assert.Equal(t, tt.outline, outline(b.sections(nil)), "%q", tt.lines)
		var warnings []string
		for _, w := range b.warnings {
			warnings = append(warnings, w.Code+"@"+w.Where)
		}
		assert.Equal(t, tt.warnings, warnings, "%q", tt.lines)
	}
}

// TestSplitHeading cuts a section's text after its marker into the
// heading and the body run in after it.
func TestSplitHeading(t *testing.T) {
	tests := []struct {
		rest, heading, body string
		runIn               bool
	}{
		{"我县社区建设基本情况", "我县社区建设基本情况", "", false},
		{"认识不足,创新不到位。一是社区管理。二是行政化。", "认识不足,创新不到位。", "一是社区管理。二是行政化。", true},
		{"关于水源森林保护问题:按照规定更新造林。", "关于水源森林保护问题:", "按照规定更新造林。", true},
		{"一是根据条例;二是今年没有安排。", "", "一是根据条例;二是今年没有安排。", true},
		{"我县按照先规划后建设的原则,高起点规划。我们先后聘请了公司。", "", "我县按照先规划后建设的原则,高起点规划。我们先后聘请了公司。", true},
		{"关于公共停车场是否收费管理,目前正广泛听取各方意见制定相关细则,正在完善实施方案,将带来更加便捷的停车环境。", "", "关于公共停车场是否收费管理,目前正广泛听取各方意见制定相关细则,正在完善实施方案,将带来更加便捷的停车环境。", true},
		{"", "", "", false},
	}
	for _, tt := range tests {
		h, b, r := splitHeading(tt.rest)
		assert.Equal(t, tt.heading, h, tt.rest)
		assert.Equal(t, tt.body, b, tt.rest)
		assert.Equal(t, tt.runIn, r, tt.rest)
	}
}

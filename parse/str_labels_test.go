package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMatchLabel matches known labels, spaced or not, with or without the
// colon asked for, at the start of a line.
func TestMatchLabel(t *testing.T) {
	tests := []struct {
		line   string
		labels []label
		colon  bool
		want   string // the label matched, "" for none
		end    int    // where the value starts
	}{
		{"索引号：11510821/2021-00012", headerLabels, true, "索引号", len("索引号：")},
		{"索 引 号: 123", headerLabels, false, "索引号", len("索 引 号: ")},
		{"发布机构 县民政局", headerLabels, false, "发布机构", len("发布机构")},
		{"发布机构 县民政局", headerLabels, true, "", 0}, // no colon
		{"发布机构县民政局", headerLabels, false, "发布机构", len("发布机构")},
		{"名称：关于某事", headerLabels, true, "名称", len("名称：")},
		{"信息名称：关于某事", headerLabels, true, "信息名称", len("信息名称：")}, // the longer label
		{"x索引号：1", headerLabels, false, "", 0},
		{"联系人：张三", headerLabels, false, "", 0},
		{"联系人：张三", trailerLabels, true, "联系人", len("联系人：")},
		{"联 系 人：张三 电话：123", trailerLabels, false, "联系人", len("联 系 人：")},
		{"抄送：县政府办", trailerLabels, true, "抄送", len("抄送：")},
		{"附件：1.表格", trailerLabels, false, "附件", len("附件：")},
		{"电话 123", trailerLabels, false, "电话", len("电话")},
		{"电话 123", trailerLabels, true, "", 0},
	}
	for _, tt := range tests {
		l, end, ok := matchLabel(tt.line, tt.labels, tt.colon)
		assert.Equal(t, tt.want != "", ok, "%q", tt.line)
		assert.Equal(t, tt.want, l.text, "%q", tt.line)
		assert.Equal(t, tt.end, end, "%q", tt.line)
	}
}

// TestIsLabelSep holds isLabelSep to its one-line definition.
func TestIsLabelSep(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		require.Equal(t, isSpace(r) || strings.ContainsRune("|｜;；,，", r), isLabelSep(r), "%U", r)
	}
}

package parse

import (
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDisclosureLabel(t *testing.T) {
	tests := []struct {
		line, label, value string
		key, ok            bool
	}{
		{"索 引 号：", "索 引 号：", "", true, true},
		{"文号：某发〔2020〕3号", "文号：", "某发〔2020〕3号", true, true},
		{"生成日期： 2023-05-11", "生成日期：", "2023-05-11", false, true},
		{"发布时间：2023-05-11", "", "", false, false}, // furniture, not disclosure
		{"索引号", "", "", false, false},             // no colon
	}
	for _, tt := range tests {
		label, value, key, ok := disclosureLabel(tt.line)
		assert.Equal(t, tt.ok, ok, tt.line)
		assert.Equal(t, tt.label, label, tt.line)
		assert.Equal(t, tt.value, value, tt.line)
		assert.Equal(t, tt.key, key, tt.line)
	}
}

func TestDisclosureBlock(t *testing.T) {
	lines := func(before bool, texts ...string) []pline {
		var out []pline
		for _, s := range texts {
			out = append(out, pline{text: s, before: before})
		}
		return out
	}
	// Label and value on two lines or one, after other lines.
	b, ok := disclosureBlock(lines(true, "首页", "索 引 号：", "014742224A/2023-0043406", "公开方式：主动公开", "责任部门：", "某某县统计局", "某某公报"))
	require.True(t, ok)
	assert.Equal(t, &reply.Table{Rows: [][]string{{"索 引 号：", "014742224A/2023-0043406"}, {"公开方式：", "主动公开"}, {"责任部门：", "某某县统计局"}}}, b.Table)
	assert.Equal(t, "索 引 号： 014742224A/2023-0043406 公开方式： 主动公开 责任部门： 某某县统计局", b.Text)
	// Furniture alone, no key label: none.
	_, ok = disclosureBlock(lines(true, "发布日期：2023-05-11", "公开方式：主动公开"))
	assert.False(t, ok)
	// Lines after the content are not read.
	_, ok = disclosureBlock(lines(false, "索引号：0001/2020-1", "文号：某发〔2020〕3号"))
	assert.False(t, ok)
}

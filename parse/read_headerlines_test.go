package parse

import (
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
)

func TestSplitDocNumber(t *testing.T) {
	tests := []struct {
		in, num string
		cat     reply.Category
	}{
		{"某建函〔2023〕12号B类", "某建函〔2023〕12号", reply.CategoryB},
		{"某发〔2020〕11号A类同意公开", "某发〔2020〕11号", reply.CategoryA},
		{"湘阴交函议复字〔2019〕6号(A)类", "湘阴交函议复字〔2019〕6号", reply.CategoryA},
		{"子交函〔2023〕34号", "子交函〔2023〕34号", ""},
		{"某发〔2020〕11号同意公开", "某发〔2020〕11号", ""},
		{"某发〔2020〕11号Apple", "某发〔2020〕11号", ""},
	}
	for _, tt := range tests {
		num, rest := splitDocNumber(tt.in)
		assert.Equal(t, tt.num, num, tt.in)
		assert.Equal(t, tt.cat, leadingCategory(rest), tt.in)
	}
}

func TestUnbracketLabels(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[ 发文字号 ] | 2022-92", "发文字号： | 2022-92"},
		{"【索引号】000/2022-1 【发布机构】某局", "索引号：000/2022-1 发布机构：某局"},
		{"[注] 不是标签", "[注] 不是标签"},
		{"【打印】", "【打印】"},
		{"没有括号", "没有括号"},
		{"[ 文号", "[ 文号"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, unbracketLabels(tt.in), tt.in)
	}
}

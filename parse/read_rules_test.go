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

func TestSplitOutsideParens(t *testing.T) {
	assert.Equal(t, []string{"各承办（主办、协办）单位"}, splitOutsideParens("各承办（主办、协办）单位", '、'))
	assert.Equal(t, []string{"县政府有关部门", "有关直属机构"}, splitOutsideParens("县政府有关部门、有关直属机构", '、'))
	// An unmatched closing parenthesis does not go below depth zero.
	assert.Equal(t, []string{"a(b、c))", "d"}, splitOutsideParens("a(b、c))、d", '、'))
}

func TestSeriesRestart(t *testing.T) {
	s := "一是完善设施。二是培育品牌。下一步，我们将：一是编制规划。二是加强宣传。"
	assert.Equal(t, len("一是完善设施。二是培育品牌。"), seriesRestart(s, len("一是完善设施。二是")))
	// A lone 一是 later starts no series.
	lone := "一是完善设施。二是培育品牌，统筹推进，一是关键。"
	assert.Equal(t, len(lone), seriesRestart(lone, len("一是完善设施。二是")))
}

func TestReadSessionLayout(t *testing.T) {
	tests := []struct {
		s             string
		body          string
		term, session int
	}{
		{"县第九届人民代表大会 第三次会议", "县人民代表大会", 9, 3},
		{"某某局对市九届二次会议人大第8号意见的答复", "市人大", 9, 2},
		{"市十五届人大三次会议建议：第021号", "市人大", 15, 3},
	}
	for _, tt := range tests {
		body, term, session, ok := readSession(tt.s)
		assert.True(t, ok, tt.s)
		assert.Equal(t, tt.body, body, tt.s)
		assert.Equal(t, tt.term, term, tt.s)
		assert.Equal(t, tt.session, session, tt.s)
	}
}

func TestReadNumberCodes(t *testing.T) {
	for s, want := range map[string]string{
		"第A015号提案": "A015", "第AB0123号建议": "AB0123", "第0038号": "0038", "第ABCD12号": "", "第A号": "",
	} {
		assert.Equal(t, want, readNumber(s), s)
	}
}

func TestDropPinyin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"答復(fù)如下", "答復如下"},
		{"韓忠國(guó)等代表", "韓忠國等代表"},
		{"第37號(hào)建議", "第37號建議"},
		{"標(biāo) 題", "標 題"},
		{"预案(试行)", "预案(试行)"},           // Han inside: no pinyin
		{"类别(A)", "类别(A)"},             // a capital letter
		{"(abc)开头", "(abc)开头"},         // no character before it
		{"word(abc)", "word(abc)"},     // after a Latin letter
		{"复(fù", "复(fù"},               // not closed
		{"复(abcdefgh)", "复(abcdefgh)"}, // too long for a syllable
		{"复()", "复()"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, dropPinyin(tt.in), tt.in)
	}
	assert.Equal(t, len("標(biāo) 題"), matchSpaced("標(biāo) 題: | 關(guān)于", "标题"))
}

package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadSession reads the body, term and session a proposal was made at.
func TestReadSession(t *testing.T) {
	tests := []struct {
		s             string
		body          string
		term, session int
	}{
		{"旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复", "县政协", 10, 1},
		{"关于县第十八届人大第一次会议第122号建议", "县人大", 18, 1},
		{"关于对政协子洲县第十届委员会第二次会议第14号提案的复函", "政协子洲县", 10, 2},
		{"人力资源社会保障部对十三届全国人大二次会议第2321号建议的答复", "全国人大", 13, 2},
		{"您在砚山县第十六届人民代表大会第二次会议上提出的", "砚山县人民代表大会", 16, 2},
		{"2023年清原满族自治县八届人大二次会议", "清原满族自治县人大", 8, 2},
		{"您在第十七届人民代表大会第次会议提出的", "人民代表大会", 17, 0},
		{"对区十五屆人大六次會議閉會期間", "区人大", 15, 6},
		{"县第九届人民代表大会 第三次会议", "县人民代表大会", 9, 3},  // white space of the layout inside
		{"某某局对市九届二次会议人大第8号意见的答复", "市人大", 9, 2}, // the body after the session
		{"市十五届人大三次会议建议：第021号", "市人大", 15, 3},
	}
	for _, tt := range tests {
		body, term, session, ok := readSession(tt.s)
		require.True(t, ok, tt.s)
		assert.Equal(t, []any{tt.body, tt.term, tt.session}, []any{body, term, session}, tt.s)
	}
	_, _, _, ok := readSession("第十八届运动会")
	assert.False(t, ok)
}

// TestReadNumber reads a proposal's number, and no document number.
func TestReadNumber(t *testing.T) {
	tests := map[string]string{
		"县政协十届一次会议第73号提案":          "73",
		"市政协五届二次会议第0487号提案":        "0487",
		"《关于进一步发展农村基础教育的提案》〔064〕号": "064",
		"五次会议49号提案的答复函":            "49",
		"君山区人大五届五次会议1号建议的回复":       "1",
		"《关于加强县城小区基础设施建设的建议》(72号)": "72",
		"子交函〔2023〕34号":             "",
		"第一章第四条":                   "",
		"第A015号提案":                 "A015", // capital letters as written
		"第AB0123号建议":               "AB0123",
		"第0038号":                   "0038",
		"第ABCD12号":                 "",
		"第A号":                      "",
		"(立案號:2020072號)":           "2020072",
	}
	for s, want := range tests {
		assert.Equal(t, want, readNumber(s), s)
	}
}

// TestReadProposalTitle reads the title of the proposal answered.
func TestReadProposalTitle(t *testing.T) {
	tests := map[string]string{
		"你们在县政协十届一次会议上提出的“关于加强新型农村社区建设工作的建议”提案收悉": "关于加强新型农村社区建设工作的建议",
		"您提出的“关于增加泊车位,解决“停车难”的建议”已收悉":             "关于增加泊车位,解决“停车难”的建议",
		"您提出的《解决大哨村委会卫生室建设资金事项》第37号建议":            "解决大哨村委会卫生室建设资金事项",
		"你们提出的关于配套和完善公共基础设施的提案已收悉。":               "关于配套和完善公共基础设施的提案",
		"现将有关情况答复如下：": "",
	}
	for s, want := range tests {
		assert.Equal(t, want, readProposalTitle(s), s)
	}
}

// TestReadProposers reads the proposers from the salutation or the
// opening.
func TestReadProposers(t *testing.T) {
	tests := []struct {
		salutation, opening string
		want                []string
	}{
		{"涂轶、李勇委员：", "你们提出的提案收悉。", []string{"涂轶", "李勇"}},
		{"涂轶、李勇委员：", "该提案收悉。", nil}, // not addressed as the proposers
		{"民建县委：", "王小康委员提出的提案收悉。", []string{"王小康"}},
		{"", "王小康代表提出的建议收悉。", []string{"王小康"}},
		{"", "欧阳娜娜代表提出的建议收悉。", []string{"欧阳娜娜"}},
		{"", "县政协委员提出的提案收悉。", nil},
		{"", "提出的建议收悉。", nil},
	}
	for _, tt := range tests {
		got := readProposers(salutationOf(tt.salutation), tt.opening)
		if tt.want == nil {
			assert.Empty(t, got, "%q %q", tt.salutation, tt.opening)
			continue
		}
		assert.Equal(t, tt.want, got, "%q %q", tt.salutation, tt.opening)
	}
}

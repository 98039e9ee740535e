package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadSalutation reads the addressees of salutations in the forms
// notices write them, and refuses lines that only look like one.
func TestReadSalutation(t *testing.T) {
	tests := []struct {
		line   string
		ok     bool
		names  []string
		person bool
		rest   string
	}{
		{"涂轶、李勇委员:", true, []string{"涂轶/委员", "李勇/委员"}, true, ""},
		{"王中伟代表：", true, []string{"王中伟/代表"}, true, ""},
		{"尊敬的王风科代表:", true, []string{"王风科/代表"}, true, ""},
		{"尊敬袁大金代表:", true, []string{"袁大金/代表"}, true, ""},
		{"陈潜代表您好:", true, []string{"陈潜/代表"}, true, ""},
		{"民建县委：", true, []string{"民建县委/单位"}, false, ""},
		{"张朝琴等委员：", true, []string{"张朝琴/委员"}, true, ""},
		{"王小康等2名代表:", true, []string{"王小康/代表"}, true, ""},
		{"庞益平等七位代表:", true, []string{"庞益平/代表"}, true, ""},
		{"陈云会代表", true, []string{"陈云会/代表"}, true, ""},
		{"刘俊华 徐航吉 魏 娜委员:", true, []string{"刘俊华/委员", "徐航吉/委员", "魏娜/委员"}, true, ""},
		{"陳立樓委員:", true, []string{"陳立樓/委员"}, true, ""},
		{"李华同志：", true, []string{"李华/同志"}, true, ""},
		{"韩忠国等代表: 您在县十九届人大二次会议上提出的建议收悉", true, []string{"韩忠国/代表"}, true, "您在县十九届人大二次会议上提出的建议收悉"},
		{"领衔代表: 代 表 团:", false, nil, false, ""},
		{"现将有关情况答复如下：", false, nil, false, ""},
		{"办理情况:", false, nil, false, ""},
		{"县政协委员:", false, nil, false, ""},
		{"联系人：张三", false, nil, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			s, ok := readSalutation(tt.line)
			require.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.names, names(s.addressees))
			assert.Equal(t, tt.person, s.person)
			assert.Equal(t, tt.rest, s.rest)
		})
	}
}

// salutationOf reads line as a salutation, or gives nil.
func salutationOf(line string) *salutation {
	if s, ok := readSalutation(line); ok {
		return &s
	}
	return nil
}

// TestReadNames reads the names before a role.
func TestReadNames(t *testing.T) {
	for s, want := range map[string][]string{
		"涂轶、李勇":          {"涂轶", "李勇"},
		"刘俊华 徐航吉 魏 娜":    {"刘俊华", "徐航吉", "魏娜"}, // a two-character name spaced out
		"王小康等2名":         {"王小康"},
		"庞益平等七位":         {"庞益平"},
		"张朝琴等":           {"张朝琴"},
		"涂轶，李勇;王小康/欧阳娜娜": {"涂轶", "李勇", "王小康", "欧阳娜娜"},
		"涂轶、、李勇":         {"涂轶", "李勇"},
		"王\u3000小":       {"王小"},
		"魏 娜 张":          nil,
		"县政协":            nil,
		"":               nil,
	} {
		if want == nil {
			assert.Empty(t, readNames(s), "%q", s)
			continue
		}
		assert.Equal(t, want, readNames(s), "%q", s)
	}
}

func TestSplitOutsideParens(t *testing.T) {
	assert.Equal(t, []string{"各承办（主办、协办）单位"}, splitOutsideParens("各承办（主办、协办）单位", '、'))
	assert.Equal(t, []string{"县政府有关部门", "有关直属机构"}, splitOutsideParens("县政府有关部门、有关直属机构", '、'))
	// An unmatched closing parenthesis does not go below depth zero.
	assert.Equal(t, []string{"a(b、c))", "d"}, splitOutsideParens("a(b、c))、d", '、'))
}

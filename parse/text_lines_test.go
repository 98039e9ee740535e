package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
)

// The structure reader's line tests, each on lines it must take and lines
// it must refuse.

func TestIsClosingLike(t *testing.T) {
	long := "感谢你们长期以来对我们工作的关心和支持，" + strings.Repeat("今后我们将继续加强城乡社区建设，", 10) + "再次感谢。"
	for text, want := range map[string]bool{
		"感谢你对我们工作的关心和支持。": true,
		"此复。":   true,
		"特此答复。": true,
		"希望继续关心和支持我们的工作。":                true,
		"再次感谢您对民政工作的关心！":                 true,
		"欢迎继续提出宝贵意见。":                    true,
		long:                             true, // a closing cue, under 300 characters
		"感谢" + strings.Repeat("支持", 160): false,
		"一、感谢支持":                         false, // a marker
		"今年全县已建成城乡社区40个。":                false,
		"最后一点":                           false,
	} {
		assert.Equal(t, want, isClosingLike(para{text: text}), "%q", text)
	}
	assert.False(t, isClosingLike(para{table: &reply.Table{}}))
	assert.False(t, isClosingLike(para{image: &reply.Image{}}))
}

func TestIsOfficeLine(t *testing.T) {
	for text, want := range map[string]bool{
		"旺苍县人民政府办公室":  true,
		"县民政局":        true,
		"县 民 政 局":     true,
		"中共旺苍县委组织部":   true,
		"2017年3月16日":  false,
		"联系人：张三":      false,
		"某某局、某某办公室":   false,
		"此复":          false,
		"局":           false,
		"感谢县民政局":      false,
		"关于“社区”的县民政局": false,
	} {
		assert.Equal(t, want, isOfficeLine(para{text: text}), "%q", text)
	}
	assert.False(t, isOfficeLine(para{table: &reply.Table{}}))
}

func TestIsHeaderLine(t *testing.T) {
	for text, want := range map[string]bool{
		"关于某某的答复":                true,
		"旺府办函〔2021〕12号":          true,
		"abc":                    true,
		"一、基本情况":                 false, // a marker
		"你好。":                    false,
		"收悉；":                    false,
		"标题！":                    false,
		strings.Repeat("字", 101): false,
	} {
		assert.Equal(t, want, isHeaderLine(para{text: text}), "%q", text)
	}
	assert.True(t, isHeaderLine(para{table: &reply.Table{}}))
	assert.False(t, isHeaderLine(para{image: &reply.Image{}}))
}

func TestLeadOf(t *testing.T) {
	for text, want := range map[string]string{
		"加强领导。具体如下": "加强领导",
		"加强领导。":     "", // nothing follows the lead
		"没有标点":      "",
		"标题：正文":     "标题",
		"问：答":       "问",
		"一是，二是；三是":  "一是，二是",
		"":          "",
	} {
		assert.Equal(t, want, leadOf(text), "%q", text)
	}
}

func TestBracketYear(t *testing.T) {
	tests := []struct {
		in, year string
		at       int
	}{
		{"旺府办函〔2021〕12号", "2021", len("旺府办函")},
		{"[2020]第3号", "2020", 0},
		{"【2019】", "2019", 0},
		{"x（1999）y", "1999", 1},
		{"(3000)", "", -1}, // not a year of ours
		{"（202）", "", -1},
		{"〔2021", "", -1},
		{"[20211]", "", -1},
		{"〔0021〕", "", -1},
		{"abc", "", -1},
	}
	for _, tt := range tests {
		year, at := bracketYear(tt.in)
		assert.Equal(t, tt.year, year, "%q", tt.in)
		assert.Equal(t, tt.at, at, "%q", tt.in)
	}
}

// salutationOf reads line as a salutation, or gives nil.
func salutationOf(line string) *salutation {
	if s, ok := readSalutation(line); ok {
		return &s
	}
	return nil
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		title, salutation, opening string
		want                       reply.Kind
	}{
		{"关于县政协十届一次会议第73号提案的答复", "涂轶委员：", "你在县政协十届一次会议上提出的提案收悉。", reply.KindProposalReply},
		{"关于县人大十九届二次会议第5号建议的答复", "王中伟代表：", "您提出的建议收悉。", reply.KindSuggestionReply},
		{"关于加强社区建设的答复", "王中伟代表：", "您提出的建议收悉。", reply.KindSuggestionReply},
		{"关于加强社区建设的答复", "涂轶委员：", "来信收悉。", reply.KindProposalReply}, // by the addressee's role
		{"关于加强社区建设的答复", "", "来信收悉。", reply.KindOther},
		{"关于某事的复函", "民建县委：", "人大代表建议收悉。", reply.KindSuggestionReply},
		{"社区建设情况", "涂轶委员：", "你提出的提案收悉，现答复如下：", reply.KindProposalReply},
		{"社区建设情况", "", "你提出的提案收悉，现答复如下：", reply.KindOther}, // no salutation
		{"社区建设情况", "民建县委：", "贵委提出的意见收悉，现答复如下：", reply.KindOther},
		{"关于开展社区工作的通知", "各乡镇：", "现将有关事项通知如下。", reply.KindOther},
		{"关于答复工作的通知", "", "", reply.KindOther},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, kindOf(tt.title, salutationOf(tt.salutation), tt.opening), "%q %q %q", tt.title, tt.salutation, tt.opening)
	}
}

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

// TestLineRuneClasses holds the character classes and the paragraph test
// of the line tests to their one-line definitions.
func TestLineRuneClasses(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		assert.Equal(t, strings.ContainsRune("〇○零一二三四五六七八九十百两", r) || isDigit(r), isNumeralRune(r), "%U", r)
		assert.Equal(t, isSpace(r) || strings.ContainsRune("|｜;；,，", r), isLabelSep(r), "%U", r)
	}
	for _, s := range append(textSamples, strings.Repeat("字", 100), strings.Repeat("字", 101), "一句。") {
		assert.Equal(t, utf8.RuneCountInString(s) > 100 || strings.Contains(s, "。"), isParagraphLike(s), "%q", s)
	}
}

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

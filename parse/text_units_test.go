package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTextSourceLines(t *testing.T) {
	src, err := TextSource("网站支持IPv6\r\n当前位置:首页 > 提案 > 某答复\r\n某答复\r发布时间:2020-10-21 来源:县民政局\n\n　　张三委员：\n\t一、 基本  情况\u3000\n")
	require.NoError(t, err)
	var texts []string
	var lines []int
	for _, b := range src.Blocks {
		texts = append(texts, b.Text)
		lines = append(lines, b.Pos.Line)
	}
	assert.Equal(t, []string{"某答复", "张三委员：", "一、 基本 情况"}, texts, "white space folded, furniture taken out")
	assert.Equal(t, []int{3, 6, 7}, lines, "\\r\\n, \\r and \\n each end a line")
	assert.True(t, src.Blocks[1].Indent)
	assert.False(t, src.Blocks[0].Indent)
	require.False(t, src.Page.IsZero())
	assert.Equal(t, []string{"首页", "提案", "某答复"}, src.Page.Breadcrumb)
	assert.Equal(t, "县民政局", src.Page.Source)
	assert.Equal(t, "line 7", src.Blocks[2].Pos.String())
}

func TestTextErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opts  []Option
		want  error
		limit string
	}{
		{"empty", "", nil, ErrEmpty, ""},
		{"white space", " \r\n\u3000\t\n", nil, ErrEmpty, ""},
		{"bytes", strings.Repeat("字", 100), []Option{WithMaxBytes(50)}, ErrTooLarge, "bytes"},
		{"blocks", "一\n二\n三\n", []Option{WithMaxBlocks(2)}, ErrTooLarge, "blocks"},
		{"paragraph", "短\n" + strings.Repeat("长", 40), []Option{WithMaxParagraph(100)}, ErrTooLarge, "paragraph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Text(tt.input, tt.opts...)
			assert.Nil(t, rep)
			require.ErrorIs(t, err, tt.want)
			var le *LimitError
			if tt.limit != "" {
				require.True(t, errors.As(err, &le))
				assert.Equal(t, tt.limit, le.Limit)
				assert.NotEmpty(t, le.Where)
			}
		})
	}
	_, err := Read(nil)
	assert.ErrorIs(t, err, ErrEmpty)
}

// TestTextAnything reads texts that are no reply at all: each gives a full
// reply of kind other, never an error.
func TestTextAnything(t *testing.T) {
	for _, s := range []string{"abc", "一、", "2021年5月6日", "某某委员：", "附件：1.表格\n2.清单", "（一）\n（一）\n1.\n1."} {
		rep, err := Text(s)
		require.NoError(t, err, s)
		assert.NotEmpty(t, rep.Kind, s)
		assertNothingLost(t, s, rep)
		assertValid(t, rep)
	}
}

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

func TestDateLine(t *testing.T) {
	tests := []struct {
		line string
		ok   bool
		want string // YYYY-MM-DD, or the error
	}{
		{"2017年3月16日", true, "2017-03-16"},
		{"二〇一七年三月十六日", true, "2017-03-16"},
		{"二○二一年十二月三十日", true, "2021-12-30"},
		{"2021年5月6", true, "2021-05-06"},
		{"20210506", true, "2021-05-06"},
		{"2020715", true, "2020-07-15"},
		{"2015416", true, "2015-04-16"},
		{"2019年 7月 26日", true, "2019-07-26"},
		{"2021112", true, "ambiguous date"},
		{"0二十六日", true, "not a date"},
		{"县交通运输局", false, ""},
		{"2019", false, ""},
		{"12345号", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			d, err, ok := dateLine(tt.line)
			require.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			if err != nil {
				assert.ErrorContains(t, err, tt.want)
				return
			}
			assert.Equal(t, tt.want, d.String())
			assert.Equal(t, tt.line, d.Text)
		})
	}
}

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

func TestBuildBlocksPoints(t *testing.T) {
	tests := []struct {
		name    string
		paras   []string
		texts   []string
		markers [][]string
		leads   [][]string
	}{
		{"inline", []string{"前言。一是提升认识。加强学习。二是政策先行。"}, []string{"前言。"}, [][]string{{"一是", "二是"}}, [][]string{{"提升认识", ""}}},
		{"paragraphs", []string{"一是提升认识。内容。", "二是政策先行。内容。", "结尾。"}, []string{"", "", "结尾。"}, [][]string{{"一是"}, {"二是"}, nil}, [][]string{{"提升认识"}, {"政策先行"}, nil}},
		{"lone first member", []string{"一是孤单的一句话。", "二者不是系列。"}, []string{"一是孤单的一句话。", "二者不是系列。"}, [][]string{nil, nil}, [][]string{nil, nil}},
		{"not at a boundary", []string{"统一要求各单位。二要落实。"}, []string{"统一要求各单位。二要落实。"}, [][]string{nil}, [][]string{nil}},
		{"first then", []string{"首先，完善设施。增设投放点；其次，加强宣传；再次，健全体系；最后，严格考核。"}, []string{""}, [][]string{{"首先，", "其次，", "再次，", "最后，"}}, [][]string{{"完善设施", "", "", ""}}},
		{"first series only", []string{"一是甲。", "二是乙。", "三是加大投入。一要加大投入;二要整合资金。"}, []string{"", "", ""}, [][]string{{"一是"}, {"二是"}, {"三是"}}, [][]string{{""}, {""}, {"加大投入"}}},
		{"series starts at its first member", []string{"三是甲。四是乙。"}, []string{"三是甲。四是乙。"}, [][]string{nil}, [][]string{nil}},
		{"yao", []string{"一要加大投入。多方筹资;二要整合资金;三要广开渠道。"}, []string{""}, [][]string{{"一要", "二要", "三要"}}, [][]string{{"加大投入", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var items []item
			for _, p := range tt.paras {
				items = append(items, item{text: p})
			}
			blocks := buildBlocks(items, nil)
			require.Len(t, blocks, len(tt.paras))
			for i, b := range blocks {
				assert.Equal(t, tt.texts[i], b.Text)
				assert.Equal(t, tt.markers[i], pointMarkers(b))
				var leads []string
				for _, p := range b.Points {
					leads = append(leads, p.Lead)
					assert.True(t, strings.HasPrefix(p.Text, p.Lead))
				}
				assert.Equal(t, tt.leads[i], leads)
				assert.Equal(t, tt.paras[i], b.Paragraph(), "nothing lost")
			}
		})
	}
}

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
	}
	for _, tt := range tests {
		body, term, session, ok := readSession(tt.s)
		require.True(t, ok, tt.s)
		assert.Equal(t, []any{tt.body, tt.term, tt.session}, []any{body, term, session}, tt.s)
	}
	_, _, _, ok := readSession("第十八届运动会")
	assert.False(t, ok)
}

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
	}
	for s, want := range tests {
		assert.Equal(t, want, readNumber(s), s)
	}
}

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

// TestReadSource reads blocks as the HTML reader gives them: the title
// from the page, the signature right-aligned.
func TestReadSource(t *testing.T) {
	src := &Source{
		Title: "关于县政协十届一次会议第73号提案的答复",
		Blocks: []SourceBlock{
			{Text: "涂轶委员："},
			{Text: "您提出的“关于加强社区建设的建议”提案收悉，现答复如下：", Indent: true},
			{Text: "感谢您的关心和支持。", Indent: true},
			{Text: "旺苍县人民政府办公室", Align: AlignRight},
			{Text: "2017年3月16日", Align: AlignRight},
		},
		Page: reply.Page{Source: "县民政局"},
	}
	rep, err := Read(src)
	require.NoError(t, err)
	assert.Equal(t, src.Title, rep.Title)
	assert.Nil(t, rep.Header)
	assert.Equal(t, reply.KindProposalReply, rep.Kind)
	assert.Equal(t, "73", rep.Proposal.Number)
	assert.Equal(t, "旺苍县人民政府办公室", rep.Signature.Office)
	assert.Equal(t, "2017-03-16", rep.Signature.Date.String())
	assert.Equal(t, "县民政局", rep.Page.Source)
	assertValid(t, rep)
}

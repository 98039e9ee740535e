package parse

import (
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEndMatter reads the lines after the closing in the shapes real
// notices give them.
func TestEndMatter(t *testing.T) {
	tests := []struct {
		name     string
		lines    []string
		start    int // first end-matter line
		office   string
		date     string
		contact  reply.Contact
		cc       []string
		category reply.Category
		fields   []reply.Field
	}{
		{
			name:  "contact and 抄报 after the date, spaced labels",
			lines: []string{"感谢你们的支持。", "2022年9月23日", "联系单位:新密市住房和城乡建设局", "联 系 人:张 雷 联系电话:56155520", "抄 报:市督查局 市政协提案委"},
			start: 1, date: "2022-09-23",
			contact: reply.Contact{Unit: "新密市住房和城乡建设局", Person: "张雷", Phone: "56155520"},
			cc:      []string{"市督查局", "市政协提案委"},
			fields:  []reply.Field{reply.FieldDate, reply.FieldContact, reply.FieldContact, reply.FieldCC},
		},
		{
			name:  "joint reply: two offices",
			lines: []string{"特此答复。", "县交通运输局", "县财政局", "2023年1月5日"},
			start: 1, office: "县交通运输局\n县财政局", date: "2023-01-05",
			fields: []reply.Field{reply.FieldOffice, reply.FieldOffice, reply.FieldDate},
		},
		{
			name:  "category, contact lines, no office or date",
			lines: []string{"最后,再次感谢您提出的宝贵建议。", "办复类别:B", "联系人:崔富海", "联系电话:8053021"},
			start: 1, category: reply.CategoryB,
			contact: reply.Contact{Person: "崔富海", Phone: "8053021"},
			fields:  []reply.Field{reply.FieldCategory, reply.FieldContact, reply.FieldContact},
		},
		{
			name:  "contact in parentheses above the office",
			lines: []string{"以上答复,如有不妥,请批评指正。", "(联系人及电话:张春明 0871-67785176)", "石林彝族自治县卫生健康局", "2022年6月28日"},
			start: 1, office: "石林彝族自治县卫生健康局", date: "2022-06-28",
			contact: reply.Contact{Person: "张春明", Phone: "0871-67785176"},
			fields:  []reply.Field{reply.FieldContact, reply.FieldOffice, reply.FieldDate},
		},
		{
			name:  "labels, office, date, and notes after the date",
			lines: []string{"感谢您对我市规划工作的关心与支持。", "汨罗市规划局", "2015年6月12日", "承办负责人:吴析理", "邮政编码:414400", "抄送:市政协提案法制委2份,市政府办3份。"},
			start: 1, office: "汨罗市规划局", date: "2015-06-12",
			cc:     []string{"市政协提案法制委2份", "市政府办3份"},
			fields: []reply.Field{reply.FieldOffice, reply.FieldDate, reply.FieldNone, reply.FieldNone, reply.FieldCC},
		},
		{
			name:  "a body with no end matter",
			lines: []string{"目前已投入车辆7辆。", "下一步,我局将加快发展省际农村客运班线,让老百姓真切感受到发展成果。"},
			start: 2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			paras := make([]para, len(tt.lines))
			for i, l := range tt.lines {
				paras[i] = para{text: l, pos: Pos{Line: i + 1}}
			}
			start, dateAt := findEndMatter(paras, 0)
			require.Equal(t, tt.start, start)
			em := readEndMatter(paras, start, dateAt)
			assert.Equal(t, tt.office, strings.Join(em.offices, "\n"))
			date := ""
			if !em.date.IsZero() {
				date = em.date.String()
			}
			assert.Equal(t, tt.date, date)
			assert.Equal(t, tt.contact, em.contact)
			assert.Equal(t, tt.cc, em.cc)
			assert.Equal(t, tt.category, em.category)
			var fields []reply.Field
			for i, l := range em.lines {
				fields = append(fields, l.Field)
				assert.Equal(t, tt.lines[start+i], l.Text)
			}
			assert.Equal(t, tt.fields, fields)
		})
	}
}

// TestDateLine reads the signature's date line, and refuses lines that
// are not dates.
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

// TestIsClosingLike tells the closing lines of a notice.
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

// TestIsOfficeLine tells the lines that name an office.
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

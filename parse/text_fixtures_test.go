package parse

import (
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTextFixtures reads each fixture under testdata/texts, one real-world
// shape each, and checks its facts, its golden JSON, Validate and that no
// character of the body is lost.
func TestTextFixtures(t *testing.T) {
	tests := []struct {
		file  string
		check func(t *testing.T, r *reply.Reply)
	}{
		{"suggestion_npc.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, reply.KindSuggestionReply, r.Kind)
			assert.Equal(t, []string{"王中伟/代表"}, names(r.Addressees))
			assert.Equal(t, reply.Proposal{Body: "县人大", Term: 18, Session: 3, Number: "56", Title: "关于加快城区停车场建设的建议", Proposers: []string{"王中伟"}}, r.Proposal)
			assert.Equal(t, []string{"一、城区停车设施现状", "二、下一步工作打算"}, headings(r.Sections))
			assert.Equal(t, "县住房和城乡建设局", r.Signature.Office)
			assert.Equal(t, "2023-06-12", r.Signature.Date.String())
			require.Len(t, r.Closing, 1)
		}},
		{"contact_cc_attachments.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, []string{"农村饮水工程项目清单", "资金安排表"}, r.Attachments)
			assert.Equal(t, reply.CategoryA, r.Category)
			assert.Equal(t, reply.Contact{Person: "张三", Phone: "0839-1234567"}, r.Contact)
			assert.Equal(t, []string{"县政府办公室", "县政协提案委"}, r.CC)
			assert.Equal(t, "县水利局", r.Signature.Office)
			assert.Nil(t, r.Trailer, "the end matter is written in the canonical order")
		}},
		{"chinese_numeral_date.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, "二〇二三年五月六日", r.Signature.Date.Text)
			assert.Equal(t, "2023-05-06", r.Signature.Date.String())
			assert.Equal(t, "0487", r.Proposal.Number, "leading zeros kept")
			assert.Equal(t, "关于扶持中小微企业发展的提案", r.Proposal.Title)
			require.Len(t, r.Opening, 2)
			assert.Equal(t, []string{"一是", "二是", "三是"}, pointMarkers(r.Opening[1]))
			assert.Empty(t, r.Opening[1].Text)
			assert.Equal(t, "", r.Opening[1].Points[0].Lead, "a one-sentence point has no lead")
		}},
		{"joint_proposers.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, []string{"涂轶/委员", "李勇/委员", "王芳/委员"}, names(r.Addressees))
			assert.Equal(t, []string{"涂轶", "李勇", "王芳"}, r.Proposal.Proposers)
			assert.Equal(t, "关于加快发展乡村旅游的提案", r.Proposal.Title)
			assert.Empty(t, r.Sections)
		}},
		{"headings_own_lines.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, []string{"民建区委/单位"}, names(r.Addressees))
			assert.Nil(t, r.Proposal.Proposers, "an organisation is not a proposer")
			assert.Equal(t, []string{"一、基本情况", "二、下一步工作"}, headings(r.Sections))
			for _, s := range r.Sections {
				assert.False(t, s.RunIn)
				assert.Empty(t, s.Blocks)
				require.Len(t, s.Sections, 2)
				for _, sub := range s.Sections {
					assert.False(t, sub.RunIn)
					assert.Len(t, sub.Blocks, 1)
				}
			}
			assert.Equal(t, []string{"（一）加强统筹协调", "（二）拓宽资金渠道"}, headings(r.Sections[1].Sections))
			assert.Equal(t, "特此答复。", r.Closing[0].Text)
		}},
		{"arabic_under_paren.txt", func(t *testing.T, r *reply.Reply) {
			require.Len(t, r.Sections, 2)
			sub := r.Sections[0].Sections
			require.Len(t, sub, 2)
			assert.Equal(t, []string{"1.新建、改扩建校舍12栋，面积2.6万平方米。", "2．为乡村学校配备多媒体教学设备320套。", "3、完成乡村学校食堂标准化改造18所。"}, headings(sub[0].Sections))
			assert.Len(t, sub[1].Sections, 2, "numbering starts again under a new parent")
			assert.Equal(t, 3, sub[0].Sections[2].Number)
			assert.Equal(t, "2020-07-15", r.Signature.Date.String())
			assert.Nil(t, r.Warnings)
		}},
		{"notice_other.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, reply.KindOther, r.Kind, "a notice that is not a reply")
			assert.Zero(t, r.Proposal)
			assert.Equal(t, []string{"各乡镇人民政府/单位", "县直各部门/单位"}, names(r.Addressees))
			assert.Equal(t, []string{"一、提高思想认识。", "二、严格办理时限。", "三、注重办理实效。"}, headings(r.Sections))
			assert.True(t, r.Sections[0].RunIn)
			assert.Equal(t, "县人民政府办公室", r.Signature.Office)
		}},
		{"no_sections.txt", func(t *testing.T, r *reply.Reply) {
			assert.Empty(t, r.Sections)
			require.Len(t, r.Opening, 1)
			assert.Equal(t, []reply.Block{{Text: "此复。"}}, r.Closing)
			assert.Equal(t, "12", r.Proposal.Number)
			assert.Equal(t, "关于在城区增设公共厕所的建议", r.Proposal.Title)
		}},
		{"header_block.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, "关于县政协十届三次会议第31号提案的复函", r.Title)
			assert.Equal(t, "某政函〔2022〕8号", r.DocNumber)
			assert.Equal(t, "马文忠", r.Signer)
			assert.Equal(t, []reply.Line{
				{Text: "关于县政协十届三次会议第31号提案的复函", Field: reply.FieldTitle},
				{Text: "类别：A", Field: reply.FieldCategory},
				{Text: "签发人：马文忠", Field: reply.FieldSigner},
				{Text: "某政函〔2022〕8号", Field: reply.FieldDocNumber},
				{Text: "关于县政协十届三次会议", Field: reply.FieldTitle},
				{Text: "第31号提案的复函", Field: reply.FieldTitle},
			}, r.Header)
			assert.Equal(t, reply.CategoryA, r.Category)
			assert.NotNil(t, r.Trailer, "the category line is in the header, not the trailer")
		}},
		{"info_disclosure.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, "11511122MB0U926000/2024-00049", r.IndexNumber)
			assert.Equal(t, "县市监函〔2024〕15号", r.DocNumber)
			var fields []reply.Field
			for _, l := range r.Header {
				fields = append(fields, l.Field)
			}
			assert.Equal(t, []reply.Field{reply.FieldIndexNumber, reply.FieldOffice, reply.FieldDocNumber, reply.FieldDate, reply.FieldTitle}, fields)
			require.NotZero(t, r.Page)
			assert.Equal(t, "2024-08-09", r.Page.Published.String(), "发布日期 is the page's date")
			assert.Equal(t, "2024-08-06", r.Signature.Date.String(), "成文日期 is the document's")
		}},
		{"office_after_date.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, "县交通运输局", r.Signature.Office)
			assert.Equal(t, "20210506", r.Signature.Date.Text)
			assert.Equal(t, "2021-05-06", r.Signature.Date.String())
			assert.Equal(t, []reply.Line{{Text: "20210506", Field: reply.FieldDate}, {Text: "县交通运输局", Field: reply.FieldOffice}}, r.Trailer)
		}},
		{"contact_after_date.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, []string{"双龙湖街道/单位"}, names(r.Addressees))
			assert.Equal(t, "2021年5月6", r.Signature.Date.Text)
			assert.Equal(t, "2021-05-06", r.Signature.Date.String())
			assert.Equal(t, reply.Contact{Person: "张淮铭", Phone: "67210092"}, r.Contact)
			require.Len(t, r.Trailer, 3)
			assert.Equal(t, reply.FieldContact, r.Trailer[2].Field)
		}},
		{"office_line_above.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, "关于县政协十届五次会议第66号提案的答复", r.Title)
			assert.Equal(t, "旺教函【2021】3号", r.DocNumber)
			assert.Equal(t, reply.FieldOffice, r.Header[0].Field)
			assert.Equal(t, []string{"张朝琴/委员"}, names(r.Addressees))
			assert.Equal(t, "以上答复，如有不妥，请批评指正。", r.Closing[0].Text)
		}},
		{"paren_levels.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, []string{"王小康/委员"}, names(r.Addressees), "「等2名」 names one")
			require.Len(t, r.Sections, 2)
			assert.Equal(t, []string{"(1)新建雨水管网", "(2)建设调蓄设施"}, headings(r.Sections[0].Sections))
			assert.Equal(t, []string{"①", "②"}, []string{r.Sections[0].Sections[0].Sections[0].Marker, r.Sections[0].Sections[0].Sections[1].Marker})
			assert.Equal(t, reply.LevelCircled, reply.MarkerLevel(r.Sections[0].Sections[0].Sections[0].Marker))
		}},
		{"numbering_gap.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, []string{"一、加强宣传教育", "三、完善基础设施"}, headings(r.Sections))
			require.Len(t, r.Warnings, 1)
			assert.Equal(t, CodeNumberingGap, r.Warnings[0].Code)
			assert.Equal(t, "line 6", r.Warnings[0].Where)
		}},
		{"numbering_restart.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, []string{"一、已开展的工作", "二、下一步措施"}, headings(r.Sections))
			require.Len(t, r.Sections[1].Blocks, 3)
			assert.Equal(t, "一、关于扬尘问题", r.Sections[1].Blocks[1].Text, "kept as a paragraph where it stood")
			require.Len(t, r.Warnings, 1)
			assert.Equal(t, CodeNumberingRestart, r.Warnings[0].Code)
		}},
		{"points_series.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, "尊敬的吕莉平委员：", r.Salutation)
			require.Len(t, r.Opening, 5)
			assert.Equal(t, []string{"首先，"}, pointMarkers(r.Opening[1]))
			assert.Equal(t, "完善分类设施", r.Opening[1].Points[0].Lead)
			assert.Equal(t, []string{"其次，"}, pointMarkers(r.Opening[2]))
			assert.Equal(t, []string{"最后，"}, pointMarkers(r.Opening[3]))
			assert.Equal(t, "下一步，我们将重点抓好三项工作：", r.Opening[4].Text)
			require.Equal(t, []string{"一要", "二要", "三要"}, pointMarkers(r.Opening[4]))
			assert.Equal(t, "加大财政投入；", r.Opening[4].Points[0].Text)
		}},
		{"ambiguous_date.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, []string{"刘俊华/代表", "魏娜/代表", "朱纯/代表"}, names(r.Addressees), "names padded with a space")
			require.NotZero(t, r.Signature)
			assert.True(t, r.Signature.Date.IsZero(), "an ambiguous date is not guessed")
			assert.Equal(t, "区住房和城乡建设局", r.Signature.Office)
			require.Len(t, r.Warnings, 1)
			assert.Equal(t, CodeAmbiguousDate, r.Warnings[0].Code)
			assert.Equal(t, []reply.Line{{Text: "区住房和城乡建设局", Field: reply.FieldOffice}, {Text: "2021112"}}, r.Trailer)
		}},
		{"no_signature.txt", func(t *testing.T, r *reply.Reply) {
			assert.Equal(t, "陈云会代表", r.Salutation, "a salutation with no colon")
			assert.Zero(t, r.Signature)
			assert.Nil(t, r.Trailer)
			assert.Equal(t, "以上答复，如有不妥，请批评指正。", r.Closing[0].Text)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			input := readFixture(t, tt.file)
			r, err := Text(input)
			require.NoError(t, err)
			tt.check(t, r)
			assertValid(t, r)
			assertNothingLost(t, input, r)
			checkGolden(t, strings.TrimSuffix(tt.file, ".txt")+".json", r)
		})
	}
}

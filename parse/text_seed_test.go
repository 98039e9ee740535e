package parse

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTextSeed reads the seed notice and checks it, field by field, against
// the reply the project holds the parser to.
func TestTextSeed(t *testing.T) {
	input := readFixture(t, "seed.txt")
	rep, err := Text(input)
	require.NoError(t, err)

	const title = "旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复"
	assert.Equal(t, reply.KindProposalReply, rep.Kind)
	assert.Equal(t, title, rep.Title)
	assert.Nil(t, rep.Header, "the title line alone stands above the salutation")
	assert.Empty(t, rep.DocNumber)
	assert.Equal(t, reply.Proposal{Body: "县政协", Term: 10, Session: 1, Number: "73",
		Title: "关于加强新型农村社区建设工作的建议", Proposers: []string{"涂轶", "李勇"}}, rep.Proposal)
	assert.Equal(t, []reply.Addressee{{Name: "涂轶", Role: reply.RoleMember}, {Name: "李勇", Role: reply.RoleMember}}, rep.Addressees)
	assert.Equal(t, "涂轶、李勇委员:", rep.Salutation)
	require.Len(t, rep.Opening, 1)
	assert.Regexp(t, `^你们在县政协.*答复如下:$`, rep.Opening[0].Text)

	require.Len(t, rep.Sections, 4)
	assert.Equal(t, []string{"一、我县社区建设基本情况", "二、加强基层群众自治,创新社区治理", "三、存在的主要问题", "四、建设新型农村社区的对策和建议"}, headings(rep.Sections))
	for i, s := range rep.Sections {
		assert.Equal(t, i+1, s.Number)
		assert.False(t, s.RunIn, s.Marker)
	}
	s1 := rep.Sections[0]
	require.Len(t, s1.Blocks, 1)
	assert.Regexp(t, `^目前,我县已建成城乡社区40个`, s1.Blocks[0].Text)
	assert.Empty(t, s1.Blocks[0].Points)

	s2 := rep.Sections[1]
	require.Len(t, s2.Blocks, 1)
	assert.Regexp(t, `^今年以来,.*基层民主管理水平。$`, s2.Blocks[0].Text)
	assert.Equal(t, []string{"一是", "二是", "三是", "四是"}, pointMarkers(s2.Blocks[0]))
	p := s2.Blocks[0].Points[0]
	assert.Equal(t, "坚持民事民议,广拓渠道听意见", p.Lead)
	assert.Regexp(t, `^坚持民事民议,广拓渠道听意见。出台了.*归还给基层群众。$`, p.Text)
	assert.Equal(t, "建立“一核多元”管理格局", s2.Blocks[0].Points[2].Lead)

	s3 := rep.Sections[2]
	assert.Empty(t, s3.Blocks)
	require.Len(t, s3.Sections, 4)
	assert.Equal(t, []string{"(一)认识不足,创新不到位。", "(二)工作关系不顺、职能不清。", "(三)经费不足,待遇偏低。", "(四)人才匮乏,结构单一。"}, headings(s3.Sections))
	leads := [][]string{{"", "", ""}, nil, {"经费来源单一", "干部待遇偏低", "基础建设投入不足"}, {"用人受限制", "政治上没奔头", "队伍素质不齐"}}
	for i, sub := range s3.Sections {
		assert.Equal(t, i+1, sub.Number)
		assert.True(t, sub.RunIn, sub.Marker)
		require.Len(t, sub.Blocks, 1, sub.Marker)
		var got []string
		for _, pt := range sub.Blocks[0].Points {
			got = append(got, pt.Lead)
		}
		assert.Equal(t, leads[i], got, sub.Marker)
		if i == 1 {
			assert.Regexp(t, `^随着改革.*的作用。$`, sub.Blocks[0].Text)
		} else {
			assert.Empty(t, sub.Blocks[0].Text, sub.Marker)
			assert.Equal(t, []string{"一是", "二是", "三是"}, pointMarkers(sub.Blocks[0]), sub.Marker)
		}
	}

	s4 := rep.Sections[3]
	require.Len(t, s4.Blocks, 8)
	wantLeads := []string{"提升认识", "政策先行", "考虑群众利益问题", "科学规划", "加大资金投入", "要妥善解决好土地问题", "要配套建设好公共设施", "要坚持村民自治"}
	for i, b := range s4.Blocks {
		assert.Empty(t, b.Text)
		require.Len(t, b.Points, 1)
		assert.Equal(t, reply.FormatNumeral(i+1)+"是", b.Points[0].Marker)
		assert.Equal(t, wantLeads[i], b.Points[0].Lead)
	}
	assert.Contains(t, s4.Blocks[4].Points[0].Text, "一要加大公共财政投入力度", "only the first series of a paragraph is split")

	require.Len(t, rep.Closing, 2)
	assert.Regexp(t, `^总之,.*新型农村社区。$`, rep.Closing[0].Text)
	assert.Equal(t, "感谢你们对县政府工作的关心和支持。", rep.Closing[1].Text)

	require.NotZero(t, rep.Signature)
	assert.Equal(t, "旺苍县人民政府办公室", rep.Signature.Office)
	assert.Equal(t, "2017-03-16", rep.Signature.Date.String())
	assert.Equal(t, "2017年3月16日", rep.Signature.Date.Text)
	assert.Nil(t, rep.Trailer, "the canonical trailer")
	assert.Zero(t, rep.Contact)
	assert.Nil(t, rep.CC)
	assert.Empty(t, rep.Category)

	require.NotZero(t, rep.Page)
	assert.Equal(t, []string{"首页", "政协提案", title}, rep.Page.Breadcrumb)
	require.NotZero(t, rep.Page.Published)
	assert.Equal(t, "2020-10-21", rep.Page.Published.String())
	assert.Equal(t, "2020-10-21", rep.Page.Published.Text)
	assert.Equal(t, "县民政局", rep.Page.Source)
	assert.Equal(t, 2045, rep.Page.Views)
	assert.NotEqual(t, rep.Page.Published.String(), rep.Signature.Date.String(), "the document's date is not the page's")
	assert.Nil(t, rep.Warnings)

	assertValid(t, rep)
	assertNothingLost(t, input, rep)
	checkGolden(t, "seed.json", rep)
}

// TestTextSeedMatchesModel compares the seed's reply with the reply built
// by hand in the reply package (reply/testdata/seed.json), when it exists.
func TestTextSeedMatchesModel(t *testing.T) {
	want, err := os.ReadFile(filepath.Join("..", "reply", "testdata", "seed.json"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("reply/testdata/seed.json not written yet")
	}
	require.NoError(t, err)
	rep, err := Text(readFixture(t, "seed.txt"))
	require.NoError(t, err)
	got, err := reply.Marshal(rep)
	require.NoError(t, err)
	wantRep, err := reply.Unmarshal(want)
	require.NoError(t, err)
	gotRep, err := reply.Unmarshal(got)
	require.NoError(t, err)
	require.Equal(t, wantRep, gotRep)
}

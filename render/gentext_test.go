package render_test

import (
	"strconv"
	"strings"

	"github.com/replykit/replykit/reply"
)

// The realistic generator makes replies in the form that a notice's text
// carries without doubt: the title naming the proposal, a salutation, an
// opening that quotes the proposal, numbered sections with headings on
// their own lines or run in, paragraphs with and without 「一是…二是…」
// points, a closing, the office and the date. Their text is what a plain
// text layout can hold, so parse.Text must read it back.

var (
	textNames    = []string{"涂轶", "李勇", "王中伟", "张三丰", "欧阳娜娜", "陈静"}
	textBodies   = []string{"县政协", "市政协"}
	textOffices  = []string{"旺苍县人民政府办公室", "某某县交通运输局", "某某市教育局"}
	textTopics   = []string{"加强新型农村社区建设工作", "改善乡村道路条件", "加快老旧小区改造", "提升基层医疗服务水平"}
	textHeadings = []string{"基本情况", "主要做法", "存在的问题", "下一步工作打算", "加强组织领导", "强化资金保障"}
	textLeads    = []string{"提升认识", "政策先行", "科学规划", "加大资金投入", "强化督促检查"}
	textSentence = []string{
		"目前，全县已建成城乡社区40个，纳入管理的居民总数达40727户。",
		"我们认真贯彻落实上级决策部署，坚持以人为本，创新工作举措。",
		"相关部门按照职责分工，积极主动开展工作，取得了明显成效。",
		"下一步，我们将继续加大工作力度，确保各项措施落到实处。",
		"经费来源主要依靠财政投入，县级财政每年安排专项资金30000元。",
	}
)

type textGen struct{ *gen }

func (g textGen) sentences(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(g.pick(textSentence))
	}
	return b.String()
}

// paragraph returns a paragraph with points in two of five.
func (g textGen) paragraph() reply.Block {
	if g.rnd.IntN(5) >= 2 {
		return reply.Block{Text: g.sentences(1 + g.rnd.IntN(3))}
	}
	b := reply.Block{}
	if g.chance(0.5) {
		b.Text = g.sentences(1)
	}
	markers := pointMarkers[0]
	for i := range 2 + g.rnd.IntN(3) {
		lead := g.pick(textLeads)
		b.Points = append(b.Points, reply.Point{Marker: markers[i], Lead: lead, Text: lead + "。" + g.sentences(1+g.rnd.IntN(2))})
	}
	return b
}

func (g textGen) sections() []reply.Section {
	n := 1 + g.rnd.IntN(4)
	out := make([]reply.Section, n)
	for i := range out {
		s := reply.Section{Marker: reply.FormatMarker(reply.LevelChinese, i+1), Number: i + 1, Heading: g.pick(textHeadings)}
		if g.chance(0.5) {
			for j := range 1 + g.rnd.IntN(3) {
				sub := reply.Section{Marker: reply.FormatMarker(reply.LevelParenCN, j+1), Number: j + 1}
				if g.chance(0.5) {
					sub.Heading, sub.RunIn = g.pick(textHeadings)+"。", true
				} else {
					sub.Heading = g.pick(textHeadings)
				}
				sub.Blocks = []reply.Block{g.paragraph()}
				s.Sections = append(s.Sections, sub)
			}
		} else {
			for range 1 + g.rnd.IntN(3) {
				s.Blocks = append(s.Blocks, g.paragraph())
			}
		}
		out[i] = s
	}
	return out
}

// reply returns a realistic reply to a CPPCC proposal.
func (g textGen) reply() *reply.Reply {
	office := g.pick(textOffices)
	body := g.pick(textBodies)
	term, session, number := 8+g.rnd.IntN(8), 1+g.rnd.IntN(5), strconv.Itoa(1+g.rnd.IntN(300))
	topic := "关于" + g.pick(textTopics) + "的建议"
	var names []string
	for _, i := range g.rnd.Perm(len(textNames))[:1+g.rnd.IntN(2)] {
		names = append(names, textNames[i])
	}
	you := "你"
	if len(names) > 1 {
		you = "你们"
	}
	var addressees []reply.Addressee
	for _, n := range names {
		addressees = append(addressees, reply.Addressee{Name: n, Role: reply.RoleMember})
	}
	date := reply.NewDate(2015+g.rnd.IntN(10), 1+g.rnd.IntN(12), 1+g.rnd.IntN(28))
	r := &reply.Reply{
		Kind:  reply.KindProposalReply,
		Title: office + "关于" + body + reply.FormatNumeral(term) + "届" + reply.FormatNumeral(session) + "次会议第" + number + "号提案的答复",
		Proposal: reply.Proposal{Body: body, Term: term, Session: session, Number: number, Title: topic,
			Proposers: names},
		Addressees: addressees,
		Salutation: strings.Join(names, "、") + "委员：",
		Opening: []reply.Block{{Text: you + "在" + body + reply.FormatNumeral(term) + "届" + reply.FormatNumeral(session) +
			"次会议上提出的“" + topic + "”提案收悉。现将有关情况答复如下："}},
		Sections:  g.sections(),
		Closing:   []reply.Block{{Text: "感谢" + you + "对我们工作的关心和支持。"}},
		Signature: reply.Signature{Office: office, Date: date},
	}
	if g.chance(0.2) {
		// A text with no title line: the reader makes the title from
		// the proposal as the opening states it, which gives no number.
		r.Title = "关于" + body + reply.FormatNumeral(term) + "届" + reply.FormatNumeral(session) + "次会议提案的答复"
		r.TitleInferred = true
		r.Proposal.Number = ""
	}
	return r
}

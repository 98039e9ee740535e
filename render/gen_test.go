package render_test

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/replykit/replykit/reply"
)

// gen makes valid replies at random from a fixed seed, with text that
// tries the writers: markup, quotes, ampersands, emoji, bidirectional
// marks, carriage returns, long lines, and every optional part left out
// now and then.
type gen struct {
	rnd *rand.Rand
}

func newGen(seed uint64) *gen { return &gen{rnd: rand.New(rand.NewPCG(seed, 0x5eed))} }

// pieces are the fragments that texts are made of.
var pieces = []string{
	"关于加强新型农村社区建设工作的建议", "县人民政府进行了认真办理。", "现将有关情况答复如下：",
	"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", `"quoted" and 'single'`,
	"A & B &amp; C &lt;p&gt;", "😀🇨🇳", "\u200f\u202eRTL\u202c", "tab\there", "line\nbreak", "cr\rhere",
	"javascript:alert(1)", "]]><!--", "</p></article>", "　全角空格　", "1.5万", "(一)", "一是",
	"*emphasis* _under_ `code` [link](x)", "# hash", "\\backslash", "｜", "\u00a0nbsp",
	strings.Repeat("很长的一行文字，", 120),
}

func (g *gen) chance(p float64) bool { return g.rnd.Float64() < p }

func (g *gen) pick(ss []string) string { return ss[g.rnd.IntN(len(ss))] }

// text returns non-blank text of one to four pieces.
func (g *gen) text() string {
	var b strings.Builder
	n := 1 + g.rnd.IntN(4)
	for range n {
		b.WriteString(g.pick(pieces))
	}
	s := b.String()
	if strings.TrimSpace(s) == "" {
		s += "文"
	}
	return s
}

// maybe returns text or, half the time, "".
func (g *gen) maybe() string {
	if g.chance(0.5) {
		return ""
	}
	return g.text()
}

func (g *gen) list(max int) []string {
	n := g.rnd.IntN(max + 1)
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = g.text()
	}
	return out
}

// date returns a valid date written in one of the common forms.
func (g *gen) date() reply.Date {
	y, m, d := 1990+g.rnd.IntN(40), 1+g.rnd.IntN(12), 1+g.rnd.IntN(28)
	forms := []string{
		strconv.Itoa(y) + "年" + strconv.Itoa(m) + "月" + strconv.Itoa(d) + "日",
		strconv.Itoa(y) + "-" + pad(m) + "-" + pad(d),
		strconv.Itoa(y) + "-" + pad(m) + "-" + pad(d) + " 09:30",
		digitsCN(y) + "年" + reply.FormatNumeral(m) + "月" + reply.FormatNumeral(d) + "日",
	}
	text := g.pick(forms)
	dt, err := reply.ParseDate(text)
	if err != nil {
		return reply.NewDate(y, m, d)
	}
	return dt
}

// digitsCN writes a year digit by digit, as 「二〇一七」.
func digitsCN(n int) string {
	const d = "〇一二三四五六七八九"
	digits := []rune(d)
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

func pad(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

var pointMarkers = [][]string{
	{"一是", "二是", "三是", "四是", "五是"},
	{"一要", "二要", "三要"},
	{"首先", "其次", "再次", "最后"},
}

func (g *gen) block() reply.Block {
	switch g.rnd.IntN(10) {
	case 0:
		rows := make([][]string, 1+g.rnd.IntN(3))
		for i := range rows {
			rows[i] = make([]string, 1+g.rnd.IntN(3))
			for j := range rows[i] {
				rows[i][j] = g.maybe()
			}
		}
		return reply.Block{Table: &reply.Table{Caption: g.maybe(), Rows: rows}}
	case 1:
		urls := []string{"http://example.gov.cn/a.png", "https://x.cn/p?a=1&b=<2>", "/images/t.jpg", "img/a b.png", "//cdn.example.cn/x.gif"}
		return reply.Block{Image: &reply.Image{URL: g.pick(urls), Alt: g.maybe()}}
	}
	b := reply.Block{Text: g.maybe()}
	if g.chance(0.4) {
		series := pointMarkers[g.rnd.IntN(len(pointMarkers))]
		n := 1 + g.rnd.IntN(len(series))
		for i := range n {
			p := reply.Point{Marker: series[i], Text: g.text()}
			if g.chance(0.6) {
				p.Lead = g.text()
				p.Text = p.Lead + "。" + p.Text
			}
			b.Points = append(b.Points, p)
		}
	}
	if b.Text == "" && len(b.Points) == 0 {
		b.Text = g.text()
	}
	return b
}

func (g *gen) blocks(max int) []reply.Block {
	n := g.rnd.IntN(max + 1)
	if n == 0 {
		return nil
	}
	out := make([]reply.Block, n)
	for i := range out {
		out[i] = g.block()
	}
	return out
}

// markerForms are the ways a marker of each level is written.
func (g *gen) marker(level, n int) string {
	m := reply.FormatMarker(level, n)
	if g.chance(0.3) {
		switch level {
		case reply.LevelParenCN:
			m = "(" + reply.FormatNumeral(n) + ")"
		case reply.LevelArabic:
			m = strconv.Itoa(n) + "、"
		case reply.LevelParenAr:
			m = "(" + strconv.Itoa(n) + ")"
		}
	}
	return m
}

func (g *gen) sections(depth int) []reply.Section {
	if depth > 3 {
		return nil
	}
	n := g.rnd.IntN(4 - depth/2)
	if n == 0 {
		return nil
	}
	level := 1 + g.rnd.IntN(5)
	out := make([]reply.Section, n)
	num := 0
	for i := range out {
		num += 1 + g.rnd.IntN(2)
		s := reply.Section{Marker: g.marker(level, num), Number: num, Heading: g.maybe()}
		s.Blocks = g.blocks(3)
		s.RunIn = len(s.Blocks) > 0 && g.chance(0.3)
		s.Sections = g.sections(depth + 1)
		out[i] = s
	}
	return out
}

var fields = []reply.Field{
	reply.FieldNone, reply.FieldOffice, reply.FieldDocNumber, reply.FieldSigner, reply.FieldIndexNumber,
	reply.FieldCategory, reply.FieldDate, reply.FieldPublished, reply.FieldContact, reply.FieldCC,
	reply.FieldAttachments,
}

func (g *gen) lines(withTitle bool) []reply.Line {
	n := 1 + g.rnd.IntN(4)
	out := make([]reply.Line, 0, n+2)
	for range n {
		out = append(out, reply.Line{Text: g.text(), Field: fields[g.rnd.IntN(len(fields))]})
	}
	if withTitle {
		at := g.rnd.IntN(len(out) + 1)
		titles := []reply.Line{{Text: g.text(), Field: reply.FieldTitle}}
		if g.chance(0.5) {
			titles = append(titles, reply.Line{Text: g.text(), Field: reply.FieldTitle})
		}
		out = append(out[:at], append(titles, out[at:]...)...)
	}
	return out
}

// reply returns a valid reply.
func (g *gen) reply() *reply.Reply {
	kinds := []reply.Kind{reply.KindProposalReply, reply.KindSuggestionReply, reply.KindOther}
	r := &reply.Reply{
		Kind:        kinds[g.rnd.IntN(len(kinds))],
		Title:       g.text(),
		DocNumber:   g.maybe(),
		Signer:      g.maybe(),
		IndexNumber: g.maybe(),
		Salutation:  g.maybe(),
		Opening:     g.blocks(3),
		Sections:    g.sections(0),
		Closing:     g.blocks(2),
		CC:          g.list(3),
		Attachments: g.list(3),
	}
	// One in six titles is inferred: not a line of the notice, so no
	// header line states it.
	r.TitleInferred = g.chance(1.0 / 6)
	if g.chance(0.3) {
		r.Header = g.lines(!r.TitleInferred)
	}
	if g.chance(0.6) {
		r.Proposal = reply.Proposal{Body: g.maybe(), Term: g.rnd.IntN(15), Session: g.rnd.IntN(6),
			Number: g.maybe(), Title: g.maybe(), Proposers: g.list(3)}
	}
	for range g.rnd.IntN(4) {
		roles := []reply.Role{reply.RoleMember, reply.RoleDeputy, reply.RoleComrade, reply.RoleOrganization, "", "先生"}
		r.Addressees = append(r.Addressees, reply.Addressee{Name: g.text(), Role: roles[g.rnd.IntN(len(roles))]})
	}
	if g.chance(0.3) {
		r.Contact = reply.Contact{Unit: g.maybe(), Person: g.maybe(), Phone: g.maybe()}
	}
	if g.chance(0.3) {
		r.Category = []reply.Category{reply.CategoryA, reply.CategoryB, reply.CategoryC}[g.rnd.IntN(3)]
	}
	if g.chance(0.8) {
		r.Signature = reply.Signature{Office: g.maybe()}
		if g.chance(0.2) {
			r.Signature.Office = g.text() + "\n" + g.text()
		}
		if g.chance(0.9) {
			r.Signature.Date = g.date()
		}
	}
	if g.chance(0.3) {
		r.Trailer = g.lines(false)
	}
	if g.chance(0.7) {
		p := reply.Page{URL: g.pick([]string{"", "http://www.wangcang.gov.cn/a/1.html", "https://x.gov.cn/?q=<>&\"", "/zwgk/2020/1.shtml"}),
			Site: g.maybe(), Column: g.maybe(), Breadcrumb: g.list(3), Source: g.maybe(), Author: g.maybe(),
			Views: g.rnd.IntN(100000), Keywords: g.list(3), Description: g.maybe()}
		if g.chance(0.7) {
			p.Published = g.date()
		}
		r.Page = p
	}
	if g.chance(0.2) {
		r.Warnings = []reply.Warning{{Code: "numbering-gap", Message: g.text(), Where: "line 3"}}
	}
	if g.chance(0.3) {
		r.Provenance = reply.Provenance{Path: g.maybe(), SHA256: g.pick([]string{"", strings.Repeat("9e", 32)})}
		if g.chance(0.5) {
			r.Provenance.Capture = reply.Capture{URI: g.text(), Date: "2021-05-06T07:08:09Z", RecordID: g.text(),
				PayloadDigest: g.maybe(), Offset: int64(g.rnd.IntN(1 << 20))}
		}
	}
	return r
}

package parse

import (
	"strings"

	"github.com/replykit/replykit/reply"
)

// headerLabels are the labels of the information-disclosure lines (政府信息
// 公开 metadata) and record tables that pages print around a title.
var headerLabels = []label{
	{"索引号", lkIndex}, {"发布机构", lkOffice}, {"发文机构", lkOffice}, {"发文机关", lkOffice}, {"发布机关", lkOffice},
	{"信息名称", lkTitle}, {"名称", lkTitle}, {"标题", lkTitle}, {"题目", lkTitle},
	{"发文字号", lkDocNumber}, {"文号", lkDocNumber},
	{"成文日期", lkDate}, {"生成日期", lkDate}, {"发文日期", lkPublished}, {"发文时间", lkDate}, {"责任部门", lkOffice}, {"公开时限", lkNone}, {"发布日期", lkPublished}, {"公开日期", lkPublished},
	{"签发人", lkSigner}, {"答复类别", lkCategory}, {"办复类别", lkCategory}, {"类别", lkCategory},
	{"主题分类", lkNone}, {"组配分类", lkNone}, {"体裁分类", lkNone}, {"分类", lkNone}, {"公开方式", lkNone},
	{"公开程序", lkNone}, {"公开范围", lkNone}, {"生效日期", lkNone}, {"失效日期", lkNone}, {"废止日期", lkNone},
	{"有效性", lkNone}, {"时效", lkNone}, {"主题词", lkNone}, {"关键字", lkNone}, {"关键词", lkNone}, {"所属主题", lkNone},
	{"公文目录", lkNone}, {"公开目录", lkNone}, {"所属机构", lkOffice}, {"浏览量", lkNone}, {"浏览次数", lkNone}, {"文件下载", lkNone}, {"领衔代表", lkProposers}, {"附议代表", lkProposers}, {"联名代表", lkProposers},
	{"领衔委员", lkProposers}, {"联名委员", lkProposers}, {"代表团", lkNone}, {"承办单位", lkNone},
	{"主办单位", lkNone}, {"交办日期", lkNone}, {"答复日期", lkNone}, {"答复时间", lkNone}, {"答复内容", lkNone},
	{"建议人", lkNone}, {"提案人", lkNone}, {"建议号", lkNone}, {"提案号", lkNone}, {"责任领导", lkNone},
	{"政府督办领导", lkNone}, {"办理情况", lkNone}, {"建议内容", lkNone}, {"提案内容", lkNone},
}

// replyEndings end the title of a reply; titleEndings end other titles.
var (
	replyEndings = []string{"答复", "答复函", "复函", "回复", "的函", "函复", "答复表", "答复意见", "办理意见", "協辦意見", "协办意见", "会办意见", "答復", "答覆"}
	titleEndings = []string{"建议", "提案", "议案", "意见", "通知", "公告", "通告", "办理情况", "报告", "决定", "办法", "方案", "函", "批复", "建議"}
)

// header is what the lines above the salutation say.
type header struct {
	lines       []reply.Line
	title       string
	docNumber   string
	signer      string
	indexNumber string
	category    reply.Category
	published   *reply.Date
	// weak is set when the title is a line with no title's ending
	// (「（2023年5月）」), which the page's own heading outranks; weakLines
	// are the lines marked as the title only for being that line.
	weak      bool
	weakLines []int
	// keywords (主题词) and source (发布机构) are page metadata that an
	// information-disclosure block states.
	keywords []string
	source   string
	// labelled is set when the title is only a labelled value (「标题：…」,
	// 「名称：…」).
	labelled bool
	// proposers are the names of 「领衔代表：」 and 「附议代表：」 lines.
	proposers []string
}

// readHeader reads the lines above the salutation: the title (on one line,
// or broken over two), an issuing-office line, the document number, 签发人,
// 类别, the information-disclosure lines and bullets.
func readHeader(paras []para) header {
	var h header
	h.lines = make([]reply.Line, 0, len(paras))
	type cand struct {
		at, n int // first line and number of lines
		text  string
		score int
		class int // titleClass(text)
	}
	var cands []cand
	labelTitle := ""
	for i, p := range paras {
		line := reply.Line{Text: p.text}
		switch {
		case p.table != nil || p.image != nil:
			// Kept as lines of text; a table row's cells joined by tabs.
		default:
			var structured bool
			line.Field, structured = h.classify(p.text, &labelTitle)
			// A colon marks a labelled line, unless the line ends as a
			// reply's title does (「…会议建议：第021号--关于…的答复」).
			if line.Field == reply.FieldNone && !structured && (!containsChars(p.text, ":：") || titleClass(trimResidue(p.text)) == 3) {
				t := trimResidue(p.text)
				if s := titleScore(t); s > 0 {
					cands = append(cands, cand{at: i, n: 1, text: t, score: s, class: titleClass(t)})
				}
			}
		}
		if p.table != nil {
			for _, row := range p.table.Rows {
				if t := strings.Join(row, "\t"); trim(t) != "" {
					h.lines = append(h.lines, reply.Line{Text: t, Field: h.classifyRow(row, &labelTitle)})
				}
			}
			continue
		}
		if p.image != nil {
			if p.image.Alt != "" {
				h.lines = append(h.lines, reply.Line{Text: p.image.Alt})
			}
			continue
		}
		h.lines = append(h.lines, line)
	}
	// A title broken over two lines: a line with no ending, then one with.
	var merged []cand
	for i := 0; i+1 < len(cands); i++ {
		a, b := cands[i], cands[i+1]
		if b.at == a.at+1 && (!hasTitleEnding(a.text) || continuesTitle(b.text)) && hasTitleEnding(b.text) && runeLen(a.text) < 40 {
			text := joinBroken(a.text, b.text)
			merged = append(merged, cand{at: a.at, n: 2, text: text, score: titleScore(text), class: titleClass(text)})
			// Over three lines, the issuing office first: 「某某县住建局」 /
			// 「关于对…建议的」 / 「答 复」.
			if o := a.at - 1; o >= 0 && isPlainOfficeLine(paras[o]) && (strings.HasPrefix(a.text, "关于") || strings.HasPrefix(a.text, "对")) {
				text := paras[o].text + text
				merged = append(merged, cand{at: o, n: 3, text: text, score: titleScore(text), class: titleClass(text)})
			}
		}
	}
	cands = append(cands, merged...)
	// The title is the first line of the best class: a reply's ending
	// first, then another title's ending, then anything title-like.
	best := -1
	for i, c := range cands {
		if best < 0 || c.class > cands[best].class ||
			c.class == cands[best].class && (c.at < cands[best].at || c.at == cands[best].at && c.n < cands[best].n) {
			best = i
		}
	}
	switch {
	case best >= 0 && (cands[best].class >= 2 || labelTitle == ""):
		h.title = cands[best].text
		h.weak = cands[best].class < 2
	case labelTitle != "":
		h.title, h.labelled = labelTitle, true
	}
	// Every line that is a title, or part of one, states the title.
	for _, c := range cands {
		if c.score >= 3 || c.text == h.title {
			for k := c.at; k < c.at+c.n; k++ {
				if idx := lineIndex(paras, k); idx >= 0 {
					h.lines[idx].Field = reply.FieldTitle
					if c.score < 3 {
						h.weakLines = append(h.weakLines, idx)
					}
				}
			}
		}
	}
	return h
}

// lineIndex maps a paragraph index of the header to its first line.
func lineIndex(paras []para, k int) int {
	idx := 0
	for i := 0; i < k; i++ {
		switch {
		case paras[i].table != nil:
			for _, row := range paras[i].table.Rows {
				if trim(strings.Join(row, "\t")) != "" {
					idx++
				}
			}
		case paras[i].image != nil:
			if paras[i].image.Alt != "" {
				idx++
			}
		default:
			idx++
		}
	}
	if paras[k].table != nil || paras[k].image != nil {
		return -1
	}
	return idx
}

// joinBroken joins the two lines of a broken title, dropping the spaces
// that letter-spaced lines carry (「答 复」).
func joinBroken(a, b string) string {
	if runeLen(stripSpaces(b)) <= 4 {
		b = stripSpaces(b)
	}
	return a + b
}

// classify reads one header line and returns the field it states.
// structured is true for a labelled line or a bullet, which is never the
// title line itself.
func (h *header) classify(text string, labelTitle *string) (field reply.Field, structured bool) {
	if segs := scanLabels(unbracketLabels(text), headerLabels, false); segs != nil {
		for _, sg := range segs {
			// A line whose labels state the title among others is a
			// title line: the reply's title is then stated by a line.
			f := h.store(sg, labelTitle)
			if field == reply.FieldNone || f == reply.FieldTitle {
				field = f
			}
		}
		return field, true
	}
	t := trim(strings.TrimLeft(text, "•·● "))
	if t != text {
		// A bullet of the information-disclosure block.
		switch {
		case isIndexNumber(t):
			setOnce(&h.indexNumber, t)
			return reply.FieldIndexNumber, true
		case isOfficeLine(para{text: t}):
			return reply.FieldOffice, true
		}
		return reply.FieldNone, true
	}
	if isDocNumber(text) {
		// The number ends at 号; a category may follow it
		// (「某建函〔2023〕12号B类」, 「某发〔2020〕11号A类同意公开」).
		num, rest := splitDocNumber(text)
		setOnce(&h.docNumber, num)
		if c := leadingCategory(rest); c != "" && h.category == "" {
			h.category = c
		}
		return reply.FieldDocNumber, true
	}
	// 发文机关标志: 「某某县交通运输局」 or 「某某局文件」 above the title. A
	// line with 「关于」 is a title that a page followed with its site's
	// name (「关于…的答复--某某县农业农村局」), not an office.
	if !strings.Contains(text, "关于") && isOfficeLine(para{text: strings.TrimSuffix(text, "文件")}) {
		return reply.FieldOffice, false
	}
	return reply.FieldNone, false
}

// trimResidue trims the bars that table layouts leave around a line.
func trimResidue(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return isSpace(r) || r == '|' || r == '｜' })
}

// titleClass ranks a title line by its ending: 3 for a reply's (「答复」
// 「复函」), 2 for another title's (「建议」「通知」), else 1. A short line
// such as 「承办单位及答复」 with no 「关于」 or 「对」 ranks 1.
func titleClass(s string) int {
	t := stripSpaces(trimParenthetical(s))
	class := 1
	switch {
	case hasSuffixAny(t, replyEndings):
		class = 3
	case hasSuffixAny(t, titleEndings):
		class = 2
	}
	if runeLen(t) < 8 && !strings.Contains(t, "关于") && !strings.HasPrefix(t, "对") {
		class = 1
	}
	return class
}

// store keeps one labelled header value and returns the field it states.
func (h *header) store(sg segment, labelTitle *string) reply.Field {
	v := sg.value
	if v == "" {
		return reply.FieldNone
	}
	switch sg.kind {
	case lkIndex:
		setOnce(&h.indexNumber, v)
		return reply.FieldIndexNumber
	case lkOffice:
		if sg.label == "发布机构" {
			setOnce(&h.source, v)
		}
		return reply.FieldOffice
	case lkTitle:
		setOnce(labelTitle, v)
		return reply.FieldTitle
	case lkDocNumber:
		setOnce(&h.docNumber, v)
		return reply.FieldDocNumber
	case lkDate:
		return reply.FieldDate
	case lkPublished:
		if d, err := reply.ParseDate(v); err == nil && h.published == nil {
			h.published = &d
		}
		return reply.FieldPublished
	case lkSigner:
		setOnce(&h.signer, v)
		return reply.FieldSigner
	case lkCategory:
		if c := readCategory(v); c != "" {
			h.category = c
			return reply.FieldCategory
		}
	case lkProposers:
		h.proposers = append(h.proposers, readNames(v)...)
	case lkNone:
		if (sg.label == "主题词" || sg.label == "关键词") && h.keywords == nil {
			h.keywords = strings.FieldsFunc(v, func(r rune) bool { return isSpace(r) || strings.ContainsRune(",，;；、", r) })
		}
	}
	return reply.FieldNone
}

// classifyRow reads a row of a table above the salutation, such as an
// information-disclosure table (「索引号：|0000/2016-00031|分类：|…」), as a
// labelled line, a merged cell once, and returns the field it states.
func (h *header) classifyRow(row []string, labelTitle *string) reply.Field {
	field := reply.FieldNone
	for _, sg := range scanLabels(joinRow(row), headerLabels, false) {
		if f := h.store(sg, labelTitle); field == reply.FieldNone {
			field = f
		}
	}
	return field
}

// isIndexNumber reports an information-disclosure index number such as
// 「00529508X/2023-00092」.
func isIndexNumber(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case isDigit(r):
			digits++
		case r == '/' || r == '-' || r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return digits >= 6 && strings.ContainsAny(s, "/-")
}

// isDocNumber reports a document number line (发文字号): 「子交函〔2023〕34号」,
// 「汨规办提[2015]1号」, 「某发【2021】3号」: a short line with a bracketed
// year near its start.
func isDocNumber(s string) bool {
	if longer(s, 40) || hasAnyPunct(s) {
		return false
	}
	_, at := bracketYear(s)
	return at >= 0 && runeLen(s[:at]) <= 20
}

// bracketYear finds a year in brackets (〔2023〕, [2015], 【2021】, （2019）)
// and returns it and its byte offset, or -1.
func bracketYear(s string) (string, int) {
	for i := 0; i < len(s); i++ {
		// The brackets by their bytes: 〔 and 【 are E3 80 94 and
		// E3 80 90, ［ and （ EF BC BB and EF BC 88.
		j := 0
		switch s[i] {
		case '[', '(':
			j = i + 1
		case 0xE3:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x94 || s[i+2] == 0x90) {
				j = i + 3
			}
		case 0xEF:
			if i+2 < len(s) && s[i+1] == 0xBC && (s[i+2] == 0xBB || s[i+2] == 0x88) {
				j = i + 3
			}
		}
		if j == 0 {
			continue
		}
		k := j
		digits := 0
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
			digits++
		}
		if digits == 4 && k < len(s) && strings.ContainsRune("〕]】］)）", firstRune(s[k:])) && (s[j] == '1' || s[j] == '2') {
			return s[j:k], i
		}
	}
	return "", -1
}

// hasTitleEnding reports whether s ends as a title does, ignoring a
// trailing parenthetical (「…的答复（教育局）」).
func hasTitleEnding(s string) bool {
	s = stripSpaces(trimParenthetical(s))
	return hasSuffixAny(s, replyEndings) || hasSuffixAny(s, titleEndings)
}

// trimParenthetical drops a parenthetical at the end of s.
func trimParenthetical(s string) string {
	s = trim(s)
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "）") {
		return s
	}
	if i := strings.LastIndexAny(s, "(（"); i > 0 {
		return trim(s[:i])
	}
	return s
}

// titleScore says how much a header line looks like a reply's title: its
// ending (a reply's ending most), 「关于」 or 「对」, a number, its length.
func titleScore(s string) int {
	if hasAnyPunctEnd(s) || longer(s, 150) {
		return 0
	}
	t := stripSpaces(trimParenthetical(s))
	score := 0
	switch {
	case hasSuffixAny(t, replyEndings):
		score += 3
	case hasSuffixAny(t, titleEndings):
		score += 2
	}
	if strings.Contains(t, "关于") || strings.Contains(t, "關于") || strings.HasPrefix(t, "对") || strings.HasPrefix(t, "對") {
		score++
	}
	if containsChars(t, "号號") {
		score++
	}
	if runeLen(t) >= 8 {
		score++
	}
	if isDocNumber(s) {
		return 0
	}
	return score
}

// hasAnyPunctEnd reports a line that ends a sentence: not a title.
func hasAnyPunctEnd(s string) bool {
	r := lastRune(s)
	return isSentenceEnd(r) || r == '，' || r == ','
}

// kindOf tells the kind of notice from its title, salutation and opening.
func kindOf(title string, sal *salutation, opening string) reply.Kind {
	t := stripSpaces(title)
	replyTitle := containsAny(t, []string{"答复", "回复", "复函", "函复", "答復", "答覆", "回復", "復函", "协办意见", "会办意见", "會辦意見", "協辦意見"})
	if containsAny(t, []string{"通知", "公告", "通告"}) && !replyTitle {
		return reply.KindOther
	}
	answers := containsAny(opening, []string{"答复如下", "回复如下", "函复如下", "复函如下", "答復如下", "收悉", "已收悉", "意见如下", "意見如下", "已交由", "交由我", "转交我", "办理情况"})
	if !replyTitle && !answers {
		return reply.KindOther
	}
	if !replyTitle && sal == nil && !(containsAny(opening, answerPhrases) && namesProposal(opening)) {
		// With no salutation, the opening answers the proposal it names
		// (「在市人大八届二次会议上，人大代表王某提出…建议…现答复如下」).
		return reply.KindOther
	}
	byRole := reply.Kind("")
	if sal != nil && len(sal.addressees) > 0 {
		switch sal.addressees[0].Role {
		case reply.RoleMember:
			byRole = reply.KindProposalReply
		case reply.RoleDeputy:
			byRole = reply.KindSuggestionReply
		}
	}
	// The title first, then the opening (no word could run from one into
	// the other); an opening that names both kinds (「…的建议收悉。接到
	// 提案后…」) is told by the addressees' role.
	proposal := containsAny(opening, []string{"提案", "政协", "政協"})
	suggestion := containsAny(opening, []string{"建议", "建議", "议案", "議案", "人大"})
	switch {
	case containsAny(t, []string{"提案", "政协", "政協"}):
		return reply.KindProposalReply
	case containsAny(t, []string{"议案", "議案", "人大", "代表"}):
		return reply.KindSuggestionReply
	case containsAny(t, []string{"建议", "建議"}):
		// A proposal is often titled 「关于…的建议」: a title's 建议 alone
		// yields to the addressees' role (「…委员：」).
		if byRole == reply.KindProposalReply {
			return byRole
		}
		return reply.KindSuggestionReply
	case proposal && suggestion && byRole != "":
		return byRole
	case proposal:
		return reply.KindProposalReply
	case suggestion:
		return reply.KindSuggestionReply
	case byRole != "":
		return byRole
	}
	return reply.KindOther
}

// answerPhrases say that what follows answers the proposal.
var answerPhrases = []string{"答复如下", "回复如下", "函复如下", "复函如下", "答復如下", "答覆如下"}

// namesProposal reports an opening that names the proposal it answers by
// its session, its proposer or its title: 「在市人大八届二次会议上，人大代表
// 王某提出…」, 「您提出的关于…的建议的提案收悉」.
func namesProposal(opening string) bool {
	if _, _, _, ok := readSession(opening); ok {
		return true
	}
	return len(readProposers(nil, opening)) > 0 || readProposalTitle(opening) != ""
}

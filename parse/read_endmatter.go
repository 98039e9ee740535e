package parse

import (
	"errors"
	"fmt"
	"strings"

	"github.com/replykit/replykit/reply"
)

// trailerLabels are the labels of end-matter lines, longest first where
// one starts another.
var trailerLabels = []label{
	{"联系单位和联系人及电话", lkPersonPhone}, {"联系人姓名及电话", lkPersonPhone}, {"联系人及联系电话", lkPersonPhone},
	{"联系人及电话", lkPersonPhone}, {"联系人和电话", lkPersonPhone},
	{"联系单位", lkUnit}, {"联系人", lkPerson}, {"联系电话", lkPhone}, {"联系方式", lkPhone}, {"联系手机", lkPhone},
	{"承办人员", lkNone}, {"承办人", lkPerson}, {"经办人", lkPerson}, {"电话", lkPhone}, {"手机", lkPhone},
	{"抄送", lkCC}, {"抄报", lkCC}, {"附件", lkAttachments},
	{"答复类别", lkCategory}, {"办复类别", lkCategory}, {"办理类别", lkCategory}, {"类别", lkCategory},
	{"签发人", lkSigner},
	{"主管领导姓名", lkNone}, {"分管领导姓名", lkNone}, {"主管领导", lkNone}, {"分管领导", lkNone}, {"分管单位", lkNone}, {"承办单位", lkNone}, {"承办负责人", lkNone}, {"单位负责人", lkNone},
	{"直接经办人", lkNone}, {"负责人", lkNone}, {"邮政编码", lkNone}, {"邮编", lkNone}, {"备注", lkNone}, {"注", lkNone},
	{"代表反馈意见", lkNone}, {"委员反馈意见", lkNone}, {"审核人", lkNone}, {"核稿人", lkNone}, {"拟稿人", lkNone},
	{"主办单位", lkNone}, {"协办单位", lkNone}, {"办理单位", lkNone}, {"电子信箱", lkNone}, {"电子邮箱", lkNone},
	{"传真", lkNone}, {"地址", lkNone}, {"截止时间", lkNone},
}

// closingCues start a closing paragraph.
var closingCues = []string{
	"总之", "综上", "感谢", "感謝", "衷心感谢", "再次感谢", "非常感谢", "十分感谢", "特此", "此复", "此復", "专此", "專此",
	"以上答复", "以上回复", "以上意见", "以上函复", "以上办理", "以上是", "以上为", "如有不妥", "如有不当", "敬请", "恳请", "请批评", "对以上", "谢谢",
}

// closingWords mark a short paragraph as part of the closing.
var closingWords = []string{
	"感谢", "感謝", "关心和支持", "关心与支持", "关心支持", "宝贵意见", "寶貴意見", "批评指正", "如有不妥", "如不满意", "特此", "此复", "此復",
	"办理结果评价", "办理结果的评价", "对办理结果", "满意度",
}

// isClosingLike reports a paragraph that closes a reply: 「总之…」,
// 「感谢…关心和支持」, 「特此答复」, 「此复」, 「以上答复，如有不妥…」.
func isClosingLike(p para) bool {
	if p.table != nil || p.image != nil {
		return false
	}
	t := p.text
	if _, level, _ := reply.ReadMarker(t); level != reply.LevelNone {
		return false
	}
	if _, ok := hasPrefixAny(t, closingCues); ok && !longer(t, 300) {
		return true
	}
	// 「希望…」「欢迎…」「最后…」 close a reply as any short paragraph
	// does: by its words.
	return !longer(t, 120) && containsAny(t, closingWords)
}

// dateLine reads a line that is a date and nothing else: 「2017年3月16日」,
// 「二〇二二年六月二十日」, 「20211022」, 「2015416」. ok is false when the line
// is not date-shaped; err is set for a date-shaped line that does not read
// as one date (「2021112」, 「0二十六日」).
func dateLine(text string) (d reply.Date, err error, ok bool) {
	if !isDateShaped(text) {
		return reply.Date{}, nil, false
	}
	d, err = reply.ParseDate(text)
	return d, err, true
}

// isDateShaped reports whether dateLine reads text as a date line,
// without reading the date: numerals with 年月日 or date separators only.
func isDateShaped(text string) bool {
	if len(text) > 120 {
		return false
	}
	t := stripSpaces(text)
	n := runeLen(t)
	if n < 4 || n > 20 {
		return false
	}
	numerals, cjk, seps := 0, false, 0
	for _, r := range t {
		switch {
		case isNumeralRune(r):
			numerals++
		case r == '年' || r == '月' || r == '日' || r == '号':
			cjk = true
		case strings.ContainsRune("-./／．－", r):
			seps++
		default:
			return false
		}
	}
	allDigits := numerals == n && n >= 6 && n <= 8 && isDigit(firstRune(t))
	if numerals < 2 || !(cjk || allDigits || seps == 2 && numerals >= 6) {
		return false
	}
	// 「年」 or 「月」 makes a date; 「日」 alone only at the end (「0二十六日」,
	// a date with its year and month dropped).
	return !cjk || containsChars(t, "年月") || strings.HasSuffix(t, "日")
}

// errCutDate is a date written with 年 and 月 whose day lacks its 日, as
// the last line of the text: a text cut inside the date (「2018年7月3」),
// whose day cannot be known. (With lines after it, 「2021年5月6」 is read
// as written.)
var errCutDate = errors.New("the day has no 日 and nothing follows: the text is cut inside the date")

// isCutDate reports a date written with 年 and 月 that ends in a numeral
// of the day, with no 日 or 号 after it.
func isCutDate(text string) bool {
	t := stripSpaces(text)
	i := strings.LastIndex(t, "月")
	return strings.Contains(t, "年") && i >= 0 && i+len("月") < len(t) && isNumeralRune(lastRune(t))
}

// isOfficeLine reports a line that can be the issuing office of a
// signature: a short organisation name with no punctuation.
func isOfficeLine(p para) bool {
	if p.table != nil || p.image != nil || textLonger(p.text, 30) {
		return false
	}
	t := stripSpaces(p.text)
	if runeLen(t) < 2 || hasAnyPunct(t) || containsChars(t, "“”《》\"、") {
		return false
	}
	if _, ok := hasPrefixAny(t, closingCues); ok {
		return false
	}
	if isDateShaped(t) {
		return false
	}
	return hasSuffixAny(t, orgSuffixes)
}

// endLabel reads a labelled end-matter line: contact, CC, attachments,
// category, or another label (「分管领导：」, 「注：」). A line wrapped in
// parentheses (「（联系人：张三）」) is read inside them.
func endLabel(p para) ([]segment, bool) {
	if p.table != nil || p.image != nil || longer(p.text, 160) {
		return nil, false
	}
	t := unwrapParens(p.text)
	if segs := scanLabels(t, trailerLabels, true); segs != nil {
		return segs, true
	}
	// 「（此件公开发布）」: a short remark in parentheses.
	if t != p.text && runeLen(t) <= 20 && !hasAnyPunct(t) {
		return []segment{{kind: lkNone}}, true
	}
	return nil, false
}

// unwrapParens returns s without the parentheses around it.
func unwrapParens(s string) string {
	for _, pair := range [][2]string{{"(", ")"}, {"（", "）"}, {"(", "）"}, {"（", ")"}} {
		if strings.HasPrefix(s, pair[0]) && strings.HasSuffix(s, pair[1]) && len(s) > len(pair[0])+len(pair[1]) {
			return trim(s[len(pair[0]) : len(s)-len(pair[1])])
		}
	}
	return s
}

// endMatter is what the lines after the closing say.
type endMatter struct {
	lines       []reply.Line
	offices     []string
	date        reply.Date
	contact     reply.Contact
	cc          []string
	attachments []string
	category    reply.Category
	signer      string
	warnings    []reply.Warning
}

// maxAfterDate is how many lines may follow the signature date.
const maxAfterDate = 10

// findEndMatter finds where the end matter starts in paras[lo:]: the date
// of the signature (the last date line near the end), the office line(s)
// just before it (or just after it), and the labelled lines around them.
// It returns len(paras) when there is none.
func findEndMatter(paras []para, lo int) (start, dateAt int) {
	n := len(paras)
	dateAt = -1
	for j := n - 1; j >= lo && j >= n-1-maxAfterDate; j-- {
		p := paras[j]
		if p.table != nil || p.image != nil {
			break
		}
		if isDateShaped(p.text) {
			dateAt = j
			break
		}
		if _, ok := endLabel(p); ok || isOfficeLine(p) {
			continue
		}
		if longer(p.text, 80) {
			break
		}
	}
	k := n - 1
	if dateAt >= 0 {
		k = dateAt - 1
		for offices := 0; k >= lo && offices < 3 && isOfficeLine(paras[k]); k-- {
			offices++
		}
	}
	for offices := 0; k >= lo; k-- {
		if _, ok := endLabel(paras[k]); ok {
			continue
		}
		if dateAt < 0 && offices < 3 && isOfficeLine(paras[k]) {
			offices++
			continue
		}
		// Numbered attachment lines under an 「附件：」 line.
		if j := attachmentsAbove(paras, lo, k); j >= 0 {
			k = j
			continue
		}
		break
	}
	return k + 1, dateAt
}

// attachmentsAbove reports, when paras[k] is a numbered line in a run that
// an 「附件：」 line heads, the index of that line; else -1.
func attachmentsAbove(paras []para, lo, k int) int {
	j := k
	for j >= lo {
		if _, level, _ := reply.ReadMarker(paras[j].text); level != reply.LevelArabic {
			break
		}
		j--
	}
	if j == k || j < lo {
		return -1
	}
	if segs, ok := endLabel(paras[j]); ok && segs[0].kind == lkAttachments {
		return j
	}
	return -1
}

// readEndMatter reads the end-matter lines paras[start:], with the date at
// dateAt (or -1).
func readEndMatter(paras []para, start, dateAt int) endMatter {
	var em endMatter
	if start < len(paras) {
		em.lines = make([]reply.Line, 0, len(paras)-start)
	}
	officeAfter := dateAt >= 0 && dateAt+1 < len(paras) && (dateAt == start || !isOfficeLine(paras[dateAt-1])) && isOfficeLine(paras[dateAt+1])
	inAttachments := false
	for j := start; j < len(paras); j++ {
		p := paras[j]
		line := reply.Line{Text: p.text}
		switch {
		case j == dateAt:
			d, err, _ := dateLine(p.text)
			if err == nil && j == len(paras)-1 && isCutDate(p.text) {
				err = fmt.Errorf("signature date: %w", errCutDate)
			}
			if err == nil {
				em.date = d
				line.Field = reply.FieldDate
				break
			}
			code := CodeBadDate
			if errors.Is(err, reply.ErrAmbiguousDate) {
				code = CodeAmbiguousDate
			}
			em.warnings = append(em.warnings, reply.Warning{Code: code, Message: fmt.Sprintf("signature date %q: %v", p.text, errors.Unwrap(err)), Where: p.pos.String()})
		case inAttachments && isNumbered(p.text):
			em.attachments = append(em.attachments, trim(p.text[len(markerOf(p.text)):]))
			line.Field = reply.FieldAttachments
		case (dateAt < 0 || j < dateAt || officeAfter && j == dateAt+1) && isOfficeLine(p):
			em.offices = append(em.offices, p.text)
			line.Field = reply.FieldOffice
		default:
			segs, ok := endLabel(p)
			inAttachments = false
			if ok {
				line.Field = em.readSegments(segs)
				inAttachments = line.Field == reply.FieldAttachments
			}
		}
		em.lines = append(em.lines, line)
	}
	return em
}

// isNumbered reports a line that starts with an Arabic number marker (「1.」).
func isNumbered(s string) bool {
	_, level, _ := reply.ReadMarker(s)
	return level == reply.LevelArabic
}

// markerOf returns the section marker s starts with, or "".
func markerOf(s string) string {
	m, _, _ := reply.ReadMarker(s)
	return m
}

// readSegments stores what a labelled line states and returns the field of
// its first label that states one.
func (em *endMatter) readSegments(segs []segment) reply.Field {
	field := reply.FieldNone
	for _, sg := range segs {
		f := reply.FieldNone
		v := sg.value
		switch sg.kind {
		case lkUnit:
			f = reply.FieldContact
			setOnce(&em.contact.Unit, v)
		case lkPerson:
			f = reply.FieldContact
			setOnce(&em.contact.Person, joinPadded(v))
		case lkPhone:
			f = reply.FieldContact
			setOnce(&em.contact.Phone, v)
		case lkPersonPhone:
			f = reply.FieldContact
			unit, person, phone := splitContact(v)
			setOnce(&em.contact.Unit, unit)
			setOnce(&em.contact.Person, person)
			setOnce(&em.contact.Phone, phone)
		case lkCC:
			f = reply.FieldCC
			em.cc = append(em.cc, splitList(v)...)
		case lkAttachments:
			f = reply.FieldAttachments
			if m := markerOf(v); m != "" {
				v = trim(v[len(m):])
			}
			if v != "" {
				em.attachments = append(em.attachments, v)
			}
		case lkCategory:
			if c := readCategory(v); c != "" {
				f = reply.FieldCategory
				em.category = c
			}
		case lkSigner:
			f = reply.FieldSigner
			setOnce(&em.signer, v)
		}
		if field == reply.FieldNone {
			field = f
		}
	}
	return field
}

// setOnce sets *dst to v unless it is set already.
func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// joinPadded joins the characters of a name padded with spaces (「张 雷」).
func joinPadded(s string) string {
	f := strings.Fields(s)
	if len(f) == 2 && runeLen(f[0]) == 1 && runeLen(f[1]) == 1 {
		return f[0] + f[1]
	}
	return s
}

// splitContact splits 「张春明 0871-67785176」 or 「县林业和草原局 黑绍刚
// 3123363」 into unit, person and phone.
func splitContact(v string) (unit, person, phone string) {
	fields := strings.FieldsFunc(v, func(r rune) bool { return isSpace(r) || strings.ContainsRune(",，;；、", r) })
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		switch {
		case isPhone(f):
			if phone == "" {
				phone = f
			}
		case hasSuffixAny(f, orgSuffixes) && longer(f, 3):
			if unit == "" {
				unit = f
			}
		case person == "":
			if runeLen(f) == 1 && i+1 < len(fields) && runeLen(fields[i+1]) == 1 {
				f += fields[i+1]
				i++
			}
			person = f
		}
	}
	return unit, person, phone
}

// isPhone reports a telephone number: digits with dashes or brackets.
func isPhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case isDigit(r):
			digits++
		case strings.ContainsRune("-－—─()（）+ ", r):
		default:
			return false
		}
	}
	return digits >= 5
}

// splitList splits a CC list: 「市督查局 市政协提案委」, 「县人大人事委、县政府办公室」.
func splitList(v string) []string {
	v = strings.TrimRight(v, "。.")
	return strings.FieldsFunc(v, func(r rune) bool { return isSpace(r) || strings.ContainsRune(",，;；、", r) })
}

// readCategory reads the answer category letter from 「A类」「B」「Ｃ类」.
func readCategory(v string) reply.Category {
	for _, r := range v {
		switch r {
		case 'A', 'Ａ':
			return reply.CategoryA
		case 'B', 'Ｂ':
			return reply.CategoryB
		case 'C', 'Ｃ':
			return reply.CategoryC
		case ' ', '类', '類':
			continue
		}
		return ""
	}
	return ""
}

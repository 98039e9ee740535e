package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// The structure reader's line tests, as they read before their byte scans
// and early rejects: each must still say what its reference says, on
// random lines made of the words they look for.

func refIsClosingLike(p para) bool {
	if p.table != nil || p.image != nil {
		return false
	}
	t := p.text
	if _, level, _ := reply.ReadMarker(t); level != reply.LevelNone {
		return false
	}
	n := utf8.RuneCountInString(t)
	if _, ok := hasPrefixAny(t, closingCues); ok && n <= 300 {
		return true
	}
	if _, ok := hasPrefixAny(t, []string{"希望", "欢迎", "最后", "再次"}); ok && n <= 120 && refContainsAny(t, closingWords) {
		return true
	}
	return n <= 120 && refContainsAny(t, closingWords)
}

func refContainsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func refIsOfficeLine(p para) bool {
	if p.table != nil || p.image != nil {
		return false
	}
	t := stripSpaces(p.text)
	n := utf8.RuneCountInString(t)
	if n < 2 || n > 30 || refHasAnyPunct(t) || strings.ContainsAny(t, "“”《》\"、") {
		return false
	}
	if _, ok := hasPrefixAny(t, closingCues); ok {
		return false
	}
	if _, _, ok := dateLine(t); ok {
		return false
	}
	return hasSuffixAny(t, orgSuffixes)
}

func refHasAnyPunct(s string) bool {
	for _, r := range s {
		if isPunct(r) {
			return true
		}
	}
	return false
}

func refIsHeaderLine(p para) bool {
	if p.table != nil {
		return true
	}
	if p.image != nil {
		return false
	}
	if _, level, _ := reply.ReadMarker(p.text); level != reply.LevelNone {
		return false
	}
	return utf8.RuneCountInString(p.text) <= 100 && !hasAnyPunctEnd(p.text) && !strings.ContainsAny(p.text, "。；;")
}

func refSplitHeading(rest string) (heading, body string, runIn bool) {
	if rest == "" {
		return "", "", false
	}
	if _, ok := startsWithMarker(rest, []string{"一是", "一要", "首先"}); ok {
		return "", rest, true
	}
	end, n := -1, 0
	for i, r := range rest {
		n++
		if isSentenceEnd(r) {
			end = i + len(string(r))
			break
		}
	}
	switch {
	case end < 0 || end == len(rest):
		if utf8.RuneCountInString(rest) <= maxOwnHeading {
			return rest, "", false
		}
		return "", rest, true
	case n <= maxRunInHeading && !strings.ContainsAny(rest[:end], "我您你"):
		return rest[:end], trim(rest[end:]), true
	}
	return "", rest, true
}

func refLeadOf(t string) string {
	for i, r := range t {
		if isSentenceEnd(r) {
			if i+utf8.RuneLen(r) >= len(t) {
				return ""
			}
			return t[:i]
		}
	}
	return ""
}

func refBracketYear(s string) (string, int) {
	for i, r := range s {
		if !strings.ContainsRune("〔[【［(（", r) {
			continue
		}
		j := i + len(string(r))
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

func refReadSession(s string) (body string, term, session int, ok bool) {
	for off := 0; off < len(s); {
		i := strings.IndexAny(s[off:], "届屆")
		if i < 0 {
			return "", 0, 0, false
		}
		i += off
		off = i + len("届")
		numStart := i
		for numStart > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:numStart])
			if !isNumeralRune(r) {
				break
			}
			numStart -= size
		}
		if numStart == i {
			continue
		}
		t, err := reply.ParseNumeral(s[numStart:i])
		if err != nil || t <= 0 || t > 99 {
			continue
		}
		preEnd := numStart
		if strings.HasSuffix(s[:preEnd], "第") {
			preEnd -= len("第")
		}
		preStart := preEnd
		for n := 0; preStart > 0 && n < 16; n++ {
			r, size := utf8.DecodeLastRuneInString(s[:preStart])
			if !isHan(r) || strings.ContainsRune(prefixStops, r) {
				break
			}
			preStart -= size
		}
		rest := s[off:]
		infixEnd, sess := 0, 0
		for j := 0; j < len(rest) && utf8.RuneCountInString(rest[:j]) <= 12; {
			r, size := utf8.DecodeRuneInString(rest[j:])
			if isNumeralRune(r) || r == '第' {
				k := j
				if r == '第' {
					k += size
				}
				e := k
				for e < len(rest) {
					r2, s2 := utf8.DecodeRuneInString(rest[e:])
					if !isNumeralRune(r2) {
						break
					}
					e += s2
				}
				if strings.HasPrefix(rest[e:], "次") {
					if n, err := reply.ParseNumeral(rest[k:e]); err == nil && n > 0 && n < 50 {
						sess = n
					}
					infixEnd = j
					break
				}
				if r == '第' && e == k {
					infixEnd = j
					break
				}
			}
			if !isHan(r) {
				infixEnd = j
				break
			}
			j += size
			infixEnd = j
		}
		infix := rest[:infixEnd]
		if sess == 0 && !strings.HasPrefix(rest[infixEnd:], "第") {
			infix = trimAfterBody(infix)
		}
		b := s[preStart:preEnd]
		if !refContainsAny(b, bodyWords) {
			b += infix
		}
		if !refContainsAny(b, bodyWords) {
			continue
		}
		return b, t, sess, true
	}
	return "", 0, 0, false
}

func refReadNumber(s string) string {
	for off := 0; off < len(s); {
		i := strings.Index(s[off:], "第")
		if i < 0 {
			break
		}
		i += off + len("第")
		off = i
		if d, rest := digitsAt(s[i:]); d != "" && hasPrefixAny2(rest, "号", "號") {
			return d
		}
	}
	for _, open := range []string{"〔", "[", "【"} {
		for off := 0; off < len(s); {
			i := strings.Index(s[off:], open)
			if i < 0 {
				break
			}
			i += off + len(open)
			off = i
			d, rest := digitsAt(s[i:])
			if d == "" || len(d) == 4 && (d[0] == '1' || d[0] == '2') {
				continue
			}
			if _, size := utf8.DecodeRuneInString(rest); size > 0 && strings.ContainsRune("〕]】", firstRune(rest)) && hasPrefixAny2(rest[size:], "号", "號") {
				return d
			}
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(r) {
			i += size
			continue
		}
		d, rest := digitsAt(s[i:])
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		i += len(d)
		if strings.ContainsRune("〕]】）)", before) || i-len(d) > 0 && isDigit(before) {
			continue
		}
		rest, ok := strings.CutPrefix(rest, "号")
		if !ok {
			continue
		}
		if _, yes := hasPrefixAny(rest, []string{"提案", "建议", "代表建议", "议案", "建议案", ")", "）"}); yes {
			return d
		}
	}
	return ""
}

func refReadProposalTitle(s string) string {
	for i, r := range s {
		for _, q := range quotePairs {
			if r != q[0] {
				continue
			}
			c := quoted(s[i+len(string(r)):], q)
			after := s[i+len(string(r))+len(c):]
			if _, size := utf8.DecodeRuneInString(after); size > 0 {
				after = after[size:]
			}
			c = trim(c)
			if utf8.RuneCountInString(c) < 4 {
				continue
			}
			if strings.HasPrefix(c, "关于") || strings.HasPrefix(c, "關于") || hasSuffixAny(c, proposalEndings) {
				return c
			}
			if _, ok := hasPrefixAny(after, proposalFollowers); ok {
				return c
			}
		}
	}
	i := strings.Index(s, "提出的")
	if i < 0 {
		return ""
	}
	rest := s[i+len("提出的"):]
	if !strings.HasPrefix(rest, "关于") {
		return ""
	}
	end := len(rest)
	for _, stop := range []string{"已收悉", "收悉", "已交由", "交由", "已转", "办理情况", ",", "，", "。"} {
		if j := indexOutsideQuotes(rest, stop); j > 0 && j < end {
			end = j
		}
	}
	return trim(rest[:end])
}

func refReadProposers(sal *salutation, opening string) []string {
	head := opening
	for i, n := 0, 0; i < len(head); n++ {
		if n == 60 {
			head = head[:i]
			break
		}
		_, size := utf8.DecodeRuneInString(head[i:])
		i += size
	}
	if sal != nil && sal.person && refContainsAny(head, []string{"你", "您"}) {
		names := make([]string, len(sal.addressees))
		for i, a := range sal.addressees {
			names[i] = a.Name
		}
		return names
	}
	for _, w := range []string{"代表提出", "委员提出", "委員提出"} {
		i := strings.Index(opening, w)
		if i <= 0 {
			continue
		}
		j := i
		for n := 0; j > 0 && n < 4; n++ {
			r, size := utf8.DecodeLastRuneInString(opening[:j])
			if !isHan(r) {
				break
			}
			j -= size
		}
		if name := opening[j:i]; isName(name) {
			return []string{name}
		}
	}
	return nil
}

func refReadSalutation(line string) (salutation, bool) {
	head, rest, colon := line, "", false
	if i := strings.IndexAny(line, ":："); i >= 0 {
		head = line[:i]
		_, size := utf8.DecodeRuneInString(line[i:])
		rest = trim(line[i+size:])
		colon = true
	}
	head = trim(head)
	if head == "" || utf8.RuneCountInString(head) > 120 {
		return salutation{}, false
	}
	text := line
	if rest != "" {
		text = trim(line[:len(line)-len(rest)])
	}
	core := head
	for _, p := range []string{"尊敬的", "尊敬"} {
		core = strings.TrimPrefix(core, p)
	}
	for _, s := range []string{"您好", "你好"} {
		core = strings.TrimSuffix(core, s)
	}
	core = trim(core)
	for _, ro := range roles {
		names, ok := strings.CutSuffix(core, ro.text)
		if !ok {
			continue
		}
		list := refReadNames(names)
		if len(list) == 0 {
			return salutation{}, false
		}
		if rest != "" && utf8.RuneCountInString(rest) < 8 {
			return salutation{}, false
		}
		sal := salutation{text: text, rest: rest, person: true}
		for _, n := range list {
			sal.addressees = append(sal.addressees, reply.Addressee{Name: n, Role: ro.role})
		}
		return sal, true
	}
	if !colon || rest != "" || utf8.RuneCountInString(core) > 60 || strings.ContainsAny(core, "。；;！!？?“”《》\"") {
		return salutation{}, false
	}
	var orgs []reply.Addressee
	for _, part := range strings.FieldsFunc(core, func(r rune) bool { return r == '，' || r == ',' }) {
		part = trim(part)
		if part == "" || utf8.RuneCountInString(part) > 40 || !isOrg(part) {
			return salutation{}, false
		}
		sub := strings.Split(part, "、")
		all := len(sub) > 1
		for _, x := range sub {
			all = all && isOrg(x)
		}
		if !all {
			sub = []string{part}
		}
		for _, x := range sub {
			orgs = append(orgs, reply.Addressee{Name: trim(x), Role: reply.RoleOrganization})
		}
	}
	if len(orgs) == 0 {
		return salutation{}, false
	}
	return salutation{text: text, addressees: orgs}, true
}

func refKindOf(title string, sal *salutation, opening string) reply.Kind {
	t := stripSpaces(title)
	replyTitle := refContainsAny(t, []string{"答复", "回复", "复函", "函复", "答復", "答覆", "回復", "復函", "协办意见", "会办意见", "會辦意見", "協辦意見"})
	replyOpening := refContainsAny(opening, []string{"答复如下", "回复如下", "函复如下", "复函如下", "答復如下", "收悉", "已收悉", "意见如下", "意見如下", "已交由", "交由我", "转交我", "办理情况"})
	if refContainsAny(t, []string{"通知", "公告", "通告"}) && !replyTitle {
		return reply.KindOther
	}
	if !replyTitle && (sal == nil || !replyOpening) {
		return reply.KindOther
	}
	probe := t + "\n" + opening
	switch {
	case refContainsAny(t, []string{"提案", "政协", "政協"}):
		return reply.KindProposalReply
	case refContainsAny(t, []string{"建议", "建議", "议案", "議案", "人大", "代表"}):
		return reply.KindSuggestionReply
	case refContainsAny(probe, []string{"提案", "政协", "政協"}):
		return reply.KindProposalReply
	case refContainsAny(probe, []string{"建议", "建議", "议案", "議案", "人大"}):
		return reply.KindSuggestionReply
	}
	if sal != nil && len(sal.addressees) > 0 {
		switch sal.addressees[0].Role {
		case reply.RoleMember:
			return reply.KindProposalReply
		case reply.RoleDeputy:
			return reply.KindSuggestionReply
		}
	}
	return reply.KindOther
}

func refMatchLabel(s string, labels []label, colon bool) (label, int, bool) {
	for _, l := range labels {
		n := matchSpaced(s, l.text)
		if n < 0 {
			continue
		}
		if rest, ok := cutColonSpaced(s[n:]); ok {
			return l, len(s) - len(rest), true
		}
		if colon {
			continue
		}
		return l, n, true
	}
	return label{}, 0, false
}

// readerPieces are the words the line tests look for, with the marks,
// numbers, brackets and white space around them.
var readerPieces = []string{
	"届", "屆", "十", "三", "二十", "第", "次", "会议", "政协", "政協", "人大", "县", "委员会", "号", "號", "提案", "建议", "议案",
	"〔", "〕", "[", "]", "【", "】", "［", "］", "（", "）", "(", ")", "2021", "064", "12", "7", "０", "１", "“", "”", "《",
	"》", "\"", "「", "」", "关于", "提出的", "收悉", "已收悉", "交由", ",", "，", "。", "；", "：", ":", "！", "答复", "复函",
	"通知", "总之", "感谢", "关心和支持", "此复", "希望", "最后", "局", "办公室", "县民政局", "2017年3月16日", "、", "你们",
	"您", "委员", "代表", "代表提出", "涂轶", "李勇", "魏", "娜", "尊敬的", "您好", "等", "2名", "联系人", "联 系 人", "電話",
	"索引号", "发布机构", "附件", "抄送", "一、", "1.", "（一）", " ", "\u3000", "\u00a0", "\t", "|", "｜", "\xff", "\xe4\xb8",
	"中", "文", "的", "一是", "a",
}

// TestLineTestsMatchReferences checks the structure reader's line tests
// against their references on random lines.
func TestLineTestsMatchReferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 1))
	line := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(readerPieces[rng.IntN(len(readerPieces))])
		}
		return b.String()
	}
	for k := range 20000 {
		n := rng.IntN(16)
		if k%10 == 0 {
			n = 40 + rng.IntN(120)
		}
		s := line(n)
		p := para{text: s}
		require.Equal(t, refIsClosingLike(p), isClosingLike(p), "isClosingLike %q", s)
		require.Equal(t, refIsOfficeLine(p), isOfficeLine(p), "isOfficeLine %q", s)
		require.Equal(t, refIsHeaderLine(p), isHeaderLine(p), "isHeaderLine %q", s)
		require.Equal(t, utf8.RuneCountInString(s) > 100 || strings.Contains(s, "。"), isParagraphLike(s), "isParagraphLike %q", s)
		h, b, r := refSplitHeading(s)
		h2, b2, r2 := splitHeading(s)
		require.Equal(t, []any{h, b, r}, []any{h2, b2, r2}, "splitHeading %q", s)
		require.Equal(t, refLeadOf(s), leadOf(s), "leadOf %q", s)
		y, at := refBracketYear(s)
		y2, at2 := bracketYear(s)
		require.Equal(t, []any{y, at}, []any{y2, at2}, "bracketYear %q", s)
		body, term, sess, ok := refReadSession(s)
		body2, term2, sess2, ok2 := readSession(s)
		require.Equal(t, []any{body, term, sess, ok}, []any{body2, term2, sess2, ok2}, "readSession %q", s)
		require.Equal(t, refReadNumber(s), readNumber(s), "readNumber %q", s)
		require.Equal(t, refReadProposalTitle(s), readProposalTitle(s), "readProposalTitle %q", s)
		sal, ok := refReadSalutation(s)
		sal2, ok2 := readSalutation(s)
		require.Equal(t, ok, ok2, "readSalutation %q", s)
		require.Equal(t, sal, sal2, "readSalutation %q", s)
		var salp *salutation
		if ok {
			salp = &sal
		}
		opening := line(rng.IntN(30))
		require.Equal(t, refKindOf(s, salp, opening), kindOf(s, salp, opening), "kindOf %q %q", s, opening)
		require.Equal(t, refReadProposers(salp, opening), readProposers(salp, opening), "readProposers %q", opening)
		for _, labels := range [][]label{headerLabels, trailerLabels} {
			for _, colon := range []bool{false, true} {
				l, n, ok := refMatchLabel(s, labels, colon)
				l2, n2, ok2 := matchLabel(s, labels, colon)
				require.Equal(t, []any{l, n, ok}, []any{l2, n2, ok2}, "matchLabel %q", s)
			}
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		require.Equal(t, strings.ContainsRune("〇○零一二三四五六七八九十百两", r) || isDigit(r), isNumeralRune(r), "%U", r)
		require.Equal(t, isSpace(r) || strings.ContainsRune("|｜;；,，", r), isLabelSep(r), "%U", r)
	}
}

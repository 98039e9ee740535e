package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
)

// bodyWords name the bodies proposals and suggestions are made to.
var bodyWords = []string{"政协", "政協", "人大", "人民代表大会", "人民代表大會", "委员会", "委員會", "政治协商会议", "政治協商會議"}

// prefixStops end the place name before a term (「你们在县政协…」 stops at 在).
const prefixStops = "对對于在向的年是了和与與及为為将將把从從由你您们們我经經之复復函"

// readSession finds 「县政协十届一次会议」, 「县第十八届人大第一次会议」,
// 「政协子洲县第十届委员会第二次会议」 or 「十三届全国人大二次会议」 in s and
// returns the body as written (without term and session), the term and
// the session. ok is false when s names no term of a body.
func readSession(s string) (body string, term, session int, ok bool) {
	for off := 0; off < len(s); {
		i, _ := indexFirst(s[off:], "届", "屆")
		if i < 0 {
			return "", 0, 0, false
		}
		i += off
		off = i + len("届")
		// The term's numeral, and 第 before it.
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
		// After 届: the body's name, then 「第N次」 or 「N次」.
		rest := s[off:]
		infixEnd, sess := 0, 0
		// runes counts the characters of rest[:j]: twelve at most. White
		// space inside (「人民代表大会 第三次会议」) is layout, passed over.
		for j, runes := 0, 0; j < len(rest) && runes <= 12; runes++ {
			if k := spaceAt(rest, j); k > 0 && j > 0 {
				j += k
				continue
			}
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
					// 「第次会议」: the session left out.
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
		if !containsAny(b, bodyWords) {
			b += stripSpaces(infix)
		}
		if !containsAny(b, bodyWords) && sess > 0 {
			// 「市九届二次会议人大第8号意见」: the body after the session.
			b += bodyAfterSession(rest[infixEnd:])
		}
		if !containsAny(b, bodyWords) {
			continue
		}
		return b, t, sess, true
	}
	return "", 0, 0, false
}

// bodyAfterSession returns the body named right after 「第N次会议」, as in
// 「市九届二次会议人大第8号意见」, or "".
func bodyAfterSession(s string) string {
	_, after, ok := strings.Cut(s, "次会议")
	if !ok || strings.Index(s, "次会议") > len("第十二") {
		return ""
	}
	for _, w := range []string{"人大", "政协"} {
		if strings.HasPrefix(after, w) {
			return w
		}
	}
	return ""
}

// trimAfterBody cuts what follows a body's name when no session follows
// it: 「人大代表建议」 → 「人大」.
func trimAfterBody(s string) string {
	best := -1
	for _, w := range bodyWords {
		if i := strings.Index(s, w); i >= 0 && i+len(w) > best {
			best = i + len(w)
		}
	}
	if best < 0 {
		return s
	}
	return s[:best]
}

// readNumber finds the proposal's number: 「第73号」, 「第0487号」, 「〔064〕号」,
// 「49号提案」, 「(72号)」. The digits are kept as written.
func readNumber(s string) string {
	// 第N号
	for off := 0; off < len(s); {
		i := indexWide(s[off:], "第")
		if i < 0 {
			break
		}
		i += off + len("第")
		off = i
		// 「第 23 号」: spaces of the layout around the number.
		if d, rest := codeAt(strings.TrimLeft(s[i:], " ")); d != "" && hasPrefixAny2(strings.TrimLeft(rest, " "), "号", "號") {
			return d
		}
	}
	// 〔064〕号: a bracketed number that is not a year.
	for _, open := range []string{"〔", "[", "【"} {
		for off := 0; off < len(s); {
			i := indexWide(s[off:], open)
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
	// N号提案, N号建议, (N号): digits not after a closing bracket.
	for i := 0; i < len(s); {
		// A digit starts with 0-9, or EF for ０ to ９; any other byte
		// starts no digit, and no such byte is part of one.
		if c := s[i]; c != 0xEF && (c < '0' || c > '9') {
			i++
			continue
		}
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
			if rest, ok = strings.CutPrefix(rest, "號"); !ok {
				continue
			}
		}
		if _, yes := hasPrefixAny(rest, []string{"提案", "建议", "代表建议", "议案", "建议案", ")", "）"}); yes {
			return d
		}
	}
	return ""
}

// maxRecordNumber is the longest number a record table's line may be.
const maxRecordNumber = 6

// fillFromRecord fills what p lacks from the lines of a record table above
// the salutation: a line that names a session alone (「县人大十八届二次会
// 议」) gives the body, term and session, and a line of digits alone right
// after it the number.
func fillFromRecord(p *reply.Proposal, lines []reply.Line) {
	for i, l := range lines {
		body, term, session, ok := readSession(l.Text)
		if !ok || textLonger(l.Text, 20) {
			continue
		}
		if p.Body == "" && p.Term == 0 {
			p.Body, p.Term, p.Session = body, term, session
		}
		if p.Number == "" && i+1 < len(lines) {
			if d := trim(lines[i+1].Text); d != "" && len(d) <= maxRecordNumber && strings.TrimFunc(d, isDigit) == "" {
				p.Number = d
			}
		}
		return
	}
}

// maxNumberLetters is how many Latin letters may lead a proposal's
// number (「第A015号」, 「第AB0123号」: a series or a sector).
const maxNumberLetters = 3

// codeAt returns the number at the start of s as written — digits, led by
// up to maxNumberLetters capital Latin letters — and what follows.
func codeAt(s string) (string, string) {
	i := 0
	for i < len(s) && i < maxNumberLetters && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	d, rest := digitsAt(s[i:])
	if d == "" {
		return "", s
	}
	return s[:i+len(d)], rest
}

// hasPrefixAny2 reports whether s starts with a or b.
func hasPrefixAny2(s, a, b string) bool { return strings.HasPrefix(s, a) || strings.HasPrefix(s, b) }

// digitsAt returns the run of digits at the start of s and what follows.
func digitsAt(s string) (string, string) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(r) {
			break
		}
		i += size
	}
	return s[:i], s[i:]
}

// quotePairs are the marks that quote a proposal's title.
var quotePairs = [][2]rune{{'“', '”'}, {'《', '》'}, {'"', '"'}, {'「', '」'}}

// proposalEndings end the title of a proposal or suggestion.
var proposalEndings = []string{"建议", "提案", "议案", "意见", "问题", "建議", "議案", "建议案"}

// proposalFollowers follow a quoted proposal title whose words do not
// say it is one: 「《解决…事项》第37号建议」, 「“…”的建议收悉」.
var proposalFollowers = []string{"提案", "建议", "议案", "的提案", "的建议", "的议案", "第", "(第", "（第", "收悉", "已收悉", "建議", "的建議"}

// readProposalTitle finds the proposal's own title in the opening: the
// first quoted title (「“关于…的建议”提案收悉」, 《关于…的建议》), else the
// words after 「提出的」 up to 「收悉」 (「提出的关于…的提案已收悉」).
func readProposalTitle(s string) string {
	// The title named after 「提出的」 wins over a quoted title after it
	// (「您提出的关于…的建议收悉…按照《…指导意见》…」).
	plain, at := proposalAfterTiChu(s)
	limit := len(s)
	if plain != "" {
		limit = at
	}
	for i := 0; i < limit; i++ {
		// An opening quote starts with ", E2 (“) or E3 (《「): the
		// other bytes are passed over without a rune decode.
		if c := s[i]; c != '"' && c != 0xE2 && c != 0xE3 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
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
			if runeLen(c) < 4 {
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
	return plain
}

// maxPlainTitle is the longest title read after 「提出的」 up to 「收悉」.
const maxPlainTitle = 80

// proposalAfterTiChu reads the title after 「提出的」 (「提出的关于…的提案
// 已收悉」) and returns it with the offset of 「提出的」, or "" and -1. It
// runs to 「收悉」 or 「交由」 when that comes within a sentence, a trailing
// 「的提案」 after a proposal's own ending dropped (「…的建议的提案收悉」),
// else to the first comma.
func proposalAfterTiChu(s string) (string, int) {
	i := strings.Index(s, "提出的")
	if i < 0 {
		return "", -1
	}
	rest := s[i+len("提出的"):]
	if !strings.HasPrefix(rest, "关于") {
		return "", -1
	}
	end := len(rest)
	for _, stop := range []string{"已收悉", "收悉", "已交由", "交由", "已转", "办理情况"} {
		if j := indexOutsideQuotes(rest, stop); j > 0 && j < end {
			end = j
		}
	}
	if t := trim(rest[:end]); end < len(rest) && !longer(t, maxPlainTitle) && !containsChars(t, "。；;") {
		if head, ok := strings.CutSuffix(t, "的提案"); ok && hasSuffixAny(head, proposalEndings) {
			t = head
		}
		return t, i
	}
	for _, stop := range []string{",", "，", "。"} {
		if j := indexOutsideQuotes(rest, stop); j > 0 && j < end {
			end = j
		}
	}
	return trim(rest[:end]), i
}

// indexOutsideQuotes is strings.Index that skips text inside “…”.
func indexOutsideQuotes(s, sub string) int {
	depth := 0
	for i, r := range s {
		switch r {
		case '“':
			depth++
		case '”':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 && strings.HasPrefix(s[i:], sub) {
				return i
			}
		}
	}
	return -1
}

// quoted returns the text up to the mark that closes q, nested quotes
// kept; "" when it is not closed.
func quoted(s string, q [2]rune) string {
	depth := 1
	for i, r := range s {
		switch {
		case r == q[1] && (q[0] != q[1] || depth == 1):
			depth--
			if depth == 0 {
				return s[:i]
			}
		case r == q[0]:
			depth++
		}
	}
	return ""
}

// readProposers finds the proposers: the addressees when the opening says
// 「你们/您…提出」, else a name before 「代表提出」「委员提出」.
func readProposers(sal *salutation, opening string) []string {
	head := opening
	for i, n := 0, 0; i < len(head); n++ {
		if n == 60 {
			head = head[:i]
			break
		}
		_, size := utf8.DecodeRuneInString(head[i:])
		i += size
	}
	if sal != nil && sal.person && containsAny(head, []string{"你", "您"}) {
		names := make([]string, len(sal.addressees))
		for i, a := range sal.addressees {
			names[i] = a.Name
		}
		return names
	}
	// 「人大代表王某某提出…」: the name between the role and 提出.
	for _, w := range []string{"代表", "委员", "委員"} {
		i := indexWide(head, w)
		if i < 0 {
			continue
		}
		after := head[i+len(w):]
		j := strings.Index(after, "提出")
		if j <= 0 {
			continue
		}
		if name := after[:j]; isName(name) {
			return []string{name}
		}
	}
	for _, w := range []string{"代表提出", "委员提出", "委員提出"} {
		i := indexWide(opening, w)
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

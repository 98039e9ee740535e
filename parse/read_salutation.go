package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
)

// salutation is a salutation line as read: the line as written, what runs
// on after it on the same line, and the addressees.
type salutation struct {
	text       string // the salutation as written, colon included
	rest       string // the paragraph that runs on after it, if any
	addressees []reply.Addressee
	person     bool // addressed to people by role, not to organisations
}

// roles are the titles a salutation gives people, and the role each is.
var roles = []struct {
	text string
	role reply.Role
}{
	{"委员", reply.RoleMember}, {"委員", reply.RoleMember}, {"代表", reply.RoleDeputy},
	{"同志", reply.RoleComrade}, {"先生", "先生"}, {"女士", "女士"},
}

// notNames are words that stand before a role without naming anyone:
// 「领衔代表」, 「各位委员」.
var notNames = []string{"领衔", "附议", "联名", "各位", "全体", "广大", "人大", "政协", "提案", "建议", "有关", "相关", "列席", "市级", "县级"}

// orgSuffixes end the names of organisations addressed or signing.
var orgSuffixes = []string{
	"委", "局", "府", "办", "处", "厅", "部", "院", "会", "室", "中心", "公司", "街道", "单位", "机构", "部门",
	"党组", "支部", "总支", "站", "所", "队", "社", "团", "校", "馆", "署", "办事处", "分局", "支队", "大队", "小组",
	"局", "委員會", "單位", "辦", "廳", "處",
}

// readSalutation reads a salutation at the start of a line: 「涂轶、李勇委员:」,
// 「尊敬的王风科代表:」, 「王小康等2名代表:」, 「陈云会代表」 (no colon),
// 「民建县委:」 (an organisation), or a salutation that runs on into the
// paragraph (「韩忠国等代表: 您在…」).
func readSalutation(line string) (salutation, bool) {
	head, rest, colon := line, "", false
	if i, _ := indexFirst(line, ":", "："); i >= 0 {
		head = line[:i]
		_, size := utf8.DecodeRuneInString(line[i:])
		rest = trim(line[i+size:])
		colon = true
	}
	head = trim(head)
	if head == "" || longer(head, 120) {
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
		// A person's name is read past pinyin annotations (「韓忠國(guó)」);
		// an organisation's is kept as written.
		names, ok := strings.CutSuffix(dropPinyin(core), ro.text)
		if !ok {
			continue
		}
		// A salutation that runs on must be followed by a real sentence.
		if rest != "" && !longer(rest, 7) {
			return salutation{}, false
		}
		list := readNames(names)
		if len(list) == 0 {
			return salutation{}, false
		}
		sal := salutation{text: text, rest: rest, person: true, addressees: make([]reply.Addressee, len(list))}
		for i, n := range list {
			sal.addressees[i] = reply.Addressee{Name: n, Role: ro.role}
		}
		return sal, true
	}
	// An organisation: the whole line, ending in a colon.
	if !colon || rest != "" || longer(core, 60) || containsChars(core, "。；;！!？?“”《》\"") {
		return salutation{}, false
	}
	var orgs []reply.Addressee
	for _, part := range strings.FieldsFunc(core, func(r rune) bool { return r == '，' || r == ',' }) {
		part = trim(part)
		if part == "" || longer(part, 40) || !isOrg(part) {
			return salutation{}, false
		}
		// 「县政府有关部门、有关直属机构」 are two; 「各县、区人民政府」 one;
		// 「各承办（主办、协办）单位」 one, its 、 inside parentheses.
		sub := splitOutsideParens(part, '、')
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

// splitOutsideParens splits s at each sep that stands outside
// parentheses.
func splitOutsideParens(s string, sep rune) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + len(string(sep))
			}
		}
	}
	return append(out, s[start:])
}

// isOrg reports a name that ends as organisations' names do.
func isOrg(s string) bool {
	t := stripSpaces(s)
	return runeLen(t) >= 2 && hasSuffixAny(t, orgSuffixes)
}

// isSalutationLine reports a line that is a salutation to people by role.
func isSalutationLine(line string) bool {
	s, ok := readSalutation(line)
	return ok && s.person
}

// readNames reads the names before a role: 「涂轶、李勇」, 「张朝琴等」,
// 「王小康等2名」, 「庞益平等七位」, 「刘俊华 徐航吉 魏 娜」 (a two-character
// name padded with a space). It returns nil when any part is not a name.
func readNames(s string) []string {
	s = trim(s)
	if i := strings.LastIndex(s, "等"); i > 0 {
		tail := trim(s[i+len("等"):])
		tail = strings.TrimRight(tail, "名位人")
		if strings.TrimFunc(tail, isNumeralRune) == "" {
			s = s[:i]
		}
	}
	if s == "" {
		return nil
	}
	var names []string
	for part := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == ';' || r == '；' || r == '/'
	}) {
		// 「魏 娜」: two single characters are one padded name. A single
		// character waits for the next field; alone, it is no name.
		single := ""
		for f := range strings.FieldsSeq(part) {
			one := runeLen(f) == 1
			switch {
			case single != "" && one:
				f, single = single+f, ""
			case single != "":
				return nil
			case one:
				single = f
				continue
			}
			if !isName(f) {
				return nil
			}
			if names == nil {
				names = make([]string, 0, 4)
			}
			names = append(names, f)
		}
		if single != "" {
			return nil
		}
	}
	return names
}

// isPlaceholderName reports a name withheld as a placeholder: 「xx」,
// 「XXX」, 「××」.
func isPlaceholderName(s string) bool {
	n := runeLen(s)
	return n >= 2 && n <= 3 && strings.Trim(s, "xX×ｘＸ") == ""
}

// isName reports whether s can be a person's name: two to six Chinese
// characters (a dot between the parts of a transcribed name allowed).
func isName(s string) bool {
	if isPlaceholderName(s) {
		return true
	}
	n := 0
	for _, r := range s {
		if !isHan(r) && r != '·' && r != '•' {
			return false
		}
		n++
	}
	if n < 2 || n > 6 {
		return false
	}
	for _, w := range notNames {
		if strings.Contains(s, w) {
			return false
		}
	}
	return true
}

package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
)

// The header lines of the long tail: a document number with its category
// after it, labels set in brackets, a title broken before a continuation,
// the office line of a title over three lines, and table rows read as
// labelled lines.

// splitDocNumber cuts a document number line after the 号 that follows
// its bracketed year: 「某建函〔2023〕12号B类」 gives 「某建函〔2023〕12号」
// and 「B类」.
func splitDocNumber(s string) (num, rest string) {
	_, at := bracketYear(s)
	if at < 0 {
		return s, ""
	}
	i := strings.IndexAny(s[at:], "号號")
	if i < 0 {
		return s, ""
	}
	end := at + i + len("号")
	return trim(s[:end]), trim(s[end:])
}

// leadingCategory reads an answer category at the start of s: 「B类」,
// 「(A)类」, 「A类同意公开」, 「C」.
func leadingCategory(s string) reply.Category {
	s = strings.TrimLeft(s, "(（[【 ")
	r := firstRune(s)
	if !strings.ContainsRune("ABCＡＢＣ", r) {
		return ""
	}
	rest := strings.TrimLeft(s[len(string(r)):], ")）]】 ")
	if rest != "" && !strings.HasPrefix(rest, "类") && !strings.HasPrefix(rest, "類") {
		return ""
	}
	return readCategory(string(r))
}

// unbracketLabels writes the labels that pages set in brackets as
// labels with a colon: 「[ 发文字号 ] | 2022-92」 reads as 「发文字号：| 2022-92」.
func unbracketLabels(s string) string {
	if !strings.ContainsAny(s, "[【") {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexAny(s, "[【")
		if i < 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		j := strings.IndexAny(s[i:], "]】")
		if j < 0 {
			break
		}
		inner := trim(s[i+size : i+j])
		if l, n, ok := matchLabel(inner, headerLabels, false); !ok || n != len(inner) || l.text == "" {
			b.WriteString(s[:i+size])
			s = s[i+size:]
			continue
		}
		_, closeSize := utf8.DecodeRuneInString(s[i+j:])
		b.WriteString(s[:i])
		b.WriteString(inner)
		b.WriteString("：")
		s = s[i+j+closeSize:]
	}
	b.WriteString(s)
	return b.String()
}

// continuesTitle reports a line that can only continue a title broken
// before it: 「第0043号的答复」 after 「关于对…代表建议」, 「和政协提案办理工作
// 的通知」 after 「关于认真做好…代表建议」.
func continuesTitle(s string) bool {
	if rest, ok := strings.CutPrefix(s, "第"); ok {
		return isDigit(firstRune(strings.TrimLeft(rest, " ")))
	}
	_, ok := hasPrefixAny(s, []string{"的", "和", "及", "与", "暨"})
	return ok
}

// isPlainOfficeLine reports a header line that is an office's name alone
// (发文机关标志), no label, no document number.
func isPlainOfficeLine(p para) bool {
	return p.table == nil && p.image == nil && !containsChars(p.text, ":：") && !strings.Contains(p.text, "关于") &&
		isOfficeLine(para{text: strings.TrimSuffix(p.text, "文件")})
}

// joinRow joins the cells of a table row with tabs, a merged cell (which
// the table repeats in each column it spans) once, and empty cells left
// out.
func joinRow(row []string) string {
	var b strings.Builder
	for i, c := range row {
		if c == "" || i > 0 && c == row[i-1] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(c)
	}
	return b.String()
}

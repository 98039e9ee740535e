package reply

import "strings"

// SuppliedTitleNote follows a supplied title wherever it is shown: a
// title that the reader made up (TitleInferred) is not text of the notice,
// and is marked so, as archivists mark the titles they supply.
const SuppliedTitleNote = "（标题为整理者所拟）"

// SuppliedTitle returns title as a supplied title is shown: in 〔〕 brackets
// followed by SuppliedTitleNote, 「〔关于县政协十届一次会议第73号提案的答复〕（标题为整理者所拟）」.
func SuppliedTitle(title string) string {
	return "〔" + title + "〕" + SuppliedTitleNote
}

// ReadSuppliedTitle reads a line that SuppliedTitle wrote back to its
// title. It reports false for any other line, and for one whose brackets
// hold nothing.
func ReadSuppliedTitle(line string) (string, bool) {
	t, ok := strings.CutSuffix(line, "〕"+SuppliedTitleNote)
	if !ok {
		return "", false
	}
	if t, ok = strings.CutPrefix(t, "〔"); !ok || t == "" {
		return "", false
	}
	return t, true
}

package parse

import (
	"strings"

	"github.com/replykit/replykit/reply"
)

// An information-disclosure block (政府信息公开 metadata: 索引号, 发布机构,
// 文号, 主题分类…) stands above many notices. Inside the content, or
// taken into it as a part of an old layout table, it is read as header
// lines by the structure reader. Where it stands before the content
// container, apart from it (a modern page's 「xxgk」 box), its lines are
// read here, a label and its value on one line or two, and given to the
// structure reader as a table of label and value rows at the top of the
// blocks: its index number and document number become the reply's, its
// date, publisher and subject words the page's, and none of it the title
// or the body.

// disclosureLabels are the labels of disclosure blocks.
var disclosureLabels = []string{
	"索引号", "信息索取号", "发布机构", "发文机关", "发文机构", "责任部门", "发文字号", "文号", "主题词", "主题分类", "组配分类",
	"体裁分类", "信息分类", "分类", "发文日期", "成文日期", "生成日期", "发布日期", "公开方式", "公开时限", "公开范围",
	"有效性", "标题", "名称",
}

// disclosureKeys are the labels of which a disclosure block holds one at
// least: a 发布时间/来源 line alone is page furniture.
var disclosureKeys = []string{"索引号", "信息索取号", "发布机构", "发文机关", "发文字号", "文号"}

// maxDisclosurePairs bounds the rows of a disclosure block.
const maxDisclosurePairs = 20

// disclosureLabel reads a line that starts with a disclosure label and a
// colon (「索 引 号：」, 「文号：某发〔2020〕3号」), and returns the label
// as written, with its colon, and the value after it.
func disclosureLabel(line string) (label, value string, key, ok bool) {
	s := strings.TrimLeft(line, " \u3000")
	for _, l := range disclosureLabels {
		n := matchSpaced(s, l)
		if n < 0 {
			continue
		}
		rest, colon := cutColonSpaced(s[n:])
		if !colon {
			continue
		}
		_, key = hasPrefixAny(l, disclosureKeys)
		return trim(s[:len(s)-len(rest)]), trim(rest), key, true
	}
	return "", "", false, false
}

// disclosureBlock finds the first disclosure block among the lines before
// the content and returns it as a table block of label and value rows.
func disclosureBlock(lines []pline) (SourceBlock, bool) {
	var rows [][]string
	key := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !l.before {
			break
		}
		label, value, isKey, ok := disclosureLabel(l.text)
		if !ok {
			if len(rows) >= 2 && key {
				break
			}
			rows, key = rows[:0], false
			continue
		}
		if value == "" && i+1 < len(lines) && lines[i+1].before {
			if _, _, _, next := disclosureLabel(lines[i+1].text); !next && !longer(lines[i+1].text, 80) {
				value = lines[i+1].text
				i++
			}
		}
		rows = append(rows, []string{label, value})
		key = key || isKey
		if len(rows) == maxDisclosurePairs {
			break
		}
	}
	if len(rows) < 2 || !key {
		return SourceBlock{}, false
	}
	var text strings.Builder
	for _, r := range rows {
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		text.WriteString(strings.TrimSpace(r[0] + " " + r[1]))
	}
	return SourceBlock{Text: text.String(), Table: &reply.Table{Rows: rows}, Pos: Pos{Offset: -1}}, true
}

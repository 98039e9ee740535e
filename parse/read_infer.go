package parse

import (
	"strings"

	"github.com/replykit/replykit/reply"
)

// inferTitle makes the title of a reply whose text has no title line from
// the proposal it answers, in the form official replies use:
// 「关于县政协十届一次会议第73号提案的答复」, numerals in Chinese, with only
// the parts that were read (no term, no 「十届一次会议」). It returns "" for a
// notice that is not a reply or whose proposal is not known well enough:
// neither its body, term nor number, nor its own title.
func inferTitle(rep *reply.Reply) string {
	p := rep.Proposal
	if p.IsZero() {
		return ""
	}
	what := "提案"
	switch rep.Kind {
	case reply.KindProposalReply:
	case reply.KindSuggestionReply:
		what = "建议"
	default:
		return ""
	}
	var b strings.Builder
	b.WriteString("关于")
	if p.Body != "" || p.Term > 0 || p.Number != "" {
		b.WriteString(p.Body)
		if p.Term > 0 {
			b.WriteString(reply.FormatNumeral(p.Term))
			b.WriteString("届")
			if p.Session > 0 {
				b.WriteString(reply.FormatNumeral(p.Session))
				b.WriteString("次会议")
			}
		}
		if p.Number != "" {
			b.WriteString("第")
			b.WriteString(p.Number)
			b.WriteString("号")
		}
		b.WriteString(what)
	} else if t := oneLine(p.Title); t != "" {
		b.WriteString("“")
		b.WriteString(t)
		b.WriteString("”")
	} else {
		return ""
	}
	b.WriteString("的答复")
	return b.String()
}

// oneLine folds the white space of s, line breaks included, to single
// spaces: a title is one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

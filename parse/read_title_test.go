package parse

import (
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
)

// TestKindOf tells a reply to a proposal, to a suggestion, and another
// notice.
func TestKindOf(t *testing.T) {
	tests := []struct {
		title, salutation, opening string
		want                       reply.Kind
	}{
		{"关于县政协十届一次会议第73号提案的答复", "涂轶委员：", "你在县政协十届一次会议上提出的提案收悉。", reply.KindProposalReply},
		{"关于县人大十九届二次会议第5号建议的答复", "王中伟代表：", "您提出的建议收悉。", reply.KindSuggestionReply},
		{"关于加强社区建设的答复", "王中伟代表：", "您提出的建议收悉。", reply.KindSuggestionReply},
		{"关于加强社区建设的答复", "涂轶委员：", "来信收悉。", reply.KindProposalReply}, // by the addressee's role
		{"关于加强社区建设的答复", "", "来信收悉。", reply.KindOther},
		{"关于某事的复函", "民建县委：", "人大代表建议收悉。", reply.KindSuggestionReply},
		{"社区建设情况", "涂轶委员：", "你提出的提案收悉，现答复如下：", reply.KindProposalReply},
		{"社区建设情况", "", "你提出的提案收悉，现答复如下：", reply.KindOther}, // no salutation
		{"社区建设情况", "民建县委：", "贵委提出的意见收悉，现答复如下：", reply.KindOther},
		{"关于开展社区工作的通知", "各乡镇：", "现将有关事项通知如下。", reply.KindOther},
		{"关于答复工作的通知", "", "", reply.KindOther},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, kindOf(tt.title, salutationOf(tt.salutation), tt.opening), "%q %q %q", tt.title, tt.salutation, tt.opening)
	}
}

// TestBracketYear finds the bracketed year of a document number.
func TestBracketYear(t *testing.T) {
	tests := []struct {
		in, year string
		at       int
	}{
		{"旺府办函〔2021〕12号", "2021", len("旺府办函")},
		{"[2020]第3号", "2020", 0},
		{"【2019】", "2019", 0},
		{"x（1999）y", "1999", 1},
		{"(3000)", "", -1}, // not a year of ours
		{"（202）", "", -1},
		{"〔2021", "", -1},
		{"[20211]", "", -1},
		{"〔0021〕", "", -1},
		{"abc", "", -1},
	}
	for _, tt := range tests {
		year, at := bracketYear(tt.in)
		assert.Equal(t, tt.year, year, "%q", tt.in)
		assert.Equal(t, tt.at, at, "%q", tt.in)
	}
}

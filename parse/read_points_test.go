package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindFirst finds where a run of points starts: the first 一是 or 一要
// at a point boundary, or a 首先 before it.
func TestFindFirst(t *testing.T) {
	tests := []struct {
		s      string
		at     int
		marker string
	}{
		{"一是加强领导，二是完善机制。", 0, "一是"},
		{"一要加强", 0, "一要"},
		{"首先，加强领导。一是落实", 0, "首先"},
		{"加强领导，一是落实，首先完善", len("加强领导，"), "一是"},
		{"。首先", len("。"), "首先"},
		{"统一是关键", -1, ""}, // 一是 inside a word
		{"唯一要求", -1, ""},
		{"（一是）", -1, ""},
		{"没有", -1, ""},
	}
	for _, tt := range tests {
		at, m := findFirst(tt.s)
		assert.Equal(t, tt.at, at, "%q", tt.s)
		assert.Equal(t, tt.marker, m, "%q", tt.s)
	}
}

// TestFindMarker finds the first of several markers at a point boundary,
// from an offset on.
func TestFindMarker(t *testing.T) {
	tests := []struct {
		s       string
		from    int
		markers []string
		at      int
		marker  string
	}{
		{"一是加强领导，二是完善机制。", 0, []string{"二是"}, len("一是加强领导，"), "二是"},
		{"一是加强领导，二是完善机制。", 30, []string{"二是"}, -1, ""},
		{"一是不二是，二是完善", 0, []string{"二是"}, len("一是不二是，"), "二是"},
		{"其次要加强，最后要落实。再次感谢", 0, []string{"再次", "最后"}, len("其次要加强，"), "最后"},
		{"统一要求，一要落实", 0, []string{"一是", "一要"}, len("统一要求，"), "一要"},
	}
	for _, tt := range tests {
		at, m := findMarker(tt.s, tt.from, tt.markers)
		assert.Equal(t, tt.at, at, "%q from %d", tt.s, tt.from)
		assert.Equal(t, tt.marker, m, "%q from %d", tt.s, tt.from)
	}
}

// TestBuildBlocksPoints splits series of points (一是… 二是…, 首先… 其次…)
// out of paragraphs, and only series that start at their first member.
func TestBuildBlocksPoints(t *testing.T) {
	tests := []struct {
		name    string
		paras   []string
		texts   []string
		markers [][]string
		leads   [][]string
	}{
		{"inline", []string{"前言。一是提升认识。加强学习。二是政策先行。"}, []string{"前言。"}, [][]string{{"一是", "二是"}}, [][]string{{"提升认识", ""}}},
		{"paragraphs", []string{"一是提升认识。内容。", "二是政策先行。内容。", "结尾。"}, []string{"", "", "结尾。"}, [][]string{{"一是"}, {"二是"}, nil}, [][]string{{"提升认识"}, {"政策先行"}, nil}},
		{"lone first member", []string{"一是孤单的一句话。", "二者不是系列。"}, []string{"一是孤单的一句话。", "二者不是系列。"}, [][]string{nil, nil}, [][]string{nil, nil}},
		{"not at a boundary", []string{"统一要求各单位。二要落实。"}, []string{"统一要求各单位。二要落实。"}, [][]string{nil}, [][]string{nil}},
		{"first then", []string{"首先，完善设施。增设投放点；其次，加强宣传；再次，健全体系；最后，严格考核。"}, []string{""}, [][]string{{"首先，", "其次，", "再次，", "最后，"}}, [][]string{{"完善设施", "", "", ""}}},
		{"first series only", []string{"一是甲。", "二是乙。", "三是加大投入。一要加大投入;二要整合资金。"}, []string{"", "", ""}, [][]string{{"一是"}, {"二是"}, {"三是"}}, [][]string{{""}, {""}, {"加大投入"}}},
		{"series starts at its first member", []string{"三是甲。四是乙。"}, []string{"三是甲。四是乙。"}, [][]string{nil}, [][]string{nil}},
		{"yao", []string{"一要加大投入。多方筹资;二要整合资金;三要广开渠道。"}, []string{""}, [][]string{{"一要", "二要", "三要"}}, [][]string{{"加大投入", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var items []item
			for _, p := range tt.paras {
				items = append(items, item{text: p})
			}
			blocks := buildBlocks(items, nil)
			require.Len(t, blocks, len(tt.paras))
			for i, b := range blocks {
				assert.Equal(t, tt.texts[i], b.Text)
				assert.Equal(t, tt.markers[i], pointMarkers(b))
				var leads []string
				for _, p := range b.Points {
					leads = append(leads, p.Lead)
					assert.True(t, strings.HasPrefix(p.Text, p.Lead))
				}
				assert.Equal(t, tt.leads[i], leads)
				assert.Equal(t, tt.paras[i], b.Paragraph(), "nothing lost")
			}
		})
	}
}

// TestLeadOf reads the lead clause of a point.
func TestLeadOf(t *testing.T) {
	for text, want := range map[string]string{
		"加强领导。具体如下": "加强领导",
		"加强领导。":     "", // nothing follows the lead
		"没有标点":      "",
		"标题：正文":     "标题",
		"问：答":       "问",
		"一是，二是；三是":  "一是，二是",
		"":          "",
	} {
		assert.Equal(t, want, leadOf(text), "%q", text)
	}
}

func TestSeriesRestart(t *testing.T) {
	s := "一是完善设施。二是培育品牌。下一步，我们将：一是编制规划。二是加强宣传。"
	assert.Equal(t, len("一是完善设施。二是培育品牌。"), seriesRestart(s, len("一是完善设施。二是")))
	// A lone 一是 later starts no series.
	lone := "一是完善设施。二是培育品牌，统筹推进，一是关键。"
	assert.Equal(t, len(lone), seriesRestart(lone, len("一是完善设施。二是")))
}

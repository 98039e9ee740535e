package parse

import (
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadKeepsNoScriptAddress: a Source that carries a script address,
// in an image or as the page's, gives a reply without it: the image's
// text stays as a paragraph, and a warning says what was left out.
func TestReadKeepsNoScriptAddress(t *testing.T) {
	src := &Source{
		Title: "关于县政协十届一次会议第73号提案的答复",
		Blocks: []SourceBlock{
			{Text: "涂轶委员："},
			{Text: "你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下："},
			{Text: "示意图", Image: &reply.Image{URL: "javascript:///x.png", Alt: "示意图"}, Pos: Pos{Offset: 120}},
			{Image: &reply.Image{URL: "data:image/png;base64,AAAA"}},
			{Text: "图二", Image: &reply.Image{URL: "/img/2.png", Alt: "图二"}},
			{Text: "感谢你对我们工作的关心和支持。"},
		},
		Page: reply.Page{URL: "javascript:alert(1)", Source: "县民政局"},
	}
	rep, err := Read(src)
	require.NoError(t, err)
	require.NoError(t, rep.Validate())
	assert.Equal(t, reply.Page{Source: "县民政局"}, rep.Page)
	assert.Equal(t, []reply.Block{
		{Text: "你在县政协十届一次会议上提出的提案收悉。现将有关情况答复如下："},
		{Text: "示意图"},
		{Image: &reply.Image{URL: "/img/2.png", Alt: "图二"}},
	}, rep.Opening)
	var unsafe []string
	for _, w := range rep.Warnings {
		if w.Code == CodeUnsafeURL {
			unsafe = append(unsafe, w.Where+" "+w.Message)
		}
	}
	require.Len(t, unsafe, 3)
	assert.True(t, strings.HasPrefix(unsafe[0], "byte 120 image address 「javascript:///x.png」"), unsafe[0])
	assert.Contains(t, unsafe[2], "page address 「javascript:alert(1)」")
}

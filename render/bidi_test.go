package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHTMLIsolatesBidiControls: text that holds a bidirectional or
// zero-width control is written in a <bdi> of its own, so that the
// control cannot reorder the text around it; text without one is not. The
// page reads back to the same reply, the controls kept, and Text and
// Markdown keep them as written.
func TestHTMLIsolatesBidiControls(t *testing.T) {
	r := &reply.Reply{Kind: reply.KindProposalReply, Title: "关于\u202e某事的答复",
		Addressees: []reply.Addressee{{Name: "涂\u202e轶", Role: reply.RoleMember}},
		Salutation: "涂\u202e轶委员：",
		Sections: []reply.Section{{Marker: "一、", Number: 1, Heading: "标题\u2067甲\u2069", Blocks: []reply.Block{
			{Text: "前文", Points: []reply.Point{{Marker: "一是", Lead: "要点\u200d", Text: "要点\u200d。其余\ufeff"}}},
			{Table: &reply.Table{Rows: [][]string{{"甲\u202b", "乙"}}}},
		}}},
		Signature: reply.Signature{Office: "某局\u200f", Date: reply.NewDate(2017, 3, 16)},
	}
	require.NoError(t, r.Validate())
	page := string(renderHTML(t, r, render.WithoutStylesheet()))
	for _, want := range []string{
		`<title>关于` + "\u202e" + `某事的答复</title>`,
		`data-rk="title"><bdi>关于` + "\u202e" + `某事的答复</bdi></h1>`,
		`data-rk="salutation"><bdi>涂` + "\u202e" + `轶委员：</bdi></p>`,
		`<span class="rk-marker" data-rk="marker">一、</span><bdi>标题` + "\u2067甲\u2069" + `</bdi></h2>`,
		`<p class="rk-p" data-rk="p">前文<span class="rk-point" data-rk="point"><span class="rk-pm" data-rk="marker">一是</span>` +
			`<span class="rk-lead" data-rk="lead"><bdi>要点` + "\u200d" + `</bdi></span><bdi>。其余` + "\ufeff" + `</bdi></span></p>`,
		`<td><bdi>甲` + "\u202b" + `</bdi></td><td>乙</td>`,
		`<bdi>某局` + "\u200f" + `</bdi></p>`,
	} {
		assert.Contains(t, page, want)
	}
	assert.Equal(t, 7, strings.Count(page, "<bdi>"), "only text with a control is isolated")
	assert.Equal(t, r, readBack(t, []byte(page)))

	var text, md bytes.Buffer
	require.NoError(t, render.Text(&text, r))
	require.NoError(t, render.Markdown(&md, r))
	for _, s := range []string{"\u202e", "\u2067", "\u2069", "\u200d", "\ufeff", "\u202b", "\u200f"} {
		assert.Contains(t, text.String(), s)
		assert.Contains(t, md.String(), s)
	}
}

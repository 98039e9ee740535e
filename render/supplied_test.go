package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSuppliedTitle: a title the reader made up (TitleInferred) is marked
// as supplied in every rendering, first, in 〔〕 with its note: HTML's
// <title> and <h1> (class rk-supplied, data-title-inferred), the text's
// first line, Markdown's first heading. The page and the text read back to
// the same title, inferred; a title of the notice is not marked.
func TestSuppliedTitle(t *testing.T) {
	for _, name := range []string{"inferred_title", "inferred_title_header"} {
		t.Run(name, func(t *testing.T) {
			r := loadReply(t, casesDir+"/"+name+"/reply.json")
			require.True(t, r.TitleInferred)
			supplied := "〔" + r.Title + "〕（标题为整理者所拟）"

			page := string(renderHTML(t, r))
			assert.Contains(t, page, "<title>"+supplied+"</title>")
			h1 := `<h1 class="rk-title rk-supplied" data-rk="title" data-title="` + r.Title + `" data-title-inferred="true">〔` +
				r.Title + `〕<span class="rk-note">（标题为整理者所拟）</span></h1>`
			assert.Contains(t, page, h1)
			assert.Less(t, strings.Index(page, h1), max(strings.Index(page, `data-rk="header"`), strings.Index(page, `data-rk="salutation"`)),
				"above the header lines and the salutation")
			back := readBack(t, []byte(page))
			assert.Equal(t, r.Title, back.Title)
			assert.True(t, back.TitleInferred)

			var text, md bytes.Buffer
			require.NoError(t, render.Text(&text, r))
			assert.True(t, strings.HasPrefix(text.String(), supplied+"\n\n"), text.String())
			read, err := parse.Text(text.String())
			require.NoError(t, err)
			assert.Equal(t, r.Title, read.Title)
			assert.True(t, read.TitleInferred)
			assert.Equal(t, r.Lines(), read.Lines(), "the supplied title is not a line of the notice")
			require.NoError(t, render.Markdown(&md, r))
			assert.True(t, strings.HasPrefix(md.String(), "# "+supplied+"\n\n"), md.String())
		})
	}
	seed := loadSeed(t)
	for _, out := range [][]byte{renderHTML(t, seed), []byte(textOf(t, seed))} {
		assert.NotContains(t, string(out), reply.SuppliedTitleNote)
	}
}

// textOf renders r as text.
func textOf(t testing.TB, r *reply.Reply) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, render.Text(&b, r))
	return b.String()
}

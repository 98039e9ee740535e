package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSampleOldLayoutPage reads the embedded old layout-table page, whose
// office and date stand in a right-aligned cell of a row of their own,
// in every output format: each keeps them, and the title is the page's
// bold heading, not its <TITLE> with the site's name after it.
func TestSampleOldLayoutPage(t *testing.T) {
	page := filepath.Join("sample", "nongye", "ta", "show.asp")
	const (
		title  = "关于县政协八届五次会议第15号提案的答复"
		office = "某某县农业农村局"
		date   = "2016年5月18日"
	)
	r := runCmd("", "parse", page)
	require.Equal(t, exitOK, r.code, r.stderr)
	rep, err := reply.Unmarshal([]byte(r.stdout))
	require.NoError(t, err)
	assert.Equal(t, title, rep.Title)
	assert.False(t, rep.TitleInferred)
	assert.Equal(t, office, rep.Signature.Office)
	assert.Equal(t, "2016-05-18", rep.Signature.Date.String())
	assert.Equal(t, date, rep.Signature.Date.Text)
	assert.Empty(t, rep.Warnings)
	for _, format := range []string{"text", "md", "html"} {
		t.Run(format, func(t *testing.T) {
			r := runCmd("", "parse", "--format", format, page)
			require.Equal(t, exitOK, r.code, r.stderr)
			assert.Contains(t, r.stdout, title)
			assert.NotContains(t, r.stdout, "--"+office)
			assert.Contains(t, r.stdout, office)
			assert.Contains(t, r.stdout, date)
			assert.Less(t, strings.Index(r.stdout, "感谢您对农业农村工作的支持"), strings.LastIndex(r.stdout, date))
		})
	}
}

package parse_test

import (
	"testing"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTextSuppliedTitle: a first line that reply.SuppliedTitle wrote is the
// reply's title, marked inferred and not a line of the notice, even where
// the title could not be inferred or would be inferred otherwise; the same
// line further down is text like any other.
func TestTextSuppliedTitle(t *testing.T) {
	body := "涂轶委员：\n\n　　您提出的提案收悉。现答复如下：\n\n　　感谢您的关心和支持。\n\n旺苍县人民政府办公室\n2017年3月16日\n"
	supplied := reply.SuppliedTitle("关于涂轶委员所提提案的答复")
	r, err := parse.Text(supplied + "\n\n" + body)
	require.NoError(t, err)
	assert.Equal(t, "关于涂轶委员所提提案的答复", r.Title)
	assert.True(t, r.TitleInferred)
	assert.Nil(t, r.Header)
	assert.Equal(t, "涂轶委员：", r.Lines()[0])

	plain, err := parse.Text(body)
	require.NoError(t, err)
	assert.Empty(t, plain.Title, "nothing to infer a title from")
	withoutTitle := *r
	withoutTitle.Title, withoutTitle.TitleInferred, withoutTitle.Warnings = "", false, plain.Warnings
	assert.Equal(t, plain, &withoutTitle, "the supplied line changes the title only")

	r, err = parse.Text("涂轶委员：\n\n" + supplied + "\n\n　　您提出的提案收悉。\n")
	require.NoError(t, err)
	assert.Empty(t, r.Title)
	assert.Contains(t, r.Lines(), supplied)
}

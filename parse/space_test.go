package parse

import (
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFoldSpaceEveryWidth: every white space that Unicode knows, and the
// zero-width space and BOM, fold as the page reader folds them, so that a
// line of such spaces is blank and no reply keeps a line that is empty
// to Validate.
func TestFoldSpaceEveryWidth(t *testing.T) {
	spaces := []rune{'\u0085', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2004', '\u2005', '\u2006', '\u2007',
		'\u2008', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'}
	for _, sp := range spaces {
		s := string(sp)
		assert.True(t, isSpace(sp), "%U", sp)
		got, indent := foldSpace(s + "甲" + s + s + "乙" + s)
		assert.Equal(t, "甲 乙", got, "%U", sp)
		assert.True(t, indent, "%U", sp)
		assert.Equal(t, "甲乙", reply.NormalizeWhitespace("甲"+s+"乙"), "%U", sp)
	}
	rep, err := Text("000\n\u2000\n\u205f\u2028\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"000"}, rep.Lines())
}

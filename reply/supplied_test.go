package reply

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSuppliedTitle(t *testing.T) {
	assert.Equal(t, "〔关于县政协十届一次会议第73号提案的答复〕（标题为整理者所拟）", SuppliedTitle("关于县政协十届一次会议第73号提案的答复"))
	for _, title := range []string{"关于县政协十届一次会议第73号提案的答复", "关于〔2017〕12号文的答复", "〕", "a〔b〕c", " "} {
		got, ok := ReadSuppliedTitle(SuppliedTitle(title))
		assert.True(t, ok, title)
		assert.Equal(t, title, got)
	}
	for _, line := range []string{
		"", "关于某事的答复", "〔2017〕12号", "〔〕（标题为整理者所拟）", "〔关于某事的答复〕",
		"关于某事的答复〕（标题为整理者所拟）", "〔关于某事的答复〕（标题为整理者所拟） ", "〔关于某事的答复〕(标题为整理者所拟)",
	} {
		got, ok := ReadSuppliedTitle(line)
		assert.False(t, ok, line)
		assert.Empty(t, got, line)
	}
}

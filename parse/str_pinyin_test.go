package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDropPinyin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"答復(fù)如下", "答復如下"},
		{"韓忠國(guó)等代表", "韓忠國等代表"},
		{"第37號(hào)建議", "第37號建議"},
		{"標(biāo) 題", "標 題"},
		{"预案(试行)", "预案(试行)"},           // Han inside: no pinyin
		{"类别(A)", "类别(A)"},             // a capital letter
		{"(abc)开头", "(abc)开头"},         // no character before it
		{"word(abc)", "word(abc)"},     // after a Latin letter
		{"复(fù", "复(fù"},               // not closed
		{"复(abcdefgh)", "复(abcdefgh)"}, // too long for a syllable
		{"复()", "复()"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, dropPinyin(tt.in), tt.in)
	}
	assert.Equal(t, len("標(biāo) 題"), matchSpaced("標(biāo) 題: | 關(guān)于", "标题"))
}

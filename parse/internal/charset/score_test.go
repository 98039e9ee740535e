package charset

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTextScore holds textScore to the share of common Han characters
// less the share of bad ones, on samples of each kind.
func TestTextScore(t *testing.T) {
	tests := []struct {
		text string
		want float64
	}{
		{"", 0},
		{"abc, 123", 0},
		{"的是不了", 1},       // common Han only
		{"的是丂丏", 0.5},     // half of the Han common
		{"的\uFFFD", 0},    // one common, one replaced: 1/2 - 1/2
		{"的\xff", 0},      // an invalid byte counts as replaced
		{"\uE000", -1},    // private use only
		{"们們", 1},         // simplified and traditional
		{"\U00020000", 0}, // Han, not common
		{"中文，。abc", 1},    // punctuation and ASCII do not count
		{strings.Repeat("的", maxScored) + strings.Repeat("丂", 10), float64(maxScored) / (maxScored + 1)},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, textScore([]byte(tt.text)), 1e-12, "%q", tt.text)
	}
	assert.Greater(t, textScore([]byte("旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复")), sureScore)
}

// TestRuneSet checks the bit set that textScore looks common characters up in.
func TestRuneSet(t *testing.T) {
	set := newRuneSet([]rune{100, 163, 164, 300})
	for r, want := range map[rune]bool{99: false, 100: true, 101: false, 163: true, 164: true, 299: false, 300: true, 301: false, 100000: false, -5: false} {
		assert.Equal(t, want, set.has(r), "rune %d", r)
	}
	assert.False(t, runeSet{}.has('的'))
	assert.True(t, commonHan.has('的'))
	assert.True(t, commonHan.has('們'))
	assert.False(t, commonHan.has('龘'))
	assert.False(t, commonHan.has('a'))
}

package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

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

// FuzzValidCJK checks validCJK against utf8.Valid.
func FuzzValidCJK(f *testing.F) {
	for _, s := range []string{"", "中文，abc。", "\xe4\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xe0\xa0\x80中", "中\xef\xbf\xbd\xf0\x9f\x98\x80", "abcdefgh中文中文"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validCJK(b), utf8.Valid(b); got != want {
			t.Fatalf("validCJK(%q) = %v, want %v", b, got, want)
		}
	})
}

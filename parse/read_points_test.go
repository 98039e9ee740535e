package parse

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFindFirst finds where a run of points starts: the first 一是 or 一要
// at a point boundary, or a 首先 before it.
func TestFindFirst(t *testing.T) {
	tests := []struct {
		s      string
		at     int
		marker string
	}{
		{"一是加强领导，二是完善机制。", 0, "一是"},
		{"一要加强", 0, "一要"},
		{"首先，加强领导。一是落实", 0, "首先"},
		{"加强领导，一是落实，首先完善", len("加强领导，"), "一是"},
		{"。首先", len("。"), "首先"},
		{"统一是关键", -1, ""}, // 一是 inside a word
		{"唯一要求", -1, ""},
		{"（一是）", -1, ""},
		{"没有", -1, ""},
	}
	for _, tt := range tests {
		at, m := findFirst(tt.s)
		assert.Equal(t, tt.at, at, "%q", tt.s)
		assert.Equal(t, tt.marker, m, "%q", tt.s)
	}
}

// TestFindMarker finds the first of several markers at a point boundary,
// from an offset on.
func TestFindMarker(t *testing.T) {
	tests := []struct {
		s       string
		from    int
		markers []string
		at      int
		marker  string
	}{
		{"一是加强领导，二是完善机制。", 0, []string{"二是"}, len("一是加强领导，"), "二是"},
		{"一是加强领导，二是完善机制。", 30, []string{"二是"}, -1, ""},
		{"一是不二是，二是完善", 0, []string{"二是"}, len("一是不二是，"), "二是"},
		{"其次要加强，最后要落实。再次感谢", 0, []string{"再次", "最后"}, len("其次要加强，"), "最后"},
		{"统一要求，一要落实", 0, []string{"一是", "一要"}, len("统一要求，"), "一要"},
	}
	for _, tt := range tests {
		at, m := findMarker(tt.s, tt.from, tt.markers)
		assert.Equal(t, tt.at, at, "%q from %d", tt.s, tt.from)
		assert.Equal(t, tt.marker, m, "%q from %d", tt.s, tt.from)
	}
}

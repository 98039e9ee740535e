package parse

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// FuzzGB18030 checks decodeGB18030 against x/text's GB18030 decoder on any
// bytes: the same UTF-8, byte for byte, the same count of U+FFFD, and the
// score textScore gives that UTF-8, bit for bit.
func FuzzGB18030(f *testing.F) {
	for _, tt := range gbCases {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte("<p>\xd6\xd0\xce\xc4\x81\x30\x81\x30abc\x90\x30\x81\x30\xff\x80\xd6"))
	// About the Han character textScore stops at.
	f.Add([]byte(strings.Repeat("\xd6\xd0", maxScored-2) + "\x81\x40\xd6\xd0a\xd6\xd0\xaa\xa1\x95\x32\x82\x36\xff\x83\x36\xc8\x30"))
	f.Add([]byte(strings.Repeat("\xd6\xd0", maxScored) + "\x95\x32\x82\x36\xd6\xd0"))
	f.Fuzz(func(t *testing.T, b []byte) {
		want, wantBad := xtextGB18030(t, b)
		got, gotBad, score := decodeGB18030(b)
		if !bytes.Equal(got, want) || gotBad != wantBad {
			t.Fatalf("decodeGB18030(%q) = %q, %d replaced; x/text gives %q, %d", b, got, gotBad, want, wantBad)
		}
		if wantScore := textScore(want); math.Float64bits(score) != math.Float64bits(wantScore) {
			t.Fatalf("decodeGB18030(%q) scores %v; textScore gives %v", b, score, wantScore)
		}
	})
}

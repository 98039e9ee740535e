package parse

import (
	"bytes"
	"testing"
)

// FuzzGB18030 checks decodeGB18030 against x/text's GB18030 decoder on any
// bytes: the same UTF-8, byte for byte, and the same count of U+FFFD.
func FuzzGB18030(f *testing.F) {
	for _, tt := range gbCases {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte("<p>\xd6\xd0\xce\xc4\x81\x30\x81\x30abc\x90\x30\x81\x30\xff\x80\xd6"))
	f.Fuzz(func(t *testing.T, b []byte) {
		want, wantBad := xtextGB18030(t, b)
		got, gotBad := decodeGB18030(b)
		if !bytes.Equal(got, want) || gotBad != wantBad {
			t.Fatalf("decodeGB18030(%q) = %q, %d replaced; x/text gives %q, %d", b, got, gotBad, want, wantBad)
		}
	})
}

package parse

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// seqLenWant is utf8SeqLen by its definition: utf8.DecodeRune's size,
// 0 where it reads an invalid byte.
func seqLenWant(s []byte) int {
	r, size := utf8.DecodeRune(s)
	if r == utf8.RuneError && size == 1 {
		return 0
	}
	return size
}

// seqEdges are the bytes at the edges of the ranges UTF-8 allows after a
// lead byte, and bytes well outside them: utf8SeqLen and utf8.DecodeRune
// can differ only at such a byte or between two of them.
var seqEdges = []byte{0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}

// TestUTF8SeqLen holds utf8SeqLen to utf8.DecodeRune on every lead byte
// past 0x7F followed by every byte, then by each of seqEdges twice over,
// and on every shorter input.
func TestUTF8SeqLen(t *testing.T) {
	buf := make([]byte, 4)
	for b0 := 0x80; b0 < 0x100; b0++ {
		buf[0] = byte(b0)
		require.Equal(t, seqLenWant(buf[:1]), utf8SeqLen(buf[:1]), "% x", buf[:1])
		for b1 := range 0x100 {
			buf[1] = byte(b1)
			if got, want := utf8SeqLen(buf[:2]), seqLenWant(buf[:2]); got != want {
				t.Fatalf("utf8SeqLen(% x) = %d, want %d", buf[:2], got, want)
			}
			for _, b2 := range seqEdges {
				buf[2] = b2
				if got, want := utf8SeqLen(buf[:3]), seqLenWant(buf[:3]); got != want {
					t.Fatalf("utf8SeqLen(% x) = %d, want %d", buf[:3], got, want)
				}
				for _, b3 := range seqEdges {
					buf[3] = b3
					if got, want := utf8SeqLen(buf), seqLenWant(buf); got != want {
						t.Fatalf("utf8SeqLen(% x) = %d, want %d", buf, got, want)
					}
				}
			}
		}
	}
}

// FuzzUTF8Stats holds utf8Stats to the count utf8.DecodeRune gives.
func FuzzUTF8Stats(f *testing.F) {
	f.Add([]byte("\xd6\xd0\xce\xc4 ascii 中文 \xed\xa0\x80 \xf4\x90\x80\x80 \xef\xbf\xbd"))
	f.Fuzz(func(t *testing.T, data []byte) {
		multi, bad := 0, 0
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				bad++
			case size > 1:
				multi++
			}
			i += size
			if bad > 1000 && bad > 2*multi {
				break
			}
		}
		gotMulti, gotBad := utf8Stats(data)
		if bad == 0 {
			// Valid text: utf8Stats says only whether it is wide.
			require.Equal(t, multi > 0, gotMulti > 0)
			require.Zero(t, gotBad)
			return
		}
		require.Equal(t, [2]int{multi, bad}, [2]int{gotMulti, gotBad})
	})
}

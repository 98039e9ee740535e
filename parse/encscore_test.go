package parse

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// referenceTextScore is textScore with every rune decoded by utf8.DecodeRune.
func referenceTextScore(s []byte) float64 {
	han, common, bad := 0, 0, 0
loop:
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		i += size
		switch {
		case r == utf8.RuneError:
			bad++
		case isHanRune(r):
			han++
			if han > maxScored {
				break loop
			}
			if commonHan.has(r) {
				common++
			}
		case r >= 0xE000 && r <= 0xF8FF:
			bad++
		}
	}
	score := -float64(bad) / float64(max(han+bad, 1))
	if han > 0 {
		score += float64(common) / float64(han+bad)
	}
	return score
}

func TestTextScore(t *testing.T) {
	samples := []string{"", "abc", "旺苍县人民政府办公室", "\xe4\xb8", "\xed\xa0\x80中", "\xe0\x80\x80", "\xee\x80\x80私", "\xef\xbf\xbd", "中\xff文"}
	for _, s := range samples {
		assert.Equal(t, referenceTextScore([]byte(s)), textScore([]byte(s)), "%q", s)
	}
	assert.Greater(t, textScore([]byte("旺苍县人民政府办公室关于县政协十届一次会议第73号提案的答复")), sureScore)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(3) == 0 {
				b[i] = 0x80 | byte(rng.IntN(64))
			}
		}
		assert.Equal(t, referenceTextScore(b), textScore(b), "%q", b)
	}
}

// FuzzTextScore checks the inline decoding of textScore against
// utf8.DecodeRune.
func FuzzTextScore(f *testing.F) {
	f.Add([]byte("中文\xe4\xb8\xad\xed\xa0\x80"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := textScore(b), referenceTextScore(b); got != want {
			t.Fatalf("textScore(%q) = %v, want %v", b, got, want)
		}
	})
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

package parse

import "testing"

// BenchmarkText reads the seed notice given as text.
func BenchmarkText(b *testing.B) {
	seed := readFixture(b, "seed.txt")
	b.SetBytes(int64(len(seed)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Text(seed); err != nil {
			b.Fatal(err)
		}
	}
}

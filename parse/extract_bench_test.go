package parse

import (
	"bytes"
	"testing"
)

// BenchmarkExtract measures Extract on the seed page, in UTF-8 and in GBK:
// decoding, the goquery document, the container search and the blocks.
// BenchmarkHTML's baselines give the goquery document's own cost.
func BenchmarkExtract(b *testing.B) {
	for _, name := range []string{"seed-trs-utf8", "seed-trs-gbk"} {
		data := fixture(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				src, err := Extract(bytes.NewReader(data))
				if err != nil || len(src.Blocks) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// benchPages are the seed page fixtures the benchmarks read.
var benchPages = []string{"seed-trs.utf8.html", "seed-trs.gbk.html"}

func readBenchPage(b testing.TB, name string) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "pages", name))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkExtract measures Extract on the seed page: decoding, the goquery
// document, the container search and the blocks.
func BenchmarkExtract(b *testing.B) {
	for _, name := range benchPages {
		data := readBenchPage(b, name)
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

// BenchmarkGoqueryBaseline only builds the goquery document of the same
// bytes: the floor any goquery-based reader pays.
func BenchmarkGoqueryBaseline(b *testing.B) {
	for _, name := range benchPages {
		data := readBenchPage(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := goquery.NewDocumentFromReader(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

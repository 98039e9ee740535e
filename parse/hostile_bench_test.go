package parse

import (
	"bytes"
	"strings"
	"testing"
)

// The growth benchmarks of hostile input: ns/byte (and B/op per byte)
// stay flat from the smallest size to the largest when the work is linear
// in the input. Run with
//
//	go test ./parse -run '^$' -bench 'TextCR|TableGrid' -benchmem -benchtime 3x

// hostileSizes are the sizes the growth benchmarks read.
var hostileSizes = []struct {
	name string
	size int
}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", mb}, {"10MB", 10 * mb}}

// crLines is a text of size bytes of one-letter lines ended by a lone CR.
func crLines(size int) string { return strings.Repeat("a\r", size/2) }

// BenchmarkTextCR reads a text whose lines end with a lone CR, every line
// read (the block limit raised to the line count).
func BenchmarkTextCR(b *testing.B) {
	for _, s := range hostileSizes {
		text := crLines(s.size)
		b.Run(s.name, func(b *testing.B) {
			benchBytes(b, len(text), func() error {
				_, err := Text(text, WithMaxBlocks(s.size))
				return err
			})
		})
	}
}

// BenchmarkTableGrid reads the table whose first row spans far wider than
// the rest (wideTable), grown by its narrow rows.
func BenchmarkTableGrid(b *testing.B) {
	for _, s := range hostileSizes[:3] {
		page := wideTable(200, s.size/len("<tr><td>a<td>b"))
		b.Run(s.name, func(b *testing.B) {
			benchBytes(b, len(page), func() error {
				_, err := HTML(bytes.NewReader(page), WithMaxBlocks(s.size))
				return err
			})
		})
	}
}

// benchBytes runs read as a benchmark over n bytes of input and reports
// its time per byte; read's error is the outcome under test, not checked.
func benchBytes(b *testing.B, n int, read func() error) {
	b.ReportAllocs()
	b.SetBytes(int64(n))
	for b.Loop() {
		_ = read()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/byte")
}

package parse

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// The growth benchmarks of hostile input: ns/byte (and B/op per byte)
// stay flat from the smallest size to the largest when the work is linear
// in the input. Run with
//
//	go test ./parse -run '^$' -bench 'TextCR|TableGrid|Formatting' -benchmem -benchtime 3x

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

// BenchmarkFormatting reads the page of 400 distinct formatting elements
// left open before many paragraphs (openFormatting), which the budget
// refuses before its tree is built.
func BenchmarkFormatting(b *testing.B) {
	for _, s := range hostileSizes {
		page := openFormatting(400, s.size/len("<p>x"), "x")
		b.Run(s.name, func(b *testing.B) {
			benchBytes(b, len(page), func() error {
				_, err := HTML(bytes.NewReader(page))
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

// BenchmarkFormattingCost measures the formatting budget's pass over the
// markup against the whole of parse.HTML, which runs it, in turns on the
// same pages (the seed pages of three layouts, and the corpus when
// present), in CPU time, which does not grow while other processes hold
// the cores. overhead-% is the pass's time over that of the rest of
// parse.HTML: what the budget adds to reading a page.
//
//	go test ./parse -run '^$' -bench FormattingCost -count 5
func BenchmarkFormattingCost(b *testing.B) {
	seed := readBenchPage(b, "seed-trs.utf8.html")
	sets := map[string][][]byte{"seed-layouts": {seed, readBenchPage(b, "seed-trs.gbk.html"),
		readBenchPage(b, "seed-hanweb.html"), readBenchPage(b, "seed-article.html"),
		readBenchPage(b, "seed-table.gb2312.html")}}
	if pages := corpusBenchPages(b); len(pages) > 0 {
		sets["corpus"] = pages
	}
	for _, name := range []string{"seed-layouts", "corpus"} {
		pages, ok := sets[name]
		if !ok {
			continue
		}
		b.Run(name, func(b *testing.B) {
			cfg := newConfig(nil)
			texts := make([][]byte, len(pages))
			for i, p := range pages {
				texts[i] = decodePage(p, &cfg).text
			}
			var inCheck, inRead time.Duration
			for b.Loop() {
				c0 := processCPU()
				for _, t := range texts {
					if err := checkFormatting(t, &cfg); err != nil {
						b.Fatal(err)
					}
				}
				c1 := processCPU()
				for _, p := range pages {
					_, _ = HTML(bytes.NewReader(p))
				}
				inCheck += c1 - c0
				inRead += processCPU() - c1
			}
			if inRead > inCheck {
				b.ReportMetric(float64(inCheck.Nanoseconds())/float64(b.N), "check-cpu-ns/op")
				b.ReportMetric(float64(inRead.Nanoseconds())/float64(b.N), "reader-cpu-ns/op")
				b.ReportMetric(100*float64(inCheck)/float64(inRead-inCheck), "overhead-%")
			}
		})
	}
}

package parse

import (
	"bytes"
	"runtime"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// BenchmarkHTMLPaired runs parse.HTML and its goquery-document baseline
// in turns, on the same pages, within one benchmark, and reports the ratio
// of their summed times (x-baseline) beside each one's time per
// operation. Measured in turns, both see the same state of a shared
// machine, whose speed drifts from second to second by more than the
// difference measured; BenchmarkHTML's separate runs do not. The order of
// the two alternates from one iteration to the next.
func BenchmarkHTMLPaired(b *testing.B) {
	seed := readBenchPage(b, "seed-trs.utf8.html")
	sets := []struct {
		name  string
		pages [][]byte
	}{
		{"seed", [][]byte{seed}},
		{"seed-gbk", [][]byte{readBenchPage(b, "seed-trs.gbk.html")}},
		{"large", [][]byte{grownPage(b, seed, 100_000)}},
		// The seed-style pages of three CMS layouts, two of them in GBK or
		// GB2312: the pages of the migrate benchmarks' seed tree.
		{"seed-layouts", [][]byte{seed, readBenchPage(b, "seed-trs.gbk.html"), readBenchPage(b, "seed-hanweb.html"),
			readBenchPage(b, "seed-article.html"), readBenchPage(b, "seed-table.gb2312.html")}},
	}
	if pages := corpusBenchPages(b); len(pages) > 0 {
		sets = append(sets, struct {
			name  string
			pages [][]byte
		}{"corpus", pages})
	}
	for _, set := range sets {
		b.Run(set.name, func(b *testing.B) { benchPaired(b, set.pages) })
	}
}

func benchPaired(b *testing.B, pages [][]byte) {
	reader, _ := readAll(b, pages)
	baseline := func() {
		for _, p := range pages {
			if _, err := goquery.NewDocumentFromReader(bytes.NewReader(p)); err != nil {
				b.Fatal(err)
			}
		}
	}
	runtime.GC()
	b.ResetTimer()
	var inReader, inBaseline time.Duration
	odd := false
	for b.Loop() {
		first, second := reader, baseline
		if odd {
			first, second = baseline, reader
		}
		t0 := time.Now()
		first()
		t1 := time.Now()
		second()
		t2 := time.Now()
		if odd {
			inBaseline += t1.Sub(t0)
			inReader += t2.Sub(t1)
		} else {
			inReader += t1.Sub(t0)
			inBaseline += t2.Sub(t1)
		}
		odd = !odd
	}
	if b.N > 0 && inBaseline > 0 {
		b.ReportMetric(float64(inReader.Nanoseconds())/float64(b.N), "reader-ns/op")
		b.ReportMetric(float64(inBaseline.Nanoseconds())/float64(b.N), "baseline-ns/op")
		b.ReportMetric(float64(inReader)/float64(inBaseline), "x-baseline")
	}
}

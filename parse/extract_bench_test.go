package parse

import (
	"bytes"
	"testing"
	"time"

	"github.com/replykit/replykit/internal/benchpair"

	"github.com/PuerkitoBio/goquery"

	"github.com/replykit/replykit/parse/internal/charset"
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

// BenchmarkFormattingCost measures the formatting budget's pass over the
// markup against the whole of parse.HTML, which runs it, in turns on the
// same pages (the seed pages of three layouts, and the corpus when
// present), in CPU time, which does not grow while other processes hold
// the cores. overhead-% is the pass's time over that of the rest of
// parse.HTML: what the budget adds to reading a page.
//
//	go test ./parse -run '^$' -bench FormattingCost -count 5
func BenchmarkFormattingCost(b *testing.B) {
	sets := map[string][][]byte{"seed-layouts": {fixture(b, "seed-trs-utf8"), fixture(b, "seed-trs-gbk"),
		fixture(b, "seed-hanweb"), fixture(b, "seed-article"), fixture(b, "seed-table-gb2312")}}
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
				texts[i] = charset.Decode(p, charset.Hints{}).Text
			}
			var inCheck, inRead time.Duration
			for b.Loop() {
				c0 := benchpair.CPU()
				for _, t := range texts {
					if err := checkFormatting(t, &cfg); err != nil {
						b.Fatal(err)
					}
				}
				c1 := benchpair.CPU()
				for _, p := range pages {
					_, _ = HTML(bytes.NewReader(p))
				}
				inCheck += c1 - c0
				inRead += benchpair.CPU() - c1
			}
			if inRead > inCheck {
				b.ReportMetric(float64(inCheck.Nanoseconds())/float64(b.N), "check-cpu-ns/op")
				b.ReportMetric(float64(inRead.Nanoseconds())/float64(b.N), "reader-cpu-ns/op")
				b.ReportMetric(100*float64(inCheck)/float64(inRead-inCheck), "overhead-%")
			}
		})
	}
}

// BenchmarkDocument measures parse.Document over the trees of the corpus
// pages, built once: the reader's own work on a page after html.Parse
// (finding the notice, its blocks and its structure), without decoding
// or parsing. Pages it refuses are timed as refused.
//
//	go test ./parse -run '^$' -bench 'BenchmarkDocument$' -benchmem -count 5
func BenchmarkDocument(b *testing.B) {
	pages := corpusBenchPages(b)
	if len(pages) == 0 {
		b.Skip("no corpus")
	}
	docs := make([]*goquery.Document, len(pages))
	size := 0
	for i, p := range pages {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(charset.Decode(p, charset.Hints{}).Text))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = doc
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			_, _ = Document(doc)
		}
	}
}

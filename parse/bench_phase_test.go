package parse

import (
	"bytes"
	"testing"

	"github.com/replykit/replykit/parse/internal/charset"
)

// BenchmarkHTMLPhase times each stage of parse.HTML on the seed page
// alone, to show where its time goes: reading and decoding the bytes, the
// node tree (html.Parse), finding the notice and its blocks, and reading its
// structure. The stages add up to about BenchmarkHTML/seed.
func BenchmarkHTMLPhase(b *testing.B) {
	page := readBenchPage(b, "seed-trs.utf8.html")
	c := newConfig(nil)
	cfg := &c
	doc, _, err := loadDocument(bytes.NewReader(page), cfg)
	if err != nil {
		b.Fatal(err)
	}
	src, err := extractDocument(doc, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			data, err := readLimited(bytes.NewReader(page), int64(len(page)), cfg.maxBytes)
			if err != nil || charset.Decode(data, charset.Hints{}).Encoding != "utf-8" {
				b.Fatal(err)
			}
		}
	})
	b.Run("tree", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := parseTree(cfg, page); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("extract", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if s, err := extractDocument(doc, cfg); err != nil || len(s.Blocks) != len(src.Blocks) {
				b.Fatal(err)
			}
		}
	})
	b.Run("structure", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			// readSource keeps the blocks it is given; a copy each time
			// keeps every run reading the same source.
			s := *src
			s.Blocks = append([]SourceBlock(nil), src.Blocks...)
			if rep, err := readSource(&s, cfg); err != nil || rep.Title == "" {
				b.Fatal(err)
			}
		}
	})
}

package parse

import (
	"bytes"
	"testing"
)

// BenchmarkPathological reads each pathological input of TestPathological:
// time and memory per input, in bytes per second of input. Run with
//
//	go test ./parse -run '^$' -bench 'Pathological|Linear' -benchmem
func BenchmarkPathological(b *testing.B) {
	pages := []struct {
		name string
		page []byte
		opts []Option
	}{
		{"div-nesting-1MB", divNesting(mb), nil},
		{"single-paragraph-10MB", longParagraph(10 * mb), []Option{WithMaxParagraph(16 * mb)}},
		{"single-paragraph-10MB-refused", longParagraph(10 * mb), nil},
		{"single-line-page-10MB", singleLinePage(10 * mb), nil},
		{"tiny-paragraphs-100k", tinyParagraphs(100_000), nil},
		{"ideographic-space-1MB", ideographicSpaces(mb), nil},
	}
	for _, p := range pages {
		b.Run("html/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(p.page)))
			for b.Loop() {
				_, _ = HTML(bytes.NewReader(p.page), p.opts...)
			}
		})
	}
	texts := []struct {
		name string
		text string
		opts []Option
	}{
		{"tiny-lines-100k", tinyLines(100_000), nil},
		{"single-line-10MB", longLine(10 * mb), []Option{WithMaxParagraph(16 * mb)}},
		{"single-line-10MB-refused", longLine(10 * mb), nil},
	}
	for _, p := range texts {
		b.Run("text/"+p.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(p.text)))
			for b.Loop() {
				_, _ = Text(p.text, p.opts...)
			}
		})
	}
}

// BenchmarkLinear reads the same shapes at 1 MB and at 4 MB: B/op (and
// time) at 4 MB is about four times that at 1 MB when memory and time are
// linear in the input's size.
func BenchmarkLinear(b *testing.B) {
	shapes := []struct {
		name string
		make func(size int) []byte
		opts []Option
	}{
		{"paragraphs", singleLinePage, nil},
		{"tiny-paragraphs", func(size int) []byte { return tinyParagraphs(size / 10) }, []Option{WithMaxBlocks(4 << 20)}},
		{"one-paragraph", longParagraph, []Option{WithMaxParagraph(16 * mb)}},
		{"text-lines", func(size int) []byte { return []byte(tinyLines(size / 4)) }, []Option{WithMaxBlocks(4 << 20)}},
	}
	for _, s := range shapes {
		for _, size := range []int{mb, 4 * mb} {
			input := s.make(size)
			b.Run(s.name+"/"+sizeName(size), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(input)))
				for b.Loop() {
					if s.name == "text-lines" {
						_, _ = Text(string(input), s.opts...)
					} else {
						_, _ = HTML(bytes.NewReader(input), s.opts...)
					}
				}
			})
		}
	}
}

func sizeName(size int) string {
	if size == mb {
		return "1MB"
	}
	return "4MB"
}

package render_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/replykit/replykit/render"
)

func BenchmarkHTML(b *testing.B) {
	seed := loadSeed(b)
	var buf bytes.Buffer
	require := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	require(render.HTML(&buf, seed))
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		require(render.HTML(io.Discard, seed))
	}
}

// BenchmarkHTMLSized writes the seed's page into a bytes.Buffer with room
// for it, as the migration does.
func BenchmarkHTMLSized(b *testing.B) {
	seed := loadSeed(b)
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := render.HTML(&buf, seed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	seed := loadSeed(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := render.Text(io.Discard, seed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarkdown(b *testing.B) {
	seed := loadSeed(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := render.Markdown(io.Discard, seed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSON(b *testing.B) {
	seed := loadSeed(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := render.JSON(io.Discard, seed); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTMLReadBack is the cost of parse.HTML on a rendered page.
func BenchmarkHTMLReadBack(b *testing.B) {
	seed := loadSeed(b)
	var buf bytes.Buffer
	if err := render.HTML(&buf, seed); err != nil {
		b.Fatal(err)
	}
	page := buf.Bytes()
	b.ReportAllocs()
	for b.Loop() {
		readBack(b, page)
	}
}

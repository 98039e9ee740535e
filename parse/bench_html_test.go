package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// The benchmarks of parse.HTML come in pairs: NAME runs the whole reader
// (decoding, the HTML parse, extraction and structure) and NAME-baseline
// only builds the goquery document of the same bytes, the floor any
// goquery-based reader pays. The ratio of the two is read off one run:
//
//	go test ./parse -run '^$' -bench 'HTML' -benchmem -count 10

// readAll returns a function that runs parse.HTML over pages, all of them,
// and their total size. A page must fail or not as it did when readAll
// was called: a page the reader refuses (not a notice, no content) is
// timed as refused.
func readAll(b *testing.B, pages [][]byte, opts ...Option) (run func(), size int) {
	b.Helper()
	failed := make([]bool, len(pages))
	for i, p := range pages {
		_, err := HTML(bytes.NewReader(p), opts...)
		failed[i] = err != nil
		size += len(p)
	}
	return func() {
		for i, p := range pages {
			rep, err := HTML(bytes.NewReader(p), opts...)
			if (err != nil) != failed[i] || err == nil && rep == nil {
				b.Fatalf("page %d: error %v, want failure %v", i, err, failed[i])
			}
		}
	}, size
}

// benchHTML runs parse.HTML over pages, all of them each iteration.
func benchHTML(b *testing.B, pages [][]byte, opts ...Option) {
	b.Helper()
	run, size := readAll(b, pages, opts...)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	runtime.GC() // the set-up's garbage is not collected on the clock
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		run()
	}
	report(b, size, processCPU()-cpu)
}

// benchBaseline only builds the goquery document of each page.
func benchBaseline(b *testing.B, pages [][]byte) {
	b.Helper()
	size := 0
	for _, p := range pages {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	runtime.GC() // the set-up's garbage is not collected on the clock
	b.ResetTimer()
	cpu := processCPU()
	for b.Loop() {
		for _, p := range pages {
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(p))
			if err != nil || len(doc.Nodes) == 0 {
				b.Fatal(err)
			}
		}
	}
	report(b, size, processCPU()-cpu)
}

// report reports the time per input byte, the figure that stays flat when
// the cost is linear, and the CPU time per operation (cpu-ns/op): on a
// machine shared with other work, wall time grows with their load while
// the CPU time the reader used does not.
func report(b *testing.B, size int, cpu time.Duration) {
	if b.N == 0 {
		return
	}
	if size > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(size), "ns/B")
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// pair runs name and name-baseline over the same pages.
func pair(b *testing.B, name string, pages [][]byte, opts ...Option) {
	b.Run(name, func(b *testing.B) { benchHTML(b, pages, opts...) })
	b.Run(name+"-baseline", func(b *testing.B) { benchBaseline(b, pages) })
}

// BenchmarkHTML measures parse.HTML on the seed page (UTF-8 and GBK), on a
// large reply of about 100 KB of text in the seed page's layout, and over
// every page of the shared corpus (skipped when it is absent), each beside
// its goquery-document baseline.
func BenchmarkHTML(b *testing.B) {
	seed := readBenchPage(b, "seed-trs.utf8.html")
	pair(b, "seed", [][]byte{seed})
	pair(b, "seed-gbk", [][]byte{readBenchPage(b, "seed-trs.gbk.html")})
	pair(b, "large", [][]byte{grownPage(b, seed, 100_000)})
	if pages := corpusBenchPages(b); len(pages) > 0 {
		pair(b, "corpus", pages)
	}
}

// BenchmarkHTMLSize measures parse.HTML on the seed page grown to 10 KB,
// 100 KB, 1 MB and 10 MB of body text: ns/B stays flat when the cost grows
// linearly with the input.
func BenchmarkHTMLSize(b *testing.B) {
	seed := readBenchPage(b, "seed-trs.utf8.html")
	for _, s := range []struct {
		name string
		text int
	}{{"10KB", 10_000}, {"100KB", 100_000}, {"1MB", 1_000_000}, {"10MB", 10_000_000}} {
		page := grownPage(b, seed, s.text)
		pair(b, s.name, [][]byte{page}, WithMaxBytes(64<<20))
	}
}

// BenchmarkHTMLCorpusPage measures parse.HTML on each corpus page alone,
// beside its baseline: where BenchmarkHTML/corpus spends its time.
func BenchmarkHTMLCorpusPage(b *testing.B) {
	dir := corpusPages(b)
	for _, p := range readCorpusSources(b, dir) {
		data, err := os.ReadFile(filepath.Join(dir, p.file))
		if err != nil {
			b.Fatal(err)
		}
		pair(b, strings.TrimSuffix(p.file, filepath.Ext(p.file)), [][]byte{data})
	}
}

// corpusBenchPages reads every page of the shared corpus, or none when it
// is absent.
func corpusBenchPages(b *testing.B) [][]byte {
	b.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "pages")
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.tsv")); err != nil {
		return nil
	}
	var pages [][]byte
	for _, p := range readCorpusSources(b, dir) {
		data, err := os.ReadFile(filepath.Join(dir, p.file))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	return pages
}

// bodyParagraph matches a paragraph of the seed page's body with its text.
var bodyParagraph = regexp.MustCompile(`<p style="text-indent: 2em;">([^<]+)</p>\n`)

// grownPage returns the seed page with its long body paragraphs (those of
// 300 bytes or more) repeated after the last of them, until the page's
// paragraphs hold at least text bytes of text. The page keeps the seed's
// layout, head and furniture, and its opening and closing paragraphs.
func grownPage(b testing.TB, seed []byte, text int) []byte {
	b.Helper()
	all := bodyParagraph.FindAllSubmatchIndex(seed, -1)
	var long [][]byte
	have, end := 0, 0
	for _, m := range all {
		have += m[3] - m[2]
		if m[3]-m[2] >= 300 {
			long = append(long, seed[m[0]:m[1]])
			end = m[1]
		}
	}
	if len(long) == 0 {
		b.Fatal("seed page has no long paragraph")
	}
	var extra bytes.Buffer
	for i := 0; have < text; i++ {
		p := long[i%len(long)]
		extra.Write(p)
		have += len(p) - len(`<p style="text-indent: 2em;"></p>`+"\n")
	}
	page := make([]byte, 0, len(seed)+extra.Len())
	page = append(page, seed[:end]...)
	page = append(page, extra.Bytes()...)
	return append(page, seed[end:]...)
}

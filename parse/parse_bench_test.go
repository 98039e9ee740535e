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

	"github.com/replykit/replykit/internal/benchpair"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/parse/internal/charset"
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
	cpu := benchpair.CPU()
	for b.Loop() {
		run()
	}
	report(b, size, benchpair.CPU()-cpu)
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
	cpu := benchpair.CPU()
	for b.Loop() {
		for _, p := range pages {
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(p))
			if err != nil || len(doc.Nodes) == 0 {
				b.Fatal(err)
			}
		}
	}
	report(b, size, benchpair.CPU()-cpu)
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
	seed := fixture(b, "seed-trs-utf8")
	pair(b, "seed", [][]byte{seed})
	pair(b, "seed-gbk", [][]byte{fixture(b, "seed-trs-gbk")})
	pair(b, "large", [][]byte{grownPage(b, seed, 100_000)})
	if pages := corpusBenchPages(b); len(pages) > 0 {
		pair(b, "corpus", pages)
	}
}

// BenchmarkHTMLSize measures parse.HTML on the seed page grown to 10 KB,
// 100 KB, 1 MB and 10 MB of body text: ns/B stays flat when the cost grows
// linearly with the input.
func BenchmarkHTMLSize(b *testing.B) {
	seed := fixture(b, "seed-trs-utf8")
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
	dir := corpusDir(b, "pages")
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
	dir, ok := sharedCorpus("pages")
	if !ok {
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

// BenchmarkHTMLPaired runs parse.HTML and its goquery-document baseline
// in turns, on the same pages, within one benchmark, and reports the ratio
// of their summed times (x-baseline) beside each one's time per
// operation. Measured in turns, both see the same state of a shared
// machine, whose speed drifts from second to second by more than the
// difference measured; BenchmarkHTML's separate runs do not. The order of
// the two alternates from one iteration to the next.
func BenchmarkHTMLPaired(b *testing.B) {
	seed := fixture(b, "seed-trs-utf8")
	sets := []struct {
		name  string
		pages [][]byte
	}{
		{"seed", [][]byte{seed}},
		{"seed-gbk", [][]byte{fixture(b, "seed-trs-gbk")}},
		{"large", [][]byte{grownPage(b, seed, 100_000)}},
		// The seed-style pages of three CMS layouts, two of them in GBK or
		// GB2312: the pages of the migrate benchmarks' seed tree.
		{"seed-layouts", [][]byte{seed, fixture(b, "seed-trs-gbk"), fixture(b, "seed-hanweb"),
			fixture(b, "seed-article"), fixture(b, "seed-table-gb2312")}},
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
	baseline := func() error {
		for _, p := range pages {
			if _, err := goquery.NewDocumentFromReader(bytes.NewReader(p)); err != nil {
				return err
			}
		}
		return nil
	}
	tm := benchpair.Run(b, [2]func() error{func() error { reader(); return nil }, baseline})
	if b.N > 0 && tm.Wall[1] > 0 {
		b.ReportMetric(float64(tm.Wall[0].Nanoseconds())/float64(b.N), "reader-ns/op")
		b.ReportMetric(float64(tm.Wall[1].Nanoseconds())/float64(b.N), "baseline-ns/op")
		b.ReportMetric(tm.Ratio(0, 1), "x-baseline")
	}
}

// BenchmarkHTMLPhase times each stage of parse.HTML on the seed page
// alone, to show where its time goes: reading and decoding the bytes, the
// node tree (html.Parse), finding the notice and its blocks, and reading its
// structure. The stages add up to about BenchmarkHTML/seed.
func BenchmarkHTMLPhase(b *testing.B) {
	page := fixture(b, "seed-trs-utf8")
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

// BenchmarkText reads the seed notice given as text.
func BenchmarkText(b *testing.B) {
	seed := string(fixture(b, "seed"))
	b.SetBytes(int64(len(seed)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Text(seed); err != nil {
			b.Fatal(err)
		}
	}
}

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

package parse

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The pathological inputs, by shape and size. Each starts as a notice
// does where it can, so that what is read can be checked.

// divNesting is size bytes of <div> opened and never closed.
func divNesting(size int) []byte {
	return []byte(noticeHead + strings.Repeat("<div>", size/5) + "<p>正文。</p>" + noticeTail)
}

// longParagraph is a page whose notice is one paragraph of size bytes.
func longParagraph(size int) []byte {
	return []byte(noticeHead + "<p>" + strings.Repeat("很长的一行文字，", size/24) + "</p>" + noticeTail)
}

// singleLinePage is a page of size bytes on one line, without a line
// break: paragraphs of about a kilobyte each.
func singleLinePage(size int) []byte {
	return []byte(noticeHead + paragraphs(size/1000, 990) + noticeTail)
}

// tinyParagraphs is a page of n paragraphs of one character each.
func tinyParagraphs(n int) []byte {
	return []byte(noticeHead + strings.Repeat("<p>一</p>", n) + noticeTail)
}

// ideographicSpaces is a page of size bytes of &#12288; and nothing else.
func ideographicSpaces(size int) []byte {
	return []byte("<html><body><p>" + strings.Repeat("&#12288;", size/8) + "</p></body></html>")
}

// tinyLines is a text of the salutation and n lines of one character.
func tinyLines(n int) string { return "涂轶委员：\n" + strings.Repeat("一\n", n) }

// longLine is a text of one line of size bytes.
func longLine(size int) string { return strings.Repeat("很长的一行文字，", size/24) }

const mb = 1 << 20

// TestPathological reads each pathological input and checks what comes
// out: a typed error, or a reply holding what the input held.
func TestPathological(t *testing.T) {
	t.Run("1 MB of <div> nesting", func(t *testing.T) {
		_, err := HTML(bytes.NewReader(divNesting(mb)))
		requireLimit(t, err, "depth", 512)
	})
	t.Run("a 10 MB single paragraph", func(t *testing.T) {
		page := longParagraph(10 * mb)
		_, err := HTML(bytes.NewReader(page))
		requireLimit(t, err, "paragraph", DefaultMaxParagraph)
		rep, err := HTML(bytes.NewReader(page), WithMaxParagraph(16*mb))
		require.NoError(t, err)
		// Lengths only: a failure must not print ten megabytes.
		require.Equal(t, 2, len(rep.Opening))
		assert.Equal(t, 10*mb/24*24, len(rep.Opening[1].Text), "the paragraph whole")
		assert.True(t, strings.HasPrefix(rep.Opening[1].Text, "很长的一行文字，很长的"))
		assert.Equal(t, []reply.Block{{Text: "感谢你对我们工作的关心和支持。"}}, rep.Closing)
	})
	t.Run("a 10 MB page on a single line", func(t *testing.T) {
		page := singleLinePage(10 * mb)
		require.NotContains(t, string(page), "\n")
		rep, err := HTML(bytes.NewReader(page))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
		assert.Equal(t, 1+10*mb/1000, len(rep.Opening))
		assert.Equal(t, []reply.Block{{Text: "感谢你对我们工作的关心和支持。"}}, rep.Closing)
		if string(page[len(noticeHead):len(page)-len(noticeTail)]) != "<p>"+strings.Join(paragraphTexts(rep.Opening[1:]), "</p><p>")+"</p>" {
			t.Error("the paragraphs read are not the page's")
		}
	})
	t.Run("100,000 tiny paragraphs", func(t *testing.T) {
		rep, err := HTML(bytes.NewReader(tinyParagraphs(100_000)))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
		require.Equal(t, 100_001, len(rep.Opening))
		for _, b := range rep.Opening[1:] {
			if b.Text != "一" {
				t.Fatalf("a tiny paragraph read as %+v", b)
			}
		}
		_, err = HTML(bytes.NewReader(tinyParagraphs(100_000)), WithMaxBlocks(50_000))
		requireLimit(t, err, "blocks", 50_000)
	})
	t.Run("a page of only &#12288;", func(t *testing.T) {
		_, err := HTML(bytes.NewReader(ideographicSpaces(mb)))
		assert.ErrorIs(t, err, ErrNoContent)
		_, err = Text(strings.Repeat("\u3000", mb/3))
		assert.ErrorIs(t, err, ErrEmpty)
	})
	t.Run("text: 100,000 tiny lines", func(t *testing.T) {
		rep, err := Text(tinyLines(100_000))
		require.NoError(t, err)
		assert.Equal(t, "涂轶委员：", rep.Salutation)
		assert.Equal(t, 100_000, len(rep.Opening))
	})
	t.Run("text: a 10 MB single line", func(t *testing.T) {
		_, err := Text(longLine(10 * mb))
		le := requireLimit(t, err, "paragraph", DefaultMaxParagraph)
		assert.Equal(t, "line 1", le.Where)
		rep, err := Text("涂轶委员：\n"+longLine(10*mb), WithMaxParagraph(16*mb))
		require.NoError(t, err)
		require.Equal(t, 1, len(rep.Opening))
		assert.Equal(t, 10*mb/24*24, len(rep.Opening[0].Text))
	})
}

// paragraphTexts returns the text of each block of a reply.
func paragraphTexts(bs []reply.Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Text
	}
	return out
}

// TestTextErrors gives each typed error of Text and Read.
func TestTextErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opts  []Option
		want  error
		limit string
	}{
		{"empty", "", nil, ErrEmpty, ""},
		{"white space", " \r\n\u3000\t\n", nil, ErrEmpty, ""},
		{"bytes", strings.Repeat("字", 100), []Option{WithMaxBytes(50)}, ErrTooLarge, "bytes"},
		{"blocks", "一\n二\n三\n", []Option{WithMaxBlocks(2)}, ErrTooLarge, "blocks"},
		{"paragraph", "短\n" + strings.Repeat("长", 40), []Option{WithMaxParagraph(100)}, ErrTooLarge, "paragraph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := Text(tt.input, tt.opts...)
			assert.Nil(t, rep)
			require.ErrorIs(t, err, tt.want)
			var le *LimitError
			if tt.limit != "" {
				require.True(t, errors.As(err, &le))
				assert.Equal(t, tt.limit, le.Limit)
				assert.NotEmpty(t, le.Where)
			}
		})
	}
	_, err := Read(nil)
	assert.ErrorIs(t, err, ErrEmpty)
}

// TestTextAnything reads texts that are no reply at all: each gives a full
// reply of kind other, never an error.
func TestTextAnything(t *testing.T) {
	for _, s := range []string{"abc", "一、", "2021年5月6日", "某某委员：", "附件：1.表格\n2.清单", "（一）\n（一）\n1.\n1."} {
		rep, err := Text(s)
		require.NoError(t, err, s)
		assert.NotEmpty(t, rep.Kind, s)
		assertNothingLost(t, s, rep)
		assertValid(t, rep)
	}
}

// TestExtractDocumentNil checks a nil or empty document.
func TestExtractDocumentNil(t *testing.T) {
	_, err := ExtractDocument(nil)
	assert.ErrorIs(t, err, ErrNoContent)
	_, err = Extract(nil)
	assert.ErrorIs(t, err, ErrEmpty)
}

// TestTextSuppliedTitle: a first line that reply.SuppliedTitle wrote is the
// reply's title, marked inferred and not a line of the notice, even where
// the title could not be inferred or would be inferred otherwise; the same
// line further down is text like any other.
func TestTextSuppliedTitle(t *testing.T) {
	body := "涂轶委员：\n\n　　您提出的提案收悉。现答复如下：\n\n　　感谢您的关心和支持。\n\n旺苍县人民政府办公室\n2017年3月16日\n"
	supplied := reply.SuppliedTitle("关于涂轶委员所提提案的答复")
	r, err := Text(supplied + "\n\n" + body)
	require.NoError(t, err)
	assert.Equal(t, "关于涂轶委员所提提案的答复", r.Title)
	assert.True(t, r.TitleInferred)
	assert.Nil(t, r.Header)
	assert.Equal(t, "涂轶委员：", r.Lines()[0])

	plain, err := Text(body)
	require.NoError(t, err)
	assert.Empty(t, plain.Title, "nothing to infer a title from")
	withoutTitle := *r
	withoutTitle.Title, withoutTitle.TitleInferred, withoutTitle.Warnings = "", false, plain.Warnings
	assert.Equal(t, plain, &withoutTitle, "the supplied line changes the title only")

	r, err = Text("涂轶委员：\n\n" + supplied + "\n\n　　您提出的提案收悉。\n")
	require.NoError(t, err)
	assert.Empty(t, r.Title)
	assert.Contains(t, r.Lines(), supplied)
}

// concurrencyInputs returns the pages and texts to read at once: the
// shared corpus when it is present, else the fixtures of testdata.
func concurrencyInputs(t *testing.T) (pages, texts map[string][]byte) {
	t.Helper()
	load := func(patterns ...string) map[string][]byte {
		out := map[string][]byte{}
		for _, p := range patterns {
			files, err := filepath.Glob(p)
			require.NoError(t, err)
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				out[f] = data
			}
		}
		return out
	}
	corpus := filepath.Join("..", "..", "shared", "corpus")
	pages = load(filepath.Join(corpus, "pages", "*.htm*"))
	texts = load(filepath.Join(corpus, "texts", "*.txt"))
	if len(pages) == 0 {
		t.Log("page corpus absent: reading the fixtures")
		pages = load(fixtureGlob(t, "html")...)
	}
	if len(texts) == 0 {
		t.Log("text corpus absent: reading the fixtures")
		texts = load(fixtureGlob(t, "txt")...)
	}
	require.NotEmpty(t, pages)
	require.NotEmpty(t, texts)
	return pages, texts
}

// outcome is what one read gave, as comparable text: the reply's
// reference JSON, or the error.
func outcome(rep *reply.Reply, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	data, merr := reply.Marshal(rep)
	if merr != nil {
		return "marshal error: " + merr.Error()
	}
	return string(data)
}

// TestConcurrentRead reads every corpus page and text from eight
// goroutines at once, several rounds over, and checks that each read
// gives exactly what it gives alone (run with -race, this also finds
// shared state).
func TestConcurrentRead(t *testing.T) {
	pages, texts := concurrencyInputs(t)
	type job struct {
		name string
		read func() string
	}
	var jobs []job
	for name, data := range pages {
		jobs = append(jobs, job{"page " + name, func() string { return outcome(HTML(bytes.NewReader(data))) }})
	}
	for name, data := range texts {
		jobs = append(jobs, job{"text " + name, func() string { return outcome(Text(string(data))) }})
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].name < jobs[j].name })
	want := make([]string, len(jobs))
	replies := 0
	for i, j := range jobs {
		want[i] = j.read()
		if want[i][0] == '{' {
			replies++
		}
	}
	require.Positive(t, replies, "some inputs read as replies")

	rounds := 3
	if testing.Short() {
		rounds = 1
	}
	const workers = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	var diffs []string
	for w := range workers {
		wg.Go(func() {
			for r := range rounds {
				// Each worker starts at another input, so that the same
				// input is read by several at once.
				for k := range jobs {
					i := (k + w*len(jobs)/workers) % len(jobs)
					if got := jobs[i].read(); got != want[i] {
						mu.Lock()
						diffs = append(diffs, fmt.Sprintf("round %d worker %d: %s differs", r, w, jobs[i].name))
						mu.Unlock()
					}
				}
			}
		})
	}
	wg.Wait()
	assert.Empty(t, diffs)
	t.Logf("%d inputs (%d pages, %d texts, %d replies) read by %d goroutines, %d rounds", len(jobs), len(pages), len(texts), replies, workers, rounds)
}

// TestReplyOwnsItsText reads each fixture page from the buffer it was
// read into, then overwrites the buffer: the reply reads the same
// afterwards, so none of its strings is a stretch of the page's bytes.
func TestReplyOwnsItsText(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "seed-*", "page.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		page, err := os.ReadFile(f)
		require.NoError(t, err)
		cfg := newConfig(nil)
		doc, _, err := pageDocument(page, &cfg)
		require.NoError(t, err, f)
		rep, err := readDocument(doc, &cfg)
		require.NoError(t, err, f)
		before, err := reply.Marshal(rep)
		require.NoError(t, err, f)
		for i := range page {
			page[i] = 'x'
		}
		after, err := reply.Marshal(rep)
		require.NoError(t, err, f)
		require.Equal(t, string(before), string(after), f)
	}
}

// bigPage is the seed page grown to about 1 MB of body text, with 9 MB
// of inline script in its head, as pages that carry a framework or data
// inline do: about 10 MB, of which the reply keeps a tenth.
func bigPage(t testing.TB) []byte {
	page := grownPage(t, fixture(t, "seed-trs-utf8"), 1_000_000)
	script := "<script>var data = \"" + strings.Repeat("0123456789abcdef", 9<<20/16) + "\";</script>\n"
	return []byte(strings.Replace(string(page), "</head>", script+"</head>", 1))
}

// readBig parses bigPage and returns only the reply: the page, its tree
// and everything else parse.HTML made are garbage once it returns.
func readBig(t *testing.T) *reply.Reply {
	page := bigPage(t)
	rep, err := HTML(bytes.NewReader(page))
	require.NoError(t, err)
	require.NoError(t, rep.Validate())
	return rep
}

// TestReplyHeap reads a 10 MB page and keeps only the reply: the heap it
// keeps is at most twice the reply's own text and 1 MiB, so that a reply
// does not hold its page alive.
func TestReplyHeap(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rep := readBig(t)
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	retained := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	text := len(rep.PlainText())
	require.Greater(t, text, 900_000, "the reply holds the page's text")
	limit := 2*int64(text) + 1<<20
	t.Logf("page %d bytes; reply text %d bytes; heap retained %d bytes (limit %d)", len(bigPage(t)), text, retained, limit)
	assert.LessOrEqual(t, retained, limit)
	runtime.KeepAlive(rep)
}

// Hostile input of a few kilobytes that made the reader's work or memory
// grow far faster than the input: each is read with a bound on the bytes
// allocated, and its outcome checked.

// wideTable is a table whose first row holds wide cells, each spanning
// 100 columns, over rows narrow rows of two cells: padded to the first
// row's width, the narrow rows would hold wide×100 cells each.
func wideTable(wide, rows int) []byte {
	return []byte("<table><tr>" + strings.Repeat("<td colspan=100>x", wide) + strings.Repeat("<tr><td>a<td>b", rows))
}

// openFormatting is a paragraph holding distinct formatting elements left
// open (distinct, so that the parser keeps every one), then paras
// paragraphs of text: the parser copies every open formatting element
// into each paragraph.
func openFormatting(distinct, paras int, text string) []byte {
	var b strings.Builder
	b.WriteString("<p>")
	for i := range distinct {
		fmt.Fprintf(&b, "<b class=c%d>", i)
	}
	b.WriteString(strings.Repeat("<p>"+text, paras))
	return []byte(b.String())
}

// allocated returns the bytes that f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostile reads each hostile input and checks its outcome, and that
// reading it allocates no more than its bound: a page under 100 KB stays
// under 256 MiB.
func TestHostile(t *testing.T) {
	tests := []struct {
		name  string
		input []byte
		text  bool     // read with Text rather than HTML
		opts  []Option // options of the read
		max   uint64   // the most bytes the read may allocate
		check func(t *testing.T, err error, out string)
	}{
		{"1 MB of lines ended by a lone CR", []byte(crLines(mb)), true, []Option{WithMaxBlocks(mb)}, 256 << 20,
			func(t *testing.T, err error, out string) {
				require.NoError(t, err)
				assert.Equal(t, strings.Repeat("a\n", mb/2), out, "every line read")
			}},
		{"a wide row over 1,000 narrow rows (17.8 KB)", wideTable(200, 1000), false, nil, 64 << 20,
			func(t *testing.T, err error, out string) {
				require.NoError(t, err)
				requireCellsKept(t, out, 200, 1000)
			}},
		{"a wide row over 3,000 narrow rows (48 KB)", wideTable(200, 3000), false, nil, 64 << 20,
			func(t *testing.T, err error, out string) {
				require.NoError(t, err)
				requireCellsKept(t, out, 200, 3000)
			}},
		{"400 open formatting elements over 20,000 paragraphs (85 KB)", openFormatting(400, 20_000, "x"), false, nil, 16 << 20,
			func(t *testing.T, err error, _ string) {
				le := requireLimit(t, err, "formatting", DefaultMaxFormatting)
				// Each paragraph's text copies the 400 elements of two
				// bytes each: the 626th passes 500,000.
				where := len(openFormatting(400, 0, "")) + 625*len("<p>x") + len("<p>")
				assert.Equal(t, fmt.Sprintf("byte %d", where), le.Where, "the text where the copies pass the limit")
			}},
		{"400 open formatting elements over 70,000 paragraphs (286 KB)", openFormatting(400, 70_000, "x"), false, nil, 16 << 20,
			func(t *testing.T, err error, _ string) {
				requireLimit(t, err, "formatting", DefaultMaxFormatting)
			}},
		{"400 open formatting elements over 600 paragraphs, under the limit (16 KB)",
			[]byte(noticeHead + string(openFormatting(400, 600, "一段文字。")) + noticeTail), false, nil, 256 << 20,
			func(t *testing.T, err error, out string) {
				require.NoError(t, err)
				assert.Equal(t, 600, strings.Count(out, "一段文字。"), "every paragraph read")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out string
			var err error
			n := allocated(func() {
				var rep *reply.Reply
				if tt.text {
					rep, err = Text(string(tt.input), tt.opts...)
				} else {
					rep, err = HTML(bytes.NewReader(tt.input), tt.opts...)
				}
				if rep != nil {
					out = rep.PlainText()
				}
			})
			t.Logf("%d bytes read, %d allocated", len(tt.input), n)
			tt.check(t, err, out)
			assert.LessOrEqual(t, n, tt.max, "bytes allocated reading %d bytes", len(tt.input))
			if len(tt.input) < 100<<10 {
				assert.LessOrEqual(t, n, uint64(256<<20), "a page under 100 KB stays under 256 MiB")
			}
		})
	}
}

// requireCellsKept checks that out, the text read from wideTable(wide,
// rows), holds every cell's text in order.
func requireCellsKept(t *testing.T, out string, wide, rows int) {
	t.Helper()
	words := strings.Fields(out)
	want := make([]string, 0, wide+2*rows)
	for range wide {
		want = append(want, "x")
	}
	for range rows {
		want = append(want, "a", "b")
	}
	require.Equal(t, len(want), len(words), "every cell's text")
	assert.Equal(t, want, words)
}

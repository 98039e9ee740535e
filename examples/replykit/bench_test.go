package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/replykit/replykit/internal/benchpair"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/stretchr/testify/require"
)

var (
	benchPages   = flag.Int("migrate.pages", 5000, "pages in the tree BenchmarkMigrate and BenchmarkBaseline read")
	benchWorkers = flag.Int("migrate.j", runtime.NumCPU(), "workers of BenchmarkMigrate and BenchmarkBaseline")
	benchTree    = flag.String("migrate.tree", "sample", "pages the migrate benchmarks' tree repeats: sample (the command's sample pages, 0.6-10 KB), seed (the seed-style fixture pages of parse, 10-15 KB) or corpus (the 26 saved pages of ../shared/corpus/pages, 0.8-420 KB; skipped when absent)")
)

// seedTreePages are the seed-style fixture pages of parse that the seed
// tree repeats: full notice pages of 10-15 KB in the layouts of three
// government CMSs, two of them in GBK or GB2312.
var seedTreePages = []string{"seed-trs-utf8", "seed-trs-gbk", "seed-hanweb", "seed-article", "seed-table-gb2312"}

// benchTreeSource returns the pages the tree of -migrate.tree repeats, by
// name, in order.
func benchTreeSource(b *testing.B) ([]string, map[string][]byte) {
	b.Helper()
	var names []string
	pages := map[string][]byte{}
	switch *benchTree {
	case "sample":
		err := fs.WalkDir(sampleFiles, "sample", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := sampleFiles.ReadFile(p)
			names = append(names, p)
			pages[p] = data
			return err
		})
		require.NoError(b, err)
	case "seed":
		for _, name := range seedTreePages {
			data, err := os.ReadFile(filepath.Join("..", "..", "parse", "testdata", "cases", name, "page.html"))
			require.NoError(b, err)
			names = append(names, name+".html")
			pages[name+".html"] = data
		}
	case "corpus":
		dir := filepath.Join("..", "..", "..", "shared", "corpus", "pages")
		files, err := filepath.Glob(filepath.Join(dir, "*.html"))
		require.NoError(b, err)
		if len(files) == 0 {
			b.Skip("page corpus absent: ", dir)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(b, err)
			names = append(names, filepath.Base(f))
			pages[filepath.Base(f)] = data
		}
	default:
		b.Fatalf("-migrate.tree %q: want sample, seed or corpus", *benchTree)
	}
	return names, pages
}

// genSampleTree writes n pages into dir: copies of the pages of
// -migrate.tree (GBK, GB18030, UTF-8 with and without BOM, text), each
// made different.
func genSampleTree(b *testing.B, dir string, n int) {
	b.Helper()
	names, pages := benchTreeSource(b)
	for i := range n {
		name := names[i%len(names)]
		rel := filepath.Join(fmt.Sprintf("site%d", i%4), fmt.Sprintf("c%03d", i%97), fmt.Sprintf("%05d-%s", i, filepath.Base(name)))
		data := append(bytes.Clone(pages[name]), fmt.Sprintf("\n<!-- copy %d -->\n", i)...)
		require.NoError(b, os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755))
		require.NoError(b, os.WriteFile(filepath.Join(dir, rel), data, 0o644))
	}
}

// BenchmarkMigrate migrates a generated tree of -migrate.pages pages with
// -migrate.j workers, all pages converted and written each time. It also
// reports the heap in use after 1,000 pages and after the last page of the
// first run: memory stays flat over a run.
func BenchmarkMigrate(b *testing.B) { benchMigrate(b, nil, false) }

// BenchmarkMigrateNoSync is BenchmarkMigrate with --no-sync: the outputs
// are not synced to disk one by one.
func BenchmarkMigrateNoSync(b *testing.B) { benchMigrate(b, nil, true) }

// BenchmarkMigrateNoWrite is BenchmarkMigrate with the outputs made but
// thrown away: the cost of reading, parsing and rendering alone.
func BenchmarkMigrateNoWrite(b *testing.B) { benchMigrate(b, discardFS{}, true) }

func benchMigrate(b *testing.B, fsys migrate.FS, noSync bool) {
	in, out := b.TempDir(), b.TempDir()
	genSampleTree(b, in, *benchPages)
	opts := migrateOptions(context.Background(), out, *benchWorkers, true)
	opts.NoSync, opts.FS = noSync, fsys

	// The heap is measured during the first run only: two collections
	// in a run of thousands of pages do not change its time.
	heap := map[int]float64{}
	first := true
	opts.OnPage = func(done int) {
		if first && (done == 1000 || done == *benchPages) {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			heap[done] = float64(m.HeapInuse) / (1 << 20)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		rep, err := migrate.Run(context.Background(), migrate.Paths(in), opts)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Totals.Pages != *benchPages || rep.Totals.Failed != 0 {
			b.Fatalf("%d pages, %d failed; want %d, 0", rep.Totals.Pages, rep.Totals.Failed, *benchPages)
		}
		first = false
	}
	b.ReportMetric(float64(*benchPages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(heap[1000], "heap-MiB@1k")
	b.ReportMetric(heap[*benchPages], "heap-MiB@end")
}

// BenchmarkBaseline is the floor BenchmarkMigrate is measured against: the
// same tree, the same workers, each page only read and made into a
// goquery document.
func BenchmarkBaseline(b *testing.B) {
	in := b.TempDir()
	genSampleTree(b, in, *benchPages)
	b.ResetTimer()
	for b.Loop() {
		if err := baselineRun(in, *benchWorkers); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(*benchPages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// baselineRun reads every page under in and makes it into a goquery
// document, with the given number of workers.
func baselineRun(in string, workers int) error {
	paths := make(chan string, 2*workers)
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				data, err := os.ReadFile(p)
				if err == nil {
					_, err = goquery.NewDocumentFromReader(bytes.NewReader(data))
				}
				if err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	err := filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths <- p
		}
		return err
	})
	close(paths)
	wg.Wait()
	if err != nil {
		return err
	}
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// BenchmarkMigratePaired runs a migration with its outputs thrown away
// (MigrateNoWrite) and the baseline loop in turns over the same tree, and
// reports the migration's throughput as a share of the baseline's
// (x-baseline-throughput, the ratio of their summed times inverted).
// Measured in turns, both see the same state of a shared machine; the
// order alternates from one iteration to the next.
func BenchmarkMigratePaired(b *testing.B) {
	in, out := b.TempDir(), b.TempDir()
	genSampleTree(b, in, *benchPages)
	opts := migrateOptions(context.Background(), out, *benchWorkers, true)
	opts.NoSync, opts.FS = true, discardFS{}
	migrateOnce := func() error {
		rep, err := migrate.Run(context.Background(), migrate.Paths(in), opts)
		if err == nil && (rep.Totals.Pages != *benchPages || rep.Totals.Failed != 0) {
			err = fmt.Errorf("%d pages, %d failed; want %d, 0", rep.Totals.Pages, rep.Totals.Failed, *benchPages)
		}
		return err
	}
	baselineOnce := func() error { return baselineRun(in, *benchWorkers) }
	tm := benchpair.Run(b, [2]func() error{migrateOnce, baselineOnce})
	pages := float64(*benchPages) * float64(b.N)
	b.ReportMetric(pages/tm.Wall[0].Seconds(), "migrate-pages/s")
	b.ReportMetric(pages/tm.Wall[1].Seconds(), "baseline-pages/s")
	b.ReportMetric(tm.Ratio(1, 0), "x-baseline-throughput")
}

// discardFS takes outputs and throws them away.
type discardFS struct{}

func (discardFS) MkdirAll(string, fs.FileMode) error { return nil }
func (discardFS) CreateTemp(dir, _ string) (migrate.File, error) {
	return discardFile{name: filepath.Join(dir, "discard")}, nil
}
func (discardFS) Rename(string, string) error      { return nil }
func (discardFS) Remove(string) error              { return nil }
func (discardFS) Stat(string) (fs.FileInfo, error) { return nil, fs.ErrNotExist }
func (discardFS) ReadFile(string) ([]byte, error)  { return nil, fs.ErrNotExist }

type discardFile struct{ name string }

func (discardFile) Write(p []byte) (int, error) { return len(p), nil }
func (f discardFile) Name() string              { return f.name }
func (discardFile) Sync() error                 { return nil }
func (discardFile) Close() error                { return nil }

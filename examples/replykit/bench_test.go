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

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/stretchr/testify/require"
)

var (
	benchPages   = flag.Int("migrate.pages", 5000, "pages in the tree BenchmarkMigrate and BenchmarkBaseline read")
	benchWorkers = flag.Int("migrate.j", runtime.NumCPU(), "workers of BenchmarkMigrate and BenchmarkBaseline")
)

// genSampleTree writes n pages into dir: copies of the sample pages (GBK,
// GB18030, UTF-8 with and without BOM, text), each made different.
func genSampleTree(b *testing.B, dir string, n int) {
	b.Helper()
	var names []string
	pages := map[string][]byte{}
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
	opts := migrateOptions(out, *benchWorkers, true)
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
		paths := make(chan string, 2**benchWorkers)
		var wg sync.WaitGroup
		errs := make(chan error, *benchWorkers)
		for range *benchWorkers {
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
			b.Fatal(err)
		}
		select {
		case err := <-errs:
			b.Fatal(err)
		default:
		}
	}
	b.ReportMetric(float64(*benchPages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
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

package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

var (
	benchWARCMiB  = flag.Int("migrate.warcmib", 8, "MiB of pages in the WARC of BenchmarkMigrateWARC (1024 for the 1 GB run)")
	benchMemEnt   = flag.Int("migrate.mementries", 0, "Options.MemEntries of BenchmarkMigrateWARC (0: the default)")
	benchHeapProf = flag.String("migrate.heapprofile", "", "BenchmarkMigrateWARC writes, for each input, the heap profile after three quarters of the pages to this path with the input's name appended (go tool pprof -sample_index inuse_space)")
)

// genWARCAndTree writes pages of -migrate.tree, each made different, until
// -migrate.warcmib MiB of them (the HTML ones): as response records (each with its
// request, gzipped record by record, as crawlers write) into a WARC in
// dir, and as files into a folder in dir. It returns both and the number
// of pages.
func genWARCAndTree(b *testing.B, dir string) (warc, tree string, pages int) {
	b.Helper()
	all, srcs := benchTreeSource(b)
	var names []string // the HTML pages: a crawl's text/plain is no page
	for _, n := range all {
		if filepath.Ext(n) != ".txt" {
			names = append(names, n)
		}
	}
	warc, tree = filepath.Join(dir, "crawl.warc.gz"), filepath.Join(dir, "tree")
	f, err := os.Create(warc)
	require.NoError(b, err)
	bw := bufio.NewWriterSize(f, 1<<20)
	m := gowarc.NewMarshaler()
	date := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	write := func(typ gowarc.RecordType, uri, ctype, block string, n int) {
		rb := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true), gowarc.WithDefaultDigestAlgorithm("sha1"))
		_, err := rb.WriteString(block)
		require.NoError(b, err)
		rb.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", n))
		rb.AddWarcHeader(gowarc.WarcDate, date.Add(time.Duration(n)*time.Second).Format(time.RFC3339))
		rb.AddWarcHeader(gowarc.WarcTargetURI, uri)
		rb.AddWarcHeader(gowarc.ContentType, ctype)
		rec, _, err := rb.Build()
		require.NoError(b, err)
		zw := gzip.NewWriter(bw)
		_, _, err = m.Marshal(zw, rec, 0)
		require.NoError(b, err)
		require.NoError(b, zw.Close())
		rec.Close()
	}
	var total int64
	for i := 0; total < int64(*benchWARCMiB)<<20; i++ {
		name := names[i%len(names)]
		data := append(bytes.Clone(srcs[name]), fmt.Sprintf("\n<!-- copy %d -->\n", i)...)
		rel := filepath.Join(fmt.Sprintf("site%d", i%4), fmt.Sprintf("c%03d", i%97), fmt.Sprintf("%06d-%s", i, filepath.Base(name)))
		require.NoError(b, os.MkdirAll(filepath.Join(tree, filepath.Dir(rel)), 0o755))
		require.NoError(b, os.WriteFile(filepath.Join(tree, rel), data, 0o644))
		uri := "http://www.example.gov.cn/" + filepath.ToSlash(rel)
		ctype := "text/html"
		write(gowarc.Request, uri, "application/http;msgtype=request", "GET /"+filepath.ToSlash(rel)+" HTTP/1.1\r\nHost: www.example.gov.cn\r\n\r\n", 2*i)
		write(gowarc.Response, uri, "application/http;msgtype=response",
			fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", ctype, len(data), data), 2*i+1)
		total += int64(len(data))
		pages++
	}
	require.NoError(b, bw.Flush())
	require.NoError(b, f.Close())
	return warc, tree, pages
}

// scratchBytes is the size of the run's scratch files in dir (what it
// keeps on disk of its pages while it runs).
func scratchBytes(b *testing.B, dir string) int64 {
	var n int64
	entries, err := os.ReadDir(dir)
	require.NoError(b, err)
	for _, e := range entries {
		if info, err := e.Info(); err == nil && strings.HasPrefix(e.Name(), ".replykit-") {
			n += info.Size()
		}
	}
	return n
}

// writeHeapProfile writes the heap profile as of the last collection to
// name.
func writeHeapProfile(b *testing.B, name string) {
	f, err := os.Create(name)
	require.NoError(b, err)
	require.NoError(b, pprof.WriteHeapProfile(f))
	require.NoError(b, f.Close())
}

// BenchmarkMigrateWARC migrates the pages of a generated WARC, and the
// same pages from a folder, outputs made but thrown away (as
// MigrateNoWrite), and reports each one's throughput (pages/s, MiB/s of
// page bytes) and the heap in use after a collection when a quarter and
// a half and three quarters of the pages are done and after the last
// (first run only), and the growth from a quarter to three quarters a
// page (heap-B/page): what the run keeps
// in memory for each page (report entry, output name, and for a WARC the
// capture remembered for revisits and the body's hash), once what it
// holds before writing to disk (Options.MemEntries, -migrate.mementries)
// is full. -migrate.heapprofile writes what the heap holds after three
// quarters of the pages.
func BenchmarkMigrateWARC(b *testing.B) {
	if *benchHeapProf != "" {
		runtime.MemProfileRate = 16 << 10 // finer than the default, for what a page keeps
	}
	warc, tree, pages := genWARCAndTree(b, b.TempDir())
	info, err := os.Stat(warc)
	require.NoError(b, err)
	for _, c := range []struct{ name, in string }{{"warc", warc}, {"folder", tree}} {
		b.Run(c.name, func(b *testing.B) {
			out := b.TempDir()
			opts := migrateOptions(context.Background(), out, *benchWorkers, true)
			opts.NoSync, opts.FS, opts.MemEntries = true, discardFS{}, *benchMemEnt
			heap := map[int]float64{}
			var scratch int64
			first := true
			opts.OnPage = func(done int) {
				if first && (done == pages/4 || done == pages/2 || done == pages*3/4 || done == pages) {
					runtime.GC()
					var m runtime.MemStats
					runtime.ReadMemStats(&m)
					heap[done] = float64(m.HeapInuse) / (1 << 20)
					if done == pages {
						scratch = scratchBytes(b, out)
					}
					if done == pages*3/4 && *benchHeapProf != "" {
						writeHeapProfile(b, *benchHeapProf+"."+c.name)
					}
				}
			}
			runtime.GC()
			b.ResetTimer()
			for b.Loop() {
				rep, err := migrate.Run(context.Background(), migrate.Paths(c.in), opts)
				if err != nil {
					b.Fatal(err)
				}
				if rep.Totals.Pages != pages || rep.Totals.Failed != 0 {
					b.Fatalf("%d pages, %d failed; want %d, 0", rep.Totals.Pages, rep.Totals.Failed, pages)
				}
				first = false
			}
			b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
			b.ReportMetric(float64(*benchWARCMiB)*float64(b.N)/b.Elapsed().Seconds(), "page-MiB/s")
			b.ReportMetric(heap[pages/4], "heap-MiB@quarter")
			b.ReportMetric(heap[pages/2], "heap-MiB@half")
			b.ReportMetric(heap[pages*3/4], "heap-MiB@3quarters")
			b.ReportMetric(heap[pages], "heap-MiB@end")
			// What the run keeps a page: the heap's growth from a quarter
			// to three quarters of the pages, while the walk goes on (at
			// the end it has let go of what it remembers).
			b.ReportMetric((heap[pages*3/4]-heap[pages/4])*(1<<20)/float64(pages*3/4-pages/4), "heap-B/page")
			b.ReportMetric(float64(info.Size())/(1<<20), "warc.gz-MiB")
			b.ReportMetric(float64(scratch)/float64(pages), "scratch-B/page")
		})
	}
}

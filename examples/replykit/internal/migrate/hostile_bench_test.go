package migrate

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// benchRefusal runs the archive made by write again and again, checking
// that each run refuses it with the archive's failure after converting
// at most maxPages pages, and reports the archive's size.
func benchRefusal(b *testing.B, name string, maxPages int64, write func(name string)) {
	dir := b.TempDir()
	archive := filepath.Join(dir, name)
	write(archive)
	info, err := os.Stat(archive)
	if err != nil {
		b.Fatal(err)
	}
	var calls atomic.Int64
	opts := fakeOptions(filepath.Join(dir, "out"), 2)
	opts.Convert, opts.Force = counting(&calls, fakeConvert), true
	b.ResetTimer()
	for b.Loop() {
		calls.Store(0)
		rep, err := runHeld(context.Background(), Paths(archive), opts)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Totals.Failed != 1 || calls.Load() > maxPages {
			b.Fatalf("%d failed, %d pages converted; want the archive failed, at most %d pages", rep.Totals.Failed, calls.Load(), maxPages)
		}
	}
	b.ReportMetric(float64(info.Size()), "archive-bytes")
	b.ReportMetric(float64(calls.Load()), "pages")
}

// BenchmarkZipBombRefusal is the time to refuse a zip archive of 125 KiB
// (16 KiB of member, the rest its listing) whose 2,000 central-directory
// entries all point at one member of 16 MiB: 32 GiB if every entry were
// inflated.
func BenchmarkZipBombRefusal(b *testing.B) {
	benchRefusal(b, "bomb.zip", 0, func(name string) {
		writeZipBomb(b, name, 2000, append([]byte("<p>"), bytes.Repeat([]byte{'0'}, 16<<20-3)...))
	})
}

// BenchmarkTarGzBombRefusal is the time to refuse a .tar.gz archive of
// 64 pages of 4 MiB that deflate about a thousand times: 256 MiB from
// about 256 KiB, stopped at the default limit of 100 times.
func BenchmarkTarGzBombRefusal(b *testing.B) {
	page := "<p>" + string(bytes.Repeat([]byte{'0'}, 4<<20-3))
	benchRefusal(b, "bomb.tar.gz", 7, func(name string) { writeTarGz(b, name, pagesOf(64, page)) })
}

// BenchmarkLinkDAG walks a DAG of link pairs over one page, 15 and 30
// levels deep, following links (-follow-links): a walk that follows
// every link finds 2^levels pages. It reports the pages read and the
// links listed as ignored for leading to a directory walked already.
func BenchmarkLinkDAG(b *testing.B) {
	for _, levels := range []int{15, 30} {
		b.Run(fmt.Sprintf("levels=%d", levels), func(b *testing.B) {
			root := b.TempDir()
			linkDAG(b, filepath.Join(root, "dag"), levels)
			in := filepath.Join(root, "in")
			symlink(b, "../dag/d00", filepath.Join(in, "top"))
			opts := fakeOptions(filepath.Join(root, "out"), 2)
			opts.FollowLinks, opts.Force = true, true
			var rep *Report
			for b.Loop() {
				var err error
				if rep, err = runHeld(context.Background(), Paths(in), opts); err != nil {
					b.Fatal(err)
				}
			}
			walked := rep.Totals.IgnoredBy[IgnoredWalked]
			if rep.Totals.Pages != 1 || walked != levels {
				b.Fatalf("%d pages, %d links to folders walked already; want 1 and %d", rep.Totals.Pages, walked, levels)
			}
			b.ReportMetric(float64(rep.Totals.Pages), "pages")
			b.ReportMetric(float64(walked), "walked-already")
		})
	}
}

package migrate

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileWant is what the report says of one file: a page's entry, or
// the file in the ignored list.
type hostileWant struct {
	status Status // the page's status; "" for a file ignored
	kind   string // the page's error kind ("" for none), or the reason it is ignored
	says   string // a part of the page's error message, or of the ignored file's detail
}

var (
	okPage    = hostileWant{status: StatusOK}
	outArc    = hostileWant{kind: IgnoredOutside, says: "out of the archive"}
	walked    = hostileWant{kind: IgnoredWalked, says: "leads to "}
	arcFolder = hostileWant{kind: IgnoredWalked, says: `the folder "www"`}
	fifoEntry = hostileWant{kind: IgnoredNotRegular, says: "a FIFO"}
	dangling  = hostileWant{kind: IgnoredBrokenLink, says: "the archive holds no entry"}
	loop      = hostileWant{kind: IgnoredLinkLoop, says: "leads round a loop"}
)

// TestRunHostileInputs runs inputs made to hurt: links in directories
// and archives, link DAGs, FIFOs, zip and gzip bombs. Each is migrated
// whole or refused with its reason in the report, never dropped in
// silence, and the work done is bounded: the converter is called at most
// maxConverted times.
func TestRunHostileInputs(t *testing.T) {
	page := "<p>a page</p>"
	// deep writes an archive of 40 pages of 1 MiB that deflate shrinks
	// about a thousand times.
	deep := func(name string, write func(testing.TB, string, []arcItem)) func(*testing.T, string) []Input {
		return func(t *testing.T, root string) []Input {
			write(t, filepath.Join(root, name), pagesOf(40, "<p>"+strings.Repeat("0", 1<<20-3)))
			return Paths(filepath.Join(root, name))
		}
	}
	tests := []struct {
		name         string
		build        func(t *testing.T, root string) []Input // makes the inputs under root
		opts         func(*Options)
		want         map[string]hostileWant // entries by the end of their path
		outputs      []string               // outputs written
		maxConverted int64
		totals       Totals // Pages, Replies, Failed and Ignored are compared
	}{
		{
			name: "hard and symbolic links in a directory",
			build: func(t *testing.T, root string) []Input {
				in := filepath.Join(root, "in")
				writeFile(t, filepath.Join(in, "a.html"), page)
				require.NoError(t, os.Link(filepath.Join(in, "a.html"), filepath.Join(in, "b.html")))
				symlink(t, "a.html", filepath.Join(in, "c.html"))
				return Paths(in)
			},
			outputs:      []string{"a.html", "b.html", "c.html"},
			maxConverted: 3,
			totals:       Totals{Pages: 3, Replies: 3},
		},
		{
			name: "hard and symbolic links in a .tar.gz",
			build: func(t *testing.T, root string) []Input {
				name := filepath.Join(root, "site.tar.gz")
				writeTarGz(t, name, []arcItem{
					{name: "a.html", data: page},
					{name: "b.html", hardlink: "a.html"},
					{name: "c.html", symlink: "a.html"},
					{name: "www/d.html", symlink: "../a.html"},
					{name: "alias", symlink: "www"},
					{name: "e.html", symlink: "alias/../a.html"},
					{name: "f.html", symlink: "z/late.html"}, // a link forward
					{name: "www/g.html", symlink: "../alias/d.html"},
					{name: "z/late.html", data: "<p>late</p>"},
				})
				return Paths(name)
			},
			want:         map[string]hostileWant{"site.tar.gz!alias": arcFolder, "site.tar.gz!b.html": okPage, "site.tar.gz!www/g.html": okPage},
			outputs:      []string{"a.html", "b.html", "c.html", "www/d.html", "e.html", "f.html", "www/g.html", "z/late.html"},
			maxConverted: 8,
			totals:       Totals{Pages: 8, Replies: 8, Ignored: 1},
		},
		{
			name: "symbolic links in a .zip",
			build: func(t *testing.T, root string) []Input {
				name := filepath.Join(root, "site.zip")
				writeZip(t, name, []arcItem{
					{name: "a.html", data: page},
					{name: "b.html", data: page}, // zip stores a hard link as a copy
					{name: "c.html", symlink: "a.html"},
					{name: "www/d.html", symlink: "../a.html"},
				})
				return Paths(name)
			},
			outputs:      []string{"a.html", "b.html", "c.html", "www/d.html"},
			maxConverted: 4,
			totals:       Totals{Pages: 4, Replies: 4},
		},
		{
			name: "archive entries that are not read",
			build: func(t *testing.T, root string) []Input {
				tgz, zipName := filepath.Join(root, "t.tar.gz"), filepath.Join(root, "z.zip")
				items := []arcItem{
					{name: "www/p.html", data: page},
					{name: "out.html", symlink: "/etc/passwd"},
					{name: "up.html", symlink: "../../x.html"},
					{name: "gone.html", symlink: "missing.html"},
					{name: "loop1.html", symlink: "loop2.html"},
					{name: "loop2.html", symlink: "loop1.html"},
					{name: "latest", symlink: "www"},
					{name: "pipe.html", fifo: true},
					{name: "style.css", symlink: "/etc/passwd"}, // no page, but where it leads is said
					{name: "www/.hidden.html", symlink: "p.html"},
				}
				writeZip(t, zipName, items)
				writeTarGz(t, tgz, append(items, arcItem{name: "hard.html", hardlink: "nothere.html"}))
				return Paths(tgz, zipName)
			},
			want: map[string]hostileWant{
				"t.tar.gz!out.html": outArc, "t.tar.gz!up.html": outArc, "t.tar.gz!gone.html": dangling,
				"t.tar.gz!loop1.html": loop, "t.tar.gz!loop2.html": loop, "t.tar.gz!latest": arcFolder,
				"t.tar.gz!pipe.html": fifoEntry, "t.tar.gz!hard.html": dangling, "t.tar.gz!style.css": outArc,
				"t.tar.gz!www/.hidden.html": {kind: IgnoredHidden},
				"z.zip!out.html":            outArc, "z.zip!up.html": outArc, "z.zip!gone.html": dangling,
				"z.zip!loop1.html": loop, "z.zip!loop2.html": loop, "z.zip!latest": arcFolder,
				"z.zip!pipe.html": fifoEntry, "z.zip!style.css": outArc,
				"z.zip!www/.hidden.html": {kind: IgnoredHidden},
			},
			// Both archives hold www/p.html: the zip's is written as
			// www/p~2.html.
			maxConverted: 2,
			totals:       Totals{Pages: 2, Replies: 2, Ignored: 10 + 9},
		},
		{
			name: "links out of a directory",
			build: func(t *testing.T, root string) []Input {
				in := linksOut(t, root)
				if _, err := os.Stat("/etc"); err == nil {
					symlink(t, "/etc", filepath.Join(in, "etc"))
				} else {
					symlink(t, filepath.Join(root, "outside"), filepath.Join(in, "etc"))
				}
				return Paths(in)
			},
			want: map[string]hostileWant{
				"in/secret.html": {kind: IgnoredOutside, says: filepath.Join("outside", "secret.html")},
				"in/ext":         {kind: IgnoredOutside, says: "outside"},
				"in/etc":         {kind: IgnoredOutside, says: "leads to "},
			},
			outputs:      []string{"ok.html"},
			maxConverted: 1,
			totals:       Totals{Pages: 1, Replies: 1, Ignored: 3},
		},
		{
			name: "links out of a directory, followed",
			build: func(t *testing.T, root string) []Input {
				in := linksOut(t, root)
				symlink(t, filepath.Join(root, "outside"), filepath.Join(in, "ext2"))
				return Paths(in)
			},
			opts:         func(o *Options) { o.FollowLinks = true },
			want:         map[string]hostileWant{"in/ext2": walked, "in/secret.html": okPage},
			outputs:      []string{"ok.html", "secret.html", "ext/secret.html"},
			maxConverted: 3,
			totals:       Totals{Pages: 3, Replies: 3, Ignored: 1},
		},
		{
			name: "a DAG of 15 levels of link pairs within the input",
			build: func(t *testing.T, root string) []Input {
				in := filepath.Join(root, "in")
				linkDAG(t, in, 15)
				return Paths(in)
			},
			want:         map[string]hostileWant{"in/d00/a": walked, "in/d14/b": walked},
			outputs:      []string{"d15/page.html"},
			maxConverted: 1,
			totals:       Totals{Pages: 1, Replies: 1, Ignored: 30},
		},
		{
			name: "a DAG of 15 levels of link pairs out of the input, followed",
			build: func(t *testing.T, root string) []Input {
				linkDAG(t, filepath.Join(root, "dag"), 15)
				in := filepath.Join(root, "in")
				symlink(t, "../dag/d00", filepath.Join(in, "top"))
				return Paths(in)
			},
			opts:         func(o *Options) { o.FollowLinks = true },
			want:         map[string]hostileWant{"in/top/b": walked},
			outputs:      []string{"top/" + strings.Repeat("a/", 15) + "page.html"},
			maxConverted: 1,
			totals:       Totals{Pages: 1, Replies: 1, Ignored: 15},
		},
		{
			name: "a FIFO in the input",
			build: func(t *testing.T, root string) []Input {
				in := filepath.Join(root, "in")
				writeFile(t, filepath.Join(in, "ok.html"), page)
				mkfifo(t, filepath.Join(in, "pipe.html"))
				mkfifo(t, filepath.Join(in, "pipe.css"))
				return Paths(in)
			},
			want:         map[string]hostileWant{"in/pipe.html": fifoEntry, "in/pipe.css": fifoEntry},
			maxConverted: 1,
			totals:       Totals{Pages: 1, Replies: 1, Ignored: 2},
		},
		{
			name: "a FIFO named as an archive",
			build: func(t *testing.T, root string) []Input {
				mkfifo(t, filepath.Join(root, "pipe.zip"))
				return Paths(filepath.Join(root, "pipe.zip"))
			},
			want:   map[string]hostileWant{"pipe.zip": {status: StatusFailed, kind: KindNotRegular, says: "a FIFO"}},
			totals: Totals{Pages: 1, Failed: 1},
		},
		{
			name: "a zip bomb: 2,000 entries, one member",
			build: func(t *testing.T, root string) []Input {
				name := filepath.Join(root, "bomb.zip")
				writeZipBomb(t, name, 2000, []byte("<p>"+strings.Repeat("0", 64<<10)))
				return Paths(name)
			},
			want:   map[string]hostileWant{"bomb.zip": {status: StatusFailed, kind: KindArchive, says: ErrOverlap.Error()}},
			totals: Totals{Pages: 1, Failed: 1},
		},
		{
			name:  "a zip that inflates a thousand times",
			build: deep("deep.zip", writeZip),
			opts:  func(o *Options) { o.MaxBytes, o.MaxInflateRatio = 2<<20, 10 },
			want:  map[string]hostileWant{"deep.zip": {status: StatusFailed, kind: KindArchiveLimit, says: "10 times its size"}},
			// 40 MiB from about 45 KiB: 10 times that, but 2 MiB at
			// least, is two pages.
			maxConverted: 2,
			totals:       Totals{Pages: 3, Replies: 2, Failed: 1},
		},
		{
			name:         "a .tar.gz that inflates a thousand times",
			build:        deep("deep.tar.gz", writeTarGz),
			opts:         func(o *Options) { o.MaxBytes, o.MaxInflateRatio = 2<<20, 10 },
			want:         map[string]hostileWant{"deep.tar.gz": {status: StatusFailed, kind: KindArchiveLimit, says: "10 times its size"}},
			maxConverted: 1, // with the tar headers, the second page's end passes 2 MiB
			totals:       Totals{Pages: 2, Replies: 1, Failed: 1},
		},
		{
			name: "an archive over the absolute limit",
			build: func(t *testing.T, root string) []Input {
				name := filepath.Join(root, "plain.zip")
				writeZip(t, name, []arcItem{{name: "a.html", data: page}, {name: "b.html", data: page}, {name: "c.html", data: page}})
				return Paths(name)
			},
			opts:         func(o *Options) { o.MaxBytes, o.MaxInflateBytes = 20, int64(2*len(page)) },
			want:         map[string]hostileWant{"plain.zip": {status: StatusFailed, kind: KindArchiveLimit, says: fmt.Sprintf("more than %d bytes", 2*len(page))}},
			outputs:      []string{"a.html", "b.html"},
			maxConverted: 2,
			totals:       Totals{Pages: 3, Replies: 2, Failed: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			inputs := tt.build(t, root)
			out := filepath.Join(root, "out")
			var calls atomic.Int64
			opts := fakeOptions(out, 2)
			opts.Convert = counting(&calls, fakeConvert)
			if tt.opts != nil {
				tt.opts(&opts)
			}
			rep, err := runHeld(context.Background(), inputs, opts)
			require.NoError(t, err)

			assert.LessOrEqual(t, calls.Load(), tt.maxConverted, "pages converted")
			got := rep.Totals
			assert.Equal(t, tt.totals, Totals{Pages: got.Pages, Replies: got.Replies, Failed: got.Failed, Ignored: got.Ignored},
				"%+v %+v", rep.Pages[:min(len(rep.Pages), 8)], rep.Ignored[:min(len(rep.Ignored), 8)])
			for suffix, want := range tt.want {
				if want.status == "" {
					ig, ok := ignoredFor(*rep, suffix)
					if assert.True(t, ok, "%s is not in the ignored list", suffix) {
						assert.Equal(t, want.kind, ig.Reason, suffix)
						assert.Contains(t, ig.Detail, want.says, suffix)
					}
					_, isPage := pageFor(*rep, suffix)
					assert.False(t, isPage, "%s is ignored, and a page too", suffix)
					continue
				}
				e := entryFor(t, *rep, suffix)
				assert.Equal(t, want.status, e.Status, suffix)
				if want.kind == "" {
					assert.Nil(t, e.Error, suffix)
					continue
				}
				if assert.NotNil(t, e.Error, suffix) {
					assert.Equal(t, want.kind, e.Error.Kind, suffix)
					assert.Contains(t, e.Error.Message, want.says, suffix)
				}
			}
			for _, o := range tt.outputs {
				data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(o)+".json"))
				if assert.NoError(t, err, o) {
					assert.True(t, bytes.Contains(data, []byte("from "+o)), o)
				}
			}
			// What the report file says is what Run returned, and it
			// checks out.
			onDisk := readReport(t, out)
			assert.Equal(t, rep.Totals, onDisk.Totals)
			assert.Equal(t, rep.Ignored, onDisk.Ignored)
			data, err := os.ReadFile(filepath.Join(out, ReportName))
			require.NoError(t, err)
			problems, err := CheckReport(data)
			require.NoError(t, err)
			assert.Empty(t, problems)
		})
	}
}

// linksOut makes root/in, holding a page, ok.html, and links to a page
// and a directory in root/outside: secret.html and ext. It returns in.
func linksOut(t *testing.T, root string) string {
	in := filepath.Join(root, "in")
	writeFile(t, filepath.Join(in, "ok.html"), "<p>a page</p>")
	writeFile(t, filepath.Join(root, "outside", "secret.html"), "<p>secret</p>")
	symlink(t, "../outside/secret.html", filepath.Join(in, "secret.html"))
	symlink(t, filepath.Join(root, "outside"), filepath.Join(in, "ext"))
	return in
}

// TestFIFOSwappedInAfterTheWalk lists a page, swaps it for a FIFO that
// no one writes, then has a worker read it: the read fails at once with
// the reason, where an open would wait for a writer for ever.
func TestFIFOSwappedInAfterTheWalk(t *testing.T) {
	in := t.TempDir()
	name := filepath.Join(in, "a.html")
	writeFile(t, name, "<p>a</p>")
	opts := fakeOptions(t.TempDir(), 1)
	opts.MaxBytes = DefaultMaxBytes
	pages := make(chan page, 1)
	w := &walker{ctx: context.Background(), opts: &opts, out: pages, names: testPlan(t, opts.OutDir), found: func() {}}
	w.walk(Paths(in))
	p := <-pages
	require.Nil(t, p.err)
	require.NoError(t, os.Remove(name))
	mkfifo(t, name)

	done := make(chan Entry, 1)
	go func() {
		var bufs buffers
		done <- process(p, &opts, nil, &dirCache{made: map[string]bool{}}, &bufs)
	}()
	select {
	case e := <-done:
		assert.Equal(t, StatusFailed, e.Status)
		require.NotNil(t, e.Error)
		assert.Equal(t, KindNotRegular, e.Error.Kind)
		assert.Contains(t, e.Error.Message, "not a regular file (a FIFO)")
		assert.Contains(t, e.Error.Message, name)
	case <-time.After(time.Minute): // a hang guard, not a measure of speed
		// Open the FIFO's other end to let the stuck read go.
		if f, err := os.OpenFile(name, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("reading a FIFO swapped in after the walk hangs")
	}
}

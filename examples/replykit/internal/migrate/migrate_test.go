package migrate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunTheSameWithAnyNumberOfWorkers(t *testing.T) {
	in := t.TempDir()
	tr := genTree(t, in, 2000)
	trees := map[int]map[string][]byte{}
	for _, j := range []int{1, 4} {
		out := filepath.Join(t.TempDir(), "out")
		rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, j))
		require.NoError(t, err)
		assert.Equal(t, j, rep.Workers)
		trees[j] = treetest.Read(t, out)

		got := readReport(t, out)
		assert.Equal(t, ReportFormat, got.Format)
		assert.False(t, got.Interrupted)
		assert.Equal(t, tr.pages, got.Totals.Pages)
		assert.Equal(t, tr.pages, len(got.Pages))
		assert.Equal(t, tr.failed, got.Totals.Failures)
		assert.Equal(t, len(tr.broken), got.Totals.Failed)
		assert.Zero(t, got.Totals.Skipped)
		// Every broken page is in the report, by path, with its kind.
		for _, b := range tr.broken {
			e := entryFor(t, got, b)
			assert.Equal(t, StatusFailed, e.Status, b)
			require.NotNil(t, e.Error, b)
			assert.Contains(t, []string{"empty", "not-html"}, e.Error.Kind)
		}
		// Nothing else failed; every other page has both outputs.
		written := 0
		for _, e := range got.Pages {
			if e.Status == StatusFailed {
				continue
			}
			if e.Error != nil {
				assert.Equal(t, KindNoNotice, e.Error.Kind, e.Path)
				continue
			}
			written++
			assert.True(t, has(trees[j], e.Output+".json"), e.Output)
			assert.True(t, has(trees[j], e.Output+".html"), e.Output)
		}
		assert.Equal(t, tr.written, written)
		assert.Equal(t, tr.noNote, got.Totals.Other-countKind(got, reply.KindOther))
		assert.Equal(t, 2*tr.written+1, len(trees[j]), "two outputs a page and the report")
		assert.Positive(t, got.Totals.Warnings)
	}
	require.Equal(t, len(trees[1]), len(trees[4]))
	for name, data := range trees[1] {
		assert.Equal(t, string(data), string(trees[4][name]), name)
	}
}

// has reports whether a snapshot holds a file (a map lookup: testify's
// Contains walks every key).
func has(files map[string][]byte, name string) bool {
	_, ok := files[name]
	return ok
}

func countKind(r Report, k reply.Kind) int {
	n := 0
	for _, e := range r.Pages {
		if e.Kind == k {
			n++
		}
	}
	return n
}

func TestRunAgainSkipsWhatIsUpToDate(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	tr := genTree(t, in, 300)
	first, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 2))
	require.NoError(t, err)
	before := treetest.Read(t, out)

	var calls atomic.Int64
	opts := fakeOptions(out, 2)
	opts.Convert = counting(&calls, fakeConvert)
	second, err := runHeld(context.Background(), Paths(in), opts)
	require.NoError(t, err)
	// Only the pages without outputs are read again: the broken and the
	// pages with no notice.
	assert.Equal(t, int64(len(tr.broken)+tr.noNote), calls.Load())
	assert.Equal(t, tr.written, second.Totals.Skipped)
	// The totals but Skipped are those of the first run.
	ft, st := first.Totals, second.Totals
	st.Skipped = 0
	assert.Equal(t, ft, st)
	after := treetest.Read(t, out)
	for name, data := range before {
		if name != ReportName {
			assert.Equal(t, data, after[name], name)
		}
	}

	// --force converts everything again.
	calls.Store(0)
	opts.Force = true
	third, err := runHeld(context.Background(), Paths(in), opts)
	require.NoError(t, err)
	assert.Equal(t, int64(tr.pages), calls.Load())
	assert.Zero(t, third.Totals.Skipped)

	// A page touched but not changed is still up to date; a page changed
	// but given back an old time, as cp -p or tar would, is converted
	// again.
	calls.Store(0)
	opts.Force = false
	rep := readReport(t, out)
	touched, changed := entryFor(t, rep, "p00001.htm"), entryFor(t, rep, "p00008.htm")
	future := mustStat(t, filepath.Join(out, touched.Output+".json")).ModTime().Add(1e9)
	require.NoError(t, os.Chtimes(touched.Path, future, future))
	old := mustStat(t, changed.Path).ModTime()
	require.NoError(t, os.WriteFile(changed.Path, []byte("<p>changed, with an old time</p>"), 0o644))
	require.NoError(t, os.Chtimes(changed.Path, old, old))
	fourth, err := runHeld(context.Background(), Paths(in), opts)
	require.NoError(t, err)
	assert.Equal(t, int64(len(tr.broken)+tr.noNote+1), calls.Load())
	assert.True(t, entryFor(t, *fourth, "p00001.htm").Skipped)
	e := entryFor(t, *fourth, "p00008.htm")
	assert.False(t, e.Skipped)
	assert.NotEqual(t, changed.SHA256, e.SHA256)
	assert.Equal(t, "b95a2af9b023245f134ad1a27e690dfc8e312e1d50e2886373410d03f29e840b", e.SHA256, "sha256sum of the new bytes")
}

func mustStat(t *testing.T, name string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(name)
	require.NoError(t, err)
	return info
}

func TestRunCancelledLeavesNoPartialFile(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	tr := genTree(t, in, 600)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int64
	opts := fakeOptions(out, 4)
	opts.Convert = func(src PageSource, data []byte) (*reply.Reply, error) {
		if calls.Add(1) == 150 {
			cancel()
		}
		return fakeConvert(src, data)
	}
	rep, err := runHeld(ctx, Paths(in), opts)
	require.ErrorIs(t, err, context.Canceled)
	require.NotNil(t, rep)
	assert.True(t, rep.Interrupted)
	assert.Less(t, rep.Totals.Pages, tr.pages)
	assert.GreaterOrEqual(t, rep.Totals.Pages, 150)

	got := readReport(t, out)
	assert.True(t, got.Interrupted)
	assert.Equal(t, rep.Totals, got.Totals)
	files := treetest.Read(t, out)
	for name, data := range files {
		assert.False(t, isTemp(filepath.Base(name)), "temporary file left: %s", name)
		if strings.HasSuffix(name, ".json") && name != ReportName {
			_, err := reply.Unmarshal(data)
			assert.NoError(t, err, name)
			assert.True(t, has(files, strings.TrimSuffix(name, ".json")+".html"), name)
		}
	}
	// Every page the report says was written is there.
	for _, e := range got.Pages {
		if e.Error == nil {
			assert.True(t, has(files, e.Output+".json"), e.Output)
		}
	}

	// A temporary file that a killed run left is removed by the next run.
	stale := filepath.Join(out, "site0", tempPrefix+"123.tmp")
	require.NoError(t, os.WriteFile(stale, []byte("half"), 0o644))
	_, err = runHeld(context.Background(), Paths(in), fakeOptions(out, 2))
	require.NoError(t, err)
	assert.NoFileExists(t, stale)
}

func TestRunHeapStaysFlat(t *testing.T) {
	// 5,000 generated pages in memory, outputs thrown away: what stays in
	// the heap is what the engine keeps.
	pages := fstest.MapFS{}
	for i := range 5000 {
		body := strings.Repeat(fmt.Sprintf("<p>第%d页的正文。</p>\n", i), 40)
		pages[fmt.Sprintf("col%02d/p%05d.html", i%50, i)] = &fstest.MapFile{Data: []byte(body)}
	}
	heap := map[int]uint64{}
	opts := fakeOptions("out", 2)
	opts.FS, opts.TempDir = discardFS{}, t.TempDir()
	opts.OnPage = func(done int) {
		if done == 1000 || done == 5000 {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			heap[done] = m.HeapInuse
		}
	}
	rep, err := Run(context.Background(), []Input{{Path: "mem", FS: pages}}, opts)
	require.NoError(t, err)
	assert.Equal(t, 5000, rep.Totals.Replies)
	t.Logf("heap in use: %.1f MiB after 1,000 pages, %.1f MiB after 5,000", mib(heap[1000]), mib(heap[5000]))
	require.Contains(t, heap, 1000)
	require.Contains(t, heap, 5000)
	// The report's entries grow by a few hundred bytes a page; the pages'
	// replies and outputs (about 8 MB here) must not stay in memory.
	assert.Less(t, heap[5000], heap[1000]+4<<20)
}

// discardFS takes outputs and throws them away.
type discardFS struct{}

func (discardFS) MkdirAll(string, fs.FileMode) error { return nil }
func (discardFS) CreateTemp(dir, _ string) (File, error) {
	return discardFile{name: filepath.Join(dir, tempPrefix+"x.tmp")}, nil
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

func mib(n uint64) float64 { return float64(n) / (1 << 20) }

func TestRunNeedsConverterAndOutDir(t *testing.T) {
	_, err := runHeld(context.Background(), nil, Options{OutDir: t.TempDir()})
	assert.ErrorContains(t, err, "Convert")
	_, err = runHeld(context.Background(), nil, Options{Convert: fakeConvert})
	assert.ErrorContains(t, err, "output directory")
}

func TestNoNotice(t *testing.T) {
	inner := errors.New("parse: a list page")
	err := NoNotice(inner)
	assert.ErrorIs(t, err, ErrNoNotice)
	assert.ErrorIs(t, err, inner)
	assert.Equal(t, "parse: a list page", err.Error())
}

func TestRunWithoutRendererWritesJSONOnly(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(in, "a.html"), []byte("<p>a</p>"), 0o644))
	opts := fakeOptions(out, 1)
	opts.Render = nil
	rep, err := runHeld(context.Background(), Paths(in), opts)
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Totals.Replies)
	assert.FileExists(t, filepath.Join(out, "a.html.json"))
	assert.NoFileExists(t, filepath.Join(out, "a.html.html"))
}

func TestRunNoNoticeIsNotAFailure(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(in, "list.html"), []byte("<!-- list -->"), 0o644))
	rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.NoError(t, err)
	require.Len(t, rep.Pages, 1)
	e := rep.Pages[0]
	assert.Equal(t, StatusOther, e.Status)
	assert.Equal(t, KindNoNotice, e.Error.Kind)
	assert.Contains(t, e.Error.Message, "list page")
	assert.Zero(t, rep.Totals.Failed)
	assert.NoFileExists(t, filepath.Join(out, "list.html.json"))
}

// TestRunReusesBuffersSafely runs one worker, which reads every page into
// the same buffer, over pages of sizes that shrink and grow past the
// buffer kept between pages: each page's outputs are those of its own
// bytes alone, with nothing of the page before.
func TestRunReusesBuffersSafely(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	sizes := []int{3000, 40, 2 * keepBytes, 10, 70_000, 500, keepBytes + 1, 20, 9000, 1}
	pages := map[string][]byte{}
	for i, n := range sizes {
		name := fmt.Sprintf("p%02d.html", i)
		body := []byte("<p>" + strings.Repeat(string(rune('a'+i)), n) + "</p>")
		pages[name] = body
		require.NoError(t, os.WriteFile(filepath.Join(in, name), body, 0o644))
	}
	rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.NoError(t, err)
	require.Equal(t, len(sizes), rep.Totals.Pages)
	require.Zero(t, rep.Totals.Failed)
	for name, body := range pages {
		want, err := fakeConvert(PageSource{Rel: name}, body)
		require.NoError(t, err)
		sum := sha256.Sum256(body)
		e := entryFor(t, *rep, "/"+name)
		want.Provenance = reply.Provenance{Path: e.Path, SHA256: hex.EncodeToString(sum[:])}
		assert.Equal(t, filepath.ToSlash(filepath.Join(in, name)), e.Path)
		wantJSON, err := reply.Marshal(want)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(out, name+".json"))
		require.NoError(t, err)
		assert.Equal(t, string(wantJSON), string(got), name)
		var html strings.Builder
		require.NoError(t, fakeRender(&html, want))
		gotHTML, err := os.ReadFile(filepath.Join(out, name+".html"))
		require.NoError(t, err)
		assert.Equal(t, html.String(), string(gotHTML), name)
	}
}

// TestBuffersTrim keeps a worker's buffers up to keepBytes and drops the
// larger ones.
func TestBuffersTrim(t *testing.T) {
	var b buffers
	b.page, b.json = make([]byte, 0, keepBytes), make([]byte, 0, keepBytes+1)
	b.html.Grow(keepBytes / 2)
	b.trim()
	assert.Equal(t, keepBytes, cap(b.page))
	assert.Nil(t, b.json)
	assert.GreaterOrEqual(t, b.html.Cap(), keepBytes/2)
	b.html.Grow(2 * keepBytes)
	b.trim()
	assert.Zero(t, b.html.Cap())
}

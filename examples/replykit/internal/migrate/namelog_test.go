package migrate

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/webarchive"
	"github.com/replykit/replykit/reply"
)

// TestNamePlanReadsBackClashes claims many pages, so that the log's
// records of the first are long written out and those of the last still
// buffered, then pages that clash with some of them: each message names
// the page that has the name, read back from the log.
func TestNamePlanReadsBackClashes(t *testing.T) {
	p := testPlan(t, t.TempDir())
	const n = 20000
	claim := func(rel string) (string, string, int64) {
		out, why, rec, err := p.claim(rel, "/in/"+rel)
		require.NoError(t, err, rel)
		return out, why, rec
	}
	recs := map[string]int64{}
	for i := range n {
		rel := fmt.Sprintf("d%03d/p%05d.html", i%100, i)
		switch i {
		case 1:
			rel = "d001/Case.html" // its output name is not its folded name
		case 2:
			rel = "d002/X" // its outputs are X.json and X.html
		}
		out, why, rec := claim(rel)
		require.Equal(t, rel, out)
		require.Empty(t, why)
		recs[rel] = rec
	}
	require.Greater(t, p.log.size, int64(nameLogBuffer), "the log has been written out")
	for _, rel := range []string{"d000/p00000.html", "d001/Case.html", "d002/X", "d050/p10050.html", "d099/p19999.html"} {
		display, err := p.displayAt(recs[rel])
		require.NoError(t, err)
		assert.Equal(t, "/in/"+rel, display)
	}
	const fold = " (the same name when case and Unicode normalisation are ignored)"
	for _, c := range []clash{
		{"d000/P00000.HTML", "d000/P00000~2.HTML", "d000/P00000.HTML is the output of /in/d000/p00000.html" + fold},
		{"d050/p10050.html", "d050/p10050~2.html", "d050/p10050.html is the output of /in/d050/p10050.html"},
		{"d099/P19999.html", "d099/P19999~2.html", "d099/P19999.html is the output of /in/d099/p19999.html" + fold},
		// The output name comes back as it was given, not folded.
		{"d001/Case.html", "d001/Case~2.html", "d001/Case.html is the output of /in/d001/Case.html"},
		{"d001/CASE.html", "d001/CASE~3.html", "d001/CASE.html is the output of /in/d001/Case.html" + fold},
		{"d002/x.html/y.html", "d002/x~2.html/y.html", "the folder d002/x.html is the output d002/X.html of /in/d002/X" + fold},
	} {
		out, why, _ := claim(c.name)
		assert.Equal(t, c.output, out, c.name)
		assert.Equal(t, c.why, why, c.name)
	}
}

// TestNamePlanKeepsNoStrings: what the plan keeps a page does not grow
// with the length of its path and display path.
func TestNamePlanKeepsNoStrings(t *testing.T) {
	p := testPlan(t, t.TempDir())
	long := strings.Repeat("长路径", 50) // 450 bytes
	claimAll := func(from, to int) {
		for i := from; i < to; i++ {
			rel := fmt.Sprintf("D%02d/%s-%06d.HTML", i%20, long, i)
			_, _, _, err := p.claim(rel, "/in/"+long+"/"+rel)
			require.NoError(t, err)
		}
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	claimAll(0, 1000)
	before := heap()
	const n = 20000
	claimAll(1000, 1000+n)
	after := heap()
	runtime.KeepAlive(p)
	perPage := float64(after-before) / n
	t.Logf("%.0f bytes a page, for names of %d bytes", perPage, 2*len(long))
	// Past the pages held in memory, a Bloom filter's 10 bits and a
	// sparse index's share a page; the strings alone would be over 900
	// bytes, a map entry of a hash and an offset about 40.
	assert.Less(t, perPage, 8.0)
}

// failWriter fails every write as a full disk does.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "log", Err: syscall.ENOSPC}
}

// TestNameLogWriteFails: once the log cannot be written, the pages whose
// names cannot be planned fail with the reason, as do later ones; nothing
// panics, and duplicates cannot be told, so they fail too.
func TestNameLogWriteFails(t *testing.T) {
	opts := fakeOptions(t.TempDir(), 1)
	pages := make(chan page, 1)
	w := &walker{ctx: context.Background(), opts: &opts, out: pages, names: testPlan(t, opts.OutDir), found: func() {}}
	send := func(rel string) page {
		t.Helper()
		require.True(t, w.emit(page{display: "/in/" + rel, rel: rel}))
		return <-pages
	}
	payloads, err := newPlaceIndex(t.TempDir(), 16)
	require.NoError(t, err)
	t.Cleanup(payloads.close)
	w.payloads = payloads
	capture := func(offset int64) page {
		t.Helper()
		require.True(t, w.capture(&webarchive.Item{File: "crawl.warc", Offset: offset, URI: "http://h/", Date: "2024-03-01T00:00:00Z",
			Body: []byte("<p>a body</p>")}))
		return <-pages
	}
	first := send("a.html")
	require.Nil(t, first.err)
	require.Nil(t, capture(100).err)
	require.NoError(t, w.names.log.w.Flush())
	w.names.log.w.Reset(failWriter{})

	var failed page
	for i := 0; failed.err == nil; i++ {
		require.Less(t, i, nameLogBuffer, "a write fails once the buffer is full")
		failed = send(fmt.Sprintf("p%05d.html", i))
	}
	assert.Equal(t, KindWrite, failed.err.kind)
	assert.ErrorIs(t, failed.err, ErrNameLog)
	assert.ErrorIs(t, failed.err, syscall.ENOSPC)
	assert.Contains(t, failed.err.Error(), failed.display)
	assert.Empty(t, failed.out)

	// Later pages fail alike, a clash with a page written before too.
	for _, rel := range []string{"b.html", "A.html"} {
		p := send(rel)
		require.NotNil(t, p.err, rel)
		assert.Equal(t, KindWrite, p.err.kind, rel)
		assert.ErrorIs(t, p.err, ErrNameLog, rel)
	}
	dup := capture(200)
	require.NotNil(t, dup.err, "a duplicate whose first capture cannot be read back")
	assert.Equal(t, KindWrite, dup.err.kind)
	assert.ErrorIs(t, dup.err, ErrNameLog)
	assert.Contains(t, dup.err.Error(), "crawl.warc@200")
}

// TestNameLogReadFails: a record that cannot be read back fails the page
// that needs it, with the record's place.
func TestNameLogReadFails(t *testing.T) {
	p := testPlan(t, t.TempDir())
	_, _, rec, err := p.claim("a.html", "/in/a.html")
	require.NoError(t, err)
	require.NoError(t, p.log.w.Flush())
	require.NoError(t, p.log.f.Close())
	_, _, _, err = p.claim("A.html", "/in/A.html")
	require.ErrorIs(t, err, ErrNameLog)
	assert.ErrorIs(t, err, os.ErrClosed)
	assert.Contains(t, err.Error(), fmt.Sprintf("record at byte %d", rec))
	_, err = p.displayAt(rec + 1000)
	assert.ErrorIs(t, err, ErrNameLog, "no record there")
}

// TestRunRemovesItsNameLog: while a run goes, its name log is in the
// output directory, unreadable by others; when the run ends, whether it
// succeeds, is interrupted or fails, the log is gone.
func TestRunRemovesItsNameLog(t *testing.T) {
	in := t.TempDir()
	for i := range 40 {
		writeFile(t, filepath.Join(in, "sub", fmt.Sprintf("p%02d.html", i)), clashPage)
	}
	errFinish := errors.New("the collection could not be built")
	for _, tt := range []struct {
		name  string
		setup func(opts *Options, cancel context.CancelFunc)
		err   error
	}{
		{"done", func(*Options, context.CancelFunc) {}, nil},
		{"interrupted", func(opts *Options, cancel context.CancelFunc) {
			conv := opts.Convert
			opts.Convert = func(src PageSource, data []byte) (*reply.Reply, error) {
				cancel()
				return conv(src, data)
			}
		}, context.Canceled},
		{"failed", func(opts *Options, _ context.CancelFunc) {
			opts.Finish = func(*Report) error { return errFinish }
		}, errFinish},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := fakeOptions(out, 2)
			tt.setup(&opts, cancel)
			var seen map[string]fs.FileMode
			opts.OnPage = func(int) {
				if seen == nil {
					seen = nameLogs(t, out)
				}
			}
			_, err := Run(ctx, Paths(in), opts)
			if tt.err == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, tt.err)
			}
			require.NotEmpty(t, seen, "the run's log, while it runs (and its other scratch files, past MemEntries)")
			for _, mode := range seen {
				assert.Equal(t, fs.FileMode(0o600), mode)
			}
			assert.Empty(t, nameLogs(t, out), "the log is removed")
		})
	}
}

// nameLogs are the engine's temporary files in dir itself, with their
// permissions: while a run goes, its name log is the only one there,
// since the outputs' are in their folders.
func nameLogs(t *testing.T, dir string) map[string]fs.FileMode {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	logs := map[string]fs.FileMode{}
	for _, e := range entries {
		if isTemp(e.Name()) {
			info, err := e.Info()
			require.NoError(t, err)
			logs[e.Name()] = info.Mode().Perm()
		}
	}
	return logs
}

// TestNamePlanCannotBeMade: where the log cannot be made, the run fails
// before any work, naming the output directory.
func TestNamePlanCannotBeMade(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	writeFile(t, file, "not a folder")
	_, err := newNamePlan(file, 16)
	require.ErrorIs(t, err, ErrNameLog)
	assert.ErrorIs(t, err, syscall.ENOTDIR)
	assert.Contains(t, err.Error(), "for "+file+": ")

	// An output directory not on disk has the log in the system's
	// temporary directory: here one that is missing.
	out := filepath.Join(t.TempDir(), "not-on-disk")
	tmp := filepath.Join(t.TempDir(), "missing")
	t.Setenv("TMPDIR", tmp)
	opts := fakeOptions(out, 1)
	opts.FS = discardFS{}
	var calls atomic.Int64
	opts.Convert = counting(&calls, fakeConvert)
	rep, err := Run(context.Background(), Paths(filepath.Join("testdata", "warc", "edge.warc.gz")), opts)
	require.ErrorIs(t, err, ErrNameLog)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Nil(t, rep)
	assert.Contains(t, err.Error(), "migrate: scratch file of output names for "+tmp+": ")
	assert.Zero(t, calls.Load(), "no page is converted")
}

// warcCapture is a response record of a generated WARC.
type warcCapture struct{ uri, date, body string }

// writeWARC writes the captures as an uncompressed WARC, and gives each
// record's offset.
func writeWARC(t *testing.T, name string, caps []warcCapture) []int64 {
	t.Helper()
	var b strings.Builder
	offsets := make([]int64, len(caps))
	for i, c := range caps {
		offsets[i] = int64(b.Len())
		block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(c.body), c.body)
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"+
			"WARC-Date: %s\r\nWARC-Target-URI: %s\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			i, c.date, c.uri, len(block), block)
	}
	require.NoError(t, os.WriteFile(name, []byte(b.String()), 0o666))
	return offsets
}

// TestRunNamesFirstCapturesAfterManyPages: over a WARC of thousands of
// captures, a duplicate body and a name that clashes, met late, name the
// capture they repeat or clash with, early or late in the run.
func TestRunNamesFirstCapturesAfterManyPages(t *testing.T) {
	const n = 3000
	date := func(i int) string { return fmt.Sprintf("2024-03-01T%02d:%02d:%02dZ", i/3600, i/60%60, i%60) }
	var caps []warcCapture
	for i := range n {
		caps = append(caps, warcCapture{fmt.Sprintf("http://h/p%05d.html", i), date(i), fmt.Sprintf("<p>page %d</p>", i)})
	}
	dups := []int{0, 1500, n - 1}
	for _, i := range dups {
		caps = append(caps, warcCapture{fmt.Sprintf("http://h/copy-of-%d.html", i), date(i), caps[i].body})
	}
	clashes := []int{7, n - 2}
	for _, i := range clashes {
		caps = append(caps, warcCapture{fmt.Sprintf("http://h/P%05d.html", i), date(i), fmt.Sprintf("<p>page %d again</p>", i)})
	}
	in := filepath.Join(t.TempDir(), "crawl.warc")
	offsets := writeWARC(t, in, caps)
	rep, err := runHeld(context.Background(), Paths(in), fakeOptions(t.TempDir(), 2))
	require.NoError(t, err)
	require.Equal(t, n+len(clashes), rep.Totals.Pages)
	require.Equal(t, len(dups), rep.Totals.IgnoredBy[IgnoredDuplicate])
	for k, i := range dups {
		ig, ok := ignoredFor(*rep, capturePath(in, offsets[n+k], 0))
		require.True(t, ok, i)
		assert.Equal(t, fmt.Sprintf("%s at %s: the same body as %s", caps[n+k].uri, date(i), capturePath(in, offsets[i], 0)), ig.Detail)
	}
	for k, i := range clashes {
		e := entryFor(t, *rep, capturePath(in, offsets[n+len(dups)+k], 0))
		name := captureName(caps[n+len(dups)+k].uri, date(i))
		assert.Equal(t, numbered(name, 2), e.Output)
		assert.Equal(t, name+" is the output of "+capturePath(in, offsets[i], 0)+
			" (the same name when case and Unicode normalisation are ignored)", e.Renamed)
	}
}

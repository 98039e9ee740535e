package migrate

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
	require.NoError(t, os.WriteFile(name, []byte(data), 0o644))
}

func TestRunFaultsAreReportedAndTheRunGoesOn(t *testing.T) {
	root := t.TempDir()
	site, other := filepath.Join(root, "site"), filepath.Join(root, "other")
	writeFile(t, filepath.Join(site, "a.html"), "<p>a</p>")
	writeFile(t, filepath.Join(site, "b", "c.htm"), "<p>c</p>")
	writeFile(t, filepath.Join(site, "gone.html"), "<p>gone</p>")
	writeFile(t, filepath.Join(site, "locked.html"), "<p>locked</p>")
	writeFile(t, filepath.Join(site, "big.html"), "<p>"+strings.Repeat("x", 2000)+"</p>")
	writeFile(t, filepath.Join(site, "report"), "<html><p>named like the report</p></html>")
	writeFile(t, filepath.Join(other, "b", "c.htm"), "<p>another c</p>")
	writeFile(t, filepath.Join(other, "d.html"), "<p>d</p>")
	require.NoError(t, os.Symlink("..", filepath.Join(site, "b", "up")))          // a loop
	require.NoError(t, os.Symlink("self.html", filepath.Join(site, "self.html"))) // a link to itself
	require.NoError(t, os.Symlink("nowhere.css", filepath.Join(site, "x.css")))   // dangling, not a page

	out := filepath.Join(root, "out")
	opts := fakeOptions(out, 1)
	opts.MaxBytes = 1000
	opts.ReadFile = func(name string) ([]byte, error) {
		if strings.HasSuffix(name, "locked.html") {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return readLimited(nil, name, opts.MaxBytes)
	}
	opts.Convert = func(src PageSource, data []byte) (*reply.Reply, error) {
		if src.Rel == "a.html" { // with one worker, a.html is read before gone.html
			require.NoError(t, os.Remove(filepath.Join(site, "gone.html")))
		}
		return fakeConvert(src, data)
	}
	rep, err := runHeld(context.Background(), Paths(site, other, filepath.Join(root, "missing")), opts)
	require.NoError(t, err)

	got := readReport(t, out)
	tests := []struct {
		path, kind string
		err        error
	}{
		{"site/gone.html", KindVanished, ErrVanished},
		{"site/locked.html", KindUnreadable, nil},
		{"site/big.html", KindTooLarge, ErrTooLarge},
		{"missing", KindNotFound, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			e := entryFor(t, got, tt.path)
			assert.Equal(t, StatusFailed, e.Status)
			require.NotNil(t, e.Error)
			assert.Equal(t, tt.kind, e.Error.Kind)
			assert.NotEmpty(t, e.Error.Message)
		})
	}
	// Links round a loop are no pages that failed: they are listed as
	// ignored, and the pages they lead to are read once.
	for _, l := range []struct{ path, says string }{
		{"site/self.html", "leads round a loop through self.html"},
		{"site/b/up", ", which holds it"},
	} {
		ig, ok := ignoredFor(got, l.path)
		if assert.True(t, ok, l.path) {
			assert.Equal(t, IgnoredLinkLoop, ig.Reason, l.path)
			assert.Contains(t, ig.Detail, l.says, l.path)
		}
	}
	// A page whose output name is taken, by the report or by a page
	// found before it, is written under another name, and says why.
	for _, r := range []struct{ path, output, says string }{
		{"site/report", "report~2", "report.json is reserved for the run's own outputs"},
		{"other/b/c.htm", "b/c~2.htm", "b/c.htm is the output of " + filepath.Join(site, "b", "c.htm")},
	} {
		e := entryFor(t, got, r.path)
		assert.Equal(t, StatusOK, e.Status, r.path)
		assert.Equal(t, r.output, e.Output, r.path)
		assert.Equal(t, r.says, e.Renamed, r.path)
		assert.FileExists(t, filepath.Join(out, r.output+".json"))
	}
	assert.Equal(t, 2, got.Totals.Renamed)
	assert.Equal(t, len(tests), got.Totals.Failed)
	assert.Equal(t, 5, got.Totals.Replies) // a.html, both b/c.htm, d.html, report
	assert.Equal(t, rep.Totals, got.Totals)

	// The page found first kept the name.
	cJSON, err := os.ReadFile(filepath.Join(out, "b", "c.htm.json"))
	require.NoError(t, err)
	assert.Contains(t, string(cJSON), "from b/c.htm")
	r, err := reply.Unmarshal(cJSON)
	require.NoError(t, err)
	want, _ := fakeConvert(PageSource{Rel: "b/c.htm"}, []byte("<p>c</p>"))
	assert.Equal(t, want.Title, r.Title)
	assert.FileExists(t, filepath.Join(out, "d.html.json"))
	assert.NoFileExists(t, filepath.Join(out, "report.html"))
	oJSON, err := os.ReadFile(filepath.Join(out, "b", "c~2.htm.json"))
	require.NoError(t, err)
	o, err := reply.Unmarshal(oJSON)
	require.NoError(t, err)
	want, _ = fakeConvert(PageSource{Rel: "b/c.htm"}, []byte("<p>another c</p>"))
	assert.Equal(t, want.Title, o.Title)
}

func TestRunUnreadableFileOnDisk(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode; TestRunFaultsAreReportedAndTheRunGoesOn injects the failure")
	}
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "ok.html"), "<p>ok</p>")
	writeFile(t, filepath.Join(in, "locked.html"), "<p>locked</p>")
	require.NoError(t, os.Chmod(filepath.Join(in, "locked.html"), 0))
	rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 2))
	require.NoError(t, err)
	assert.Equal(t, KindUnreadable, entryFor(t, *rep, "locked.html").Error.Kind)
	assert.Equal(t, 1, rep.Totals.Replies)
}

// fullFS is the real file system, but writes of files in a directory
// named "full" (or anywhere, with all set) fail as on a full disk.
type fullFS struct {
	noSyncFS
	all    bool
	failed atomic.Int64
}

func (f *fullFS) CreateTemp(dir, pattern string) (File, error) {
	file, err := f.noSyncFS.CreateTemp(dir, pattern)
	if err != nil || (!f.all && filepath.Base(dir) != "full") {
		return file, err
	}
	return &fullFile{File: file, fs: f}, nil
}

type fullFile struct {
	File
	fs *fullFS
}

func (f *fullFile) Write(p []byte) (int, error) {
	f.fs.failed.Add(1)
	n := len(p) / 2
	_, _ = f.File.Write(p[:n])
	return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

func TestRunFullDiskDamagesNothing(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "a.html"), "<p>a</p>")
	writeFile(t, filepath.Join(in, "full", "b.html"), "<p>b</p>")
	writeFile(t, filepath.Join(in, "full", "c.html"), "<p>c</p>")
	_, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 2))
	require.NoError(t, err)
	before := treetest.Read(t, out)

	// Pages change; the disk is full in one directory.
	writeFile(t, filepath.Join(in, "full", "b.html"), "<p>b, changed</p>")
	writeFile(t, filepath.Join(in, "a.html"), "<p>a, changed</p>")
	ffs := &fullFS{}
	opts := fakeOptions(out, 2)
	opts.FS, opts.Force = ffs, true
	rep, err := runHeld(context.Background(), Paths(in), opts)
	require.NoError(t, err)
	assert.Positive(t, ffs.failed.Load())
	for _, p := range []string{"full/b.html", "full/c.html"} {
		e := entryFor(t, *rep, p)
		assert.Equal(t, StatusFailed, e.Status, p)
		assert.Equal(t, KindWrite, e.Error.Kind, p)
		assert.Contains(t, e.Error.Message, "no space left on device")
	}
	assert.Equal(t, 1, rep.Totals.Replies)
	after := treetest.Read(t, out)
	// The old outputs of the pages that failed are whole and unchanged;
	// a.html's outputs are the new ones; no temporary file is left.
	for _, name := range []string{"full/b.html.json", "full/b.html.html", "full/c.html.json", "full/c.html.html"} {
		assert.Equal(t, before[name], after[name], name)
	}
	assert.NotEqual(t, before["a.html.json"], after["a.html.json"])
	for name := range after {
		assert.False(t, isTemp(filepath.Base(name)), name)
	}

	// With the whole disk full, even the report cannot be written: Run
	// says so, and still nothing is damaged.
	opts.FS = &fullFS{all: true}
	_, err = runHeld(context.Background(), Paths(in), opts)
	require.Error(t, err)
	assert.True(t, errors.Is(err, syscall.ENOSPC))
	assert.Equal(t, after, treetest.Read(t, out))
}

func TestRunArchives(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	zipName := filepath.Join(dir, "mirror.zip")
	zf, err := os.Create(zipName)
	require.NoError(t, err)
	zw := zip.NewWriter(zf)
	for name, data := range map[string]string{
		"www/a.html":         "<p>a</p>",
		"www/sub/b.php":      "<p>b</p>",
		"www/style.css":      "body{}",
		"www/page":           "<!DOCTYPE html><p>sniffed</p>",
		"www/notes":          "not a page at all",
		"../evil.html":       "<p>escape</p>",
		"/abs/evil.html":     "<p>escape</p>",
		"www/empty.html":     "",
		"www/list.html?id=3": "<!-- list -->",
	} {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(data))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, zf.Close())

	tgzName := filepath.Join(dir, "mirror2.tar.gz")
	tf, err := os.Create(tgzName)
	require.NoError(t, err)
	gz := gzip.NewWriter(tf)
	tw := tar.NewWriter(gz)
	for _, e := range []struct{ name, data string }{{"www2/c.shtml", "<p>c</p>"}, {"www2/t.txt", "plain text notice"}, {"www2/a.html", "<p>a2</p>"}} {
		require.NoError(t, tw.WriteHeader(&tar.Header{Name: e.name, Mode: 0o644, Size: int64(len(e.data)), Typeflag: tar.TypeReg}))
		_, err := tw.Write([]byte(e.data))
		require.NoError(t, err)
	}
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	require.NoError(t, tf.Close())

	broken := filepath.Join(dir, "broken.zip")
	writeFile(t, broken, "PK not really a zip")

	rep, err := runHeld(context.Background(), Paths(zipName, tgzName, broken), fakeOptions(out, 2))
	require.NoError(t, err)
	for _, name := range []string{"www/a.html", "www/sub/b.php", "www/page", "www2/c.shtml", "www2/t.txt", "www2/a.html"} {
		assert.FileExists(t, filepath.Join(out, filepath.FromSlash(name)+".json"), name)
	}
	assert.NoFileExists(t, filepath.Join(out, "www", "notes.json"))
	assert.NoFileExists(t, filepath.Join(out, "www", "style.css.json"))
	assert.NoFileExists(t, filepath.Join(filepath.Dir(out), "evil.html.json"))
	assert.Equal(t, KindBadPath, entryFor(t, *rep, "mirror.zip!../evil.html").Error.Kind)
	assert.Equal(t, KindBadPath, entryFor(t, *rep, "mirror.zip!/abs/evil.html").Error.Kind)
	assert.Equal(t, "empty", entryFor(t, *rep, "mirror.zip!www/empty.html").Error.Kind)
	assert.Equal(t, StatusOther, entryFor(t, *rep, "mirror.zip!www/list.html?id=3").Status)
	assert.Equal(t, KindArchive, entryFor(t, *rep, "broken.zip").Error.Kind)
	assert.Equal(t, 6, rep.Totals.Replies)
	assert.Equal(t, 4, rep.Totals.Failed)

	// Archive pages are skipped on a second run too.
	rep, err = runHeld(context.Background(), Paths(zipName, tgzName), fakeOptions(out, 2))
	require.NoError(t, err)
	assert.Equal(t, 6, rep.Totals.Skipped)
}

func TestRunSkipsTheOutputDirectoryInsideAnInput(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "a.html"), "<p>a</p>")
	out := filepath.Join(in, "out")
	for range 2 {
		rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
		require.NoError(t, err)
		assert.Equal(t, 1, rep.Totals.Pages, "the outputs are not read as pages")
	}
}

func TestRunRefusesTheOutputDirectoryAsInput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.html"), "<p>a</p>")
	rep, err := runHeld(context.Background(), Paths(dir), fakeOptions(dir, 1))
	require.NoError(t, err)
	require.Len(t, rep.Pages, 1)
	assert.Equal(t, KindCollision, rep.Pages[0].Error.Kind)
	assert.Contains(t, rep.Pages[0].Error.Message, "the input is the output directory")
	assert.NoFileExists(t, filepath.Join(dir, "a.html.json"))
}

func TestRunFileInputs(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "page.dat"), "<p>named on the command line</p>")
	writeFile(t, filepath.Join(in, "x", "page.dat"), "<p>same base name</p>")
	rep, err := runHeld(context.Background(), Paths(filepath.Join(in, "page.dat"), filepath.Join(in, "x", "page.dat")), fakeOptions(out, 1))
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Totals.Replies)
	assert.Equal(t, "page~2.dat", entryFor(t, *rep, "x/page.dat").Output)
	assert.FileExists(t, filepath.Join(out, "page.dat.json"))
	assert.FileExists(t, filepath.Join(out, "page~2.dat.json"))
}

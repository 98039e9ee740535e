package migrate

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTypeOfSniffsUnknownExtensions(t *testing.T) {
	tests := []struct {
		name string
		want pageType
	}{
		{"x.jhtml", htmlPage}, {"x.shtm", htmlPage}, {"x.aspx", htmlPage}, {"x.xhtml", htmlPage},
		{"show.do", sniff}, {"list.action", sniff}, {"view.do?id=7", sniff}, {"page.cfm", sniff},
		{"x.css", notPage}, {"x.PNG", notPage}, {"x.pdf", notPage}, {"x.docx", notPage}, {"x.zip", notPage},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, typeOf(tt.name), tt.name)
	}
	assert.True(t, IsHTMLName("a/b.ASPX"))
	assert.True(t, IsTextName("notice.txt"))
	assert.False(t, IsHTMLName("show.do"))
	assert.True(t, LooksHTML([]byte("<html><body>")))
}

// htmlBody is a small HTML page, which looks HTML to the sniffer.
const htmlBody = "<!DOCTYPE html><html><body><p>a reply</p></body></html>"

func TestRunReportsEveryFileItIgnores(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	files := map[string]string{
		"a.jhtml":        htmlBody,
		"b.shtm":         htmlBody,
		"c.do":           htmlBody,             // sniffed: a page
		"d.action":       "just a status line", // sniffed: not one
		"README":         "plain notes",
		"style.css":      "body{}",
		"logo.png":       "\x89PNG",
		"file.pdf":       "%PDF-1.4",
		".DS_Store":      "x",
		".git/HEAD":      "ref: refs/heads/main",
		"sub/e.aspx":     htmlBody,
		"sub/f.xhtml":    htmlBody,
		"sub/notice.txt": "a text notice",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(site, filepath.FromSlash(name)), data)
	}
	require.NoError(t, os.Symlink("nowhere.css", filepath.Join(site, "gone.css")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(site, "pipe"), 0o644))
	empty := filepath.Join(root, "empty")
	writeFile(t, filepath.Join(empty, "only.css"), "body{}")
	out := filepath.Join(site, "out") // inside the input

	rep, err := runHeld(context.Background(), Paths(site, empty), fakeOptions(out, 2))
	require.NoError(t, err)
	var pages []string
	for _, e := range rep.Pages {
		rel, err := filepath.Rel(site, e.Path)
		require.NoError(t, err)
		pages = append(pages, filepath.ToSlash(rel))
	}
	assert.Equal(t, []string{"a.jhtml", "b.shtm", "c.do", "sub/e.aspx", "sub/f.xhtml", "sub/notice.txt"}, pages)
	want := []Ignored{
		{filepath.Join(empty, "only.css"), IgnoredNotPage, "", ""},
		{filepath.Join(site, ".DS_Store"), IgnoredHidden, "", ""},
		{filepath.Join(site, ".git"), IgnoredHidden, "", ""},
		{filepath.Join(site, "README"), IgnoredNotHTML, "", ""},
		{filepath.Join(site, "d.action"), IgnoredNotHTML, "", ""},
		{filepath.Join(site, "file.pdf"), IgnoredNotPage, "", ""},
		{filepath.Join(site, "gone.css"), IgnoredBrokenLink, "leads to nowhere.css, which does not exist", ""},
		{filepath.Join(site, "logo.png"), IgnoredNotPage, "", ""},
		{filepath.Join(site, "out"), IgnoredOutput, "", ""},
		{filepath.Join(site, "pipe"), IgnoredNotRegular, "a FIFO", ""},
		{filepath.Join(site, "style.css"), IgnoredNotPage, "", ""},
	}
	assert.Equal(t, want, rep.Ignored)
	assert.Equal(t, len(want), rep.Totals.Ignored)
	assert.Equal(t, map[string]int{IgnoredNotPage: 4, IgnoredHidden: 2, IgnoredNotHTML: 2, IgnoredBrokenLink: 1,
		IgnoredOutput: 1, IgnoredNotRegular: 1}, rep.Totals.IgnoredBy)
	assert.Equal(t, []InputTotals{{Path: site, Pages: 6, Ignored: 10}, {Path: empty, Pages: 0, Ignored: 1}}, rep.Inputs)
	// The report on disk says the same; a second run, the same again.
	got := readReport(t, out)
	assert.Equal(t, want, got.Ignored)
	again, err := runHeld(context.Background(), Paths(site, empty), fakeOptions(out, 1))
	require.NoError(t, err)
	assert.Equal(t, want, again.Ignored)
	assert.Equal(t, 6, again.Totals.Skipped)

	var sum bytes.Buffer
	require.NoError(t, rep.WriteSummary(&sum))
	assert.Contains(t, sum.String(), "\n  files or records ignored       11\n    broken-link                   1\n    hidden                        2\n")
}

func TestRunReportsWhatArchivesAndFileSystemsHoldBesidePages(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	zipName := filepath.Join(dir, "site.zip")
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, e := range []struct {
		name, data string
		link       bool
	}{{"www/a.jhtml", htmlBody, false}, {"www/b.do", "status: ok", false}, {"www/s.css", "body{}", false},
		{"www/.hidden.html", htmlBody, false}, {"www/link.html", "a.jhtml", true}} {
		h := &zip.FileHeader{Name: e.name, Method: zip.Store}
		if e.link {
			h.SetMode(os.ModeSymlink | 0o777)
		}
		w, err := zw.CreateHeader(h)
		require.NoError(t, err)
		_, err = w.Write([]byte(e.data))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(zipName, zbuf.Bytes(), 0o644))

	tgzName := filepath.Join(dir, "site.tar.gz")
	var tbuf bytes.Buffer
	gz := gzip.NewWriter(&tbuf)
	tw := tar.NewWriter(gz)
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "t/", Typeflag: tar.TypeDir, Mode: 0o755}))
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "t/link.html", Typeflag: tar.TypeSymlink, Linkname: "x.html"}))
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "t/p.shtm", Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(htmlBody))}))
	_, err := tw.Write([]byte(htmlBody))
	require.NoError(t, err)
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	require.NoError(t, os.WriteFile(tgzName, tbuf.Bytes(), 0o644))

	fsys := fstest.MapFS{
		"p.do":        {Data: []byte(htmlBody)},
		"q.do":        {Data: []byte("no markup")},
		"img/x.gif":   {Data: []byte("GIF89a")},
		".cache/y.js": {Data: []byte("x")},
	}
	rep, err := runHeld(context.Background(), []Input{{Path: zipName}, {Path: tgzName}, {Path: "mem", FS: fsys}}, fakeOptions(out, 1))
	require.NoError(t, err)
	// a.jhtml, link.html (a link read as a.jhtml), p.shtm, p.do, and
	// nothing else.
	assert.Equal(t, 4, rep.Totals.Pages)
	assert.Equal(t, StatusOK, entryFor(t, *rep, "www/link.html").Status)
	assert.Equal(t, []Ignored{
		{tgzName + "!t/link.html", IgnoredBrokenLink, `leads to "x.html", but the archive holds no entry t/x.html`, ""},
		{zipName + "!www/.hidden.html", IgnoredHidden, "", ""},
		{zipName + "!www/b.do", IgnoredNotHTML, "", ""},
		{zipName + "!www/s.css", IgnoredNotPage, "", ""},
		{"mem/.cache", IgnoredHidden, "", ""},
		{"mem/img/x.gif", IgnoredNotPage, "", ""},
		{"mem/q.do", IgnoredNotHTML, "", ""},
	}, rep.Ignored) // by path: the temporary directory's "/" sorts before "mem"
	assert.Equal(t, []InputTotals{{zipName, 2, 3, ""}, {tgzName, 1, 1, ""}, {"mem", 1, 3, ""}}, rep.Inputs)
}

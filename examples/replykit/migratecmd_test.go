package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMigrateRefusesARunThatCannotBeDone: problems of the run as a whole
// are said on stderr with their path, before any page is read, with exit
// status 3, and nothing is written.
func TestMigrateRefusesARunThatCannotBeDone(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	require.NoError(t, os.MkdirAll(site, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(site, "a.html"), []byte("<p>a</p>"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "bad.zip"), []byte("PK not a zip"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "notes"), []byte("a file"), 0o644))
	out := filepath.Join(root, "out")
	nope := filepath.Join(root, "nope")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"missing input", []string{"-o", out, site, nope},
			"replykit migrate: " + nope + ": no such file or directory\n"},
		{"input is the output", []string{"-o", site, site},
			"replykit migrate: " + site + ": is the output directory (name another output directory with -o)\n"},
		{"broken archive", []string{"-o", out, filepath.Join(root, "bad.zip")},
			"replykit migrate: " + filepath.Join(root, "bad.zip") + ": not a readable archive: zip: not a valid zip file\n"},
		{"output not writable", []string{"-o", filepath.Join(root, "notes", "out"), site},
			"replykit migrate: " + filepath.Join(root, "notes", "out") + ": output directory not writable: mkdir " +
				filepath.Join(root, "notes") + ": not a directory (name a directory you can write to with -o)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd("", append([]string{"migrate", "-q"}, tt.args...)...)
			assert.Equal(t, exitRun, r.code)
			assert.Empty(t, r.stdout)
			assert.Equal(t, tt.stderr+"replykit migrate: nothing done\n", r.stderr)
			assert.NoDirExists(t, out)
			assert.NoFileExists(t, filepath.Join(site, migrate.ReportName))
		})
	}
}

func TestMigrateSaysWhatAnEmptyRunFound(t *testing.T) {
	root := t.TempDir()
	empty, assets := filepath.Join(root, "empty"), filepath.Join(root, "assets")
	require.NoError(t, os.MkdirAll(empty, 0o755))
	require.NoError(t, os.MkdirAll(assets, 0o755))
	for _, name := range []string{"style.css", "notes.do"} {
		require.NoError(t, os.WriteFile(filepath.Join(assets, name), []byte("not a page"), 0o644))
	}
	// A web archive of one record, which is no page.
	info := filepath.Join(root, "info.warc")
	require.NoError(t, os.WriteFile(info, []byte("WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"+
		"WARC-Date: 2024-03-01T08:00:00Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n"), 0o644))
	out := filepath.Join(root, "out")
	r := runCmd("", "migrate", "-q", "-o", out, empty, assets, info)
	assert.Equal(t, exitRun, r.code)
	assert.Contains(t, r.stderr, "report: "+filepath.Join(out, migrate.ReportName)+"\n")
	assert.Contains(t, r.stderr, "\n    not-html                      1\n    not-page                      1\n")
	assert.True(t, strings.HasSuffix(r.stderr, "\n"+
		"replykit migrate: "+empty+": no pages found\n"+
		"replykit migrate: "+assets+": no pages found; 2 files not read as pages are listed under \"ignored\" in the report\n"+
		"replykit migrate: "+info+": no pages found; 1 record not read as pages is listed under \"ignored\" in the report\n"+
		"hint: replykit reads .html .htm .shtml .shtm .xhtml .jsp .jhtml .asp .aspx .php\n"+
		"pages, .txt notices, and files with no or another extension whose start is HTML;\n"+
		"see 'replykit migrate -h'\n"), r.stderr)
	rep := readReport(t, out)
	assert.Equal(t, []migrate.Ignored{
		{Path: filepath.Join(assets, "notes.do"), Reason: migrate.IgnoredNotHTML},
		{Path: filepath.Join(assets, "style.css"), Reason: migrate.IgnoredNotPage},
		{Path: info + "@0", Reason: migrate.IgnoredWarcinfo, Detail: "at 2024-03-01T08:00:00Z"},
	}, rep.Ignored)
}

func TestMigrateReadsPagesOfAnyExtensionAndListsTheRest(t *testing.T) {
	needParse(t)
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	page, err := os.ReadFile(seedPage)
	require.NoError(t, err)
	for _, name := range []string{"a.jhtml", "b.shtm", "c.do", "d.action", "e.aspx", "f.xhtml"} {
		require.NoError(t, os.WriteFile(filepath.Join(in, name), page, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(in, "g.do"), []byte("status=ok"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "h.css"), []byte("body{}"), 0o644))
	r := runCmd("", "migrate", "-q", "-o", out, in)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Contains(t, r.stderr, "\n  replies found                   6\n")
	assert.Contains(t, r.stderr, "\n  files or records ignored        2\n    not-html                      1\n    not-page                      1\n")
	rep := readReport(t, out)
	assert.Equal(t, 6, rep.Totals.Replies)
	assert.Equal(t, []migrate.Ignored{
		{Path: filepath.Join(in, "g.do"), Reason: migrate.IgnoredNotHTML},
		{Path: filepath.Join(in, "h.css"), Reason: migrate.IgnoredNotPage},
	}, rep.Ignored)
}

// TestMigrateSaysABrokenArchiveOnStderr: an archive found broken during
// the run, after the pages before the damage, is named on stderr.
func TestMigrateSaysABrokenArchiveOnStderr(t *testing.T) {
	needParse(t)
	page, err := os.ReadFile(seedPage)
	require.NoError(t, err)
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: "a.html", Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(page))}))
	_, err = tw.Write(page)
	require.NoError(t, err)
	require.NoError(t, tw.Flush())
	require.NoError(t, gz.Flush())
	data := buf.Bytes()
	data = append(data[:len(data):len(data)], "damage"...) // no end, no more entries
	dir := t.TempDir()
	name := filepath.Join(dir, "site.tar.gz")
	require.NoError(t, os.WriteFile(name, data, 0o644))
	out := filepath.Join(dir, "out")
	r := runCmd("", "migrate", "-q", "-o", out, name)
	assert.Equal(t, exitFailed, r.code)
	assert.Regexp(t, "(?m)^replykit migrate: "+regexp.QuoteMeta(name)+": .+ \\(archive\\)$", r.stderr)
	assert.FileExists(t, filepath.Join(out, "a.html.json"))
}

// TestFinishMigrate: the exit status of each outcome of a run, and the
// report's place said only when it was written.
func TestFinishMigrate(t *testing.T) {
	written := filepath.Join("out", migrate.ReportName)
	tests := []struct {
		name       string
		totals     migrate.Totals
		written    string
		err        error
		code       int
		saysReport bool
	}{
		{"all good", migrate.Totals{Pages: 3, Replies: 3}, written, nil, exitOK, true},
		{"a page failed", migrate.Totals{Pages: 3, Replies: 2, Failed: 1}, written, nil, exitFailed, true},
		{"no pages", migrate.Totals{}, written, nil, exitRun, true},
		{"interrupted", migrate.Totals{Pages: 1, Replies: 1}, written, context.Canceled, exitRun, true},
		{"no report", migrate.Totals{Pages: 3, Replies: 3}, "", fmt.Errorf("migrate: %w: disk full", migrate.ErrReport), exitRun, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &migrate.Report{Totals: tt.totals, Written: tt.written, Workers: 1}
			var w, stderr bytes.Buffer
			code := finishMigrate(rep, nil, tt.err, &w, &stderr)
			assert.Equal(t, tt.code, code)
			assert.Equal(t, tt.saysReport, strings.Contains(w.String(), "report: "), w.String())
			if tt.err != nil {
				assert.Contains(t, stderr.String(), "replykit migrate: "+tt.err.Error()+"\n")
			}
		})
	}
}

// TestMigrateRefusesAnOutputDirectoryInUse runs the command while another
// run writes into its output directory: it is refused at once with exit
// status 3, naming the run that holds the directory, and writes nothing.
func TestMigrateRefusesAnOutputDirectoryInUse(t *testing.T) {
	root := t.TempDir()
	site, out := filepath.Join(root, "site"), filepath.Join(root, "out")
	require.NoError(t, os.MkdirAll(site, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(site, "a.html"), []byte("<p>a</p>"), 0o644))

	converting, goOn := make(chan struct{}), make(chan struct{})
	opts := migrateOptions(context.Background(), out, 1, false)
	opts.Convert = func(src migrate.PageSource, data []byte) (*reply.Reply, error) {
		close(converting)
		<-goOn
		return convertPage(context.Background(), src, data)
	}
	done := make(chan error)
	go func() {
		_, err := migrate.Run(context.Background(), migrate.Paths(site), opts)
		done <- err
	}()
	<-converting

	r := runCmd("", "migrate", "-q", "-o", out, site)
	close(goOn)
	require.NoError(t, <-done)
	host, _ := os.Hostname()
	assert.Equal(t, exitRun, r.code)
	assert.Regexp(t, "^replykit migrate: "+regexp.QuoteMeta(out)+": output directory in use by another run "+
		regexp.QuoteMeta(fmt.Sprintf("(pid %d on %s, started ", os.Getpid(), host))+`[0-9T:-]+Z\); `+
		"wait for it to end, or write elsewhere\nreplykit migrate: nothing done\n$", r.stderr)
	assert.Empty(t, r.stdout)
	rep, err := os.ReadFile(filepath.Join(out, migrate.ReportName))
	require.NoError(t, err)
	assert.Contains(t, string(rep), `"pages": 1,`, "the first run's report")
}

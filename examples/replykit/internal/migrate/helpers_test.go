package migrate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// The fake converter's errors, named by fakeClassify.
var (
	errFakeEmpty   = errors.New("fake: empty page")
	errFakeNotHTML = errors.New("fake: not HTML")
)

// fakeConvert stands for parse: a reply whose title is a digest of the
// page, so that outputs depend on every byte; "notice-other" in a page
// makes it another notice, "<!-- list -->" a page with no notice, and
// "<!-- warn -->" adds a warning.
func fakeConvert(src PageSource, data []byte) (*reply.Reply, error) {
	rel := src.Rel
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errFakeEmpty
	}
	if !strings.HasSuffix(rel, ".txt") && !bytes.Contains(data, []byte("<")) {
		return nil, errFakeNotHTML
	}
	if bytes.Contains(data, []byte("<!-- list -->")) {
		return nil, fmt.Errorf("fake: a list page: %w", ErrNoNotice)
	}
	sum := sha256.Sum256(data)
	r := &reply.Reply{
		Kind:    reply.KindProposalReply,
		Title:   fmt.Sprintf("page %x", sum[:8]),
		Opening: []reply.Block{{Text: fmt.Sprintf("%d bytes from %s", len(data), rel)}},
	}
	if bytes.Contains(data, []byte("notice-other")) {
		r.Kind = reply.KindOther
	}
	if bytes.Contains(data, []byte("<!-- warn -->")) {
		r.Warnings = []reply.Warning{{Code: "fake", Message: "a warning"}}
	}
	return r, nil
}

func fakeRender(w io.Writer, r *reply.Reply) error {
	_, err := fmt.Fprintf(w, "<!doctype html>\n<title>%s</title>\n<p>%s</p>\n", html.EscapeString(r.Title), html.EscapeString(r.Opening[0].Text))
	return err
}

func fakeClassify(err error) string {
	switch {
	case errors.Is(err, errFakeEmpty):
		return "empty"
	case errors.Is(err, errFakeNotHTML):
		return "not-html"
	}
	return ""
}

// counting wraps a converter and counts its calls.
func counting(calls *atomic.Int64, conv Converter) Converter {
	return func(src PageSource, data []byte) (*reply.Reply, error) {
		calls.Add(1)
		return conv(src, data)
	}
}

// fakeOptions are the options of an engine test writing to out.
func fakeOptions(out string, workers int) Options {
	return Options{OutDir: out, Workers: workers, Convert: fakeConvert, Render: fakeRender, Classify: fakeClassify, FS: noSyncFS{},
		MemEntries: *testMemEntries}
}

// testMemEntries runs every engine test with its report entries and
// indexes on disk past a few: `go test -args -mementries 1` (CI does).
var testMemEntries = flag.Int("mementries", 0, "Options.MemEntries of the engine's tests (1 puts nearly all a run remembers on disk)")

// noSyncFS is the real file system without fsync: the tests look at what
// a run leaves behind, not at what survives a power cut, and thousands of
// syncs would make them slow.
type noSyncFS struct{ OS }

func (noSyncFS) CreateTemp(dir, pattern string) (File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return noSyncFile{f}, nil
}

type noSyncFile struct{ *os.File }

func (noSyncFile) Sync() error { return nil }

// sampleDir is the command's sample pages, the fixtures the generated
// trees copy.
const sampleDir = "../../sample"

// fixtures reads the sample pages: name → bytes.
func fixtures(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(sampleDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(p[len(sampleDir)+1:])] = data
		return err
	})
	require.NoError(t, err)
	require.NotEmpty(t, out)
	return out
}

// tree is a generated site mirror: how many pages of each outcome it holds.
type tree struct {
	pages   int            // pages the walk finds
	failed  map[string]int // broken pages by the kind of their failure
	broken  []string       // the broken pages' paths
	noNote  int            // pages with no notice
	written int            // pages with outputs
}

// genTree writes n pages into dir: copies of the sample fixtures under
// several names and extensions (HTML, extensionless HTML, text), each copy
// made different, with broken pages (empty, binary, not HTML), list pages
// and files that are not pages mixed in.
func genTree(t testing.TB, dir string, n int) tree {
	t.Helper()
	fx := fixtures(t)
	names := make([]string, 0, len(fx))
	for k := range fx {
		names = append(names, k)
	}
	slices.Sort(names) // a fixed order: the same tree every time
	exts := []string{".html", ".htm", ".shtml", ".php", ".jsp", ".asp", ""}
	tr := tree{failed: map[string]int{}}
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
	}
	for i := range n {
		rel := fmt.Sprintf("site%d/col%02d/p%05d", i%3, i%41, i)
		switch {
		case i%97 == 13:
			write(rel+".html", nil)
			tr.failed["empty"]++
			tr.broken = append(tr.broken, rel+".html")
		case i%89 == 7:
			write(rel+".htm", []byte("\x00\x01\x02 PK binary junk \xff\xfe"))
			tr.failed["not-html"]++
			tr.broken = append(tr.broken, rel+".htm")
		case i%83 == 5:
			write(rel+".html", []byte("<html><body><ul><li>a</li></ul><!-- list --></body></html>"))
			tr.noNote++
		default:
			name := names[i%len(names)]
			data := append(append([]byte{}, fx[name]...), fmt.Sprintf("\n<!-- copy %d -->\n", i)...)
			if i%11 == 0 {
				data = append(data, "<!-- warn -->\n"...)
			}
			ext := exts[i%len(exts)]
			if strings.HasSuffix(name, ".txt") {
				ext = ".txt"
			}
			write(rel+ext, data)
			tr.written++
		}
		tr.pages++
	}
	// Files that are not pages: never read, never in the report.
	write("site0/style.css", []byte("body{}"))
	write("site0/logo.png", []byte("\x89PNG"))
	write("site1/README", []byte("plain notes, no markup"))
	write("site2/.hidden.html", []byte("<p>hidden</p>"))
	return tr
}

// readReport reads OUTDIR/report.json.
func readReport(t testing.TB, out string) Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, ReportName))
	require.NoError(t, err)
	var r Report
	require.NoError(t, jsonUnmarshalStrict(data, &r))
	return r
}

// entryFor finds the report entry of a page by its path's suffix.
func entryFor(t testing.TB, r Report, suffix string) Entry {
	t.Helper()
	e, ok := pageFor(r, suffix)
	if !ok {
		t.Fatalf("no report entry for %s", suffix)
	}
	return e
}

// ignoredFor finds a file in the report's ignored list by its path's
// suffix.
func ignoredFor(r Report, suffix string) (Ignored, bool) {
	for _, ig := range r.Ignored {
		if strings.HasSuffix(filepath.ToSlash(ig.Path), suffix) {
			return ig, true
		}
	}
	return Ignored{}, false
}

// pageFor finds a page's entry by its path's suffix.
func pageFor(r Report, suffix string) (Entry, bool) {
	for _, e := range r.Pages {
		if strings.HasSuffix(filepath.ToSlash(e.Path), suffix) {
			return e, true
		}
	}
	return Entry{}, false
}

func jsonUnmarshalStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// sortEntries sorts entries as a report lists them.
func sortEntries(es []Entry) {
	slices.SortFunc(es, func(a, b Entry) int { return compareEntries(&a, &b) })
}

// sortIgnored sorts ignored files as a report lists them.
func sortIgnored(igs []Ignored) {
	slices.SortFunc(igs, func(a, b Ignored) int { return compareIgnored(&a, &b) })
}

// runHeld is Run, with the report's entries loaded into memory when it
// was written.
func runHeld(ctx context.Context, inputs []Input, opts Options) (*Report, error) {
	rep, err := Run(ctx, inputs, opts)
	if rep != nil && rep.Written != "" {
		if lerr := rep.Load(); lerr != nil {
			return rep, errors.Join(err, lerr)
		}
	}
	return rep, err
}

// mergeHeld is Merge, with the report's entries loaded into memory.
func mergeHeld(outDir string, opts MergeOptions) (*Report, error) {
	rep, err := Merge(outDir, opts)
	if rep != nil && rep.Written != "" {
		if lerr := rep.Load(); lerr != nil {
			return rep, errors.Join(err, lerr)
		}
	}
	return rep, err
}

package migrate

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clash is a page of a clashing input, the output it gets and the start
// of why it is renamed ("" when it is not).
type clash struct {
	name, output, why string
}

const clashPage = "<html><p>a page</p></html>"

// clashTree holds, on disk, pages whose outputs clash: a file where
// another needs a folder, names the same but for case or Unicode
// normalisation, the run's own names, and a name that is not UTF-8. A
// Linux file system tells them all apart; the outputs must not need it
// to. The walk reads each folder in byte order.
var clashTree = []clash{
	{"Case.html", "Case.html", ""},
	{"bad%FF%FE.html", "bad%FF%FE.html", ""},
	{"bad\xff\xfe.html", "bad%FF%FE~2.html", "bad%FF%FE.html is the output of "},
	{"case.html", "case~2.html", "case.html is the output of "},
	{"e\u0301.html", "e\u0301.html", ""}, // NFD
	{"foo", "foo", ""},                   // extensionless: foo.json, foo.html
	{"foo.html/x.htm", "foo~2.html/x.htm", "the folder foo.html is the output foo.html of "},
	{"foo.html/y.htm", "foo~2.html/y.htm", "the folder foo.html is the output foo.html of "},
	{"index", "index~2", "index.html is reserved for the run's own outputs"},
	{"report.json/a.html", "report~2.json/a.html", "the folder report.json is reserved for the run's own outputs"},
	{"sub/bad\xff.html", "sub/bad%FF.html", "the name is not UTF-8"},
	{"x", "x", ""},
	{"x.json/y.html", "x~2.json/y.html", "the folder x.json is the output x.json of "},
	{"\u00e9.html", "\u00e9~2.html", "\u00e9.html is the output of "}, // NFC
}

func TestRunPlansClashingNamesTheSameForAnyWorkers(t *testing.T) {
	in := t.TempDir()
	for _, c := range clashTree {
		writeFile(t, filepath.Join(in, filepath.FromSlash(c.name)), clashPage)
	}
	var reports [][]byte
	var trees []map[string][]byte
	for _, j := range []int{1, 4} {
		out := filepath.Join(t.TempDir(), "out")
		rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, j))
		require.NoError(t, err)
		require.Equal(t, len(clashTree), rep.Totals.Replies, "every page is written: %+v", rep.Pages)
		for _, c := range clashTree {
			e := entryFor(t, *rep, "/"+c.name)
			assert.Equal(t, c.output, e.Output, c.name)
			if c.why == "" {
				assert.Empty(t, e.Renamed, c.name)
			} else {
				assert.Contains(t, e.Renamed, c.why, c.name)
			}
		}
		assert.Equal(t, 9, rep.Totals.Renamed)
		assert.Contains(t, entryFor(t, *rep, "case.html").Renamed, "when case and Unicode normalisation are ignored")
		assert.Contains(t, entryFor(t, *rep, "\u00e9.html").Renamed, "when case and Unicode normalisation are ignored")
		tree := treetest.Read(t, out)
		assert.Len(t, tree, 2*len(clashTree)+1, "two outputs a page and the report")
		for _, c := range clashTree {
			assert.True(t, has(tree, c.output+".json"), c.output)
			assert.True(t, has(tree, c.output+".html"), c.output)
		}
		trees = append(trees, tree)
		reports = append(reports, tree[ReportName])
	}
	assert.Equal(t, string(reports[0]), string(reports[1]), "report.json is the same bytes for -j 1 and -j 4")
	assert.Equal(t, trees[0], trees[1])
}

func TestRunReservesTheRunsOwnNamesInArchives(t *testing.T) {
	root := t.TempDir()
	zipName := filepath.Join(root, "site.zip")
	want := []clash{
		{".replykit.lock/a.html", ".replykit~2.lock/a.html", "the folder .replykit.lock is reserved"},
		{"INDEX", "INDEX~2", "INDEX.html is reserved"},
		{"index-data/c.html", "index-data~2/c.html", "the folder index-data is reserved"},
		{"replies.jsonl/d.html", "replies~2.jsonl/d.html", "the folder replies.jsonl is reserved"},
		{"report", "report~2", "report.json is reserved"},
		// Report~2.JSON is report~2.json, report's output, but for case.
		{"Report.JSON/e.html", "Report~3.JSON/e.html", "the folder Report.JSON is reserved"},
	}
	var items []arcItem
	for _, c := range want {
		items = append(items, arcItem{name: c.name, data: clashPage})
	}
	writeZip(t, zipName, items)
	out := filepath.Join(root, "out")
	rep, err := runHeld(context.Background(), Paths(zipName), fakeOptions(out, 2))
	require.NoError(t, err)
	require.Equal(t, len(want), rep.Totals.Replies, "%+v", rep.Pages)
	for _, c := range want {
		e := entryFor(t, *rep, "!"+c.name)
		assert.Equal(t, c.output, e.Output, c.name)
		assert.Contains(t, e.Renamed, c.why, c.name)
		assert.FileExists(t, filepath.Join(out, filepath.FromSlash(c.output)+".json"))
	}
	r := readReport(t, out)
	assert.Equal(t, len(want), r.Totals.Renamed)
}

func TestRawPath(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a/b.html", ""},
		{"100%.html", ""},
		{"\u00e9.html", ""},
		{"bad\xff\xfe.html", "bad%FF%FE.html"},
		{"bad%FF\xff.html", "bad%25FF%FF.html"},
		{"cut\xe4\xb8.html", "cut%E4%B8.html"}, // half a character
	} {
		got := RawPath(tt.in)
		assert.Equal(t, tt.want, got, "%q", tt.in)
		if got != "" {
			back, err := url.PathUnescape(got)
			require.NoError(t, err)
			assert.Equal(t, tt.in, back, "the bytes come back")
		}
	}
}

func TestRunRecordsNamesThatAreNotUTF8(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	writeFile(t, filepath.Join(in, "bad\xff\xfe.html"), clashPage)
	writeFile(t, filepath.Join(in, "bad\xfe\xff.html"), clashPage)
	writeFile(t, filepath.Join(in, "bad\xfe\xff.png"), "\x89PNG")
	_, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 2))
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join(out, ReportName))
	require.NoError(t, err)
	r := readReport(t, out)
	require.Len(t, r.Pages, 2)
	// JSON shows both as bad��.html; rawPath tells them apart.
	assert.Equal(t, r.Pages[0].Path, r.Pages[1].Path)
	assert.Equal(t, filepath.Join(in, "bad%FE%FF.html"), r.Pages[0].RawPath)
	assert.Equal(t, filepath.Join(in, "bad%FF%FE.html"), r.Pages[1].RawPath)
	assert.Equal(t, "bad%FE%FF.html", r.Pages[0].Output)
	assert.Equal(t, "bad%FF%FE.html", r.Pages[1].Output)
	require.Len(t, r.Ignored, 1)
	assert.Equal(t, filepath.Join(in, "bad%FE%FF.png"), r.Ignored[0].RawPath)
	assert.NotContains(t, string(data), "\xff", "the report is UTF-8")
	problems, err := CheckReport(data)
	require.NoError(t, err)
	assert.Empty(t, problems)
}

func TestNumbered(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"case.html", 2, "case~2.html"},
		{"a/foo.html", 3, "a/foo~3.html"},
		{"foo", 2, "foo~2"},
		{".replykit.lock", 2, ".replykit~2.lock"},
		{"a.tar.gz", 2, "a.tar~2.gz"},
	} {
		assert.Equal(t, tt.want, numbered(tt.in, tt.n), tt.in)
	}
}

// testPlan is a name plan with its log in dir, removed when the test
// ends, which holds few pages in memory, so that most are looked up on
// disk.
func testPlan(t testing.TB, dir string) *namePlan {
	p, err := newNamePlan(dir, 256)
	require.NoError(t, err)
	t.Cleanup(p.close)
	return p
}

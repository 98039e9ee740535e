package collection

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// callArgs returns the arguments of the registry call a data file makes.
func callArgs(t testing.TB, data []byte, call string) []json.RawMessage {
	t.Helper()
	s := string(data)
	prefix := registry + "." + call + "("
	require.True(t, strings.HasPrefix(s, prefix), "%.60s", s)
	require.True(t, strings.HasSuffix(s, ");\n"), "%.60s", s[max(0, len(s)-60):])
	var args []json.RawMessage
	require.NoError(t, json.Unmarshal([]byte("["+s[len(prefix):len(s)-3]+"]"), &args))
	return args
}

func TestBuild(t *testing.T) {
	out := t.TempDir()
	pages := samplePages()
	rep := writeRun(t, out, pages)
	res, err := Build(out, rep, Options{RowsPerChunk: 2})
	require.NoError(t, err)
	assert.Empty(t, res.LeftOut)
	assert.Equal(t, 3, res.Replies)
	assert.Equal(t, 1, res.Others)
	assert.Equal(t, filepath.Join(out, "index.html"), res.Index)
	assert.Equal(t, filepath.Join(out, "replies.jsonl"), res.JSONL)

	// replies.jsonl: the compacted reference JSON of each page with
	// outputs, the skipped one too, in the report's order (by path).
	data, err := os.ReadFile(res.JSONL)
	require.NoError(t, err)
	lines := strings.SplitAfter(string(data), "\n")
	require.Equal(t, "", lines[len(lines)-1])
	lines = lines[:len(lines)-1]
	want := []*reply.Reply{pages[0].reply, pages[1].reply, pages[3].reply, pages[2].reply} // a, b, notice, sub/c
	require.Len(t, lines, len(want))
	for i, r := range want {
		js, err := reply.Marshal(r)
		require.NoError(t, err)
		var compact bytes.Buffer
		require.NoError(t, json.Compact(&compact, js))
		assert.Equal(t, compact.String()+"\n", lines[i])
		back, err := reply.Unmarshal([]byte(lines[i]))
		require.NoError(t, err)
		assert.Equal(t, r.Title, back.Title)
	}

	files := treetest.Read(t, filepath.Join(out, migrate.IndexDataDir))
	var names []string
	for n := range files {
		names = append(names, n)
	}
	assert.ElementsMatch(t, []string{"rows-0.js", "rows-1.js", "cols.js", "terms-0.js",
		"order-title.js", "order-office.js", "order-date.js", "order-kind.js", "order-number.js", "order-addressees.js", "order-warnings.js"}, names)
	var total int64
	for _, d := range files {
		total += int64(len(d))
	}
	assert.Equal(t, 2+len(files), res.Files)

	// The rows, in the same order as the JSON Lines.
	args := callArgs(t, files["rows-0.js"], "rows")
	assert.JSONEq(t, `0`, string(args[0]))
	assert.JSONEq(t, `[
		["关于县政协十届一次会议第73号提案的答复","旺苍县人民政府办公室","2017-03-16",0,"proposal-reply","县政协10届1次第73号","涂轶委员","","a.html","",""],
		["关于县政协十届一次会议第12号提案的答复","旺苍县教育局","2018-06-01",0,"proposal-reply","县政协10届1次第12号","涂轶委员","numbering-gap","b.html","",""]
	]`, string(args[1]))
	args = callArgs(t, files["rows-1.js"], "rows")
	assert.JSONEq(t, `[
		["关于做好春节期间安全工作的通知","","2024-01-25",1,"other","","","","notice.html","","http://www.example.gov.cn/tzgg/1.html"],
		["关于市政协五届二次会议第5号提案的答复","某某市交通运输局","2018-09-09",0,"proposal-reply","县政协10届1次第5号","涂轶委员","","sub/c.htm","",""]
	]`, string(args[1]))
	// Facets: kinds by their place in kindOrder; offices in pinyin order,
	// the unsigned first: "", 某某 (mǒu), 旺苍县教育局 (jiào), 旺苍县人民政府 (rén);
	// years ascending.
	args = callArgs(t, files["cols.js"], "cols")
	assert.JSONEq(t, `{"kind":[0,0,2,0],"office":[3,2,0,1],"year":[0,1,2,1],"warning":[[],[0],[],[]]}`, string(args[0]))
	// Orders: by date, then by number (term, session, then the number's value).
	assert.JSONEq(t, `[0,1,3,2]`, string(callArgs(t, files["order-date.js"], "order")[1]))
	assert.JSONEq(t, `[3,1,0,2]`, string(callArgs(t, files["order-number.js"], "order")[1]))
	assert.JSONEq(t, `[0,2,3,1]`, string(callArgs(t, files["order-warnings.js"], "order")[1]))

	// The search index: each row is under each of its tokens.
	var terms map[string]string
	require.NoError(t, json.Unmarshal(callArgs(t, files["terms-0.js"], "terms")[1], &terms))
	assert.Equal(t, []int{0, 1, 3}, decodeVarints(terms["答复"]))
	assert.Equal(t, []int{0}, decodeVarints(terms["社区"]))
	assert.Equal(t, []int{0}, decodeVarints(terms["第73"]))
	assert.Equal(t, []int{2}, decodeVarints(terms["春节"]))

	// The page: counts, the office chart, the failed page listed.
	page, err := os.ReadFile(res.Index)
	require.NoError(t, err)
	html := string(page)
	assert.Contains(t, html, `<strong id="count-replies">3</strong>`)
	assert.Contains(t, html, `<strong id="count-others">1</strong>`)
	assert.Contains(t, html, `<strong id="count-failed">1</strong>`)
	assert.Contains(t, html, `<code>site/broken.html</code> — parse: made up: parse`)
	assert.Contains(t, html, `<title>2018: 2</title>`)
	assert.Equal(t, 3, strings.Count(html, `class="bar-office"`))
	assert.NotContains(t, html, "http://", "no address to load anything from")
	assert.NotContains(t, html, "https://")
}

// TestBuildIsDeterministic: the same run gives the same bytes, whatever
// the number of workers.
func TestBuildIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	_, err := Build(a, writeRun(t, a, samplePages()), Options{Workers: 1})
	require.NoError(t, err)
	_, err = Build(b, writeRun(t, b, samplePages()), Options{Workers: 8})
	require.NoError(t, err)
	assert.Equal(t, treetest.Read(t, a), treetest.Read(t, b))
}

// TestBuildAgain: a second build, of a smaller run, replaces the data
// folder whole and leaves no temporary file behind.
func TestBuildAgain(t *testing.T) {
	out := t.TempDir()
	_, err := Build(out, writeRun(t, out, samplePages()), Options{RowsPerChunk: 1})
	require.NoError(t, err)
	assert.FileExists(t, filepath.Join(out, migrate.IndexDataDir, "rows-3.js"))
	require.NoError(t, os.MkdirAll(filepath.Join(out, tempPrefix+"12"), 0o755)) // as a killed build leaves
	rep := writeRun(t, out, samplePages()[:1])
	res, err := Build(out, rep, Options{RowsPerChunk: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, res.Replies)
	assert.NoFileExists(t, filepath.Join(out, migrate.IndexDataDir, "rows-1.js"))
	entries, err := os.ReadDir(out)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), tempPrefix), e.Name())
	}
}

// TestBuildLeavesOutWhatItCannotRead: a page whose JSON output is gone or
// damaged is named in LeftOut and is in neither file; the rest are.
func TestBuildLeavesOutWhatItCannotRead(t *testing.T) {
	out := t.TempDir()
	rep := writeRun(t, out, samplePages())
	require.NoError(t, os.Remove(filepath.Join(out, "a.html.json")))
	require.NoError(t, os.WriteFile(filepath.Join(out, "b.html.json"), []byte(`{"format":"replykit/v1",`), 0o644))
	res, err := Build(out, rep, Options{})
	require.NoError(t, err)
	require.Len(t, res.LeftOut, 2)
	var pe *fs.PathError
	require.ErrorAs(t, res.LeftOut[0], &pe)
	assert.Equal(t, filepath.Join(out, "a.html.json"), pe.Path)
	assert.ErrorIs(t, res.LeftOut[0], fs.ErrNotExist)
	var se *reply.SyntaxError
	assert.ErrorAs(t, res.LeftOut[1], &se)
	assert.Equal(t, 1, res.Replies)
	data, err := os.ReadFile(res.JSONL)
	require.NoError(t, err)
	assert.Equal(t, 2, bytes.Count(data, []byte("\n")))
}

func TestBuildErrors(t *testing.T) {
	_, err := Build(t.TempDir(), nil, Options{})
	assert.ErrorIs(t, err, ErrNoReport)
	_, err = Build(filepath.Join(t.TempDir(), "missing"), &migrate.Report{}, Options{})
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

// TestBuildPermissions: files are 0666 and folders 0777, less the umask,
// as os.WriteFile and os.Mkdir make them.
func TestBuildPermissions(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	out := t.TempDir()
	_, err := Build(out, writeRun(t, out, samplePages()), Options{})
	require.NoError(t, err)
	for name, want := range map[string]fs.FileMode{
		migrate.IndexName: 0o640, migrate.RepliesName: 0o640, migrate.IndexDataDir: fs.ModeDir | 0o750,
		migrate.IndexDataDir + "/cols.js": 0o640,
	} {
		info, err := os.Stat(filepath.Join(out, name))
		require.NoError(t, err)
		assert.Equal(t, want, info.Mode(), name)
	}
}

func TestSourceLink(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "out")
	require.NoError(t, os.MkdirAll(filepath.Join(root, "site", "a"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "site", "a", "p.html"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "mirror.zip"), nil, 0o644))
	tests := []struct{ display, want string }{
		{filepath.Join(root, "site", "a", "p.html"), "../site/a/p.html"},
		{filepath.Join(root, "mirror.zip") + "!a/p.html", "../mirror.zip"},
		{"sample/a/p.html", ""}, // from an embedded file system
		{filepath.Join(root, "site", "a"), ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sourceLink(out, tt.display), tt.display)
	}
	assert.True(t, errors.Is(fs.ErrNotExist, fs.ErrNotExist))
}

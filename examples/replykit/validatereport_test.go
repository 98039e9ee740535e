package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// writeBigReport writes a migrate report of n pages and the ignored files
// given to name, as a run writes it (indented, the lists last), an entry
// at a time; change, when given, alters the entry of page i before it is
// written (the totals are those of the entries unaltered). It returns the
// file's size.
func writeBigReport(tb testing.TB, name string, n int, change func(i int, e *migrate.Entry), ignored ...migrate.Ignored) int64 {
	tb.Helper()
	head := migrate.Report{
		Format: migrate.ReportFormat,
		Totals: migrate.Totals{Pages: n, Replies: n, Warnings: n, WarningCodes: map[string]int{"not-notice": n}, Ignored: len(ignored)},
		Inputs: []migrate.InputTotals{{Path: "site", Pages: n, Ignored: len(ignored)}},
		Pages:  []migrate.Entry{}, Ignored: []migrate.Ignored{},
	}
	for _, ig := range ignored {
		head.Totals.IgnoredBy = joinCount(head.Totals.IgnoredBy, ig.Reason)
	}
	data, err := head.Marshal()
	require.NoError(tb, err)
	const tail = "  \"pages\": [],\n  \"ignored\": []\n}\n"
	require.True(tb, bytes.HasSuffix(data, []byte(tail)))
	f, err := os.Create(name)
	require.NoError(tb, err)
	defer f.Close()
	w := bufio.NewWriter(f)
	w.Write(data[:len(data)-len(tail)])
	w.WriteString("  \"pages\": [")
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	writeItem := func(i int, v any) { // as the i-th item of a top-level list
		item.Reset()
		require.NoError(tb, enc.Encode(v))
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n    ")
		w.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
	}
	for i := range n {
		e := migrate.Entry{
			Path:   fmt.Sprintf("site/notices/2024/%07d.html", i),
			Output: fmt.Sprintf("notices/2024/%07d.html", i),
			SHA256: fmt.Sprintf("%064x", i),
			Status: migrate.StatusOK,
			Kind:   reply.KindProposalReply,
			Warnings: []migrate.Warning{{Code: "not-notice",
				Message: "not a notice: no government site or official document title", Where: "the page's title"}},
		}
		if change != nil {
			change(i, &e)
		}
		writeItem(i, &e)
	}
	w.WriteString("\n  ],\n  \"ignored\": [")
	for i, ig := range ignored {
		writeItem(i, &ig)
	}
	if len(ignored) > 0 {
		w.WriteString("\n  ")
	}
	w.WriteString("]\n}\n")
	require.NoError(tb, w.Flush())
	info, err := f.Stat()
	require.NoError(tb, err)
	return info.Size()
}

// joinCount counts one more key in m, made when nil.
func joinCount(m map[string]int, key string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[key]++
	return m
}

// lineOf is the line of the nth (from 1) occurrence of s in data.
func lineOf(t *testing.T, data []byte, s string, nth int) int {
	t.Helper()
	off := 0
	for range nth {
		i := bytes.Index(data[off:], []byte(s))
		require.GreaterOrEqual(t, i, 0, "%q %d times", s, nth)
		off += i + len(s)
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// heapSys is the heap the process has taken from the system, after a
// collection: what a run's peak heap grows it to.
func heapSys() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapSys
}

// TestValidateBigReport: a report of 200,000 pages (about 90 MB) is
// validated without being held: the heap grows by far less than the
// report's size, and a problem near its end is placed on its line.
func TestValidateBigReport(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 90 MB report")
	}
	const n, bad = 200_000, 199_990
	name := filepath.Join(t.TempDir(), "report.json")
	size := writeBigReport(t, name, n, func(i int, e *migrate.Entry) {
		if i == bad {
			e.Status = "done"
		}
	})
	before := heapSys()
	out := runCmd("", "validate", name)
	grown := int64(heapSys()) - int64(before)
	t.Logf("report %.1f MiB; heap grew %.1f MiB", float64(size)/(1<<20), float64(grown)/(1<<20))
	assert.Less(t, grown, size/10)
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, exitFailed, out.code)
	assert.Equal(t, fmt.Sprintf(
		"%[1]s:%[2]d: totals.replies: %[3]d, but the report's lists make %[4]d\n"+
			"%[1]s:%[5]d: pages[%[6]d].status: \"done\" is not ok, other or failed\n",
		name, lineOf(t, data, `"replies"`, 1), n, n-1, lineOf(t, data, `"status": "done"`, 1), bad), out.stdout)
}

// TestValidateReportCases: the problems of a report read as a stream, in
// its pages, its ignored files, its totals and its order, each on its line.
func TestValidateReportCases(t *testing.T) {
	const n = 50
	ignored := []migrate.Ignored{{Path: "site/a.css", Reason: migrate.IgnoredNotPage}, {Path: "site/b.png", Reason: migrate.IgnoredNotHTML}}
	tests := []struct {
		name    string
		change  func(i int, e *migrate.Entry)
		ignored []migrate.Ignored
		// want are the lines, each a path, a message and where: the
		// occurrence of a string in the report, its line the problem's.
		want []struct {
			path, msg, at string
			nth           int
		}
	}{
		{name: "good", ignored: ignored},
		{name: "page", ignored: ignored, change: func(i int, e *migrate.Entry) {
			if i == 40 {
				e.SHA256 = "XYZ"
			}
		}, want: []struct {
			path, msg, at string
			nth           int
		}{{"pages[40].sha256", `"XYZ" is not 64 lower-case hex digits`, `"XYZ"`, 1}}},
		{name: "ignored", ignored: []migrate.Ignored{ignored[0], {Path: "site/b.png", Reason: "ugly"}}, want: []struct {
			path, msg, at string
			nth           int
		}{
			{"ignored[1].reason", `"ugly" is not a reason a file is ignored for`, `"ugly"`, 2},
		}},
		{name: "order", ignored: []migrate.Ignored{ignored[1], ignored[0]}, change: func(i int, e *migrate.Entry) {
			if i == 30 {
				e.Path = "site/z.html"
			}
		}, want: []struct {
			path, msg, at string
			nth           int
		}{
			{"pages[31].path", `"site/notices/2024/0000031.html" comes after "site/z.html": the pages are sorted by path`, `"path": "site/notices/2024/0000031.html"`, 1},
			{"ignored[1].path", `"site/a.css" comes after "site/b.png": ignored files are sorted by path`, `"path": "site/a.css"`, 1},
		}},
		{name: "totals", ignored: ignored, change: func(i int, e *migrate.Entry) {
			if i >= 45 {
				e.Warnings = nil
			}
		}, want: []struct {
			path, msg, at string
			nth           int
		}{
			{"totals.warnings", "50, but the report's lists make 45", `"warnings": 50`, 1},
			{"totals.warningCodes", "not-notice 50, but the report's lists make not-notice 45", `"warningCodes"`, 1},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := filepath.Join(t.TempDir(), "report.json")
			writeBigReport(t, name, n, tt.change, tt.ignored...)
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			out := runCmd("", "validate", name)
			want := ""
			for _, w := range tt.want {
				want += fmt.Sprintf("%s:%d: %s: %s\n", name, lineOf(t, data, w.at, w.nth), w.path, w.msg)
			}
			if want == "" {
				want = name + ": ok (a migrate report)\n"
			}
			assert.Equal(t, want, out.stdout)
			// Read whole from stdin, the same lines.
			in := runCmd(string(data), "validate", "-")
			assert.Equal(t, strings.ReplaceAll(want, name, "stdin"), in.stdout)
		})
	}
}

// TestValidateReportListsTheFirstProblems: of a report with more
// problems in its pages than validate lists, the first are listed, and a
// last line says how many more there are.
func TestValidateReportListsTheFirstProblems(t *testing.T) {
	const n = 3000
	name := filepath.Join(t.TempDir(), "report.json")
	writeBigReport(t, name, n, func(i int, e *migrate.Entry) {
		if i%2 == 1 {
			e.Kind = "other"
		}
	})
	out := runCmd("", "validate", name)
	lines := strings.Split(strings.TrimSuffix(out.stdout, "\n"), "\n")
	require.Len(t, lines, migrate.DefaultMaxProblems+1)
	assert.Contains(t, lines[0], ": pages[1].kind: ")
	assert.Contains(t, lines[migrate.DefaultMaxProblems-1], fmt.Sprintf(": pages[%d].kind: ", 2*migrate.DefaultMaxProblems-1))
	assert.Equal(t, fmt.Sprintf("%s: %d more problems of pages and ignored files, not listed (the first %d are)",
		name, n/2-migrate.DefaultMaxProblems, migrate.DefaultMaxProblems), lines[len(lines)-1])
}

// BenchmarkValidateReport validates a report of 200,000 pages, about
// 90 MB, through the command; heap-MiB is how much it grew the heap.
func BenchmarkValidateReport(b *testing.B) {
	name := filepath.Join(b.TempDir(), "report.json")
	size := writeBigReport(b, name, 200_000, nil)
	b.SetBytes(size)
	b.ReportAllocs()
	before := heapSys()
	for b.Loop() {
		if code := run([]string{"validate", "-q", name}, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit status %d", code)
		}
	}
	b.ReportMetric(float64(heapSys()-before)/(1<<20), "heap-MiB")
}

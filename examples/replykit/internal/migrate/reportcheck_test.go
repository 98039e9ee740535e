package migrate

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleReport runs the engine over a small site and returns its report
// file: two pages with warnings, one failed, one ignored file.
func sampleReport(t *testing.T) []byte {
	t.Helper()
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "a.html"), "<p>a</p><!-- warn -->")
	writeFile(t, filepath.Join(in, "b.html"), "<p>b</p><!-- warn -->")
	writeFile(t, filepath.Join(in, "c.html"), "<p>c</p>")
	writeFile(t, filepath.Join(in, "empty.html"), "")
	writeFile(t, filepath.Join(in, "style.css"), "body{}")
	_, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 2))
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join(out, ReportName))
	require.NoError(t, err)
	return data
}

func TestReportListsEachPagesWarnings(t *testing.T) {
	var r Report
	require.NoError(t, jsonUnmarshalStrict(sampleReport(t), &r))
	fake := []Warning{{Code: "fake", Message: "a warning"}}
	assert.Equal(t, fake, entryFor(t, r, "a.html").Warnings)
	assert.Equal(t, fake, entryFor(t, r, "b.html").Warnings)
	assert.Empty(t, entryFor(t, r, "c.html").Warnings)
	assert.Equal(t, 2, r.Totals.Warnings)
	assert.Equal(t, map[string]int{"fake": 2}, r.Totals.WarningCodes)
}

func TestReportKeepsWarningsOfPagesUpToDate(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "a.html"), "<p>a</p><!-- warn -->")
	first, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.NoError(t, err)
	second, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.NoError(t, err)
	require.True(t, second.Pages[0].Skipped)
	assert.Equal(t, first.Pages[0].Warnings, second.Pages[0].Warnings)
	assert.Equal(t, map[string]int{"fake": 1}, second.Totals.WarningCodes)
}

func TestCheckReport(t *testing.T) {
	good := sampleReport(t)
	problems, err := CheckReport(good)
	require.NoError(t, err)
	assert.Empty(t, problems)

	tests := []struct {
		name   string
		change func(m map[string]any)
		want   []ReportProblem
	}{
		{"totals off", func(m map[string]any) { totals(m)["pages"] = 9.0 },
			[]ReportProblem{{"totals.pages", "9, but the report's lists make 4"}}},
		{"codes off", func(m map[string]any) { totals(m)["warningCodes"] = map[string]any{"fake": 1.0} },
			[]ReportProblem{{"totals.warningCodes", "fake 1, but the report's lists make fake 2"}}},
		{"bad status", func(m map[string]any) { pageOf(m, 0)["status"] = "great" }, []ReportProblem{
			{"pages[0].status", `"great" is not ok, other or failed`},
			{"totals.replies", "3, but the report's lists make 2"},
		}},
		{"failed without error", func(m map[string]any) { delete(pageOf(m, 3), "error") }, []ReportProblem{
			{"pages[3].error", "missing: a failed page says why"},
			{"totals.failures", "empty 1, but the report's lists make (no kind) 1"},
		}},
		{"unsorted", func(m map[string]any) {
			ps := m["pages"].([]any)
			ps[0], ps[1] = ps[1], ps[0]
		}, []ReportProblem{{"pages[1].path", "comes after"}}},
		{"unknown reason", func(m map[string]any) {
			m["ignored"].([]any)[0].(map[string]any)["reason"] = "ugly"
		}, []ReportProblem{
			{"ignored[0].reason", `"ugly" is not a reason a file is ignored for`},
			{"totals.ignoredBy", "not-page 1, but the report's lists make ugly 1"},
		}},
		{"inputs off", func(m map[string]any) { m["inputs"].([]any)[0].(map[string]any)["pages"] = 1.0 },
			[]ReportProblem{{"inputs", "1 pages and 1 ignored files over the inputs, but the report lists 4 and 1"}}},
		{"other format", func(m map[string]any) { m["format"] = "replykit-migrate/v9" },
			[]ReportProblem{{"format", `"replykit-migrate/v9" is not a report version this replykit reads (it reads "replykit-migrate/v1" and "replykit-migrate/v2")`}}},
		{"v1 without captures", func(m map[string]any) { m["format"] = ReportFormatV1 }, nil},
		{"capture in v1", func(m map[string]any) {
			m["format"] = ReportFormatV1
			pageOf(m, 1)["capture"] = map[string]any{"uri": "http://x.gov.cn/", "date": "2021-05-06T07:08:09Z", "recordID": "<urn:uuid:1>", "offset": 0.0}
		}, []ReportProblem{{"pages[1].capture", "unknown key in a replykit-migrate/v1 report"}}},
		{"capture in v2", func(m map[string]any) {
			pageOf(m, 1)["capture"] = map[string]any{"uri": "http://x.gov.cn/", "date": "2021-05-06T07:08:09Z", "recordID": "<urn:uuid:1>", "offset": 0.0}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			require.NoError(t, json.Unmarshal(good, &m))
			tt.change(m)
			data, err := json.Marshal(m)
			require.NoError(t, err)
			got, err := CheckReport(data)
			require.NoError(t, err)
			require.Len(t, got, len(tt.want), "%v", got)
			for i, w := range tt.want {
				assert.Equal(t, w.Path, got[i].Path)
				assert.Contains(t, got[i].Message, w.Message)
			}
		})
	}

	_, err = CheckReport([]byte(strings.Replace(string(good), `"totals"`, `"totlas"`, 1)))
	require.ErrorContains(t, err, `not a migrate report: json: unknown field "totlas"`)
	_, err = CheckReport([]byte(`[1, 2]`))
	require.Error(t, err)
}

func totals(m map[string]any) map[string]any { return m["totals"].(map[string]any) }

func pageOf(m map[string]any, i int) map[string]any { return m["pages"].([]any)[i].(map[string]any) }

// TestCheckReportWebArchive: the reports of runs over web archives (the
// goldens of TestMigrateWebArchive) check clean: their records' reasons
// are known, and their records are in record order.
func TestCheckReportWebArchive(t *testing.T) {
	names, err := filepath.Glob("testdata/warc/*.report.json")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		problems, err := CheckReport(data)
		require.NoError(t, err)
		assert.Empty(t, problems, name)
	}
}

// TestCheckReportFrom: the problems of items past MaxProblems are counted,
// not listed, those of the report as a whole always are; JSON that is not
// well formed is a *MalformedError.
func TestCheckReportFrom(t *testing.T) {
	var m map[string]any
	require.NoError(t, json.Unmarshal(sampleReport(t), &m))
	pageOf(m, 0)["status"] = "great"
	pageOf(m, 1)["status"] = "fine"
	m["ignored"].([]any)[0].(map[string]any)["reason"] = "ugly"
	data, err := json.Marshal(m)
	require.NoError(t, err)
	tests := []struct {
		max   int
		paths []string
		more  int
	}{
		{-1, []string{"pages[0].status", "pages[1].status", "ignored[0].reason", "totals.replies", "totals.ignoredBy"}, 0},
		{0, []string{"pages[0].status", "pages[1].status", "ignored[0].reason", "totals.replies", "totals.ignoredBy"}, 0},
		{2, []string{"pages[0].status", "pages[1].status", "totals.replies", "totals.ignoredBy"}, 1},
		{1, []string{"pages[0].status", "totals.replies", "totals.ignoredBy"}, 2},
	}
	for _, tt := range tests {
		got, err := CheckReportFrom(bytes.NewReader(data), CheckOptions{MaxProblems: tt.max})
		require.NoError(t, err)
		var paths []string
		for _, p := range got.Problems {
			paths = append(paths, p.Path)
		}
		assert.Equal(t, tt.paths, paths, "max %d", tt.max)
		assert.Equal(t, tt.more, got.More, "max %d", tt.max)
	}

	for _, bad := range []string{string(data[:len(data)/2]), string(data) + " {}", `{"format": x}`} {
		_, err := CheckReportFrom(strings.NewReader(bad), CheckOptions{})
		var me *MalformedError
		require.ErrorAs(t, err, &me)
		assert.ErrorIs(t, err, ErrNotReport)
		assert.Positive(t, me.Offset)
	}
	_, err = CheckReportFrom(strings.NewReader(`{"format": "replykit-migrate/v2", "pages": [{"path": "a", "colour": 1}]}`), CheckOptions{})
	require.ErrorIs(t, err, ErrNotReport)
	assert.ErrorContains(t, err, `pages[0]: json: unknown field "colour"`)
}

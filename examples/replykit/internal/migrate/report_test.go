package migrate

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReportTotalsAndSummary(t *testing.T) {
	r := &Report{Format: ReportFormat, Elapsed: 2 * time.Second, Workers: 4}
	for _, e := range []Entry{
		{Path: "b.html", Output: "b.html", Status: StatusOK, Warnings: []Warning{{Code: "numbering-gap", Message: "二、 follows 四、"}, {Code: "bad-date", Message: "2021年2月30日"}}},
		{Path: "a.html", Output: "a.html", Status: StatusOther, Skipped: true},
		{Path: "c.html", Output: "c.html", Status: StatusFailed, Error: &EntryError{Kind: "empty", Message: "empty input"}},
		{Path: "d.html", Output: "d.html", Status: StatusFailed, Error: &EntryError{Kind: KindWrite, Message: "no space"}},
	} {
		r.Pages = append(r.Pages, e)
		r.Totals.add(e)
	}
	sortEntries(r.Pages)
	assert.Equal(t, "a.html", r.Pages[0].Path)
	r.Totals.addIgnored(Ignored{Path: "logo.png", Reason: IgnoredNotPage})
	assert.Equal(t, Totals{Pages: 4, Replies: 1, Other: 1, Failed: 2, Skipped: 1, Warnings: 2, Ignored: 1,
		Failures:     map[string]int{"empty": 1, KindWrite: 1},
		WarningCodes: map[string]int{"numbering-gap": 1, "bad-date": 1},
		IgnoredBy:    map[string]int{IgnoredNotPage: 1}}, r.Totals)
	assert.InDelta(t, 2.0, r.PagesPerSecond(), 1e-9)

	var buf bytes.Buffer
	require.NoError(t, r.WriteSummary(&buf))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	assert.Equal(t, "migrate done: 4 pages in 2s with 4 workers", lines[0])
	want := map[string]string{
		"pages read": "4", "replies found": "1", "other notices": "1", "up to date (skipped)": "1",
		"failed": "2", "empty": "1", "write": "1", "warnings": "2", "numbering-gap": "1", "bad-date": "1",
		"files or records ignored": "1", "not-page": "1", "pages/s": "2.0",
	}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		label, value := strings.Join(f[:len(f)-1], " "), f[len(f)-1]
		assert.Equal(t, want[label], value, l)
		delete(want, label)
	}
	assert.Empty(t, want, "rows missing from the summary")

	data, err := r.Marshal()
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(data), "{\n  \"format\": \"replykit-migrate/v2\",\n  \"totals\": {"))
	assert.NotContains(t, string(data), "lapsed", "no timing in the report")
}

func TestProgressShow(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, start: time.Now().Add(-10 * time.Second)}
	p.found.Store(40)
	p.done.Store(10)
	p.show()
	assert.Regexp(t, `^migrate: 10/40\+ pages, 1\.0 pages/s\n$`, buf.String())

	buf.Reset()
	p.bar = true
	p.walked.Store(true)
	p.show()
	assert.Regexp(t, `^\r\[#######\.{23}\] 10/40 pages 1\.0/s $`, buf.String())

	// While the walk goes on, the bar's total is the estimate.
	buf.Reset()
	p.walked.Store(false)
	p.guess.Store(100)
	p.guessed.Store(true)
	p.show()
	assert.Regexp(t, `^\r\[###\.{27}\] 10/~100 pages 1\.0/s $`, buf.String())
}

func TestEstimatePages(t *testing.T) {
	in := t.TempDir()
	genTree(t, in, 50)
	n, ok := estimatePages(context.Background(), Paths(in, filepath.Join(in, "missing")))
	require.True(t, ok)
	// 50 pages, the extensionless README counted too (not sniffed), the
	// missing input as one failure; style.css, logo.png and the hidden
	// file not.
	assert.EqualValues(t, 52, n)
	tgz := filepath.Join(in, "site.tar.gz")
	writeFile(t, tgz, "not read")
	_, ok = estimatePages(context.Background(), Paths(tgz))
	assert.False(t, ok)
}

func TestProgressNilWriterShowsNothing(t *testing.T) {
	p := startProgress(nil, true, time.Millisecond)
	p.done.Add(1)
	p.finish()
	assert.EqualValues(t, 1, p.done.Load())
}

func TestIsTerminal(t *testing.T) {
	assert.False(t, IsTerminal(&bytes.Buffer{}))
}

package collection

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	bt "github.com/replykit/replykit/examples/replykit/internal/browsertest"
	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

var benchReplies = flag.Int("collection.replies", 100_000, "how many generated replies the benchmarks' run holds")

// sizes adds up the bytes of the files under dir whose names begin with
// prefix.
func sizes(tb testing.TB, dir, prefix string) float64 {
	entries, err := os.ReadDir(dir)
	require.NoError(tb, err)
	total := int64(0)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) {
			info, err := e.Info()
			require.NoError(tb, err)
			total += info.Size()
		}
	}
	return float64(total)
}

// cpuTime is the CPU time, user and system, the process has used.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	require.NoError(tb, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBuild writes the collection of a run of generated replies
// (100,000 unless -collection.replies says otherwise), reading their JSON
// outputs back from disk, and reports the sizes of what it wrote in MB.
func BenchmarkBuild(b *testing.B) {
	out := b.TempDir()
	rep := genRun(b, out, *benchReplies)
	var res *Result
	var cpu time.Duration
	for b.Loop() {
		before := cpuTime(b)
		var err error
		res, err = Build(out, rep, Options{})
		require.NoError(b, err)
		cpu += cpuTime(b) - before
	}
	// The CPU time the process spent (user and system), which, unlike the
	// wall time, other work on the machine hardly changes.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	data := filepath.Join(out, migrate.IndexDataDir)
	const mb = 1 << 20
	b.ReportMetric(float64(res.Bytes)/mb, "MB-total")
	b.ReportMetric(sizes(b, out, migrate.RepliesName)/mb, "MB-jsonl")
	b.ReportMetric(sizes(b, out, migrate.IndexName)/mb, "MB-index.html")
	b.ReportMetric(sizes(b, data, "rows-")/mb, "MB-rows")
	b.ReportMetric(sizes(b, data, "terms-")/mb, "MB-search")
	b.ReportMetric(sizes(b, data, "order-")/mb, "MB-orders")
	b.ReportMetric(sizes(b, data, "cols")/mb, "MB-facets")
	b.ReportMetric(float64(res.Files), "files")
}

// BenchmarkIndexBrowser opens the index of a run of generated replies in
// headless Chromium, from file://, and reports, as the page measures them
// (performance.now()): when the first rows stood, counted from the start
// of the page's load; and how long each search, from the query's submit to
// its first rows filled, took, the search index's shards not yet loaded.
// The 120 ms the search box waits after a keystroke before searching is
// not counted. wall-ms is a whole round of searches as the test sees it.
func BenchmarkIndexBrowser(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a collection of 100,000 replies")
	}
	ctx := bt.New(b, 30*time.Minute)
	out := b.TempDir()
	rep := genRun(b, out, *benchReplies)
	res, err := Build(out, rep, Options{})
	require.NoError(b, err)
	rare := genReply(*benchReplies / 2).Proposal.Proposers[0]
	queries := []struct{ name, q string }{
		{"common", "农村社区"}, {"phrase", "茶叶产业发展"}, {"rare", rare}, {"char", "县"}, {"and", "校车 安全"},
	}
	sums := map[string]float64{}
	for b.Loop() {
		require.NoError(b, chromedp.Do(ctx, chromedp.Navigate("file://"+res.Index)))
		require.Equal(b, *benchReplies, bt.WaitQuery(b, ctx, ""))
		sums["first-rows-ms"] += bt.Eval[float64](b, ctx, `+document.body.dataset.firstRowsMs`)
		start := time.Now()
		for _, q := range queries {
			bt.Eval[bool](b, ctx, `(() => { document.getElementById("q").value = `+jsQuote(q.q)+`;
				document.getElementById("controls").requestSubmit(); return true; })()`)
			shown := bt.WaitQuery(b, ctx, q.q)
			require.Positive(b, shown, q.q)
			sums["search-"+q.name+"-ms"] += bt.Eval[float64](b, ctx, `+document.body.dataset.answerMs`)
			sums["rows-"+q.name] += float64(shown)
		}
		sums["wall-ms"] += float64(time.Since(start).Milliseconds())
		require.NoError(b, chromedp.Do(ctx, chromedp.Click(`button[data-sort="title"]`)))
		bt.WaitQuery(b, ctx, queries[len(queries)-1].q)
		sums["sort-title-ms"] += bt.Eval[float64](b, ctx, `+document.body.dataset.answerMs`)
	}
	for name, sum := range sums {
		b.ReportMetric(sum/float64(b.N), name)
	}
	b.Logf("rare name: %s; %s", rare, strconv.Itoa(*benchReplies))
}

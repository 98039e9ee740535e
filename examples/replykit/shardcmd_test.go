package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shardSite writes the sample inputs of the README with more in them: a
// page whose name clashes with another's when case is ignored, files that
// are no pages, and a page that fails; it returns the inputs.
func shardSite(t *testing.T, root string) []string {
	t.Helper()
	writeSampleInputs(t, filepath.Join("sample"), root)
	seed, err := os.ReadFile(filepath.Join("sample", "wangcang", "zxta", "t20201021_73.html"))
	require.NoError(t, err)
	for name, data := range map[string][]byte{
		"mirror/wangcang/zxta/T20201021_73.html": append(seed, "\n<!-- a copy -->\n"...),
		"mirror/style.css":                       []byte("body{}"),
		"mirror/.git/HEAD":                       []byte("ref: refs/heads/main\n"),
		"mirror/notes":                           []byte("no markup here"),
		"mirror/broken.html":                     []byte("\x00\x01\x02\x03 binary \xff\xfe"),
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
	}
	var in []string
	for _, name := range []string{"mirror", "old-site.zip", "crawl.tar.gz", "page.html", "notice.txt"} {
		in = append(in, filepath.Join(root, name))
	}
	return in
}

// TestShardedMigrateIsOneRun: the N shards of replykit migrate --shard,
// run side by side into one OUTDIR, then replykit report merge, leave
// every file — the outputs, report.json, index.html, replies.jsonl and
// the index's data — the same bytes as one run into another OUTDIR.
func TestShardedMigrateIsOneRun(t *testing.T) {
	needParse(t)
	root := t.TempDir()
	inputs := shardSite(t, root)
	single := filepath.Join(root, "single")
	r := runCmd("", append([]string{"migrate", "-q", "--no-sync", "-o", single}, inputs...)...)
	require.Equal(t, exitFailed, r.code, "the broken page fails: %s", r.stderr)
	rep := readReport(t, single)
	require.Positive(t, rep.Totals.Renamed)
	require.Positive(t, rep.Totals.Ignored)
	require.Equal(t, 1, rep.Totals.Failed)
	want := treetest.Read(t, single)
	require.Contains(t, want, migrate.IndexName)
	require.Contains(t, want, migrate.RepliesName)

	for _, n := range []int{1, 3, 4} {
		t.Run(fmt.Sprintf("%d shards", n), func(t *testing.T) {
			out := filepath.Join(root, fmt.Sprintf("sharded-%d", n))
			codes := make([]int, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Go(func() {
					r := runCmd("", append([]string{"migrate", "-q", "--no-sync", "--shard", fmt.Sprintf("%d/%d", i, n), "-o", out}, inputs...)...)
					codes[i] = r.code
					assert.Contains(t, r.stderr, "once every shard is done: replykit report merge "+out+"\n")
				})
			}
			wg.Wait()
			assert.Contains(t, codes, exitFailed, "the shard of the broken page")
			for _, c := range codes {
				assert.Contains(t, []int{exitOK, exitFailed}, c)
			}
			assert.NoFileExists(t, filepath.Join(out, migrate.IndexName))
			r := runCmd("", "report", "merge", out)
			assert.Equal(t, exitFailed, r.code, r.stderr)
			assert.Contains(t, r.stdout, fmt.Sprintf("report merge: %d pages from %d shards\n", rep.Totals.Pages, n))
			assert.Contains(t, r.stdout, "index: "+filepath.Join(out, migrate.IndexName)+"\n")
			treetest.Equal(t, want, treetest.Read(t, out), fmt.Sprintf("%d shards", n))
		})
	}
}

// TestShardUsage: --shard is checked, refused beside --bag, and report
// merge says what it cannot do, naming the file.
func TestShardUsage(t *testing.T) {
	root := t.TempDir()
	page := filepath.Join(root, "a.html")
	require.NoError(t, os.WriteFile(page, []byte("<p>a</p>"), 0o644))
	out := filepath.Join(root, "out")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"bad shard", []string{"migrate", "--shard", "4/4", "-o", out, page}, exitUsage,
			"replykit migrate: --shard \"4/4\": a shard is i/N, with N at least 1 and i from 0 to N-1\n"},
		{"shard and bag", []string{"migrate", "--shard", "0/2", "--bag", filepath.Join(root, "bag"), "-o", out, page}, exitUsage,
			"replykit migrate: --bag and --shard do not go together"},
		{"no report command", []string{"report"}, exitUsage, "replykit report: no command given\n"},
		{"unknown report command", []string{"report", "split"}, exitUsage, "replykit report: unknown command \"split\"\n"},
		{"merge without OUTDIR", []string{"report", "merge"}, exitUsage, "replykit report merge: give one OUTDIR\n"},
		{"merge without shards", []string{"report", "merge", root}, exitRun,
			"replykit report merge: " + filepath.Join(migrate.ShardDir) + ": no shard reports to merge: run the shards (migrate --shard i/N) first\n" +
				"replykit report merge: nothing done\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCmd("", tt.args...)
			assert.Equal(t, tt.code, r.code)
			assert.Contains(t, r.stderr, tt.stderr)
			assert.NoDirExists(t, filepath.Join(root, "bag"))
		})
	}

	// One shard of two: the merge names the other's report, missing.
	r := runCmd("", "migrate", "-q", "--shard", "1/2", "-o", out, page)
	assert.Equal(t, exitOK, r.code, "a shard with no page of its own: %s", r.stderr)
	assert.NotContains(t, r.stderr, "no pages found")
	r = runCmd("", "report", "merge", out)
	assert.Equal(t, exitRun, r.code)
	assert.Equal(t, "replykit report merge: "+filepath.Join(migrate.ShardDir, "0-of-2.json")+
		": shard report missing: shard 0/2 has not run to its end\nreplykit report merge: nothing done\n", r.stderr)
	r = runCmd("", "migrate", "-q", "--shard", "0/2", "-o", out, page)
	assert.Equal(t, exitOK, r.code, r.stderr)
	r = runCmd("", "report", "merge", out)
	assert.Equal(t, exitOK, r.code, r.stderr)
	assert.FileExists(t, filepath.Join(out, migrate.IndexName))
}

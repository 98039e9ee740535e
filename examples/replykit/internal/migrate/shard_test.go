package migrate

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseShard(t *testing.T) {
	tests := []struct {
		in   string
		want Shard
		ok   bool
	}{
		{"0/1", Shard{0, 1}, true},
		{"3/4", Shard{3, 4}, true},
		{" 2 / 8 ", Shard{2, 8}, true},
		{"4/4", Shard{}, false},
		{"-1/4", Shard{}, false},
		{"1/0", Shard{}, false},
		{"0/0", Shard{}, false},
		{"1", Shard{}, false},
		{"a/b", Shard{}, false},
		{"", Shard{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseShard(tt.in)
			if !tt.ok {
				assert.ErrorIs(t, err, ErrShard)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, strings.ReplaceAll(tt.in, " ", ""), got.String())
		})
	}
}

func TestShareAndOwnsAgree(t *testing.T) {
	for n := 1; n <= 5; n++ {
		for total := range 12 {
			sum := 0
			for i := range n {
				s := Shard{Index: i, Count: n}
				owned := 0
				for k := range total {
					if s.owns(k) {
						owned++
					}
				}
				assert.Equal(t, owned, share(total, s), "%d items, shard %v", total, s)
				sum += owned
			}
			assert.Equal(t, total, sum)
		}
	}
}

// shardInputs writes inputs that hold every case the walk meets: a
// directory with pages that fail, list pages, names that clash when case
// is ignored and files that are no pages; a .zip and a .tar.gz whose
// pages clash with the directory's, with links and entries that are no
// pages; and an input that is missing.
func shardInputs(t *testing.T, root string) []Input {
	t.Helper()
	site := filepath.Join(root, "site")
	genTree(t, site, 60)
	writeFile(t, filepath.Join(site, "Case.html"), "<p>upper</p>")
	writeFile(t, filepath.Join(site, "case.html"), "<p>lower</p>")
	writeFile(t, filepath.Join(site, "CASE.HTML"), "<p>all upper</p>")
	items := append(pagesOf(5, "<p>zip page</p>"),
		arcItem{name: "case.html", data: "<p>zip case</p>"},
		arcItem{name: "site0/style.css", data: "body{}"},
		arcItem{name: "notes", data: "no markup here"},
		arcItem{name: "sniffed", data: "<html><p>sniffed</p></html>"},
		arcItem{name: "link.html", symlink: "p01.html"},
		arcItem{name: "empty.html", data: ""})
	writeZip(t, filepath.Join(root, "site.zip"), items)
	items = append(pagesOf(4, "<p>tar page</p><!-- warn -->"),
		arcItem{name: "Case.html", data: "<p>tar case</p>"},
		arcItem{name: "hard.html", hardlink: "p02.html"},
		arcItem{name: "soft.htm", symlink: "p03.html"},
		arcItem{name: "away.html", symlink: "../outside.html"},
		arcItem{name: "logo.png", data: "\x89PNG"},
		arcItem{name: "fifo.html", fifo: true},
		arcItem{name: "list.html", data: "<ul><li>a</li></ul><!-- list -->"})
	writeTarGz(t, filepath.Join(root, "crawl.tar.gz"), items)
	return Paths(site, filepath.Join(root, "site.zip"), filepath.Join(root, "crawl.tar.gz"), filepath.Join(root, "missing"))
}

// fakeFinish writes, as the command's collection would, a file of the
// run's own derived from the report: a line a page.
func fakeFinish(rep *Report) error {
	var b strings.Builder
	err := rep.EachPage(func(e *Entry) error {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", e.Path, e.Output, e.Status)
		return nil
	})
	if err != nil {
		return err
	}
	if b.Len() == 0 {
		return fmt.Errorf("no pages in the report")
	}
	return os.WriteFile(filepath.Join(filepath.Dir(rep.Written), IndexName), []byte(b.String()), 0o666)
}

// shardOptions are the options of an engine test writing to out,
// counting the pages converted.
func shardOptions(out string, calls *atomic.Int64) Options {
	opts := fakeOptions(out, 2)
	opts.Convert = counting(calls, fakeConvert)
	opts.Finish = fakeFinish
	return opts
}

// runShards runs n shards side by side into out, then merges them.
func runShards(t *testing.T, inputs []Input, out string, n int, calls *atomic.Int64) *Report {
	t.Helper()
	whole := map[string][]byte{} // what the run before made of the whole
	for _, name := range []string{ReportName, IndexName} {
		whole[name], _ = os.ReadFile(filepath.Join(out, name))
	}
	var wg sync.WaitGroup
	reps := make([]*Report, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			opts := shardOptions(out, calls)
			opts.Shard = Shard{Index: i, Count: n}
			reps[i], errs[i] = runHeld(context.Background(), inputs, opts)
		})
	}
	wg.Wait()
	for i := range n {
		require.NoError(t, errs[i], "shard %d/%d", i, n)
		assert.Equal(t, filepath.Join(out, ShardReportName(Shard{i, n})), reps[i].Written)
	}
	for name, data := range whole {
		now, _ := os.ReadFile(filepath.Join(out, name))
		assert.Equal(t, string(data), string(now), "a shard writes no report.json and builds no collection")
	}
	rep, err := mergeHeld(out, MergeOptions{Finish: fakeFinish, FS: noSyncFS{}})
	require.NoError(t, err)
	assert.Equal(t, n, rep.Merged)
	assert.NoDirExists(t, filepath.Join(out, ShardDir), "the shard reports are removed")
	return rep
}

// TestShardsMergeToASingleRun: N shards run side by side into one OUTDIR,
// then merged, leave the same files, byte for byte, as one run into
// another, and convert each page once between them; after a page
// changes, shards run again convert only it, and still match one run.
func TestShardsMergeToASingleRun(t *testing.T) {
	root := t.TempDir()
	inputs := shardInputs(t, root)
	single := filepath.Join(root, "single")
	var singleCalls atomic.Int64
	rep, err := runHeld(context.Background(), inputs, shardOptions(single, &singleCalls))
	require.NoError(t, err)
	// The inputs hold what the test is about.
	require.Positive(t, rep.Totals.Renamed)
	require.Positive(t, rep.Totals.Failed)
	require.Positive(t, rep.Totals.Ignored)
	require.Positive(t, rep.Totals.Warnings)
	for _, in := range inputs {
		require.Contains(t, fmt.Sprint(rep.Pages), in.Path)
	}
	want := treetest.Read(t, single)

	for _, n := range []int{1, 3, 4} {
		t.Run(fmt.Sprintf("%d shards", n), func(t *testing.T) {
			out := filepath.Join(root, fmt.Sprintf("sharded-%d", n))
			var calls atomic.Int64
			merged := runShards(t, inputs, out, n, &calls)
			treetest.Equal(t, want, treetest.Read(t, out))
			assert.Equal(t, singleCalls.Load(), calls.Load(), "each page converted once over the shards")
			assert.Equal(t, rep.Totals, merged.Totals)
		})
	}

	// A page changes: every shard runs again; only the page changed is
	// converted, and the outputs and report are those of one run again.
	changed := filepath.Join(root, "site", "case.html")
	require.NoError(t, os.WriteFile(changed, []byte("<p>lower, changed</p>"), 0o644))
	singleCalls.Store(0)
	_, err = runHeld(context.Background(), inputs, shardOptions(single, &singleCalls))
	require.NoError(t, err)
	want = treetest.Read(t, single)
	out := filepath.Join(root, "sharded-3")
	var calls atomic.Int64
	again := runShards(t, inputs, out, 3, &calls)
	// Converted again: the page changed, and those that left no outputs
	// (failed, or no notice), as in one run.
	assert.Equal(t, singleCalls.Load(), calls.Load())
	assert.Equal(t, rep.Totals.Pages-rep.Totals.Failed-rep.Totals.Other+rep.Totals.Failures[KindConvert], again.Totals.Skipped+1)
	assert.False(t, entryFor(t, *again, "site/case.html").Skipped)
	assert.True(t, entryFor(t, *again, "site/Case.html").Skipped)
	treetest.Equal(t, want, treetest.Read(t, out))

	// A shard run a second time before the merge (a retried job) replaces
	// its report: the merge is still that of one run.
	_, err = runHeld(context.Background(), inputs, shardOptions(single, &singleCalls))
	require.NoError(t, err)
	want = treetest.Read(t, single)
	for i := range 3 {
		opts := shardOptions(out, &calls)
		opts.Shard = Shard{Index: i, Count: 3}
		_, err := runHeld(context.Background(), inputs, opts)
		require.NoError(t, err)
	}
	opts := shardOptions(out, &calls)
	opts.Shard = Shard{Index: 1, Count: 3}
	_, err = runHeld(context.Background(), inputs, opts)
	require.NoError(t, err)
	_, err = mergeHeld(out, MergeOptions{Finish: fakeFinish})
	require.NoError(t, err)
	treetest.Equal(t, want, treetest.Read(t, out))
}

// TestShardReadsOnlyItsOwnPages: a shard reads the files of its own pages
// only (the walk sniffs extensionless files in every shard, which is no
// page read), and a shard report is a report that checks.
func TestShardReadsOnlyItsOwnPages(t *testing.T) {
	root := t.TempDir()
	inputs := shardInputs(t, root)
	out := filepath.Join(root, "out")
	var mu sync.Mutex
	read := map[string]int{}
	for i := range 3 {
		opts := fakeOptions(out, 2)
		opts.Shard = Shard{Index: i, Count: 3}
		opts.ReadFile = func(name string) ([]byte, error) {
			mu.Lock()
			read[name]++
			mu.Unlock()
			return ReadRegular(name, DefaultMaxBytes)
		}
		rep, err := runHeld(context.Background(), inputs, opts)
		require.NoError(t, err)
		data, err := os.ReadFile(rep.Written)
		require.NoError(t, err)
		problems, err := CheckReport(data)
		require.NoError(t, err)
		assert.Empty(t, problems)
		assert.Equal(t, opts.Shard, rep.Shard.Shard)
		assert.Equal(t, share(rep.Shard.Walked.Pages, opts.Shard), len(rep.Pages))
	}
	require.NotEmpty(t, read)
	for name, n := range read {
		assert.Equal(t, 1, n, "%s read by %d shards", name, n)
	}
}

// writeShards runs the shards given of n into out, without merging.
func writeShards(t *testing.T, inputs []Input, out string, n int, which ...int) {
	t.Helper()
	for _, i := range which {
		opts := fakeOptions(out, 1)
		opts.Shard = Shard{Index: i, Count: n}
		_, err := runHeld(context.Background(), inputs, opts)
		require.NoError(t, err)
	}
}

// TestMergeRefuses: each reason a merge is refused, with the file named.
func TestMergeRefuses(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	writeFile(t, filepath.Join(site, "a.html"), "<p>a</p>")
	writeFile(t, filepath.Join(site, "b.html"), "<p>b</p>")
	writeFile(t, filepath.Join(site, "c.html"), "<p>c</p>")
	inputs := Paths(site)
	name := func(i, n int) string { return filepath.Join(ShardDir, fmt.Sprintf("%d-of-%d.json", i, n)) }
	tests := []struct {
		name  string
		setup func(t *testing.T, out string)
		want  error
		file  string
	}{
		{"none", func(t *testing.T, out string) { require.NoError(t, os.MkdirAll(out, 0o755)) }, ErrNoShards, ShardDir},
		{"missing", func(t *testing.T, out string) { writeShards(t, inputs, out, 3, 0, 2) }, ErrShardMissing, name(1, 3)},
		{"another N", func(t *testing.T, out string) {
			writeShards(t, inputs, out, 2, 0, 1)
			writeShards(t, inputs, out, 3, 2)
		}, ErrShardMismatch, name(2, 3)},
		{"interrupted", func(t *testing.T, out string) {
			writeShards(t, inputs, out, 2, 0, 1)
			format := `"format": "` + ReportFormat + `",`
			editJSON(t, filepath.Join(out, name(1, 2)), format, format+` "interrupted": true,`)
		}, ErrShardInterrupted, name(1, 2)},
		{"other inputs", func(t *testing.T, out string) {
			writeShards(t, inputs, out, 2, 0)
			writeShards(t, Paths(site, filepath.Join(site, "a.html")), out, 2, 1)
		}, ErrShardMismatch, name(1, 2)},
		{"inputs changed", func(t *testing.T, out string) {
			writeShards(t, inputs, out, 2, 0)
			writeFile(t, filepath.Join(site, "d.html"), "<p>d</p>")
			t.Cleanup(func() { os.Remove(filepath.Join(site, "d.html")) })
			writeShards(t, inputs, out, 2, 1)
		}, ErrShardMismatch, name(1, 2)},
		{"not its share", func(t *testing.T, out string) {
			writeShards(t, inputs, out, 2, 0, 1)
			editJSON(t, filepath.Join(out, name(1, 2)), `"pages": 3,`, `"pages": 4,`)
		}, ErrShardMismatch, name(1, 2)},
		{"not a report", func(t *testing.T, out string) {
			writeShards(t, inputs, out, 2, 0, 1)
			writeFile(t, filepath.Join(out, name(0, 2)), "{}")
		}, ErrShardReport, name(0, 2)},
		{"misnamed", func(t *testing.T, out string) {
			writeShards(t, inputs, out, 2, 0, 1)
			require.NoError(t, os.Rename(filepath.Join(out, name(1, 2)), filepath.Join(out, name(0, 2))))
		}, ErrShardReport, name(0, 2)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			tt.setup(t, out)
			before := treetest.Read(t, out)
			delete(before, LockName) // left by the shards, taken by the merge
			rep, err := mergeHeld(out, MergeOptions{Finish: fakeFinish})
			assert.Nil(t, rep)
			require.ErrorIs(t, err, tt.want)
			var se *ShardError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.file, se.File)
			assert.Contains(t, err.Error(), tt.file)
			assert.Equal(t, before, treetest.Read(t, out), "a merge refused changes nothing")
		})
	}
}

// editJSON replaces old with new in a file, failing when old is not in it.
func editJSON(t *testing.T, name, old, new string) {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	require.Contains(t, string(data), old)
	require.NoError(t, os.WriteFile(name, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
}

// TestShardLocks: shards of one OUTDIR run side by side, but not beside a
// whole run or a merge, nor beside a second run of the same shard.
func TestShardLocks(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(out, ShardDir), 0o755))
	a, err := lockShardOf(out, Shard{0, 2})
	require.NoError(t, err)
	b, err := lockShardOf(out, Shard{1, 2})
	require.NoError(t, err, "two shards side by side")

	_, err = lockShardOf(out, Shard{1, 2})
	var le *LockedError
	require.ErrorAs(t, err, &le, "the same shard twice")
	assert.Equal(t, "1/2", le.Holder.Shard)
	assert.Equal(t, os.Getpid(), le.Holder.PID)

	_, err = lockOutDir(out)
	require.ErrorAs(t, err, &le, "a whole run beside shards")
	assert.Equal(t, out, le.Dir)
	assert.NotEmpty(t, le.Holder.Shard, "the message names a shard")
	assert.Contains(t, le.Error(), ", shard ")
	_, err = mergeHeld(out, MergeOptions{})
	assert.ErrorIs(t, err, ErrLocked, "a merge beside shards")

	a.release()
	b.release()
	assert.FileExists(t, filepath.Join(out, LockName), "shared holders leave the lock file")
	assert.NoFileExists(t, filepath.Join(out, shardLockName(Shard{0, 2})))
	whole, err := lockOutDir(out)
	require.NoError(t, err, "a whole run once the shards are done")
	_, err = lockShardOf(out, Shard{0, 2})
	require.ErrorAs(t, err, &le, "a shard beside a whole run")
	assert.Empty(t, le.Holder.Shard)
	assert.Equal(t, os.Getpid(), le.Holder.PID)
	whole.release()
	c, err := lockShardOf(out, Shard{0, 2})
	require.NoError(t, err)
	c.release()
}

// TestShardRunRefusesWhileLocked: Run as a shard is refused, before
// anything is written, while a whole run holds OUTDIR.
func TestShardRunRefusesWhileLocked(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "site", "a.html"), "<p>a</p>")
	out := filepath.Join(root, "out")
	require.NoError(t, os.MkdirAll(out, 0o755))
	l, err := lockOutDir(out)
	require.NoError(t, err)
	defer l.release()
	opts := fakeOptions(out, 1)
	opts.Shard = Shard{0, 2}
	_, err = runHeld(context.Background(), Paths(filepath.Join(root, "site")), opts)
	assert.True(t, errors.Is(err, ErrLocked), "%v", err)
	assert.NoFileExists(t, filepath.Join(out, ShardReportName(opts.Shard)))
	opts.Shard = Shard{2, 2}
	_, err = runHeld(context.Background(), Paths(filepath.Join(root, "site")), opts)
	assert.ErrorIs(t, err, ErrShard)
}

package migrate

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"
)

// TestSorterGivesBackSorted: whatever the number held in memory, a sorter
// gives back every value added, in order, byte for byte (a string that
// is not UTF-8 included), merging runs of runs past spillFanIn of them,
// and leaves no file behind.
func TestSorterGivesBackSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var values []Entry
	for i := range 3*spillFanIn + 17 {
		values = append(values, Entry{Path: fmt.Sprintf("d/%04d\xff.html", rng.IntN(500)), Output: fmt.Sprint(i), Status: StatusOK})
	}
	want := slices.Clone(values)
	sortEntries(want)
	for _, max := range []int{1, 2, 7, len(values), 10 * len(values)} {
		t.Run(fmt.Sprint(max), func(t *testing.T) {
			dir := t.TempDir()
			s := newSorter(dir, max, compareEntries)
			for _, v := range values {
				require.NoError(t, s.add(v))
			}
			if max == 1 {
				runs, _ := os.ReadDir(dir)
				assert.Less(t, len(runs), 2*spillFanIn, "runs of one size are merged into one of the next")
			}
			var got []Entry
			require.NoError(t, s.each(func(e *Entry) error { got = append(got, *e); return nil }))
			assert.Equal(t, want, got)
			left, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, left)
		})
	}
}

// TestSorterStopsAtTheFirstError: an error of the consumer ends the
// merge and is returned; the runs are removed all the same.
func TestSorterStopsAtTheFirstError(t *testing.T) {
	dir := t.TempDir()
	s := newSorter(dir, 2, func(a, b *Ignored) int { return cmp.Compare(a.Path, b.Path) })
	for i := range 9 {
		require.NoError(t, s.add(Ignored{Path: fmt.Sprint(9 - i), Reason: IgnoredNotPage}))
	}
	stop := errors.New("stop")
	n := 0
	err := s.each(func(*Ignored) error {
		if n++; n == 4 {
			return stop
		}
		return nil
	})
	assert.ErrorIs(t, err, stop)
	left, _ := os.ReadDir(dir)
	assert.Empty(t, left)
}

// TestSorterSaysWhenItCannotSpill: a directory that cannot take the runs
// gives ErrSpill, not a panic or a lost value.
func TestSorterSaysWhenItCannotSpill(t *testing.T) {
	s := newSorter(filepath.Join(t.TempDir(), "missing"), 1, compareEntries)
	err := s.add(Entry{Path: "a.html"})
	require.ErrorIs(t, err, ErrSpill)
	assert.Contains(t, err.Error(), "missing")
}

// TestRunReportTheSameWhateverItHolds: a run that keeps its report's
// entries on disk, a few at a time, writes the same report and outputs,
// byte for byte, as one that holds them all, over files, archives and
// web archives, with failures, renames and ignored files and records;
// its Finish and EachPage read the entries back, and no scratch file is
// left by then.
func TestRunReportTheSameWhateverItHolds(t *testing.T) {
	root := t.TempDir()
	inputs := append(shardInputs(t, root), Paths(filepath.Join("testdata", "warc", "edge.warc.gz"), filepath.Join("testdata", "warc", "crawl.wacz"))...)
	var want map[string][]byte
	var wantPages []Entry
	for _, mem := range []int{0, 1, 3, 16} {
		out := filepath.Join(root, fmt.Sprint("out", mem))
		opts := fakeOptions(out, 2)
		opts.MemEntries = mem
		finished := 0
		opts.Finish = func(rep *Report) error {
			finished++
			scratch, err := filepath.Glob(filepath.Join(out, tempPrefix+"*"))
			require.NoError(t, err)
			assert.Empty(t, scratch, "the scratch files are gone before Finish")
			return fakeFinish(rep)
		}
		rep, err := Run(context.Background(), inputs, opts)
		require.NoError(t, err)
		require.Equal(t, 1, finished)
		assert.Nil(t, rep.Pages, "the report of a run holds no entries")
		var pages []Entry
		require.NoError(t, rep.EachPage(func(e *Entry) error { pages = append(pages, *e); return nil }))
		require.Len(t, pages, rep.Totals.Pages)
		ignored := 0
		require.NoError(t, rep.EachIgnored(func(*Ignored) error { ignored++; return nil }))
		require.Equal(t, rep.Totals.Ignored, ignored)
		require.Positive(t, rep.Totals.Renamed)
		require.Positive(t, rep.Totals.Failed)
		got := treetest.Read(t, out)
		if want == nil {
			want, wantPages = got, pages
			continue
		}
		treetest.Equal(t, want, got)
		assert.Equal(t, wantPages, pages, "MemEntries %d", mem)
	}
}

// TestRunFailsWhenTheEntriesCannotBeKept: a run whose entries can no
// longer be written to disk (its scratch folder gone) converts its pages
// and then fails for want of a report, saying why; a scratch folder
// missing from the start fails the run before any work.
func TestRunFailsWhenTheEntriesCannotBeKept(t *testing.T) {
	root := t.TempDir()
	in := filepath.Join(root, "site")
	genTree(t, in, 10)
	scratch := filepath.Join(root, "scratch")
	require.NoError(t, os.Mkdir(scratch, 0o755))
	opts := fakeOptions(filepath.Join(root, "out"), 1)
	opts.MemEntries, opts.TempDir = 2, scratch
	opts.OnPage = func(done int) {
		if done == 1 {
			require.NoError(t, os.RemoveAll(scratch))
		}
	}
	rep, err := Run(context.Background(), Paths(in), opts)
	require.ErrorIs(t, err, ErrReport)
	require.ErrorIs(t, err, ErrSpill)
	assert.Contains(t, err.Error(), scratch)
	assert.Empty(t, rep.Written)
	assert.Positive(t, rep.Totals.Replies)
	assert.NoFileExists(t, filepath.Join(root, "out", ReportName))

	opts.OnPage = nil
	_, err = Run(context.Background(), Paths(in), opts)
	require.ErrorIs(t, err, ErrNameLog)
	assert.Contains(t, err.Error(), scratch)
}

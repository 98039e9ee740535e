package migrate

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunRenamesWhatWouldTakeTheRunsOwnNames: pages whose outputs would
// take the index's or its data folder's name are written under other
// names, said in the report, and the collection keeps its own.
func TestRunRenamesWhatWouldTakeTheRunsOwnNames(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "index"), "<html><p>a page named index</p>")
	writeFile(t, filepath.Join(in, "index-data", "rows.html"), "<p>rows</p>")
	writeFile(t, filepath.Join(in, "replies"), "<html><p>a page named replies</p>")
	rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 2))
	require.NoError(t, err)
	got := readReport(t, out)
	for name, want := range map[string]string{"index": "index~2", "index-data/rows.html": "index-data~2/rows.html"} {
		e := entryFor(t, got, name)
		assert.Equal(t, StatusOK, e.Status, name)
		assert.Equal(t, want, e.Output, name)
		assert.NotEmpty(t, e.Renamed, name)
		assert.FileExists(t, filepath.Join(out, filepath.FromSlash(want)+".json"))
	}
	assert.Equal(t, StatusOK, entryFor(t, got, "replies").Status)
	assert.FileExists(t, filepath.Join(out, "replies.json"))
	assert.NoFileExists(t, filepath.Join(out, IndexName))
	assert.NoDirExists(t, filepath.Join(out, IndexDataDir))
	assert.Equal(t, 0, rep.Totals.Failed)
	assert.Equal(t, 2, rep.Totals.Renamed)
}

// TestRunFinish: Finish is called once, with the written report, while
// the output directory is still locked; its error is the run's; an
// interrupted run does not call it.
func TestRunFinish(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "a.html"), "<p>a</p>")
	opts := fakeOptions(out, 2)
	calls := 0
	opts.Finish = func(rep *Report) error {
		calls++
		assert.Equal(t, filepath.Join(out, ReportName), rep.Written)
		assert.FileExists(t, rep.Written)
		assert.FileExists(t, filepath.Join(out, LockName), "the run still holds the directory")
		return errFinish
	}
	rep, err := runHeld(context.Background(), Paths(in), opts)
	assert.ErrorIs(t, err, errFinish)
	assert.Equal(t, 1, calls)
	require.NotNil(t, rep)
	assert.Equal(t, 1, rep.Totals.Replies)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = runHeld(ctx, Paths(in), opts)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, calls, "not called for an interrupted run")
}

var errFinish = errors.New("finish failed")

package migrate

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReservedName(t *testing.T) {
	tests := []struct{ rel, want string }{
		{"report", ReportName},
		{"index", IndexName},
		{"index-data/rows-0.js", IndexDataDir + "/"},
		{"index-data/a/b.html", IndexDataDir + "/"},
		{"index.html", ""},       // index.html.json and index.html.html
		{"index-data", ""},       // index-data.json and index-data.html
		{"replies", ""},          // replies.json is not replies.jsonl
		{"sub/index", ""},        // only the top of the output directory
		{"sub/index-data/a", ""}, // likewise
		{"report.html", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, reservedName(tt.rel), tt.rel)
	}
}

// TestRunRefusesTheRunsOwnNames: pages whose outputs would take the
// index's or its data folder's name fail as collisions and write nothing.
func TestRunRefusesTheRunsOwnNames(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "index"), "<html><p>a page named index</p>")
	writeFile(t, filepath.Join(in, "index-data", "rows.html"), "<p>rows</p>")
	writeFile(t, filepath.Join(in, "replies"), "<html><p>a page named replies</p>")
	rep, err := Run(context.Background(), Paths(in), fakeOptions(out, 2))
	require.NoError(t, err)
	got := readReport(t, out)
	for _, name := range []string{"index", "index-data/rows.html"} {
		e := entryFor(t, got, name)
		assert.Equal(t, StatusFailed, e.Status, name)
		require.NotNil(t, e.Error, name)
		assert.Equal(t, KindCollision, e.Error.Kind, name)
		assert.Contains(t, e.Error.Message, "is the run's own", name)
	}
	assert.Equal(t, StatusOK, entryFor(t, got, "replies").Status)
	assert.FileExists(t, filepath.Join(out, "replies.json"))
	assert.NoFileExists(t, filepath.Join(out, IndexName))
	assert.NoDirExists(t, filepath.Join(out, IndexDataDir))
	assert.Equal(t, 2, rep.Totals.Failed)
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
	rep, err := Run(context.Background(), Paths(in), opts)
	assert.ErrorIs(t, err, errFinish)
	assert.Equal(t, 1, calls)
	require.NotNil(t, rep)
	assert.Equal(t, 1, rep.Totals.Replies)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Run(ctx, Paths(in), opts)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, calls, "not called for an interrupted run")
}

var errFinish = errors.New("finish failed")

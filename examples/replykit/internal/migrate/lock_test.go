package migrate

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goneHolder is a lock file's holder whose process is not running: no
// system gives out process numbers this high.
func goneHolder(t *testing.T) Holder {
	t.Helper()
	host, err := os.Hostname()
	require.NoError(t, err)
	return Holder{PID: 1 << 30, Host: host, Started: time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)}
}

// TestRunLocksTheOutputDirectory starts a second run on an output
// directory while a first is converting a page: the second is refused at
// once, naming the first; the first goes on undisturbed; once it is done,
// a third run may start, and no lock file is left behind.
func TestRunLocksTheOutputDirectory(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	writeFile(t, filepath.Join(in, "a.html"), "<p>a</p>")
	writeFile(t, filepath.Join(in, "b.html"), "<p>b</p>")

	converting, goOn := make(chan struct{}), make(chan struct{})
	var once sync.Once
	first := fakeOptions(out, 1)
	first.Convert = func(src PageSource, data []byte) (*reply.Reply, error) {
		once.Do(func() { close(converting); <-goOn })
		return fakeConvert(src, data)
	}
	var firstRep *Report
	var firstErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		firstRep, firstErr = runHeld(context.Background(), Paths(in), first)
	}()
	<-converting

	before := time.Now().UTC().Truncate(time.Second)
	_, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.ErrorIs(t, err, ErrLocked)
	var le *LockedError
	require.ErrorAs(t, err, &le)
	host, _ := os.Hostname()
	assert.Equal(t, os.Getpid(), le.Holder.PID)
	assert.Equal(t, host, le.Holder.Host)
	assert.WithinDuration(t, before, le.Holder.Started, time.Minute)
	assert.Contains(t, err.Error(), fmt.Sprintf("pid %d on %s, started ", os.Getpid(), host))
	assert.Contains(t, err.Error(), out)

	close(goOn)
	<-done
	require.NoError(t, firstErr)
	assert.Equal(t, 2, firstRep.Totals.Replies)
	assert.Empty(t, firstRep.Notes)
	assert.NoFileExists(t, filepath.Join(out, LockName))

	rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Totals.Skipped)
}

// TestRunTakesOverAStaleLock finds the lock file of a killed run: the
// run takes the directory over and says so in its report and summary.
func TestRunTakesOverAStaleLock(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(in, "a.html"), "<p>a</p>")
	gone := goneHolder(t)
	require.NoError(t, os.WriteFile(filepath.Join(out, LockName), gone.format(), 0o644))

	rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Totals.Replies)
	require.Len(t, rep.Notes, 1)
	assert.Contains(t, rep.Notes[0], "took over the lock")
	assert.Contains(t, rep.Notes[0], gone.String())
	assert.Equal(t, rep.Notes, readReport(t, out).Notes)
	data, err := os.ReadFile(filepath.Join(out, ReportName))
	require.NoError(t, err)
	problems, err := CheckReport(data)
	require.NoError(t, err)
	assert.Empty(t, problems, "a report with notes checks out")
	var sum strings.Builder
	require.NoError(t, rep.WriteSummary(&sum))
	assert.Contains(t, sum.String(), "note: took over the lock")
	assert.NoFileExists(t, filepath.Join(out, LockName))
}

// TestLockExclusive checks the lock taken by creating the lock file,
// for systems without flock: a live holder of this host, or any holder
// of another, refuses; a holder gone is taken over.
func TestLockExclusive(t *testing.T) {
	host, err := os.Hostname()
	require.NoError(t, err)
	now := time.Now().UTC().Truncate(time.Second)
	tests := []struct {
		name   string
		holder *Holder // nil: no lock file
		locked bool
	}{
		{"free", nil, false},
		{"held by a live run", &Holder{PID: os.Getpid(), Host: host, Started: now}, true},
		{"held on another host", &Holder{PID: 1 << 30, Host: host + "-other", Started: now}, true},
		{"left by a run gone", &Holder{PID: 1 << 30, Host: host, Started: now}, false},
		{"not yet written", &Holder{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.holder != nil {
				data := tt.holder.format()
				if tt.holder.PID == 0 {
					data = nil
				}
				require.NoError(t, os.WriteFile(filepath.Join(dir, LockName), data, 0o644))
			}
			l, err := lockExclusive(dir)
			if tt.locked {
				var le *LockedError
				require.ErrorAs(t, err, &le)
				assert.Equal(t, *tt.holder, le.Holder)
				return
			}
			require.NoError(t, err)
			data, err := os.ReadFile(filepath.Join(dir, LockName))
			require.NoError(t, err)
			assert.Equal(t, os.Getpid(), parseHolder(data).PID)
			if tt.holder != nil {
				require.Len(t, l.notes, 1)
				assert.Contains(t, l.notes[0], tt.holder.String())
			} else {
				assert.Empty(t, l.notes)
			}
			// A second lock is refused while the first is held.
			_, err = lockExclusive(dir)
			assert.True(t, errors.Is(err, ErrLocked))
			l.release()
			assert.NoFileExists(t, filepath.Join(dir, LockName))
		})
	}
}

func TestParseHolder(t *testing.T) {
	h := Holder{PID: 42, Host: "archive-1", Started: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	assert.Equal(t, h, parseHolder(h.format()))
	assert.Equal(t, "pid 42 on archive-1, started 2025-01-02T03:04:05Z", h.String())
	assert.Equal(t, Holder{}, parseHolder([]byte("garbage\n\x00")))
}

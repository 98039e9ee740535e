package migrate

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFIFOSwappedInAfterTheWalk lists a page, swaps it for a FIFO that
// no one writes, then has a worker read it: the read fails at once with
// the reason, where an open would wait for a writer for ever.
func TestFIFOSwappedInAfterTheWalk(t *testing.T) {
	in := t.TempDir()
	name := filepath.Join(in, "a.html")
	writeFile(t, name, "<p>a</p>")
	opts := fakeOptions(t.TempDir(), 1)
	opts.MaxBytes = DefaultMaxBytes
	pages := make(chan page, 1)
	w := &walker{ctx: context.Background(), opts: &opts, out: pages, claimed: map[string]string{}, found: func() {}}
	w.walk(Paths(in))
	p := <-pages
	require.Nil(t, p.err)
	require.NoError(t, os.Remove(name))
	mkfifo(t, name)

	done := make(chan Entry, 1)
	go func() {
		var bufs buffers
		done <- process(p, &opts, &dirCache{made: map[string]bool{}}, &bufs)
	}()
	select {
	case e := <-done:
		assert.Equal(t, StatusFailed, e.Status)
		require.NotNil(t, e.Error)
		assert.Equal(t, KindNotRegular, e.Error.Kind)
		assert.Contains(t, e.Error.Message, "not a regular file (a FIFO)")
		assert.Contains(t, e.Error.Message, name)
	case <-time.After(time.Minute): // a hang guard, not a measure of speed
		// Open the FIFO's other end to let the stuck read go.
		if f, err := os.OpenFile(name, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		t.Fatal("reading a FIFO swapped in after the walk hangs")
	}
}

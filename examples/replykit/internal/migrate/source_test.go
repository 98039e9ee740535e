package migrate

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sourceLog records what Options.Source is given: output name → name in
// its input and a copy of the bytes.
type sourceLog struct {
	mu   sync.Mutex
	rel  map[string]string
	data map[string]string
}

func (l *sourceLog) hook(out, rel string, data []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.rel[out], l.data[out] = rel, string(data)
	return nil
}

func TestSourceIsGivenEveryPageAsRead(t *testing.T) {
	in := t.TempDir()
	file := "<p>a file</p>"
	require.NoError(t, os.WriteFile(filepath.Join(in, "a.html"), []byte(file), 0o644))
	zipped := filepath.Join(t.TempDir(), "site.zip")
	writeZip(t, zipped, []arcItem{{name: "x/b.html", data: "<p>in a zip</p>"}})
	embedded := fstest.MapFS{"c.txt": {Data: []byte("a text notice")}}
	out := filepath.Join(t.TempDir(), "out")

	for _, run := range []string{"first", "up to date"} {
		log := &sourceLog{rel: map[string]string{}, data: map[string]string{}}
		opts := fakeOptions(out, 2)
		opts.Source = log.hook
		rep, err := runHeld(context.Background(), []Input{{Path: in}, {Path: zipped}, {Path: "embedded", FS: embedded}}, opts)
		require.NoError(t, err, run)
		if run == "up to date" {
			assert.Equal(t, 3, rep.Totals.Skipped, "skipped pages are given too")
		}
		assert.Equal(t, map[string]string{"a.html": "a.html", "x/b.html": "x/b.html", "c.txt": "c.txt"}, log.rel, run)
		assert.Equal(t, map[string]string{"a.html": file, "x/b.html": "<p>in a zip</p>", "c.txt": "a text notice"}, log.data, run)
	}
}

func TestSourceErrorFailsThePage(t *testing.T) {
	in := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(in, "a.html"), []byte("<p>a</p>"), 0o644))
	opts := fakeOptions(filepath.Join(t.TempDir(), "out"), 1)
	opts.Source = func(string, string, []byte) error { return errors.New("disk full") }
	rep, err := runHeld(context.Background(), Paths(in), opts)
	require.NoError(t, err)
	require.Len(t, rep.Pages, 1)
	assert.Equal(t, StatusFailed, rep.Pages[0].Status)
	require.NotNil(t, rep.Pages[0].Error)
	assert.Equal(t, KindWrite, rep.Pages[0].Error.Kind)
	assert.Contains(t, rep.Pages[0].Error.Message, "disk full")
}

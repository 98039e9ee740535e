package migrate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunVanishingDirectory removes a directory after the walk saw it in
// its parent and before it lists it: the report names it as vanished, the
// run goes on to the pages after it, and what was written stays whole.
func TestRunVanishingDirectory(t *testing.T) {
	root := t.TempDir()
	site := filepath.Join(root, "site")
	writeFile(t, filepath.Join(site, "a.html"), "<p>a</p>")
	// Pages between a.html and the directory keep the walk, which runs at
	// most a few pages ahead of the one worker, from reaching it before
	// a.html is converted.
	for i := range 12 {
		writeFile(t, filepath.Join(site, fmt.Sprintf("b%02d.html", i)), fmt.Sprintf("<p>b%d</p>", i))
	}
	writeFile(t, filepath.Join(site, "m", "gone.html"), "<p>gone</p>")
	writeFile(t, filepath.Join(site, "z.html"), "<p>z</p>")

	out := filepath.Join(root, "out")
	opts := fakeOptions(out, 1)
	opts.Convert = func(src PageSource, data []byte) (*reply.Reply, error) {
		if src.Rel == "a.html" {
			require.NoError(t, os.RemoveAll(filepath.Join(site, "m")))
		}
		return fakeConvert(src, data)
	}
	rep, err := runHeld(context.Background(), Paths(site), opts)
	require.NoError(t, err)

	e := entryFor(t, *rep, "site/m")
	assert.Equal(t, StatusFailed, e.Status)
	require.NotNil(t, e.Error)
	assert.Equal(t, KindVanished, e.Error.Kind, e.Error.Message)
	assert.Contains(t, e.Error.Message, filepath.Join(site, "m"))
	assert.Equal(t, 1, rep.Totals.Failed)
	assert.Equal(t, 14, rep.Totals.Replies, "a.html, the twelve b pages and z.html")
	assert.FileExists(t, filepath.Join(out, "z.html.json"))
	assert.NoFileExists(t, filepath.Join(out, "m", "gone.html.json"))
	data, err := os.ReadFile(filepath.Join(out, "a.html.json"))
	require.NoError(t, err)
	_, err = reply.Unmarshal(data)
	assert.NoError(t, err, "an output written before the fault is whole")
}

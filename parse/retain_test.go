package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

// TestReplyOwnsItsText reads each fixture page from the buffer it was
// read into, then overwrites the buffer: the reply reads the same
// afterwards, so none of its strings is a stretch of the page's bytes.
func TestReplyOwnsItsText(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "pages", "seed-*.html"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		page, err := os.ReadFile(f)
		require.NoError(t, err)
		cfg := newConfig(nil)
		doc, _, err := pageDocument(page, &cfg)
		require.NoError(t, err, f)
		rep, err := readDocument(doc, &cfg)
		require.NoError(t, err, f)
		before, err := reply.Marshal(rep)
		require.NoError(t, err, f)
		for i := range page {
			page[i] = 'x'
		}
		after, err := reply.Marshal(rep)
		require.NoError(t, err, f)
		require.Equal(t, string(before), string(after), f)
	}
}

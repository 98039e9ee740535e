package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCasesNothingLost checks, for every case folder that holds a
// notice.txt — the notice's text as a reader sees it on the page (title,
// body, signature, contact and CC lines; not the site's navigation, page
// furniture or footer), one line each, written by reading the page, a
// table's merged cell once for each column it spans as reply.Table holds
// it — that the reply's plain text holds exactly those characters, white
// space aside: nothing of the notice is lost, and nothing of the site is
// taken.
func TestCasesNothingLost(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "cases", "*", "notice.txt"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(paths), 12, "the old layout-table pages have their notice.txt")
	for _, path := range paths {
		dir := filepath.Dir(path)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			rep := readCase(t, dir)
			assert.Equal(t, reply.NormalizeWhitespace(string(want)), reply.NormalizeWhitespace(rep.PlainText()))
		})
	}
}

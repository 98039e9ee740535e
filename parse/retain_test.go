package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
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

// bigPage is the seed page grown to about 1 MB of body text, with 9 MB
// of inline script in its head, as pages that carry a framework or data
// inline do: about 10 MB, of which the reply keeps a tenth.
func bigPage(t testing.TB) []byte {
	page := grownPage(t, readBenchPage(t, "seed-trs.utf8.html"), 1_000_000)
	script := "<script>var data = \"" + strings.Repeat("0123456789abcdef", 9<<20/16) + "\";</script>\n"
	return []byte(strings.Replace(string(page), "</head>", script+"</head>", 1))
}

// readBig parses bigPage and returns only the reply: the page, its tree
// and everything else parse.HTML made are garbage once it returns.
func readBig(t *testing.T) *reply.Reply {
	page := bigPage(t)
	rep, err := HTML(bytes.NewReader(page))
	require.NoError(t, err)
	require.NoError(t, rep.Validate())
	return rep
}

// TestReplyHeap reads a 10 MB page and keeps only the reply: the heap it
// keeps is at most twice the reply's own text and 1 MiB, so that a reply
// does not hold its page alive.
func TestReplyHeap(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rep := readBig(t)
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	retained := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	text := len(rep.PlainText())
	require.Greater(t, text, 900_000, "the reply holds the page's text")
	limit := 2*int64(text) + 1<<20
	t.Logf("page %d bytes; reply text %d bytes; heap retained %d bytes (limit %d)", len(bigPage(t)), text, retained, limit)
	assert.LessOrEqual(t, retained, limit)
	runtime.KeepAlive(rep)
}

package webarchive_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/webarchive"
)

// rawWARC writes captures (URI, body) as an uncompressed WARC.
func rawWARC(caps ...[2]string) []byte {
	var b strings.Builder
	for i, c := range caps {
		block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(c[1]), c[1])
		fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"+
			"WARC-Date: 2024-03-01T00:00:0%dZ\r\nWARC-Target-URI: %s\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
			i, i%10, c[0], len(block), block)
	}
	return []byte(b.String())
}

// TestWACZPageList: a WACZ's page list marks an HTML capture it does not
// list as not-listed, and each URL it lists that no capture holds as
// listed-missing, once, at the line that lists it first, in the list's
// order (a URL's fragment is no part of it); the same whether what the
// reader remembers is held in memory or on disk, which it leaves clean.
func TestWACZPageList(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(webarchive.PagesName)
	require.NoError(t, err)
	_, err = w.Write([]byte(`{"format": "json-pages-1.0"}
{"url": "http://x/a.html", "ts": "2024-03-01T00:00:00Z"}
{"url": "http://x/b.html", "ts": "2024-03-01T00:00:01Z"}
not a page
{"url": "http://x/b.html", "ts": "2024-03-02T00:00:00Z"}
{"url": "http://x/a.html#top"}
{"url": "http://x/c.html#end", "ts": "2024-03-01T00:00:02Z"}
`))
	require.NoError(t, err)
	w, err = zw.Create("archive/data.warc")
	require.NoError(t, err)
	_, err = w.Write(rawWARC([2]string{"http://x/a.html", "<p>a</p>"}, [2]string{"http://x/d.html", "<p>d</p>"}))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	data := buf.Bytes()
	secondAt := len(rawWARC([2]string{"http://x/a.html", "<p>a</p>"})) // the second record's offset

	for _, mem := range []int{0, 1} {
		t.Run(fmt.Sprint("mem", mem), func(t *testing.T) {
			dir := t.TempDir()
			idx, err := webarchive.NewIndex(webarchive.IndexOptions{Dir: dir, MemEntries: mem})
			require.NoError(t, err)
			var got []string
			err = webarchive.ReadWACZ(bytes.NewReader(data), int64(len(data)), "s.wacz", webarchive.Options{Index: idx}, func(it *webarchive.Item) bool {
				got = append(got, fmt.Sprintf("%s@%d %s %s %s", it.File, it.Offset, it.URI, it.Date, it.Reason))
				return true
			})
			require.NoError(t, err)
			assert.Equal(t, []string{
				"s.wacz!archive/data.warc@0 http://x/a.html 2024-03-01T00:00:00Z ",
				fmt.Sprintf("s.wacz!archive/data.warc@%d http://x/d.html 2024-03-01T00:00:01Z not-listed", secondAt),
				"s.wacz!pages/pages.jsonl@3 http://x/b.html 2024-03-01T00:00:01Z listed-missing",
				"s.wacz!pages/pages.jsonl@7 http://x/c.html#end 2024-03-01T00:00:02Z listed-missing",
			}, got)
			require.NoError(t, idx.Close())
			left, _ := os.ReadDir(dir)
			assert.Empty(t, left)
		})
	}
}

package webarchive_test

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/webarchive"
)

// FuzzReadWARC: no input makes the reader panic or loop; every item is a
// page with a body within the limit, or has a reason and no body; a
// failure is an *Error naming the file.
func FuzzReadWARC(f *testing.F) {
	for _, name := range []string{"edge.warc", "edge.warc.gz", "edge-whole.warc.gz", "cut.warc", "crawl.warc.gz"} {
		data, err := os.ReadFile("testdata/" + name)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte("WARC/1.0\r\nWARC-Type: revisit\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const max = 1 << 10
		err := webarchive.ReadWARC(bytes.NewReader(data), "f.warc", webarchive.Options{MaxBytes: max, MaxInflate: 1 << 20}, func(it *webarchive.Item) bool {
			if it.Reason == "" {
				if it.Body == nil || len(it.Body) > max {
					t.Fatalf("page with a body of %d bytes", len(it.Body))
				}
			} else if it.Body != nil {
				t.Fatalf("%s with a body", it.Reason)
			}
			if it.File != "f.warc" || it.Offset < 0 || it.Offset > int64(len(data)) {
				t.Fatalf("item at %s@%d", it.File, it.Offset)
			}
			return true
		})
		var e *webarchive.Error
		if err != nil && (!errors.As(err, &e) || e.File != "f.warc") {
			t.Fatalf("error %v is no *Error naming the file", err)
		}
	})
}

// FuzzReadWACZ: the same for a WACZ.
func FuzzReadWACZ(f *testing.F) {
	data, err := os.ReadFile("testdata/crawl.wacz")
	require.NoError(f, err)
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		err := webarchive.ReadWACZ(bytes.NewReader(data), int64(len(data)), "f.wacz", webarchive.Options{MaxBytes: 1 << 10, MaxInflate: 1 << 20},
			func(it *webarchive.Item) bool {
				if (it.Reason == "") == (it.Body == nil) {
					t.Fatalf("%q with a body of %d bytes", it.Reason, len(it.Body))
				}
				return true
			})
		var e *webarchive.Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error %v is no *Error", err)
		}
	})
}

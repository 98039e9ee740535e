package webarchive_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/webarchive"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// summary writes an item as a line: where, what, the verdict, and the
// body's length and SHA-256 (its first 16 hex digits).
func summary(it *webarchive.Item) string {
	body := "-"
	if it.Body != nil {
		sum := sha256.Sum256(it.Body)
		body = fmt.Sprintf("%d:%s", len(it.Body), hex.EncodeToString(sum[:8]))
	}
	refers := ""
	if it.Refers != nil {
		refers = fmt.Sprintf(" refers=%s@%d+%d", strings.TrimPrefix(it.Refers.File, "testdata/"), it.Refers.Offset, it.Refers.InMember)
	}
	return fmt.Sprintf("%s@%d+%d %s %s %s %s status=%d type=%q reason=%q detail=%q body=%s%s",
		it.File, it.Offset, it.InMember, it.Type, it.URI, it.Date, it.RecordID, it.Status, it.ContentType, it.Reason, it.Detail, body, refers)
}

// readAll reads a file's items, as summaries, and its error.
func readAll(t *testing.T, name string, opts webarchive.Options) ([]*webarchive.Item, error) {
	t.Helper()
	var items []*webarchive.Item
	err := webarchive.ReadFile(name, opts, func(it *webarchive.Item) bool {
		items = append(items, it)
		return true
	})
	return items, err
}

// TestFixtures reads each committed file and compares what it finds with
// its golden list (go test -update rewrites them).
func TestFixtures(t *testing.T) {
	for _, name := range []string{"crawl.warc.gz", "crawl.wacz", "edge.warc.gz", "edge.warc", "edge-whole.warc.gz", "cut.warc"} {
		t.Run(name, func(t *testing.T) {
			items, err := readAll(t, filepath.Join("testdata", name), webarchive.Options{})
			require.NoError(t, err)
			var b strings.Builder
			for _, it := range items {
				b.WriteString(strings.TrimPrefix(summary(it), "testdata/") + "\n")
			}
			golden := filepath.Join("testdata", "golden", name+".txt")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o777))
				require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o666))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), b.String())
		})
	}
}

// verdicts are the items of a file without where they are.
func verdicts(items []*webarchive.Item) []string {
	var out []string
	for _, it := range items {
		c := *it
		c.File, c.Offset, c.InMember = "", 0, 0
		if c.Refers != nil {
			r := *c.Refers
			r.File, r.Offset, r.InMember = "", 0, 0
			c.Refers = &r
		}
		out = append(out, summary(&c))
	}
	return out
}

// TestGzipForms reads the edge cases plain, gzipped record by record and
// gzipped whole: the records and verdicts are the same; only the offsets
// differ, as each form counts them.
func TestGzipForms(t *testing.T) {
	plain, err := readAll(t, "testdata/edge.warc", webarchive.Options{})
	require.NoError(t, err)
	require.Len(t, plain, 19)
	for _, name := range []string{"edge.warc.gz", "edge-whole.warc.gz"} {
		items, err := readAll(t, filepath.Join("testdata", name), webarchive.Options{})
		require.NoError(t, err)
		assert.Equal(t, verdicts(plain), verdicts(items), name)
	}
	whole, _ := readAll(t, "testdata/edge-whole.warc.gz", webarchive.Options{})
	for i, it := range whole {
		assert.Zero(t, it.Offset, "one gzip member holds every record")
		assert.Equal(t, plain[i].Offset, it.InMember, "its place in the member is its offset in the plain file")
	}
	gz, _ := readAll(t, "testdata/edge.warc.gz", webarchive.Options{})
	data, err := os.ReadFile("testdata/edge.warc.gz")
	require.NoError(t, err)
	for _, it := range gz {
		assert.Zero(t, it.InMember)
		assert.Equal(t, []byte{0x1f, 0x8b}, data[it.Offset:it.Offset+2], "a record's offset is its gzip member's")
	}
	for _, it := range plain {
		data, err := os.ReadFile("testdata/edge.warc")
		require.NoError(t, err)
		assert.Equal(t, "WARC/", string(data[it.Offset:it.Offset+5]))
	}
}

// TestEdgeCases pins what each edge case is found to be.
func TestEdgeCases(t *testing.T) {
	items, err := readAll(t, "testdata/edge.warc.gz", webarchive.Options{})
	require.NoError(t, err)
	byURI := map[string][]*webarchive.Item{}
	for _, it := range items {
		byURI[it.URI] = append(byURI[it.URI], it)
	}
	const site = "http://www.example.gov.cn"
	a := byURI[site+"/zxta/2024/reply-05.html"]
	require.Len(t, a, 5) // response, request, metadata, a later response, a revisit
	assert.Equal(t, []webarchive.Reason{"", webarchive.ReasonRequest, webarchive.ReasonMetadata, "", webarchive.ReasonRevisit},
		[]webarchive.Reason{a[0].Reason, a[1].Reason, a[2].Reason, a[3].Reason, a[4].Reason})
	assert.NotEqual(t, a[0].Body, a[3].Body, "two captures of one URL")
	require.NotNil(t, a[4].Refers)
	assert.Equal(t, webarchive.Ref{File: a[0].File, Offset: a[0].Offset, InMember: a[0].InMember}, *a[4].Refers,
		"the revisit resolves to the first capture, a page")
	assert.Equal(t, a[0].Body, byURI[site+"/mirror/reply-05.html"][0].Body, "the duplicate payload")
	assert.Equal(t, a[0].PayloadDigest, byURI[site+"/mirror/reply-05.html"][0].PayloadDigest)

	gbk := byURI[site+"/zxta/2024/reply-09.html"]
	require.Len(t, gbk, 1, "the URI in angle brackets is read without them")
	assert.Equal(t, "text/html; charset=GBK", gbk[0].ContentType)
	assert.NotContains(t, string(gbk[0].Body), "charset", "only the HTTP header names the encoding")

	d := byURI[site+"/zxta/2024/reply-11.html"][0]
	assert.Contains(t, string(d.Body), "垃圾分类", "de-chunked and gunzipped")
	assert.True(t, strings.HasPrefix(string(d.Body), "<!DOCTYPE html>"))

	reasons := map[string]webarchive.Reason{
		"/zxta/2023/reply-40.html": webarchive.ReasonRevisitUnresolved,
		"/zxta/":                   webarchive.ReasonStatus,
		"/zxta/2024/reply-99.html": webarchive.ReasonStatus,
		"/css/main.css":            webarchive.ReasonNotHTML,
		"/images/banner.gif":       webarchive.ReasonNotHTML,
		"/zxta/2024/reply-08.do":   "",
		"/files/plan.pdf":          webarchive.ReasonNotHTML,
		"/zxta/2024/reply-12.html": webarchive.ReasonTruncated,
		"/zxta/2024/reply-13.html": webarchive.ReasonEncoding,
	}
	for p, want := range reasons {
		got := byURI[site+p]
		require.Len(t, got, 1, p)
		assert.Equal(t, want, got[0].Reason, p)
		assert.Equal(t, want == "", got[0].Body != nil, "%s: a body only for a page", p)
	}
}

// TestCut reads a WARC that ends inside a record: the records before it
// are read, and it is truncated.
func TestCut(t *testing.T) {
	items, err := readAll(t, "testdata/cut.warc", webarchive.Options{})
	require.NoError(t, err)
	require.Len(t, items, 5)
	assert.Equal(t, webarchive.ReasonTruncated, items[4].Reason)
	assert.Equal(t, "http://www.example.gov.cn/zxta/2024/reply-09.html", items[4].URI)

	// A gzip member cut short reads the same.
	data, err := os.ReadFile("testdata/edge-whole.warc.gz")
	require.NoError(t, err)
	var got []*webarchive.Item
	err = webarchive.ReadWARC(bytes.NewReader(data[:len(data)/2]), "half.warc.gz", webarchive.Options{}, func(it *webarchive.Item) bool {
		got = append(got, it)
		return true
	})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	assert.Equal(t, webarchive.ReasonTruncated, got[len(got)-1].Reason)
}

// TestLimits: a page over MaxBytes, and gzip members past MaxInflate.
func TestLimits(t *testing.T) {
	items, err := readAll(t, "testdata/edge.warc.gz", webarchive.Options{MaxBytes: 200})
	require.NoError(t, err)
	large := 0
	for _, it := range items {
		assert.LessOrEqual(t, len(it.Body), 200)
		if it.Reason == webarchive.ReasonTooLarge {
			large++
		}
	}
	assert.Equal(t, 8, large, "the seven pages of over 200 bytes, and the revisit of one")

	_, err = readAll(t, "testdata/edge.warc.gz", webarchive.Options{MaxInflate: 4000})
	var e *webarchive.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, webarchive.ErrInflateLimit)
	assert.Equal(t, "testdata/edge.warc.gz", e.File)
	assert.Positive(t, e.Offset)
}

// TestNotWARC: a file that holds no record is refused with its name.
func TestNotWARC(t *testing.T) {
	for _, data := range []string{"", "<html>not a warc</html>", "\x1f\x8bnot gzip"} {
		err := webarchive.ReadWARC(strings.NewReader(data), "x.warc", webarchive.Options{}, func(*webarchive.Item) bool { return true })
		var e *webarchive.Error
		require.ErrorAs(t, err, &e, "%q", data)
		assert.Equal(t, "x.warc", e.File)
		assert.True(t, errors.Is(err, webarchive.ErrNotWARC) || errors.Is(err, webarchive.ErrGzip), "%q: %v", data, err)
	}
}

// TestStop: reading stops when yield says so.
func TestStop(t *testing.T) {
	n := 0
	err := webarchive.ReadFile("testdata/crawl.wacz", webarchive.Options{}, func(*webarchive.Item) bool {
		n++
		return n < 3
	})
	require.NoError(t, err)
	assert.Equal(t, 3, n)
}

// TestKindOf tells web archives by name and by their first bytes.
func TestKindOf(t *testing.T) {
	gz, err := os.ReadFile("testdata/edge.warc.gz")
	require.NoError(t, err)
	cases := []struct {
		name string
		head []byte
		want webarchive.Kind
	}{
		{"a.warc", nil, webarchive.KindWARC},
		{"A.WARC.GZ", nil, webarchive.KindWARC},
		{"c.wacz", nil, webarchive.KindWACZ},
		{"crawl.dat", []byte("WARC/1.0\r\n"), webarchive.KindWARC},
		{"crawl.dat", gz[:512], webarchive.KindWARC},
		{"page.gz", []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}, webarchive.KindNone},
		{"site.zip", []byte("PK\x03\x04"), webarchive.KindNone},
		{"a.html", []byte("<html>"), webarchive.KindNone},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, webarchive.KindOf(c.name, c.head), c.name)
	}
}

// TestWget crawls the test site again with wget, when it is installed,
// and finds what the committed crawl holds: the same URLs, types and
// verdicts (the port, dates and record IDs differ).
func TestWget(t *testing.T) {
	if _, err := exec.LookPath("wget"); err != nil {
		t.Skip("wget is not installed")
	}
	if testing.Short() {
		t.Skip("builds and runs the test site")
	}
	out := filepath.Join(t.TempDir(), "crawl")
	cmd := exec.Command("sh", "testdata/make-wget.sh", out)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Run())
	fresh, err := readAll(t, out+".warc.gz", webarchive.Options{})
	require.NoError(t, err)
	committed, err := readAll(t, "testdata/crawl.warc.gz", webarchive.Options{})
	require.NoError(t, err)
	assert.Equal(t, shape(committed), shape(fresh))
}

// shape is what a crawl found, without port, dates and IDs.
func shape(items []*webarchive.Item) []string {
	var out []string
	for _, it := range items {
		path := it.URI
		if i := strings.Index(path, "://"); i >= 0 {
			if j := strings.Index(path[i+3:], "/"); j >= 0 {
				path = path[i+3+j:]
			}
		}
		out = append(out, fmt.Sprintf("%s %s %d %q %q %d", it.Type, path, it.Status, it.ContentType, it.Reason, len(it.Body)))
	}
	return out
}

// TestLooksHTML: a capture whose Content-Type says nothing of its kind is
// a page when its body looks like HTML, by http.DetectContentType or by
// the test Options.LooksHTML gives.
func TestLooksHTML(t *testing.T) {
	record := func(body string) string {
		http := "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
			fmt.Sprint(len(body)) + "\r\n\r\n" + body
		return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.gov.cn/a\r\n" +
			"WARC-Date: 2016-05-18T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n" +
			"Content-Type: application/http; msgtype=response\r\nContent-Length: " + fmt.Sprint(len(http)) +
			"\r\n\r\n" + http + "\r\n\r\n"
	}
	bodyOnly := "答复如下：<p>一、加强管理</p>" // no tag at its start
	for _, tt := range []struct {
		name      string
		body      string
		looksHTML func([]byte) bool
		want      webarchive.Reason
	}{
		{"html at the start", "<html><body><p>答复</p></body></html>", nil, ""},
		{"text first, by DetectContentType", bodyOnly, nil, webarchive.ReasonNotHTML},
		{"text first, by the caller's test", bodyOnly, func(b []byte) bool { return bytes.Contains(b, []byte("<p>")) }, ""},
		{"the caller's test says no", "<html></html>", func([]byte) bool { return false }, webarchive.ReasonNotHTML},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []*webarchive.Item
			err := webarchive.ReadWARC(strings.NewReader(record(tt.body)), "x.warc", webarchive.Options{LooksHTML: tt.looksHTML},
				func(it *webarchive.Item) bool { got = append(got, it); return true })
			require.NoError(t, err)
			require.Len(t, got, 1)
			assert.Equal(t, tt.want, got[0].Reason, got[0].Detail)
		})
	}
}

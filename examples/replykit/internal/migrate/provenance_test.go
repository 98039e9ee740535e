package migrate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sourceRecorder is a Converter that keeps what it was given of each page,
// by the page's provenance path.
type sourceRecorder struct {
	mu  sync.Mutex
	got map[string]PageSource
}

func (s *sourceRecorder) convert(src PageSource, data []byte) (*reply.Reply, error) {
	s.mu.Lock()
	s.got[src.Provenance.Path] = src
	s.mu.Unlock()
	return fakeConvert(src, data)
}

func sha256Hex(data string) string {
	sum := sha256.Sum256([]byte(data))
	return hex.EncodeToString(sum[:])
}

// TestRunRecordsProvenance: the Converter is given each page's name, path
// as the report shows it and SHA-256, and every reply written carries
// them, as replykit/v2; a page up to date keeps its outputs and entry.
func TestRunRecordsProvenance(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "a.html"), "<p>a file</p>")
	zipped := filepath.Join(t.TempDir(), "site.zip")
	writeZip(t, zipped, []arcItem{{name: "x/b.html", data: "<p>in a zip</p>"}})
	out := t.TempDir()
	pages := map[string]struct{ rel, data, output string }{
		filepath.Join(in, "a.html"): {"a.html", "<p>a file</p>", "a.html"},
		zipped + "!x/b.html":        {"x/b.html", "<p>in a zip</p>", "x/b.html"},
	}
	for _, run := range []string{"first", "up to date"} {
		rec := &sourceRecorder{got: map[string]PageSource{}}
		opts := fakeOptions(out, 2)
		opts.Convert = rec.convert
		rep, err := runHeld(context.Background(), Paths(in, zipped), opts)
		require.NoError(t, err, run)
		require.Len(t, rep.Pages, len(pages), run)
		for path, p := range pages {
			want := reply.Provenance{Path: path, SHA256: sha256Hex(p.data)}
			e, ok := pageFor(*rep, path)
			require.True(t, ok, path)
			assert.Equal(t, want.SHA256, e.SHA256, path)
			assert.Nil(t, e.Capture, "a file is no capture")
			if run == "first" {
				assert.Equal(t, PageSource{Rel: p.rel, Provenance: want}, rec.got[path], path)
			} else {
				assert.True(t, e.Skipped, path)
				assert.Empty(t, rec.got, "nothing converted again")
			}
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p.output)+".json"))
			require.NoError(t, err)
			r, err := reply.Unmarshal(data)
			require.NoError(t, err)
			assert.Equal(t, want, r.Provenance, path)
			assert.Equal(t, reply.FormatV2, r.Format())
		}
	}
}

// TestProcessCarriesWhatTheWalkKnows: what a walk knows of a page beside
// its name (an archive's URL, Content-Type and capture) reaches the
// Converter, the reply's provenance and the report's entry.
func TestProcessCarriesWhatTheWalkKnows(t *testing.T) {
	out := t.TempDir()
	capture := reply.Capture{URI: "http://x.gov.cn/a.html", Date: "2021-05-06T07:08:09Z", RecordID: "<urn:uuid:1>",
		PayloadDigest: "sha1:ABC", Offset: 0}
	var got PageSource
	opts := fakeOptions(out, 1)
	opts.Convert = func(src PageSource, data []byte) (*reply.Reply, error) {
		got = src
		return fakeConvert(src, data)
	}
	p := page{display: "crawl.warc.gz", rel: "x.gov.cn/a.html", out: "x.gov.cn/a.html", data: []byte("<p>captured</p>"),
		source: PageSource{URL: capture.URI, ContentType: "text/html; charset=gbk", Provenance: reply.Provenance{Capture: capture}}}
	e := process(p, &opts, nil, &dirCache{made: map[string]bool{}}, &buffers{})
	require.Nil(t, e.Error)
	want := reply.Provenance{Path: "crawl.warc.gz", SHA256: sha256Hex("<p>captured</p>"), Capture: capture}
	assert.Equal(t, PageSource{Rel: "x.gov.cn/a.html", URL: capture.URI, ContentType: "text/html; charset=gbk", Provenance: want}, got)
	require.NotNil(t, e.Capture)
	assert.Equal(t, capture, *e.Capture)
	data, err := os.ReadFile(filepath.Join(out, "x.gov.cn", "a.html.json"))
	require.NoError(t, err)
	r, err := reply.Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, want, r.Provenance)
	assert.Contains(t, string(data), "\"offset\": 0\n", "the offset is written when 0")
}

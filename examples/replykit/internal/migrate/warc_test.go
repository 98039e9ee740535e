package migrate

import (
	"context"
	"flag"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/replykit/replykit/examples/replykit/internal/treetest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/reply"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestCaptureName(t *testing.T) {
	const date = "2024-03-01T08:00:01Z"
	cases := []struct{ uri, date, want string }{
		{"http://www.example.gov.cn/zxta/2024/reply-05.html", date, "www.example.gov.cn/zxta/2024/reply-05.html@20240301080001.html"},
		{"https://WWW.Example.gov.cn:443/a/", date, "www.example.gov.cn/a/index@20240301080001.html"},
		{"http://127.0.0.1:46033/", date, "127.0.0.1_46033/index@20240301080001.html"},
		{"http://h/list.php?id=3&t=a:b", date, "h/list.php%3Fid=3&t=a%3Ab@20240301080001.html"},
		{"http://h/a/../../etc/passwd", date, "h/a/%2E%2E/%2E%2E/etc/passwd@20240301080001.html"},
		{"http://h/%2e%2e/x", date, "h/%2e%2e/x@20240301080001.html"},
		{"http://h/CON/nul.txt/com1", date, "h/%43ON/%6Eul.txt/%63om1@20240301080001.html"},
		{"http://h/a./b ", date, "h/a%2E/b%20@20240301080001.html"},
		{"http://h/政协/答复.html", date, "h/%E6%94%BF%E5%8D%8F/%E7%AD%94%E5%A4%8D.html@20240301080001.html"},
		{"http://h/x#frag", "2024-03-01T16:00:01+08:00", "h/x@20240301080001.html"},
		{"http://h/x", "", "h/x@undated.html"},
		{"http://h/x", "yesterday: noon", "h/x@yesterday%3A noon.html"},
		{"urn:x:y", date, "no-host/urn%3Ax%3Ay@20240301080001.html"},
		{"", date, "no-host/@20240301080001.html"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, captureName(c.uri, c.date), c.uri)
	}
}

// TestCaptureNameSafe: whatever the URL, the name stays within its
// folder, takes no character a file system refuses, and is bounded.
func TestCaptureNameSafe(t *testing.T) {
	uris := []string{
		"http://h/" + strings.Repeat("a", 500) + ".html",
		"http://h/" + strings.Repeat("长", 200),
		"http://h/" + strings.Repeat("%41", 200),
		"http://h/" + strings.Repeat("d/", 100) + "x",
		"http://h/..", "http://h/.", "http://h/a/..", "http://h\\..\\x/y",
		"http://h/a\x00b/c\x1fd", "http://h/\xff\xfe/x", "http://[::1]:8080/a", "http://h/a|b<c>d\"e*f?g:h",
		"file:///etc/passwd", "http://../../x", "//evil/../x",
	}
	for _, u := range uris {
		name := captureName(u, "2024-03-01T08:00:01Z")
		assert.Equal(t, name, path.Clean(name), u)
		assert.False(t, path.IsAbs(name), u)
		assert.True(t, utf8.ValidString(name), u)
		segs := strings.Split(name, "/")
		assert.LessOrEqual(t, len(segs), maxNameDepth, u)
		for _, s := range segs {
			assert.NotContains(t, []string{"", ".", ".."}, s, u)
			assert.LessOrEqual(t, len(s), maxNameSeg, "%s: %s", u, s)
			assert.False(t, strings.ContainsAny(s, ":*?\"<>|\\"), "%s: %s", u, s)
			assert.False(t, strings.HasSuffix(s, ".") || strings.HasSuffix(s, " "), "%s: %s", u, s)
			for _, r := range s {
				assert.False(t, r < 0x20 || r == 0x7f, "%s: %q", u, s)
			}
		}
		assert.True(t, strings.HasSuffix(name, "@20240301080001.html"), name)
	}
	long := "http://h/" + strings.Repeat("a", 500)
	assert.NotEqual(t, captureName(long+"1", ""), captureName(long+"2", ""), "long names that share their start differ")
}

// TestMigrateWebArchive migrates the committed web archives and compares
// the report with its golden copy (-update rewrites it): every record is
// a page or listed as ignored with its reason, duplicates and revisits
// name the first capture, and every output is within OUTDIR.
func TestMigrateWebArchive(t *testing.T) {
	for _, name := range []string{"edge.warc.gz", "crawl.wacz"} {
		t.Run(name, func(t *testing.T) {
			out := t.TempDir()
			in := filepath.Join("testdata", "warc", name)
			rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 2))
			require.NoError(t, err)
			data, err := os.ReadFile(filepath.Join(out, ReportName))
			require.NoError(t, err)
			golden := filepath.Join("testdata", "warc", name+".report.json")
			if *update {
				require.NoError(t, os.WriteFile(golden, data, 0o666))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(data))
			for _, e := range rep.Pages {
				require.Equal(t, StatusOK, e.Status, e.Path)
				for _, ext := range []string{".json", ".html"} {
					p := filepath.Join(out, filepath.FromSlash(e.Output)+ext)
					assert.FileExists(t, p)
					rel, err := filepath.Rel(out, p)
					require.NoError(t, err)
					assert.False(t, strings.HasPrefix(rel, ".."), rel)
				}
			}
		})
	}
}

func TestMigrateWARCRecords(t *testing.T) {
	out := t.TempDir()
	in := filepath.Join("testdata", "warc", "edge.warc.gz")
	rep, err := runHeld(context.Background(), Paths(in), fakeOptions(out, 1))
	require.NoError(t, err)
	assert.Equal(t, 19, rep.Totals.Pages+rep.Totals.Ignored, "every record of the 19 is a page or ignored")
	assert.Equal(t, 6, rep.Totals.Pages)
	assert.Equal(t, map[string]int{
		IgnoredRequest: 1, IgnoredMetadata: 1, IgnoredWarcinfo: 1, IgnoredStatus: 2, IgnoredNotHTML: 3,
		IgnoredTruncated: 1, IgnoredEncoding: 1, IgnoredRevisit: 1, IgnoredRevisitUnresolved: 1, IgnoredDuplicate: 1,
	}, rep.Totals.IgnoredBy)

	first := entryFor(t, *rep, "edge.warc.gz@262")
	assert.Equal(t, "www.example.gov.cn/zxta/2024/reply-05.html@20240301080001.html", first.Output)
	again := entryFor(t, *rep, "edge.warc.gz@2222")
	assert.Equal(t, "www.example.gov.cn/zxta/2024/reply-05.html@20240308080001.html", again.Output, "a second capture of the URL")
	dup, ok := ignoredFor(*rep, "edge.warc.gz@2950")
	require.True(t, ok)
	assert.Equal(t, IgnoredDuplicate, dup.Reason)
	assert.Equal(t, "http://www.example.gov.cn/mirror/reply-05.html at 2024-03-01T08:00:03Z: the same body as "+in+"@262", dup.Detail)
	rev, ok := ignoredFor(*rep, "edge.warc.gz@3661")
	require.True(t, ok)
	assert.Equal(t, IgnoredRevisit, rev.Reason)
	assert.True(t, strings.HasSuffix(rev.Detail, "the payload of "+in+"@262"), rev.Detail)
	esc := entryFor(t, *rep, "edge.warc.gz@8624")
	assert.Equal(t, "www.example.gov.cn/zxta/%2E%2E/%2E%2E/etc/%43ON/a%2F..%2Fb.html%3Fx=1&y=a%3Ab%2Ac@20240301080013.html", esc.Output)

	// Over the size limit, a page fails as a file's would.
	out2 := t.TempDir()
	opts := fakeOptions(out2, 1)
	opts.MaxBytes = 500
	rep, err = runHeld(context.Background(), Paths(in), opts)
	require.NoError(t, err)
	assert.Equal(t, 6, rep.Totals.Failures[KindTooLarge], "the six pages of over 500 bytes; the revisit of one is a revisit still")
	assert.Equal(t, 1, rep.Totals.IgnoredBy[IgnoredRevisit])
}

// TestMigrateWARCInFolder: a WARC met in a folder is read as given
// alone; captures of the same body in two WARCs are one page.
func TestMigrateWARCInFolder(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "warc", "edge.warc.gz"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.warc.gz"), data, 0o666))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.WARC.GZ"), data, 0o666))
	rep, err := runHeld(context.Background(), Paths(dir), fakeOptions(out, 2))
	require.NoError(t, err)
	assert.Equal(t, 6, rep.Totals.Pages)
	assert.Equal(t, 38, rep.Totals.Pages+rep.Totals.Ignored)
	assert.Equal(t, 8, rep.Totals.IgnoredBy[IgnoredDuplicate], "the mirror in each copy, and the six pages of the second")
	// The revisit of reply-40 names the digest of an empty body: in the
	// second copy it resolves to the first copy's 302, read since.
	assert.Equal(t, 3, rep.Totals.IgnoredBy[IgnoredRevisit])
	assert.Equal(t, 1, rep.Totals.IgnoredBy[IgnoredRevisitUnresolved])
	ig, ok := ignoredFor(*rep, "b.WARC.GZ@4078")
	require.True(t, ok)
	assert.Equal(t, "http://www.example.gov.cn/zxta/2023/reply-40.html at 2024-03-15T08:00:02Z: the payload of "+
		filepath.Join(dir, "a.warc.gz")+"@4472, which is no page (http-status)", ig.Detail)
}

// TestMigrateWARCDamaged: a WARC that is not one fails as an archive;
// the pages before a damaged gzip member stay.
func TestMigrateWARCDamaged(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	data, err := os.ReadFile(filepath.Join("testdata", "warc", "edge.warc.gz"))
	require.NoError(t, err)
	bad := append(append([]byte{}, data[:2222]...), []byte("\x1f\x8bnot a gzip member at all")...)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.warc.gz"), bad, 0o666))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "none.warc"), []byte("<html>no warc</html>"), 0o666))
	rep, err := runHeld(context.Background(), Paths(filepath.Join(dir, "bad.warc.gz"), filepath.Join(dir, "none.warc")), fakeOptions(out, 1))
	require.NoError(t, err)
	assert.Equal(t, 2, rep.Totals.Failures[KindArchive])
	assert.Equal(t, 2, rep.Totals.Replies, "the two pages before the damage")
	e := entryFor(t, *rep, "bad.warc.gz")
	assert.Contains(t, e.Error.Message, "at byte 2222")
}

// TestMigrateWARCSource: the converter is given a capture's URL and
// Content-Type, and each reply written records the capture it came from.
func TestMigrateWARCSource(t *testing.T) {
	out := t.TempDir()
	in := filepath.Join("testdata", "warc", "edge.warc.gz")
	opts := fakeOptions(out, 2)
	var mu sync.Mutex
	seen := map[string]PageSource{}
	opts.Convert = func(src PageSource, data []byte) (*reply.Reply, error) {
		mu.Lock()
		seen[src.Rel] = src
		mu.Unlock()
		return fakeConvert(src, data)
	}
	rep, err := runHeld(context.Background(), Paths(in), opts)
	require.NoError(t, err)
	require.Len(t, seen, rep.Totals.Pages)
	gbk := seen["www.example.gov.cn/zxta/2024/reply-09.html@20240301080002.html"]
	assert.Equal(t, "text/html; charset=GBK", gbk.ContentType)
	assert.Equal(t, "www.example.gov.cn/zxta/2024/reply-09.html@20240301080002.html", gbk.Rel)
	assert.Equal(t, in, gbk.Provenance.Path)
	assert.Equal(t, reply.Capture{URI: "http://www.example.gov.cn/zxta/2024/reply-09.html", Date: "2024-03-01T08:00:02Z",
		RecordID: "<urn:uuid:00000000-0000-4000-8000-000000000005>", PayloadDigest: gbk.Provenance.Capture.PayloadDigest, Offset: 1596},
		gbk.Provenance.Capture)
	assert.True(t, strings.HasPrefix(gbk.Provenance.Capture.PayloadDigest, "sha1:"))

	e := entryFor(t, *rep, "edge.warc.gz@1596")
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(e.Output)+".json"))
	require.NoError(t, err)
	r, err := reply.Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, gbk.Provenance.Capture, r.Provenance.Capture)
	assert.Equal(t, in, r.Provenance.Path)
	assert.Equal(t, e.SHA256, r.Provenance.SHA256)
	require.NotNil(t, e.Capture)
	assert.Equal(t, gbk.Provenance.Capture, *e.Capture)
}

// TestWebArchiveShards: shards of a run over web archives, merged, leave
// what one run leaves, and convert each capture once between them:
// captures are handed on through the walk's one place, and every shard
// decides duplicates and revisits alike.
func TestWebArchiveShards(t *testing.T) {
	root := t.TempDir()
	inputs := Paths(filepath.Join("testdata", "warc", "edge.warc.gz"), filepath.Join("testdata", "warc", "crawl.wacz"))
	single := filepath.Join(root, "single")
	var singleCalls atomic.Int64
	rep, err := runHeld(context.Background(), inputs, shardOptions(single, &singleCalls))
	require.NoError(t, err)
	require.Positive(t, rep.Totals.IgnoredBy[IgnoredDuplicate])
	out := filepath.Join(root, "sharded")
	var calls atomic.Int64
	merged := runShards(t, inputs, out, 3, &calls)
	treetest.Equal(t, treetest.Read(t, single), treetest.Read(t, out))
	assert.Equal(t, singleCalls.Load(), calls.Load())
	assert.Equal(t, rep.Totals, merged.Totals)
}

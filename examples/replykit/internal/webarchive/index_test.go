package webarchive

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIndexResolve pins how a revisit finds the capture it refers to:
// by record ID (the last of an ID), payload digest (the first, whatever
// the case of the algorithm and value) or target URI and date (the
// first), in that order, and what is said when none is found; the same
// whether the captures are held in memory or written to disk.
func TestIndexResolve(t *testing.T) {
	for _, mem := range []int{0, 1, 2} {
		t.Run(fmt.Sprint("mem", mem), func(t *testing.T) { testIndexResolve(t, mem) })
	}
}

func testIndexResolve(t *testing.T, mem int) {
	dir := t.TempDir()
	x, err := NewIndex(IndexOptions{Dir: dir, MemEntries: mem})
	require.NoError(t, err)
	for _, it := range []Item{
		{File: "a.warc.gz", Offset: 0, RecordID: "<urn:uuid:1>", PayloadDigest: "sha1:AAAA", URI: "http://x/1", Date: "2024-01-01T00:00:00Z"},
		{File: "a.warc.gz", Offset: 500, RecordID: "<urn:uuid:2>", PayloadDigest: "sha1:AAAA", URI: "http://x/1", Date: "2024-01-01T00:00:00Z", Reason: ReasonNotHTML},
		{File: "b.warc", Offset: 70, InMember: 9, RecordID: "<urn:uuid:1>", PayloadDigest: "SHA-1:bbbb", URI: "http://x/2", Date: "2024-02-01T00:00:00Z", Reason: ReasonStatus},
		{File: "b.warc", Offset: 80, URI: "http://x/3", Date: "2024-03-01T00:00:00Z"},
	} {
		require.NoError(t, x.add(&it))
	}
	a0 := &Ref{File: "a.warc.gz"}
	a500 := &Ref{File: "a.warc.gz", Offset: 500, Reason: ReasonNotHTML}
	b70 := &Ref{File: "b.warc", Offset: 70, InMember: 9, Reason: ReasonStatus}
	b80 := &Ref{File: "b.warc", Offset: 80}
	for _, c := range []struct {
		name, id, digest, uri, date string
		want                        *Ref
		how                         string
	}{
		{name: "id, the last of it", id: "<urn:uuid:1>", want: b70, how: "record <urn:uuid:1>"},
		{name: "id before digest", id: "<urn:uuid:2>", digest: "sha1:BBBB", want: a500, how: "record <urn:uuid:2>"},
		{name: "digest, the first", digest: "sha1:AAAA", want: a0, how: "payload digest sha1:AAAA"},
		{name: "digest, case and dash", digest: "sha-1:bbbb", want: b70, how: "payload digest sha-1:bbbb"},
		{name: "unknown id, then digest", id: "<urn:uuid:9>", digest: "sha1:aaaa", want: a0, how: "payload digest sha1:aaaa"},
		{name: "uri and date, the first", uri: "http://x/1", date: "2024-01-01T00:00:00Z", want: a0, how: "http://x/1 at 2024-01-01T00:00:00Z"},
		{name: "uri without digest", digest: "sha1:CCCC", uri: "http://x/3", date: "2024-03-01T00:00:00Z", want: b80, how: "http://x/3 at 2024-03-01T00:00:00Z"},
		{name: "uri at another date", uri: "http://x/3", date: "2024-03-02T00:00:00Z",
			how: "no capture read before it has http://x/3 at 2024-03-02T00:00:00Z"},
		{name: "nothing found", id: "<urn:uuid:9>", digest: "sha1:DDDD", uri: "http://x/9", date: "d",
			how: "no capture read before it has record <urn:uuid:9>, or payload digest sha1:DDDD, or http://x/9 at d"},
		{name: "a digest without algorithm", digest: "AAAA", how: "no capture read before it has payload digest AAAA"},
		{name: "nothing named", how: "the revisit names no record, digest or URI"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ref, how, err := x.resolve(c.id, c.digest, c.uri, c.date)
			require.NoError(t, err)
			assert.Equal(t, c.want, ref)
			assert.Equal(t, c.how, how)
		})
	}
	require.NoError(t, x.Close())
	left, _ := os.ReadDir(dir)
	assert.Empty(t, left)
}

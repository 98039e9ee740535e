package reply

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRepliesRoundTrip reads each reply of testdata/replies, v1 and v2,
// and writes it back to the same bytes, under the same tag.
func TestRepliesRoundTrip(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "replies", "*.json"))
	require.NoError(t, err)
	tags := map[string]int{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		r, err := Unmarshal(data)
		require.NoError(t, err, path)
		out, err := Marshal(r)
		require.NoError(t, err)
		assert.Equal(t, string(data), string(out), path)
		assert.Equal(t, formatIn(data), r.Format(), path)
		assert.Equal(t, r.Format() == FormatV2, !r.Provenance.IsZero(), path)
		tags[r.Format()]++
	}
	assert.NotZero(t, tags[FormatV1])
	assert.NotZero(t, tags[FormatV2])
}

// TestProvenanceRead: the capture of a v2 file reads into the model, and
// a document takes the lowest tag that holds it: a v2 document without
// provenance reads, and writes back as v1.
func TestProvenanceRead(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "replies", "provenance_capture.json"))
	require.NoError(t, err)
	r, err := Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, Provenance{Path: "crawl.warc.gz", SHA256: "5b62e4fa6334cc01ea7b67361660277bc6d13266a57ed708e1cb8514b0ebe03b",
		Capture: Capture{URI: "http://www.example.gov.cn/zwgk/2023/0320/notice.html", Date: "2023-03-21T08:15:02Z",
			RecordID: "<urn:uuid:5f1c2a9e-8d3b-4c47-9a61-2e0b7d4f3c18>", PayloadDigest: "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"}}, r.Provenance)
	require.NoError(t, r.Validate())

	bare, err := Unmarshal([]byte(`{"format": "replykit/v2", "kind": "other", "title": "t"}`))
	require.NoError(t, err)
	assert.True(t, bare.Provenance.IsZero())
	out, err := Marshal(bare)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(out), "{\n  \"format\": \"replykit/v1\",\n"), string(out))

	var nilReply *Reply
	assert.Equal(t, FormatV1, nilReply.Format())
	assert.True(t, KnownFormat(FormatV1) && KnownFormat(FormatV2))
	assert.False(t, KnownFormat("replykit/v3"))
}

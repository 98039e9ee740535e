package reply

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnmarshalEmptyHeaderAndTrailer: an empty list is read as no list, as
// the format writes it, so that the text of what was read is the text of
// what is written.
func TestUnmarshalEmptyHeaderAndTrailer(t *testing.T) {
	data := []byte(`{"format":"replykit/v1","kind":"other","title":"t","header":[],"trailer":[],` +
		`"signature":{"office":"某局","date":"2017-03-16","dateText":"2017年3月16日"}}`)
	r, err := Unmarshal(data)
	require.NoError(t, err)
	assert.Nil(t, r.Header)
	assert.Nil(t, r.Trailer)
	assert.Equal(t, []string{"t", "某局", "2017年3月16日"}, r.Lines(), "the canonical trailer")
	out, err := Marshal(r)
	require.NoError(t, err)
	back, err := Unmarshal(out)
	require.NoError(t, err)
	assert.Equal(t, r, back)
}

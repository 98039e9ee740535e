package reply

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// inferredReply is the seed without its title line: the title was made
// from the proposal.
func inferredReply() *Reply {
	r := seedReply()
	r.Title = "关于县政协十届一次会议第73号提案的答复"
	r.TitleInferred = true
	return r
}

func TestInferredTitleIsNotText(t *testing.T) {
	r := inferredReply()
	lines := r.Lines()
	require.NotEmpty(t, lines)
	assert.Equal(t, "涂轶、李勇委员:", lines[0], "the salutation comes first: the title is not a line")
	assert.NotContains(t, r.PlainText(), r.Title)
	assert.Len(t, lines, len(seedReply().Lines())-1)

	// With header lines, those are the text, and none is the title.
	r.Header = []Line{{Text: "旺苍县人民政府办公室", Field: FieldOffice}}
	assert.Equal(t, "旺苍县人民政府办公室", r.Lines()[0])
	assert.NoError(t, r.Validate())

	// A title that is a line of the text is written.
	r = inferredReply()
	r.TitleInferred = false
	assert.Equal(t, r.Title, r.Lines()[0])
}

func TestInferredTitleJSON(t *testing.T) {
	r := inferredReply()
	data, err := Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), "  \"title\": \"关于县政协十届一次会议第73号提案的答复\",\n  \"titleInferred\": true,\n", "titleInferred right after title")
	got, err := Unmarshal(data)
	require.NoError(t, err)
	assert.Equal(t, r, got)
	assert.NoError(t, validateJSON(t, compileSchema(t), data))

	// Left out when false, and refused when not a boolean.
	plain, err := Marshal(seedReply())
	require.NoError(t, err)
	assert.NotContains(t, string(plain), "titleInferred")
	bad := strings.Replace(string(data), `"titleInferred": true`, `"titleInferred": "yes"`, 1)
	_, err = Unmarshal([]byte(bad))
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Contains(t, se.Error(), "titleInferred")
	assert.Error(t, validateJSON(t, compileSchema(t), []byte(bad)))
}

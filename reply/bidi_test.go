package reply

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIsBidiControl(t *testing.T) {
	controls := []rune{'\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c',
		'\u202d', '\u202e', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff'}
	for _, r := range controls {
		assert.True(t, IsBidiControl(r), "%U", r)
	}
	// Neighbours, and the characters of Chinese text that share their
	// first bytes: quotation marks, dashes, the ellipsis, full-width forms.
	for _, r := range []rune{'\u061b', '\u200a', '\u2010', '\u2014', '\u201c', '\u201d', '\u2026', '\u2028', '\u2029',
		'\u2065', '\u206a', '\u202f', '\ufefe', '\uff0c', '\u3000', '中', 'a', utf8.RuneError} {
		assert.False(t, IsBidiControl(r), "%U", r)
	}
}

func TestHasBidiControl(t *testing.T) {
	tests := []struct {
		s    string
		at   int
		want rune
	}{
		{"", -1, 0},
		{"“一核多元”——社区治理…", -1, 0},
		{"涂轶\u202e委员", 6, '\u202e'},
		{"\u200d", 0, '\u200d'},
		{"a\ufeffb\u202a", 1, '\ufeff'},
		{"ab\u061c", 2, '\u061c'},
		{"\xe2\xe2\x80\xae", 1, '\u202e'},
		{"\xe2\x80", -1, 0},
		{"\xe2", -1, 0},
		{"中\u2066x\u2069", 3, '\u2066'},
	}
	for _, tt := range tests {
		at, r := indexBidiControl(tt.s)
		assert.Equal(t, tt.want, r, "%q", tt.s)
		if tt.want != 0 {
			assert.Equal(t, tt.at, at, "%q", tt.s)
		}
		assert.Equal(t, tt.want != 0, HasBidiControl(tt.s), "%q", tt.s)
	}
}

// FuzzHasBidiControl holds indexBidiControl to its one-line definition:
// the first character for which IsBidiControl holds.
func FuzzHasBidiControl(f *testing.F) {
	f.Add("涂轶\u202e委员“”\ufeff")
	f.Add("\xe2\xe2\x80\xae\xd8\x9c")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.IndexFunc(s, IsBidiControl)
		at, r := indexBidiControl(s)
		if want < 0 {
			if r != 0 {
				t.Fatalf("indexBidiControl(%q) = %d, %U; want none", s, at, r)
			}
			return
		}
		if c, _ := utf8.DecodeRuneInString(s[want:]); at != want || r != c {
			t.Fatalf("indexBidiControl(%q) = %d, %U; want %d, %U", s, at, r, want, c)
		}
	})
}

func TestBidiWarnings(t *testing.T) {
	assert.Nil(t, seedReply().BidiWarnings())
	r := &Reply{Kind: KindProposalReply, Title: "关于\u202e某事的答复",
		Addressees: []Addressee{{Name: "涂轶"}, {Name: "李\u200d勇"}},
		Sections:   []Section{{Marker: "一、", Number: 1, Sections: []Section{{Marker: "（一）", Number: 1, Heading: "\u2067小节"}}}},
		Opening:    []Block{{Text: "正文里的\u200b不算：只查标题和名称。"}},
		Signature:  Signature{Office: "某局\ufeff"},
	}
	ws := r.BidiWarnings()
	require.Len(t, ws, 4)
	for _, w := range ws {
		assert.Equal(t, CodeBidiControl, w.Code)
	}
	assert.Equal(t, "title holds U+202E at byte 6, a control that changes how the text around it is shown; kept as written", ws[0].Message)
	assert.True(t, strings.HasPrefix(ws[1].Message, "addressees[1].name holds U+200D at byte 3,"), ws[1].Message)
	assert.True(t, strings.HasPrefix(ws[2].Message, "sections[0].sections[0].heading holds U+2067 at byte 0,"), ws[2].Message)
	assert.True(t, strings.HasPrefix(ws[3].Message, "signature.office holds U+FEFF at byte 6,"), ws[3].Message)
	require.NoError(t, r.Validate(), "the text is kept and the reply stays valid")
}

package parse

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFoldSpaceEveryWidth: every white space that Unicode knows, and the
// zero-width space and BOM, fold as the page reader folds them, so that a
// line of such spaces is blank and no reply keeps a line that is empty
// to Validate.
func TestFoldSpaceEveryWidth(t *testing.T) {
	spaces := []rune{'\u0085', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2004', '\u2005', '\u2006', '\u2007',
		'\u2008', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'}
	for _, sp := range spaces {
		s := string(sp)
		assert.True(t, isSpace(sp), "%U", sp)
		got, indent := foldSpace(s + "甲" + s + s + "乙" + s)
		assert.Equal(t, "甲 乙", got, "%U", sp)
		assert.True(t, indent, "%U", sp)
		assert.Equal(t, "甲乙", reply.NormalizeWhitespace("甲"+s+"乙"), "%U", sp)
	}
	rep, err := Text("000\n\u2000\n\u205f\u2028\n")
	require.NoError(t, err)
	assert.Equal(t, []string{"000"}, rep.Lines())
}

// foldDefinition is what foldSpace gives: the line's runs of white space
// folded to one space and trimmed, and whether white space led it.
func foldDefinition(line string) (string, bool) {
	return strings.Join(strings.FieldsFunc(line, isSpace), " "), strings.IndexFunc(line, isSpace) == 0
}

// TestFoldSpaceFastPath checks the lines foldSpace only trims, and those
// it folds, against its definition, with every white space character
// at the start, inside and at the end.
func TestFoldSpaceFastPath(t *testing.T) {
	spaces := []string{" ", "  ", "\t", "\u3000", "\u3000\u3000", "\u00a0", "\u0085", "\u1680", "\u2000", "\u2005",
		"\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\ufeff", " \u3000 "}
	for _, sp := range spaces {
		for _, line := range []string{sp + "正文", "正文" + sp, sp + "正文" + sp, sp + "甲" + sp + "乙" + sp,
			"甲" + sp + "乙", "甲 乙" + sp, sp + "甲 乙", sp, sp + "\xff" + sp, "\xe3\x80" + sp} {
			want, wantIndent := foldDefinition(line)
			got, indent := foldSpace(line)
			assert.Equal(t, want, got, "%q", line)
			assert.Equal(t, wantIndent, indent, "%q", line)
		}
	}
	// A trimmed line is a substring of the line: nothing is copied.
	line := "\u3000\u3000你们在县政协十届一次会议上提出的提案收悉。 "
	got, indent := foldSpace(line)
	assert.Equal(t, "你们在县政协十届一次会议上提出的提案收悉。", got)
	assert.True(t, indent)
	assert.Equal(t, 0, strings.Index(line[len("\u3000\u3000"):], got))
	assert.Equal(t, 0.0, testing.AllocsPerRun(10, func() { foldSpace(line) }))
}

// TestSpaceBytesMatchDecode checks spaceAt and spaceBefore, which read
// white space by its bytes, against a rune decode, for every character
// and for bytes around the multi-byte spaces.
func TestSpaceBytesMatchDecode(t *testing.T) {
	check := func(s string) {
		t.Helper()
		r, size := utf8.DecodeRuneInString(s)
		want := 0
		if isSpace(r) {
			want = size
		}
		require.Equal(t, want, spaceAt(s, 0), "spaceAt %q", s)
		r, size = utf8.DecodeLastRuneInString(s)
		want = 0
		if isSpace(r) {
			want = size
		}
		require.Equal(t, want, spaceBefore(s, len(s)), "spaceBefore %q", s)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		check(string(r))
		require.Equal(t, isSpace(r), hasSpace(string(r)), "%U", r)
	}
	for _, lead := range []string{"\xc2", "\xe1", "\xe2", "\xe3", "\xef", "\xe1\x9a", "\xe2\x80", "\xe2\x81", "\xe3\x80", "\xef\xbb"} {
		for c := 0; c < 256; c++ {
			check(lead + string([]byte{byte(c)}))
			check(string([]byte{byte(c)}) + lead)
			check("\xe4" + lead + string([]byte{byte(c)}))
		}
	}
}

package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readFixture returns the text of parse/testdata/texts/name.
func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "texts", name))
	require.NoError(t, err)
	return string(b)
}

// bodyText returns the input without the lines that the text reader took
// as page furniture, each byte of invalid UTF-8 as U+FFFD: the text that
// must all land in the reply.
func bodyText(t testing.TB, input string) string {
	t.Helper()
	input, _, _ = replaceInvalid(input)
	cfg := newConfig(nil)
	_, furniture, err := splitText(input, &cfg)
	require.NoError(t, err)
	skip := make(map[int]bool, len(furniture))
	for _, n := range furniture {
		skip[n] = true
	}
	var b strings.Builder
	n := 0
	for _, line := range splitLines(input) {
		n++
		if skip[n] {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// splitLines splits s at \n, \r\n and \r, as the text reader does.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// assertNothingLost checks that every character of the body, white space
// aside, is in the reply's plain text, in order.
func assertNothingLost(t testing.TB, input string, rep *reply.Reply) bool {
	t.Helper()
	want := reply.NormalizeWhitespace(bodyText(t, input))
	got := reply.NormalizeWhitespace(rep.PlainText())
	return assert.Equal(t, want, got, "plain text differs from the body text")
}

// assertValid checks the reply with reply.Validate. Only a reply whose
// title could be neither read nor made (Title empty, a warning CodeNoTitle
// says so) may lack its title.
func assertValid(t testing.TB, rep *reply.Reply) bool {
	t.Helper()
	return assert.Empty(t, validationProblems(rep), "validation problems")
}

// validationProblems returns what Validate finds in rep, less the empty
// title of a reply whose title could not be made.
func validationProblems(rep *reply.Reply) []reply.Problem {
	err := rep.Validate()
	if err == nil {
		return nil
	}
	ve, ok := err.(*reply.ValidationError)
	if !ok {
		return []reply.Problem{{Path: "", Message: fmt.Sprintf("Validate returned %T: %v", err, err)}}
	}
	untitled := rep.Title == "" && hasWarning(rep, CodeNoTitle)
	var rest []reply.Problem
	for _, p := range ve.Problems {
		if untitled && (p.Path == "title" || p.Path == "header") {
			continue
		}
		rest = append(rest, p)
	}
	return rest
}

func hasWarning(rep *reply.Reply, code string) bool {
	for _, w := range rep.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

// checkGolden compares the reply's reference JSON with testdata/golden/name,
// or rewrites the file with -update.
func checkGolden(t testing.TB, name string, rep *reply.Reply) {
	t.Helper()
	got, err := reply.Marshal(rep)
	require.NoError(t, err)
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file missing: run go test ./parse -update")
	assert.Equal(t, string(want), string(got), "reply differs from %s", path)
}

// headings returns the markers and headings of sections, one a string.
func headings(ss []reply.Section) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Marker + s.Heading
	}
	return out
}

// names returns the addressees as 「name/role」.
func names(as []reply.Addressee) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name+"/"+string(a.Role))
	}
	return out
}

// pointMarkers returns the markers of a block's points.
func pointMarkers(b reply.Block) []string {
	var out []string
	for _, p := range b.Points {
		out = append(out, p.Marker)
	}
	return out
}

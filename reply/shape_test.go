package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shapeGolden holds well-formed JSON values, replies and not, right and
// wrong, one a line, each followed by a tab and what checkShape says of it
// ("ok" for nothing); -update rewrites what it says.
const shapeGolden = "testdata/shape.golden"

func TestCheckShape(t *testing.T) {
	data, err := os.ReadFile(filepath.FromSlash(shapeGolden))
	require.NoError(t, err)
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		in, want, ok := strings.Cut(line, "\t")
		require.True(t, ok, "a line is the input, a tab and the verdict: %q", line)
		require.True(t, json.Valid([]byte(in)), "%s is not JSON", in)
		got := "ok"
		if err := checkShape([]byte(in), formatIn([]byte(in))); err != nil {
			got = err.Error()
			var se *SyntaxError
			require.ErrorAs(t, err, &se, in)
		}
		assert.Equal(t, want, got, in)
		out.WriteString(in + "\t" + got + "\n")
	}
	if *update {
		require.NoError(t, os.WriteFile(filepath.FromSlash(shapeGolden), []byte(out.String()), 0o644))
	}
	seed, err := Marshal(seedReply())
	require.NoError(t, err)
	assert.NoError(t, checkShape(seed, FormatV1))
}

// formatIn is the top-level "format" of a JSON document, as checkFormat
// would find it, or "" when it has none that is a string.
func formatIn(data []byte) string {
	var head struct{ Format any }
	if json.Unmarshal(data, &head) != nil {
		return ""
	}
	f, _ := head.Format.(string)
	return f
}

// FuzzCheckShape: whatever well-formed JSON checkShape lets through, the
// standard decoder reads into the wire form without an error; whatever it
// refuses, it places by a byte offset within the input and that offset's
// line.
func FuzzCheckShape(f *testing.F) {
	data, err := os.ReadFile(filepath.FromSlash(shapeGolden))
	if err != nil {
		f.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		in, _, _ := strings.Cut(line, "\t")
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		err := checkShape(data, formatIn(data))
		if err == nil {
			w := wireReply{replyFields: &replyFields{}}
			if err := json.Unmarshal(data, &w); err != nil {
				t.Fatalf("checkShape let %s through, but the decoder says %v", data, err)
			}
			return
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("checkShape(%s) = %v, not a *SyntaxError", data, err)
		}
		if se.Offset < 0 || se.Offset > int64(len(data)) || se.Line != bytes.Count(data[:se.Offset], []byte{'\n'})+1 {
			t.Fatalf("checkShape(%s) placed at byte %d, line %d", data, se.Offset, se.Line)
		}
	})
}

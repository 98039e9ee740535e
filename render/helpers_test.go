package render_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// casesDir holds one folder a case: reply.json, a reply in the reference
// format, and beside it the golden outputs that TestGoldens writes.
const casesDir = "testdata/cases"

// seedPath is the seed notice's reply, the main golden input.
const seedPath = casesDir + "/seed/reply.json"

// loadReply decodes the reply at path and checks that it is valid.
func loadReply(t testing.TB, path string) *reply.Reply {
	t.Helper()
	data, err := os.ReadFile(filepath.FromSlash(path))
	require.NoError(t, err)
	r, err := reply.Unmarshal(data)
	require.NoError(t, err, path)
	require.NoError(t, r.Validate(), path)
	return r
}

// loadSeed decodes the seed reply and checks that it is valid.
func loadSeed(t testing.TB) *reply.Reply { return loadReply(t, seedPath) }

// goldenReplies returns the reply of every case, by case name.
func goldenReplies(t testing.TB) map[string]*reply.Reply {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(filepath.FromSlash(casesDir), "*", "reply.json"))
	require.NoError(t, err)
	require.NotEmpty(t, paths, "no cases under %s", casesDir)
	out := map[string]*reply.Reply{}
	for _, path := range paths {
		out[filepath.Base(filepath.Dir(path))] = loadReply(t, path)
	}
	return out
}

// sortedKeys returns m's keys in order, so that subtests run in a fixed
// order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// renderHTML renders r and fails the test on an error.
func renderHTML(t testing.TB, r *reply.Reply, opts ...render.Option) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, render.HTML(&buf, r, opts...))
	return buf.Bytes()
}

// withoutWarnings returns a copy of r without its warnings, which HTML
// does not write.
func withoutWarnings(r *reply.Reply) *reply.Reply {
	c := *r
	c.Warnings = nil
	return &c
}

// readBack parses rendered HTML with parse.HTML.
func readBack(t testing.TB, page []byte) *reply.Reply {
	t.Helper()
	got, err := parse.HTML(bytes.NewReader(page))
	require.NoError(t, err)
	return got
}

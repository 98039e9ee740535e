package render_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedPath is the hand-built seed reply, the main golden input.
const seedPath = "../reply/testdata/seed.json"

// loadSeed decodes the seed reply and checks that it is valid.
func loadSeed(t testing.TB) *reply.Reply {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if os.IsNotExist(err) {
		t.Skip("reply/testdata/seed.json is absent")
	}
	require.NoError(t, err)
	r, err := reply.Unmarshal(data)
	require.NoError(t, err)
	require.NoError(t, r.Validate())
	return r
}

// goldenReplies returns every valid reply in a reference-format file of
// the repository (reply/testdata/seed.json, parse/testdata/golden/*.json…),
// by path.
func goldenReplies(t *testing.T) map[string]*reply.Reply {
	t.Helper()
	out := map[string]*reply.Reply{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// Skip fuzz corpora, hidden folders and this package's own
			// outputs, which repeat the seed.
			if name := d.Name(); name == "fuzz" || (strings.HasPrefix(name, ".") && path != "..") ||
				filepath.ToSlash(path) == "../render/testdata" {
				return filepath.SkipDir
			}
			return nil
		}
		if filepath.Ext(path) != ".json" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Contains(data, []byte(`"format": "replykit/v1"`)) {
			return nil
		}
		// Fixtures of broken files stand beside the goldens; only valid
		// replies are goldens.
		r, err := reply.Unmarshal(data)
		if err != nil || r.Validate() != nil {
			return nil
		}
		out[path] = r
		return nil
	})
	require.NoError(t, err)
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

package treetest

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Read returns every file under dir, by its slash-separated path relative
// to dir, with its bytes.
func Read(tb testing.TB, dir string) map[string][]byte {
	tb.Helper()
	files := map[string][]byte{}
	require.NoError(tb, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	}))
	return files
}

// T is what Equal reports to: a *testing.T, or any recorder of errors.
type T interface {
	Helper()
	Errorf(format string, args ...any)
}

// Equal asserts that two trees (see Read) hold the same files with the
// same bytes, showing a file that differs as text, and reports whether
// they do; msgAndArgs name the trees compared.
func Equal(tb T, want, got map[string][]byte, msgAndArgs ...any) bool {
	tb.Helper()
	ok := assert.ElementsMatch(tb, slices.Sorted(maps.Keys(want)), slices.Sorted(maps.Keys(got)), msgAndArgs...)
	for _, name := range slices.Sorted(maps.Keys(want)) {
		if g, found := got[name]; found && !bytes.Equal(want[name], g) {
			ok = assert.Equal(tb, string(want[name]), string(g), append([]any{name + ": "}, msgAndArgs...)...) && ok
		}
	}
	return ok
}

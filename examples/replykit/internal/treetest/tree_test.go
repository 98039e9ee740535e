package treetest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRead reads a tree of two files, one in a folder, by slash paths.
func TestRead(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "top.json"), []byte("1"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a", "b", "c.html"), []byte("<p>2"), 0o644))
	assert.Equal(t, map[string][]byte{"top.json": []byte("1"), "a/b/c.html": []byte("<p>2")}, Read(t, dir))
}

// TestEqual tells equal trees from trees that differ in a name or a byte.
func TestEqual(t *testing.T) {
	tree := map[string][]byte{"a": []byte("x"), "b/c": []byte("y")}
	for _, tt := range []struct {
		name string
		got  map[string][]byte
		want bool
	}{
		{"same", map[string][]byte{"a": []byte("x"), "b/c": []byte("y")}, true},
		{"a byte differs", map[string][]byte{"a": []byte("x"), "b/c": []byte("z")}, false},
		{"a file missing", map[string][]byte{"a": []byte("x")}, false},
		{"a file more", map[string][]byte{"a": []byte("x"), "b/c": []byte("y"), "d": nil}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			assert.Equal(t, tt.want, Equal(rec, tree, tt.got, tt.name))
			assert.Equal(t, !tt.want, rec.failed, "an error reported")
		})
	}
}

// recorder is a T that keeps whether an error was reported.
type recorder struct{ failed bool }

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }

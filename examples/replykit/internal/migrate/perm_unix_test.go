//go:build unix

package migrate

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withUmask runs f with the process's umask set to mask. The umask is the
// process's: tests that use this do not run in parallel.
func withUmask(mask int, f func()) {
	old := syscall.Umask(mask)
	defer syscall.Umask(old)
	f()
}

func TestOutputsAreCreatedAsWriteFileWould(t *testing.T) {
	for _, tt := range []struct {
		umask          int
		file, dir      fs.FileMode
		fileDesc, name string
	}{
		{0o022, 0o644, 0o755, "rw-r--r--", "umask 022"},
		{0o027, 0o640, 0o750, "rw-r-----", "umask 027"},
		{0o002, 0o664, 0o775, "rw-rw-r--", "umask 002"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
			writeFile(t, filepath.Join(in, "sub", "a.html"), "<p>a</p>")
			opts := fakeOptions(out, 1)
			opts.FS, opts.NoSync = OS{}, true
			withUmask(tt.umask, func() {
				_, err := runHeld(context.Background(), Paths(in), opts)
				require.NoError(t, err)
				// The temporary-name path on its own.
				f, err := OS{}.CreateTemp(out, tempPattern)
				require.NoError(t, err)
				info, err := os.Stat(f.Name())
				require.NoError(t, err)
				assert.Equal(t, tt.file, info.Mode().Perm(), "temporary file")
				require.NoError(t, f.Close())
				require.NoError(t, os.Remove(f.Name()))
			})
			for _, name := range []string{ReportName, "sub/a.html.json", "sub/a.html.html"} {
				info, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
				require.NoError(t, err)
				assert.Equal(t, tt.file, info.Mode().Perm(), "%s is %s", name, tt.fileDesc)
			}
			for _, dir := range []string{out, filepath.Join(out, "sub")} {
				info, err := os.Stat(dir)
				require.NoError(t, err)
				assert.Equal(t, tt.dir, info.Mode().Perm(), dir)
			}
		})
	}
}

func TestCreateTempNamesAreNewEachTime(t *testing.T) {
	dir := t.TempDir()
	seen := map[string]bool{}
	for range 50 {
		f, err := createTemp(dir, "x-*.tmp", 0o600)
		require.NoError(t, err)
		require.NoError(t, f.Close())
		name := filepath.Base(f.Name())
		assert.False(t, seen[name], name)
		assert.Regexp(t, `^x-[0-9]+\.tmp$`, name)
		seen[name] = true
	}
}

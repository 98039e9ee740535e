//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package migrate

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// mkfifo makes a FIFO.
func mkfifo(t testing.TB, name string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
	require.NoError(t, syscall.Mkfifo(name, 0o644))
}

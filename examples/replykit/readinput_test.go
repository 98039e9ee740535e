//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNamedInputsAreBounded names to each command that reads files a
// file over the size limit, a device and a FIFO: each is refused at once
// with an error naming it, as stdin over the limit is.
func TestNamedInputsAreBounded(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.html")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(maxInput+1)) // sparse: no disk used
	require.NoError(t, f.Close())
	fifo := filepath.Join(dir, "fifo.html")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	over := fmt.Sprintf("more than %d bytes", maxInput)
	tests := []struct {
		name  string
		args  []string
		stdin string
		says  string
	}{
		{"parse, a large file", []string{"parse", big}, "", big + ": " + over},
		{"parse --text, a large file", []string{"parse", "--text", big}, "", big + ": " + over},
		{"render, a large file", []string{"render", big}, "", big + ": " + over},
		{"parse, a device", []string{"parse", "/dev/zero"}, "", "/dev/zero: not a regular file (a character device)\n"},
		{"render, a FIFO", []string{"render", fifo}, "", fifo + ": not a regular file (a FIFO)\n"},
		{"parse, a directory", []string{"parse", dir}, "", dir + ": not a regular file (a directory)\n"},
		{"parse, stdin over the limit", []string{"parse", "-"}, strings.Repeat(" ", maxInput+1), "stdin: " + over},
		{"render, stdin over the limit", []string{"render"}, strings.Repeat(" ", maxInput+1), "stdin: " + over},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.Contains(strings.Join(tt.args, " "), "/dev/zero") {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero here")
				}
			}
			r := runCmd(tt.stdin, tt.args...)
			assert.Equal(t, exitFailed, r.code)
			assert.Contains(t, r.stderr, tt.says)
			assert.Empty(t, r.stdout)
		})
	}
	// validate reports the file as its problem, on stdout.
	r := runCmd("", "validate", big, "/dev/null")
	assert.Equal(t, exitFailed, r.code)
	assert.Contains(t, r.stdout, big+": "+over)
	assert.Contains(t, r.stdout, "/dev/null: not a regular file (a character device)\n")
}

//go:build unix

package migrate

import (
	"errors"
	"syscall"
)

// processAlive reports whether a process of this host is running: signal
// 0 reaches it, or it exists and belongs to another user.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

//go:build unix

package migrate

import (
	"errors"
	"syscall"
)

// openFlags are added to O_RDONLY when a page is opened: a FIFO or a
// device then opens at once instead of waiting for a writer, and is
// refused once fstat says it is not a regular file.
const openFlags = syscall.O_NONBLOCK

// processAlive reports whether a process of this host is running: signal
// 0 reaches it, or it exists and belongs to another user.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

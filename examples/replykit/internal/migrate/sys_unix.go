//go:build unix

package migrate

import (
	"errors"
	"io/fs"
	"syscall"
)

// openFlags are added to O_RDONLY when a page is opened: a FIFO or a
// device then opens at once instead of waiting for a writer, and is
// refused once fstat says it is not a regular file.
const openFlags = syscall.O_NONBLOCK

// fileID is a file's device and inode number, which name a directory
// whatever path leads to it.
type fileID struct{ dev, ino uint64 }

// idOf gives the device and inode number of a directory that os.Stat
// described; real, its real path, is not needed here.
func idOf(info fs.FileInfo, real string) fileID {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}
	}
	// Dev and Ino are narrower than 64 bits on some systems.
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}
}

// processAlive reports whether a process of this host is running: signal
// 0 reaches it, or it exists and belongs to another user.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

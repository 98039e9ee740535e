//go:build !unix

package migrate

import (
	"io/fs"
	"os"
)

// openFlags are added to O_RDONLY when a page is opened; without FIFOs
// that block an open, there are none.
const openFlags = 0

// fileID names a directory by its real path: without inode numbers,
// the walk tells directories apart by where their links lead.
type fileID struct{ path string }

// idOf gives a directory's real path as its identity.
func idOf(_ fs.FileInfo, real string) fileID { return fileID{path: real} }

// processAlive reports whether a process of this host is running.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}

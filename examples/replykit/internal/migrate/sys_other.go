//go:build !unix

package migrate

import "os"

// openFlags are added to O_RDONLY when a page is opened; without FIFOs
// that block an open, there are none.
const openFlags = 0

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

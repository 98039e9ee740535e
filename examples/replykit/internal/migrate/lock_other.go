//go:build !(linux || darwin || dragonfly || freebsd || illumos || netbsd || openbsd)

package migrate

import (
	"errors"
	"os"
)

// lockOutDir takes the output directory's lock, or fails with a
// *LockedError naming the run that holds it; here, where files cannot be
// locked, by creating the lock file (see lockExclusive). A directory that
// does not exist on disk (outputs written through another FS) is not
// locked.
func lockOutDir(dir string) (*dirLock, error) {
	l, err := lockExclusive(dir)
	if errors.Is(err, os.ErrNotExist) {
		return &dirLock{}, nil
	}
	return l, err
}

//go:build linux || darwin || dragonfly || freebsd || illumos || netbsd || openbsd

package migrate

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// lockOutDir takes the output directory's lock, or fails with a
// *LockedError naming the run that holds it. The lock is an flock on the
// lock file, which the system lets go when its holder ends however it
// ends: a lock file found unlocked but not empty was left by a run that
// is gone, and is taken over with a note. A directory that does not
// exist on disk (outputs written through another FS) is not locked.
func lockOutDir(dir string) (*dirLock, error) {
	name := filepath.Join(dir, LockName)
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o666)
		if errors.Is(err, os.ErrNotExist) {
			return &dirLock{}, nil
		}
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			data, _ := io.ReadAll(io.LimitReader(f, 4096))
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, &LockedError{Dir: dir, Holder: parseHolder(data)}
			}
			return nil, &os.PathError{Op: "lock", Path: name, Err: err}
		}
		// The holder may have removed the file between our open and our
		// lock: then the lock is on a file no one else will look at.
		fi, ferr := f.Stat()
		pi, perr := os.Stat(name)
		if ferr != nil || perr != nil || !os.SameFile(fi, pi) {
			f.Close()
			continue
		}
		l := &dirLock{file: f, name: name}
		if old, _ := io.ReadAll(io.LimitReader(f, 4096)); len(old) > 0 {
			l.notes = append(l.notes, tookOver(parseHolder(old)))
		}
		if err := writeHolder(f); err != nil {
			l.release()
			return nil, err
		}
		return l, nil
	}
}

// writeHolder writes this run into the lock file, over what was there.
func writeHolder(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt(me().format(), 0)
	return err
}

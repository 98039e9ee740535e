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
	l, err := flockFile(filepath.Join(dir, LockName), syscall.LOCK_EX, me(""))
	return l, namedHolder(err, dir)
}

// lockShardOf takes what a run of shard s holds: the output directory's
// lock shared with the other shards (so that no whole run, nor a merge,
// writes there meanwhile, while the shards do side by side), and the
// shard's own lock, held alone (so that two runs of one shard never
// write at once).
func lockShardOf(dir string, s Shard) (*dirLock, error) {
	shared, err := flockFile(filepath.Join(dir, LockName), syscall.LOCK_SH, Holder{})
	if err != nil {
		return nil, namedHolder(err, dir)
	}
	own, err := flockFile(filepath.Join(dir, shardLockName(s)), syscall.LOCK_EX, me(s.String()))
	if err != nil {
		shared.release()
		return nil, namedHolder(err, dir)
	}
	own.also = shared
	return own, nil
}

// flockFile takes an flock of kind how (LOCK_EX or LOCK_SH) on the lock
// file name, made if missing. An exclusive holder writes itself into the
// file as me, over what a run gone left there (noted); a shared one
// leaves the file as it is, and never removes it. A name whose folder
// does not exist on disk is not locked.
func flockFile(name string, how int, me Holder) (*dirLock, error) {
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o666)
		if errors.Is(err, os.ErrNotExist) {
			return &dirLock{}, nil
		}
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
			data, _ := io.ReadAll(io.LimitReader(f, 4096))
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, &LockedError{Holder: parseHolder(data)}
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
		l := &dirLock{file: f, name: name, keep: how == syscall.LOCK_SH}
		if l.keep {
			return l, nil
		}
		if old, _ := io.ReadAll(io.LimitReader(f, 4096)); len(old) > 0 {
			l.notes = append(l.notes, tookOver(parseHolder(old)))
		}
		if err := writeHolder(f, me); err != nil {
			l.release()
			return nil, err
		}
		return l, nil
	}
}

// writeHolder writes the holder h into the lock file, over what was there.
func writeHolder(f *os.File, h Holder) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt(h.format(), 0)
	return err
}

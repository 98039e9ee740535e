//go:build !(linux || darwin || dragonfly || freebsd || illumos || netbsd || openbsd)

package migrate

import (
	"errors"
	"os"
	"path/filepath"
)

// lockOutDir takes the output directory's lock, or fails with a
// *LockedError naming the run that holds it; here, where files cannot be
// locked, by creating the lock file (see lockExclusive). The lock is
// given up again when a shard is running there, whose lock the shard
// made before it looked for this one: of two runs that start together,
// one at least sees the other. A directory that does not exist on disk
// (outputs written through another FS) is not locked.
func lockOutDir(dir string) (*dirLock, error) {
	l, err := lockExclusive(dir)
	if errors.Is(err, os.ErrNotExist) {
		return &dirLock{}, nil
	}
	if err != nil {
		return nil, namedHolder(err, dir)
	}
	for _, h := range shardHolders(dir) {
		if live(h) {
			l.release()
			return nil, &LockedError{Dir: dir, Holder: h}
		}
	}
	return l, nil
}

// lockShardOf takes the lock of shard s of the output directory by
// creating its lock file, then refuses the shard if a whole run or a
// merge holds the directory's own lock (see lockOutDir).
func lockShardOf(dir string, s Shard) (*dirLock, error) {
	own, err := lockFileExclusive(filepath.Join(dir, shardLockName(s)), me(s.String()))
	if errors.Is(err, os.ErrNotExist) {
		return &dirLock{}, nil
	}
	if err != nil {
		return nil, namedHolder(err, dir)
	}
	data, err := os.ReadFile(filepath.Join(dir, LockName))
	if h := parseHolder(data); err == nil && live(h) {
		own.release()
		return nil, &LockedError{Dir: dir, Holder: h}
	}
	return own, nil
}

package migrate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// LockName is the lock file a run keeps in its output directory while it
// runs, so that two runs never write into one directory at once (each
// would remove the other's temporary files as left over).
const LockName = ".replykit.lock"

// ErrLocked means the output directory is in use by another run.
var ErrLocked = errors.New("output directory in use by another run")

// Holder is the run holding an output directory, as its lock file says.
type Holder struct {
	PID     int       // its process
	Host    string    // the machine it runs on
	Started time.Time // when it took the lock
	Shard   string    // the shard it runs ("1/4"), or "" for a whole run
}

// String says who the holder is, for messages.
func (h Holder) String() string {
	if h.PID == 0 {
		return "a run that has not yet written its name"
	}
	s := fmt.Sprintf("pid %d on %s, started %s", h.PID, h.Host, h.Started.Format(time.RFC3339))
	if h.Shard != "" {
		s += ", shard " + h.Shard
	}
	return s
}

// LockedError is the error of a run refused because another holds the
// output directory; errors.Is(err, ErrLocked) holds.
type LockedError struct {
	Dir    string // the output directory
	Holder Holder // the run holding it
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s: %v (%v); wait for it to end, or write elsewhere", e.Dir, ErrLocked, e.Holder)
}

// Is makes errors.Is(err, ErrLocked) hold.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// dirLock is an output directory held by this run.
type dirLock struct {
	file  *os.File // the open lock file (nil without one)
	name  string
	notes []string // what taking the lock did that a person should know
	keep  bool     // a lock shared with others: released without removing the file
	also  *dirLock // a second lock held with this one, released after it
}

// me is this run as a lock file names it; shard is the shard it runs, or
// "" for a whole run.
func me(shard string) Holder {
	host, _ := os.Hostname()
	return Holder{PID: os.Getpid(), Host: host, Started: time.Now().UTC().Truncate(time.Second), Shard: shard}
}

// format writes a holder as a lock file's text.
func (h Holder) format() []byte {
	b := fmt.Appendf(nil, "pid %d\nhost %s\nstarted %s\n", h.PID, h.Host, h.Started.Format(time.RFC3339))
	if h.Shard != "" {
		b = fmt.Appendf(b, "shard %s\n", h.Shard)
	}
	return b
}

// parseHolder reads a lock file's text; what it cannot read stays zero.
func parseHolder(data []byte) Holder {
	var h Holder
	for line := range strings.Lines(string(data)) {
		key, val, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch key {
		case "pid":
			h.PID, _ = strconv.Atoi(val)
		case "host":
			h.Host = val
		case "started":
			h.Started, _ = time.Parse(time.RFC3339, val)
		case "shard":
			h.Shard = val
		}
	}
	return h
}

// tookOver is the note of a lock taken over from a run that is gone.
func tookOver(h Holder) string {
	return fmt.Sprintf("took over the lock of a run that ended without releasing it (%v)", h)
}

// lockExclusive takes the lock by creating the lock file, which fails
// when it exists: where files cannot be locked. A lock left by a run of
// this host that is no longer running is taken over; one of another host
// cannot be told from a live one, and refuses the run.
func lockExclusive(dir string) (*dirLock, error) {
	l, err := lockFileExclusive(filepath.Join(dir, LockName), me(""))
	if le := (*LockedError)(nil); errors.As(err, &le) {
		le.Dir = dir
	}
	return l, err
}

// lockFileExclusive is lockExclusive for the lock file name, written
// with holder me.
func lockFileExclusive(name string, me Holder) (*dirLock, error) {
	var notes []string
	for range 3 {
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil {
			if _, err := f.Write(me.format()); err != nil {
				f.Close()
				os.Remove(name)
				return nil, err
			}
			return &dirLock{file: f, name: name, notes: notes}, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, err
		}
		data, err := os.ReadFile(name)
		if errors.Is(err, os.ErrNotExist) {
			continue // released meanwhile
		}
		if err != nil {
			return nil, err
		}
		h := parseHolder(data)
		if live(h) {
			return nil, &LockedError{Holder: h}
		}
		if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		notes = append(notes, tookOver(h))
	}
	return nil, &LockedError{}
}

// live reports whether the holder a lock file names may be running: a
// process of this host that is, or any of another host, which cannot be
// told from one that is gone, or one that has not written its name yet.
func live(h Holder) bool {
	host, _ := os.Hostname()
	return h.PID == 0 || h.Host != host || processAlive(h.PID)
}

// shardHolders are the holders named by the shard lock files of an
// output directory, for a message: those of the shards running, and,
// where files cannot be locked, of shards gone that left their lock.
func shardHolders(dir string) []Holder {
	names, _ := filepath.Glob(filepath.Join(dir, ShardDir, "*.lock"))
	var hs []Holder
	for _, n := range names {
		data, err := os.ReadFile(n)
		if h := parseHolder(data); err == nil && h.PID != 0 {
			hs = append(hs, h)
		}
	}
	return hs
}

// namedHolder fills in the holder of a LockedError about an output
// directory whose lock file names nobody, as when sharded runs share it:
// the first shard that names itself.
func namedHolder(err error, dir string) error {
	var le *LockedError
	if errors.As(err, &le) {
		le.Dir = dir
		if hs := shardHolders(dir); le.Holder.PID == 0 && len(hs) > 0 {
			le.Holder = hs[0]
		}
	}
	return err
}

// release gives the lock up: the lock file is removed, then closed, so
// that a run waiting on it finds it gone and makes its own.
func (l *dirLock) release() {
	if l == nil {
		return
	}
	if l.file != nil {
		if !l.keep {
			os.Remove(l.name)
		}
		l.file.Close()
	}
	l.also.release()
}

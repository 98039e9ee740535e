package migrate

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// FS is the file system outputs are written to. OS is the real one; tests
// put in one that fails (a full disk) to see that nothing already written
// is damaged.
type FS interface {
	// MkdirAll creates a directory and its parents, as os.MkdirAll.
	MkdirAll(path string, perm fs.FileMode) error
	// CreateTemp creates a new file in dir, as os.CreateTemp, but with
	// the permissions os.WriteFile gives: 0666 less the umask.
	CreateTemp(dir, pattern string) (File, error)
	// Rename moves a file into place, replacing any file of that name, as
	// os.Rename.
	Rename(oldpath, newpath string) error
	// Remove removes a file, as os.Remove.
	Remove(name string) error
	// Stat describes a file, as os.Stat.
	Stat(name string) (fs.FileInfo, error)
	// ReadFile reads a whole file, as os.ReadFile.
	ReadFile(name string) ([]byte, error)
}

// File is a file being written, as *os.File.
type File interface {
	// Write writes p, as (*os.File).Write.
	Write(p []byte) (int, error)
	// Name returns the file's path, as (*os.File).Name.
	Name() string
	// Sync commits the file to stable storage, as (*os.File).Sync.
	Sync() error
	// Close closes the file, as (*os.File).Close.
	Close() error
}

// OS is the operating system's file system.
type OS struct{}

// MkdirAll calls os.MkdirAll.
func (OS) MkdirAll(path string, perm fs.FileMode) error { return os.MkdirAll(path, perm) }

// CreateTemp creates a new file in dir named after pattern, its last "*"
// replaced by a random string, as os.CreateTemp does; but where
// os.CreateTemp makes the file 0600, this makes it 0666 less the umask,
// as os.WriteFile would: the file is renamed into place as an output that
// others (a web server) may have to read.
func (OS) CreateTemp(dir, pattern string) (File, error) { return createTemp(dir, pattern, 0o666) }

// createTemp is os.CreateTemp with the permissions perm, less the umask.
func createTemp(dir, pattern string, perm fs.FileMode) (*os.File, error) {
	prefix, suffix := pattern, ""
	if i := strings.LastIndexByte(pattern, '*'); i >= 0 {
		prefix, suffix = pattern[:i], pattern[i+1:]
	}
	for try := 0; ; try++ {
		name := filepath.Join(dir, prefix+strconv.FormatUint(uint64(rand.Uint32()), 10)+suffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) && try < 10000 {
			continue
		}
		return f, err
	}
}

// Rename calls os.Rename.
func (OS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Remove calls os.Remove.
func (OS) Remove(name string) error { return os.Remove(name) }

// Stat calls os.Stat.
func (OS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// ReadFile calls os.ReadFile.
func (OS) ReadFile(name string) ([]byte, error) { return os.ReadFile(name) }

// tempPrefix starts the names of temporary files, so that a later run can
// find and remove those a killed run left.
const tempPrefix = ".replykit-"

// tempPattern is the os.CreateTemp pattern of temporary files.
const tempPattern = tempPrefix + "*.tmp"

// isTemp reports whether a file name is one of the engine's temporary files.
func isTemp(name string) bool {
	return strings.HasPrefix(name, tempPrefix) && strings.HasSuffix(name, ".tmp")
}

// pending is one output written to a temporary file, not yet in place.
type pending struct {
	temp, final string
}

// writeTemp writes data to a new temporary file beside final and, unless
// noSync, syncs it. On failure the temporary file is removed.
func writeTemp(fsys FS, final string, data []byte, noSync bool) (pending, error) {
	f, err := fsys.CreateTemp(filepath.Dir(final), tempPattern)
	if err != nil {
		return pending{}, err
	}
	_, werr := f.Write(data)
	if werr == nil && !noSync {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		_ = fsys.Remove(f.Name())
		return pending{}, werr
	}
	return pending{temp: f.Name(), final: final}, nil
}

// writeAll writes each file's data under its final name: all to temporary
// files first, then renamed into place one by one, so that an interrupted
// or failed write never leaves a half-written file under a final name.
// Unless noSync, each file is synced before it is renamed, so that even a
// power cut leaves no half-written file.
func writeAll(fsys FS, files []pending, data [][]byte, noSync bool) error {
	done := make([]pending, 0, len(files))
	for i, p := range files {
		w, err := writeTemp(fsys, p.final, data[i], noSync)
		if err != nil {
			for _, d := range done {
				_ = fsys.Remove(d.temp)
			}
			return err
		}
		done = append(done, w)
	}
	var errs []error
	for i, d := range done {
		if err := fsys.Rename(d.temp, d.final); err != nil {
			for _, rest := range done[i:] {
				_ = fsys.Remove(rest.temp)
			}
			errs = append(errs, err)
			break
		}
	}
	return errors.Join(errs...)
}

// removeStaleTemps removes the temporary files that a killed run left in
// the output directory. A missing directory is not an error.
func removeStaleTemps(dir string) error {
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() && isTemp(d.Name()) {
			return os.Remove(path)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

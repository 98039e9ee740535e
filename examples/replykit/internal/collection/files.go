package collection

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

// tempPrefix starts the names of the files and folders Build writes before
// they go into place. Files end in ".tmp", so that a migrate run removes
// those a killed build left; folders are removed by the next Build.
const tempPrefix = ".replykit-index-"

// writer writes files under temporary names, counts what it wrote, and
// removes what it did not put in place.
type writer struct {
	files int
	bytes int64
	temps []string // temporary files and folders not yet in place
}

// create makes a new temporary file in dir, 0666 less the umask, as
// os.WriteFile would (migrate.OS does): the collection is for others (a
// web server) to read.
func (w *writer) create(dir string) (*tempFile, error) {
	f, err := migrate.OS{}.CreateTemp(dir, tempPrefix+"*.tmp")
	if err != nil {
		return nil, err
	}
	w.temps = append(w.temps, f.Name())
	return &tempFile{File: f}, nil
}

// tempFile is a temporary file being written, counting its bytes.
type tempFile struct {
	migrate.File
	size int64
}

// Write writes p, counting its bytes.
func (f *tempFile) Write(p []byte) (int, error) {
	n, err := f.File.Write(p)
	f.size += int64(n)
	return n, err
}

// mkdir makes a new temporary folder in dir, 0777 less the umask.
func (w *writer) mkdir(dir string) (string, error) {
	for try := 0; ; try++ {
		name := filepath.Join(dir, tempPrefix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		err := os.Mkdir(name, 0o777)
		if errors.Is(err, fs.ErrExist) && try < 1000 {
			continue
		}
		if err == nil {
			w.temps = append(w.temps, name)
		}
		return name, err
	}
}

// place closes f and renames it to final.
func (w *writer) place(f *tempFile, final string) error {
	err := f.Close()
	if err == nil {
		err = os.Rename(f.Name(), final)
	}
	if err != nil {
		return err
	}
	w.placed(f.Name())
	w.files++
	w.bytes += f.size
	return nil
}

// placed forgets a temporary name that went into place.
func (w *writer) placed(name string) {
	for i, t := range w.temps {
		if t == name {
			w.temps = append(w.temps[:i], w.temps[i+1:]...)
			return
		}
	}
}

// writeFile writes data to final through a temporary file in dir.
func (w *writer) writeFile(dir, final string, data []byte) error {
	f, err := w.create(dir)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	return w.place(f, final)
}

// writeIn writes a file of a temporary folder, which goes into place whole.
func (w *writer) writeIn(dir, name string, data []byte) error {
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
		return err
	}
	w.files++
	w.bytes += int64(len(data))
	return nil
}

// replaceDir puts the folder tmp in place of final, which may exist: the
// old folder is moved aside, the new one renamed into place, and the old
// one removed.
func (w *writer) replaceDir(tmp, final string) error {
	old := ""
	if _, err := os.Lstat(final); err == nil {
		aside, err := w.mkdir(filepath.Dir(final))
		if err != nil {
			return err
		}
		old = filepath.Join(aside, "old")
		if err := os.Rename(final, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, final); err != nil {
		if old != "" {
			_ = os.Rename(old, final)
		}
		return err
	}
	w.placed(tmp)
	return nil
}

// discard removes the temporary files and folders not put in place.
func (w *writer) discard() {
	for _, t := range w.temps {
		_ = os.RemoveAll(t)
	}
	w.temps = nil
}

// removeStale removes the temporary files and folders a killed build left
// in dir.
func removeStale(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix) {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

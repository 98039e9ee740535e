package migrate

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// walker finds the pages of the inputs in order and sends them to the
// workers. It alone decides output names, so a collision is found the
// same way whatever the number of workers: the page found first keeps
// the name.
type walker struct {
	ctx     context.Context
	opts    *Options
	out     chan<- page
	claimed map[string]string // output name → display path of its page
	outDir  fs.FileInfo       // the output directory, never walked into
	found   func()            // counts a page found, for the progress line
}

// emit claims the page's output name and sends it on. It reports false
// when the run is cancelled.
func (w *walker) emit(p page) bool {
	if p.err == nil && p.rel != "" {
		switch other, taken := w.claimed[p.rel]; {
		case p.rel+".json" == ReportName:
			p.err = &pageError{kind: KindCollision, err: wrapPath(p.display, fmt.Errorf("%w: %s is the report's name", ErrCollision, ReportName))}
		case taken:
			p.err = &pageError{kind: KindCollision, err: wrapPath(p.display, fmt.Errorf("%w: %s.json is written for %s", ErrCollision, p.rel, other))}
		default:
			w.claimed[p.rel] = p.display
		}
	}
	select {
	case w.out <- p:
		w.found()
		return true
	case <-w.ctx.Done():
		return false
	}
}

// fail sends a failure found during the walk.
func (w *walker) fail(display, rel, kind string, err error) bool {
	return w.emit(page{display: display, rel: rel, err: &pageError{kind: kind, err: wrapPath(display, err)}})
}

// wrapPath puts a path before an error's text, keeping it for errors.Is.
func wrapPath(p string, err error) error {
	return &fs.PathError{Op: "migrate", Path: p, Err: err}
}

// walk walks every input in order. It stops early only when cancelled.
func (w *walker) walk(inputs []Input) {
	for _, in := range inputs {
		var ok bool
		if in.FS != nil {
			ok = w.walkFS(in)
		} else {
			ok = w.walkPath(in.Path)
		}
		if !ok {
			return
		}
	}
}

// walkPath walks one input on disk: a page, a directory or an archive.
func (w *walker) walkPath(name string) bool {
	info, err := os.Stat(name)
	if err != nil {
		return w.fail(name, "", statKind(err, KindNotFound), err)
	}
	switch {
	case info.IsDir() && w.outDir != nil && os.SameFile(info, w.outDir):
		return w.fail(name, "", KindCollision, fmt.Errorf("%w: the input is the output directory", ErrCollision))
	case info.IsDir():
		return w.walkDir(name, "", []fs.FileInfo{info})
	case !info.Mode().IsRegular():
		return w.fail(name, "", KindNotRegular, fmt.Errorf("%w (%s)", ErrNotRegular, modeName(info.Mode())))
	case archiveType(name) == "zip":
		return w.walkZip(name, info)
	case archiveType(name) == "tgz":
		return w.walkTarGz(name, info)
	}
	// A page named on the command line is read whatever its name says.
	return w.emitFile(name, filepath.Base(name), info)
}

// statKind names the failure of a stat or open: a link loop, a missing
// file (as kind missing says), a FIFO or device, or an unreadable one.
func statKind(err error, missing string) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return KindSymlinkLoop
	case errors.Is(err, fs.ErrNotExist):
		return missing
	case errors.Is(err, ErrNotRegular):
		return KindNotRegular
	}
	return KindUnreadable
}

// walkDir walks a directory in name order. ancestors are the directories
// above it in the walk, for telling a symbolic link loop.
func (w *walker) walkDir(dir, rel string, ancestors []fs.FileInfo) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return w.fail(dir, "", KindUnreadable, err)
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden files, version control, our own temporary files
		}
		full := filepath.Join(dir, name)
		r := path.Join(rel, name)
		info, err := e.Info()
		if err == nil && e.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(full)
		}
		if err != nil {
			if typeOf(name) == notPage && !errors.Is(err, syscall.ELOOP) {
				continue // a dangling link to a stylesheet is no page's business
			}
			if !w.fail(full, r, statKind(err, KindVanished), err) {
				return false
			}
			continue
		}
		if info.IsDir() {
			if w.outDir != nil && os.SameFile(info, w.outDir) {
				continue
			}
			if loopsTo(info, ancestors) {
				if !w.fail(full, "", KindSymlinkLoop, ErrSymlinkLoop) {
					return false
				}
				continue
			}
			if !w.walkDir(full, r, append(ancestors[:len(ancestors):len(ancestors)], info)) {
				return false
			}
			continue
		}
		if !info.Mode().IsRegular() {
			continue
		}
		switch typeOf(name) {
		case notPage:
			continue
		case sniff:
			head, err := readHead(full)
			if err != nil {
				if !w.fail(full, r, statKind(err, KindVanished), err) {
					return false
				}
				continue
			}
			if !looksHTML(head) {
				continue
			}
		}
		if !w.emitFile(full, r, info) {
			return false
		}
	}
	return true
}

// loopsTo reports whether a directory is one of the walk's ancestors.
func loopsTo(info fs.FileInfo, ancestors []fs.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(info, a) {
			return true
		}
	}
	return false
}

// emitFile sends a page on disk, to be read by a worker.
func (w *walker) emitFile(full, rel string, info fs.FileInfo) bool {
	if info.Size() > w.opts.MaxBytes {
		return w.fail(full, rel, KindTooLarge, ErrTooLarge)
	}
	read := w.opts.ReadFile
	max := w.opts.MaxBytes
	return w.emit(page{display: full, rel: rel, mod: info.ModTime(), read: func(buf []byte) ([]byte, error) {
		if read != nil {
			// Its bytes stay its own: no page is read into them, since
			// every page goes through read.
			return read(full)
		}
		return readLimited(buf, full, max)
	}})
}

// walkFS walks a file system, such as an embedded sample, in name order.
func (w *walker) walkFS(in Input) bool {
	ok := true
	err := fs.WalkDir(in.FS, ".", func(p string, d fs.DirEntry, err error) error {
		display := path.Join(in.Path, p)
		if err != nil {
			ok = w.fail(display, "", KindUnreadable, err)
		} else if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		} else if typ := typeOf(d.Name()); typ != notPage && !strings.HasPrefix(d.Name(), ".") && d.Type().IsRegular() {
			ok = w.emitFS(in.FS, p, display, typ)
		}
		if !ok {
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		return w.fail(in.Path, "", KindUnreadable, err)
	}
	return ok
}

// emitFS reads a page of a file system and sends it.
func (w *walker) emitFS(fsys fs.FS, p, display string, typ pageType) bool {
	f, err := fsys.Open(p)
	if err != nil {
		return w.fail(display, p, statKind(err, KindVanished), err)
	}
	defer f.Close()
	data, err := readAllLimited(f, w.opts.MaxBytes)
	if err != nil {
		kind := KindUnreadable
		if errors.Is(err, ErrTooLarge) {
			kind = KindTooLarge
		}
		return w.fail(display, p, kind, err)
	}
	if typ == sniff && !looksHTML(data) {
		return true
	}
	var mod time.Time
	if info, err := f.Stat(); err == nil {
		mod = info.ModTime()
	}
	if data == nil {
		data = []byte{}
	}
	return w.emit(page{display: display, rel: p, mod: mod, data: data})
}

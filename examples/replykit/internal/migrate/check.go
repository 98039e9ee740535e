package migrate

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Problems of a run as a whole, which Check finds before any page is read.
var (
	// ErrInputMissing means an input path does not exist.
	ErrInputMissing = errors.New("no such file or directory")
	// ErrInputUnreadable means an input exists but cannot be opened.
	ErrInputUnreadable = errors.New("cannot be read")
	// ErrInputIsOutput means an input is the output directory itself:
	// the outputs would land among the pages, and be read as pages by
	// the next run.
	ErrInputIsOutput = errors.New("is the output directory")
	// ErrBrokenArchive means an input named as a .zip or .tar.gz archive
	// cannot be opened as one.
	ErrBrokenArchive = errors.New("not a readable archive")
	// ErrOutputUnwritable means no file can be written in the output
	// directory.
	ErrOutputUnwritable = errors.New("output directory not writable")
)

// InputError is a problem with one input, or with the output directory,
// as a whole. It wraps one of the errors above and the cause.
type InputError struct {
	Path string // the input, or the output directory, as given
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Err.Error() }

// Unwrap returns the problem.
func (e *InputError) Unwrap() error { return e.Err }

// Check looks, before a run, for what would make the run fail as a whole:
// an input that is missing, unreadable, a broken archive or the output
// directory itself, and, when the inputs are sound, an output directory
// where no file can be written (it is created, if missing, to find out).
// It returns every problem found, each an *InputError, joined; nil when
// there is none. Run does
// not call it: Run records such problems in the report, page by page, and
// goes on; a caller that would rather stop calls Check first.
func Check(inputs []Input, opts Options) error {
	fsys := opts.FS
	if fsys == nil {
		fsys = OS{}
	}
	var errs []error
	outInfo, _ := os.Stat(opts.OutDir)
	for _, in := range inputs {
		if in.FS != nil {
			continue
		}
		if err := checkInput(in.Path, outInfo); err != nil {
			errs = append(errs, &InputError{Path: in.Path, Err: err})
		}
	}
	if len(errs) > 0 {
		// The run is refused already: the output directory is not made
		// for nothing.
		return errors.Join(errs...)
	}
	if err := checkOutput(fsys, opts.OutDir); err != nil {
		errs = append(errs, &InputError{Path: opts.OutDir, Err: fmt.Errorf("%w: %w", ErrOutputUnwritable, err)})
	}
	return errors.Join(errs...)
}

// checkInput opens one input on disk as the walk will.
func checkInput(name string, outDir fs.FileInfo) error {
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ErrInputMissing
	case err != nil:
		return fmt.Errorf("%w: %w", ErrInputUnreadable, unwrapPath(err, name))
	case info.IsDir() && outDir != nil && os.SameFile(info, outDir):
		return ErrInputIsOutput
	case info.IsDir():
		f, err := os.Open(name)
		if err == nil {
			_, err = f.ReadDir(1)
			f.Close()
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%w: %w", ErrInputUnreadable, unwrapPath(err, name))
		}
		return nil
	}
	// Opened as pages are, so that a FIFO named as an INPUT is refused,
	// not waited on.
	f, _, err := openRegular(name)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrInputUnreadable, unwrapPath(err, name))
	}
	defer f.Close()
	switch archiveType(name) {
	case "zip":
		if _, err := zip.NewReader(f, info.Size()); err != nil {
			return fmt.Errorf("%w: %w", ErrBrokenArchive, err)
		}
	case "tgz":
		gz, err := gzip.NewReader(f)
		if err == nil {
			_, err = tar.NewReader(gz).Next()
			gz.Close()
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("%w: %w", ErrBrokenArchive, err)
		}
	}
	return nil
}

// checkOutput makes the output directory if missing, and writes and
// removes a file in it.
func checkOutput(fsys FS, dir string) error {
	if err := fsys.MkdirAll(dir, 0o777); err != nil {
		return unwrapPath(err, dir)
	}
	f, err := fsys.CreateTemp(dir, tempPattern)
	if err != nil {
		return err
	}
	err = f.Close()
	if rerr := fsys.Remove(f.Name()); err == nil {
		err = rerr
	}
	return err
}

// unwrapPath drops the operation and path of a *fs.PathError about name,
// which the InputError names already: "permission denied", not "open x:
// permission denied". An error about another path keeps its path.
func unwrapPath(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && filepath.Clean(pe.Path) == filepath.Clean(name) {
		return pe.Err
	}
	return err
}

package migrate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
)

// Input is one thing to migrate: a path on disk — a page, a directory
// walked recursively, or a .zip / .tar.gz archive of a site mirror — or,
// when FS is set, the whole of a file system such as an embedded sample.
type Input struct {
	// Path is the file, directory or archive on disk. With FS set, it only
	// names the file system in the report.
	Path string
	// FS, when set, is walked instead of Path.
	FS fs.FS
}

// Paths returns one Input for each path on disk.
func Paths(paths ...string) []Input {
	in := make([]Input, len(paths))
	for i, p := range paths {
		in[i] = Input{Path: p}
	}
	return in
}

// pageType is how a file is read, decided from its name.
type pageType uint8

const (
	notPage  pageType = iota // not a page: skipped
	htmlPage                 // an HTML page
	textPage                 // a plain-text notice (.txt)
	sniff                    // no or an unknown extension: an HTML page if its bytes look like one
)

// typeOf decides from a file name whether the file is a page. Names that
// mirroring tools write for query URLs ("list.php?id=3") are read up to
// the query.
func typeOf(name string) pageType {
	n := strings.ToLower(name)
	if i := strings.IndexAny(n, "?#"); i > 0 {
		n = n[:i]
	}
	switch ext := path.Ext(n); ext {
	case ".html", ".htm", ".shtml", ".shtm", ".xhtml", ".jsp", ".jhtml", ".asp", ".aspx", ".php":
		return htmlPage
	case ".txt":
		return textPage
	default:
		if isAsset(ext) {
			return notPage
		}
		return sniff // no extension, or one a site's software made up (.do, .action)
	}
}

// archiveType tells a .zip or .tar.gz archive from its name: "zip", "tgz"
// or "".
func archiveType(name string) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".zip"):
		return "zip"
	case strings.HasSuffix(n, ".tar.gz"), strings.HasSuffix(n, ".tgz"):
		return "tgz"
	}
	return ""
}

// sniffLen is how many bytes of a file to sniff are looked at.
const sniffLen = 1024

// htmlSigns are what the start of an HTML page holds, lower-cased.
var htmlSigns = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"),
	[]byte("<meta"), []byte("<title"), []byte("<div"), []byte("<p>"), []byte("<p "),
	[]byte("<table"), []byte("<br"), []byte("<!--"),
}

// looksHTML reports whether the start of a file looks like an HTML page.
func looksHTML(head []byte) bool {
	if len(head) > sniffLen {
		head = head[:sniffLen]
	}
	head = bytes.ToLower(head)
	for _, s := range htmlSigns {
		if bytes.Contains(head, s) {
			return true
		}
	}
	return false
}

// ErrNotRegular means a file is a FIFO, a device, a socket or a
// directory where a page was expected: such a file is never read, since
// reading it may block for ever or never end.
var ErrNotRegular = errors.New("not a regular file")

// KindNotRegular is the failure of a page that was a regular file when
// the walk listed it and is a FIFO, a device or a socket when it is read
// (swapped since), and of an INPUT that is one. A file that the walk finds
// so is not a failure but ignored (IgnoredNotRegular).
const KindNotRegular = "not-regular"

// openRegular opens a file for reading if it is a regular file. It opens
// without blocking (a FIFO with no writer would block the open itself)
// and then asks the open file, not the path, what it is, so that a file
// swapped for a FIFO after it was listed is refused too.
func openRegular(name string) (*os.File, fs.FileInfo, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%w (%s)", ErrNotRegular, modeName(info.Mode()))}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// modeName names the type of a file that is not a regular one.
func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "mode " + m.String()
}

// ReadRegular reads a whole regular file of at most max bytes, as the
// pages of a run are read: a FIFO, device or directory is refused with
// an error wrapping ErrNotRegular (without blocking), a larger file with
// one wrapping ErrTooLarge, after reading at most max+1 bytes.
func ReadRegular(name string, max int64) ([]byte, error) {
	data, err := readLimited(nil, name, max)
	if errors.Is(err, ErrTooLarge) {
		err = &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return data, err
}

// readHead reads the first sniffLen bytes of a file.
func readHead(name string) ([]byte, error) {
	f, _, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, sniffLen)
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// readLimited reads a whole file of at most max bytes into buf's room (or
// a buffer of its own when buf has too little), without reading more than
// max+1 bytes of a larger one.
func readLimited(buf []byte, name string, max int64) ([]byte, error) {
	f, info, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readSized(buf, f, max, info.Size())
}

// readAllLimited reads r to its end, refusing more than max bytes with an
// error wrapping ErrTooLarge.
func readAllLimited(r io.Reader, max int64) ([]byte, error) {
	var size int64
	if f, ok := r.(fs.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			size = info.Size()
		}
	}
	return readSized(nil, r, max, size)
}

// readSized is readAllLimited for a reader expected to hold size bytes
// (0 if unknown), read into dst's room when it has enough: else the buffer
// is made once, one byte larger so that the end is seen without growing
// it, as os.ReadFile does.
func readSized(dst []byte, r io.Reader, limit, size int64) ([]byte, error) {
	buf := dst[:0]
	if want := max(min(size, limit)+1, 512); int64(cap(buf)) < want {
		buf = make([]byte, 0, want)
	}
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		k, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > limit {
		return nil, fmt.Errorf("more than %d bytes: %w", limit, ErrTooLarge)
	}
	return buf, nil
}

// page is one page found by the walk, on its way to a worker.
type page struct {
	display string                           // the page's path as the report shows it
	rel     string                           // the page's name within its input, slash-separated
	out     string                           // its output name relative to OUTDIR, slash-separated
	why     string                           // why out is not rel, "" when it is
	data    []byte                           // the page's bytes, when read during the walk
	read    func(buf []byte) ([]byte, error) // reads the page when data is nil: into buf's room, or a buffer the caller may keep
	err     *pageError                       // a failure found during the walk
	source  PageSource                       // what an archive says of the page (URL, Content-Type, capture); the engine sets the rest
}

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
	"path"
	"strings"
)

// safeRel cleans an archive entry's name into an output name, refusing a
// name that would escape the output directory.
func safeRel(name string) (string, error) {
	n := strings.ReplaceAll(name, `\`, "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		return "", ErrBadPath
	}
	c := path.Clean(n)
	if c == "." || c == ".." || strings.HasPrefix(c, "../") {
		return "", ErrBadPath
	}
	return c, nil
}

// archivePage checks one archive entry and sends it: size, name, type.
// read is called only for an entry that is a page within the size limit.
func (w *walker) archivePage(archive, name string, size int64, info fs.FileInfo, read func() (io.ReadCloser, error)) bool {
	display := archive + "!" + name
	rel, err := safeRel(name)
	if err != nil {
		return w.fail(display, "", KindBadPath, err)
	}
	typ := typeOf(path.Base(rel))
	if typ == notPage || strings.HasPrefix(path.Base(rel), ".") {
		w.ignore(display, ignoreReason(path.Base(rel), 0))
		return true
	}
	if size > w.opts.MaxBytes {
		return w.fail(display, rel, KindTooLarge, ErrTooLarge)
	}
	rc, err := read()
	if err != nil {
		return w.fail(display, rel, KindArchive, err)
	}
	data, err := readAllLimited(rc, w.opts.MaxBytes)
	rc.Close()
	if err != nil {
		kind := KindArchive
		if errors.Is(err, ErrTooLarge) {
			kind = KindTooLarge
		}
		return w.fail(display, rel, kind, err)
	}
	if typ == sniff && !looksHTML(data) {
		w.ignore(display, IgnoredNotHTML)
		return true
	}
	if data == nil {
		data = []byte{}
	}
	// Entries take the archive's time: a changed archive is migrated again.
	return w.emit(page{display: display, rel: rel, mod: info.ModTime(), data: data})
}

// walkZip sends the pages of a .zip archive in the archive's order.
func (w *walker) walkZip(name string, info fs.FileInfo) bool {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return w.fail(name, "", KindArchive, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if !f.Mode().IsRegular() {
			w.ignore(name+"!"+f.Name, IgnoredNotRegular)
			continue
		}
		if !w.archivePage(name, f.Name, int64(f.UncompressedSize64), info, func() (io.ReadCloser, error) { return f.Open() }) {
			return false
		}
	}
	return true
}

// walkTarGz sends the pages of a .tar.gz archive in the archive's order.
func (w *walker) walkTarGz(name string, info fs.FileInfo) bool {
	f, err := os.Open(name)
	if err != nil {
		return w.fail(name, "", statKind(err, KindVanished), err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return w.fail(name, "", KindArchive, err)
	}
	defer gz.Close()
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return w.fail(name, "", KindArchive, fmt.Errorf("reading the archive: %w", err))
		}
		if hdr.Typeflag != tar.TypeReg {
			if hdr.Typeflag != tar.TypeDir {
				w.ignore(name+"!"+hdr.Name, IgnoredNotRegular)
			}
			continue
		}
		if !w.archivePage(name, hdr.Name, hdr.Size, info, func() (io.ReadCloser, error) { return io.NopCloser(tr), nil }) {
			return false
		}
	}
}

package migrate

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
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
// read is called only for an entry that is a page within the size limit,
// and only while the archive's budget lasts; once it is spent, nothing
// more is sent and the caller reports the archive.
func (w *walker) archivePage(b *budget, archive, name string, size int64, info fs.FileInfo, read func() (io.ReadCloser, error)) bool {
	display := archive + "!" + name
	rel, err := safeRel(name)
	if err != nil {
		return w.fail(display, "", KindBadPath, err)
	}
	typ := typeOf(path.Base(rel))
	if typ == notPage || strings.HasPrefix(path.Base(rel), ".") {
		reason, _ := ignoreReason(path.Base(rel), 0)
		w.ignore(display, reason, "")
		return true
	}
	if size > w.opts.MaxBytes {
		return w.fail(display, rel, KindTooLarge, ErrTooLarge)
	}
	if b.err != nil {
		return true
	}
	if typ != sniff && !w.mine() {
		return w.passOver(b, display, rel, read)
	}
	rc, err := read()
	var data []byte
	if err == nil {
		data, err = readAllLimited(rc, w.opts.MaxBytes)
		rc.Close()
	}
	if b.err != nil {
		return true
	}
	if err != nil {
		kind := KindArchive
		if errors.Is(err, ErrTooLarge) {
			kind = KindTooLarge
		}
		return w.fail(display, rel, kind, err)
	}
	if typ == sniff && !looksHTML(data) {
		w.ignore(display, IgnoredNotHTML, "")
		return true
	}
	if data == nil {
		data = []byte{}
	}
	return w.emit(page{display: display, rel: rel, data: data})
}

// passOver hands on another shard's archive page without reading it
// (emit numbers it and plans its name): the entry is opened, which takes
// its size from the archive's budget as reading it would, and closed
// unread; but an entry of a stream is read through, as it must be to
// reach the next one, here rather than by the next header, so that the
// budget runs out at the same entry in every shard.
func (w *walker) passOver(b *budget, display, rel string, read func() (io.ReadCloser, error)) bool {
	if rc, err := read(); err == nil {
		if s, ok := rc.(streamEntry); ok {
			_, _ = io.Copy(io.Discard, s.Reader)
		}
		rc.Close()
	}
	if b.err != nil {
		return true
	}
	return w.emit(page{display: display, rel: rel})
}

// streamEntry is an entry of an archive read as a stream (.tar.gz),
// whose bytes are read through whether it is read as a page or not.
type streamEntry struct{ io.Reader }

// Close does nothing: the stream is the archive's.
func (streamEntry) Close() error { return nil }

// archiveLink takes a link entry of an archive: when it has a page's name
// and leads to a regular entry of the archive, it reports that entry's
// place, for the link to be read as it; else it lists the link as ignored,
// with why. ok is false when the run is cancelled.
func (w *walker) archiveLink(ix *arcIndex, archive, name string) (at int, read, ok bool) {
	display := archive + "!" + name
	rel, err := safeRel(name)
	if err != nil {
		return 0, false, w.fail(display, "", KindBadPath, err)
	}
	if strings.HasPrefix(path.Base(rel), ".") {
		w.ignore(display, IgnoredHidden, "")
		return 0, false, true
	}
	v := ix.follow(rel)
	switch {
	case v.err != nil:
		return 0, false, w.fail(display, rel, KindArchive, v.err)
	case v.reason != "":
		w.ignore(display, v.reason, v.detail)
		return 0, false, true
	case typeOf(path.Base(rel)) == notPage:
		w.ignore(display, IgnoredNotPage, "")
		return 0, false, true
	}
	return v.at, true, true
}

// notRegular lists an archive entry that is a FIFO, a device or of a type
// not known as ignored; what says what it is.
func (w *walker) notRegular(archive, name, what string) {
	reason := IgnoredNotRegular
	if strings.HasPrefix(path.Base(strings.ReplaceAll(name, `\`, "/")), ".") {
		reason, what = IgnoredHidden, ""
	}
	w.ignore(archive+"!"+name, reason, what)
}

// zipKind tells what a zip entry is from its mode.
func zipKind(f *zip.File) arcKind {
	m := f.Mode()
	switch {
	case m.IsDir() || strings.HasSuffix(f.Name, "/"):
		return arcDir
	case m&fs.ModeSymlink != 0:
		return arcSymlink
	case m.IsRegular():
		return arcFile
	}
	return arcOther
}

// zipOpen opens a zip entry once its size, which the zip reader holds
// it to, is taken from the archive's budget: nothing is inflated past it.
func zipOpen(f *zip.File, b *budget) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) {
		if !b.take(zipSize(f)) {
			return nil, b.err
		}
		return f.Open()
	}
}

// zipSize is a zip entry's size as it says, within an int64.
func zipSize(f *zip.File) int64 {
	return int64(min(f.UncompressedSize64, math.MaxInt64))
}

// maxLinkLen is the longest link target read from a zip archive.
const maxLinkLen = 4096

// zipLink reads a zip symbolic link's target, which is the entry's bytes.
func zipLink(f *zip.File, b *budget) (string, error) {
	if f.UncompressedSize64 > maxLinkLen || !b.take(int64(f.UncompressedSize64)) {
		return "", fmt.Errorf("link target of %d bytes", f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	data, err := readAllLimited(rc, maxLinkLen)
	return string(data), err
}

// walkZip sends the pages of a .zip archive in the archive's order; a
// symbolic link with a page's name is read as the entry it leads to.
// An archive whose entries overlap is refused before anything is read.
func (w *walker) walkZip(name string, info fs.FileInfo) bool {
	f, finfo, err := openRegular(name)
	if err != nil {
		return w.fail(name, "", statKind(err, KindVanished), err)
	}
	defer f.Close()
	zr, err := zip.NewReader(f, finfo.Size())
	if err == nil {
		err = checkOverlap(zr.File, finfo.Size())
	}
	if err != nil {
		return w.fail(name, "", KindArchive, err)
	}
	b := w.newBudget(finfo.Size())
	ix := newArcIndex()
	for i, f := range zr.File {
		e := arcEntry{kind: zipKind(f), at: i}
		if e.kind == arcSymlink {
			e.target, e.err = zipLink(f, b)
		}
		ix.add(f.Name, e)
	}
	for _, f := range zr.File {
		if b.err != nil {
			break
		}
		ok := true
		switch zipKind(f) {
		case arcFile:
			ok = w.archivePage(b, name, f.Name, zipSize(f), info, zipOpen(f, b))
		case arcSymlink:
			var at int
			var read bool
			if at, read, ok = w.archiveLink(ix, name, f.Name); read {
				t := zr.File[at]
				ok = w.archivePage(b, name, f.Name, zipSize(t), info, zipOpen(t, b))
			}
		case arcOther:
			w.notRegular(name, f.Name, modeName(f.Mode()))
		}
		if !ok {
			return false
		}
	}
	if b.err != nil {
		return w.fail(name, "", KindArchiveLimit, b.err)
	}
	return true
}

// tarKind tells what a tar entry is from its type.
func tarKind(hdr *tar.Header) arcKind {
	switch hdr.Typeflag {
	case tar.TypeReg:
		return arcFile
	case tar.TypeDir:
		return arcDir
	case tar.TypeSymlink:
		return arcSymlink
	case tar.TypeLink:
		return arcHardlink
	}
	return arcOther
}

// tarWhat names what a tar entry that is no file, folder or link is.
func tarWhat(hdr *tar.Header) string {
	if m := hdr.FileInfo().Mode(); m.Type() != 0 {
		return modeName(m)
	}
	return fmt.Sprintf("a tar entry of type %q", hdr.Typeflag)
}

// tarStep says how the walk of a .tar.gz goes on after an entry.
type tarStep uint8

const (
	tarNext      tarStep = iota // on to the next entry
	tarDone                     // the entries wanted are read
	tarCancelled                // the run is cancelled
)

// eachTarEntry calls fn with each entry of a .tar.gz archive and its
// place, in order, until fn says done. A damaged archive, or one that
// inflates past its budget, is reported as failed. ok is false when the
// run is cancelled; whole is true when the archive was read to the end,
// or as far as fn wanted.
func (w *walker) eachTarEntry(name string, fn func(tr *tar.Reader, hdr *tar.Header, at int, b *budget) tarStep) (ok, whole bool) {
	f, info, err := openRegular(name)
	if err != nil {
		return w.fail(name, "", statKind(err, KindVanished), err), false
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return w.fail(name, "", KindArchive, err), false
	}
	defer gz.Close()
	b := w.newBudget(info.Size())
	tr := tar.NewReader(&budgetReader{r: gz, b: b})
	for at := 0; ; at++ {
		hdr, err := tr.Next()
		step := tarNext
		if err == nil {
			step = fn(tr, hdr, at, b)
		}
		switch {
		case b.err != nil:
			return w.fail(name, "", KindArchiveLimit, b.err), false
		case err == io.EOF || step == tarDone:
			return true, true
		case err != nil:
			return w.fail(name, "", KindArchive, fmt.Errorf("reading the archive: %w", err)), false
		case step == tarCancelled:
			return false, false
		}
	}
}

// walkTarGz sends the pages of a .tar.gz archive in the archive's order.
// Links with a page's name — hard links, and symbolic links that stay
// within the archive — are read as the entries they lead to, after the
// archive, in a second reading that stops at the last entry wanted (a tar
// stream has no index, and a symbolic link may lead forward).
func (w *walker) walkTarGz(name string, info fs.FileInfo) bool {
	ix := newArcIndex()
	var links []string
	ok, whole := w.eachTarEntry(name, func(tr *tar.Reader, hdr *tar.Header, at int, b *budget) tarStep {
		kind := tarKind(hdr)
		ix.add(hdr.Name, arcEntry{kind: kind, at: at, target: hdr.Linkname})
		ok := true
		switch kind {
		case arcFile:
			ok = w.archivePage(b, name, hdr.Name, hdr.Size, info, func() (io.ReadCloser, error) { return streamEntry{tr}, nil })
		case arcSymlink, arcHardlink:
			links = append(links, hdr.Name)
		case arcOther:
			// A global header is no file of the archive, but notes on all.
			if hdr.Typeflag != tar.TypeXGlobalHeader {
				w.notRegular(name, hdr.Name, tarWhat(hdr))
			}
		}
		if !ok {
			return tarCancelled
		}
		return tarNext
	})
	if !ok || !whole {
		return ok
	}
	wanted := map[int][]string{} // an entry's place → the links read as it
	last := -1
	for _, l := range links {
		at, read, ok := w.archiveLink(ix, name, l)
		if !ok {
			return false
		}
		if read {
			wanted[at] = append(wanted[at], l)
			last = max(last, at)
		}
	}
	if last < 0 {
		return true
	}
	ok, _ = w.eachTarEntry(name, func(tr *tar.Reader, hdr *tar.Header, at int, b *budget) tarStep {
		if ls := wanted[at]; ls != nil {
			// Read once, however many links lead here.
			var data []byte
			var err error
			read := func() (io.ReadCloser, error) {
				if data == nil && err == nil {
					data, err = readAllLimited(tr, w.opts.MaxBytes)
				}
				return io.NopCloser(bytes.NewReader(data)), err
			}
			for _, l := range ls {
				if !w.archivePage(b, name, l, hdr.Size, info, read) {
					return tarCancelled
				}
			}
		}
		if at >= last {
			return tarDone
		}
		return tarNext
	})
	return ok
}

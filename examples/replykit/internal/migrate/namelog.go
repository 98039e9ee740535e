package migrate

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNameLog means the scratch file in which a run keeps the display
// paths and output names of its pages (see nameLog) could not be made,
// written or read back.
var ErrNameLog = errors.New("scratch file of output names")

// nameHash is how the name plan finds a folded output name, and the
// duplicate check a body: the first 16 bytes of a SHA-256. Two of a run's
// n values share one with a chance of about n²/2¹²⁹, none in practice (as
// for webarchive's index keys), and an entry keyed by one is the same few
// bytes whatever the name's length.
type nameHash [16]byte

// nameLogBuffer is how much of the log is written at once.
const nameLogBuffer = 64 << 10

// nameLog keeps on disk the strings that the name plan and the duplicate
// check need only to word a clash or a duplicate, which few pages meet:
// each page's display path, and its output name where folding changed it.
// A page's entry in memory is then the place of its record here, not its
// strings, over runs of millions of pages. Records are appended through a
// buffer, and read back (after a flush) only for a message.
//
// The file is one of the run's temporary files in the output directory
// (tempPattern, random, so that shards side by side have one each, and a
// later run removes the file of a run that was killed); it is removed
// when the run ends.
type nameLog struct {
	f    *os.File
	w    *bufio.Writer
	size int64  // the bytes written, those still in the buffer included
	err  error  // the first write that failed: what followed it is lost
	buf  []byte // a record being put together
}

// openNameLog makes the log in dir (see scratchDir).
func openNameLog(dir string) (*nameLog, error) {
	f, err := createTemp(dir, tempPattern, 0o600)
	if err != nil {
		return nil, fmt.Errorf("%w for %s: %w", ErrNameLog, dir, err)
	}
	return &nameLog{f: f, w: bufio.NewWriterSize(f, nameLogBuffer)}, nil
}

// add appends the record of a page, its display path and output name
// ("" when that is its folded name), and gives its place. After a
// failure every add fails, since records may have been lost with it.
func (l *nameLog) add(display, out string) (int64, error) {
	if l.err != nil {
		return 0, l.err
	}
	l.buf = binary.AppendUvarint(l.buf[:0], uint64(len(display)))
	l.buf = binary.AppendUvarint(l.buf, uint64(len(out)))
	l.buf = append(append(l.buf, display...), out...)
	if _, err := l.w.Write(l.buf); err != nil {
		l.err = fmt.Errorf("%w, writing at byte %d: %w", ErrNameLog, l.size, err)
		return 0, l.err
	}
	at := l.size
	l.size += int64(len(l.buf))
	return at, nil
}

// at reads back the record at off.
func (l *nameLog) at(off int64) (display, out string, err error) {
	if l.err != nil {
		return "", "", l.err
	}
	fail := func(err error) (string, string, error) {
		return "", "", fmt.Errorf("%w, record at byte %d: %w", ErrNameLog, off, err)
	}
	if l.w.Buffered() > 0 {
		if err := l.w.Flush(); err != nil {
			l.err = fmt.Errorf("%w, writing at byte %d: %w", ErrNameLog, l.size-int64(l.w.Buffered()), err)
			return "", "", l.err
		}
	}
	if off < 0 || off >= l.size {
		return fail(errors.New("no such record"))
	}
	var head [2 * binary.MaxVarintLen64]byte
	n, err := l.f.ReadAt(head[:min(int64(len(head)), l.size-off)], off)
	if err != nil {
		return fail(err)
	}
	dl, a := binary.Uvarint(head[:n])
	ol, b := binary.Uvarint(head[max(a, 0):n])
	start := off + int64(a) + int64(b)
	if a <= 0 || b <= 0 || dl > uint64(l.size-start) || ol > uint64(l.size-start)-dl {
		return fail(io.ErrUnexpectedEOF)
	}
	rec := make([]byte, dl+ol)
	if _, err := l.f.ReadAt(rec, start); err != nil {
		return fail(err)
	}
	return string(rec[:dl]), string(rec[dl:]), nil
}

// close closes the log and removes it. What it cannot remove, a later
// run does (removeStaleTemps), so a failure is not the run's.
func (l *nameLog) close() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Close()
	os.Remove(l.f.Name())
	l.f = nil
}

// sumHash is the nameHash of s, put together in scratch.
func sumHash(scratch *[]byte, s string) nameHash {
	*scratch = append((*scratch)[:0], s...)
	sum := sha256.Sum256(*scratch)
	return nameHash(sum[:len(nameHash{})])
}

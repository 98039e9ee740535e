package webarchive

import (
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/klauspost/compress/gzip"
)

// Kind is a kind of web archive file.
type Kind uint8

// The kinds of file KindOf tells.
const (
	KindNone Kind = iota // not a web archive
	KindWARC             // a WARC, plain or gzipped
	KindWACZ             // a WACZ
)

// KindOf tells from a file's name (.warc, .warc.gz, .wacz, in any case)
// or, failing that, its first bytes (a WARC record, plain or gzipped)
// whether it is a web archive. A ZIP is a WACZ only by its name.
func KindOf(name string, head []byte) Kind {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".wacz"):
		return KindWACZ
	case isWARCName(n):
		return KindWARC
	case bytes.HasPrefix(head, []byte("WARC/")):
		return KindWARC
	case len(head) > 2 && head[0] == 0x1f && head[1] == 0x8b:
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return KindNone
		}
		var magic [5]byte
		if _, err := io.ReadFull(zr, magic[:]); err == nil && string(magic[:]) == "WARC/" {
			return KindWARC
		}
	}
	return KindNone
}

// ReadFile reads a WARC or WACZ on disk (as KindOf tells), calling yield
// with its items as ReadWARC and ReadWACZ do.
func ReadFile(name string, opts Options, yield func(*Item) bool) error {
	f, err := os.Open(name)
	if err != nil {
		return &Error{File: name, Err: err}
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	switch KindOf(name, head[:n]) {
	case KindWACZ:
		info, err := f.Stat()
		if err != nil {
			return &Error{File: name, Err: err}
		}
		return ReadWACZ(f, info.Size(), name, opts, yield)
	case KindWARC:
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return &Error{File: name, Err: err}
		}
		return ReadWARC(f, name, opts, yield)
	}
	return &Error{File: name, Err: ErrNotWARC}
}

package webarchive

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// ReadWARC reads the records of a WARC file from r, in order — plain, or
// gzipped record by record or as a whole — and calls yield with an item
// for each (see Item), until yield returns false. name is how items name
// the file. A record that does not read is an item (ReasonBadRecord) and
// reading goes on; ReadWARC returns an *Error only when it cannot read on:
// r fails, a gzip member is damaged, the inflate limit is passed, or r
// holds no WARC record at all (ErrNotWARC).
func ReadWARC(r io.Reader, name string, opts Options, yield func(*Item) bool) error {
	done, err := opts.ownIndex(name)
	if err != nil {
		return err
	}
	defer done()
	rd := newReader(name, &opts)
	_, err = rd.read(r, yield)
	return err
}

// ownIndex gives the call of ReadWARC or ReadWACZ on the file name an
// Index of its own when the caller gave none, and the function that
// removes it at the call's end.
func (o *Options) ownIndex(name string) (done func(), err error) {
	if o.Index != nil {
		return func() {}, nil
	}
	idx, err := NewIndex(IndexOptions{})
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	o.Index = idx
	return func() { _ = idx.Close() }, nil
}

// Buffer sizes. The reader's buffer bounds how far gowarc reads ahead of
// a record's end, so the window keeps that much when it drops bytes.
const (
	bufSize  = 64 << 10 // the buffer gowarc reads through
	headLen  = 64 << 10 // a record's first bytes kept when it is too large: its WARC and HTTP headers
	headroom = 256 << 10
)

// reader reads the records of WARC files, one after another.
type reader struct {
	name     string
	opts     *Options
	index    *Index
	un       gowarc.Unmarshaler
	win      window
	br       *bufio.Reader // gowarc reads the window through it
	gz       *gzip.Reader
	inflated int64             // bytes inflated, over the files read
	found    bool              // a record was read from the file
	filter   func(*Item) error // adjusts a page's verdict before it is remembered (a WACZ's page list)
	stopped  bool              // yield returned false
	err      error             // the Index failed (a full disk): the file is read no further
}

// unmarshalerMu serialises the making of gowarc Unmarshalers: gowarc
// v3.1.0 calls uuid.EnableRandPool each time it makes one, which writes a
// variable of github.com/google/uuid without synchronisation, so two web
// archives opened at once (two runs in one process) would race on it.
var unmarshalerMu sync.Mutex

// newUnmarshaler makes an Unmarshaler that reads records as they are,
// leaving the block to this package (see doc.go).
func newUnmarshaler() gowarc.Unmarshaler {
	unmarshalerMu.Lock()
	defer unmarshalerMu.Unlock()
	return gowarc.NewUnmarshaler(
		gowarc.WithSpecViolationPolicy(gowarc.ErrIgnore),
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrIgnore),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithSkipParseBlock())
}

func newReader(name string, opts *Options) *reader {
	rd := &reader{name: name, opts: opts, index: opts.Index, un: newUnmarshaler()}
	rd.win.limit = int(opts.maxBytes()) + headroom + bufSize
	rd.br = bufio.NewReaderSize(&rd.win, bufSize)
	return rd
}

// read reads one WARC file from r. ok is false when yield stopped it.
func (rd *reader) read(r io.Reader, yield func(*Item) bool) (ok bool, err error) {
	rd.found, rd.stopped = false, false
	cr := &countReader{r: r}
	src := bufio.NewReaderSize(cr, bufSize)
	magic, _ := src.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		err = rd.readGzip(src, cr, yield)
	} else {
		err = rd.records(src, 0, false, yield)
	}
	if err == nil && !rd.found && !rd.stopped {
		err = &Error{File: rd.name, Err: ErrNotWARC}
	}
	return !rd.stopped, err
}

// readGzip reads a gzipped WARC member by member, so that each record's
// offset is its member's, and a whole-file gzip (one member) is read
// whole.
func (rd *reader) readGzip(src *bufio.Reader, cr *countReader, yield func(*Item) bool) error {
	for !rd.stopped {
		at := cr.n - int64(src.Buffered())
		if _, err := src.Peek(1); err == io.EOF {
			return nil
		} else if err != nil {
			return &Error{File: rd.name, Offset: at, Err: err}
		}
		var err error
		if rd.gz == nil {
			rd.gz, err = gzip.NewReader(src)
		} else {
			err = rd.gz.Reset(src)
		}
		if err != nil {
			return &Error{File: rd.name, Offset: at, Err: fmt.Errorf("%w: %w", ErrGzip, err)}
		}
		rd.gz.Multistream(false)
		m := &member{gz: rd.gz, rd: rd}
		if err := rd.records(m, at, true, yield); err != nil {
			return err
		}
		if m.err != nil {
			return &Error{File: rd.name, Offset: at, Err: m.err}
		}
		if m.cut {
			return nil // the file ends inside this member
		}
	}
	return nil
}

// member reads one gzip member, counting what it inflates against the
// limit. A member that ends early reads as a stream that ends there, so
// that its last record is found truncated; any other failure is kept.
type member struct {
	gz  *gzip.Reader
	rd  *reader
	cut bool  // the file ends inside the member
	err error // a failure that stops the file
}

func (m *member) Read(p []byte) (int, error) {
	if m.err != nil {
		return 0, m.err
	}
	n, err := m.gz.Read(p)
	m.rd.inflated += int64(n)
	if max := m.rd.opts.MaxInflate; max > 0 && m.rd.inflated > max {
		m.err = fmt.Errorf("%w: more than %d bytes", ErrInflateLimit, max)
		return 0, m.err
	}
	switch {
	case err == nil, err == io.EOF:
	case errors.Is(err, io.ErrUnexpectedEOF):
		m.cut, err = true, io.EOF
	default:
		m.err = fmt.Errorf("%w: %w", ErrGzip, err)
		err = m.err
	}
	return n, err
}

// records reads the records of one stream: a plain WARC, or a gzip
// member found at offset memberAt of the file.
func (rd *reader) records(src io.Reader, memberAt int64, gzipped bool, yield func(*Item) bool) error {
	rd.win.reset(src)
	rd.br.Reset(&rd.win)
	for !rd.stopped {
		pos := rd.win.n - int64(rd.br.Buffered())
		rd.win.mark(pos)
		rec, skipped, _, err := rd.un.Unmarshal(rd.br)
		end := rd.win.n - int64(rd.br.Buffered())
		if m, ok := src.(*member); ok && m.err != nil {
			if rec != nil {
				rec.Close()
			}
			return nil // readGzip reports it
		}
		start := pos + skipped
		offset, in := start, int64(0)
		if gzipped {
			offset, in = memberAt, start
		}
		if err != nil {
			if rec != nil {
				rec.Close()
			}
			if end <= start {
				// Nothing of a record: the end, or bytes that hold none.
				if errors.Is(err, io.EOF) || errors.Is(err, gowarc.ErrNoRecord) {
					return nil
				}
				return &Error{File: rd.name, Offset: offset + (start - pos), Err: err}
			}
			it := &Item{File: rd.name, Offset: offset, InMember: in, Reason: ReasonBadRecord, Detail: err.Error()}
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				it.Reason, it.Detail = ReasonTruncated, "the file ends inside the record's header"
			}
			rd.found = true
			rd.emit(it, yield)
			rd.win.release(end)
			continue
		}
		rd.found = true
		it := rd.item(rec, start, end, Item{File: rd.name, Offset: offset, InMember: in})
		rec.Close()
		rd.win.release(end)
		if rd.err != nil {
			return &Error{File: rd.name, Offset: offset, Err: rd.err}
		}
		rd.emit(it, yield)
	}
	return nil
}

// emit gives an item to yield, noting when it asks to stop.
func (rd *reader) emit(it *Item, yield func(*Item) bool) {
	if !yield(it) {
		rd.stopped = true
	}
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// window keeps the bytes of a stream as gowarc reads them, from the
// start of the record being read (mark), up to limit bytes: gowarc, with
// validation off, reads a record's block past the caller, so its bytes
// are taken here. A record that outgrows the window keeps its first
// headLen bytes (head) and is read on without being held.
type window struct {
	r     io.Reader
	buf   []byte
	start int64 // the stream offset of buf[0]
	n     int64 // bytes read from r
	at    int64 // the start of the record being read
	head  []byte
	cut   bool // bytes of the record at at were dropped
	limit int
}

func (w *window) reset(r io.Reader) {
	w.r, w.buf, w.start, w.n, w.at, w.cut = r, w.buf[:0], 0, 0, 0, false
}

func (w *window) Read(p []byte) (int, error) {
	k, err := w.r.Read(p)
	w.buf = append(w.buf, p[:k]...)
	w.n += int64(k)
	if len(w.buf) > w.limit {
		w.shrink()
	}
	return k, err
}

// shrink drops all but the last bufSize bytes (which hold what the reader
// has read ahead), keeping the record's head first.
func (w *window) shrink() {
	if !w.cut {
		from := int(w.at - w.start)
		w.head = append(w.head[:0], w.buf[from:min(from+headLen, len(w.buf))]...)
		w.cut = true
	}
	drop := len(w.buf) - bufSize
	w.buf = w.buf[:copy(w.buf, w.buf[drop:])]
	w.start += int64(drop)
}

// mark starts a record at stream offset at.
func (w *window) mark(at int64) {
	w.at, w.cut, w.head = at, false, w.head[:0]
}

// record gives the bytes of the record from start to end, and whether
// they are all there; when not, its first bytes.
func (w *window) record(start, end int64) ([]byte, bool) {
	if w.cut || start < w.start || end > w.n {
		skip := int(min(max(start-w.at, 0), int64(len(w.head))))
		return w.head[skip:], false
	}
	return w.buf[start-w.start : end-w.start], true
}

// release drops the bytes before end, the end of the record read.
func (w *window) release(end int64) {
	if end <= w.start {
		return
	}
	drop := int(min(end-w.start, int64(len(w.buf))))
	w.buf = w.buf[:copy(w.buf, w.buf[drop:])]
	w.start += int64(drop)
}

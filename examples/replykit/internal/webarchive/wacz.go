package webarchive

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/hashindex"
)

// PagesName is where a WACZ lists its pages.
const PagesName = "pages/pages.jsonl"

// ReadWACZ reads the WARCs of a WACZ (archive/*.warc, archive/*.warc.gz,
// in the ZIP's order) as ReadWARC does, with one Index for all. When the
// WACZ lists its pages (PagesName), an HTML capture it does not list is
// no page (ReasonNotListed), and each listed URL no capture was found for
// is an item too (ReasonListedMissing). Entries inflate within
// Options.MaxInflate, with the gzip members of the WARCs.
func ReadWACZ(ra io.ReaderAt, size int64, name string, opts Options, yield func(*Item) bool) error {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return &Error{File: name, Err: fmt.Errorf("%w: %w", ErrWACZ, err)}
	}
	done, err := opts.ownIndex(name)
	if err != nil {
		return err
	}
	defer done()
	rd := newReader(name, &opts)
	var list *pageList
	for _, f := range zr.File {
		if f.Name == PagesName {
			if list, err = readPageList(f, rd); err != nil {
				return &Error{File: name + "!" + f.Name, Err: err}
			}
			defer list.close()
		}
	}
	if list != nil {
		rd.filter = list.check
	}
	for _, f := range zr.File {
		if !isWARCName(f.Name) || !strings.HasPrefix(f.Name, "archive/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return &Error{File: name + "!" + f.Name, Err: fmt.Errorf("%w: %w", ErrWACZ, err)}
		}
		rd.name = name + "!" + f.Name
		ok, err := rd.read(&entryReader{r: rc, rd: rd}, yield)
		rc.Close()
		if err != nil || !ok {
			return err
		}
	}
	if list != nil {
		if err := list.missing(rd, name, yield); err != nil {
			return &Error{File: name + "!" + PagesName, Err: err}
		}
	}
	return nil
}

// entryReader counts what a ZIP entry inflates to against the limit.
type entryReader struct {
	r  io.Reader
	rd *reader
}

func (e *entryReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.rd.inflated += int64(n)
	if max := e.rd.opts.MaxInflate; max > 0 && e.rd.inflated > max {
		return 0, fmt.Errorf("%w: more than %d bytes", ErrInflateLimit, max)
	}
	return n, err
}

// pageList is a WACZ's list of pages: the URLs it lists and those of
// them a capture was found for, each set in a hashindex, so that a list
// of millions of pages is not held in memory; the list itself is read
// again, from the ZIP, for the pages not found.
type pageList struct {
	file   *zip.File
	listed *hashindex.Index // a URL's key → the line that lists it first
	found  *hashindex.Index // the keys of the listed URLs captured
	key    []byte           // where a URL is put together to be hashed
}

// listed is a page of a WACZ's list.
type listed struct {
	URL string `json:"url"`
	TS  string `json:"ts"`
}

// readPageList reads a pages.jsonl: a header line, then a JSON object a
// page; lines that name no URL are passed over.
func readPageList(f *zip.File, rd *reader) (*pageList, error) {
	first, err := rd.index.newTable(8)
	if err != nil {
		return nil, err
	}
	found, err := rd.index.newTable(0)
	if err != nil {
		_ = first.Close()
		return nil, err
	}
	l := &pageList{file: f, listed: first, found: found}
	var line [8]byte
	err = l.each(rd, func(n int64, p *listed) error {
		k := l.keyOf(p.URL)
		if ok, err := l.listed.Get(k, line[:]); ok || err != nil {
			return err // the first line of a URL is kept
		}
		binary.LittleEndian.PutUint64(line[:], uint64(n))
		return l.listed.Put(k, line[:])
	})
	if err != nil {
		l.close()
		return nil, err
	}
	return l, nil
}

// each reads the list, giving each page and its line to fn.
func (l *pageList) each(rd *reader, fn func(line int64, p *listed) error) error {
	rc, err := l.file.Open()
	if err != nil {
		return fmt.Errorf("%w: %w", ErrWACZ, err)
	}
	defer rc.Close()
	sc := bufio.NewScanner(&entryReader{r: rc, rd: rd})
	sc.Buffer(nil, 1<<20)
	for line := int64(1); sc.Scan(); line++ {
		var p listed
		if json.Unmarshal(bytes.TrimSpace(sc.Bytes()), &p) != nil || p.URL == "" {
			continue
		}
		if err := fn(line, &p); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrWACZ, PagesName, err)
	}
	return nil
}

// keyOf is the key of a page's URL.
func (l *pageList) keyOf(u string) hashindex.Key {
	l.key = append(l.key[:0], pageKey(u)...)
	sum := sha256.Sum256(l.key)
	return hashindex.Key(sum[:len(hashindex.Key{})])
}

// check marks a page capture the list does not name as not listed.
func (l *pageList) check(it *Item) error {
	k := l.keyOf(it.URI)
	ok, err := l.listed.Has(k)
	switch {
	case err != nil:
		return err
	case ok:
		return l.found.Put(k, nil)
	}
	it.Reason, it.Detail, it.Body = ReasonNotListed, PagesName+" does not list it", nil
	return nil
}

// missing gives yield, in the list's order, an item for each URL listed
// that no capture was found for, at the line that lists it first.
func (l *pageList) missing(rd *reader, name string, yield func(*Item) bool) error {
	stop := errors.New("stopped")
	var first [8]byte
	err := l.each(rd, func(n int64, p *listed) error {
		k := l.keyOf(p.URL)
		if _, err := l.listed.Get(k, first[:]); err != nil || int64(binary.LittleEndian.Uint64(first[:])) != n {
			return err // a later line of a URL listed before
		}
		if found, err := l.found.Has(k); found || err != nil {
			return err
		}
		if !yield(&Item{File: name + "!" + PagesName, Offset: n, URI: p.URL, Date: p.TS,
			Reason: ReasonListedMissing, Detail: "listed, but no WARC of the WACZ holds its page"}) {
			return stop
		}
		return nil
	})
	if errors.Is(err, stop) {
		return nil
	}
	return err
}

// close removes the list's files.
func (l *pageList) close() {
	_ = l.listed.Close()
	_ = l.found.Close()
}

// pageKey is a URL without its fragment, which no capture holds.
func pageKey(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

// isWARCName reports whether a name ends in .warc or .warc.gz, in any
// case.
func isWARCName(name string) bool {
	n := strings.ToLower(path.Base(name))
	return strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz")
}

package webarchive

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
)

// PagesName is where a WACZ lists its pages.
const PagesName = "pages/pages.jsonl"

// maxPagesList is the largest pages.jsonl read: a few hundred bytes a
// page, for a million pages.
const maxPagesList = 512 << 20

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
		for _, p := range list.pages {
			if !p.found && !yield(&Item{File: name + "!" + PagesName, Offset: p.line, URI: p.URL, Date: p.TS,
				Reason: ReasonListedMissing, Detail: "listed, but no WARC of the WACZ holds its page"}) {
				return nil
			}
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

// pageList is a WACZ's list of pages, by URL.
type pageList struct {
	pages []*listed
	byURL map[string]*listed
}

// listed is a page of a WACZ's list, and whether a capture of it was
// found.
type listed struct {
	URL   string `json:"url"`
	TS    string `json:"ts"`
	line  int64
	found bool
}

// readPageList reads a pages.jsonl: a header line, then a JSON object a
// page; lines that name no URL are passed over.
func readPageList(f *zip.File, rd *reader) (*pageList, error) {
	if f.UncompressedSize64 > maxPagesList {
		return nil, fmt.Errorf("%w: %s of %d bytes", ErrWACZ, PagesName, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrWACZ, err)
	}
	defer rc.Close()
	l := &pageList{byURL: map[string]*listed{}}
	sc := bufio.NewScanner(&entryReader{r: io.LimitReader(rc, maxPagesList), rd: rd})
	sc.Buffer(nil, 1<<20)
	for line := int64(1); sc.Scan(); line++ {
		var p listed
		if json.Unmarshal(bytes.TrimSpace(sc.Bytes()), &p) != nil || p.URL == "" {
			continue
		}
		p.line = line
		if _, ok := l.byURL[pageKey(p.URL)]; !ok {
			l.byURL[pageKey(p.URL)] = &p
			l.pages = append(l.pages, &p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrWACZ, PagesName, err)
	}
	return l, nil
}

// check marks a page capture the list does not name as not listed.
func (l *pageList) check(it *Item) {
	if p := l.byURL[pageKey(it.URI)]; p != nil {
		p.found = true
		return
	}
	it.Reason, it.Detail, it.Body = ReasonNotListed, PagesName+" does not list it", nil
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

package migrate

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/webarchive"
	"github.com/replykit/replykit/reply"
)

// The reasons a record of a web archive (WARC, WACZ) is not read as a
// page, beside IgnoredNotHTML. Each is webarchive's reason of the same
// name; Ignored.Detail begins with the record's URI and date.
const (
	// IgnoredRequest is a request record: what the crawler sent.
	IgnoredRequest = string(webarchive.ReasonRequest)
	// IgnoredMetadata is a metadata record: notes on another record.
	IgnoredMetadata = string(webarchive.ReasonMetadata)
	// IgnoredWarcinfo is a warcinfo record: notes on the crawl.
	IgnoredWarcinfo = string(webarchive.ReasonWarcinfo)
	// IgnoredRecordType is a record of another type (conversion,
	// continuation, unknown), or a segment of one.
	IgnoredRecordType = string(webarchive.ReasonRecordType)
	// IgnoredStatus is a response whose HTTP status is not 200.
	IgnoredStatus = string(webarchive.ReasonStatus)
	// IgnoredTruncated is a record the crawler marked truncated, or
	// whose file ends inside it.
	IgnoredTruncated = string(webarchive.ReasonTruncated)
	// IgnoredEncoding is a body in a Content-Encoding not read (br).
	IgnoredEncoding = string(webarchive.ReasonEncoding)
	// IgnoredBadHTTP is a response whose HTTP message does not read.
	IgnoredBadHTTP = string(webarchive.ReasonBadHTTP)
	// IgnoredBadRecord is a record that does not read as WARC.
	IgnoredBadRecord = string(webarchive.ReasonBadRecord)
	// IgnoredRevisit is a revisit record of a capture read before it:
	// the detail names the capture whose payload it repeats.
	IgnoredRevisit = string(webarchive.ReasonRevisit)
	// IgnoredRevisitUnresolved is a revisit record of a capture not read
	// before it (in its file, or an earlier web archive of the run).
	IgnoredRevisitUnresolved = string(webarchive.ReasonRevisitUnresolved)
	// IgnoredNotListed is an HTML capture that its WACZ's
	// pages/pages.jsonl does not list.
	IgnoredNotListed = string(webarchive.ReasonNotListed)
	// IgnoredListedMissing is a URL a WACZ's pages/pages.jsonl lists,
	// whose page none of its WARCs holds.
	IgnoredListedMissing = string(webarchive.ReasonListedMissing)
	// IgnoredDuplicate is a capture whose body (SHA-256) is that of a
	// capture read before it in the run: the page is converted once, and
	// the detail names the first capture.
	IgnoredDuplicate = "duplicate"
)

// capturePath is how the report names a record of a web archive: its
// file, "@" and its offset (of its gzip member), and "+" and its place
// in the member when the member holds several records.
func capturePath(file string, offset, inMember int64) string {
	p := file + "@" + strconv.FormatInt(offset, 10)
	if inMember != 0 {
		p += "+" + strconv.FormatInt(inMember, 10)
	}
	return p
}

// walkWebArchive sends the page captures of a WARC or WACZ on disk, in
// the file's order, and lists every other record as ignored with its
// reason. A capture whose body was sent before is listed as a duplicate
// of the first. gzip members may inflate to MaxInflateRatio times the
// file's size: the bytes inflated are not held, so MaxInflateBytes does
// not bound them.
func (w *walker) walkWebArchive(name string, kind webarchive.Kind) bool {
	f, info, err := openRegular(name)
	if err != nil {
		return w.fail(name, "", statKind(err, KindVanished), err)
	}
	defer f.Close()
	if w.warcIndex == nil {
		// Remembered for the run; past a bound, on disk beside the
		// report's entries.
		idx, err := webarchive.NewIndex(webarchive.IndexOptions{Dir: w.scratch, Pattern: tempPattern,
			MemEntries: keysPerEntry * w.opts.MemEntries})
		if err != nil {
			return w.fail(name, "", KindArchive, err)
		}
		payloads, err := newPlaceIndex(w.scratch, keysPerEntry*w.opts.MemEntries)
		if err != nil {
			_ = idx.Close()
			return w.fail(name, "", KindArchive, err)
		}
		w.warcIndex, w.payloads = idx, payloads
	}
	ratio := cmp.Or(max(w.opts.MaxInflateRatio, 0), DefaultMaxInflateRatio)
	opts := webarchive.Options{MaxBytes: w.opts.MaxBytes, Index: w.warcIndex, LooksHTML: looksHTML,
		MaxInflate: max(info.Size()*ratio, w.opts.MaxBytes)}
	ok := true
	each := func(it *webarchive.Item) bool {
		ok = w.capture(it)
		return ok
	}
	if kind == webarchive.KindWACZ {
		err = webarchive.ReadWACZ(f, info.Size(), name, opts, each)
	} else {
		err = webarchive.ReadWARC(f, name, opts, each)
	}
	switch {
	case !ok:
		return false
	case errors.Is(err, webarchive.ErrInflateLimit):
		return w.fail(name, "", KindArchiveLimit, fmt.Errorf("%w: %w", ErrInflateLimit, err))
	case err != nil:
		return w.fail(name, "", KindArchive, err)
	}
	return true
}

// capture takes one record of a web archive: a page is named from its URL
// and time and sent on, unless its body is a page's sent before; any
// other record is listed as ignored.
func (w *walker) capture(it *webarchive.Item) bool {
	display := capturePath(it.File, it.Offset, it.InMember)
	where := it.URI
	if it.Date != "" {
		// A record without a URI (warcinfo) is known by its date alone.
		where = strings.TrimPrefix(where+" at "+it.Date, " ")
	}
	detail := func(s string) string {
		switch {
		case where == "":
			return s
		case s == "":
			return where
		}
		return where + ": " + s
	}
	switch {
	case it.Reason == "":
	case it.Refers != nil:
		// A revisit: the capture it repeats is reported on its own.
		of := "the payload of " + capturePath(it.Refers.File, it.Refers.Offset, it.Refers.InMember)
		if it.Refers.Reason != "" {
			of += ", which is no page (" + string(it.Refers.Reason) + ")"
		}
		w.ignore(display, IgnoredRevisit, detail(of))
		return true
	case it.Reason == webarchive.ReasonTooLarge:
		rel := captureName(it.URI, it.Date)
		return w.fail(display, rel, KindTooLarge, fmt.Errorf("%w: %s", ErrTooLarge, detail(it.Detail)))
	default:
		w.ignore(display, string(it.Reason), detail(it.Detail))
		return true
	}
	// The first capture of a body is known by the record the name plan
	// keeps of it, which holds its display path.
	sum := sha256.Sum256(it.Body)
	body := nameHash(sum[:len(nameHash{})])
	if w.payloadsErr != nil {
		// A body not remembered: duplicates can no longer be told.
		return w.fail(display, "", KindWrite, w.payloadsErr)
	}
	rec, ok, err := w.payloads.get(body)
	if err != nil {
		return w.fail(display, "", KindWrite, err)
	}
	if ok {
		first, err := w.names.displayAt(rec)
		if err != nil {
			return w.fail(display, "", KindWrite, err)
		}
		w.ignore(display, IgnoredDuplicate, detail("the same body as "+first))
		return true
	}
	src := PageSource{URL: it.URI, ContentType: it.ContentType, Provenance: reply.Provenance{Path: it.File,
		Capture: reply.Capture{URI: it.URI, Date: it.Date, RecordID: it.RecordID, PayloadDigest: it.PayloadDigest, Offset: it.Offset}}}
	rec, ok = w.emitNamed(page{display: display, rel: captureName(it.URI, it.Date), data: it.Body, source: src})
	if rec >= 0 {
		w.payloadsErr = w.payloads.put(body, rec)
	}
	return ok
}

package webarchive

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Reason says why a record is not a page capture.
type Reason string

// The reasons a record is not a page. Every record read is either a page
// (Reason "") or has one of these.
const (
	// ReasonRequest is a request record: what the crawler sent.
	ReasonRequest Reason = "warc-request"
	// ReasonMetadata is a metadata record: notes on another record
	// (outlinks, fetch times), no captured bytes.
	ReasonMetadata Reason = "warc-metadata"
	// ReasonWarcinfo is a warcinfo record: notes on the crawl or file.
	ReasonWarcinfo Reason = "warc-warcinfo"
	// ReasonRecordType is a record of another type (conversion,
	// continuation, one not known), or a segment of a record.
	ReasonRecordType Reason = "warc-record-type"
	// ReasonStatus is a response whose HTTP status is not 200 (a
	// redirect, a 404, a server error); Item.Status has it.
	ReasonStatus Reason = "http-status"
	// ReasonNotHTML is a response that is no HTML page by its
	// Content-Type, or, when that says nothing, by its first bytes.
	ReasonNotHTML Reason = "not-html"
	// ReasonTruncated is a record the crawler marked truncated
	// (WARC-Truncated), or whose bytes end before its length says.
	ReasonTruncated Reason = "truncated"
	// ReasonTooLarge is a record whose bytes or decoded body are over
	// Options.MaxBytes.
	ReasonTooLarge Reason = "too-large"
	// ReasonEncoding is a body in a Content-Encoding that cannot be
	// decoded (br, zstd), or that does not decode.
	ReasonEncoding Reason = "content-encoding"
	// ReasonBadHTTP is a response whose HTTP message does not read.
	ReasonBadHTTP Reason = "bad-http"
	// ReasonBadRecord is a record that does not read as WARC (a header
	// gowarc refuses), or a capture without its target URI, record ID or
	// an RFC 3339 date; reading goes on with the next one.
	ReasonBadRecord Reason = "bad-record"
	// ReasonRevisit is a revisit record resolved to a page capture read
	// before it (Item.Refers): the same payload again.
	ReasonRevisit Reason = "revisit"
	// ReasonRevisitUnresolved is a revisit record whose capture was not
	// read before it.
	ReasonRevisitUnresolved Reason = "revisit-unresolved"
	// ReasonNotListed is, in a WACZ with pages/pages.jsonl, an HTML
	// capture whose URL the list does not name (a frame, a resource).
	ReasonNotListed Reason = "not-listed"
	// ReasonListedMissing is a URL that a WACZ's pages/pages.jsonl lists
	// but whose page capture none of its WARCs holds. It is no record:
	// Item.File names the list, Item.Offset its line.
	ReasonListedMissing Reason = "listed-missing"
)

// Item is one record of a web archive: a page capture (Reason ""), or a
// record that is not one and why.
type Item struct {
	// File is the WARC file the record is in: the name given, or, in a
	// WACZ, "name.wacz!archive/data.warc.gz".
	File string
	// Offset is the record's byte offset in File; in a gzipped WARC, the
	// offset of the gzip member that holds it.
	Offset int64
	// InMember is the record's offset in its inflated gzip member, for a
	// member that holds more than one record (a whole-file gzip); else 0.
	InMember int64
	// Type is the WARC-Type as written.
	Type string
	// URI is the WARC-Target-URI, without the angle brackets that WARC
	// 1.0 writers (wget) put round it.
	URI string
	// Date is the WARC-Date as written.
	Date string
	// RecordID is the WARC-Record-ID as written ("<urn:uuid:…>").
	RecordID string
	// PayloadDigest is the WARC-Payload-Digest as written, when present.
	PayloadDigest string
	// Status is the HTTP status (200 for a resource record), 0 when
	// there is none or it did not read.
	Status int
	// ContentType is the HTTP Content-Type as sent (a resource record's
	// WARC Content-Type).
	ContentType string
	// Body is a page's body: de-chunked and content-decoded, at most
	// Options.MaxBytes. It is the caller's to keep. Nil for a record
	// that is not a page.
	Body []byte
	// Reason is "" for a page, else why the record is not one.
	Reason Reason
	// Detail says more where the reason alone would not: the status
	// line, the Content-Type, the error.
	Detail string
	// Refers is, for a revisit record resolved, where the capture it
	// refers to was read and its verdict.
	Refers *Ref
}

// DefaultMaxBytes is the largest body read when Options.MaxBytes is zero.
const DefaultMaxBytes = 16 << 20

// Options set up a reading. The zero value reads with the defaults.
type Options struct {
	// MaxBytes is the largest page body, and (with room for headers) the
	// most bytes of a record held; zero means DefaultMaxBytes.
	MaxBytes int64
	// MaxInflate is the most bytes gzip members may inflate to, over a
	// file; zero means no limit. The bytes inflated are never held, so
	// the limit bounds time, not memory.
	MaxInflate int64
	// Index is where captures are remembered so that revisit records
	// resolve to them; give one Index to every file of a crawl for a
	// revisit to find a capture in an earlier file. Nil means one for
	// each call, whose files (past what it holds in memory) are in the
	// system's temporary directory and removed when the call returns.
	Index *Index
	// LooksHTML decides whether the body of a capture whose Content-Type
	// says nothing of its kind (none, or application/octet-stream) is an
	// HTML page; nil asks http.DetectContentType. A caller that also reads
	// files gives its own test, so that captures and files are told apart
	// by one rule.
	LooksHTML func(body []byte) bool
}

// looksHTML is LooksHTML or its default.
func (o *Options) looksHTML(body []byte) bool {
	if o.LooksHTML != nil {
		return o.LooksHTML(body)
	}
	return strings.HasPrefix(http.DetectContentType(body), "text/html")
}

// maxBytes is MaxBytes or its default.
func (o *Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

var (
	// ErrNotWARC means a file holds no WARC record at all.
	ErrNotWARC = errors.New("not a WARC file")
	// ErrGzip means a gzip member is damaged, so that nothing after it
	// can be found.
	ErrGzip = errors.New("damaged gzip member")
	// ErrInflateLimit means gzip members inflate past Options.MaxInflate.
	ErrInflateLimit = errors.New("inflates past its limit")
	// ErrWACZ means a WACZ is not a ZIP, or its pages.jsonl is too large.
	ErrWACZ = errors.New("damaged WACZ")
)

// Error is a failure to read on in a file, at a byte offset.
type Error struct {
	File   string // the file, as Item.File names it
	Offset int64  // where reading stopped
	Err    error  // what went wrong: one of the Err values, or an I/O error
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: at byte %d: %v", e.File, e.Offset, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

package webarchive

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"
)

// item reads a record, whose bytes ran from start to end of its stream,
// into an item, at where (its File, Offset and InMember): a page, or why
// it is not one. Responses and resources
// are remembered for the revisits that follow.
func (rd *reader) item(rec gowarc.WarcRecord, start, end int64, where Item) *Item {
	h := rec.WarcHeader()
	// gowarc gives each field as part of its whole line: copied, a field
	// kept (in a report) keeps only itself.
	it := &Item{File: where.File, Offset: where.Offset, InMember: where.InMember, Type: strings.Clone(h.Get(gowarc.WarcType)),
		URI: strings.Clone(stripURI(h.Get(gowarc.WarcTargetURI))), Date: strings.Clone(h.Get(gowarc.WarcDate)),
		RecordID: strings.Clone(h.Get(gowarc.WarcRecordID)), PayloadDigest: strings.Clone(h.Get(gowarc.WarcPayloadDigest))}
	raw, whole := rd.win.record(start, end)
	if _, short, err := block(raw, h, whole); whole && (short || err != nil) {
		// The stream ends inside the record, whatever its type.
		it.Reason, it.Detail = ReasonTruncated, "the file ends inside the record"
		return it
	}
	switch t := rec.Type(); {
	case t == gowarc.Request:
		it.Reason = ReasonRequest
	case t == gowarc.Metadata:
		it.Reason = ReasonMetadata
	case t == gowarc.Warcinfo:
		it.Reason = ReasonWarcinfo
	case h.Has(gowarc.WarcSegmentNumber):
		it.Reason, it.Detail = ReasonRecordType, "a segment of a record"
	case t == gowarc.Revisit:
		rd.revisit(it, h, raw, whole)
		return it
	case t == gowarc.Response || t == gowarc.Resource:
		rd.capture(it, t, h, raw, whole)
		if rd.filter != nil && it.Reason == "" {
			if err := rd.filter(it); err != nil {
				rd.err = err
			}
		}
		if err := rd.index.add(it); err != nil {
			rd.err = err
		}
	default:
		it.Reason, it.Detail = ReasonRecordType, "WARC-Type "+it.Type
	}
	return it
}

// stripURI takes the angle brackets off a URI that a WARC 1.0 writer put
// round it ("<http://…>").
func stripURI(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>' {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// block gives a record's block from its raw bytes: what follows the WARC
// header, up to the record's Content-Length. short is true when the
// bytes end before the length says.
func block(raw []byte, h *gowarc.WarcFields, whole bool) (b []byte, short bool, err error) {
	n, err := h.GetInt64(gowarc.ContentLength)
	if err != nil || n < 0 {
		return nil, false, fmt.Errorf("Content-Length %q", h.Get(gowarc.ContentLength))
	}
	i := bytes.Index(raw, []byte("\r\n\r\n"))
	j := bytes.Index(raw, []byte("\n\n"))
	switch {
	case i >= 0 && (j < 0 || i < j):
		b = raw[i+4:]
	case j >= 0:
		b = raw[j+2:]
	default:
		return nil, false, errors.New("no end to the WARC header")
	}
	if int64(len(b)) >= n {
		return b[:n], false, nil
	}
	return b, whole, nil
}

// capture reads a response or resource record into a page, or says why
// it is not one: status, type, then whether its bytes are all there, then
// its body.
func (rd *reader) capture(it *Item, t gowarc.RecordType, h *gowarc.WarcFields, raw []byte, whole bool) {
	blk, short, err := block(raw, h, whole)
	if err != nil {
		it.Reason, it.Detail = ReasonBadRecord, err.Error()
		return
	}
	var body io.Reader
	var encoding string
	if t == gowarc.Resource {
		it.Status, it.ContentType = http.StatusOK, h.Get(gowarc.ContentType)
		body = bytes.NewReader(blk)
	} else {
		wct := strings.ToLower(h.Get(gowarc.ContentType))
		if !strings.HasPrefix(wct, gowarc.ApplicationHttp) {
			it.Reason, it.Detail = ReasonNotHTML, "WARC Content-Type "+h.Get(gowarc.ContentType)
			return
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(blk)), nil)
		if err != nil {
			it.Reason, it.Detail = ReasonBadHTTP, err.Error()
			if short || !whole {
				it.Reason, it.Detail = partReason(short, rd.opts.maxBytes())
			}
			return
		}
		it.Status, it.ContentType = resp.StatusCode, resp.Header.Get("Content-Type")
		encoding = strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
		body = resp.Body
		if it.Status != http.StatusOK {
			it.Reason, it.Detail = ReasonStatus, resp.Status
			return
		}
	}
	html := htmlType(it.ContentType)
	switch {
	case html == typeOther:
		it.Reason, it.Detail = ReasonNotHTML, "Content-Type "+it.ContentType
		return
	case h.Get(gowarc.WarcTruncated) != "":
		it.Reason, it.Detail = ReasonTruncated, "WARC-Truncated: "+h.Get(gowarc.WarcTruncated)
		return
	case short || !whole:
		it.Reason, it.Detail = partReason(short, rd.opts.maxBytes())
		return
	}
	data, reason, detail := rd.decode(body, encoding)
	if reason != "" {
		it.Reason, it.Detail = reason, detail
		return
	}
	if html == typeSniff && !rd.opts.looksHTML(data) {
		it.Reason, it.Detail = ReasonNotHTML, fmt.Sprintf("Content-Type %q, and the body does not look like HTML", it.ContentType)
		return
	}
	if it.URI == "" || it.RecordID == "" {
		it.Reason, it.Detail = ReasonBadRecord, "a capture without its WARC-Target-URI or WARC-Record-ID"
		return
	}
	if _, err := time.Parse(time.RFC3339Nano, it.Date); err != nil {
		it.Reason, it.Detail = ReasonBadRecord, fmt.Sprintf("WARC-Date %q is no RFC 3339 date", it.Date)
		return
	}
	if data == nil {
		data = []byte{}
	}
	it.Body = data
}

// partReason is why a record whose bytes are not all there is no page:
// the file ends inside it (short), or it is over the limit of max bytes.
func partReason(short bool, max int64) (Reason, string) {
	if short {
		return ReasonTruncated, "the file ends inside the record"
	}
	return ReasonTooLarge, fmt.Sprintf("the record is larger than a page of %d bytes with its headers", max)
}

// decode reads a body to its end, de-chunked (net/http did that) and
// content-decoded, within the size limit.
func (rd *reader) decode(body io.Reader, encoding string) ([]byte, Reason, string) {
	var err error
	switch encoding {
	case "", "identity":
	case "gzip", "x-gzip":
		body, err = gzip.NewReader(body)
	case "deflate":
		// Servers send zlib, as the name says, or raw deflate.
		var data []byte
		data, err = io.ReadAll(body)
		if err == nil {
			if zr, zerr := zlib.NewReader(bytes.NewReader(data)); zerr == nil {
				body = zr
			} else {
				body = flate.NewReader(bytes.NewReader(data))
			}
		}
	default:
		return nil, ReasonEncoding, "Content-Encoding " + encoding + " is not read"
	}
	if err != nil {
		return nil, truncatedOr(err, ReasonEncoding), err.Error()
	}
	max := rd.opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	switch {
	case err != nil:
		return nil, truncatedOr(err, ReasonEncoding), err.Error()
	case int64(len(data)) > max:
		return nil, ReasonTooLarge, fmt.Sprintf("the body is over %d bytes", max)
	}
	return data, "", ""
}

// truncatedOr is ReasonTruncated for an error that says the bytes ended
// early, else other.
func truncatedOr(err error, other Reason) Reason {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return ReasonTruncated
	}
	return other
}

// htmlKind is what a Content-Type says of HTML.
type htmlKind uint8

const (
	typeHTML  htmlKind = iota // an HTML type
	typeSniff                 // none, or one that says nothing: the body decides
	typeOther                 // another type
)

// htmlType tells from a Content-Type whether the body is HTML.
func htmlType(ct string) htmlKind {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt, _, _ = strings.Cut(ct, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return typeHTML
	case "", "text/plain", "application/octet-stream", "unknown/unknown", "application/unknown", "*/*":
		return typeSniff
	}
	return typeOther
}

// revisit resolves a revisit record to the capture it refers to: by
// WARC-Refers-To, by payload digest, or by target URI and date. The
// detail names the capture as the revisit does: the Index keeps no field
// of it.
func (rd *reader) revisit(it *Item, h *gowarc.WarcFields, raw []byte, whole bool) {
	if blk, _, err := block(raw, h, whole); err == nil {
		if resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(blk)), nil); err == nil {
			it.Status, it.ContentType = resp.StatusCode, resp.Header.Get("Content-Type")
			resp.Body.Close()
		}
	}
	ref, how, err := rd.index.resolve(h.Get(gowarc.WarcRefersTo), it.PayloadDigest,
		stripURI(h.Get(gowarc.WarcRefersToTargetURI)), h.Get(gowarc.WarcRefersToDate))
	switch {
	case err != nil:
		rd.err = err
	case ref == nil:
		it.Reason, it.Detail = ReasonRevisitUnresolved, how
	case ref.Reason == "":
		it.Reason, it.Refers, it.Detail = ReasonRevisit, ref, "the payload of "+how
	default:
		it.Reason, it.Refers = ref.Reason, ref
		it.Detail = "a revisit of " + how + ", which is no page: " + string(ref.Reason)
	}
}

package reply

// Provenance is where a notice was read from, and a fixity value of the bytes read.
type Provenance struct {
	// Path is the file as given and the name within it: "mirror/a.html",
	// "site.zip!a/b.html", "crawl.warc.gz", "c.wacz!archive/data.warc.gz".
	Path string `json:"path,omitempty"`
	// SHA256 is the lowercase hex SHA-256 of the bytes given to the reader
	// (for a capture: the HTTP body, de-chunked and content-decoded).
	SHA256 string `json:"sha256,omitempty"`
	// Capture is set when the page is a web-archive capture.
	Capture Capture `json:"capture,omitzero"`
}

// IsZero reports whether p states nothing: the notice's origin is not
// recorded. A reply with a zero Provenance is written as replykit/v1.
func (p Provenance) IsZero() bool { return p == Provenance{} }

// Capture is a WARC response record a page was read from.
type Capture struct {
	// URI is the WARC-Target-URI (angle brackets stripped).
	URI string `json:"uri"`
	// Date is the WARC-Date as written (RFC 3339, UTC).
	Date string `json:"date"`
	// RecordID is the WARC-Record-ID as written, e.g. "<urn:uuid:…>".
	RecordID string `json:"recordID"`
	// PayloadDigest is the WARC-Payload-Digest as written, e.g. "sha1:…",
	// when the record has one.
	PayloadDigest string `json:"payloadDigest,omitempty"`
	// Offset is the byte offset of the record in the WARC file named by
	// Provenance.Path, or, in a .warc.gz, of the gzip member holding it:
	// 0 for every record of a file gzipped as a whole, which can only be
	// read from its start. Written always when Capture is set, 0 included.
	Offset int64 `json:"offset"`
}

// IsZero reports whether c states nothing: the page is not a capture.
func (c Capture) IsZero() bool { return c == Capture{} }

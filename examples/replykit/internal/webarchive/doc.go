// Package webarchive iterates the page captures of a web archive — a WARC
// file (ISO 28500, WARC 1.0 or 1.1), plain or gzipped (record by record,
// or the whole file as one stream), or a WACZ (a ZIP of WARCs with
// pages/pages.jsonl) — and says, for every other record, why it is not a
// page. It streams: a record's bytes are held only up to a bound, never a
// whole file.
//
// WARC framing and header fields are read with github.com/nlnwa/gowarc/v3,
// with its spec-violation policy set to ignore: its default validation
// drops a WARC-Target-URI written in angle brackets, as wget writes it
// (the WARC 1.0 grammar), and the brackets are stripped here instead.
// With that policy, gowarc 3.1.0 keeps only the first 4 KiB of an HTTP
// block and reads only the first record of a whole-file gzip, so the
// record's raw bytes are kept as they stream past (see window), gzip
// members are read here one by one, and the HTTP message is read with
// net/http (de-chunked, then content-decoded).
//
// A revisit record resolves, through an Index, to the capture it refers
// to (by payload digest, WARC-Refers-To, or target URI and date). The
// package knows nothing of what a page becomes.
package webarchive

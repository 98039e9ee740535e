package parse

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/replykit/replykit/parse/internal/charset"
	"github.com/replykit/replykit/reply"
	"golang.org/x/net/html"
)

// htmlParserDepth is the deepest element nesting that golang.org/x/net/html
// builds; a page nesting deeper is refused with a *LimitError "depth".
const htmlParserDepth = 512

// sniffLen is how much of the page the markup sniffing looks at.
const sniffLen = 16 << 10

// readLimited reads at most max bytes of r (size, when known, sizes the
// buffer), and one more to tell input
// over the limit, which is refused without reading further.
func readLimited(r io.Reader, size, max int64) ([]byte, error) {
	var buf bytes.Buffer
	if size > 0 {
		buf.Grow(int(min(size, max) + bytes.MinRead))
	}
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("parse: reading input: %w", err)
	}
	if n > max {
		return nil, &LimitError{Limit: "bytes", Max: max, Where: "byte " + strconv.FormatInt(max+1, 10)}
	}
	return buf.Bytes(), nil
}

// sizeHint is the size of what r holds, when r can tell (a bytes or
// strings reader, a file), else 0.
func sizeHint(r io.Reader) int64 {
	switch v := r.(type) {
	case interface{ Len() int }:
		return int64(v.Len())
	case interface{ Stat() (os.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			return fi.Size()
		}
	}
	return 0
}

// loadDocument reads a page whole, up to the byte limit, and builds its
// goquery document with pageDocument.
func loadDocument(r io.Reader, cfg *config) (*goquery.Document, []reply.Warning, error) {
	if r == nil {
		return nil, nil, ErrEmpty
	}
	data, err := readLimited(ctxReader{cfg.ctx, r}, sizeHint(r), cfg.maxBytes)
	if err != nil {
		return nil, nil, err
	}
	return pageDocument(data, cfg)
}

// pageDocument decodes a page read whole and builds its goquery document,
// which shares none of data's bytes: a reply keeps only its own strings.
// Input is refused as not HTML when it is binary (a NUL byte or a known
// file signature near its start) or holds no markup at all (no "<" that
// starts a tag, comment or doctype in its first 16 KiB).
func pageDocument(data []byte, cfg *config) (*goquery.Document, []reply.Warning, error) {
	if isBlank(data) {
		return nil, nil, ErrEmpty
	}
	if why := notHTML(data); why != "" {
		return nil, nil, fmt.Errorf("parse: %s: %w", why, ErrNotHTML)
	}
	dec := charset.Decode(data, charset.Hints{Charset: cfg.charset, ContentType: cfg.contentType})
	if err := cfg.canceled("decoding"); err != nil {
		return nil, nil, err
	}
	// The formatting budget reads the decoded text, as html.Parse does:
	// the <meta> prescan (charset.Decode) reads the raw bytes of a legacy
	// page's head to choose the decoder, so the two are not one pass.
	if err := checkFormatting(dec.Text, cfg); err != nil {
		return nil, nil, err
	}
	node, err := parseTree(cfg, dec.Text)
	if err != nil {
		return nil, nil, err
	}
	if dec.CheckMeta {
		if declared := charset.HeadCharset(node); declared != "" && declared != "utf-8" {
			dec.Ignored = declared
		}
	}
	return goquery.NewDocumentFromNode(node), decodeWarnings(&dec), nil
}

// decodeWarnings are the warnings a page's decoding gives.
func decodeWarnings(dec *charset.Decoded) []reply.Warning {
	var warnings []reply.Warning
	if dec.Ignored != "" {
		warnings = append(warnings, reply.Warning{
			Code:    CodeCharsetMismatch,
			Message: fmt.Sprintf("page declares %s but its bytes are %s; read as %s", dec.Ignored, dec.Encoding, dec.Encoding),
		})
	}
	if dec.Replaced > 0 {
		w := reply.Warning{
			Code:    CodeReplacedBytes,
			Message: fmt.Sprintf("%d invalid %s byte(s) replaced by U+FFFD", dec.Replaced, dec.Encoding),
		}
		if dec.FirstBad >= 0 {
			w.Where = "byte " + strconv.Itoa(dec.FirstBad)
		}
		warnings = append(warnings, w)
	}
	return warnings
}

// parseTree builds the node tree of a decoded page with html.Parse. The
// parse itself cannot be stopped midway but for its reads, which stop once
// the context is done.
func parseTree(cfg *config, text []byte) (*html.Node, error) {
	node, err := html.Parse(ctxReader{cfg.ctx, bytes.NewReader(text)})
	if err := cfg.canceled("parsing HTML"); err != nil {
		return nil, err
	}
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements") {
			return nil, &LimitError{Limit: "depth", Max: htmlParserDepth, Where: "HTML parser"}
		}
		return nil, fmt.Errorf("parse: %w: %v", ErrNotHTML, err)
	}
	return node, nil
}

// isBlank reports whether data is only white space and byte order marks.
func isBlank(data []byte) bool {
	s := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return len(bytes.TrimSpace(s)) == 0
}

// fileSignatures start common non-HTML files.
var fileSignatures = []struct{ magic, name string }{
	{"%PDF-", "PDF document"}, {"\x89PNG", "PNG image"}, {"GIF8", "GIF image"},
	{"\xff\xd8\xff", "JPEG image"}, {"PK\x03\x04", "ZIP archive"}, {"\x1f\x8b", "gzip data"},
	{"\xd0\xcf\x11\xe0", "OLE document"}, {"{\\rtf", "RTF document"},
}

// notHTML says why data is not an HTML page, or "" when it may be one.
func notHTML(data []byte) string {
	if hasUTF16BOM(data) {
		return ""
	}
	for _, s := range fileSignatures {
		if bytes.HasPrefix(data, []byte(s.magic)) {
			return s.name
		}
	}
	head := data[:min(len(data), sniffLen)]
	if i := bytes.IndexByte(head[:min(len(head), 1024)], 0); i >= 0 {
		return "binary data (NUL byte at " + strconv.Itoa(i) + ")"
	}
	for i := 0; i+1 < len(head); i++ {
		if head[i] != '<' {
			continue
		}
		c := head[i+1]
		if c == '!' || c == '/' || c == '?' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return ""
		}
	}
	return "no markup in the first " + strconv.Itoa(len(head)) + " bytes"
}

// hasUTF16BOM reports whether data starts with a UTF-16 byte order mark.
func hasUTF16BOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff"))
}

// ctxReader stops reading once its context is done, so that a cancelled
// call does not read or parse a large page to its end.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

// readMode is how a page's bytes are read: as HTML or as a plain-text
// notice.
type readMode int

const (
	asHTML readMode = iota
	asText
)

// errBinary is what a binaryError is, for errors.Is.
var errBinary = errors.New("binary data, not a page")

// binaryError says what binary input seems to be and what to do about it.
type binaryError struct {
	what string // "a PDF document, not an HTML page or a text"
	fix  string // what the user can do
}

// notPage follows the name of a kind of file that is no page.
const notPage = ", not an HTML page or a text"

func (e *binaryError) Error() string { return e.what + ": " + e.fix }

// Is makes errors.Is(err, errBinary) hold.
func (e *binaryError) Is(target error) bool { return target == errBinary }

// modeOf decides how to read a page named name (its path, "" for stdin)
// from its bytes, the same way for parse and migrate: a .txt file is
// text; a page named as HTML (.html, .htm, .shtml, .asp, .php…) is HTML;
// any other whose first kilobyte looks like HTML is HTML; what is binary
// is refused with an error that names the likely fix; the rest is text.
// A file whose first bytes are those of a PDF, an archive, an office
// document or an image is refused whatever its name, and so is UTF-16
// text unless label names its encoding.
func modeOf(name string, data []byte, label string) (readMode, error) {
	if err := magic(name, data); err != nil {
		return 0, err
	}
	if label == "" {
		if err := utf16(data); err != nil {
			return 0, err
		}
	}
	switch {
	case name != "" && migrate.IsTextName(name):
		return asText, nil
	case name != "" && migrate.IsHTMLName(name):
		return asHTML, nil
	case migrate.LooksHTML(data):
		return asHTML, nil
	case label != "":
		return asText, nil // text in the encoding named
	}
	if err := controlBytes(data); err != nil {
		return 0, err
	}
	return asText, nil
}

// signatures are the first bytes of binary files people save beside
// notice pages, with what they are and what to do instead.
var signatures = []struct {
	prefix    string
	what, fix string
}{
	{"%PDF-", "a PDF document", "save its text as a .txt file (or the page it came from as .html) and parse that"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word, Excel or WPS document", "save it as a web page (.html) or as text (.txt) and parse that"},
	{"PK\x03\x04", "a zip archive", "run 'replykit migrate' on it to read the pages inside"},
	{"\x1f\x8b", "a gzip file", "run 'replykit migrate' on a .tar.gz archive to read the pages inside"},
	{"\x89PNG", "a PNG image", "replykit reads the text of notices, not images of them"},
	{"\xff\xd8\xff", "a JPEG image", "replykit reads the text of notices, not images of them"},
	{"GIF8", "a GIF image", "replykit reads the text of notices, not images of them"},
}

// magic refuses data that starts as a known binary file does. A .docx or
// .xlsx file is a zip archive and is named as an office document.
func magic(name string, data []byte) error {
	for _, s := range signatures {
		if !bytes.HasPrefix(data, []byte(s.prefix)) {
			continue
		}
		ext := strings.ToLower(name[strings.LastIndexByte(name, '.')+1:])
		if s.prefix == "PK\x03\x04" && (ext == "docx" || ext == "xlsx" || ext == "pptx" || ext == "odt") {
			return &binaryError{what: "an office document" + notPage, fix: signatures[1].fix}
		}
		return &binaryError{what: s.what + notPage, fix: s.fix}
	}
	return nil
}

// utf16 refuses text that starts with a UTF-16 byte order mark, which
// neither the UTF-8 nor the GB18030 reading of a text would make sense of.
func utf16(data []byte) error {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return &binaryError{what: "UTF-16 text, which replykit does not guess", fix: "name its encoding with --charset utf-16 (or save it as UTF-8)"}
	}
	return nil
}

// controlBytes refuses data whose first kilobyte holds a NUL byte or
// many control characters, as no HTML page or text in a legacy Chinese
// encoding does.
func controlBytes(data []byte) error {
	head := data[:min(len(data), 1024)]
	controls := 0
	for i, b := range head {
		if b == 0 {
			return &binaryError{what: fmt.Sprintf("binary data (a NUL byte at byte %d)", i) + notPage,
				fix: "replykit reads HTML pages and plain-text notices; if this is text in another encoding, name it with --charset"}
		}
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b {
			controls++
		}
	}
	if controls > len(head)/10 {
		return &binaryError{what: fmt.Sprintf("binary data (%d control bytes in the first %d)", controls, len(head)) + notPage,
			fix: "replykit reads HTML pages and plain-text notices; if this is text in another encoding, name it with --charset"}
	}
	return nil
}

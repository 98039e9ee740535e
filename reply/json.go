package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// The version tags of the reference format, the values of the "format"
// key. This package reads both and writes the lower one that can hold a
// reply: replykit/v2 is replykit/v1 with the one key "provenance" more.
const (
	// FormatV1 is the tag of a reply written without provenance.
	FormatV1 = "replykit/v1"
	// FormatV2 is the tag of a reply written with provenance.
	FormatV2 = "replykit/v2"
)

// Format returns the version tag r is written with: FormatV1 when its
// Provenance is zero (and for a nil r), FormatV2 otherwise, so that a
// reply without provenance gives the same bytes as before v2 existed.
func (r *Reply) Format() string {
	if r == nil || r.Provenance.IsZero() {
		return FormatV1
	}
	return FormatV2
}

// KnownFormat reports whether f is a version tag this package reads.
func KnownFormat(f string) bool { return f == FormatV1 || f == FormatV2 }

// ErrFormat is returned, wrapped, when JSON is not in a version of the
// reference format that this package reads.
var ErrFormat = errors.New("unsupported reference format")

// SyntaxError reports JSON that could not be decoded, with the byte offset
// and line where decoding stopped.
type SyntaxError struct {
	Offset int64 // byte offset of the error in the input
	Line   int   // 1-based line of Offset
	Err    error // the decoder's error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("reply: decode JSON at line %d (byte %d): %v", e.Line, e.Offset, e.Err)
}

// Unwrap returns the decoder's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// replyFields has Reply's fields without its methods, so that the wire
// form can embed it without recursion.
type replyFields Reply

// wireReply is Reply as the reference format writes it: the format tag
// first, then the fields in order.
type wireReply struct {
	Format string `json:"format"`
	*replyFields
}

// MarshalJSON writes r in the reference format, "format" first.
func (r *Reply) MarshalJSON() ([]byte, error) {
	return marshalText(wireReply{Format: r.Format(), replyFields: (*replyFields)(r)})
}

// UnmarshalJSON reads r from the reference format, either version. It
// rejects a missing or unknown "format" with an error wrapping ErrFormat, and an unknown or
// repeated key or a value of the wrong type with a *SyntaxError.
func (r *Reply) UnmarshalJSON(data []byte) error {
	got, err := decodeReply(data)
	if err != nil {
		return err
	}
	*r = *got
	return nil
}

// Marshal writes r in the reference format: indented by two spaces, keys in
// the documented order, ending in a newline. The same reply always gives
// the same bytes, those that encoding/json writes for the wire form and
// json.Indent indents, written here directly into one buffer. As with
// encoding/json, the only failure is a list of sections that holds itself:
// a wrapped *json.UnsupportedValueError.
//
// Marshal does not validate: it writes any reply, the zero Reply too (as
// its format tag, an empty kind and an empty title), so that what a reader
// could not settle — a notice with no title, a date it could not read — is
// kept with the warnings that say so. Validate is the check; call it before
// writing where only consistent records may be kept.
func Marshal(r *Reply) ([]byte, error) {
	return AppendMarshal(make([]byte, 0, sizeHint(r)), r)
}

// AppendMarshal appends r in the reference format, as Marshal writes it,
// to dst and returns the extended buffer. A caller that writes many
// replies one after another can pass the same buffer each time, emptied
// (dst[:0]), and allocate it once. On failure it returns nil and the error
// Marshal returns.
func AppendMarshal(dst []byte, r *Reply) ([]byte, error) {
	out, err := appendReply(dst, r)
	if err != nil {
		return nil, fmt.Errorf("reply: marshal: %w", err)
	}
	return append(out, '\n'), nil
}

// Unmarshal reads a reply in the reference format. Like Marshal it checks
// the form, not the consistency (Validate does): a record that is well
// formed but does not validate is read. Malformed JSON, an
// unknown key (wrapping ErrUnknownKey), a key that an object holds twice
// (a *DuplicateKeyError, wrapping ErrDuplicateKey) and a value of the
// wrong type are a *SyntaxError with the line and byte offset; a missing
// or unknown format version wraps ErrFormat. It reads replykit/v1 and
// replykit/v2; "provenance" in a v1 document is an unknown key.
func Unmarshal(data []byte) (*Reply, error) {
	if !json.Valid(data) {
		return nil, locateSyntaxError(data)
	}
	return decodeReply(data)
}

// locateSyntaxError returns the *SyntaxError of JSON that json.Valid
// refused, placed by line and byte offset.
func locateSyntaxError(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return decodeError(data, err)
	}
	off := dec.InputOffset()
	for off < int64(len(data)) && bytes.IndexByte([]byte(" \t\r\n"), data[off]) >= 0 {
		off++ // to where the extra data starts
	}
	return &SyntaxError{Offset: off, Line: lineAt(data, off), Err: errors.New("data after the reply")}
}

// decodeReply reads one well-formed JSON value as a reply: the format tag
// first, then the shape of every value, then the values themselves.
func decodeReply(data []byte) (*Reply, error) {
	format, err := checkFormat(data)
	if err != nil {
		return nil, err
	}
	if err := checkShape(data, format); err != nil {
		return nil, err
	}
	w := wireReply{replyFields: &replyFields{}}
	if err := json.Unmarshal(data, &w); err != nil {
		return nil, decodeError(data, err)
	}
	r := Reply(*w.replyFields)
	// An empty list is no list, as the format writes it: an empty
	// "trailer" would otherwise stand for no lines instead of the
	// canonical ones, and read back otherwise once written.
	if len(r.Header) == 0 {
		r.Header = nil
	}
	if len(r.Trailer) == 0 {
		r.Trailer = nil
	}
	return &r, nil
}

// checkFormat finds the top-level "format" key of well-formed JSON without
// decoding the rest, checks that it is a version this package reads, and
// returns it.
func checkFormat(data []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		off := dec.InputOffset()
		return "", &SyntaxError{Offset: off, Line: lineAt(data, off), Err: errors.New("a reply is a JSON object")}
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", decodeError(data, err)
		}
		if tok != "format" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return "", decodeError(data, err)
			}
			continue
		}
		v, err := dec.Token()
		format, ok := v.(string)
		switch {
		case err != nil:
			return "", decodeError(data, err)
		case !ok:
			return "", fmt.Errorf("reply: \"format\" is not a string: %w", ErrFormat)
		case !KnownFormat(format):
			return "", fmt.Errorf("reply: format %q, want %q or %q: %w", format, FormatV1, FormatV2, ErrFormat)
		}
		return format, nil
	}
	return "", fmt.Errorf("reply: no \"format\" key: %w", ErrFormat)
}

// wireSignature is Signature as the reference format writes it.
type wireSignature struct {
	Office   string `json:"office,omitempty"`
	Date     string `json:"date,omitempty"`
	DateText string `json:"dateText,omitempty"`
}

// MarshalJSON writes the signature with the date normalised ("date",
// YYYY-MM-DD) beside the date as written ("dateText").
func (s Signature) MarshalJSON() ([]byte, error) {
	return marshalText(wireSignature{Office: s.Office, Date: s.Date.String(), DateText: s.Date.Text})
}

// UnmarshalJSON reads a signature written by MarshalJSON.
func (s *Signature) UnmarshalJSON(data []byte) error {
	var w wireSignature
	if err := strictDecode(data, &w); err != nil {
		return err
	}
	d, err := dateFromWire(w.Date, w.DateText)
	if err != nil {
		return err
	}
	*s = Signature{Office: w.Office, Date: d}
	return nil
}

// wirePage is Page as the reference format writes it.
type wirePage struct {
	URL           string   `json:"url,omitempty"`
	Site          string   `json:"site,omitempty"`
	Column        string   `json:"column,omitempty"`
	Breadcrumb    []string `json:"breadcrumb,omitempty"`
	Published     string   `json:"published,omitempty"`
	PublishedText string   `json:"publishedText,omitempty"`
	Source        string   `json:"source,omitempty"`
	Author        string   `json:"author,omitempty"`
	Views         int      `json:"views,omitempty"`
	Keywords      []string `json:"keywords,omitempty"`
	Description   string   `json:"description,omitempty"`
}

// MarshalJSON writes the page metadata with the publish time normalised
// ("published") beside the time as written ("publishedText").
func (p Page) MarshalJSON() ([]byte, error) {
	w := wirePage{URL: p.URL, Site: p.Site, Column: p.Column, Breadcrumb: p.Breadcrumb,
		Source: p.Source, Author: p.Author, Views: p.Views, Keywords: p.Keywords, Description: p.Description}
	w.Published, w.PublishedText = p.Published.String(), p.Published.Text
	return marshalText(w)
}

// UnmarshalJSON reads page metadata written by MarshalJSON.
func (p *Page) UnmarshalJSON(data []byte) error {
	var w wirePage
	if err := strictDecode(data, &w); err != nil {
		return err
	}
	*p = Page{URL: w.URL, Site: w.Site, Column: w.Column, Breadcrumb: w.Breadcrumb,
		Source: w.Source, Author: w.Author, Views: w.Views, Keywords: w.Keywords, Description: w.Description}
	if w.Published != "" || w.PublishedText != "" {
		d, err := dateFromWire(w.Published, w.PublishedText)
		if err != nil {
			return err
		}
		p.Published = d
	}
	return nil
}

// marshalText is json.Marshal without the escaping of <, > and &, so that
// the text of a notice reads in the reference format as it was written.
func marshalText(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// strictDecode decodes data into v, refusing keys v does not define.
func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// dateFromWire rebuilds a Date from its normalised value and its text. The
// value is authoritative; the text is kept as written.
func dateFromWire(value, text string) (Date, error) {
	if value == "" {
		return Date{Text: text}, nil
	}
	d, err := ParseDate(value)
	if err != nil || d.String() != value {
		return Date{}, fmt.Errorf("reply: date %q is not YYYY-MM-DD or YYYY-MM-DDThh:mm:ss: %w", value, ErrImpossibleDate)
	}
	d.Text = text
	return d, nil
}

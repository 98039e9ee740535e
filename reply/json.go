package reply

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// FormatV1 is the version tag of the reference format this package writes
// and reads, the value of the "format" key.
const FormatV1 = "replykit/v1"

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
	return json.Marshal(wireReply{Format: FormatV1, replyFields: (*replyFields)(r)})
}

// UnmarshalJSON reads r from the reference format. It rejects a missing or
// unknown "format" with an error wrapping ErrFormat.
func (r *Reply) UnmarshalJSON(data []byte) error {
	var head struct {
		Format *string `json:"format"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return err
	}
	switch {
	case head.Format == nil:
		return fmt.Errorf("reply: no \"format\" key: %w", ErrFormat)
	case *head.Format != FormatV1:
		return fmt.Errorf("reply: format %q, want %q: %w", *head.Format, FormatV1, ErrFormat)
	}
	w := wireReply{replyFields: (*replyFields)(&Reply{})}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return err
	}
	*r = Reply(*w.replyFields)
	return nil
}

// Marshal writes r in the reference format: indented by two spaces, keys in
// the documented order, ending in a newline. The same reply always gives
// the same bytes.
func Marshal(r *Reply) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("reply: marshal: %w", err)
	}
	return buf.Bytes(), nil
}

// Unmarshal reads a reply in the reference format. Syntax and type errors
// are a *SyntaxError with the line and byte offset; a missing or unknown
// format version wraps ErrFormat; unknown keys are refused.
func Unmarshal(data []byte) (*Reply, error) {
	r := &Reply{}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(r); err != nil {
		return nil, decodeError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &SyntaxError{Offset: dec.InputOffset(), Line: lineAt(data, dec.InputOffset()), Err: errors.New("data after the reply")}
	}
	return r, nil
}

// decodeError places a decoding error in the input.
func decodeError(data []byte, err error) error {
	if errors.Is(err, ErrFormat) {
		return err
	}
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
	}
	if off < 0 {
		return fmt.Errorf("reply: decode JSON: %w", err)
	}
	return &SyntaxError{Offset: off, Line: lineAt(data, off), Err: err}
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
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
	return json.Marshal(wireSignature{Office: s.Office, Date: s.Date.String(), DateText: s.Date.Text})
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
	if p.Published != nil {
		w.Published, w.PublishedText = p.Published.String(), p.Published.Text
	}
	return json.Marshal(w)
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
		p.Published = &d
	}
	return nil
}

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

package reply

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrInvalid is matched, through errors.Is, by the *ValidationError that
// Validate returns.
var ErrInvalid = errors.New("invalid reply")

// Problem is one inconsistency that Validate found.
type Problem struct {
	// Path places the problem in the model, in the reference format's key
	// names: 「title」, 「signature.date」, 「sections[2].sections[0].number」.
	Path string
	// Message says what is wrong, in English.
	Message string
}

// String returns the problem as 「path: message」.
func (p Problem) String() string { return p.Path + ": " + p.Message }

// ValidationError lists every inconsistency Validate found in a reply, in
// document order.
type ValidationError struct {
	Problems []Problem
}

// Error lists the problems, one a line, after a first line that counts
// them.
func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "reply: invalid reply: %d problem", len(e.Problems))
	if len(e.Problems) != 1 {
		b.WriteByte('s')
	}
	for _, p := range e.Problems {
		b.WriteByte('\n')
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalid, so that errors.Is(err, ErrInvalid) holds.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Validate checks that the reply is consistent: a title and a known kind;
// dates that hold real values matching their text as written; section
// numbers that match their markers, one marker level among siblings and
// numbers that go up (gaps are allowed, repeats and restarts are not);
// named addressees; blocks that are exactly one of a paragraph, a table or
// an image; points with a marker and a lead that begins their text; tables
// with rows; images with an http, https or relative URL; a known answer
// category; header and trailer lines with text, the header stating the
// title unless the title is inferred (and never when it is); a proposal
// term and session that are not negative; a provenance SHA-256 of 64
// lowercase hex digits and a capture with its URI, record ID and an RFC
// 3339 date, at an offset that is not negative. It reports
// every problem at once in a *ValidationError, or returns nil.
func (r *Reply) Validate() error {
	v := &validator{}
	v.reply(r)
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

// validator collects problems as it walks a reply.
type validator struct {
	problems []Problem
}

func (v *validator) addf(path, format string, args ...any) {
	v.problems = append(v.problems, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) reply(r *Reply) {
	if r.Kind == "" {
		v.addf("kind", "missing")
	} else if !r.Kind.Valid() {
		v.addf("kind", "unknown kind %q (want %q, %q or %q)", r.Kind, KindProposalReply, KindSuggestionReply, KindOther)
	}
	if strings.TrimSpace(r.Title) == "" {
		v.addf("title", "empty")
	}
	v.lines("header", r.Header)
	switch {
	case r.TitleInferred && hasField(r.Header, FieldTitle):
		v.addf("titleInferred", "set, but a header line states the title (field %q)", FieldTitle)
	case len(r.Header) > 0 && !r.TitleInferred && !hasField(r.Header, FieldTitle):
		v.addf("header", "no line states the title (field %q)", FieldTitle)
	}
	if r.Proposal.Term < 0 {
		v.addf("proposal.term", "negative: %d", r.Proposal.Term)
	}
	if r.Proposal.Session < 0 {
		v.addf("proposal.session", "negative: %d", r.Proposal.Session)
	}
	for i, a := range r.Addressees {
		if strings.TrimSpace(a.Name) == "" {
			v.addf(index("addressees", i)+".name", "empty")
		}
	}
	v.blocks("opening", r.Opening)
	v.sections("sections", r.Sections)
	v.blocks("closing", r.Closing)
	switch r.Category {
	case "", CategoryA, CategoryB, CategoryC:
	default:
		v.addf("category", "unknown category %q (want A, B or C)", r.Category)
	}
	v.date("signature.date", r.Signature.Date)
	v.lines("trailer", r.Trailer)
	v.date("page.published", r.Page.Published)
	if r.Page.Views < 0 {
		v.addf("page.views", "negative: %d", r.Page.Views)
	}
	v.provenance(&r.Provenance)
}

// provenance checks the fixity value's form and that a capture names its
// record: what a reader needs to find the bytes again and check them.
func (v *validator) provenance(p *Provenance) {
	if p.SHA256 != "" && !isSHA256Hex(p.SHA256) {
		v.addf("provenance.sha256", "%q is not 64 lowercase hex digits", p.SHA256)
	}
	c := &p.Capture
	if c.IsZero() {
		return
	}
	if strings.TrimSpace(c.URI) == "" {
		v.addf("provenance.capture.uri", "empty")
	}
	if c.Date == "" {
		v.addf("provenance.capture.date", "empty")
	} else if _, err := time.Parse(time.RFC3339Nano, c.Date); err != nil {
		v.addf("provenance.capture.date", "%q is not an RFC 3339 date and time", c.Date)
	}
	if strings.TrimSpace(c.RecordID) == "" {
		v.addf("provenance.capture.recordID", "empty")
	}
	if c.Offset < 0 {
		v.addf("provenance.capture.offset", "negative: %d", c.Offset)
	}
}

// isSHA256Hex reports whether s is a SHA-256 as lowercase hex.
func isSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := range len(s) {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// date checks that a date holds a real value and that its text, when set,
// reads as that value.
func (v *validator) date(path string, d Date) {
	if d.IsZero() {
		return
	}
	if !d.Valid() {
		v.addf(path, "not a valid date: %04d-%02d-%02d (written %q)", d.Year, d.Month, d.Day, d.Text)
		return
	}
	if d.Text == "" {
		return
	}
	parsed, err := ParseDate(d.Text)
	if err != nil {
		v.addf(path, "text %q does not read as a date: %v", d.Text, errors.Unwrap(err))
		return
	}
	parsed.Text = d.Text
	if parsed != d {
		v.addf(path, "value %s does not match the text %q, which reads %s", d, d.Text, parsed)
	}
}

// sections checks sibling sections and, recursively, their contents.
func (v *validator) sections(path string, ss []Section) {
	firstLevel, last := LevelNone, 0
	for i, s := range ss {
		p := index(path, i)
		m, level, n := ReadMarker(s.Marker)
		switch {
		case s.Marker == "":
			v.addf(p+".marker", "empty")
		case m != s.Marker:
			v.addf(p+".marker", "%q is not a section marker", s.Marker)
		default:
			if n != s.Number {
				v.addf(p+".number", "%d, but the marker %q is %d", s.Number, s.Marker, n)
			}
			if firstLevel == LevelNone {
				firstLevel = level
			} else if level != firstLevel {
				v.addf(p+".marker", "%q is level %d, its first sibling level %d", s.Marker, level, firstLevel)
			}
		}
		if i > 0 && s.Number <= last {
			v.addf(p+".number", "%d does not follow %d: numbers must go up", s.Number, last)
		}
		last = s.Number
		v.blocks(p+".blocks", s.Blocks)
		v.sections(p+".sections", s.Sections)
	}
}

// blocks checks that each block is one thing, and that thing's parts.
func (v *validator) blocks(path string, bs []Block) {
	for i, b := range bs {
		p := index(path, i)
		kinds := 0
		if b.Text != "" || len(b.Points) > 0 {
			kinds++
		}
		if b.Table != nil {
			kinds++
		}
		if b.Image != nil {
			kinds++
		}
		switch kinds {
		case 0:
			v.addf(p, "empty block: no text, points, table or image")
		case 1:
		default:
			v.addf(p, "more than one of paragraph, table and image")
		}
		for j, pt := range b.Points {
			pp := index(p+".points", j)
			if pt.Marker == "" {
				v.addf(pp+".marker", "empty")
			}
			if !pt.LeadBeginsText() {
				v.addf(pp+".lead", "%q does not begin the point's text", pt.Lead)
			}
		}
		if b.Table != nil && len(b.Table.Rows) == 0 {
			v.addf(p+".table.rows", "no rows")
		}
		if b.Image != nil {
			v.imageURL(p+".image.url", b.Image.URL)
		}
	}
}

// imageURL accepts http, https and relative URLs only: anything else
// (javascript:, data:, file:) must not reach a rendered page, nor control
// characters, which browsers drop before they read a scheme.
func (v *validator) imageURL(path, s string) {
	if strings.TrimSpace(s) == "" {
		v.addf(path, "empty")
		return
	}
	if !LinkableURL(s) {
		v.addf(path, "%q: only http, https and relative URLs without control characters are kept", s)
	}
}

// lines checks the lines of a header or trailer.
func (v *validator) lines(path string, ls []Line) {
	for i, l := range ls {
		if strings.TrimSpace(l.Text) == "" {
			v.addf(index(path, i)+".text", "empty")
		}
	}
}

func hasField(ls []Line, f Field) bool {
	for _, l := range ls {
		if l.Field == f {
			return true
		}
	}
	return false
}

func index(path string, i int) string { return path + "[" + itoa(i) + "]" }

package reply

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// CodeBidiControl is the warning code of a title or name that holds a
// bidirectional or zero-width control character (see HasBidiControl). The
// text is kept as written; the warning says that its display may not show
// it as it reads, and render isolates it in HTML.
const CodeBidiControl = "bidi-control"

// IsBidiControl reports whether r is a character that changes how the text
// around it is displayed without showing itself: the bidirectional marks,
// embeddings, overrides and isolates (U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069) and the zero-width and invisible characters
// (U+200B–U+200D, U+2060–U+2064, U+FEFF). 「\u202E」 before 「fdp.exe」 shows
// 「exe.pdf」.
func IsBidiControl(r rune) bool {
	switch {
	case r == '\u061c', r == '\ufeff':
		return true
	case r >= '\u200b' && r <= '\u200f', r >= '\u202a' && r <= '\u202e',
		r >= '\u2060' && r <= '\u2064', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// HasBidiControl reports whether s holds a character for which
// IsBidiControl holds.
func HasBidiControl(s string) bool {
	_, r := indexBidiControl(s)
	return r != 0
}

// indexBidiControl returns the byte offset and the character of the first
// bidi or zero-width control in s, or 0 for the character when there is
// none. All but two of them are three bytes starting E2 80 or E2 81; E2
// cannot be a continuation byte, so s is searched for it with IndexByte,
// which is fast on text where it is rare.
func indexBidiControl(s string) (int, rune) {
	first, found := -1, rune(0)
	for i := 0; ; i++ {
		j := strings.IndexByte(s[i:], 0xE2)
		if j < 0 {
			break
		}
		i += j
		if r, _ := utf8.DecodeRuneInString(s[i:]); IsBidiControl(r) {
			first, found = i, r
			break
		}
	}
	for _, c := range [...]rune{'\u061c', '\ufeff'} {
		if k := strings.IndexRune(s, c); k >= 0 && (first < 0 || k < first) {
			first, found = k, c
		}
	}
	return first, found
}

// BidiWarnings returns a warning with CodeBidiControl for each title and
// name of r that holds a bidirectional or zero-width control: the title,
// the document number, the signer, the proposal's body, title and
// proposers, the addressees, the salutation, the section headings, the CC
// list, the attachments, the office, the contact and the page's site,
// column, source and author. Each names the field by its path, as
// Validate does, and the first such character. A reader adds them to the
// reply's Warnings; nil when there is none.
func (r *Reply) BidiWarnings() []Warning {
	var ws []Warning
	check := func(path, s string) {
		if at, c := indexBidiControl(s); c != 0 {
			ws = append(ws, Warning{Code: CodeBidiControl, Message: fmt.Sprintf(
				"%s holds %U at byte %d, a control that changes how the text around it is shown; kept as written", path, c, at)})
		}
	}
	check("title", r.Title)
	check("docNumber", r.DocNumber)
	check("signer", r.Signer)
	check("proposal.body", r.Proposal.Body)
	check("proposal.title", r.Proposal.Title)
	for i, p := range r.Proposal.Proposers {
		check(index("proposal.proposers", i), p)
	}
	for i, a := range r.Addressees {
		check(index("addressees", i)+".name", a.Name)
	}
	check("salutation", r.Salutation)
	var headings func(path string, ss []Section)
	headings = func(path string, ss []Section) {
		for i, s := range ss {
			check(index(path, i)+".heading", s.Heading)
			headings(index(path, i)+".sections", s.Sections)
		}
	}
	headings("sections", r.Sections)
	for i, c := range r.CC {
		check(index("cc", i), c)
	}
	for i, a := range r.Attachments {
		check(index("attachments", i), a)
	}
	check("signature.office", r.Signature.Office)
	check("contact.unit", r.Contact.Unit)
	check("contact.person", r.Contact.Person)
	check("page.site", r.Page.Site)
	check("page.column", r.Page.Column)
	check("page.source", r.Page.Source)
	check("page.author", r.Page.Author)
	return ws
}

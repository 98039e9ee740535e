package render

import (
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
)

// The data-* attributes of the article carry parts of the reply as
// compact JSON, written here directly into the attribute value, already
// escaped for it: the bytes are those of encoding/json's output put
// through escape. The proposal, addressees, contact, CC and attachments
// are written as json.Marshal writes them, with <, > and & as \u003c,
// \u003e and \u0026; the signature and page as their MarshalJSON methods
// write them, which leave those three as they are (and which escape then
// writes as &lt; &gt; &amp;). The tests hold both to encoding/json, every
// field of every type filled.

// jsonMode says how a JSON string writes <, > and &.
type jsonMode int

// The modes of jsonMode.
const (
	// jsonHTMLSafe escapes <, > and & as \u003c, \u003e and \u0026, as
	// json.Marshal does.
	jsonHTMLSafe jsonMode = iota
	// jsonPlain leaves them as they are, as a json.Encoder with
	// SetEscapeHTML(false) does; in the attribute they are then &lt;,
	// &gt; and &amp;.
	jsonPlain
)

// jsonEscapes holds, by mode and ASCII byte, what a byte of a JSON string
// becomes in the attribute, or "" for a byte written as it is: JSON's
// escape first (\", \\, \b \f \n \r \t, \u00XX for other control bytes,
// the three HTML characters in jsonHTMLSafe), then escape's, which in JSON
// text meets only " & < > and '.
var jsonEscapes = [2][utf8.RuneSelf]string{
	jsonHTMLSafe: jsonEscapeTable(`\u003c`, `\u003e`, `\u0026`),
	jsonPlain:    jsonEscapeTable("&lt;", "&gt;", "&amp;"),
}

// jsonEscapeTable returns the table of jsonEscapes with the given
// replacements of <, > and &.
func jsonEscapeTable(lt, gt, amp string) [utf8.RuneSelf]string {
	const hex = "0123456789abcdef"
	var t [utf8.RuneSelf]string
	for c := range 0x20 {
		t[c] = `\u00` + string(hex[c>>4]) + string(hex[c&0xF])
	}
	t['\b'], t['\f'], t['\n'], t['\r'], t['\t'] = `\b`, `\f`, `\n`, `\r`, `\t`
	t['"'], t['\\'], t['\''] = `\&#34;`, `\\`, "&#39;"
	t['<'], t['>'], t['&'] = lt, gt, amp
	return t
}

// jsonQuote is the quotation mark of a JSON string or key in an attribute.
const jsonQuote = "&#34;"

// jsonString writes s as a JSON string in an attribute value, escaped as
// encoding/json escapes it in mode m: besides the table's bytes, U+2028
// and U+2029 become \u2028 and \u2029, and each byte of invalid UTF-8
// \ufffd.
func (h *htmlWriter) jsonString(s string, m jsonMode) {
	table := &jsonEscapes[m]
	h.str(jsonQuote)
	last := 0 // s[last:i] is yet to be written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if rep := table[c]; rep != "" {
				h.str(s[last:i])
				h.str(rep)
				last = i + 1
			}
			i++
			continue
		}
		if i+2 < len(s) && c&0xF0 == 0xE0 && wideLead(c) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(c != 0xE2 || s[i+1] != 0x80 || s[i+2]&^1 != 0xA8) {
			// A three-byte character other than U+2028 and U+2029 (E2 80
			// A8 and A9), as cjkRun takes them.
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var rep string
		switch {
		case r == utf8.RuneError && size == 1:
			rep = `\ufffd`
		case r == '\u2028':
			rep = `\u2028`
		case r == '\u2029':
			rep = `\u2029`
		default:
			i += size
			continue
		}
		h.str(s[last:i])
		h.str(rep)
		i += size
		last = i
	}
	h.str(s[last:])
	h.str(jsonQuote)
}

// jsonObject writes the members of one JSON object in an attribute value.
type jsonObject struct {
	h       *htmlWriter
	mode    jsonMode
	members int // written so far
}

// openObject writes the start of an object whose strings are in mode m.
func (h *htmlWriter) openObject(m jsonMode) jsonObject {
	h.byte1('{')
	return jsonObject{h: h, mode: m}
}

// close writes the end of the object.
func (o *jsonObject) close() { o.h.byte1('}') }

// key writes the comma before a member but the first, and the member's
// name, which needs no escaping, and colon.
func (o *jsonObject) key(name constant) {
	if o.members > 0 {
		o.h.byte1(',')
	}
	o.members++
	o.h.str(jsonQuote)
	o.h.str(string(name))
	o.h.str(jsonQuote)
	o.h.byte1(':')
}

// str writes the member name: s.
func (o *jsonObject) str(name constant, s string) {
	o.key(name)
	o.h.jsonString(s, o.mode)
}

// optStr writes the member name: s unless s is empty (omitempty).
func (o *jsonObject) optStr(name constant, s string) {
	if s != "" {
		o.str(name, s)
	}
}

// optInt writes the member name: n unless n is zero (omitempty).
func (o *jsonObject) optInt(name constant, n int) {
	if n != 0 {
		o.key(name)
		o.h.int(n)
	}
}

// optStrings writes the member name: ss unless ss is empty (omitempty).
func (o *jsonObject) optStrings(name constant, ss []string) {
	if len(ss) > 0 {
		o.key(name)
		o.h.jsonStrings(ss, o.mode)
	}
}

// optDate writes the member name: d's normalised value, as Date.String
// gives it, unless d holds no valid date (omitempty on that string).
func (o *jsonObject) optDate(name constant, d reply.Date) {
	if d.Valid() {
		o.key(name)
		o.h.str(jsonQuote)
		o.h.date(d)
		o.h.str(jsonQuote)
	}
}

// jsonStrings writes ss, not nil, as an array of strings.
func (h *htmlWriter) jsonStrings(ss []string, m jsonMode) {
	h.byte1('[')
	for i, s := range ss {
		if i > 0 {
			h.byte1(',')
		}
		h.jsonString(s, m)
	}
	h.byte1(']')
}

// attrProposal writes data-proposal: p as json.Marshal writes a
// *reply.Proposal.
func (h *htmlWriter) attrProposal(p *reply.Proposal) {
	h.attrStart(atProposal)
	o := h.openObject(jsonHTMLSafe)
	o.optStr("body", p.Body)
	o.optInt("term", p.Term)
	o.optInt("session", p.Session)
	o.optStr("number", p.Number)
	o.optStr("title", p.Title)
	o.optStrings("proposers", p.Proposers)
	o.close()
	h.byte1('"')
}

// attrAddressees writes data-addressees: as as json.Marshal writes a
// []reply.Addressee that is not nil.
func (h *htmlWriter) attrAddressees(as []reply.Addressee) {
	h.attrStart(atAddressees)
	h.byte1('[')
	for i := range as {
		if i > 0 {
			h.byte1(',')
		}
		o := h.openObject(jsonHTMLSafe)
		o.str("name", as[i].Name)
		o.optStr("role", string(as[i].Role))
		o.close()
	}
	h.byte1(']')
	h.byte1('"')
}

// attrContact writes data-contact: c as json.Marshal writes a
// *reply.Contact.
func (h *htmlWriter) attrContact(c *reply.Contact) {
	h.attrStart(atContact)
	o := h.openObject(jsonHTMLSafe)
	o.optStr("unit", c.Unit)
	o.optStr("person", c.Person)
	o.optStr("phone", c.Phone)
	o.close()
	h.byte1('"')
}

// attrStrings writes the attribute name: ss as json.Marshal writes a
// []string that is not nil.
func (h *htmlWriter) attrStrings(name attrName, ss []string) {
	h.attrStart(name)
	h.jsonStrings(ss, jsonHTMLSafe)
	h.byte1('"')
}

// attrSignature writes data-signature: s as Signature.MarshalJSON writes
// it, the date's value beside the date as written.
func (h *htmlWriter) attrSignature(s *reply.Signature) {
	h.attrStart(atSignature)
	o := h.openObject(jsonPlain)
	o.optStr("office", s.Office)
	o.optDate("date", s.Date)
	o.optStr("dateText", s.Date.Text)
	o.close()
	h.byte1('"')
}

// attrPage writes data-page: p as Page.MarshalJSON writes it, the publish
// time's value beside the time as written.
func (h *htmlWriter) attrPage(p *reply.Page) {
	h.attrStart(atPage)
	o := h.openObject(jsonPlain)
	o.optStr("url", p.URL)
	o.optStr("site", p.Site)
	o.optStr("column", p.Column)
	o.optStrings("breadcrumb", p.Breadcrumb)
	if p.Published != nil {
		o.optDate("published", *p.Published)
		o.optStr("publishedText", p.Published.Text)
	}
	o.optStr("source", p.Source)
	o.optStr("author", p.Author)
	o.optInt("views", p.Views)
	o.optStrings("keywords", p.Keywords)
	o.optStr("description", p.Description)
	o.close()
	h.byte1('"')
}

// date writes d's normalised value as Date.String gives it, d being valid:
// 「2017-03-16」, or with a time 「2020-10-21T09:30:00」.
func (h *htmlWriter) date(d reply.Date) {
	var b [19]byte
	digits(b[0:4], d.Year)
	b[4] = '-'
	digits(b[5:7], d.Month)
	b[7] = '-'
	digits(b[8:10], d.Day)
	if !d.HasTime {
		h.str(string(b[:10]))
		return
	}
	b[10] = 'T'
	digits(b[11:13], d.Hour)
	b[13] = ':'
	digits(b[14:16], d.Minute)
	b[16] = ':'
	digits(b[17:19], d.Second)
	h.str(string(b[:]))
}

// digits writes n ≥ 0 into b in len(b) decimal digits with leading zeros,
// as %0*d does for the fields of a valid date, which have no more.
func digits(b []byte, n int) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
}

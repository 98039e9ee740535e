package render

import (
	"unicode/utf8"

	"github.com/replykit/replykit/reply"
)

// The data-* attributes of the article carry parts of the reply as
// compact JSON, as reply's AppendJSON methods write them, escaped for the
// attribute: the bytes of encoding/json's output put through escape. The
// proposal, addressees, contact, CC and attachments are written as
// json.Marshal writes them, with <, > and & as \u003c, \u003e and \u0026;
// the signature and page as their MarshalJSON methods write them, which
// leave those three to the attribute's escaping (&lt; &gt; &amp;). The
// tests hold both to encoding/json, every field of every type filled.

// jsonSafeEscapes is escapes for JSON that json.Marshal would have
// written: <, > and & become JSON's \u escapes rather than HTML's
// references. They can stand only inside the JSON's strings, where the
// two read the same.
var jsonSafeEscapes = func() [utf8.RuneSelf]string {
	t := escapes
	t['<'], t['>'], t['&'] = `\u003c`, `\u003e`, `\u0026`
	return t
}()

// jsonBuf returns h.scratch emptied, made on first use with room for the
// JSON of most attributes.
func (h *htmlWriter) jsonBuf() []byte {
	if h.scratch == nil {
		h.scratch = make([]byte, 0, 1024)
	}
	return h.scratch[:0]
}

// attrJSON writes the attribute name with js, JSON built in jsonBuf, as
// its value, escaped by table; h.scratch keeps js's room for the next.
func (h *htmlWriter) attrJSON(name attrName, js []byte, table *[utf8.RuneSelf]string) {
	h.scratch = js[:0]
	h.attrStart(name)
	h.escapeJSON(js, table)
	h.byte1('"')
}

// attrProposal writes data-proposal: p as json.Marshal writes a
// *reply.Proposal.
func (h *htmlWriter) attrProposal(p *reply.Proposal) {
	h.attrJSON(atProposal, p.AppendJSON(h.jsonBuf()), &jsonSafeEscapes)
}

// attrAddressees writes data-addressees: as as json.Marshal writes a
// []reply.Addressee that is not nil.
func (h *htmlWriter) attrAddressees(as []reply.Addressee) {
	b := append(h.jsonBuf(), '[')
	for i := range as {
		if i > 0 {
			b = append(b, ',')
		}
		b = as[i].AppendJSON(b)
	}
	h.attrJSON(atAddressees, append(b, ']'), &jsonSafeEscapes)
}

// attrContact writes data-contact: c as json.Marshal writes a
// *reply.Contact.
func (h *htmlWriter) attrContact(c *reply.Contact) {
	h.attrJSON(atContact, c.AppendJSON(h.jsonBuf()), &jsonSafeEscapes)
}

// attrStrings writes the attribute name: ss as json.Marshal writes a
// []string that is not nil.
func (h *htmlWriter) attrStrings(name attrName, ss []string) {
	b := append(h.jsonBuf(), '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = reply.AppendJSONString(b, s)
	}
	h.attrJSON(name, append(b, ']'), &jsonSafeEscapes)
}

// attrSignature writes data-signature: s as Signature.MarshalJSON writes
// it, the date's value beside the date as written.
func (h *htmlWriter) attrSignature(s *reply.Signature) {
	h.attrJSON(atSignature, s.AppendJSON(h.jsonBuf()), &escapes)
}

// attrPage writes data-page: p as Page.MarshalJSON writes it, the publish
// time's value beside the time as written.
func (h *htmlWriter) attrPage(p *reply.Page) {
	h.attrJSON(atPage, p.AppendJSON(h.jsonBuf()), &escapes)
}

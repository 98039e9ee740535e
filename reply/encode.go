package reply

import (
	"encoding/json"
	"reflect"
)

// cycleDepth is the depth of nested section lists past which the encoder
// looks for a list that holds itself, as encoding/json looks for a cycle
// only past 1000 nested pointers and slices.
const cycleDepth = 1000

// sectionList tells lists of sections apart as encoding/json tells slices
// apart: by their first element and their length.
type sectionList struct {
	first *Section
	n     int
}

// replyEncoder writes a reply in the reference format, field by field in
// the order of the struct tags of Reply, Provenance and Capture and of the
// wire forms of Signature and Page, with their omitempty rules.
type replyEncoder struct {
	jsonWriter
	// path holds the section lists being written deeper than cycleDepth;
	// nil until one is.
	path map[sectionList]struct{}
}

// appendReply appends r to dst in the reference format, indented, without
// the final newline, tagged with r.Format(). A nil r is the v1 tag alone. The only failure is
// a list of sections that holds itself: a *json.UnsupportedValueError, as
// encoding/json reports it.
func appendReply(dst []byte, r *Reply) ([]byte, error) {
	e := replyEncoder{jsonWriter: jsonWriter{buf: dst}}
	e.open('{')
	e.stringMember("format", r.Format())
	if r != nil {
		if err := e.reply(r); err != nil {
			return nil, err
		}
	}
	e.close('}')
	return e.buf, nil
}

// reply writes the members of r.
func (e *replyEncoder) reply(r *Reply) error {
	e.stringMember("kind", string(r.Kind))
	e.stringMember("title", r.Title)
	e.optTrue("titleInferred", r.TitleInferred)
	e.optString("docNumber", r.DocNumber)
	e.optString("signer", r.Signer)
	e.optString("indexNumber", r.IndexNumber)
	e.lines("header", r.Header)
	if !r.Proposal.IsZero() {
		e.key("proposal")
		e.proposal(&r.Proposal)
	}
	e.addressees(r.Addressees)
	e.optString("salutation", r.Salutation)
	e.blocks("opening", r.Opening)
	if len(r.Sections) > 0 {
		e.key("sections")
		if err := e.sections(r.Sections, 1); err != nil {
			return err
		}
	}
	e.blocks("closing", r.Closing)
	if !r.Contact.IsZero() {
		e.key("contact")
		e.contact(&r.Contact)
	}
	e.optStrings("cc", r.CC)
	e.optStrings("attachments", r.Attachments)
	e.optString("category", string(r.Category))
	if !r.Signature.IsZero() {
		e.key("signature")
		e.signature(&r.Signature)
	}
	e.lines("trailer", r.Trailer)
	if !r.Page.IsZero() {
		e.key("page")
		e.page(&r.Page)
	}
	e.warnings(r.Warnings)
	if !r.Provenance.IsZero() {
		e.key("provenance")
		e.provenance(&r.Provenance)
	}
	return nil
}

// provenance writes p as an object; its capture, when set, with the
// required keys always and the offset even when it is 0.
func (e *replyEncoder) provenance(p *Provenance) {
	e.open('{')
	e.optString("path", p.Path)
	e.optString("sha256", p.SHA256)
	if c := &p.Capture; !c.IsZero() {
		e.key("capture")
		e.open('{')
		e.stringMember("uri", c.URI)
		e.stringMember("date", c.Date)
		e.stringMember("recordID", c.RecordID)
		e.optString("payloadDigest", c.PayloadDigest)
		e.intMember("offset", c.Offset)
		e.close('}')
	}
	e.close('}')
}

// proposal writes p as an object.
func (e *replyEncoder) proposal(p *Proposal) {
	e.open('{')
	e.optString("body", p.Body)
	e.optInt("term", p.Term)
	e.optInt("session", p.Session)
	e.optString("number", p.Number)
	e.optString("title", p.Title)
	e.optStrings("proposers", p.Proposers)
	e.close('}')
}

// addressees writes the member "addressees" unless as is empty.
func (e *replyEncoder) addressees(as []Addressee) {
	if len(as) == 0 {
		return
	}
	e.key("addressees")
	e.open('[')
	for i := range as {
		e.next()
		e.addressee(&as[i])
	}
	e.close(']')
}

// addressee writes a as an object.
func (e *replyEncoder) addressee(a *Addressee) {
	e.open('{')
	e.stringMember("name", a.Name)
	e.optString("role", string(a.Role))
	e.close('}')
}

// contact writes c as an object.
func (e *replyEncoder) contact(c *Contact) {
	e.open('{')
	e.optString("unit", c.Unit)
	e.optString("person", c.Person)
	e.optString("phone", c.Phone)
	e.close('}')
}

// lines writes the member name, a list of lines, unless ls is empty.
func (e *replyEncoder) lines(name string, ls []Line) {
	if len(ls) == 0 {
		return
	}
	e.key(name)
	e.open('[')
	for i := range ls {
		e.next()
		e.open('{')
		e.stringMember("text", ls[i].Text)
		e.optString("field", string(ls[i].Field))
		e.close('}')
	}
	e.close(']')
}

// sections writes ss, a non-empty list of sections depth lists deep, as an
// array. Past cycleDepth it fails on a list already being written, which
// would otherwise be written without end.
func (e *replyEncoder) sections(ss []Section, depth int) error {
	if depth > cycleDepth {
		key := sectionList{&ss[0], len(ss)}
		if _, ok := e.path[key]; ok {
			v := reflect.ValueOf(ss)
			return &json.UnsupportedValueError{Value: v, Str: "encountered a cycle via " + v.Type().String()}
		}
		if e.path == nil {
			e.path = make(map[sectionList]struct{})
		}
		e.path[key] = struct{}{}
		defer delete(e.path, key)
	}
	e.open('[')
	for i := range ss {
		s := &ss[i]
		e.next()
		e.open('{')
		e.stringMember("marker", s.Marker)
		e.intMember("number", int64(s.Number))
		e.optString("heading", s.Heading)
		e.optTrue("runIn", s.RunIn)
		e.blocks("blocks", s.Blocks)
		if len(s.Sections) > 0 {
			e.key("sections")
			if err := e.sections(s.Sections, depth+1); err != nil {
				return err
			}
		}
		e.close('}')
	}
	e.close(']')
	return nil
}

// blocks writes the member name, a list of blocks, unless bs is empty.
func (e *replyEncoder) blocks(name string, bs []Block) {
	if len(bs) == 0 {
		return
	}
	e.key(name)
	e.open('[')
	for i := range bs {
		b := &bs[i]
		e.next()
		e.open('{')
		e.optString("text", b.Text)
		e.points(b.Points)
		if t := b.Table; t != nil {
			e.key("table")
			e.table(t)
		}
		if im := b.Image; im != nil {
			e.key("image")
			e.open('{')
			e.stringMember("url", im.URL)
			e.optString("alt", im.Alt)
			e.close('}')
		}
		e.close('}')
	}
	e.close(']')
}

// points writes the member "points" unless ps is empty.
func (e *replyEncoder) points(ps []Point) {
	if len(ps) == 0 {
		return
	}
	e.key("points")
	e.open('[')
	for i := range ps {
		e.next()
		e.open('{')
		e.stringMember("marker", ps[i].Marker)
		e.optString("lead", ps[i].Lead)
		e.stringMember("text", ps[i].Text)
		e.close('}')
	}
	e.close(']')
}

// table writes t as an object; its rows are always written, nil as null.
func (e *replyEncoder) table(t *Table) {
	e.open('{')
	e.optString("caption", t.Caption)
	e.key("rows")
	if t.Rows == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.open('[')
		for _, row := range t.Rows {
			e.next()
			e.stringArray(row)
		}
		e.close(']')
	}
	e.close('}')
}

// signature writes s as Signature.MarshalJSON does: the office, the date's
// value and the date as written.
func (e *replyEncoder) signature(s *Signature) {
	e.open('{')
	e.optString("office", s.Office)
	e.dateValue("date", s.Date)
	e.optString("dateText", s.Date.Text)
	e.close('}')
}

// page writes p as Page.MarshalJSON does, the publish time as its value
// and as written.
func (e *replyEncoder) page(p *Page) {
	e.open('{')
	e.optString("url", p.URL)
	e.optString("site", p.Site)
	e.optString("column", p.Column)
	e.optStrings("breadcrumb", p.Breadcrumb)
	e.dateValue("published", p.Published)
	e.optString("publishedText", p.Published.Text)
	e.optString("source", p.Source)
	e.optString("author", p.Author)
	e.optInt("views", p.Views)
	e.optStrings("keywords", p.Keywords)
	e.optString("description", p.Description)
	e.close('}')
}

// warnings writes the member "warnings" unless ws is empty.
func (e *replyEncoder) warnings(ws []Warning) {
	if len(ws) == 0 {
		return
	}
	e.key("warnings")
	e.open('[')
	for i := range ws {
		e.next()
		e.open('{')
		e.stringMember("code", ws[i].Code)
		e.stringMember("message", ws[i].Message)
		e.optString("where", ws[i].Where)
		e.close('}')
	}
	e.close(']')
}

// dateValue writes the member name: d's normalised value, as Date.String
// gives it, unless d holds no valid date.
func (e *replyEncoder) dateValue(name string, d Date) {
	if !d.Valid() {
		return
	}
	b := append(e.appendKey(e.start(), name), '"')
	e.buf = append(d.AppendTo(b), '"')
}

package render_test

import (
	"strings"

	"github.com/replykit/replykit/reply"
)

// fillPieces are the fragments that fillReply's strings are made of,
// beside raw bytes of the input: what HTML and JSON escape (markup, quotes,
// ampersands, control bytes, U+2028 and U+2029), invalid UTF-8 of every
// kind (a lone continuation byte, a cut sequence, a surrogate, an overlong
// form), valid sequences of every length and of the lead bytes E0 and ED,
// CJK text, markers, dates and addresses safe and not.
var fillPieces = []string{
	"<", ">", "&", `"`, "'", "\\", "\r", "\n", "\t", "\b", "\f", "\x00", "\x01", "\x1f", "\x7f",
	"\u2028", "\u2029", "\u2027", "\u202a", "\xff", "\x80", "\xe4\xb8", "\xe2\x80", "\xed\xa0\x80",
	"\xe0\x80\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "\xe0\xa4\x85", "\xed\x9f\xbf", "😀", "\u00b7", "é",
	"涂轶", "关于加强新型农村社区建设工作的建议", "，", "“", "”", "　", "\u00a0", "一、", "（一）", "1.",
	"①", "一是", "首先", "二〇一七年三月十六日", "2017-03-16", "&amp;", "&#60;", "]]>", "</p>",
	"http://example.gov.cn/a?b=1&c=<2>", "javascript:alert(1)", "//cdn.example.cn/x.gif", "a.png",
	strings.Repeat("很长的一行文字，", 800), // one run longer than the buffer
}

// fillFields are the fields that fillReply's lines state.
var fillFields = []reply.Field{
	reply.FieldNone, reply.FieldTitle, reply.FieldOffice, reply.FieldDocNumber, reply.FieldSigner,
	reply.FieldIndexNumber, reply.FieldCategory, reply.FieldDate, reply.FieldPublished,
	reply.FieldContact, reply.FieldCC, reply.FieldAttachments, "unknown",
}

// byteSource hands out the bytes of a fuzz input as the choices of a
// reply; past the end every choice is zero.
type byteSource struct {
	data []byte
}

// byte returns the next byte, or 0 past the end.
func (s *byteSource) byte() byte {
	if len(s.data) == 0 {
		return 0
	}
	b := s.data[0]
	s.data = s.data[1:]
	return b
}

// n returns a number below max.
func (s *byteSource) n(max int) int { return int(s.byte()) % max }

// yes returns a choice, true one time in four.
func (s *byteSource) yes() bool { return s.byte()&3 == 3 }

// str returns a string of up to four parts, each a fillPiece or up to 15
// raw bytes of the input.
func (s *byteSource) str() string {
	var b strings.Builder
	for range s.n(5) {
		c := s.byte()
		if c&1 == 0 {
			b.WriteString(fillPieces[int(c>>1)%len(fillPieces)])
			continue
		}
		k := min(int(c>>4), len(s.data))
		b.Write(s.data[:k])
		s.data = s.data[k:]
	}
	return b.String()
}

// strs returns up to three strings, nil or empty when none.
func (s *byteSource) strs() []string {
	n := s.n(5)
	switch n {
	case 0:
		return nil
	case 4:
		return []string{}
	}
	out := make([]string, n)
	for i := range out {
		out[i] = s.str()
	}
	return out
}

// date returns a date valid or not, with a time or not.
func (s *byteSource) date() reply.Date {
	d := reply.Date{Text: s.str()}
	if s.yes() {
		return d
	}
	d.Year, d.Month, d.Day = int(s.byte())*40+s.n(40), s.n(14), s.n(33)
	if s.yes() {
		d.HasTime = true
		d.Hour, d.Minute, d.Second = s.n(25)-1, s.n(61), s.n(61)
	}
	return d
}

// lines returns header or trailer lines, nil when none.
func (s *byteSource) lines(sig *reply.Signature) []reply.Line {
	n := s.n(5)
	if n == 0 {
		return nil
	}
	out := make([]reply.Line, n)
	for i := range out {
		out[i] = reply.Line{Text: s.str(), Field: fillFields[s.n(len(fillFields))]}
		if sig != nil && s.yes() {
			// The line that writes the signature's date, as a <time>.
			out[i] = reply.Line{Text: sig.Date.Text, Field: reply.FieldDate}
		}
	}
	return out
}

// blocks returns up to three blocks: paragraphs with points, tables and
// images.
func (s *byteSource) blocks() []reply.Block {
	var out []reply.Block
	for range s.n(4) {
		var b reply.Block
		switch s.n(4) {
		case 0:
			b.Table = &reply.Table{Caption: s.str()}
			for range s.n(3) {
				b.Table.Rows = append(b.Table.Rows, s.strs())
			}
		case 1:
			b.Image = &reply.Image{URL: s.str(), Alt: s.str()}
		default:
			b.Text = s.str()
			for range s.n(3) {
				p := reply.Point{Marker: s.str(), Lead: s.str(), Text: s.str()}
				if s.yes() {
					p.Text = p.Lead + p.Text
				}
				b.Points = append(b.Points, p)
			}
		}
		out = append(out, b)
	}
	return out
}

// sections returns up to three sections with subsections down to depth.
func (s *byteSource) sections(depth int) []reply.Section {
	if depth == 0 {
		return nil
	}
	var out []reply.Section
	for range s.n(4) {
		out = append(out, reply.Section{
			Marker: s.str(), Number: int(int8(s.byte())), Heading: s.str(), RunIn: s.yes(),
			Blocks: s.blocks(), Sections: s.sections(depth - 1),
		})
	}
	return out
}

// fillReply builds a reply from fuzz bytes, each field set or not by the
// bytes, its strings drawn from fillPieces and the bytes themselves. The
// reply need not be valid: HTML writes any reply.
func fillReply(data []byte) *reply.Reply {
	s := &byteSource{data: data}
	kinds := []reply.Kind{reply.KindProposalReply, reply.KindSuggestionReply, reply.KindOther, ""}
	r := &reply.Reply{
		Kind: kinds[s.n(len(kinds))], Title: s.str(), TitleInferred: s.yes(),
		DocNumber: s.str(), Signer: s.str(), IndexNumber: s.str(),
	}
	if s.yes() {
		r.Kind = reply.Kind(s.str())
	}
	if s.yes() {
		r.Proposal = reply.Proposal{Body: s.str(), Term: s.n(30) - 2, Session: s.n(9), Number: s.str(),
			Title: s.str(), Proposers: s.strs()}
	}
	for range s.n(4) {
		r.Addressees = append(r.Addressees, reply.Addressee{Name: s.str(), Role: reply.Role(s.str())})
	}
	r.Salutation = s.str()
	r.Opening = s.blocks()
	r.Sections = s.sections(3)
	r.Closing = s.blocks()
	if s.yes() {
		r.Contact = reply.Contact{Unit: s.str(), Person: s.str(), Phone: s.str()}
	}
	r.CC, r.Attachments = s.strs(), s.strs()
	r.Category = reply.Category(s.str())
	if s.byte()&1 == 1 {
		r.Signature = reply.Signature{Office: s.str(), Date: s.date()}
	}
	r.Header = s.lines(nil)
	r.Trailer = s.lines(&r.Signature)
	if s.byte()&1 == 1 {
		p := reply.Page{URL: s.str(), Site: s.str(), Column: s.str(), Breadcrumb: s.strs(),
			Source: s.str(), Author: s.str(), Views: int(int16(uint16(s.byte())<<8 | uint16(s.byte()))),
			Keywords: s.strs(), Description: s.str()}
		if s.byte()&1 == 1 {
			p.Published = s.date()
		}
		r.Page = p
	}
	if s.yes() {
		r.Warnings = []reply.Warning{{Code: s.str(), Message: s.str(), Where: s.str()}}
	}
	return r
}

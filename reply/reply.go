package reply

import (
	"strings"
	"unicode/utf8"
)

// Reply is one notice: a reply to a proposal or suggestion, or any other
// notice read the same way. The zero value is an empty reply of no kind.
//
// Every part of a reply is a value, never a pointer, so that any field can
// be read without a nil check: r.Proposal.Number and r.Signature.Office are
// "" when the notice states no proposal or is not signed. A part that is
// its zero value (IsZero) is absent, and the reference format leaves it
// out; a part with any field set is present.
//
// Field order is the order of the keys in the reference format.
type Reply struct {
	// Kind says what the notice is: a reply to a CPPCC proposal, to an NPC
	// deputy's suggestion, or another notice.
	Kind Kind `json:"kind"`
	// Title is the notice's title (标题), on one line, as written.
	Title string `json:"title"`
	// TitleInferred is true when the notice's text holds no title line:
	// Title was made from what the notice states (the proposal answered),
	// and PlainText and Lines leave it out, since it is not text of the
	// notice. Where such a title is shown, it is marked as supplied
	// (SuppliedTitle).
	TitleInferred bool `json:"titleInferred,omitempty"`
	// DocNumber is the document number (发文字号), such as 「旺府办函〔2017〕12号」.
	DocNumber string `json:"docNumber,omitempty"`
	// Signer is the signing official (签发人), where the notice names one.
	Signer string `json:"signer,omitempty"`
	// IndexNumber is the information-disclosure index number (索引号).
	IndexNumber string `json:"indexNumber,omitempty"`
	// Header holds the lines above the salutation other than page furniture,
	// as written, when they are more than the title alone: an issuing-office
	// line (发文机关标志), a repeated or broken title, 签发人, 类别 and 文号
	// lines, an information-disclosure table. Nil means the title alone.
	Header []Line `json:"header,omitempty"`
	// Proposal is the proposal or suggestion answered; the zero Proposal
	// when there is none (see Proposal.IsZero).
	Proposal Proposal `json:"proposal,omitzero"`
	// Addressees are the people or organisations the reply is addressed to
	// (主送), read from the salutation.
	Addressees []Addressee `json:"addressees,omitempty"`
	// Salutation is the salutation line as written, such as 「涂轶、李勇委员：」.
	Salutation string `json:"salutation,omitempty"`
	// Opening holds the paragraphs between the salutation and the first
	// section, such as 「…提案收悉…现将有关情况答复如下：」.
	Opening []Block `json:"opening,omitempty"`
	// Sections are the numbered sections of the body, as a tree.
	Sections []Section `json:"sections,omitempty"`
	// Closing holds the paragraphs after the last section and before the
	// end matter: 「总之…」, 「感谢…关心和支持」, 「特此答复」.
	Closing []Block `json:"closing,omitempty"`
	// Contact is the contact person and telephone (联系人/联系电话); the
	// zero Contact when the notice gives none.
	Contact Contact `json:"contact,omitzero"`
	// CC lists the organisations copied (抄送), one entry each.
	CC []string `json:"cc,omitempty"`
	// Attachments lists the attachments (附件) by name, in order.
	Attachments []string `json:"attachments,omitempty"`
	// Category is the answer category (答复类别/办复类别) where stated.
	Category Category `json:"category,omitempty"`
	// Signature is the issuing office (发文机关署名) and the date (成文日期);
	// the zero Signature when the notice is not signed.
	Signature Signature `json:"signature,omitzero"`
	// Trailer holds the lines after the closing, as written, when they are
	// not what Signature, Contact, CC, Attachments and Category give in the
	// canonical order (see CanonicalTrailer). Nil means the canonical lines.
	Trailer []Line `json:"trailer,omitempty"`
	// Page is what the web page around the notice said about it; the zero
	// Page for a notice read without its page.
	Page Page `json:"page,omitzero"`
	// Warnings say where the reader of a source was unsure. They describe
	// the reading, not the notice.
	Warnings []Warning `json:"warnings,omitempty"`
	// Provenance is where the notice was read from and the SHA-256 of the
	// bytes read; the zero Provenance when not recorded. A reply with
	// provenance is written as replykit/v2, one without as replykit/v1.
	Provenance Provenance `json:"provenance,omitzero"`
}

// Kind is the kind of a notice.
type Kind string

// The kinds of notice.
const (
	// KindProposalReply is a reply to a CPPCC member's proposal (政协提案答复).
	KindProposalReply Kind = "proposal-reply"
	// KindSuggestionReply is a reply to an NPC deputy's suggestion
	// (人大代表建议答复).
	KindSuggestionReply Kind = "suggestion-reply"
	// KindOther is any other notice.
	KindOther Kind = "other"
)

// Valid reports whether k is one of the defined kinds.
func (k Kind) Valid() bool {
	return k == KindProposalReply || k == KindSuggestionReply || k == KindOther
}

// Proposal is the proposal (提案) or suggestion (建议) a reply answers.
type Proposal struct {
	// Body is the body the proposal was made to, as written: 县政协, 市政协,
	// 省政协, 全国政协, 区人大, 市人大…
	Body string `json:"body,omitempty"`
	// Term is the body's term (届): 「十届」 is 10. Zero when not stated.
	Term int `json:"term,omitempty"`
	// Session is the session (次会议) within the term: 「一次会议」 is 1.
	// Zero when not stated.
	Session int `json:"session,omitempty"`
	// Number is the proposal's number as written, without 第 and 号:
	// 「第73号」 is "73" and 「第0487号」 keeps its zeros, "0487".
	Number string `json:"number,omitempty"`
	// Title is the proposal's own title, without quotation marks, such as
	// 「关于加强新型农村社区建设工作的建议」.
	Title string `json:"title,omitempty"`
	// Proposers are the members or deputies who made the proposal.
	Proposers []string `json:"proposers,omitempty"`
}

// IsZero reports whether p states nothing: no proposal is answered. An
// empty list of proposers counts as none.
func (p Proposal) IsZero() bool {
	return p.Body == "" && p.Term == 0 && p.Session == 0 && p.Number == "" && p.Title == "" && len(p.Proposers) == 0
}

// Addressee is one person or organisation a reply is addressed to.
type Addressee struct {
	// Name is the person's or organisation's name, such as 「涂轶」.
	Name string `json:"name"`
	// Role is how the addressee is named: 委员, 代表, 同志, or RoleOrganization.
	Role Role `json:"role,omitempty"`
}

// Role is the title an addressee is given in the salutation.
type Role string

// The common roles. Other titles (先生, 女士, 主任…) are kept as written.
const (
	// RoleMember is a CPPCC member (委员).
	RoleMember Role = "委员"
	// RoleDeputy is an NPC deputy (代表).
	RoleDeputy Role = "代表"
	// RoleComrade is 同志.
	RoleComrade Role = "同志"
	// RoleOrganization marks an organisation addressed by its name alone,
	// such as 「民建县委」 (单位).
	RoleOrganization Role = "单位"
)

// Section is one numbered section of a reply's body, with its subsections.
// The levels follow GB/T 9704: 「一、」 > 「（一）」 > 「1.」 > 「（1）」. A
// section's level is not stored: it is its marker's, MarkerLevel(s.Marker).
type Section struct {
	// Marker is the section's number as written, such as 「一、」「（二）」「3.」.
	Marker string `json:"marker"`
	// Number is the marker's value: 「三、」 and 「（三）」 are 3.
	Number int `json:"number"`
	// Heading is the section's heading after the marker, as written. It is
	// empty when the marker stands before a paragraph that has no heading.
	Heading string `json:"heading,omitempty"`
	// RunIn is true when the heading runs into the section's first
	// paragraph on the same line, as in 「（一）认识不足，创新不到位。一是…」.
	RunIn bool `json:"runIn,omitempty"`
	// Blocks are the section's content before its first subsection.
	Blocks []Block `json:"blocks,omitempty"`
	// Sections are the subsections.
	Sections []Section `json:"sections,omitempty"`
}

// Block is one piece of content: a paragraph, a table or an image.
// Exactly one of Text/Points, Table and Image is set.
type Block struct {
	// Text is the paragraph's text. When the paragraph carries enumerated
	// points, Text is only what stands before the first point, and the
	// paragraph is Text followed by each point's Marker and Text.
	Text string `json:"text,omitempty"`
	// Points are the enumerated points in the paragraph: 「一是…二是…」,
	// 「一要…」, 「首先…其次…」.
	Points []Point `json:"points,omitempty"`
	// Table is a data table kept as a table.
	Table *Table `json:"table,omitempty"`
	// Image is an image kept by its address and alternative text.
	Image *Image `json:"image,omitempty"`
}

// Point is one enumerated point inside a paragraph.
type Point struct {
	// Marker is the point's enumerator as written: 「一是」「二要」「首先」.
	Marker string `json:"marker"`
	// Lead is the point's lead sentence without its closing punctuation:
	// for 「一是提升认识。新型农村社区…」 it is 「提升认识」. It is a prefix of
	// Text, or empty when the point has no separate lead.
	Lead string `json:"lead,omitempty"`
	// Text is the point's text after the marker, lead included.
	Text string `json:"text"`
}

// LeadBeginsText reports whether p.Lead is the opening of p.Text: a prefix
// of it that ends where a character of the text starts, so that the text
// splits there into the lead and the rest. An empty lead begins any text.
func (p Point) LeadBeginsText() bool {
	if p.Lead == "" {
		return true
	}
	return strings.HasPrefix(p.Text, p.Lead) && (len(p.Lead) == len(p.Text) || utf8.RuneStart(p.Text[len(p.Lead)]))
}

// Table is a data table: rows of cells, the first rows possibly a header.
type Table struct {
	// Caption is the table's caption, if any.
	Caption string `json:"caption,omitempty"`
	// Rows are the table's rows of cell texts. Merged cells are repeated
	// in each row and column they span.
	Rows [][]string `json:"rows"`
}

// Image is an image in the notice.
type Image struct {
	// URL is the image's address, absolute where the page's URL was known.
	URL string `json:"url"`
	// Alt is the image's alternative text.
	Alt string `json:"alt,omitempty"`
}

// Contact is the contact person and telephone of the office that replied
// (联系人, 联系电话).
type Contact struct {
	// Unit is the contact unit (联系单位), where stated.
	Unit string `json:"unit,omitempty"`
	// Person is the contact person's name.
	Person string `json:"person,omitempty"`
	// Phone is the telephone number as written.
	Phone string `json:"phone,omitempty"`
}

// IsZero reports whether c states nothing: the notice gives no contact.
func (c Contact) IsZero() bool { return c == Contact{} }

// Category is the answer category (答复类别) of a reply: A, B or C.
type Category string

// The answer categories.
const (
	// CategoryA is 解决采纳: solved or adopted.
	CategoryA Category = "A"
	// CategoryB is 正在解决: being solved, or to be solved as conditions allow.
	CategoryB Category = "B"
	// CategoryC is 留作参考: kept for reference.
	CategoryC Category = "C"
)

// Signature is the signature block of a notice: the issuing office
// (发文机关署名) and the date of writing (成文日期).
type Signature struct {
	// Office is the issuing office as written, such as 「旺苍县人民政府办公室」.
	// Several offices of a joint reply are joined by a line break.
	Office string `json:"office,omitempty"`
	// Date is the date of writing.
	Date Date `json:"date"`
}

// IsZero reports whether s states nothing: no office and no date.
func (s Signature) IsZero() bool { return s == Signature{} }

// Page is what the web page that carried a notice said about it.
type Page struct {
	// URL is the page's address.
	URL string `json:"url,omitempty"`
	// Site is the site's name (SiteName), such as 「旺苍县人民政府」.
	Site string `json:"site,omitempty"`
	// Column is the site's column (栏目, ColumnName) that held the page.
	Column string `json:"column,omitempty"`
	// Breadcrumb is the page's location path (当前位置), one entry a level.
	Breadcrumb []string `json:"breadcrumb,omitempty"`
	// Published is the page's publish time (发布时间); the zero Date when
	// the page gives none.
	Published Date `json:"published,omitzero"`
	// Source is the page's stated source (来源), such as 「县民政局」.
	Source string `json:"source,omitempty"`
	// Author is the page's stated author or editor (作者, 责任编辑).
	Author string `json:"author,omitempty"`
	// Views is the view count (点击量, 浏览次数) when the page was saved.
	Views int `json:"views,omitempty"`
	// Keywords are the page's keywords.
	Keywords []string `json:"keywords,omitempty"`
	// Description is the page's description.
	Description string `json:"description,omitempty"`
}

// IsZero reports whether p states nothing: the notice was read without
// its page, or the page said nothing about it. Empty lists count as none.
func (p Page) IsZero() bool {
	return p.URL == "" && p.Site == "" && p.Column == "" && len(p.Breadcrumb) == 0 && p.Published.IsZero() &&
		p.Source == "" && p.Author == "" && p.Views == 0 && len(p.Keywords) == 0 && p.Description == ""
}

// Line is one line of a notice's header or trailer as written, with what
// it says.
type Line struct {
	// Text is the line as written.
	Text string `json:"text"`
	// Field names what the line states; FieldNone for a line that states
	// nothing the model has a field for.
	Field Field `json:"field,omitempty"`
}

// Field names the part of a Reply that a header or trailer line states.
type Field string

// The fields a header or trailer line can state.
const (
	FieldNone        Field = ""
	FieldTitle       Field = "title"
	FieldOffice      Field = "office"
	FieldDocNumber   Field = "docNumber"
	FieldSigner      Field = "signer"
	FieldIndexNumber Field = "indexNumber"
	FieldCategory    Field = "category"
	FieldDate        Field = "date"
	FieldPublished   Field = "published"
	FieldContact     Field = "contact"
	FieldCC          Field = "cc"
	FieldAttachments Field = "attachments"
)

// Warning says where a reader was unsure of what it read.
type Warning struct {
	// Code is a short stable name for the kind of doubt, such as
	// "numbering-gap" or "ambiguous-date".
	Code string `json:"code"`
	// Message says what was seen, in English.
	Message string `json:"message"`
	// Where places the doubt in the source: a line number ("line 12") or a
	// byte offset ("byte 4096"), when known.
	Where string `json:"where,omitempty"`
}

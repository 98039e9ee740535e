// Package reply holds the typed model of a Chinese government reply to a
// proposal or suggestion (政协提案答复, 人大代表建议答复) and its reference
// format: versioned JSON described by an embedded JSON Schema. replykit/v1
// holds the notice; replykit/v2 is v1 with one key more, "provenance":
// where the notice was read from (a file, an archive entry, a web-archive
// capture) and the SHA-256 of the bytes read. A reply is written with the
// lower tag that holds it, so a reply without provenance is v1, byte for
// byte as before v2.
//
// A Reply keeps two things apart: the facts a reader takes from a notice
// (who is answered, which proposal, the sections, the issuing office and the
// date) and the lines as they were written where they carry those facts
// (Header and Trailer). The facts are what programs use; the lines are what
// makes sure that nothing of the source text is lost. PlainText gives the
// reply's text back in document order.
//
// The model holds values, not pointers: Reply.Proposal, Contact, Signature
// and Page, and Page.Published, are structs whose zero value means "not
// stated" (their IsZero methods), so any field of a reply can be read
// without a nil check. The reference format leaves a zero part out.
//
// The package also reads the forms that Chinese official documents use for
// numbers and dates: ParseNumeral reads 「十届」「二十三」「一百零五」 and
// ParseDate reads 「2017年3月16日」「二〇一七年三月十六日」「2017-03-16」.
//
// Marshal and Unmarshal write and read the reference format; Unmarshal
// reads v1 and v2 and refuses another format version (ErrFormat), unknown
// keys (provenance in a v1 document among them) and keys an object holds
// twice, placing every error by line. JSONSchema and JSONSchemaV2 return
// the formats' JSON Schemas. Validate checks
// what a schema cannot: that dates match their text, that section numbers
// match their markers and go up, and the like, reporting every problem with
// its path in one *ValidationError.
//
// See FORMAT.md beside this package for the reference format, field by field.
package reply

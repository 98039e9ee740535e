// Package parse reads Chinese government notice pages and texts into a
// reply.Reply.
//
// HTML reads a saved web page in any encoding (UTF-8, GBK, GB2312,
// GB18030, Big5, declared or not) from any of the common government CMS
// layouts; Text reads a notice given as plain text, one paragraph a line.
// Both work in two steps that can also be called apart: Extract finds the
// notice in a page and returns it as a Source, an ordered list of
// SourceBlocks (paragraphs, tables, images) with the page's metadata; Read
// takes a Source and reads the document's structure: title, addressees,
// the proposal answered, sections, numbered points, closing, contact,
// signature and date.
//
// Nothing of the notice's text is lost: what the reader does not
// understand is kept as a plain paragraph where it stood, and the reply's
// Warnings say where the reader was unsure. Bad input gives an error that
// errors.Is can test (ErrEmpty, ErrNotHTML, ErrNoContent, ErrTooLarge…);
// no input makes the package panic.
//
// A notice whose text has no title line gets a title made from what it
// states — 「关于县政协十届一次会议第73号提案的答复」 from the proposal it
// answers — or its page's title, and TitleInferred marks a title that is
// not a line of the notice. When nothing is known to make one, the title
// stays empty with a warning CodeNoTitle, and the reply does not pass
// Validate; every other reply does.
//
// Hostile and broken input is bounded: the input's size (16 MiB by
// default), the element nesting, the number of blocks, the length of one
// paragraph, and the formatting elements (b, font, a… left open) that the
// HTML parser would copy into later paragraphs, counted before the page's
// tree is built, each have a limit, set with an Option and reported as a
// *LimitError. A table whose grid, merged cells repeated and rows padded,
// would hold more cells than WithMaxTableCells allows is read as text, a
// paragraph a row. HTMLContext and TextContext stop, with a
// *CanceledError, once their context is done. Bytes that are not text
// (invalid in the page's encoding, NUL) become U+FFFD, and a warning
// CodeReplacedBytes counts them. An image or page address that is not
// http, https or relative is never kept: the image's text stays, and a
// warning CodeUnsafeURL says so.
//
// The warnings' codes, declared as constants in warnings.go:
//
//   - CodeCharsetMismatch: the page declares another encoding than its
//     bytes are in; it is read in the one its bytes are in.
//   - CodeReplacedBytes: bytes that are not text became U+FFFD.
//   - CodeBadDate: the signature's date line is no real date.
//   - CodeAmbiguousDate: the signature's date reads as more than one date.
//   - CodeMarkerLevel: a section marker of another level than the
//     sections around it was kept as a paragraph.
//   - CodeNumberingGap: section numbers skip, or do not start at one.
//   - CodeNumberingRestart: a section number no higher than the one
//     before it was kept as a paragraph.
//   - CodeNotNotice: the page is not a government body's notice.
//   - CodeNoTitle: the reply has no title, and does not pass Validate.
//   - CodeUnsafeURL: an image or page address that is not http, https or
//     relative was left out.
//   - CodeTableAsText: a table too large to keep as a grid was read as
//     text, a paragraph a row.
//
// A page's node tree is the one golang.org/x/net/html's parser builds,
// browser repairs of broken markup included, and its text is decoded by
// golang.org/x/text's decoders: this package reads the tree, it does not
// build it.
//
// The functions are safe for concurrent use.
package parse

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
//   - CodeBidiControl: a title or name holds a bidirectional or zero-width
//     control character (U+202E…), kept as written.
//
// # Layers
//
// The package is built in layers, each a group of files named for it;
// calls run one way, from the API down, and no layer calls one above it:
//
//   - The API: parse.go (HTML, Text, Extract, Read…), with source.go,
//     options.go, errors.go and warnings.go, the vocabulary every layer
//     speaks (Source, Pos, the options, the errors, the warning codes).
//   - read_*: the structure reader, a Source to a reply. read_source.go
//     leads it through the title and header, the salutation, the proposal
//     answered, the sections, the points, the end matter and, where no
//     line is the title, an inferred one.
//   - extract_*: a page or a text to a Source. extract_load.go reads and
//     decodes a page, weighs its formatting (extract_budget.go) and
//     builds its tree, extract_page.go finds the notice
//     in it (its container, blocks, elements, furniture, metadata, tables;
//     extract_layout.go widens an old layout table's body cell over its
//     title and signature rows, extract_disclosure.go reads a disclosure
//     box), extract_text.go reads a text's lines; extract_rendered.go
//     reads a page replykit rendered back from its markup. What a line of
//     text is (an office, a date, a closing) the extractor asks through
//     the call's config, so that it never calls up into the reader.
//   - str_*: the text helpers both share: white space, scanning, labels.
//   - internal/charset: a page's bytes to UTF-8 text.
//
// A page's node tree is the one golang.org/x/net/html's parser builds,
// browser repairs of broken markup included, and its text is decoded by
// golang.org/x/text's decoders: this package reads the tree, it does not
// build it.
//
// The functions are safe for concurrent use.
package parse

// The page fixtures under testdata are written by a generator from the
// seed notice (testdata/pages/README.md).
//go:generate go run ./testdata/pages/gen

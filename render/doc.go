// Package render writes a reply.Reply out: as a complete, semantic HTML
// document or fragment with a print stylesheet after GB/T 9704, as the
// plain text of an official document, as Markdown, and as the reference
// JSON format. What it writes, package parse reads back to the same reply.
//
// HTML writes an HTML5 document in UTF-8 (lang="zh-CN"): the notice in an
// <article>, its title as <h1>, its sections as nested <section> elements
// with <h2>…<h6> headings, enumerated points as marked spans inside their
// paragraph, the signature as a <footer>, and the page's metadata in the
// <meta> tags that government sites use (ArticleTitle, PubDate,
// ContentSource…). data-* attributes on the article and its parts carry
// what the text alone does not say (section numbers, point leads, the
// facts of the header and trailer, the page metadata, the provenance:
// data-provenance, with data-format replykit/v2), so that parse.HTML
// reads a rendered page back exactly: for every valid reply r,
// parse.HTML(HTML(r)) equals r without its Warnings, which describe how a
// source was read and are not written. Text that HTML cannot hold is the
// one exception: NUL and bytes of invalid UTF-8 in text become U+FFFD, and
// image and page addresses that are not http, https or relative are left
// out (an image so left reads back as a paragraph of its text). The page
// of a reply that does not validate is written all the same, but
// parse.HTML refuses it, as it refuses any page whose reply would not
// validate; an empty title alone reads back with a warning.
//
// The HTML writer has no templates: element and attribute names are the
// package's own constants, and every string of a reply is escaped on its
// way out, in text and in attribute values alike. No markup from a source
// page reaches the output. Text that holds a bidirectional or zero-width
// control (reply.HasBidiControl), which could make a name or title display
// as other text, is kept as written but isolated in a <bdi>, so that it
// cannot reorder the text around it. Text and Markdown write it as it is.
//
// The embedded stylesheet (see Stylesheet) lays the page out as GB/T
// 9704-2012 does: A4 with margins of 37, 35, 28 and 26 mm, the title in
// 小标宋 2号, the body in 仿宋 3号 with 22 lines a page, level-one headings
// in 黑体 and level two in 楷体, the date four characters from the right
// margin with the issuing office centred above it, with font fallbacks for
// Windows, macOS and Linux.
//
// Text writes the plain text layout in which notices are copied (title,
// blank line, salutation, paragraphs indented by two full-width spaces,
// office and date at the end), which parse.Text reads back in everything
// that text can carry. Markdown writes CommonMark with every markup
// character of the reply escaped. Text and Markdown leave the provenance
// out, as they leave the page metadata out but for what a site prints
// above a notice (WithPageHeader): it is not text of the notice, and no
// page shows it. JSON writes the reference format, replykit/v1, or
// replykit/v2 for a reply with provenance.
//
// A title that is not a line of the notice but was made up by its reader
// (TitleInferred) must not pass for the notice's own: HTML, Text and
// Markdown write it first, above any header lines, marked as supplied the
// way archivists mark the titles they supply, in 〔〕 brackets followed by
// the note 「（标题为整理者所拟）」 (reply.SuppliedTitle). In HTML its <h1>
// has the class rk-supplied and the attribute data-title-inferred, and the
// note is a <span class="rk-note">. parse.HTML and parse.Text read the
// page and the text back to the same title, marked inferred.
//
// The writers do not validate: they write any non-nil reply, the zero Reply
// too (an empty article, or nothing but a blank line of text), as
// reply.Marshal writes any reply to the reference format. A reader's
// partial result — a notice with no title, kept with the warning that says
// so — must stay viewable; Reply.Validate is the check, and parse.HTML
// refuses the page of a reply that fails it, the empty title alone aside.
//
// The same reply always gives the same bytes, and the functions are safe
// for concurrent use.
package render

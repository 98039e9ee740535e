// Package parse reads Chinese government notice pages and texts into a
// reply.Reply.
//
// HTML reads a saved web page in any encoding (UTF-8, GBK, GB2312,
// GB18030, Big5, declared or not) from any of the common government CMS
// layouts; Text reads a notice given as plain text, one paragraph a line.
// Both work in two steps that can also be called apart: Extract finds the
// notice in a page and returns it as a Source, an ordered list of text
// Blocks with the page's metadata; Read takes a Source and reads the
// document's structure: title, addressees, the proposal answered, sections,
// numbered points, closing, contact, signature and date.
//
// Nothing of the notice's text is lost: what the reader does not
// understand is kept as a plain paragraph where it stood, and the reply's
// Warnings say where the reader was unsure. Bad input gives an error that
// errors.Is can test (ErrEmpty, ErrNotHTML, ErrNoContent, ErrTooLarge…);
// no input makes the package panic.
//
// The functions are safe for concurrent use.
package parse

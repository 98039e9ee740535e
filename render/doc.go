// Package render writes a reply.Reply out: as a complete, semantic HTML
// document or fragment with a print stylesheet after GB/T 9704, as the
// plain text of an official document, as Markdown, and as the reference
// JSON format. What it writes, package parse reads back to the same reply.
package render

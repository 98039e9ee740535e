package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// runParse reads pages into reference JSON (or another format) on stdout.
func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("parse", "[flags] [FILE|-]…",
		"Reads each page — an HTML page in any encoding, or a plain-text notice, one paragraph\n"+
			"a line — and writes its reply to stdout: reference JSON, or text, Markdown or HTML\n"+
			"with --format. A .txt file is read as text, a page named as HTML (.html .htm .shtml\n"+
			".shtm .xhtml .jsp .jhtml .asp .aspx .php) as HTML, and any other input, stdin too,\n"+
			"as HTML if its start looks like HTML and as text if not, as migrate does; --text or\n"+
			"--html decides instead. With no FILE, or with -, the page is read from stdin; with\n"+
			"several, their replies follow one another. Each reply records its provenance: the\n"+
			"FILE as given and the SHA-256 of its bytes (for stdin the SHA-256 alone), so JSON\n"+
			"output is replykit/v2; a page replykit rendered keeps the provenance it carries.\n\n"+
			"Exit status: 0 all read, 1 some input could not be read, 2 bad usage.", stdout, stderr)
	text := fs.Bool("text", false, "read every input as a plain-text notice, one paragraph a line")
	html := fs.Bool("html", false, "read every input as an HTML page")
	cs := fs.String("charset", "", "the input's `encoding` (gbk, gb18030, big5, utf-16, utf-8…), over what it declares")
	url := fs.String("url", "", "the page's `address`, kept in the reply's page metadata")
	format := fs.String("format", "json", "output `format`: json, text, md or html")
	files, status, ok := fs.parse(args)
	if !ok {
		return status
	}
	if *text && *html {
		fmt.Fprintln(stderr, "replykit parse: --text and --html exclude each other")
		return exitUsage
	}
	write, ok := writers[*format]
	if !ok {
		fmt.Fprintf(stderr, "replykit parse: unknown format %q (json, text, md, html)\n", *format)
		return exitUsage
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
	status = exitOK
	var opts []parse.Option
	if *url != "" {
		opts = append(opts, parse.WithURL(*url))
	}
	if *cs != "" {
		if e, _ := charset.Lookup(*cs); e == nil {
			fmt.Fprintf(stderr, "replykit parse: unknown charset %q\n", *cs)
			return exitUsage
		}
		opts = append(opts, parse.WithCharset(*cs))
	}
	for _, name := range files {
		if name == "-" && migrate.IsTerminal(stdin) {
			fmt.Fprintln(stderr, "replykit parse: waiting for a page on stdin; end it with Ctrl-D, or give a FILE")
		}
		data, err := readInput(name, stdin)
		if err == nil {
			var r *reply.Reply
			r, err = parsePage(context.Background(), pageName(name), data, *text, *html, *cs, opts...)
			if err == nil {
				if r.Provenance.IsZero() { // a page replykit rendered keeps the one it carries
					r.Provenance = provenanceOf(pageName(name), data)
				}
				err = write(stdout, r)
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", displayName(name), plainError(err))
			status = exitFailed
		}
	}
	return status
}

// parsePage reads one page under ctx as text or HTML: as forced by text or
// html, or as modeOf decides from its name ("" for stdin) and bytes.
func parsePage(ctx context.Context, name string, data []byte, text, html bool, label string, opts ...parse.Option) (*reply.Reply, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, parse.ErrEmpty
	}
	mode := asHTML
	switch {
	case text:
		mode = asText
	case !html:
		var err error
		if mode, err = modeOf(name, data, label); err != nil {
			return nil, err
		}
	}
	if mode == asText {
		return parseText(ctx, data, label, opts...)
	}
	return parse.HTMLContext(ctx, bytes.NewReader(data), opts...)
}

// provenanceOf is the provenance of a page read from the file name as
// given, "" for stdin: the name, and the SHA-256 of its bytes, as migrate
// records a file it reads.
func provenanceOf(name string, data []byte) reply.Provenance {
	sum := sha256.Sum256(data)
	return reply.Provenance{Path: name, SHA256: hex.EncodeToString(sum[:])}
}

// pageName is the name modeOf judges a page by: "" for stdin.
func pageName(name string) string {
	if name == "-" {
		return ""
	}
	return name
}

// writers write a reply in each output format.
var writers = map[string]func(io.Writer, *reply.Reply) error{
	"json": render.JSON,
	"text": func(w io.Writer, r *reply.Reply) error { return render.Text(w, r) },
	"md":   func(w io.Writer, r *reply.Reply) error { return render.Markdown(w, r) },
	"html": func(w io.Writer, r *reply.Reply) error { return render.HTML(w, r) },
}

// plainError drops the operation and path of a *fs.PathError, which the
// message names already ("x.html: no such file or directory", not
// "x.html: open x.html: no such file or directory").
func plainError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && err == error(pe) {
		return pe.Err
	}
	return err
}

// displayName is how messages name an input: "stdin" for "-".
func displayName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

// parseText reads a plain-text notice in the named encoding, or, with
// none named, in UTF-8 (a BOM dropped) or else GB18030, which covers GBK
// and GB2312; it stops once ctx is done.
func parseText(ctx context.Context, data []byte, label string, opts ...parse.Option) (*reply.Reply, error) {
	s, err := decodeText(data, label)
	if err != nil {
		return nil, err
	}
	return parse.TextContext(ctx, s, opts...)
}

// decodeText decodes a text file's bytes; see parseText.
func decodeText(data []byte, label string) (string, error) {
	if label == "" {
		if utf8.Valid(data) {
			return strings.TrimPrefix(string(data), "\ufeff"), nil
		}
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		return string(out), err
	}
	enc, _ := charset.Lookup(label)
	if enc == nil {
		return "", fmt.Errorf("unknown charset %q", label)
	}
	out, err := enc.NewDecoder().Bytes(data)
	return strings.TrimPrefix(string(out), "\ufeff"), err
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// runParse reads pages into reference JSON (or another format) on stdout.
func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("parse", "[flags] [FILE|-]…",
		"Reads each page (HTML in any encoding, or a plain-text notice with --text) and writes\n"+
			"its reply to stdout: reference JSON, or text, Markdown or HTML with --format. With no\n"+
			"FILE, or with -, the page is read from stdin; with several, their replies follow one\n"+
			"another. The status is 1 when a page could not be read.", stderr)
	text := fs.Bool("text", false, "read the input as a plain-text notice, one paragraph a line")
	cs := fs.String("charset", "", "the input's `encoding` (gbk, gb18030, big5, utf-8…), over what it declares")
	url := fs.String("url", "", "the page's `address`, kept in the reply's page metadata")
	format := fs.String("format", "json", "output `format`: json, text, md or html")
	files, err := parseArgs(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	write, ok := writers[*format]
	if !ok {
		fmt.Fprintf(stderr, "replykit parse: unknown format %q (json, text, md, html)\n", *format)
		return exitUsage
	}
	if len(files) == 0 {
		files = []string{"-"}
	}
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
	status := exitOK
	for _, name := range files {
		data, err := readInput(name, stdin)
		if err == nil {
			var r *reply.Reply
			if *text {
				r, err = parseText(context.Background(), data, *cs, opts...)
			} else {
				r, err = parse.HTML(bytes.NewReader(data), opts...)
			}
			if err == nil {
				err = write(stdout, r)
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", displayName(name), err)
			status = exitFailed
		}
	}
	return status
}

// writers write a reply in each output format.
var writers = map[string]func(io.Writer, *reply.Reply) error{
	"json": render.JSON,
	"text": func(w io.Writer, r *reply.Reply) error { return render.Text(w, r) },
	"md":   func(w io.Writer, r *reply.Reply) error { return render.Markdown(w, r) },
	"html": func(w io.Writer, r *reply.Reply) error { return render.HTML(w, r) },
}

// readInput reads a named file, or stdin for "-".
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(stdin, parse.DefaultMaxBytes+1))
	}
	return os.ReadFile(name)
}

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

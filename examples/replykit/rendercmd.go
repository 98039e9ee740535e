package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// runRender writes a reply in the reference format as HTML, text or
// Markdown.
func runRender(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("render", "[flags] [FILE.json|-]",
		"Reads a reply in the reference format (from stdin with no FILE, or with -) and writes\n"+
			"it to stdout as a complete HTML page, plain text or Markdown.", stderr)
	format := fs.String("format", "html", "output `format`: html, text, md or json")
	fragment := fs.Bool("fragment", false, "with --format html, write the <article> alone, not a whole page")
	noStyle := fs.Bool("no-style", false, "with --format html, leave out the embedded stylesheet")
	files, err := parseArgs(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if len(files) > 1 {
		fmt.Fprintln(stderr, "replykit render: one FILE.json at a time")
		fs.Usage()
		return exitUsage
	}
	name := "-"
	if len(files) == 1 {
		name = files[0]
	}
	write, ok := writers[*format]
	if !ok {
		fmt.Fprintf(stderr, "replykit render: unknown format %q (html, text, md, json)\n", *format)
		return exitUsage
	}
	if *format == "html" {
		var opts []render.Option
		if *fragment {
			opts = append(opts, render.WithFragment())
		}
		if *noStyle {
			opts = append(opts, render.WithoutStylesheet())
		}
		write = func(w io.Writer, r *reply.Reply) error { return render.HTML(w, r, opts...) }
	}
	data, err := readInput(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", displayName(name), err)
		return exitFailed
	}
	r, err := reply.Unmarshal(data)
	if err != nil {
		fmt.Fprintln(stderr, placeError(displayName(name), err))
		return exitFailed
	}
	if err := write(stdout, r); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", displayName(name), err)
		return exitFailed
	}
	return exitOK
}

// placeError writes a decoding error as "file:line: what", or as
// "file: what" when the error has no line.
func placeError(file string, err error) string {
	var se *reply.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s:%d: %v", file, se.Line, se.Err)
	}
	return fmt.Sprintf("%s: %v", file, err)
}

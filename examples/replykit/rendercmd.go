package main

import (
	"fmt"
	"io"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// runRender writes a reply in the reference format as HTML, text or
// Markdown.
func runRender(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("render", "[flags] [FILE.json|-]",
		"Reads a reply in the reference format (from stdin with no FILE, or with -) and writes\n"+
			"it to stdout as a complete HTML page, plain text or Markdown.\n\n"+
			"Exit status: 0 written, 1 the file could not be read, 2 bad usage.", stdout, stderr)
	format := fs.String("format", "html", "output `format`: html, text, md or json")
	fragment := fs.Bool("fragment", false, "with --format html, write the <article> alone, not a whole page")
	noStyle := fs.Bool("no-style", false, "with --format html, leave out the embedded stylesheet")
	files, status, ok := fs.parse(args)
	if !ok {
		return status
	}
	if len(files) > 1 {
		fmt.Fprintln(stderr, "replykit render: one FILE.json at a time")
		fs.usage(stderr)
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
	if name == "-" && migrate.IsTerminal(stdin) {
		fmt.Fprintln(stderr, "replykit render: waiting for reference JSON on stdin; end it with Ctrl-D, or give a FILE.json")
	}
	data, err := readInput(name, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", displayName(name), plainError(err))
		return exitFailed
	}
	r, err := reply.Unmarshal(data)
	if err != nil {
		fmt.Fprintln(stderr, decodeProblem(data, err).format(displayName(name)))
		return exitFailed
	}
	if err := write(stdout, r); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", displayName(name), err)
		return exitFailed
	}
	return exitOK
}

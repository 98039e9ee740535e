package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// runMigrate migrates pages, directories and archives.
func runMigrate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("migrate", "[-o OUTDIR] [-j N] [--force] INPUT…",
		"Reads every page of the INPUTs — files; directories, walked recursively (.html .htm\n"+
			".shtml .jsp .asp .php, extensionless files that hold HTML, .txt as text); .zip and\n"+
			".tar.gz archives of a site mirror — and writes OUTDIR/<path>.json (reference JSON)\n"+
			"and OUTDIR/<path>.html (a clean page) for each, then OUTDIR/report.json and a summary.\n"+
			"Pages whose outputs are newer than the page are skipped. One bad page never stops\n"+
			"the run; the status is 1 when a page failed.", stderr)
	out := fs.String("o", "replykit-out", "output `directory`")
	jobs := fs.Int("j", runtime.NumCPU(), "convert `N` pages at once")
	force := fs.Bool("force", false, "convert every page again, even when its outputs are newer")
	quiet := fs.Bool("q", false, "show no progress")
	noSync := fs.Bool("no-sync", false, "do not fsync each output before renaming it into place (faster; an\ninterrupted run is still safe, a power cut may leave empty outputs)")
	inputs, err := parseArgs(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "replykit migrate: no INPUT given")
		fs.Usage()
		return exitUsage
	}
	if *jobs < 1 {
		fmt.Fprintln(stderr, "replykit migrate: -j must be at least 1")
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := migrateOptions(ctx, *out, *jobs, *force)
	opts.NoSync = *noSync
	if !*quiet {
		opts.Progress, opts.Bar = stderr, migrate.IsTerminal(stderr)
	}
	rep, err := migrate.Run(ctx, migrate.Paths(inputs...), opts)
	return finishMigrate(rep, err, *out, stderr)
}

// migrateOptions are the engine's options with the real conversion, which
// runs under ctx, the run's context: a page in progress stops with it.
func migrateOptions(ctx context.Context, out string, jobs int, force bool) migrate.Options {
	return migrate.Options{
		OutDir:  out,
		Workers: jobs,
		Force:   force,
		Convert: func(rel string, data []byte) (*reply.Reply, error) {
			return convertPage(ctx, rel, data)
		},
		Render:   renderPage,
		Classify: classify,
	}
}

// finishMigrate writes the summary and gives the exit status.
func finishMigrate(rep *migrate.Report, err error, out string, stderr io.Writer) int {
	if rep != nil {
		_ = rep.WriteSummary(stderr)
		fmt.Fprintf(stderr, "report: %s\n", filepath.Join(out, migrate.ReportName))
	}
	if err != nil {
		fmt.Fprintf(stderr, "replykit: %v\n", err)
		return exitFailed
	}
	if rep.Totals.Failed > 0 {
		return exitFailed
	}
	return exitOK
}

// convertPage reads one page under ctx: .txt files as plain text, the
// rest as HTML. A page with no notice in it (a list page) is not a
// failure.
func convertPage(ctx context.Context, rel string, data []byte) (*reply.Reply, error) {
	var r *reply.Reply
	var err error
	if strings.EqualFold(path.Ext(rel), ".txt") {
		r, err = parseText(ctx, data, "")
	} else {
		r, err = parse.HTMLContext(ctx, bytes.NewReader(data))
	}
	if errors.Is(err, parse.ErrNoContent) {
		return nil, migrate.NoNotice(err)
	}
	return r, err
}

// renderPage writes a reply as a complete HTML page.
func renderPage(w io.Writer, r *reply.Reply) error { return render.HTML(w, r) }

// classify names the kind of a conversion error for the report.
func classify(err error) string {
	switch {
	case errors.Is(err, parse.ErrEmpty):
		return "empty"
	case errors.Is(err, parse.ErrNotHTML):
		return "not-html"
	case errors.Is(err, parse.ErrTooLarge):
		return migrate.KindTooLarge
	case errors.As(err, new(*parse.CanceledError)):
		return "interrupted"
	}
	return "parse"
}

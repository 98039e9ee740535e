package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/replykit/replykit/examples/replykit/internal/bag"
	"github.com/replykit/replykit/examples/replykit/internal/collection"
	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/examples/replykit/internal/webarchive"
	"github.com/replykit/replykit/parse"
	"github.com/replykit/replykit/render"
	"github.com/replykit/replykit/reply"
)

// runMigrate migrates pages, directories and archives.
func runMigrate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("migrate", "[-o OUTDIR] [-j N] [--force] [--bag BAGDIR | --shard i/N] INPUT…",
		"Reads every page of the INPUTs — files; directories, walked recursively; .zip and\n"+
			".tar.gz archives of a site mirror — and writes OUTDIR/<path>.json (reference JSON)\n"+
			"and OUTDIR/<path>.html (a clean page) for each, then OUTDIR/report.json, the\n"+
			"collection — OUTDIR/replies.jsonl, every reply as JSON, one a line, and\n"+
			"OUTDIR/index.html, a page to browse and search them, no server needed — and a summary.\n"+
			"In directories and archives, files named .html .htm .shtml .shtm .xhtml .jsp .jhtml\n"+
			".asp .aspx .php are read as HTML pages and .txt files as plain-text notices; files\n"+
			"with no or another extension (.do, .action) are read as pages when their start looks\n"+
			"like HTML. Stylesheets, scripts, images, documents and hidden files are not pages.\n"+
			"Every file not read is listed in report.json with the reason, and counted in the\n"+
			"summary. A file named as an INPUT is always read. A page whose output name is taken\n"+
			"(ignoring case and Unicode normalisation) is written as name~2, and report.json\n"+
			"says why. Pages whose outputs the last run made from the same bytes (SHA-256) are\n"+
			"skipped. One bad page never stops the run.\n\n"+
			"With --bag, the run also ends in BAGDIR, a BagIt bag (RFC 8493) to hand to an\n"+
			"archive: data/source/<path> holds each page with a notice exactly as read,\n"+
			"data/reply/<path>.json and .html what was made of it; manifest-sha256.txt and\n"+
			"manifest-sha512.txt list every payload file, bag-info.txt says who made it, when\n"+
			"and with what. BAGDIR must not exist; it appears only when the run is done, and\n"+
			"'replykit validate BAGDIR' checks it.\n\n"+
			"With --shard i/N (i from 0 to N-1), the run is one of N shards writing into one\n"+
			"OUTDIR side by side, on one machine or on many that share it: each walks every\n"+
			"INPUT and names every output as a single run would, but converts only the pages\n"+
			"it finds i-th, (i+N)-th, (i+2N)-th… and lists only the ignored files and records\n"+
			"so numbered, writes its report as OUTDIR/report-shards/i-of-N.json, and makes no\n"+
			"collection and no bag. Once all N are done, 'replykit report merge OUTDIR' writes\n"+
			"report.json and the collection, the same bytes a single run would have written.\n\n"+
			"Exit status: 0 all pages read, 1 some pages failed (see report.json), 2 bad usage,\n"+
			"3 the run failed as a whole: an INPUT missing, unreadable or the output directory,\n"+
			"a broken archive, an output directory where nothing can be written or that another\n"+
			"run is writing into, a BAGDIR that exists, no pages found, the run interrupted,\n"+
			"or the report, the collection or the bag not written.", stdout, stderr)
	out := fs.String("o", "replykit-out", "output `directory`")
	jobs := fs.Int("j", 0, "convert `N` pages at once; 0 means one a CPU")
	force := fs.Bool("force", false, "convert every page again, even when its outputs are up to date")
	quiet := fs.Bool("q", false, "show no progress")
	follow := fs.Bool("follow-links", false, "follow symbolic links that lead out of an INPUT directory (without it,\nthey are listed as ignored); each directory is still walked once")
	bagDir := fs.String("bag", "", "also write the pages, their sources and what was made of them as a BagIt\nbag in `BAGDIR`, which must not exist")
	bagOrg := fs.String("bag-org", "", "the bag's Source-Organization, the `NAME` of the archive or office handing it over")
	shardArg := fs.String("shard", "", "run shard `i/N` of N (0-based) and write its report into OUTDIR/report-shards/")
	noSync := fs.Bool("no-sync", false, "do not fsync each output before renaming it into place (faster; an\ninterrupted run is still safe, a power cut may leave empty outputs)")
	inputs, status, ok := fs.parse(args)
	if !ok {
		return status
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "replykit migrate: no INPUT given")
		fs.usage(stderr)
		return exitUsage
	}
	if *jobs < 0 {
		fmt.Fprintln(stderr, "replykit migrate: -j must be 0 or more")
		return exitUsage
	}
	var shard migrate.Shard
	if *shardArg != "" {
		var err error
		if shard, err = migrate.ParseShard(*shardArg); err != nil {
			fmt.Fprintf(stderr, "replykit migrate: --shard %v\n", err)
			return exitUsage
		}
		if *bagDir != "" {
			fmt.Fprintln(stderr, "replykit migrate: --bag and --shard do not go together: a shard holds a part of\n"+
				"the pages; run 'replykit report merge OUTDIR' after the shards, then migrate with\n"+
				"--bag into the same OUTDIR, which skips the pages already converted")
			return exitUsage
		}
	}
	ctx, stop := interruptContext(stderr)
	defer stop()
	opts := migrateOptions(ctx, *out, *jobs, *force)
	opts.NoSync = *noSync
	opts.FollowLinks = *follow
	opts.Shard = shard
	if !*quiet {
		opts.Progress, opts.Bar = stderr, migrate.IsTerminal(stderr)
	}
	// The bag's destination is checked first: a run refused for it
	// writes nothing.
	var bw *bag.Writer
	var bagged *bag.Result
	if *bagDir != "" {
		var err error
		if bw, err = bag.Create(*bagDir, bag.Options{Organization: *bagOrg, Agent: buildVersion()}); err != nil {
			return refuseRun(err, stderr)
		}
		opts.Source = bw.Source
	}
	ins := migrate.Paths(inputs...)
	if err := migrate.Check(ins, opts); err != nil {
		if bw != nil {
			_ = bw.Abort()
		}
		return refuseRun(err, stderr)
	}
	var col *collection.Result
	opts.Finish = collectInto(&col)
	if bw != nil {
		opts.Finish = bagInto(opts.Finish, bw, &bagged)
	}
	rep, err := migrate.Run(ctx, ins, opts)
	if bw != nil && bagged == nil {
		_ = bw.Abort() // an interrupted or failed run leaves no bag
	}
	if le := (*migrate.LockedError)(nil); errors.As(err, &le) {
		// Nothing was done: said as Check's refusals are.
		return refuseRun(le, stderr)
	}
	code := finishMigrate(rep, col, err, stderr, stderr)
	if rep != nil && rep.Shard != nil && rep.Written != "" && err == nil {
		fmt.Fprintf(stderr, "once every shard is done: replykit report merge %s\n", *out)
	}
	if bagged != nil {
		fmt.Fprintf(stderr, "bag: %s (%d %s: %d files, %d bytes)\n", bagged.Dir,
			bagged.Pages, plural(bagged.Pages, "page", "pages"), bagged.Files, bagged.Bytes)
	}
	return code
}

// bagInto gives the engine's Finish that runs next, then completes the
// bag, what it wrote set in *res.
func bagInto(next func(*migrate.Report) error, bw *bag.Writer, res **bag.Result) func(*migrate.Report) error {
	return func(rep *migrate.Report) error {
		if err := next(rep); err != nil {
			return err
		}
		r, err := bw.Finish(rep)
		*res = r
		return err
	}
}

// migrateOptions are the engine's options with the real conversion, which
// runs under ctx, the run's context: a page in progress stops with it.
func migrateOptions(ctx context.Context, out string, jobs int, force bool) migrate.Options {
	return migrate.Options{
		OutDir:  out,
		Workers: jobs,
		Force:   force,
		Convert: func(src migrate.PageSource, data []byte) (*reply.Reply, error) {
			return convertPage(ctx, src, data)
		},
		Render:   renderPage,
		Classify: classify,
	}
}

// refuseRun says, on stderr, each problem that keeps a run from starting,
// and gives the exit status.
func refuseRun(err error, stderr io.Writer) int { return refuse("replykit migrate", err, stderr) }

// refuse says, on stderr, each problem (joined in err) that kept the
// command name from doing anything, and gives the exit status.
func refuse(name string, err error, stderr io.Writer) int {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		fmt.Fprintf(stderr, "%s: %v%s\n", name, e, runHint(e))
	}
	fmt.Fprintf(stderr, "%s: nothing done\n", name)
	return exitRun
}

// runHint is what a user can do about a problem of the run as a whole.
func runHint(err error) string {
	switch {
	case errors.Is(err, migrate.ErrInputIsOutput):
		return " (name another output directory with -o)"
	case errors.Is(err, migrate.ErrOutputUnwritable):
		return " (name a directory you can write to with -o)"
	}
	return ""
}

// collectInto gives the engine's Finish that writes the collection of a
// run with pages, once its report is written: index.html and
// replies.jsonl, what it wrote set in *col.
func collectInto(col **collection.Result) func(*migrate.Report) error {
	return func(rep *migrate.Report) error {
		if rep.Totals.Pages == 0 {
			return nil
		}
		res, err := collection.Build(filepath.Dir(rep.Written), rep, collection.Options{Workers: rep.Workers})
		*col = res
		return err
	}
}

// finishMigrate writes the summary, and where the report and the
// collection are, to w, says on stderr what went wrong with an input as a
// whole (a missing one, a broken archive, one with no pages) and which
// pages the collection left out, and gives the exit status.
func finishMigrate(rep *migrate.Report, col *collection.Result, err error, w, stderr io.Writer) int {
	if rep != nil {
		_ = rep.WriteSummary(w)
		if rep.Written != "" {
			fmt.Fprintf(w, "report: %s\n", rep.Written)
		}
	}
	if col != nil {
		fmt.Fprintf(w, "replies: %s (%d %s, %d other %s; one a line)\n", col.JSONL,
			col.Replies, plural(col.Replies, "reply", "replies"), col.Others, plural(col.Others, "notice", "notices"))
		fmt.Fprintf(w, "index: %s\n", col.Index)
		for _, e := range col.LeftOut {
			fmt.Fprintf(stderr, "replykit migrate: left out of the index: %v\n", e)
		}
	}
	if rep != nil {
		inputNotes(rep, stderr)
	}
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "replykit migrate: %v\n", err)
		return exitRun
	case rep.Totals.Pages == 0 && (rep.Shard == nil || rep.Shard.Walked.Pages == 0):
		return exitRun // a shard may have no pages of its own; the walk must find some
	case rep.Totals.Failed > 0:
		return exitFailed
	}
	return exitOK
}

// inputNotes says on stderr what went wrong with an input as a whole:
// a failure of the input itself (not of a page in it), and an input with
// no pages, with the files it held that were not pages and a hint.
func inputNotes(rep *migrate.Report, stderr io.Writer) {
	inputs := map[string]bool{}
	for _, in := range rep.Inputs {
		inputs[in.Path] = true
	}
	if rep.Totals.Failed > 0 {
		err := rep.EachPage(func(e *migrate.Entry) error {
			if e.Error != nil && e.Status == migrate.StatusFailed && inputs[e.Path] {
				fmt.Fprintf(stderr, "replykit migrate: %s: %s (%s)\n", e.Path, e.Error.Message, e.Error.Kind)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(stderr, "replykit migrate: %v\n", err)
		}
	}
	for _, in := range rep.Inputs {
		// A shard counts only its own pages: a merge says it of the whole.
		if in.Pages > 0 || rep.Interrupted || (rep.Shard != nil && rep.Shard.Walked.Pages > 0) {
			continue
		}
		fmt.Fprintf(stderr, "replykit migrate: %s: no pages found", in.Path)
		if in.Ignored > 0 {
			// What a web archive holds that is no page is records.
			what := plural(in.Ignored, "file", "files")
			if webarchive.KindOf(in.Path, nil) != webarchive.KindNone {
				what = plural(in.Ignored, "record", "records")
			}
			fmt.Fprintf(stderr, "; %d %s not read as pages %s listed under \"ignored\" in the report", in.Ignored, what, plural(in.Ignored, "is", "are"))
		}
		fmt.Fprintln(stderr)
	}
	if rep.Totals.Pages == 0 && !rep.Interrupted && (rep.Shard == nil || rep.Shard.Walked.Pages == 0) {
		fmt.Fprintln(stderr, "hint: replykit reads .html .htm .shtml .shtm .xhtml .jsp .jhtml .asp .aspx .php\n"+
			"pages, .txt notices, and files with no or another extension whose start is HTML;\n"+
			"see 'replykit migrate -h'")
	}
	if n := rep.Totals.IgnoredBy[migrate.IgnoredOutput]; n > 0 {
		fmt.Fprintln(stderr, "note: the output directory is inside an INPUT; it was left out of the walk")
	}
}

// plural is one or many, as n says.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// convertPage reads one page under ctx as text or HTML, as modeOf decides
// from its name (the way parse does), with its address and Content-Type
// when its source gave them. A page with no notice in it (a list page) is
// not a failure.
func convertPage(ctx context.Context, src migrate.PageSource, data []byte) (*reply.Reply, error) {
	var opts []parse.Option
	if src.URL != "" {
		opts = append(opts, parse.WithURL(src.URL))
	}
	if src.ContentType != "" {
		opts = append(opts, parse.WithContentType(src.ContentType))
	}
	r, err := parsePage(ctx, src.Rel, data, false, false, "", opts...)
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
	case errors.Is(err, errBinary):
		return "binary"
	case errors.Is(err, parse.ErrTooLarge):
		return migrate.KindTooLarge
	case errors.As(err, new(*parse.CanceledError)):
		return "interrupted"
	}
	return "parse"
}

package main

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"unicode/utf8"

	"github.com/replykit/replykit/examples/replykit/internal/collection"
	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

// sampleFiles are the sample pages that replykit migrates when run with
// no arguments: the seed reply on a county government page in GBK, replies
// in other layouts and encodings, a plain-text reply, another notice and
// a list page.
//
//go:embed sample
var sampleFiles embed.FS

// sampleOut is where the sample's results go.
const sampleOut = "replykit-out"

// runSample migrates the embedded sample pages into ./replykit-out/ and
// writes, on stdout, what became of each page, the summary, and where the
// results are. Problems go to stderr.
func runSample(stdout, stderr io.Writer) int {
	sample, err := fs.Sub(sampleFiles, "sample")
	if err != nil {
		fmt.Fprintf(stderr, "replykit: %v\n", err)
		return exitRun
	}
	ctx, stop := interruptContext(stderr)
	defer stop()
	opts := migrateOptions(ctx, sampleOut, 0, false)
	if err := migrate.Check(nil, opts); err != nil {
		return refuseRun(err, stderr)
	}
	var col *collection.Result
	opts.Finish = collectInto(&col)
	rep, err := migrate.Run(ctx, []migrate.Input{{Path: "sample", FS: sample}}, opts)
	if rep != nil {
		if lerr := writeListing(stdout, rep); lerr != nil && err == nil {
			err = lerr
		}
	}
	status := finishMigrate(rep, col, err, stdout, stderr)
	if rep != nil && rep.Written != "" {
		fmt.Fprintln(stdout, "Your own pages: replykit migrate -o OUTDIR DIR|FILE|ARCHIVE.zip|CRAWL.warc.gz…")
	}
	if col != nil {
		fmt.Fprintf(stdout, "Browse and search the sample: open %s in a browser.\n", col.Index)
	}
	return status
}

// writeListing writes a line for each page of a sample run, in columns as
// wide as their longest cell: the page, what was found in it, its
// warnings, and what became of its outputs. The pages are read back from
// the report written.
func writeListing(w io.Writer, rep *migrate.Report) error {
	rows := [][4]string{{"sample page", "found", "warnings", "outputs"}}
	err := rep.EachPage(func(e *migrate.Entry) error {
		found, warnings, outputs := string(e.Kind), strconv.Itoa(len(e.Warnings)), "written"
		switch {
		case e.Status == migrate.StatusFailed:
			found, warnings, outputs = "failed: "+e.Error.Kind, "-", "none"
		case e.Error != nil && e.Error.Kind == migrate.KindNoNotice:
			found, warnings, outputs = "no notice", "-", "none"
		case e.Skipped:
			outputs = "up to date"
		}
		rows = append(rows, [4]string{e.Output, found, warnings, outputs})
		return nil
	})
	if err != nil {
		return err
	}
	var width [4]int
	for _, r := range rows {
		for i, cell := range r {
			width[i] = max(width[i], utf8.RuneCountInString(cell))
		}
	}
	fmt.Fprintf(w, "replykit migrated its %d sample %s into ./%s/:\n\n", rep.Totals.Pages, plural(rep.Totals.Pages, "page", "pages"), sampleOut)
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %-*s  %*s  %s\n", width[0], r[0], width[1], r[1], width[2], r[2], r[3])
	}
	fmt.Fprintf(w, "\nEach page's reply is in ./%s/<page>.json and <page>.html;\n"+
		"report.json lists every page, with its warnings; replies.jsonl holds every\n"+
		"reply, one a line; index.html lists them to browse and search.\n\n", sampleOut)
	return nil
}

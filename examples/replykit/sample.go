package main

import (
	"context"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

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
// says where the results are.
func runSample(stdout, stderr io.Writer) int {
	sample, err := fs.Sub(sampleFiles, "sample")
	if err != nil {
		fmt.Fprintf(stderr, "replykit: %v\n", err)
		return exitFailed
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := migrateOptions(ctx, sampleOut, 0, false)
	rep, err := migrate.Run(ctx, []migrate.Input{{Path: "sample", FS: sample}}, opts)
	status := finishMigrate(rep, err, sampleOut, stderr)
	if rep == nil {
		return status
	}
	abs, aerr := filepath.Abs(sampleOut)
	if aerr != nil {
		abs = sampleOut
	}
	fmt.Fprintf(stdout, "replykit migrated %d sample pages (%d replies, %d other) into %s\n",
		rep.Totals.Pages, rep.Totals.Replies, rep.Totals.Other, abs+string(filepath.Separator))
	for _, e := range rep.Pages {
		if e.Error == nil {
			fmt.Fprintf(stdout, "  %-52s %s.json  %s.html\n", e.Path, e.Output, e.Output)
		}
	}
	fmt.Fprintf(stdout, "report: %s\nYour own pages: replykit migrate -o OUTDIR DIR|FILE|ARCHIVE.zip…\n",
		filepath.Join(sampleOut, migrate.ReportName))
	return status
}

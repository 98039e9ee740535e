package main

import (
	"fmt"
	"io"

	"github.com/replykit/replykit/examples/replykit/internal/collection"
	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

// reportCommands are the subcommands of report, by name.
var reportCommands = map[string]command{
	"merge": {"join the reports of migrate's shards into report.json and build the collection", runReportMerge},
}

// runReport runs a subcommand of report.
func runReport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "replykit report: no command given")
		reportUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		reportUsage(stdout)
		return exitOK
	}
	cmd, ok := reportCommands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "replykit report: unknown command %q\n", args[0])
		reportUsage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdin, stdout, stderr)
}

// reportUsage lists the subcommands of report.
func reportUsage(w io.Writer) {
	fmt.Fprint(w, "usage: replykit report <command> [flags] [args]\n\nWorks on the reports of migrate.\n\ncommands:\n")
	fmt.Fprintf(w, "  %-9s %s\n", "merge", reportCommands["merge"].summary)
	fmt.Fprint(w, "\nRun 'replykit report <command> -h' for a command's flags.\n")
}

// runReportMerge joins the shard reports of an output directory.
func runReportMerge(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("report merge", "[-j N] OUTDIR",
		"Joins the reports that the N shards of a migration (replykit migrate --shard i/N)\n"+
			"wrote into OUTDIR/report-shards/ into OUTDIR/report.json, the same bytes a single\n"+
			"run over the same INPUTs would have written; then writes the collection\n"+
			"(OUTDIR/replies.jsonl and OUTDIR/index.html) as migrate does, removes the shard\n"+
			"reports and prints the summary. It refuses, naming the file, when a shard's report\n"+
			"is missing (the shard has not run to its end), unreadable or interrupted (run that\n"+
			"shard again), or when the reports disagree: shards of different numbers N, other\n"+
			"INPUTs, or INPUTs that changed between the shards' runs (run every shard again).\n"+
			"It holds OUTDIR's lock, as migrate does: not while a shard is running.\n\n"+
			"Exit status: 0 merged, all pages read; 1 merged, some pages failed (see\n"+
			"report.json); 2 bad usage; 3 nothing merged (a shard report missing, interrupted\n"+
			"or disagreeing, OUTDIR in use), or the report or the collection not written.", stdout, stderr)
	jobs := fs.Int("j", 0, "read `N` JSON outputs at once for the collection; 0 means one a CPU")
	noSync := fs.Bool("no-sync", false, "do not fsync report.json before renaming it into place")
	pos, status, ok := fs.parse(args)
	if !ok {
		return status
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "replykit report merge: give one OUTDIR")
		fs.usage(stderr)
		return exitUsage
	}
	if *jobs < 0 {
		fmt.Fprintln(stderr, "replykit report merge: -j must be 0 or more")
		return exitUsage
	}
	var col *collection.Result
	rep, err := migrate.Merge(pos[0], migrate.MergeOptions{Workers: *jobs, NoSync: *noSync, Finish: collectInto(&col)})
	if rep == nil {
		return refuse("replykit report merge", err, stderr)
	}
	code := finishMigrate(rep, col, nil, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "replykit report merge: %v\n", err)
		return exitRun
	}
	return code
}

// Command replykit reads Chinese government notice pages — replies to
// proposals (政协提案答复) and to deputies' suggestions (人大代表建议答复) —
// into replykit's reference JSON, writes them back out as clean HTML, text
// or Markdown, checks reference JSON, and migrates whole site mirrors.
//
// Usage:
//
//	replykit                      migrate the embedded sample pages into ./replykit-out/
//	replykit parse [FILE|-]…      a page (HTML or text) to reference JSON
//	replykit render [FILE.json|-] reference JSON to HTML, text or Markdown
//	replykit validate FILE.json|DIR…  check reference JSON and migrate reports
//	replykit migrate [-o OUTDIR] [-j N] [--force] INPUT…
//	                              pages, directories, .zip and .tar.gz archives to
//	                              OUTDIR/<path>.json and .html, with OUTDIR/report.json,
//	                              OUTDIR/replies.jsonl and OUTDIR/index.html
//	replykit migrate --shard i/N …  one of N shards of a run into one OUTDIR
//	replykit report merge OUTDIR  join the shards' reports, as one run's
//	replykit version              the module version it was built from
//
// Each subcommand takes -h. The exit status is 0 when all went well, 1
// when some page or file failed, 2 on bad usage, and 3 when a migration
// failed as a whole (see replykit migrate -h).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// The exit statuses.
const (
	exitOK     = 0 // all went well
	exitFailed = 1 // some page or file failed
	exitUsage  = 2 // bad usage
	exitRun    = 3 // the run as a whole failed: no input, no output, no pages, no report
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is one subcommand: it gets its arguments after its name.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands are the subcommands by name.
var commands = map[string]command{
	"parse":    {"read pages (HTML or plain text) into reference JSON", runParse},
	"render":   {"write reference JSON as HTML, text or Markdown", runRender},
	"validate": {"check reference JSON files (and migrate reports) against the schema", runValidate},
	"migrate":  {"convert pages, directories and archives into JSON and HTML, with a report", runMigrate},
	"report":   {"work on migrate's reports: merge the reports of its shards", runReport},
	"version":  {"print the version replykit was built from", runVersion},
}

// commandOrder is the order commands are listed in.
var commandOrder = []string{"parse", "render", "validate", "migrate", "report", "version"}

// run runs the command line args (without the program name) and returns
// the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return runSample(stdout, stderr)
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(args[1:], stdin, stdout, stderr)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "replykit: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `replykit reads Chinese government notice pages (政协提案答复, 人大代表建议答复)
into reference JSON and writes them back out.

usage: replykit <command> [flags] [args]

With no command at all, replykit migrates its embedded sample pages into
./replykit-out/.

commands:
`)
	for _, name := range commandOrder {
		fmt.Fprintf(w, "  %-9s %s\n", name, commands[name].summary)
	}
	fmt.Fprint(w, `
Run 'replykit <command> -h' for a command's flags.

Exit status: 0 all went well, 1 some page or file failed, 2 bad usage,
3 a migration failed as a whole (no input, no output, no pages, no report).
`)
}

// flagSet is a subcommand's flags, with its help: on stdout when asked
// for with -h, on stderr after a usage error.
type flagSet struct {
	*flag.FlagSet
	name, args, about string
	stdout, stderr    io.Writer
}

// newFlags makes a subcommand's flag set.
func newFlags(name, args, about string, stdout, stderr io.Writer) *flagSet {
	fs := flag.NewFlagSet("replykit "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // parse writes the help, where it belongs
	return &flagSet{FlagSet: fs, name: name, args: args, about: about, stdout: stdout, stderr: stderr}
}

// usage writes the subcommand's help to w.
func (f *flagSet) usage(w io.Writer) {
	fmt.Fprintf(w, "usage: replykit %s %s\n\n%s\n\nflags:\n", f.name, f.args, f.about)
	f.SetOutput(w)
	f.PrintDefaults()
	f.SetOutput(f.stderr)
}

// parse parses args and returns the positional arguments, with ok true.
// On -h it writes the help to stdout; on a bad flag, the error and the
// help to stderr; then it returns ok false and the exit status.
func (f *flagSet) parse(args []string) (pos []string, status int, ok bool) {
	pos, err := parseArgs(f.FlagSet, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		f.usage(f.stdout)
		return nil, exitOK, false
	case err != nil:
		f.usage(f.stderr)
		return nil, exitUsage, false
	}
	return pos, exitOK, true
}

// parseArgs parses flags that may stand before, between or after the
// positional arguments, which it returns. After "--" everything is
// positional. A request for help (-h) returns flag.ErrHelp.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

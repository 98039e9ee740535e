// Command replykit reads Chinese government notice pages — replies to
// proposals (政协提案答复) and to deputies' suggestions (人大代表建议答复) —
// into replykit's reference JSON, writes them back out as clean HTML, text
// or Markdown, checks reference JSON, and migrates whole site mirrors.
//
// Usage:
//
//	replykit                      migrate the embedded sample pages into ./replykit-out/
//	replykit parse [FILE|-]…      a page (HTML, or text with --text) to reference JSON
//	replykit render [FILE.json|-] reference JSON to HTML, text or Markdown
//	replykit validate FILE.json…  check reference JSON against the schema and the model
//	replykit migrate [-o OUTDIR] [-j N] [--force] INPUT…
//	                              pages, directories, .zip and .tar.gz archives to
//	                              OUTDIR/<path>.json and .html, with OUTDIR/report.json
//
// Each subcommand takes -h. The exit status is 0 when all went well, 1
// when some page or file failed, 2 on bad usage.
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
	"parse":    {"read pages (HTML, or text with --text) into reference JSON", runParse},
	"render":   {"write reference JSON as HTML, text or Markdown", runRender},
	"validate": {"check reference JSON files against the schema and the model", runValidate},
	"migrate":  {"convert pages, directories and archives into JSON and HTML, with a report", runMigrate},
}

// commandOrder is the order commands are listed in.
var commandOrder = []string{"parse", "render", "validate", "migrate"}

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
	fmt.Fprint(w, "\nRun 'replykit <command> -h' for a command's flags.\n")
}

// newFlags makes a subcommand's flag set, its usage written to stderr.
func newFlags(name, args, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("replykit "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: replykit %s %s\n\n%s\n\nflags:\n", name, args, about)
		fs.PrintDefaults()
	}
	return fs
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

// flagStatus is the exit status for a flag parsing error: 0 for -h, else 2.
func flagStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// runVersion prints the version of the module replykit was built from.
func runVersion(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", "Prints the version of the replykit module the command was built from, and the\n"+
		"Go version that built it.", stdout, stderr)
	rest, status, ok := fs.parse(args)
	if !ok {
		return status
	}
	if len(rest) > 0 {
		fmt.Fprintln(stderr, "replykit version: takes no arguments")
		return exitUsage
	}
	fmt.Fprintln(stdout, buildVersion())
	return exitOK
}

// buildVersion is the version line of this build (versionLine), which a
// bag also names as its Bag-Software-Agent.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	return versionLine(info)
}

// versionLine says which version of the module a build is: a release
// ("replykit v1.2.0"), a build from a clone that Go stamped with a
// pseudo-version ("replykit v0.0.0-20250102150405-0123456789ab+dirty"),
// or a development build, which go run and builds without version
// control information give ("(devel)"), with its commit when known.
func versionLine(info *debug.BuildInfo) string {
	if info == nil {
		return "replykit, version unknown (built without module information)"
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return fmt.Sprintf("replykit %s (%s)", v, info.GoVersion)
	}
	line := "replykit development build, not a release"
	if rev != "" {
		line += ", commit " + rev[:min(len(rev), 12)]
		if modified == "true" {
			line += " with local changes"
		}
	}
	return fmt.Sprintf("%s (%s)", line, info.GoVersion)
}

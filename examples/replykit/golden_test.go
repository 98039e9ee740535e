package main

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with the golden file at path (testdata/…), or,
// with -update, rewrites the file.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to write it")
	assert.Equal(t, string(want), got, "%s differs; go test -update rewrites it", path)
}

// helpCommands are the commands whose -h is in a golden file and in the
// README: "" is replykit's own.
var helpCommands = []string{"", "parse", "render", "validate", "migrate", "report", "report merge", "version"}

// helpGolden is the golden file of a command's -h.
func helpGolden(cmd string) string {
	if cmd == "" {
		cmd = "replykit"
	}
	return filepath.Join("testdata", "help", strings.ReplaceAll(cmd, " ", "-")+".txt")
}

// sampleGolden is the golden file of the sample run's output.
const sampleGolden = "testdata/sample-run.txt"

// TestHelp: each command's -h goes to stdout with status 0, is the same
// on every machine, and matches its golden file, which the README
// repeats (TestREADME checks that).
func TestHelp(t *testing.T) {
	for _, cmd := range helpCommands {
		t.Run("replykit "+cmd, func(t *testing.T) {
			args := []string{"-h"}
			if cmd != "" {
				args = append(strings.Fields(cmd), "-h")
			}
			r := runCmd("", args...)
			assert.Equal(t, exitOK, r.code)
			assert.Empty(t, r.stderr)
			golden(t, helpGolden(cmd), r.stdout)
		})
	}
	// A usage error gets the help on stderr, status 2.
	r := runCmd("", "migrate", "--frobnicate")
	assert.Equal(t, exitUsage, r.code)
	assert.Empty(t, r.stdout)
	assert.Contains(t, r.stderr, "flag provided but not defined: -frobnicate\nusage: replykit migrate ")
}

// runTime and rate match the figures of a run that change from run to
// run and machine to machine: its time and number of workers, and its
// pages a second.
var (
	runTime = regexp.MustCompile(`( pages in )[0-9.]+[a-zµ]+( with )[0-9]+( workers?)`)
	rate    = regexp.MustCompile(`(pages/s) +[0-9]+\.[0-9]`)
)

// normaliseTimings writes a run's output with its time, number of workers
// and pages a second as "T", "N" and "R", so that two runs compare equal.
func normaliseTimings(s string) string {
	return rate.ReplaceAllString(runTime.ReplaceAllString(s, "${1}T${2}N${3}"), "${1} R")
}

func TestNormaliseTimings(t *testing.T) {
	a := "migrate done: 7 pages in 5ms with 2 workers\n  pages/s                  1506.8\n"
	b := "migrate done: 7 pages in 1.2s with 1 worker\n  pages/s                     5.8\n"
	assert.Equal(t, "migrate done: 7 pages in T with N workers\n  pages/s R\n", normaliseTimings(a))
	assert.Equal(t, "migrate done: 7 pages in T with N worker\n  pages/s R\n", normaliseTimings(b))
	assert.Equal(t, "pages read 7\n", normaliseTimings("pages read 7\n"))
}

// TestNoArgumentsMigratesTheSample: the first screen a user sees, exact
// but for its timings, is the golden file that the README repeats.
func TestNoArgumentsMigratesTheSample(t *testing.T) {
	needParse(t)
	goldenPath, err := filepath.Abs(sampleGolden)
	require.NoError(t, err)
	dir := t.TempDir()
	t.Chdir(dir)
	r := runCmd("")
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Empty(t, r.stderr)
	golden(t, goldenPath, normaliseTimings(r.stdout))
	rep := readReport(t, filepath.Join(dir, "replykit-out"))
	assert.Equal(t, 7, rep.Totals.Pages)
	assert.Len(t, rep.Pages, 7)
	assert.Zero(t, rep.Totals.Failed)
	assert.FileExists(t, filepath.Join(dir, "replykit-out", "wangcang", "zxta", "t20201021_73.html.html"))
	// Listed: every page the report lists, each on its own line.
	for _, e := range rep.Pages {
		assert.Regexp(t, "(?m)^  "+regexp.QuoteMeta(e.Output)+"  ", r.stdout)
	}

	out := filepath.Join(dir, "replykit-out")
	jsonl, err := os.ReadFile(filepath.Join(out, migrate.RepliesName))
	require.NoError(t, err)
	assert.Equal(t, 6, strings.Count(string(jsonl), "\n"), "5 replies and another notice")
	data := snapshotDir(t, filepath.Join(out, migrate.IndexDataDir))

	// Again: the pages written are up to date, and the collection, made
	// from the report and the outputs on disk, is the same.
	again := runCmd("")
	require.Equal(t, exitOK, again.code, again.stderr)
	assert.Equal(t, 6, strings.Count(again.stdout, "  up to date\n"), again.stdout)
	jsonlAgain, err := os.ReadFile(filepath.Join(out, migrate.RepliesName))
	require.NoError(t, err)
	assert.Equal(t, string(jsonl), string(jsonlAgain))
	assert.Equal(t, data, snapshotDir(t, filepath.Join(out, migrate.IndexDataDir)))
	index, err := os.ReadFile(filepath.Join(out, migrate.IndexName))
	require.NoError(t, err)
	assert.Contains(t, string(index), `<strong id="count-replies">5</strong>`)
	assert.Contains(t, string(index), `6 未变 <span lang="en">up to date</span>`)
}

// snapshotDir returns the files directly in dir by name.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		files[e.Name()] = string(data)
	}
	require.NotEmpty(t, files)
	return files
}

func TestVersionLine(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"release", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			"replykit v1.2.0 (go1.26.8)"},
		{"stamped clone", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261203132353-17d4583c70fd+dirty"}},
			"replykit v0.0.0-20261203132353-17d4583c70fd+dirty (go1.26.8)"},
		{"go run", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"replykit development build, not a release (go1.26.8)"},
		{"devel with a commit", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: settings("vcs.revision", "17d4583c70fd231ed43fd7f0f716efbe455badf6", "vcs.modified", "true")},
			"replykit development build, not a release, commit 17d4583c70fd with local changes (go1.26.8)"},
		{"no version at all", &debug.BuildInfo{GoVersion: "go1.26.8"},
			"replykit development build, not a release (go1.26.8)"},
		{"no build information", nil, "replykit, version unknown (built without module information)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, versionLine(tt.info), tt.name)
	}
	// The command prints the line of the test binary's own build.
	info, _ := debug.ReadBuildInfo()
	for _, args := range [][]string{{"version"}, {"-version"}, {"--version"}} {
		r := runCmd("", args...)
		assert.Equal(t, exitOK, r.code, args)
		assert.Equal(t, versionLine(info)+"\n", r.stdout, args)
	}
}

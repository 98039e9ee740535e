package main

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeEnv marks the commands TestREADME runs, so that a go test among
// them skips TestREADME even if -short were lost on the way.
const readmeEnv = "REPLYKIT_README_TEST"

// mdBlock is a fenced code block of a Markdown file.
type mdBlock struct {
	section string   // the "## " heading it stands under
	lang    string   // the fence's language: sh, text, go
	lines   []string // its lines, without the fences
}

// mdBlocks reads the fenced code blocks of a Markdown file, in order.
func mdBlocks(md []byte) []mdBlock {
	var out []mdBlock
	var section string
	var cur *mdBlock
	sc := bufio.NewScanner(bytes.NewReader(md))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case cur != nil && line == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		case strings.HasPrefix(line, "```"):
			cur = &mdBlock{section: section, lang: strings.TrimPrefix(line, "```")}
		case strings.HasPrefix(line, "## "):
			section = strings.TrimPrefix(line, "## ")
		}
	}
	return out
}

// commandOf is a line of a shell block without its comment.
func commandOf(line string) string {
	if i := strings.Index(line, " #"); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// runsCommand reports whether a README line runs the replykit command,
// and so is run by TestREADME: replykit itself, or go run, go install of
// it. The lines that need what a clone lacks (chromium, ../shared) are
// left to their own tests.
func runsCommand(cmd string) bool {
	for _, p := range []string{"replykit ", "go run ./examples/replykit", "go install ./examples/replykit"} {
		if strings.HasPrefix(cmd, p) {
			return true
		}
	}
	return false
}

func TestMDBlocksAndCommands(t *testing.T) {
	md := "# t\n## One\n```sh\ngo run ./examples/replykit   # x\ngo test ./...\n```\ntext\n## Two\n```text\n$ replykit -h\nusage\n```\n"
	assert.Equal(t, []mdBlock{
		{section: "One", lang: "sh", lines: []string{"go run ./examples/replykit   # x", "go test ./..."}},
		{section: "Two", lang: "text", lines: []string{"$ replykit -h", "usage"}},
	}, mdBlocks([]byte(md)))
	assert.Equal(t, "replykit parse page.html | replykit render -", commandOf("replykit parse page.html | replykit render -   # re-render"))
	assert.True(t, runsCommand("replykit validate out/"))
	assert.True(t, runsCommand("go install ./examples/replykit"))
	assert.False(t, runsCommand("chromium --headless"))
	assert.False(t, runsCommand("./replykit migrate -o /tmp/x ../shared/corpus/pages"))
}

// TestREADME runs the README as a new user would, on a fresh clone of the
// repository at its last commit (what is not committed is not tested):
// its two commands in order, then every replykit command it shows, on
// copies of the sample pages; and it compares the first screen and each
// -h it shows with what the command prints. The inner go test runs with
// -short, where TestREADME skips itself, so it cannot recurse.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("clones the repository and runs its tests: not with -short")
	}
	if os.Getenv(readmeEnv) != "" {
		t.Skip("run by TestREADME itself")
	}
	for _, tool := range []string{"git", "bash", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s: %v", tool, err)
		}
	}
	root := strings.TrimSpace(runOK(t, ".", nil, "git", "rev-parse", "--show-toplevel"))
	head := strings.TrimSpace(runOK(t, ".", nil, "git", "rev-parse", "HEAD"))
	clone := filepath.Join(t.TempDir(), "replykit")
	runOK(t, ".", nil, "git", "clone", "--quiet", "--no-checkout", root, clone)
	runOK(t, clone, nil, "git", "checkout", "--quiet", "--detach", head)
	readme, err := os.ReadFile(filepath.Join(clone, "README.md"))
	require.NoError(t, err)
	blocks := mdBlocks(readme)

	bin := filepath.Join(t.TempDir(), "bin")
	env := append(os.Environ(), readmeEnv+"=1", "GOFLAGS="+os.Getenv("GOFLAGS")+" -short",
		"GOBIN="+bin, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))

	// The two commands, in order, on the fresh clone.
	two := findBlock(t, blocks, "Two commands", "sh", "")
	var cmds []string
	for _, l := range two.lines {
		cmds = append(cmds, commandOf(l))
	}
	require.Equal(t, []string{"go run ./examples/replykit", "go test ./..."}, cmds)
	stdout, stderr, err := sh(clone, env, cmds[0])
	require.NoError(t, err, "%s: %s", cmds[0], stderr)
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		assert.True(t, l == "" || strings.HasPrefix(l, "go: "), "only go's own lines on stderr: %q", l)
	}
	screen := findBlock(t, blocks, "Two commands", "text", "")
	assert.Equal(t, normaliseTimings(strings.Join(screen.lines, "\n")+"\n"), normaliseTimings(stdout),
		"the README's first screen is what go run ./examples/replykit prints")
	stdout, stderr, err = sh(clone, env, cmds[1])
	require.NoError(t, err, "%s in a clone after %s:\n%s\n%s", cmds[1], cmds[0], tail(stdout, 60), stderr)

	// Every replykit command, in order: go install first.
	writeSampleInputs(t, filepath.Join(clone, "examples", "replykit", "sample"), clone)
	ran := map[string]bool{}
	for _, b := range blocks {
		if b.lang != "sh" || b.section == "Two commands" {
			continue
		}
		for _, l := range b.lines {
			cmd := commandOf(l)
			if !runsCommand(cmd) {
				continue
			}
			stdout, stderr, err := sh(clone, env, cmd)
			require.NoError(t, err, "README: %s\n%s%s", cmd, stdout, stderr)
			for _, part := range strings.Split(cmd, "|") {
				if f := strings.Fields(part); len(f) >= 2 {
					ran[f[0]+" "+f[1]] = true
				}
			}
			if strings.HasPrefix(cmd, "replykit validate") {
				assert.Contains(t, stdout, "out/report.json: ok (a migrate report)\n", cmd)
			}
			if cmd == "replykit migrate -o out crawl.warc.gz" {
				shown := findBlock(t, blocks, b.section, "text", "migrate done: 3 pages")
				// migrate writes its summary on stderr.
				assert.Equal(t, normaliseTimings(strings.Join(shown.lines, "\n")+"\n"), normaliseTimings(stdout+stderr),
					"the README shows what migrate prints of the committed crawl")
			}
		}
	}
	for _, want := range []string{"go install", "replykit migrate", "replykit parse", "replykit render", "replykit validate", "replykit version"} {
		assert.True(t, ran[want], "the README shows no %s command", want)
	}
	assert.FileExists(t, filepath.Join(clone, "out", "report.json"))
	runRecipes(t, blocks, clone, env)
	// The jq lines, on the sample's collection that go run wrote, where
	// jq is installed.
	jqLines := 0
	for _, b := range blocks {
		for _, l := range b.lines {
			if cmd := commandOf(l); b.lang == "sh" && strings.HasPrefix(cmd, "jq ") {
				jqLines++
				if _, err := exec.LookPath("jq"); err != nil {
					t.Logf("no jq installed: %s not run", cmd)
					continue
				}
				stdout, stderr, err := sh(clone, env, cmd)
				require.NoError(t, err, "README: %s\n%s", cmd, stderr)
				lines := strings.Split(strings.TrimSpace(stdout), "\n")
				assert.Len(t, lines, 4, "the sample's proposal replies: %s", stdout)
				for _, l := range lines {
					assert.True(t, json.Valid([]byte(l)), l)
					assert.Contains(t, l, `"title":"`)
				}
			}
		}
	}
	assert.Positive(t, jqLines, "the README shows no jq line")

	// Each -h shown is what the command installed prints.
	shown := map[string]bool{}
	for _, b := range blocks {
		if b.lang != "text" || len(b.lines) == 0 || !strings.HasPrefix(b.lines[0], "$ replykit") {
			continue
		}
		cmd := strings.TrimPrefix(b.lines[0], "$ ")
		stdout, stderr, err := sh(clone, env, cmd)
		require.NoError(t, err, "%s: %s", cmd, stderr)
		assert.Equal(t, stdout, strings.Join(b.lines[1:], "\n")+"\n", "the README's %q", cmd)
		shown[cmd] = true
	}
	for _, c := range helpCommands {
		cmd := "replykit " + c + " -h"
		if c == "" {
			cmd = "replykit -h"
		}
		assert.True(t, shown[cmd], "the README does not show %s", cmd)
	}
}

// findBlock is the first block of a section in a language whose first
// line starts with prefix.
func findBlock(t *testing.T, blocks []mdBlock, section, lang, prefix string) mdBlock {
	t.Helper()
	for _, b := range blocks {
		if b.section == section && b.lang == lang && len(b.lines) > 0 && strings.HasPrefix(b.lines[0], prefix) {
			return b
		}
	}
	t.Fatalf("README: no %s block under %q", lang, section)
	return mdBlock{}
}

// sh runs a command line with bash in dir, failing a pipe if any of its
// commands fails.
func sh(dir string, env []string, line string) (stdout, stderr string, err error) {
	var out, errOut bytes.Buffer
	c := exec.Command("bash", "-o", "pipefail", "-c", line)
	c.Dir, c.Env, c.Stdout, c.Stderr = dir, env, &out, &errOut
	err = c.Run()
	return out.String(), errOut.String(), err
}

// runOK runs a program and returns its stdout, failing the test if it
// fails.
func runOK(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	c := exec.Command(name, args...)
	c.Dir, c.Env = dir, env
	out, err := c.Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, ee.Stderr)
	}
	require.NoError(t, err)
	return string(out)
}

// tail is the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// writeSampleInputs writes, into dir, the inputs the README's commands
// name, made of the sample pages: a mirror folder, a .zip and a .tar.gz
// archive (each holding other pages, so that no two claim one output),
// page.html (the seed page) and notice.txt (a plain-text reply), and
// crawl.warc.gz, the crawl wget made of the web-archive tests' site.
func writeSampleInputs(t *testing.T, sample, dir string) {
	t.Helper()
	read := func(rel string) []byte {
		data, err := os.ReadFile(filepath.Join(sample, filepath.FromSlash(rel)))
		require.NoError(t, err)
		return data
	}
	for _, rel := range []string{"wangcang/zxta/index.html", "wangcang/zxta/t20201021_73.html"} {
		name := filepath.Join(dir, "mirror", filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
		require.NoError(t, os.WriteFile(name, read(rel), 0o644))
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	for _, rel := range []string{"qu-jiaoyu/col/art_0487.htm", "shi-jiaotong/jyta/2023/0703-128.html"} {
		w, err := zw.Create(rel)
		require.NoError(t, err)
		_, err = w.Write(read(rel))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "old-site.zip"), zbuf.Bytes(), 0o644))
	// The crawl wget made of the web-archive tests' site.
	crawl, err := os.ReadFile(filepath.Join(sample, "..", "testdata", "warc", "crawl.warc.gz"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), crawl, 0o644))
	var tbuf bytes.Buffer
	gz := gzip.NewWriter(&tbuf)
	tw := tar.NewWriter(gz)
	for _, rel := range []string{"nongye/ta/show.asp", "xian-zf/tzgg/t20240126.html", "texts/reply-2021-21.txt"} {
		data := read(rel)
		require.NoError(t, tw.WriteHeader(&tar.Header{Name: rel, Typeflag: tar.TypeReg, Mode: 0o644, Size: int64(len(data))}))
		_, err := tw.Write(data)
		require.NoError(t, err)
	}
	require.NoError(t, tw.Close())
	require.NoError(t, gz.Close())
	require.NoError(t, os.WriteFile(filepath.Join(dir, "crawl.tar.gz"), tbuf.Bytes(), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "page.html"), read("wangcang/zxta/t20201021_73.html"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notice.txt"), read("texts/reply-2021-21.txt"), 0o644))
}

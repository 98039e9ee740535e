package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMigrateInterruptedTwice runs the built command on a large folder,
// interrupts it twice, and checks that it ends with exitRun, says so, and
// leaves no output half-written: every .json file in the output is whole.
func TestMigrateInterruptedTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and migrates thousands of pages")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "replykit")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)

	const pages = 20000
	in, outDir := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	page, err := os.ReadFile(filepath.Join("sample", "wangcang", "zxta", "t20201021_73.html"))
	require.NoError(t, err)
	for i := 0; i < pages; i++ {
		p := filepath.Join(in, fmt.Sprintf("d%02d", i%50), fmt.Sprintf("p%05d.html", i))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, page, 0o644))
	}

	cmd := exec.Command(bin, "migrate", "-j", "1", "--no-sync", "-o", outDir, in)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	lines := make(chan string, 64)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stderr)
		sc.Split(scanLinesOrCR)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	// The first progress line says the run is under way (and its signal
	// handler in place).
	var said []string
	select {
	case l, ok := <-lines:
		require.True(t, ok, "the command ended before it said anything")
		said = append(said, l)
	case <-time.After(2 * time.Minute):
		t.Fatal("no progress line")
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	for l := range lines {
		said = append(said, l)
		if strings.Contains(l, "interrupt again") {
			break
		}
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	for l := range lines {
		said = append(said, l)
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "stderr: %s", strings.Join(said, "\n"))
	assert.Equal(t, exitRun, exit.ExitCode())
	assert.Contains(t, strings.Join(said, "\n"), "interrupted again: stopped at once")

	whole := 0
	require.NoError(t, filepath.WalkDir(outDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		assert.True(t, json.Valid(data), "%s is half-written", path)
		whole++
		return nil
	}))
	assert.Less(t, whole, pages, "the run stopped before every page was written")
}

// scanLinesOrCR splits at line feeds and at the carriage returns of a
// progress bar.
func scanLinesOrCR(data []byte, atEOF bool) (advance int, token []byte, err error) {
	for i, c := range data {
		if c == '\n' || c == '\r' {
			return i + 1, data[:i], nil
		}
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

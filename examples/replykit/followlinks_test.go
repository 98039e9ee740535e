package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMigrateFollowLinks migrates a directory holding a link out of it:
// the link is listed as ignored, with where it leads, without failing the
// run, unless --follow-links is given.
func TestMigrateFollowLinks(t *testing.T) {
	needParse(t)
	page, err := os.ReadFile(seedPage)
	require.NoError(t, err)
	root := t.TempDir()
	in, outside := filepath.Join(root, "in"), filepath.Join(root, "outside")
	require.NoError(t, os.MkdirAll(in, 0o755))
	require.NoError(t, os.MkdirAll(outside, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(in, "own.html"), page, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(outside, "p.html"), page, 0o644))
	if err := os.Symlink(outside, filepath.Join(in, "ext")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}

	out := t.TempDir()
	r := runCmd("", "migrate", "-q", "-o", out, in)
	require.Equal(t, exitOK, r.code, r.stderr)
	assert.Regexp(t, `\n  files or records ignored\s+1\n    outside-input\s+1\n`, r.stderr)
	rep := readReport(t, out)
	assert.Equal(t, 1, rep.Totals.Replies)
	assert.Equal(t, []migrate.Ignored{{Path: filepath.Join(in, "ext"), Reason: migrate.IgnoredOutside, Detail: "leads to " + outside}}, rep.Ignored)
	assert.Len(t, rep.Pages, 1)
	assert.NoFileExists(t, filepath.Join(out, "ext", "p.html.json"))

	out = t.TempDir()
	r = runCmd("", "migrate", "-q", "--follow-links", "-o", out, in)
	require.Equal(t, exitOK, r.code, r.stderr)
	rep = readReport(t, out)
	assert.Equal(t, 2, rep.Totals.Replies)
	assert.Empty(t, rep.Ignored)
	assert.FileExists(t, filepath.Join(out, "ext", "p.html.json"))
}

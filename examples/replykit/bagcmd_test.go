package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/replykit/replykit/examples/replykit/internal/bag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMigrateBag makes a bag with the command from the sample pages and,
// when present, the shared corpus; validate passes it, sha256sum and
// sha512sum -c pass its manifests, and a changed file fails validate,
// which names it.
func TestMigrateBag(t *testing.T) {
	inputs := map[string][]string{"sample": {"sample"}}
	corpus := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err == nil {
		inputs["corpus"] = []string{filepath.Join(corpus, "pages"), filepath.Join(corpus, "texts")}
	} else {
		t.Logf("%s absent: the corpus bag is not made", corpus)
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "bag")
			args := append([]string{"migrate", "-q", "-o", filepath.Join(root, "out"), "--bag", dir, "--bag-org", "某县档案馆"}, in...)
			r := runCmd("", args...)
			require.Contains(t, []int{exitOK, exitFailed}, r.code, r.stderr)
			assert.Contains(t, r.stderr, "bag: "+dir+" (")
			info, err := os.ReadFile(filepath.Join(dir, bag.InfoName))
			require.NoError(t, err)
			assert.Contains(t, string(info), "Source-Organization: 某县档案馆\n")
			assert.Contains(t, string(info), "Bag-Software-Agent: replykit ")

			v := runCmd("", "validate", dir)
			assert.Equal(t, exitOK, v.code, v.stdout)
			assert.Equal(t, dir+": ok (BagIt bag)\n", v.stdout)

			for _, c := range [][2]string{{"sha256sum", bag.ManifestSHA256}, {"sha512sum", bag.ManifestSHA512}, {"sha256sum", bag.TagManifestSHA256}} {
				if _, err := exec.LookPath(c[0]); err != nil {
					t.Skipf("%s not found (GNU coreutils): manifests not checked by it", c[0])
				}
				cmd := exec.Command(c[0], "--strict", "--quiet", "-c", c[1])
				cmd.Dir = dir
				out, err := cmd.CombinedOutput()
				assert.NoError(t, err, "%s -c %s: %s", c[0], c[1], out)
			}

			const json = "data/reply/texts/reply-2021-21.txt.json"
			if name == "sample" {
				f, err := os.OpenFile(filepath.Join(dir, json), os.O_APPEND|os.O_WRONLY, 0)
				require.NoError(t, err)
				_, err = f.WriteString(" ")
				require.NoError(t, err)
				require.NoError(t, f.Close())
				v := runCmd("", "validate", dir)
				assert.Equal(t, exitFailed, v.code)
				assert.Contains(t, v.stdout, json+": checksum differs from the manifest manifest-sha256.txt\n")
				assert.Contains(t, v.stdout, json+": checksum differs from the manifest manifest-sha512.txt\n")
				assert.Contains(t, v.stdout, "bag-info.txt: Payload-Oxum does not match the payload")
			}
		})
	}
}

// TestMigrateBagRefusesAnExistingBag: an existing BAGDIR stops the run
// before any page is read, and nothing is written.
func TestMigrateBagRefusesAnExistingBag(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "bag")
	require.NoError(t, os.Mkdir(dir, 0o777))
	r := runCmd("", "migrate", "-q", "-o", filepath.Join(root, "out"), "--bag", dir, "sample")
	assert.Equal(t, exitRun, r.code)
	assert.Equal(t, "replykit migrate: bag: "+dir+": bag destination already exists\nreplykit migrate: nothing done\n", r.stderr)
	ents, err := os.ReadDir(root)
	require.NoError(t, err)
	require.Len(t, ents, 1)
	assert.True(t, strings.HasPrefix(ents[0].Name(), "bag"))
}

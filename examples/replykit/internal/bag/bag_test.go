package bag

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const pagesDir = "testdata/pages"

func TestBagHoldsEachPageSourceJSONAndHTML(t *testing.T) {
	dir, rep := makeBag(t, migrate.Input{Path: pagesDir})
	files := readBag(t, dir)
	assert.Equal(t, Declaration, files[DeclarationName])
	assert.Equal(t, "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", files[DeclarationName])

	outDir := filepath.Dir(rep.Written)
	inBag := 0
	for _, e := range rep.Pages {
		src := path.Join(SourceDir, e.Output)
		if e.Status == migrate.StatusFailed || e.Error != nil {
			assert.NotContains(t, files, src, "a page without outputs has no source in the bag")
			continue
		}
		inBag++
		page, err := os.ReadFile(filepath.Join(pagesDir, filepath.FromSlash(e.Path[len(pagesDir)+1:])))
		require.NoError(t, err)
		assert.Equal(t, string(page), files[src], "the source as read, byte for byte: %s", e.Path)
		for _, ext := range []string{".json", ".html"} {
			out, err := os.ReadFile(filepath.Join(outDir, filepath.FromSlash(e.Output+ext)))
			require.NoError(t, err)
			assert.Equal(t, string(out), files[path.Join(ReplyDir, e.Output+ext)], e.Output+ext)
		}
	}
	assert.Equal(t, 6, inBag, "the sample's pages with a notice")
	assert.Equal(t, 7, rep.Totals.Pages)
	var payload []string
	for name := range files {
		if strings.HasPrefix(name, "data/") {
			payload = append(payload, name)
		}
	}
	assert.Len(t, payload, 3*inBag, "nothing else in data/")

	info := files[InfoName]
	assert.Contains(t, info, "Source-Organization: Test Archive\n")
	assert.Contains(t, info, "Bagging-Date: 2025-03-04\n")
	assert.Contains(t, info, "Bag-Software-Agent: replykit test\n")
	assert.Contains(t, info, "External-Description: Notice pages migrated by replykit: for each of 6 pages,")
	require.NoError(t, Verify(dir))

	// Nothing is left beside the bag but the output directory.
	ents, err := os.ReadDir(filepath.Dir(dir))
	require.NoError(t, err)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	assert.Equal(t, []string{"bag", "out"}, names)
}

// TestBagRules checks RFC 8493's rules on a bag independently of Verify:
// each manifest lists every payload file once, and nothing else, in the
// form "checksum  data/path"; the tag manifest lists every tag file but
// itself; Payload-Oxum is the payload's bytes and count, summed here from
// the files' sizes.
func TestBagRules(t *testing.T) {
	dir, _ := makeBag(t, migrate.Input{Path: pagesDir})
	files := readBag(t, dir)
	var payload, tags []string
	var bytes int
	for name, data := range files {
		switch {
		case strings.HasPrefix(name, "data/"):
			payload = append(payload, name)
			info, err := os.Stat(filepath.Join(dir, name))
			require.NoError(t, err)
			assert.EqualValues(t, len(data), info.Size())
			bytes += int(info.Size())
		case name != TagManifestSHA256:
			tags = append(tags, name)
		}
	}
	slices.Sort(payload)
	slices.Sort(tags)
	for _, m := range []struct {
		name string
		hex  int
		want []string
	}{{ManifestSHA256, 64, payload}, {ManifestSHA512, 128, payload}, {TagManifestSHA256, 64, tags}} {
		line := regexp.MustCompile(fmt.Sprintf(`^[0-9a-f]{%d}  (\S+)$`, m.hex))
		var listed []string
		for l := range strings.Lines(files[m.name]) {
			g := line.FindStringSubmatch(strings.TrimSuffix(l, "\n"))
			require.NotNil(t, g, "%s: %q", m.name, l)
			listed = append(listed, g[1])
		}
		assert.Equal(t, m.want, listed, m.name)
	}
	assert.Contains(t, files[InfoName], fmt.Sprintf("Payload-Oxum: %d.%d\n", bytes, len(payload)))
}

// TestBagCheckedByCoreutils proves the manifests with GNU coreutils, a
// route that shares no code with this package.
func TestBagCheckedByCoreutils(t *testing.T) {
	dir, _ := makeBag(t, migrate.Input{Path: pagesDir})
	for _, c := range []struct{ tool, manifest string }{
		{"sha256sum", ManifestSHA256}, {"sha512sum", ManifestSHA512}, {"sha256sum", TagManifestSHA256},
	} {
		if _, err := exec.LookPath(c.tool); err != nil {
			t.Skipf("%s not found (GNU coreutils): the manifests are not checked by it", c.tool)
		}
		cmd := exec.Command(c.tool, "--strict", "-c", c.manifest)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s -c %s:\n%s", c.tool, c.manifest, out)
		lines := strings.Count(string(out), ": OK\n")
		assert.Equal(t, strings.Count(string(mustRead(t, filepath.Join(dir, c.manifest))), "\n"), lines, string(out))
		assert.Positive(t, lines)
	}
	// Payload-Oxum by find and wc.
	cmd := exec.Command("sh", "-c", "find data -type f | wc -l; find data -type f -exec cat {} + | wc -c")
	cmd.Dir = dir
	out, err := cmd.Output()
	require.NoError(t, err)
	counts := strings.Fields(string(out))
	require.Len(t, counts, 2)
	assert.Contains(t, string(mustRead(t, filepath.Join(dir, InfoName))), "Payload-Oxum: "+counts[1]+"."+counts[0]+"\n")
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	return data
}

func TestVerifyNamesTheTamperedFile(t *testing.T) {
	const page = "data/source/wangcang/zxta/t20201021_73.html"
	for _, c := range []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   []string
		is     error
	}{
		{"one byte changed in data/", func(t *testing.T, dir string) {
			name := filepath.Join(dir, page)
			data := mustRead(t, name)
			data[len(data)/2] ^= 1
			require.NoError(t, os.WriteFile(name, data, 0o666))
		}, []string{page}, ErrChanged},
		{"a payload file deleted", func(t *testing.T, dir string) {
			require.NoError(t, os.Remove(filepath.Join(dir, page)))
		}, []string{InfoName, page}, ErrMissing},
		{"a payload file added", func(t *testing.T, dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, "data/extra.txt"), []byte("x"), 0o666))
		}, []string{InfoName, "data/extra.txt"}, ErrUnlisted},
		{"bag-info.txt changed", func(t *testing.T, dir string) {
			name := filepath.Join(dir, InfoName)
			require.NoError(t, os.WriteFile(name, append(mustRead(t, name), "Contact-Name: x\n"...), 0o666))
		}, []string{InfoName}, ErrChanged},
		{"bagit.txt changed", func(t *testing.T, dir string) {
			require.NoError(t, os.WriteFile(filepath.Join(dir, DeclarationName), []byte("BagIt-Version: 0.97\n"), 0o666))
		}, []string{DeclarationName}, ErrNotBag},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, _ := makeBag(t, migrate.Input{Path: pagesDir})
			c.tamper(t, dir)
			err := Verify(dir)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.is)
			assert.Equal(t, c.want, Files(err), err.Error())
			for _, f := range c.want {
				assert.Contains(t, err.Error(), f)
			}
		})
	}
}

func TestPathEncoding(t *testing.T) {
	for _, c := range []struct{ path, encoded string }{
		{"data/a.html", "data/a.html"},
		{"data/100%.html", "data/100%25.html"},
		{"data/a\nb", "data/a%0Ab"},
		{"data/a\r\nb", "data/a%0D%0Ab"},
		{"data/%0A", "data/%250A"},
		{"data/空 格.html", "data/空 格.html"},
	} {
		assert.Equal(t, c.encoded, EncodePath(c.path))
		assert.Equal(t, c.path, DecodePath(c.encoded))
	}
}

func TestBagOfAwkwardNames(t *testing.T) {
	page := mustRead(t, filepath.Join(pagesDir, "texts/reply-2021-21.txt"))
	in := fstest.MapFS{
		"100%.txt":   {Data: page},
		"a\nb.txt":   {Data: page},
		"空 格/回复.txt": {Data: page},
		"Case.txt":   {Data: page},
		"case.txt":   {Data: page},
	}
	dir, rep := makeBag(t, migrate.Input{Path: "awkward", FS: in})
	require.Equal(t, 5, rep.Totals.Replies)
	require.NoError(t, Verify(dir))
	manifest := string(mustRead(t, filepath.Join(dir, ManifestSHA256)))
	assert.Contains(t, manifest, "  data/source/100%25.txt\n")
	assert.Contains(t, manifest, "  data/source/a%0Ab.txt\n")
	assert.Contains(t, manifest, "  data/source/空 格/回复.txt\n")
	assert.Equal(t, 15, strings.Count(manifest, "\n"))
	// Two names that differ only in case are two files on any file system.
	files := readBag(t, dir)
	var sources []string
	for name := range files {
		if strings.HasPrefix(name, SourceDir+"/") && strings.Contains(strings.ToLower(name), "case") {
			sources = append(sources, strings.ToLower(name))
		}
	}
	slices.Sort(sources)
	assert.Len(t, slices.Compact(sources), 2, "case-folded names stay apart: %v", sources)
}

func TestInterruptedRunLeavesNoBag(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "bag")
	w, err := Create(dir, Options{})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	finished := false
	_, err = migrate.Run(ctx, []migrate.Input{{Path: pagesDir}}, migrate.Options{
		OutDir: filepath.Join(root, "out"), Workers: 1, Convert: convert, Render: renderHTML,
		Source: w.Source,
		OnPage: func(int) { cancel() },
		Finish: func(rep *migrate.Report) error { finished = true; _, err := w.Finish(rep); return err },
	})
	require.ErrorIs(t, err, context.Canceled)
	assert.False(t, finished)
	assert.NoDirExists(t, dir)
	require.NoError(t, w.Abort())
	ents, err := os.ReadDir(root)
	require.NoError(t, err)
	require.Len(t, ents, 1)
	assert.Equal(t, "out", ents[0].Name())
}

func TestCreateRefusesAnExistingDestination(t *testing.T) {
	dir := t.TempDir()
	_, err := Create(dir, Options{})
	assert.ErrorIs(t, err, ErrExists)
}

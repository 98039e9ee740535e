package peers

import (
	"bufio"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Where the pages are, from this folder: the shared corpus beside the
// repository (skipped when absent) and parse's seed-style fixtures.
const (
	corpusDir = "../../../shared/corpus/pages"
	seedGlob  = "../../parse/testdata/cases/seed-*/page.html"
)

// page is one saved page as its tools get it: raw bytes, in whatever
// encoding it was saved, and its address where known.
type page struct {
	name string
	data []byte
	url  *url.URL // nil when the page's address is not known
}

// pageSet is a named set of pages, read together in one benchmark
// operation.
type pageSet struct {
	name  string
	pages []page
}

// size returns the bytes of all the set's pages.
func (s pageSet) size() int64 {
	n := 0
	for _, p := range s.pages {
		n += len(p.data)
	}
	return int64(n)
}

// pageSets returns the seed set (the seed-style fixtures of three CMS
// layouts, two in GBK or GB2312) and, when the shared corpus is there,
// the corpus set (all its pages).
func pageSets(tb testing.TB) []pageSet {
	tb.Helper()
	urls := readURLs(tb)
	seeds, err := filepath.Glob(seedGlob)
	require.NoError(tb, err)
	require.NotEmpty(tb, seeds, "no seed fixtures match %s", seedGlob)
	sets := []pageSet{{"seed", readPages(tb, seeds, urls)}}
	corpus, err := filepath.Glob(filepath.Join(corpusDir, "*.html"))
	require.NoError(tb, err)
	if len(corpus) == 0 {
		tb.Logf("no pages in %s: the corpus set is left out", corpusDir)
		return sets
	}
	return append(sets, pageSet{"corpus", readPages(tb, corpus, urls)})
}

// readPages reads the files, in the order given (filepath.Glob's, sorted).
// A page is named by its file, a seed fixture (a case's page.html) by its
// case: seed-hanweb.html.
func readPages(tb testing.TB, files []string, urls map[string]*url.URL) []page {
	tb.Helper()
	pages := make([]page, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(tb, err)
		name := filepath.Base(f)
		if name == "page.html" {
			name = filepath.Base(filepath.Dir(f)) + ".html"
		}
		pages = append(pages, page{name: name, data: data, url: urls[name]})
	}
	return pages
}

// readURLs reads testdata/urls.tsv: a page's file name, its address, and
// where the address was found.
func readURLs(tb testing.TB) map[string]*url.URL {
	tb.Helper()
	urls := map[string]*url.URL{}
	for i, row := range readTSV(tb, "urls.tsv") {
		u, err := url.Parse(row[1])
		require.NoError(tb, err, "testdata/urls.tsv, row %d", i+1)
		require.True(tb, u.IsAbs(), "testdata/urls.tsv, row %d: %q is not absolute", i+1, row[1])
		urls[row[0]] = u
	}
	return urls
}

// readTSV reads the rows of testdata/name after its header, each of three
// tab-separated columns.
func readTSV(tb testing.TB, name string) [][]string {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	require.NoError(tb, err)
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue // the header
		}
		cols := strings.Split(sc.Text(), "\t")
		require.Len(tb, cols, 3, "testdata/%s:%d", name, line)
		rows = append(rows, cols)
	}
	require.NoError(tb, sc.Err())
	return rows
}

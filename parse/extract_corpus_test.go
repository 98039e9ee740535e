package parse

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusPages returns the directory of the shared page corpus, or skips
// the test when it is absent.
func corpusPages(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", "pages")
	if _, err := os.Stat(filepath.Join(dir, "SOURCES.tsv")); err != nil {
		t.Skip("page corpus absent: ", dir)
	}
	return dir
}

// corpusPage is one row of the corpus's SOURCES.tsv.
type corpusPage struct {
	file, encoding, kind string
}

func readCorpusSources(t testing.TB, dir string) []corpusPage {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "SOURCES.tsv"))
	require.NoError(t, err)
	defer f.Close()
	var pages []corpusPage
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 7 {
			continue
		}
		pages = append(pages, corpusPage{file: cols[0], encoding: cols[5], kind: cols[6]})
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, pages)
	return pages
}

// chromeWords are words of site navigation and footers, never of a notice.
var chromeWords = []string{"首页", "网站地图", "版权所有", "主办单位", "ICP备", "联系我们", "网站声明", "无障碍"}

// TestExtractCorpus reads every page of the shared corpus. Notice pages
// (kinds notice and gov-article) give their title, publish date and body
// without page chrome; other pages (news, other) give an error or a Source
// marked as not a notice.
func TestExtractCorpus(t *testing.T) {
	dir := corpusPages(t)
	for _, p := range readCorpusSources(t, dir) {
		t.Run(p.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, p.file))
			require.NoError(t, err)
			var src *Source
			require.NotPanics(t, func() { src, err = Extract(strings.NewReader(string(data))) })
			notice := p.kind == "notice" || p.kind == "gov-article"
			if !notice {
				if err != nil {
					assert.True(t, errors.Is(err, ErrNoContent) || errors.Is(err, ErrNotHTML), "untyped error %v", err)
					t.Logf("%s: %s: %v", p.file, p.kind, err)
					return
				}
				assert.False(t, src.IsNotice(), "a %s page is marked as a notice", p.kind)
				t.Logf("%s: %s: not a notice (%s), %d blocks, title %q", p.file, p.kind, src.Warnings[len(src.Warnings)-1].Message, len(src.Blocks), src.Title)
				return
			}
			require.NoError(t, err)
			assert.True(t, src.IsNotice(), "warnings %v", src.Warnings)
			require.NotEmpty(t, src.Title)
			if at := metaContent(string(data), "ArticleTitle"); at != "" {
				assert.Equal(t, stripSpaces(at), stripSpaces(src.Title))
			}
			require.NotZero(t, src.Page.Published, "publish date")
			assert.True(t, src.Page.Published.Valid())
			require.NotEmpty(t, src.Blocks)
			text := 0
			for _, b := range src.Blocks {
				text += len(b.Text)
				for _, w := range chromeWords {
					assert.NotContains(t, b.Text, w, "block at %v", b.Pos)
				}
			}
			assert.Greater(t, text, 50)
			t.Logf("%s: %s: %q published %s, %d blocks, %d bytes of text", p.file, p.kind, src.Title, src.Page.Published, len(src.Blocks), text)
		})
	}
}

// metaContent finds a meta tag's content by a plain scan of the page, to
// check Extract against a reading of its own.
func metaContent(page, name string) string {
	lower := strings.ToLower(page)
	i := strings.Index(lower, `name="`+strings.ToLower(name)+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(lower[:i], "<meta")
	end := strings.Index(lower[i:], ">")
	if start < 0 || end < 0 {
		return ""
	}
	tag := page[start : i+end]
	_, after, ok := strings.Cut(tag, `content="`)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(after, `"`)
	return v
}

// TestExtractCorpusUndeclaredLegacy checks that the corpus's pages in
// undeclared legacy encodings decode to sensible Chinese.
func TestExtractCorpusUndeclaredLegacy(t *testing.T) {
	dir := corpusPages(t)
	tests := []struct {
		file, word string
	}{
		{"024-sina-fragment-gbk-undeclared.html", "中国航天科技集团公司"},
		{"025-sohu-fragment-gb2312-undeclared.html", "搜狐在线"},
		{"026-big5-fragment-undeclared.html", "台北看守所"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, tt.file))
			require.NoError(t, err)
			defer f.Close()
			cfg := newConfig(nil)
			doc, warnings, err := loadDocument(f, &cfg)
			require.NoError(t, err)
			assert.Empty(t, warnings)
			assert.Contains(t, doc.Text(), tt.word)
		})
	}
}

package peers

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPeersRead checks that every tool does real work on every page the
// benchmarks time: it makes a document or an article with text in it, or
// refuses the page as testdata/refused.tsv says it does. Every tool but
// the baseline decodes the page, so its text holds Chinese characters and
// no U+FFFD, whatever the page's encoding.
func TestPeersRead(t *testing.T) {
	refused := map[string]string{} // "file\ttool" → what the error says
	for _, row := range readTSV(t, "refused.tsv") {
		refused[row[0]+"\t"+row[1]] = row[2]
	}
	sets := pageSets(t)
	read := map[string]bool{}
	for _, set := range sets {
		for _, p := range set.pages {
			read[p.name] = true
			for _, tl := range tools() {
				t.Run(set.name+"/"+p.name+"/"+tl.name, func(t *testing.T) {
					out, err := tl.read(p)
					if want, ok := refused[p.name+"\t"+tl.name]; ok {
						require.Error(t, err)
						assert.Contains(t, err.Error(), want)
						return
					}
					require.NoError(t, err)
					text := tl.text(out)
					require.NotEmpty(t, strings.TrimSpace(text))
					if tl.name == "baseline" {
						return
					}
					assert.Positive(t, countRunes(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }), "no Chinese character in %q", text)
					assert.Zero(t, countRunes(text, func(r rune) bool { return r == utf8.RuneError }), "U+FFFD in the text")
				})
			}
		}
	}
	// The tables name only pages that are read (the corpus's, when it is there).
	named := []string{}
	for key := range refused {
		name, _, _ := strings.Cut(key, "\t")
		named = append(named, name)
	}
	for name := range readURLs(t) {
		named = append(named, name)
	}
	for _, name := range named {
		if len(sets) > 1 || strings.HasPrefix(name, "seed-") {
			assert.True(t, read[name], "testdata names %s, not a page read", name)
		}
	}
}

// countRunes counts the runes of s for which f is true.
func countRunes(s string, f func(rune) bool) int {
	n := 0
	for _, r := range s {
		if f(r) {
			n++
		}
	}
	return n
}

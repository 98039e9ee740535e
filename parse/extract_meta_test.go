package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// titleSamples are <title>s, the site's name where the page gives it, and
// the title stripSiteSuffix reads from them.
var titleSamples = []struct{ title, site, want string }{
	{"某某答复 - 某某县人民政府", "某某县人民政府", "某某答复"},
	{"某某答复 - 某某县人民政府", "", "某某答复"},
	{"某某答复_中国宜春", "中国宜春", "某某答复"},
	{"中国宜春_某某答复", "中国宜春", "某某答复"},
	{"全国人大常委会关于某事的决议__2007年第23号国务院公报_中国政府网", "", "全国人大常委会关于某事的决议"},
	{"1-10月德清县固定资产投资结构趋稳趋优", "", "1-10月德清县固定资产投资结构趋稳趋优"},
	{"  某某　答复 ", "", "某某 答复"},
	{"", "", ""},
	{" - ", "", "-"},
	{"a - b – c — d——e－f_g|h｜i -j- k", "a", "b"},
	{"站 - 站", "站", "站 - 站"}, // nothing but the site: the title stays
	{"x -- y", "x", "y"},
	{"__", "", "__"},
	{"a - - b", "a", "b"},
}

// TestStripSiteSuffix checks the <title> reading on titleSamples.
func TestStripSiteSuffix(t *testing.T) {
	for _, s := range titleSamples {
		assert.Equal(t, s.want, stripSiteSuffix(s.title, s.site), "%q", s.title)
	}
}

// FuzzStripSiteSuffix checks that stripSiteSuffix gives the title, folded,
// or a part of it that is not empty, not the site, and holds no separator.
func FuzzStripSiteSuffix(f *testing.F) {
	for _, s := range titleSamples {
		f.Add(s.title, s.site)
	}
	f.Fuzz(func(t *testing.T, title, site string) {
		got, folded := stripSiteSuffix(title, site), foldWS(title)
		if got == folded {
			return
		}
		if got == "" || got == site || !strings.Contains(folded, got) || got != strings.TrimSpace(got) {
			t.Fatalf("stripSiteSuffix(%q, %q) = %q, not a part of %q", title, site, got, folded)
		}
		for _, sep := range titleSeparators {
			if strings.Contains(got, sep) {
				t.Fatalf("stripSiteSuffix(%q, %q) = %q, holds %q", title, site, got, sep)
			}
		}
	})
}

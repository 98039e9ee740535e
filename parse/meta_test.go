package parse

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// referenceStripSiteSuffix is stripSiteSuffix by splitting the whole title
// at each separator in turn.
func referenceStripSiteSuffix(t, site string) string {
	t = foldWS(t)
	parts := []string{t}
	for _, sep := range titleSeparators {
		var next []string
		for _, p := range parts {
			for _, q := range strings.Split(p, sep) {
				if q = strings.TrimSpace(q); q != "" {
					next = append(next, q)
				}
			}
		}
		parts = next
	}
	for _, p := range parts {
		if p != site {
			return p
		}
	}
	return t
}

var titleSamples = []struct{ title, site string }{
	{"某某答复 - 某某县人民政府", "某某县人民政府"}, {"中国宜春_某某答复", "中国宜春"}, {"", ""}, {" - ", ""},
	{"a - b – c — d——e－f_g|h｜i -j- k", "a"}, {"站 - 站", "站"}, {"x -- y", "x"}, {"__", ""}, {"a - - b", "a"},
}

func TestFirstTitlePart(t *testing.T) {
	for _, s := range titleSamples {
		assert.Equal(t, referenceStripSiteSuffix(s.title, s.site), stripSiteSuffix(s.title, s.site), "%q", s.title)
	}
}

// FuzzStripSiteSuffix checks stripSiteSuffix against splitting the whole
// title at each separator in turn.
func FuzzStripSiteSuffix(f *testing.F) {
	for _, s := range titleSamples {
		f.Add(s.title, s.site)
	}
	f.Fuzz(func(t *testing.T, title, site string) {
		if got, want := stripSiteSuffix(title, site), referenceStripSiteSuffix(title, site); got != want {
			t.Fatalf("stripSiteSuffix(%q, %q) = %q, want %q", title, site, got, want)
		}
	})
}

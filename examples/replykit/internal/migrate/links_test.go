package migrate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestArcIndexResolve(t *testing.T) {
	ix := newArcIndex()
	for i, e := range []struct {
		name   string
		kind   arcKind
		target string
	}{
		{"www/a.html", arcFile, ""},
		{"./www/b.html", arcSymlink, "a.html"},
		{"www/sub/c.html", arcSymlink, "../b.html"},
		{"alias", arcSymlink, "www/sub"},
		{"d.html", arcSymlink, "alias/../a.html"},
		{"h.html", arcHardlink, "www/a.html"},
		{"hs.html", arcHardlink, "www/b.html"},
		{"abs.html", arcSymlink, "/etc/passwd"},
		{"win.html", arcSymlink, `C:\x.html`},
		{"up.html", arcSymlink, "../x.html"},
		{"miss.html", arcSymlink, "nothere.html"},
		{"through.html", arcSymlink, "www/a.html/x.html"},
		{"l1", arcSymlink, "l2"},
		{"l2", arcSymlink, "l1"},
		{"fifo", arcOther, ""},
	} {
		ix.add(e.name, arcEntry{kind: e.kind, at: i, target: e.target})
	}
	tests := []struct {
		name, want string
		err        error
	}{
		{"www/a.html", "www/a.html", nil},
		{"www/b.html", "www/a.html", nil},
		{"www/sub/c.html", "www/a.html", nil},
		{"alias/c.html", "www/a.html", nil},
		{"d.html", "www/a.html", nil}, // alias/.. is www, where alias leads
		{"h.html", "www/a.html", nil},
		{"hs.html", "www/a.html", nil},
		{"alias", "www/sub", nil},
		{"fifo", "fifo", nil},
		{"abs.html", "", errOutside},
		{"win.html", "", errOutside},
		{"up.html", "", errOutside},
		{"miss.html", "", errDangling},
		{"through.html", "", errDangling},
		{"l1", "", ErrSymlinkLoop},
	}
	for _, tt := range tests {
		got, _, err := ix.resolve(tt.name)
		assert.ErrorIs(t, err, tt.err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
	}
	verdicts := map[string]linkVerdict{
		"www/b.html":   {at: 0},
		"h.html":       {at: 0},
		"alias":        {reason: IgnoredWalked, detail: `leads to the folder "www/sub", whose entries are read under their own names`},
		"fifo":         {reason: IgnoredNotRegular, detail: "leads to fifo, which is not a regular file"},
		"l1":           {reason: IgnoredLinkLoop, detail: `leads round a loop through "l2"`},
		"abs.html":     {reason: IgnoredOutside, detail: `leads to "/etc/passwd", out of the archive`},
		"miss.html":    {reason: IgnoredBrokenLink, detail: `leads to "nothere.html", but the archive holds no entry nothere.html`},
		"through.html": {reason: IgnoredBrokenLink, detail: `leads to "www/a.html/x.html", but the archive holds no entry below www/a.html, which is no folder`},
	}
	for name, want := range verdicts {
		assert.Equal(t, want, ix.follow(name), name)
	}
}

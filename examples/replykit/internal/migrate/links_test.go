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
		{"abs.html", "", ErrOutside},
		{"win.html", "", ErrOutside},
		{"up.html", "", ErrOutside},
		{"miss.html", "", ErrDangling},
		{"through.html", "", ErrDangling},
		{"l1", "", ErrSymlinkLoop},
	}
	for _, tt := range tests {
		got, _, err := ix.resolve(tt.name)
		assert.ErrorIs(t, err, tt.err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
	}
	assert.True(t, ix.follow("www/b.html").ok)
	assert.Equal(t, 0, ix.follow("www/b.html").at)
	assert.Equal(t, linkVerdict{notRead: true, kind: KindLinkedDir}, stripErr(ix.follow("alias")))
	assert.Equal(t, linkVerdict{notRead: true, kind: KindNotRegular}, stripErr(ix.follow("fifo")))
	assert.Equal(t, linkVerdict{kind: KindSymlinkLoop}, stripErr(ix.follow("l1")))
}

func stripErr(v linkVerdict) linkVerdict {
	v.err = nil
	return v
}

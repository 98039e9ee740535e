package migrate

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// Why an entry with a page's name is not read.
var (
	// ErrOutside means a symbolic link leads out of its input or archive.
	// It is not followed: out of an input only with Options.FollowLinks,
	// out of an archive never.
	ErrOutside = errors.New("link leads out of the input")
	// ErrLinkedDir means a link leads to a directory that is walked under
	// another name: its pages are read once, under that name.
	ErrLinkedDir = errors.New("directory walked under another name")
	// ErrDangling means a link in an archive leads to no entry of it.
	ErrDangling = errors.New("link target not in the archive")
)

// The kinds of entries not read (status not-read), and of broken links.
const (
	KindOutside   = "outside"       // not read: a link out of its input or archive
	KindLinkedDir = "linked-dir"    // not read: a link to a directory walked under another name
	KindDangling  = "dangling-link" // failed: an archive link leading to no entry
)

// maxLinkHops is how many links a name may pass through in an archive,
// as on Linux: more is taken for a loop.
const maxLinkHops = 40

// arcKind is what an archive entry is.
type arcKind uint8

const (
	arcFile     arcKind = iota // a regular file
	arcDir                     // a directory
	arcSymlink                 // a symbolic link: target is relative to its directory
	arcHardlink                // a tar hard link: target is a name from the archive's root
	arcOther                   // a FIFO, a device, or a type not known
)

// arcEntry is an entry of an archive's listing.
type arcEntry struct {
	kind   arcKind
	at     int    // its place in the archive, counting from 0
	target string // a link's target, as the archive gives it
	err    error  // why a link's target could not be read
}

// arcIndex is an archive's listing by clean name, so that links are
// followed within the archive as a file system would follow them.
type arcIndex struct {
	entries map[string]arcEntry
	dirs    map[string]bool // directories that the entries' names imply
}

func newArcIndex() *arcIndex {
	return &arcIndex{entries: map[string]arcEntry{}, dirs: map[string]bool{}}
}

// add lists an entry; a later entry of the same name replaces an earlier
// one, as it would on extracting. Names escaping the archive are left out.
func (ix *arcIndex) add(name string, e arcEntry) {
	n, err := safeRel(name)
	if err != nil {
		return
	}
	ix.entries[n] = e
	for d := path.Dir(n); d != "." && !ix.dirs[d]; d = path.Dir(d) {
		ix.dirs[d] = true
	}
}

// resolve follows the links in a clean name, component by component, and
// gives the name and entry it leads to (an implied directory has a zero
// entry of kind arcDir). It fails with ErrOutside for a path leaving the
// archive, ErrDangling for a missing entry, ErrSymlinkLoop for a loop.
func (ix *arcIndex) resolve(name string) (string, arcEntry, error) {
	var done []string
	todo := strings.Split(name, "/")
	hops := 0
	for len(todo) > 0 {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", arcEntry{}, ErrOutside
			}
			done = done[:len(done)-1]
			continue
		}
		p := path.Join(strings.Join(done, "/"), c)
		e, ok := ix.entries[p]
		if ok && (e.kind == arcSymlink || e.kind == arcHardlink && len(todo) == 0) {
			if hops++; hops > maxLinkHops {
				return "", arcEntry{}, ErrSymlinkLoop
			}
			if e.err != nil {
				return "", arcEntry{}, e.err
			}
			t := strings.ReplaceAll(e.target, `\`, "/")
			if strings.HasPrefix(t, "/") || len(t) > 1 && t[1] == ':' {
				return "", arcEntry{}, ErrOutside
			}
			if e.kind == arcHardlink {
				done = nil
			}
			todo = append(strings.Split(t, "/"), todo...)
			continue
		}
		if !ix.dirs[p] && (!ok || len(todo) > 0 && e.kind != arcDir) {
			return "", arcEntry{}, fmt.Errorf("%w: no entry %s", ErrDangling, p)
		}
		done = append(done, c)
	}
	final := strings.Join(done, "/")
	e, ok := ix.entries[final]
	if !ok {
		e = arcEntry{kind: arcDir}
	}
	return final, e, nil
}

// linkVerdict says what becomes of a link entry with a page's name.
type linkVerdict struct {
	at      int    // the place of the regular entry it is read as, when ok
	ok      bool   // the link is read as that entry
	notRead bool   // else: the entry is not read (not a failure)
	kind    string // else: why, as the report names it
	err     error
}

// follow decides what a link entry, by its clean name, is read as.
func (ix *arcIndex) follow(name string) linkVerdict {
	target := ix.entries[name].target
	final, e, err := ix.resolve(name)
	switch {
	case errors.Is(err, ErrOutside):
		return linkVerdict{notRead: true, kind: KindOutside, err: fmt.Errorf("%w: it leads to %q, out of the archive", ErrOutside, target)}
	case errors.Is(err, ErrSymlinkLoop):
		return linkVerdict{kind: KindSymlinkLoop, err: fmt.Errorf("%w: through %q", ErrSymlinkLoop, target)}
	case errors.Is(err, ErrDangling):
		return linkVerdict{kind: KindDangling, err: fmt.Errorf("link to %q: %w", target, err)}
	case err != nil:
		return linkVerdict{kind: KindArchive, err: fmt.Errorf("link to %q: %w", target, err)}
	case e.kind == arcDir:
		return linkVerdict{notRead: true, kind: KindLinkedDir, err: fmt.Errorf("%w: it leads to the directory %s", ErrLinkedDir, final)}
	case e.kind != arcFile:
		return linkVerdict{notRead: true, kind: KindNotRegular, err: fmt.Errorf("%w: it leads to %s", ErrNotRegular, final)}
	}
	return linkVerdict{at: e.at, ok: true}
}

// isPageName reports whether an entry's clean name is a page's, or might
// be one (no extension): such entries are read, or said not to be.
func isPageName(rel string) bool {
	base := path.Base(rel)
	return typeOf(base) != notPage && !strings.HasPrefix(base, ".")
}

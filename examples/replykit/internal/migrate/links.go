package migrate

import (
	"cmp"
	"errors"
	"fmt"
	"path"
	"strings"
)

// Why a link in an archive leads to no entry of it.
var (
	// errOutside means a link leads out of its archive (an absolute
	// target, or one with too many ".."): it is never followed.
	errOutside = errors.New("link leads out of the archive")
	// errDangling means a name, or a link on the way, leads to no entry.
	errDangling = errors.New("the archive holds no entry")
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
// archive, errDangling for a missing entry, ErrSymlinkLoop for a loop.
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
				return "", arcEntry{}, errOutside
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
				return "", arcEntry{}, errOutside
			}
			if e.kind == arcHardlink {
				done = nil
			}
			todo = append(strings.Split(t, "/"), todo...)
			continue
		}
		switch {
		case ix.dirs[p]:
		case !ok:
			return "", arcEntry{}, fmt.Errorf("%w %s", errDangling, p)
		case len(todo) > 0 && e.kind != arcDir:
			return "", arcEntry{}, fmt.Errorf("%w below %s, which is no folder", errDangling, p)
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

// linkVerdict says what becomes of a link entry: read as the regular
// entry at its place, ignored for a reason, or failed (err).
type linkVerdict struct {
	at     int    // the place of the regular entry it is read as
	reason string // else: why it is ignored, an Ignored constant
	detail string // and where it leads
	err    error  // else: why its target could not be read
}

// follow decides what a link entry, by its clean name, is read as.
func (ix *arcIndex) follow(name string) linkVerdict {
	target := ix.entries[name].target
	final, e, err := ix.resolve(name)
	switch {
	case errors.Is(err, errOutside):
		return linkVerdict{reason: IgnoredOutside, detail: fmt.Sprintf("leads to %q, out of the archive", target)}
	case errors.Is(err, ErrSymlinkLoop):
		return linkVerdict{reason: IgnoredLinkLoop, detail: fmt.Sprintf("leads round a loop through %q", target)}
	case errors.Is(err, errDangling):
		return linkVerdict{reason: IgnoredBrokenLink, detail: fmt.Sprintf("leads to %q, but %v", target, err)}
	case err != nil:
		return linkVerdict{err: fmt.Errorf("link to %q: %w", target, err)}
	case e.kind == arcDir:
		return linkVerdict{reason: IgnoredWalked, detail: fmt.Sprintf("leads to the folder %q, whose entries are read under their own names", cmp.Or(final, "."))}
	case e.kind != arcFile:
		return linkVerdict{reason: IgnoredNotRegular, detail: fmt.Sprintf("leads to %s, which is not a regular file", final)}
	}
	return linkVerdict{at: e.at}
}

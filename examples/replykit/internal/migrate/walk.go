package migrate

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/replykit/replykit/examples/replykit/internal/webarchive"
)

// walker finds the pages of the inputs in order and sends them to the
// workers. It alone decides output names (see namePlan), before a page
// goes to a worker, so a clash is resolved the same way whatever the
// number of workers: the page found first keeps the name.
type walker struct {
	ctx     context.Context
	opts    *Options
	out     chan<- page
	names   *namePlan     // the output names given so far
	outDir  fs.FileInfo   // the output directory, never walked into
	found   func()        // counts a page found, for the progress line
	ignored func(Ignored) // records a file passed over, for the report
	tree    *dirWalk      // the directory input being walked
	walked  WalkTotals    // the pages and ignored files handed on, every shard's

	// Of the web archives walked: their captures, for revisits to
	// resolve to, and for each body (by its hash) the record of its
	// first capture in the name plan's log.
	warcIndex   *webarchive.Index
	payloads    *placeIndex // the bodies of the captures sent → their pages' places in the name log
	payloadsErr error       // remembering a body failed: every later capture fails
	scratch     string      // where the walk keeps what it remembers past a bound (scratchDir)
}

// emit gives the page its output name and sends it on, unless it is
// another shard's (see take). It reports false when the run is cancelled.
func (w *walker) emit(p page) bool {
	_, ok := w.emitNamed(p)
	return ok
}

// emitNamed is emit, and also gives where the name plan's log holds the
// page's display path: -1 when the page was given no name. A page whose
// name cannot be planned, since the log failed, fails (KindWrite).
func (w *walker) emitNamed(p page) (rec int64, ok bool) {
	rec = -1
	if p.err == nil && p.rel != "" {
		var err error
		if p.out, p.why, rec, err = w.names.claim(p.rel, p.display); err != nil {
			p.err, rec = &pageError{kind: KindWrite, err: wrapPath(p.display, err)}, -1
		}
	}
	if !w.take(&w.walked.Pages) {
		return rec, w.ctx.Err() == nil
	}
	select {
	case w.out <- p:
		w.found()
		return rec, true
	case <-w.ctx.Done():
		return rec, false
	}
}

// fail sends a failure found during the walk.
func (w *walker) fail(display, rel, kind string, err error) bool {
	return w.emit(page{display: display, rel: rel, err: &pageError{kind: kind, err: wrapPath(display, err)}})
}

// wrapPath puts a path before an error's text, keeping it for errors.Is.
func wrapPath(p string, err error) error {
	return &fs.PathError{Op: "migrate", Path: p, Err: err}
}

// walk walks every input in order. It stops early only when cancelled.
func (w *walker) walk(inputs []Input) {
	for _, in := range inputs {
		var ok bool
		if in.FS != nil {
			ok = w.walkFS(in)
		} else {
			ok = w.walkPath(in.Path)
		}
		if !ok {
			return
		}
	}
}

// walkPath walks one input on disk: a page, a directory or an archive.
func (w *walker) walkPath(name string) bool {
	info, err := os.Stat(name)
	if err != nil {
		return w.fail(name, "", statKind(err, KindNotFound), err)
	}
	switch {
	case info.IsDir() && w.outDir != nil && os.SameFile(info, w.outDir):
		return w.fail(name, "", KindCollision, fmt.Errorf("%w: the input is the output directory", ErrCollision))
	case info.IsDir():
		return w.walkTree(name, info)
	case webarchive.KindOf(name, nil) != webarchive.KindNone:
		return w.walkWebArchive(name, webarchive.KindOf(name, nil))
	case archiveType(name) == "zip":
		return w.walkZip(name, info)
	case archiveType(name) == "tgz":
		return w.walkTarGz(name, info)
	case !info.Mode().IsRegular():
		return w.fail(name, "", KindNotRegular, fmt.Errorf("%w (%s)", ErrNotRegular, modeName(info.Mode())))
	}
	// A page named on the command line is read whatever its name says,
	// unless its first bytes are a WARC record's.
	if head, err := readHead(name); err == nil && webarchive.KindOf(name, head) == webarchive.KindWARC {
		return w.walkWebArchive(name, webarchive.KindWARC)
	}
	return w.emitFile(name, filepath.Base(name), info)
}

// statKind names the failure of a stat or open: a link loop, a missing
// file (as kind missing says), a FIFO or device, or an unreadable one.
func statKind(err error, missing string) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return KindSymlinkLoop
	case errors.Is(err, fs.ErrNotExist):
		return missing
	case errors.Is(err, ErrNotRegular):
		return KindNotRegular
	}
	return KindUnreadable
}

// dirWalk is the state of the walk of one directory input.
type dirWalk struct {
	root    string    // the input's real path, which links may not leave
	visited visitSet  // the directories walked, by device and inode
	links   []dirLink // links to directories, followed after the tree
}

// dirLink is a symbolic link to a directory, met in the walk.
type dirLink struct {
	full, rel string      // the link's path and output name
	real      string      // the real path of the directory it leads to
	from      string      // the real path of the directory holding it
	info      fs.FileInfo // the directory it leads to
}

// walkTree walks a directory input: first its own directories, in name
// order, without following links, then the links to directories met on
// the way, each leading to a directory not walked yet and (unless
// Options.FollowLinks) within the input. Every directory is walked once
// whatever links lead to it, so links can neither loop nor multiply the
// pages; a page reached through a link to a file is read under the
// link's name, as a copy would be.
func (w *walker) walkTree(name string, info fs.FileInfo) bool {
	real, err := filepath.EvalSymlinks(name)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return w.fail(name, "", statKind(err, KindUnreadable), err)
	}
	w.tree = &dirWalk{root: real, visited: visitSet{}}
	w.tree.visited.add(info, real)
	if !w.walkDir(name, "", real) {
		return false
	}
	// Following a link may add links: the list grows as it is read.
	for i := 0; i < len(w.tree.links); i++ {
		if !w.followLink(w.tree.links[i]) {
			return false
		}
	}
	return true
}

// walkDir walks a directory in name order; real is its real path.
func (w *walker) walkDir(dir, rel, real string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return w.fail(dir, "", KindUnreadable, err)
	}
	for _, e := range entries {
		name := e.Name()
		full := filepath.Join(dir, name)
		if strings.HasPrefix(name, ".") {
			w.ignore(full, IgnoredHidden, "")
			continue // hidden files, version control, our own temporary files
		}
		r := path.Join(rel, name)
		if e.Type()&fs.ModeSymlink != 0 {
			if !w.link(full, r, real) {
				return false
			}
			continue
		}
		info, err := e.Info()
		if err != nil {
			if typeOf(name) == notPage {
				w.ignore(full, IgnoredNotPage, "")
				continue // gone since the listing, and no page anyway
			}
			if !w.fail(full, r, statKind(err, KindVanished), err) {
				return false
			}
			continue
		}
		if info.IsDir() {
			if w.outDir != nil && os.SameFile(info, w.outDir) {
				w.ignore(full, IgnoredOutput, "")
				continue
			}
			if !w.tree.visited.add(info, filepath.Join(real, name)) {
				// The same directory mounted twice in the input.
				w.ignore(full, IgnoredWalked, "")
				continue
			}
			if !w.walkDir(full, r, filepath.Join(real, name)) {
				return false
			}
			continue
		}
		if !w.file(full, r, info) {
			return false
		}
	}
	return true
}

// link takes a symbolic link met in a directory whose real path is from:
// a link to a directory is kept to be followed after the tree; a link to
// a file is read as the file, unless it leads out of the input. A link
// that leads nowhere, or round a loop, is listed as ignored.
func (w *walker) link(full, rel, from string) bool {
	info, err := os.Stat(full)
	real := full
	if err == nil {
		real, err = filepath.EvalSymlinks(full)
	}
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		if reason, detail, ok := brokenLink(full, err); ok {
			w.ignore(full, reason, detail)
			return true
		}
		return w.fail(full, rel, statKind(err, KindVanished), err)
	}
	if info.IsDir() {
		if w.outDir != nil && os.SameFile(info, w.outDir) {
			w.ignore(full, IgnoredOutput, "")
			return true
		}
		w.tree.links = append(w.tree.links, dirLink{full: full, rel: rel, real: real, from: from, info: info})
		return true
	}
	if !w.opts.FollowLinks && !within(real, w.tree.root) {
		w.ignore(full, IgnoredOutside, "leads to "+real)
		return true
	}
	return w.file(full, rel, info)
}

// brokenLink tells why a link that could not be followed (err) is ignored:
// it leads round a loop, or to nothing. ok is false when a link with a
// page's name cannot be followed for another reason, or is itself gone
// since the listing: it then fails.
func brokenLink(full string, err error) (reason, detail string, ok bool) {
	page := typeOf(filepath.Base(full)) != notPage
	target, lerr := os.Readlink(full)
	switch {
	case lerr != nil && page:
		return "", "", false
	case lerr != nil:
		return IgnoredNotPage, "", true // gone since the listing, and no page anyway
	case errors.Is(err, syscall.ELOOP):
		return IgnoredLinkLoop, "leads round a loop through " + target, true
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return IgnoredBrokenLink, "leads to " + target + ", which does not exist", true
	case !page:
		return IgnoredBrokenLink, "leads to " + target + ", which cannot be read", true
	}
	return "", "", false
}

// followLink walks the directory a link leads to, under the link's name,
// unless it leads out of the input, back above the link, or to a
// directory walked already; each of those is listed as ignored.
func (w *walker) followLink(l dirLink) bool {
	switch {
	case !w.opts.FollowLinks && !within(l.real, w.tree.root):
		w.ignore(l.full, IgnoredOutside, "leads to "+l.real)
	case within(l.from, l.real):
		w.ignore(l.full, IgnoredLinkLoop, "leads to "+l.real+", which holds it")
	case !w.tree.visited.add(l.info, l.real):
		w.ignore(l.full, IgnoredWalked, "leads to "+l.real)
	default:
		return w.walkDir(l.full, l.rel, l.real)
	}
	return true
}

// within reports whether a real path is root or below it.
func within(p, root string) bool {
	if p == root {
		return true
	}
	if !strings.HasSuffix(root, string(filepath.Separator)) {
		root += string(filepath.Separator)
	}
	return strings.HasPrefix(p, root)
}

// file takes a file met in the walk: a page is sent; a FIFO, device or
// socket, a file that is no page by its name, or one to sniff that does
// not look like HTML, is listed as ignored.
func (w *walker) file(full, rel string, info fs.FileInfo) bool {
	typ := typeOf(filepath.Base(full))
	switch {
	case !info.Mode().IsRegular():
		w.ignore(full, IgnoredNotRegular, modeName(info.Mode()))
		return true
	case webarchive.KindOf(full, nil) != webarchive.KindNone:
		return w.walkWebArchive(full, webarchive.KindOf(full, nil))
	case typ == notPage:
		w.ignore(full, IgnoredNotPage, "")
		return true
	case typ == sniff:
		head, err := readHead(full)
		if err != nil {
			return w.fail(full, rel, statKind(err, KindVanished), err)
		}
		if kind := webarchive.KindOf(full, head); kind != webarchive.KindNone {
			return w.walkWebArchive(full, kind)
		}
		if !looksHTML(head) {
			w.ignore(full, IgnoredNotHTML, "")
			return true
		}
	}
	return w.emitFile(full, rel, info)
}

// visitSet is a set of directories, known by device and inode number
// where the system gives them, else by real path.
type visitSet map[fileID]bool

// add adds a directory, given with its real path, reporting false when
// it was in the set already.
func (s visitSet) add(info fs.FileInfo, real string) bool {
	id := idOf(info, real)
	if s[id] {
		return false
	}
	s[id] = true
	return true
}

// emitFile sends a page on disk, to be read by a worker.
func (w *walker) emitFile(full, rel string, info fs.FileInfo) bool {
	if info.Size() > w.opts.MaxBytes {
		return w.fail(full, rel, KindTooLarge, ErrTooLarge)
	}
	read := w.opts.ReadFile
	max := w.opts.MaxBytes
	return w.emit(page{display: full, rel: rel, read: func(buf []byte) ([]byte, error) {
		if read != nil {
			// Its bytes stay its own: no page is read into them, since
			// every page goes through read.
			return read(full)
		}
		return readLimited(buf, full, max)
	}})
}

// walkFS walks a file system, such as an embedded sample, in name order.
func (w *walker) walkFS(in Input) bool {
	ok := true
	err := fs.WalkDir(in.FS, ".", func(p string, d fs.DirEntry, err error) error {
		display := path.Join(in.Path, p)
		if err != nil {
			ok = w.fail(display, "", KindUnreadable, err)
		} else if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				w.ignore(display, IgnoredHidden, "")
				return fs.SkipDir
			}
			return nil
		} else if typ := typeOf(d.Name()); typ != notPage && !strings.HasPrefix(d.Name(), ".") && d.Type().IsRegular() {
			ok = w.emitFS(in.FS, p, display, typ)
		} else {
			reason, detail := ignoreReason(d.Name(), d.Type())
			w.ignore(display, reason, detail)
		}
		if !ok {
			return fs.SkipAll
		}
		return nil
	})
	if err != nil && ok {
		return w.fail(in.Path, "", KindUnreadable, err)
	}
	return ok
}

// emitFS reads a page of a file system and sends it.
func (w *walker) emitFS(fsys fs.FS, p, display string, typ pageType) bool {
	if typ != sniff && !w.mine() {
		return w.emit(page{display: display, rel: p}) // another shard's: not read
	}
	f, err := fsys.Open(p)
	if err != nil {
		return w.fail(display, p, statKind(err, KindVanished), err)
	}
	defer f.Close()
	data, err := readAllLimited(f, w.opts.MaxBytes)
	if err != nil {
		kind := KindUnreadable
		if errors.Is(err, ErrTooLarge) {
			kind = KindTooLarge
		}
		return w.fail(display, p, kind, err)
	}
	if typ == sniff && !looksHTML(data) {
		w.ignore(display, IgnoredNotHTML, "")
		return true
	}
	if data == nil {
		data = []byte{}
	}
	return w.emit(page{display: display, rel: p, data: data})
}

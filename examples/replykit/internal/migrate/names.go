package migrate

import (
	"cmp"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// reservedNames are the names of the output directory that no page's
// output may take, as a file or as a folder: the report, the lock, the
// index a run may write beside its outputs, and the shards' reports.
func reservedNames() []string {
	return []string{ReportName, LockName, IndexName, RepliesName, IndexDataDir, ShardDir}
}

// namePlan gives each page its output name, before the page goes to a
// worker. The walk alone calls it, in its own order (the inputs in the
// order given, each directory in name order, each archive in entry
// order), so the names, and who gives way in a clash, are the same for
// any number of workers; no output can then overwrite another, nor need
// a folder where another is a file.
//
// Names are compared as a file system that ignores case and Unicode
// normalisation would (macOS, Windows, most USB disks): case-folded and
// NFC-normalised. A page whose name is taken gets name~2, name~3… (the
// number before the extension), or a folder of its path does; the report
// says so in the page's Renamed.
//
// What the plan keeps of a page in memory is a hash of its folded output
// name and the place of the page's record in a log on disk (nameLog), a
// few fixed bytes however long its path: the strings are read back only
// to say why a later page gives way. Folders are kept whole: there are
// far fewer of them.
type namePlan struct {
	fold  cases.Caser
	log   *nameLog            // the pages' display paths and output names, for messages
	pages *placeIndex         // hash of a folded output name → where log holds the page that has it
	dirs  map[string]planDir  // folded output folder → who made it
	dirOf map[string]planDir  // a page's folder as found → its output folder
	next  map[string]int      // folded name → the last ~N given for it
	keep  map[string]struct{} // folded reserved names of OUTDIR
	hash  []byte              // where a name is put together to be hashed
}

// planDir is an output folder: the folder it is made for, as found, the
// first page that made it, its output name and why that differs from the
// folder's own name.
type planDir struct {
	src, display, out, why string
}

// newNamePlan makes an empty plan, with its log and the pages past mem
// in dir (see scratchDir); close removes them.
func newNamePlan(dir string, mem int) (*namePlan, error) {
	log, err := openNameLog(dir)
	if err != nil {
		return nil, err
	}
	pages, err := newPlaceIndex(dir, mem)
	if err != nil {
		log.close()
		return nil, fmt.Errorf("%w for %s: %w", ErrNameLog, dir, err)
	}
	p := &namePlan{fold: cases.Fold(), log: log, pages: pages, dirs: map[string]planDir{},
		dirOf: map[string]planDir{}, next: map[string]int{}, keep: map[string]struct{}{}}
	for _, n := range reservedNames() {
		p.keep[p.key(n)] = struct{}{}
	}
	return p, nil
}

// close removes the plan's log; the plan is of no more use.
func (p *namePlan) close() {
	p.log.close()
	p.pages.close()
}

// key is how a file system that ignores case and normalisation sees a
// name.
func (p *namePlan) key(name string) string {
	return norm.NFC.String(p.fold.String(norm.NFC.String(name)))
}

// claim gives the page rel (slash-separated, clean), found at display, its
// output name, says why that is not rel ("" when it is), and gives where
// the log holds the page's display path. It fails only when the log cannot
// be written or read back.
func (p *namePlan) claim(rel, display string) (out, why string, rec int64, err error) {
	parts := strings.Split(rel, "/")
	dir, src := "", ""
	for _, c := range parts[:len(parts)-1] {
		src = path.Join(src, c)
		d, ok := p.dirOf[src]
		if !ok {
			d = planDir{src: src, display: display}
			d.out, d.why, err = p.pick(path.Join(dir, escapeName(c)), func(n string) (string, error) { return p.dirTaken(n, src) })
			if err != nil {
				return "", "", 0, err
			}
			if d.why == "" && d.out != path.Join(dir, c) {
				d.why = "the folder's name is not UTF-8: its other bytes are written %XX"
			}
			p.dirOf[src] = d
			p.dirs[p.key(d.out)] = d
		}
		dir = d.out
		if why == "" {
			why = d.why
		}
	}
	base := parts[len(parts)-1]
	out, fwhy, err := p.pick(path.Join(dir, escapeName(base)), p.fileTaken)
	if err != nil {
		return "", "", 0, err
	}
	// A page's entry is the hash of its folded name and the place of
	// its record, which holds the output name only when folding changed
	// it.
	k, kept := p.key(out), out
	if k == out {
		kept = ""
	}
	if rec, err = p.log.add(display, kept); err != nil {
		return "", "", 0, err
	}
	if err := p.pages.put(sumHash(&p.hash, k), rec); err != nil {
		return "", "", 0, fmt.Errorf("%w: %w", ErrNameLog, err)
	}
	switch {
	case fwhy != "":
		why = fwhy
	case why == "" && out != rel:
		why = "the name is not UTF-8: its other bytes are written %XX"
	}
	return out, why, rec, nil
}

// pick gives name, or the first of name~2, name~3… that taken has no
// objection to, with the objection to name.
func (p *namePlan) pick(name string, taken func(string) (string, error)) (string, string, error) {
	why, err := taken(name)
	switch {
	case err != nil:
		return "", "", err
	case why == "":
		return name, "", nil
	}
	k := p.key(name)
	for n := max(p.next[k], 1) + 1; ; n++ {
		c := numbered(name, n)
		switch no, err := taken(c); {
		case err != nil:
			return "", "", err
		case no == "":
			p.next[k] = n
			return c, why, nil
		}
	}
}

// numbered puts ~n before the extension of a path's last element.
func numbered(name string, n int) string {
	dir, base := path.Split(name)
	ext := path.Ext(base)
	if ext == base {
		ext = ""
	}
	return dir + strings.TrimSuffix(base, ext) + "~" + strconv.Itoa(n) + ext
}

// fileTaken says why a page may not have the output name, whose files
// are name.json and name.html, or "" when it may.
func (p *namePlan) fileTaken(name string) (string, error) {
	k := p.key(name)
	if by, out, ok, err := p.pageOf(k); err != nil || ok {
		return clashWith(err, "%s is the output of %s%s", name, by, folded(name, out))
	}
	for _, ext := range []string{".json", ".html"} {
		if d, ok := p.dirs[k+ext]; ok {
			return fmt.Sprintf("%s%s is the output folder of %s%s", name, ext, d.display, folded(name+ext, d.out)), nil
		}
		if _, ok := p.keep[k+ext]; ok {
			return fmt.Sprintf("%s%s is reserved for the run's own outputs", name, ext), nil
		}
	}
	return "", nil
}

// dirTaken says why the output folder name may not be made for the folder
// src as found, or "" when it may.
func (p *namePlan) dirTaken(name, src string) (string, error) {
	k := p.key(name)
	if d, ok := p.dirs[k]; ok && d.src != src {
		return fmt.Sprintf("the folder %s is the output folder of %s%s", name, d.display, folded(name, d.out)), nil
	}
	if _, ok := p.keep[k]; ok {
		return fmt.Sprintf("the folder %s is reserved for the run's own outputs", name), nil
	}
	for _, ext := range []string{".json", ".html"} {
		if !strings.HasSuffix(k, ext) {
			continue
		}
		if by, out, ok, err := p.pageOf(strings.TrimSuffix(k, ext)); err != nil || ok {
			return clashWith(err, "the folder %s is the output %s%s of %s%s", name, out, ext, by, folded(name, out+ext))
		}
	}
	return "", nil
}

// pageOf gives the display path and output name of the page whose folded
// output name is k, read back from the log, and whether there is one.
func (p *namePlan) pageOf(k string) (display, out string, ok bool, err error) {
	rec, ok, err := p.pages.get(sumHash(&p.hash, k))
	if !ok || err != nil {
		return "", "", false, err
	}
	display, out, err = p.log.at(rec)
	if err != nil {
		return "", "", false, err
	}
	return display, cmp.Or(out, k), true, nil
}

// clashWith words a clash with a page read back from the log, unless the
// reading failed.
func clashWith(err error, format string, args ...any) (string, error) {
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(format, args...), nil
}

// displayAt is the display path of the page whose record claim placed at
// rec.
func (p *namePlan) displayAt(rec int64) (string, error) {
	display, _, err := p.log.at(rec)
	return display, err
}

// folded says, when a name clashes with another that differs from it,
// that they differ only in case or Unicode normalisation.
func folded(name, other string) string {
	if name == other {
		return ""
	}
	return " (the same name when case and Unicode normalisation are ignored)"
}

// escapeName writes each byte of name that is not part of valid UTF-8 as
// %XX, so that an output name is text any file system takes; a clash with
// a name that holds such text is resolved as any clash.
func escapeName(name string) string {
	if utf8.ValidString(name) {
		return name
	}
	return percent(name, false)
}

// percent writes each byte of s that is not part of valid UTF-8 as %XX
// (upper-case hex), and each '%' too when all is set.
func percent(s string, all bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1, r == '%' && all:
			fmt.Fprintf(&b, "%%%02X", s[i])
		default:
			b.WriteString(s[i : i+size])
		}
		i += max(size, 1)
	}
	return b.String()
}

// RawPath gives, for a path that is not valid UTF-8, its bytes without
// loss as text: each byte that is not part of valid UTF-8, and each '%',
// written %XX (so that url.PathUnescape gives the bytes back); for a
// valid path, "". The report's path fields hold a path as JSON can,
// with U+FFFD for each such byte, and a raw one beside it.
func RawPath(p string) string {
	if utf8.ValidString(p) {
		return ""
	}
	return percent(p, true)
}

package migrate

import (
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
type namePlan struct {
	fold  cases.Caser
	pages map[string]string   // folded output name → the display path of the page that has it
	outs  map[string]string   // folded output name → the output name, where the two differ
	dirs  map[string]planDir  // folded output folder → who made it
	dirOf map[string]planDir  // a page's folder as found → its output folder
	next  map[string]int      // folded name → the last ~N given for it
	keep  map[string]struct{} // folded reserved names of OUTDIR
}

// planDir is an output folder: the folder it is made for, as found, the
// first page that made it, its output name and why that differs from the
// folder's own name.
type planDir struct {
	src, display, out, why string
}

func newNamePlan() *namePlan {
	p := &namePlan{fold: cases.Fold(), pages: map[string]string{}, outs: map[string]string{}, dirs: map[string]planDir{},
		dirOf: map[string]planDir{}, next: map[string]int{}, keep: map[string]struct{}{}}
	for _, n := range reservedNames() {
		p.keep[p.key(n)] = struct{}{}
	}
	return p
}

// key is how a file system that ignores case and normalisation sees a
// name.
func (p *namePlan) key(name string) string {
	return norm.NFC.String(p.fold.String(norm.NFC.String(name)))
}

// claim gives the page rel (slash-separated, clean), found at display, its
// output name, and says why that is not rel ("" when it is).
func (p *namePlan) claim(rel, display string) (out, why string) {
	parts := strings.Split(rel, "/")
	dir, src := "", ""
	for _, c := range parts[:len(parts)-1] {
		src = path.Join(src, c)
		d, ok := p.dirOf[src]
		if !ok {
			d = planDir{src: src, display: display}
			d.out, d.why = p.pick(path.Join(dir, escapeName(c)), func(n string) string { return p.dirTaken(n, src) })
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
	out, fwhy := p.pick(path.Join(dir, escapeName(base)), p.fileTaken)
	// A page's entry is a key and its display path, both shared with
	// the report: the output name is kept apart only when folding
	// changed it.
	k := p.key(out)
	p.pages[k] = display
	if k != out {
		p.outs[k] = out
	}
	switch {
	case fwhy != "":
		why = fwhy
	case why == "" && out != rel:
		why = "the name is not UTF-8: its other bytes are written %XX"
	}
	return out, why
}

// pick gives name, or the first of name~2, name~3… that taken has no
// objection to, with the objection to name.
func (p *namePlan) pick(name string, taken func(string) string) (string, string) {
	why := taken(name)
	if why == "" {
		return name, ""
	}
	k := p.key(name)
	for n := max(p.next[k], 1) + 1; ; n++ {
		if c := numbered(name, n); taken(c) == "" {
			p.next[k] = n
			return c, why
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
func (p *namePlan) fileTaken(name string) string {
	k := p.key(name)
	if by, ok := p.pages[k]; ok {
		return fmt.Sprintf("%s is the output of %s%s", name, by, folded(name, p.outOf(k)))
	}
	for _, ext := range []string{".json", ".html"} {
		if d, ok := p.dirs[k+ext]; ok {
			return fmt.Sprintf("%s%s is the output folder of %s%s", name, ext, d.display, folded(name+ext, d.out))
		}
		if _, ok := p.keep[k+ext]; ok {
			return fmt.Sprintf("%s%s is reserved for the run's own outputs", name, ext)
		}
	}
	return ""
}

// dirTaken says why the output folder name may not be made for the folder
// src as found, or "" when it may.
func (p *namePlan) dirTaken(name, src string) string {
	k := p.key(name)
	if d, ok := p.dirs[k]; ok && d.src != src {
		return fmt.Sprintf("the folder %s is the output folder of %s%s", name, d.display, folded(name, d.out))
	}
	if _, ok := p.keep[k]; ok {
		return fmt.Sprintf("the folder %s is reserved for the run's own outputs", name)
	}
	for _, ext := range []string{".json", ".html"} {
		if by, ok := p.pages[strings.TrimSuffix(k, ext)]; ok && strings.HasSuffix(k, ext) {
			out := p.outOf(strings.TrimSuffix(k, ext))
			return fmt.Sprintf("the folder %s is the output %s%s of %s%s", name, out, ext, by, folded(name, out+ext))
		}
	}
	return ""
}

// outOf is the output name of the page whose folded output name is k.
func (p *namePlan) outOf(k string) string {
	if out, ok := p.outs[k]; ok {
		return out
	}
	return k
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

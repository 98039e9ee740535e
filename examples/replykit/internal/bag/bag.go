package bag

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
)

// The bag's layout: the payload under data/, one folder a kind of file,
// each page under its output name.
const (
	// SourceDir holds each page's bytes exactly as read.
	SourceDir = "data/source"
	// ReplyDir holds each page's reference JSON (<output>.json) and HTML
	// rendition (<output>.html).
	ReplyDir = "data/reply"
)

// Options describe the bag; the zero value is a bag with no organisation
// named, dated today.
type Options struct {
	// Organization is bag-info.txt's Source-Organization; empty leaves it out.
	Organization string
	// Agent is bag-info.txt's Bag-Software-Agent, the software and its version.
	Agent string
	// Now is when the bag is made (Bagging-Date, the migration event's
	// date); zero means the time Finish is called.
	Now time.Time
}

// Writer builds one bag. Create it before the run, give it each page's
// bytes with Source, and end with Finish (or Abort).
type Writer struct {
	dir, tmp string
	opts     Options
	mu       sync.Mutex
	made     map[string]bool // folders made under tmp
}

// Create starts a bag to be put at dir, which must not exist: its
// files are written into a new folder beside it, named
// .<name>.tmp-<random>, until Finish renames it to dir.
func Create(dir string, opts Options) (*Writer, error) {
	if _, err := os.Lstat(dir); err == nil {
		return nil, fmt.Errorf("bag: %s: %w", dir, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("bag: %w", err)
	}
	parent, name := filepath.Split(filepath.Clean(dir))
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o777); err != nil {
		return nil, fmt.Errorf("bag: %w", err)
	}
	for {
		var b [6]byte
		_, _ = rand.Read(b[:])
		tmp := filepath.Join(parent, "."+name+".tmp-"+hex.EncodeToString(b[:]))
		err := os.Mkdir(tmp, 0o777)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("bag: %w", err)
		}
		return &Writer{dir: dir, tmp: tmp, opts: opts, made: map[string]bool{}}, nil
	}
}

// Dir is where the bag is put when finished.
func (w *Writer) Dir() string { return w.dir }

// Source keeps a page's bytes as read under data/source/<out>; rel, its
// name in its input, is not needed, as the output name keeps its
// extension. It is migrate.Options.Source, safe from several goroutines.
func (w *Writer) Source(out, _ string, data []byte) error {
	return w.write(path.Join(SourceDir, out), data)
}

// write writes a file of the bag, rel slash-separated from its root.
func (w *Writer) write(rel string, data []byte) error {
	name := filepath.Join(w.tmp, filepath.FromSlash(rel))
	if err := w.mkdir(filepath.Dir(name)); err != nil {
		return fmt.Errorf("bag: %w", err)
	}
	if err := os.WriteFile(name, data, 0o666); err != nil {
		return fmt.Errorf("bag: %w", err)
	}
	return nil
}

func (w *Writer) mkdir(dir string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.made[dir] {
		return nil
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	w.made[dir] = true
	return nil
}

// Abort removes what was written; the destination is left untouched.
func (w *Writer) Abort() error { return os.RemoveAll(w.tmp) }

// Result is what Finish put in the bag.
type Result struct {
	Dir   string // the bag
	Pages int    // pages in it: source, JSON and HTML each
	Files int    // payload files
	Bytes int64  // payload bytes
}

// Finish completes the bag from a finished run's report: the JSON and
// HTML of each page that has them are copied from the output directory
// beside its source (the sources of pages without outputs — failed, or
// holding no notice — are dropped), then the metadata, bag-info.txt, the
// manifests and the tag manifest are written and the bag is renamed into
// place. On error the temporary folder is removed.
func (w *Writer) Finish(rep *migrate.Report) (*Result, error) {
	res, err := w.finish(rep)
	if err != nil {
		_ = w.Abort()
		return nil, err
	}
	return res, nil
}

func (w *Writer) finish(rep *migrate.Report) (*Result, error) {
	if w.opts.Now.IsZero() {
		w.opts.Now = time.Now()
	}
	outDir := filepath.Dir(rep.Written)
	keep := map[string]bool{}
	var pages []migrate.Entry
	err := rep.EachPage(func(e *migrate.Entry) error {
		if e.Output == "" || e.Status == migrate.StatusFailed || e.Error != nil {
			return nil
		}
		base := filepath.Join(outDir, filepath.FromSlash(e.Output))
		for _, ext := range []string{".json", ".html"} {
			data, err := os.ReadFile(base + ext)
			if err != nil {
				return fmt.Errorf("bag: %s: %w", e.Path, err)
			}
			if err := w.write(path.Join(ReplyDir, e.Output+ext), data); err != nil {
				return err
			}
		}
		keep[path.Join(SourceDir, e.Output)] = true
		pages = append(pages, *e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := w.dropUnkept(keep); err != nil {
		return nil, err
	}
	files, err := w.payload()
	if err != nil {
		return nil, err
	}
	sums := make(map[string]fileSum, len(files))
	for _, f := range files {
		sums[f.rel] = f
	}
	if err := w.writeMetadata(pages, sums); err != nil {
		return nil, err
	}
	if err := w.writeTags(files, len(pages)); err != nil {
		return nil, err
	}
	if err := os.Rename(w.tmp, w.dir); err != nil {
		return nil, fmt.Errorf("bag: %w", err)
	}
	res := &Result{Dir: w.dir, Pages: len(pages), Files: len(files)}
	for _, f := range files {
		res.Bytes += f.size
	}
	return res, nil
}

// dropUnkept removes the sources of pages that have no outputs.
func (w *Writer) dropUnkept(keep map[string]bool) error {
	root := filepath.Join(w.tmp, filepath.FromSlash(SourceDir))
	var drop []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return fs.SkipDir
		}
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(w.tmp, p)
		if err == nil && !keep[filepath.ToSlash(rel)] {
			drop = append(drop, p)
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("bag: %w", err)
	}
	for _, p := range drop {
		if err := os.Remove(p); err != nil {
			return fmt.Errorf("bag: %w", err)
		}
	}
	return nil
}

// oneLine makes a value fit a bag-info.txt line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

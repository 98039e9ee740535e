package migrate

import (
	"bufio"
	"container/heap"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// DefaultMemEntries is how many report entries a run holds in memory when
// Options.MemEntries is zero.
const DefaultMemEntries = 4096

// spillFanIn is how many sorted runs of one size are merged into one of
// the next: it bounds the files open at once, and each entry is written
// about log₆₄ of the entries times.
const spillFanIn = 64

// sorter gathers values in any order and gives them back sorted, holding
// at most max of them in memory: the others wait on disk, in sorted runs
// (gob streams, which keep strings byte for byte, valid UTF-8 or not)
// that each gives back merged. It is what lets a run of millions of pages
// keep a flat heap and still write its report sorted.
type sorter[T any] struct {
	dir  string // where runs are written
	max  int
	cmp  func(a, b *T) int
	buf  []T
	runs []spillRun
}

// spillRun is a file of values sorted by the sorter's cmp; level is how
// many merges made it, so that runs of one size are merged together.
type spillRun struct {
	name  string
	level int
}

func newSorter[T any](dir string, max int, cmp func(a, b *T) int) *sorter[T] {
	return &sorter[T]{dir: dir, max: max, cmp: cmp}
}

// add takes a value, writing the values held to disk when they are max.
func (s *sorter[T]) add(v T) error {
	s.buf = append(s.buf, v)
	if len(s.buf) < s.max {
		return nil
	}
	return s.flush()
}

// flush writes the values held as a sorted run, then merges the last
// spillFanIn runs while they are of one level.
func (s *sorter[T]) flush() error {
	slices.SortFunc(s.buf, func(a, b T) int { return s.cmp(&a, &b) })
	name, err := s.write(func(yield func(*T) error) error {
		for i := range s.buf {
			if err := yield(&s.buf[i]); err != nil {
				return err
			}
		}
		return nil
	})
	clear(s.buf) // drop the strings the values hold
	s.buf = s.buf[:0]
	if err != nil {
		return err
	}
	s.runs = append(s.runs, spillRun{name: name})
	for n := len(s.runs); n >= spillFanIn && s.runs[n-spillFanIn].level == s.runs[n-1].level; n = len(s.runs) {
		merging := s.runs[n-spillFanIn:]
		name, err := s.write(func(yield func(*T) error) error { return s.merge(merging, nil, yield) })
		if err != nil {
			return err
		}
		level := merging[0].level + 1
		for _, r := range merging {
			_ = os.Remove(r.name)
		}
		s.runs = append(s.runs[:n-spillFanIn], spillRun{name: name, level: level})
	}
	return nil
}

// write writes the values each gives into a new run file.
func (s *sorter[T]) write(each func(yield func(*T) error) error) (string, error) {
	f, err := createTemp(s.dir, tempPattern, 0o600)
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrSpill, err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	enc := gob.NewEncoder(bw)
	err = each(func(v *T) error { return enc.Encode(v) })
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", fmt.Errorf("%w: %s: %w", ErrSpill, f.Name(), err)
	}
	return f.Name(), nil
}

// each gives every value added, sorted, to yield, and stops at its first
// error. The sorter is then empty.
func (s *sorter[T]) each(yield func(*T) error) error {
	defer s.close()
	slices.SortFunc(s.buf, func(a, b T) int { return s.cmp(&a, &b) })
	return s.merge(s.runs, s.buf, yield)
}

// close removes the runs on disk and drops the values held.
func (s *sorter[T]) close() {
	for _, r := range s.runs {
		_ = os.Remove(r.name)
	}
	s.runs, s.buf = nil, nil
}

// merge gives the values of the runs and of held, which is sorted, to
// yield in order.
func (s *sorter[T]) merge(runs []spillRun, held []T, yield func(*T) error) error {
	var files []*os.File
	defer func() {
		for _, f := range files {
			_ = f.Close()
		}
	}()
	reads := make([]func(*T) (bool, error), 0, len(runs)+1)
	for _, r := range runs {
		f, err := os.Open(r.name)
		if err != nil {
			return fmt.Errorf("%w: %w", ErrSpill, err)
		}
		files = append(files, f)
		dec := gob.NewDecoder(bufio.NewReaderSize(f, 64<<10))
		reads = append(reads, func(v *T) (bool, error) {
			err := dec.Decode(v)
			if errors.Is(err, io.EOF) {
				return false, nil
			}
			if err != nil {
				return false, fmt.Errorf("%w: %s: %w", ErrSpill, f.Name(), err)
			}
			return true, nil
		})
	}
	reads = append(reads, func(v *T) (bool, error) {
		if len(held) == 0 {
			return false, nil
		}
		*v, held = held[0], held[1:]
		return true, nil
	})
	return mergeSorted(s.cmp, reads, yield)
}

// mergeSorted gives the values of sorted sources to yield in order, a
// tie going to the source given first. A source's read sets its next
// value, or says there is none.
func mergeSorted[T any](cmp func(a, b *T) int, reads []func(*T) (bool, error), yield func(*T) error) error {
	h := &mergeHeap[T]{cmp: cmp}
	next := func(src *mergeSource[T]) (bool, error) {
		var zero T
		src.cur = zero // a decoder fills in the fields present only
		return src.read(&src.cur)
	}
	for i, read := range reads {
		src := &mergeSource[T]{read: read, order: i}
		ok, err := next(src)
		if err != nil {
			return err
		}
		if ok {
			h.srcs = append(h.srcs, src)
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		src := h.srcs[0]
		if err := yield(&src.cur); err != nil {
			return err
		}
		ok, err := next(src)
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

// mergeSource is a sorted source being merged, and its current value.
type mergeSource[T any] struct {
	read  func(*T) (bool, error)
	cur   T
	order int // the source's place, which breaks ties so that merges are deterministic
}

// mergeHeap orders the sources being merged by their current values.
type mergeHeap[T any] struct {
	srcs []*mergeSource[T]
	cmp  func(a, b *T) int
}

func (h *mergeHeap[T]) Len() int { return len(h.srcs) }
func (h *mergeHeap[T]) Less(i, j int) bool {
	if c := h.cmp(&h.srcs[i].cur, &h.srcs[j].cur); c != 0 {
		return c < 0
	}
	return h.srcs[i].order < h.srcs[j].order
}
func (h *mergeHeap[T]) Swap(i, j int) { h.srcs[i], h.srcs[j] = h.srcs[j], h.srcs[i] }
func (h *mergeHeap[T]) Push(x any)    { h.srcs = append(h.srcs, x.(*mergeSource[T])) }
func (h *mergeHeap[T]) Pop() any {
	last := h.srcs[len(h.srcs)-1]
	h.srcs = h.srcs[:len(h.srcs)-1]
	return last
}

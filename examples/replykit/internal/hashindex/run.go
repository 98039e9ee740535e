package hashindex

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"os"
	"slices"
)

// blockEntries is how many entries the sparse index of a run spans with
// one key: a lookup reads at most this many entries of a run.
const blockEntries = 64

// run is a file of entries (key, then value) sorted by key, with what
// finds an entry in it without reading the file: a Bloom filter and the
// first key of every block.
type run struct {
	file   *os.File
	n      int // entries
	size   int // bytes an entry
	level  int // merges that made it
	filter filter
	firsts []Key // the first key of each block of blockEntries entries
}

// get copies the value of k in r into value, reading at most one block
// into *block.
func (r *run) get(k Key, value []byte, block *[]byte) (bool, error) {
	if r.n == 0 || !r.filter.mayHave(k) {
		return false, nil
	}
	// The last block whose first key is not after k.
	b, found := slices.BinarySearchFunc(r.firsts, k, compareKeys)
	if !found {
		if b == 0 {
			return false, nil
		}
		b--
	}
	start := b * blockEntries
	n := min(blockEntries, r.n-start)
	if cap(*block) < n*r.size {
		*block = make([]byte, blockEntries*r.size)
	}
	buf := (*block)[:n*r.size]
	if _, err := r.file.ReadAt(buf, int64(start*r.size)); err != nil {
		return false, fmt.Errorf("hashindex: %s: %w", r.file.Name(), err)
	}
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		e := buf[m*r.size:]
		switch c := compareKeys(Key(e[:16]), k); {
		case c == 0:
			copy(value, e[16:r.size])
			return true, nil
		case c < 0:
			lo = m + 1
		default:
			hi = m
		}
	}
	return false, nil
}

// remove closes and removes the run's file.
func (r *run) remove() error {
	err := r.file.Close()
	if rerr := os.Remove(r.file.Name()); err == nil {
		err = rerr
	}
	return err
}

// runWriter writes the entries of a new run, in key order.
type runWriter struct {
	file  *os.File
	w     *bufio.Writer
	r     *run
	err   error
	entry []byte // the entry being written
}

// newRunWriter starts a run of at most n entries.
func (x *Index) newRunWriter(n int) (*runWriter, error) {
	f, err := os.CreateTemp(x.opts.Dir, x.opts.Pattern)
	if err != nil {
		return nil, fmt.Errorf("hashindex: %w", err)
	}
	return &runWriter{file: f, w: bufio.NewWriterSize(f, 64<<10),
		r: &run{file: f, size: 16 + x.opts.ValueSize, filter: newFilter(n)}}, nil
}

// add writes an entry; keys come in increasing order.
func (w *runWriter) add(k Key, value []byte) {
	if w.err != nil {
		return
	}
	if w.r.n%blockEntries == 0 {
		w.r.firsts = append(w.r.firsts, k)
	}
	w.r.n++
	w.r.filter.add(k)
	w.entry = append(append(w.entry[:0], k[:]...), value...)
	_, w.err = w.w.Write(w.entry)
}

// finish ends the run, made by level merges, and gives it, or removes
// its file on error.
func (w *runWriter) finish(level int) (*run, error) {
	err := w.err
	if err == nil {
		err = w.w.Flush()
	}
	if err != nil {
		_ = w.file.Close()
		_ = os.Remove(w.file.Name())
		return nil, fmt.Errorf("hashindex: %s: %w", w.file.Name(), err)
	}
	w.r.level = level
	w.r.firsts = slices.Clip(w.r.firsts)
	return w.r, nil
}

// merge writes the entries of runs, the oldest first, into one run; of a
// key in several, the newest run's value is kept.
func (x *Index) merge(runs []*run) (*run, error) {
	total := 0
	h := &cursorHeap{}
	for i, r := range runs {
		total += r.n
		c := &cursor{r: bufio.NewReaderSize(io.NewSectionReader(r.file, 0, int64(r.n*r.size)), 64<<10),
			entry: make([]byte, r.size), left: r.n, age: i}
		ok, err := c.next()
		if err != nil {
			return nil, fmt.Errorf("hashindex: %s: %w", r.file.Name(), err)
		}
		if ok {
			h.cs = append(h.cs, c)
		}
	}
	heap.Init(h)
	w, err := x.newRunWriter(total)
	if err != nil {
		return nil, err
	}
	var last Key
	have := false
	for h.Len() > 0 {
		c := h.cs[0]
		k := Key(c.entry[:16])
		if !have || k != last {
			w.add(k, c.entry[16:])
			last, have = k, true
		}
		ok, err := c.next()
		if err != nil {
			w.err = err
			break
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return w.finish(runs[0].level + 1)
}

// cursor reads the entries of a run in order.
type cursor struct {
	r     *bufio.Reader
	entry []byte
	left  int
	age   int // the run's place, oldest first
}

func (c *cursor) next() (bool, error) {
	if c.left == 0 {
		return false, nil
	}
	c.left--
	_, err := io.ReadFull(c.r, c.entry)
	return err == nil, err
}

// cursorHeap orders cursors by key, the newest run first on a tie, so
// that its value is the one kept.
type cursorHeap struct{ cs []*cursor }

func (h *cursorHeap) Len() int { return len(h.cs) }
func (h *cursorHeap) Less(i, j int) bool {
	if c := compareKeys(Key(h.cs[i].entry[:16]), Key(h.cs[j].entry[:16])); c != 0 {
		return c < 0
	}
	return h.cs[i].age > h.cs[j].age
}
func (h *cursorHeap) Swap(i, j int) { h.cs[i], h.cs[j] = h.cs[j], h.cs[i] }
func (h *cursorHeap) Push(x any)    { h.cs = append(h.cs, x.(*cursor)) }
func (h *cursorHeap) Pop() any {
	last := h.cs[len(h.cs)-1]
	h.cs = h.cs[:len(h.cs)-1]
	return last
}

// filter is a blocked Bloom filter: the bits of a key are in one 512-bit
// block, so that a lookup touches one cache line. Keys are hashes
// already: their bytes choose the block and the bits. At 10 bits a key,
// about 1 in 100 keys not in a run get through.
type filter struct {
	blocks [][8]uint64
}

// filterBits is the filter's bits a key.
const filterBits = 10

// filterProbes is how many bits a key sets.
const filterProbes = 7

func newFilter(n int) filter {
	nb := max(1, (n*filterBits+511)/512)
	return filter{blocks: make([][8]uint64, nb)}
}

func (f *filter) add(k Key) {
	b := &f.blocks[f.block(k)]
	h := binary.LittleEndian.Uint64(k[8:])
	for range filterProbes {
		bit := h & 511
		b[bit>>6] |= 1 << (bit & 63)
		h >>= 9
	}
}

func (f *filter) mayHave(k Key) bool {
	b := &f.blocks[f.block(k)]
	h := binary.LittleEndian.Uint64(k[8:])
	for range filterProbes {
		bit := h & 511
		if b[bit>>6]&(1<<(bit&63)) == 0 {
			return false
		}
		h >>= 9
	}
	return true
}

// block is the key's block: its first 8 bytes scaled to the number of
// blocks.
func (f *filter) block(k Key) int {
	hi, _ := bits.Mul64(binary.LittleEndian.Uint64(k[:8]), uint64(len(f.blocks)))
	return int(hi)
}

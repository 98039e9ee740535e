package hashindex

import (
	"errors"
	"fmt"
	"os"
	"slices"
)

// Key is what an Index finds a value by: the first 16 bytes of a
// cryptographic hash of what it stands for. Two values of n share a key
// with a chance of about n²/2¹²⁹: none, in practice.
type Key [16]byte

// ErrClosed is the error of an Index used after Close.
var ErrClosed = errors.New("hashindex: index closed")

// DefaultMemEntries is how many entries an Index holds in memory when
// Options.MemEntries is zero.
const DefaultMemEntries = 1 << 16

// DefaultFanIn is how many runs of one size are merged into one of the
// next when Options.FanIn is zero.
const DefaultFanIn = 8

// Options set up an Index. The zero value holds 0-byte values (a set of
// keys) in runs in the system's temporary directory.
type Options struct {
	// Dir is where runs are written; "" means os.TempDir().
	Dir string
	// Pattern names the run files, as os.CreateTemp's pattern; "" means
	// "hashindex-*".
	Pattern string
	// ValueSize is the size of every value, in bytes.
	ValueSize int
	// MemEntries is how many entries are held in memory before they are
	// written as a run; zero means DefaultMemEntries.
	MemEntries int
	// FanIn is how many runs of one size are merged into one; zero means
	// DefaultFanIn. Fewer runs make lookups cheaper, more make merges
	// rarer.
	FanIn int
}

// Index maps keys to values. A key put again takes its new value. It is
// not safe for use by several goroutines at once.
type Index struct {
	opts   Options
	mem    map[Key]int // a key → its value's place in vals
	vals   []byte
	runs   []*run // oldest first
	block  []byte // a block read from a run
	value  []byte // where Has reads a value it throws away
	closed bool
}

// New returns an empty Index.
func New(opts Options) (*Index, error) {
	if opts.ValueSize < 0 {
		return nil, fmt.Errorf("hashindex: value size %d", opts.ValueSize)
	}
	if opts.MemEntries <= 0 {
		opts.MemEntries = DefaultMemEntries
	}
	if opts.FanIn < 2 {
		opts.FanIn = DefaultFanIn
	}
	if opts.Pattern == "" {
		opts.Pattern = "hashindex-*"
	}
	if opts.Dir == "" {
		opts.Dir = os.TempDir()
	}
	return &Index{opts: opts, mem: make(map[Key]int)}, nil
}

// Get copies the value of k into value, which is ValueSize bytes long,
// and reports whether k is in the index.
func (x *Index) Get(k Key, value []byte) (bool, error) {
	if x.closed {
		return false, ErrClosed
	}
	if len(value) != x.opts.ValueSize {
		return false, fmt.Errorf("hashindex: a value of %d bytes, not %d", len(value), x.opts.ValueSize)
	}
	if at, ok := x.mem[k]; ok {
		copy(value, x.vals[at:at+x.opts.ValueSize])
		return true, nil
	}
	for i := len(x.runs) - 1; i >= 0; i-- {
		found, err := x.runs[i].get(k, value, &x.block)
		if found || err != nil {
			return found, err
		}
	}
	return false, nil
}

// Has reports whether k is in the index.
func (x *Index) Has(k Key) (bool, error) {
	if cap(x.value) < x.opts.ValueSize {
		x.value = make([]byte, x.opts.ValueSize)
	}
	return x.Get(k, x.value[:x.opts.ValueSize])
}

// Put sets the value of k, which is ValueSize bytes long.
func (x *Index) Put(k Key, value []byte) error {
	if x.closed {
		return ErrClosed
	}
	if len(value) != x.opts.ValueSize {
		return fmt.Errorf("hashindex: a value of %d bytes, not %d", len(value), x.opts.ValueSize)
	}
	if at, ok := x.mem[k]; ok {
		copy(x.vals[at:], value)
		return nil
	}
	x.mem[k] = len(x.vals)
	x.vals = append(x.vals, value...)
	if len(x.mem) < x.opts.MemEntries {
		return nil
	}
	return x.flush()
}

// flush writes the entries held as a run, then merges the newest runs
// while FanIn of them are of one size.
func (x *Index) flush() error {
	keys := make([]Key, 0, len(x.mem))
	for k := range x.mem {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareKeys)
	w, err := x.newRunWriter(len(keys))
	if err != nil {
		return err
	}
	for _, k := range keys {
		at := x.mem[k]
		w.add(k, x.vals[at:at+x.opts.ValueSize])
	}
	r, err := w.finish(0)
	if err != nil {
		return err
	}
	clear(x.mem)
	x.vals = x.vals[:0]
	x.runs = append(x.runs, r)
	for n := len(x.runs); n >= x.opts.FanIn && x.runs[n-x.opts.FanIn].level == x.runs[n-1].level; n = len(x.runs) {
		merged, err := x.merge(x.runs[n-x.opts.FanIn:])
		if err != nil {
			return err
		}
		for _, r := range x.runs[n-x.opts.FanIn:] {
			r.remove()
		}
		x.runs = append(x.runs[:n-x.opts.FanIn], merged)
	}
	return nil
}

// Close removes the index's runs from disk. The index cannot be used
// after it.
func (x *Index) Close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	var errs []error
	for _, r := range x.runs {
		errs = append(errs, r.remove())
	}
	x.runs, x.mem, x.vals = nil, nil, nil
	return errors.Join(errs...)
}

func compareKeys(a, b Key) int {
	return slices.Compare(a[:], b[:])
}

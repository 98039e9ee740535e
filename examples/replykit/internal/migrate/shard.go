package migrate

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// ShardDir is the folder of OUTDIR where each shard of a sharded run
// writes its report (ShardReportName), until Merge joins them into
// ReportName.
const ShardDir = "report-shards"

// Shard is one part of a run split over several machines or processes:
// shard Index of Count, 0-based. Every shard walks every input and plans
// every output name, as one run would, but reads and converts only its
// own pages — those whose ordinal in the walk's order, modulo Count, is
// Index — and lists only its own ignored files, by the same rule. The
// zero value is no sharding.
type Shard struct {
	Index int `json:"index"` // this shard, from 0 to Count-1
	Count int `json:"count"` // how many shards the run is split into
}

// ErrShard means a shard is not i/N with 0 ≤ i < N.
var ErrShard = errors.New("a shard is i/N, with N at least 1 and i from 0 to N-1")

// ParseShard reads a shard written "i/N" (0-based: "0/4" … "3/4").
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, ierr := strconv.Atoi(strings.TrimSpace(a))
	n, nerr := strconv.Atoi(strings.TrimSpace(b))
	sh := Shard{Index: i, Count: n}
	if !ok || ierr != nil || nerr != nil || n < 1 || sh.check() != nil {
		return Shard{}, fmt.Errorf("%q: %w", s, ErrShard)
	}
	return sh, nil
}

// String writes the shard as ParseShard reads it.
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// On reports whether the run is sharded.
func (s Shard) On() bool { return s.Count != 0 }

// check reports a shard that is set but not i/N with 0 ≤ i < N.
func (s Shard) check() error {
	if s.Count < 0 || (s.Count > 0 && (s.Index < 0 || s.Index >= s.Count)) || (s.Count == 0 && s.Index != 0) {
		return fmt.Errorf("%d/%d: %w", s.Index, s.Count, ErrShard)
	}
	return nil
}

// owns reports whether the item of the walk numbered ordinal (from 0) is
// this shard's; without sharding, every item is.
func (s Shard) owns(ordinal int) bool {
	return s.Count <= 1 || ordinal%s.Count == s.Index
}

// ShardReportName is the report of a shard, relative to OUTDIR:
// report-shards/<i>-of-<N>.json.
func ShardReportName(s Shard) string {
	return filepath.Join(ShardDir, fmt.Sprintf("%d-of-%d.json", s.Index, s.Count))
}

// shardLockName is the lock a shard holds while it runs, so that two
// runs of one shard never write at once, relative to OUTDIR.
func shardLockName(s Shard) string {
	return filepath.Join(ShardDir, fmt.Sprintf("%d-of-%d.lock", s.Index, s.Count))
}

// ShardInfo is what a shard's report says of the shard and of the whole
// walk, so that Merge can tell that the shards saw the same inputs.
type ShardInfo struct {
	Shard
	// Walked counts every page and ignored file the walk found, this
	// shard's and the others'.
	Walked WalkTotals `json:"walked"`
}

// WalkTotals count what a walk found, over all shards.
type WalkTotals struct {
	Pages   int `json:"pages"`
	Ignored int `json:"ignored"`
}

// take numbers the next item the walk hands on (a page or an ignored
// file, each with its own count) and reports whether it is this run's.
// It is the one place where a sharded run parts its items from the other
// shards': every walk case hands its pages to emit and its ignored files
// to ignore, which call it.
func (w *walker) take(count *int) bool {
	n := *count
	*count++
	return w.opts.Shard.owns(n)
}

// mine reports whether the next page handed to emit is this run's own.
// A walk case may ask it before reading a page it would read during the
// walk: a page that is another shard's still goes to emit, so that it is
// numbered and its name planned, but its bytes need not be read. It must
// not be asked where reading the bytes decides whether the item is a page
// at all (a file sniffed for HTML).
func (w *walker) mine() bool {
	return w.opts.Shard.owns(w.walked.Pages)
}

// lockRun takes the locks a run into dir holds: the directory's own for
// a whole run, a shard's (see lockShardOf) for a shard.
func lockRun(dir string, s Shard) (*dirLock, error) {
	if s.On() {
		return lockShardOf(dir, s)
	}
	return lockOutDir(dir)
}

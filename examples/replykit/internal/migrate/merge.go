package migrate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
)

// Why Merge refuses to join the shard reports of an output directory;
// each comes in a *ShardError naming the file.
var (
	// ErrNoShards means the output directory holds no shard report.
	ErrNoShards = errors.New("no shard reports to merge")
	// ErrShardMissing means a shard's report is not there: the shard has
	// not run, or not to its end.
	ErrShardMissing = errors.New("shard report missing")
	// ErrShardInterrupted means a shard's run was interrupted: its report
	// lacks the pages it did not reach.
	ErrShardInterrupted = errors.New("shard was interrupted")
	// ErrShardMismatch means the shard reports do not belong together:
	// split into different numbers of shards, or made of inputs that are
	// not the same (other paths, or other files found in them).
	ErrShardMismatch = errors.New("shard reports disagree")
	// ErrShardReport means a shard report cannot be read as one.
	ErrShardReport = errors.New("not a shard report")
)

// ShardError is a shard report Merge could not join, and why.
type ShardError struct {
	File string // the shard report, as a path under the output directory
	Err  error  // one of the ErrShard… errors above, with detail
}

func (e *ShardError) Error() string { return e.File + ": " + e.Err.Error() }

// Unwrap returns why.
func (e *ShardError) Unwrap() error { return e.Err }

// MergeOptions set up Merge. The zero value is sensible.
type MergeOptions struct {
	// FS is where the report is written; nil means OS.
	FS FS
	// NoSync leaves out the fsync of report.json before it is renamed
	// into place.
	NoSync bool
	// Workers is recorded in the report, for Finish (how many JSON
	// outputs the collection reads at once).
	Workers int
	// Finish, when set, is called with the joined report once it is
	// written, while the output directory is still locked: as
	// Options.Finish for a run. Its error is Merge's, and leaves the
	// shard reports in place.
	Finish func(rep *Report) error
}

// shardFile matches the names of shard reports: <i>-of-<N>.json.
var shardFile = regexp.MustCompile(`^([0-9]+)-of-([0-9]+)\.json$`)

// Merge joins the reports the shards of a sharded run wrote into outDir
// (see Options.Shard) into outDir/report.json, the same bytes a single
// run over the same inputs would have written, then calls
// opts.Finish and removes the shard reports. It holds the output
// directory's lock, as a run does, so no shard may run meanwhile. It
// refuses, with every problem found, each a *ShardError naming its file,
// when a shard's report is missing, unreadable or interrupted, or when
// the reports disagree on the number of shards or on what the inputs
// held.
func Merge(outDir string, opts MergeOptions) (*Report, error) {
	if opts.FS == nil {
		opts.FS = OS{}
	}
	if _, err := os.Stat(outDir); err != nil {
		return nil, fmt.Errorf("migrate: merge: %w", err)
	}
	lock, err := lockOutDir(outDir)
	if err != nil {
		return nil, fmt.Errorf("migrate: merge: %w", err)
	}
	defer lock.release()
	shards, err := readShards(outDir)
	if err != nil {
		return nil, err
	}
	rep := joinShards(shards)
	rep.Notes = appendNew(lock.notes, rep.Notes...)
	rep.Workers = opts.Workers
	if err := removeStaleTemps(outDir); err != nil {
		return nil, fmt.Errorf("migrate: merge: clearing old temporary files: %w", err)
	}
	name := filepath.Join(outDir, ReportName)
	err = writeReport(opts.FS, name, rep, func(yield func(*Entry) error) error {
		return mergeLists(outDir, shards, "pages", compareEntries, yield)
	}, func(yield func(*Ignored) error) error {
		return mergeLists(outDir, shards, "ignored", compareIgnored, yield)
	}, opts.NoSync)
	if err != nil {
		return nil, fmt.Errorf("migrate: merge: %w: %w", ErrReport, err)
	}
	rep.Written, rep.streamed = name, true
	if opts.Finish != nil {
		if err := opts.Finish(rep); err != nil {
			return rep, err
		}
	}
	var errs []error
	for _, s := range shards {
		if err := opts.FS.Remove(filepath.Join(outDir, s.file)); err != nil {
			errs = append(errs, err)
		}
	}
	// Lock files left by shards killed before their end, then the folder,
	// which stays if anything else is in it.
	locks, _ := filepath.Glob(filepath.Join(outDir, ShardDir, "*.lock"))
	for _, l := range locks {
		_ = opts.FS.Remove(l)
	}
	_ = opts.FS.Remove(filepath.Join(outDir, ShardDir))
	if len(errs) > 0 {
		return rep, fmt.Errorf("migrate: merge: removing the shard reports: %w", errors.Join(errs...))
	}
	return rep, nil
}

// shardReport is a shard's report, without its lists, and its file,
// relative to OUTDIR, with the number of pages and ignored files it
// lists and their totals.
type shardReport struct {
	file           string
	rep            *Report
	pages, ignored int
	totals         Totals
}

// readShards reads the shard reports of outDir and checks that they are
// all there and belong together, giving them in shard order.
func readShards(outDir string) ([]shardReport, error) {
	entries, err := os.ReadDir(filepath.Join(outDir, ShardDir))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("migrate: merge: %w", err)
	}
	var found []shardReport
	var errs []error
	for _, e := range entries {
		if !shardFile.MatchString(e.Name()) {
			continue
		}
		file := filepath.Join(ShardDir, e.Name())
		s, err := readShard(filepath.Join(outDir, file), e.Name())
		if err != nil {
			errs = append(errs, &ShardError{File: file, Err: err})
			continue
		}
		s.file = file
		found = append(found, s)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(found) == 0 {
		return nil, &ShardError{File: ShardDir, Err: fmt.Errorf("%w: run the shards (migrate --shard i/N) first", ErrNoShards)}
	}
	slices.SortFunc(found, func(a, b shardReport) int {
		sa, sb := a.rep.Shard, b.rep.Shard
		if sa.Count != sb.Count {
			return sa.Count - sb.Count
		}
		return sa.Index - sb.Index
	})
	first := found[0]
	n := first.rep.Shard.Count
	byIndex := map[int]shardReport{}
	for _, s := range found {
		sh := s.rep.Shard
		switch {
		case sh.Count != n:
			errs = append(errs, &ShardError{File: s.file, Err: fmt.Errorf("%w: shard %v, but %s is a shard of %d", ErrShardMismatch, sh.Shard, first.file, n)})
		case s.rep.Interrupted:
			errs = append(errs, &ShardError{File: s.file, Err: fmt.Errorf("%w: run shard %v again", ErrShardInterrupted, sh.Shard)})
		default:
			if err := agree(first.rep, s, first.file); err != nil {
				errs = append(errs, &ShardError{File: s.file, Err: err})
			}
		}
		byIndex[sh.Index] = s
	}
	for i := range n {
		if _, ok := byIndex[i]; !ok {
			sh := Shard{Index: i, Count: n}
			errs = append(errs, &ShardError{File: ShardReportName(sh), Err: fmt.Errorf("%w: shard %v has not run to its end", ErrShardMissing, sh)})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return found, nil
}

// readShard reads one shard report, whose file is named base: its keys
// but the lists, and the lists an item at a time, counted, summed up and
// checked to be in order, since Merge merges them as sorted.
func readShard(name, base string) (shardReport, error) {
	var s shardReport
	data, err := readShardHead(name)
	if err != nil {
		return s, fmt.Errorf("%w: %w", ErrShardReport, err)
	}
	var rep Report
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		return s, fmt.Errorf("%w: %w", ErrShardReport, err)
	}
	if rep.Format != ReportFormat {
		return s, fmt.Errorf("%w: format %q, not %q", ErrShardReport, rep.Format, ReportFormat)
	}
	if rep.Shard == nil {
		return s, fmt.Errorf("%w: no \"shard\" key", ErrShardReport)
	}
	m := shardFile.FindStringSubmatch(base)
	if m[1] != strconv.Itoa(rep.Shard.Index) || m[2] != strconv.Itoa(rep.Shard.Count) || rep.Shard.check() != nil || !rep.Shard.On() {
		return s, fmt.Errorf("%w: it says it is shard %v", ErrShardReport, rep.Shard.Shard)
	}
	s.rep = &rep
	s.pages, err = scanList(name, "pages", compareEntries, s.totals.add)
	if err == nil {
		s.ignored, err = scanList(name, "ignored", compareIgnored, s.totals.addIgnored)
	}
	if err != nil {
		return s, fmt.Errorf("%w: %w", ErrShardReport, err)
	}
	return s, nil
}

// readShardHead reads a report's JSON with its lists of pages and ignored
// files left empty.
func readShardHead(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return streamReport(json.NewDecoder(bufio.NewReaderSize(f, 64<<10)), nil, nil)
}

// scanList reads the list under key of the report in the file name,
// giving each item to add, checks that it is sorted by cmp, and says how
// many items it holds.
func scanList[T any, PT rawPather[T]](name, key string, cmp func(a, b *T) int, add func(T)) (int, error) {
	read, closeList, err := openList[T, PT](name, key, true)
	if err != nil {
		return 0, err
	}
	defer closeList()
	var prev, cur T
	for n := 0; ; n++ {
		var zero T
		cur = zero
		ok, err := read(&cur)
		if err != nil || !ok {
			return n, err
		}
		if n > 0 && cmp(&prev, &cur) > 0 {
			return n, fmt.Errorf("%s[%d] is out of order: the shard report was not written by a shard's run", key, n)
		}
		add(cur)
		prev = cur
	}
}

// mergeLists merges the sorted lists under key of the shard reports into
// one, given item by item to yield.
func mergeLists[T any, PT rawPather[T]](outDir string, shards []shardReport, key string, cmp func(a, b *T) int, yield func(*T) error) error {
	reads := make([]func(*T) (bool, error), 0, len(shards))
	for _, s := range shards {
		read, closeList, err := openList[T, PT](filepath.Join(outDir, s.file), key, true)
		if err != nil {
			return err
		}
		defer closeList()
		reads = append(reads, read)
	}
	return mergeSorted(cmp, reads, yield)
}

// agree checks that the report of a shard, rep, belongs with that of the
// first shard, ref (its file refFile): the same inputs, in which the walk
// found the same number of pages and ignored files, of which rep holds
// its share.
func agree(ref *Report, s shardReport, refFile string) error {
	rep := s.rep
	same := len(ref.Inputs) == len(rep.Inputs)
	for i := 0; same && i < len(rep.Inputs); i++ {
		same = ref.Inputs[i].Path == rep.Inputs[i].Path && ref.Inputs[i].RawPath == rep.Inputs[i].RawPath
	}
	if !same {
		return fmt.Errorf("%w: its inputs are %s, those of %s are %s", ErrShardMismatch, inputList(rep), refFile, inputList(ref))
	}
	if w, rw := rep.Shard.Walked, ref.Shard.Walked; w != rw {
		return fmt.Errorf("%w: its walk found %d pages and %d ignored files, that of %s %d and %d: the inputs changed between the shards' runs; run every shard again",
			ErrShardMismatch, w.Pages, w.Ignored, refFile, rw.Pages, rw.Ignored)
	}
	w, sh := rep.Shard.Walked, rep.Shard.Shard
	if p, ig := share(w.Pages, sh), share(w.Ignored, sh); s.pages != p || s.ignored != ig {
		return fmt.Errorf("%w: it lists %d pages and %d ignored files, but its share of the walk is %d and %d",
			ErrShardMismatch, s.pages, s.ignored, p, ig)
	}
	return nil
}

// share is how many of n items, numbered from 0, are shard s's.
func share(n int, s Shard) int {
	return (n + s.Count - 1 - s.Index) / s.Count
}

// inputList writes a report's inputs for a message.
func inputList(r *Report) string {
	paths := make([]string, len(r.Inputs))
	for i, in := range r.Inputs {
		paths[i] = strconv.Quote(in.Path)
	}
	return fmt.Sprint(paths)
}

// joinShards joins shard reports that belong together into the report a
// single run would have written, but for the lists, which Merge merges
// as it writes it.
func joinShards(shards []shardReport) *Report {
	rep := &Report{Format: ReportFormat, Merged: len(shards)}
	rep.Inputs = make([]InputTotals, len(shards[0].rep.Inputs))
	for _, s := range shards {
		rep.Notes = appendNew(rep.Notes, s.rep.Notes...)
		rep.Totals.join(s.totals)
		for i, in := range s.rep.Inputs {
			rep.Inputs[i].Path, rep.Inputs[i].RawPath = in.Path, in.RawPath
			rep.Inputs[i].Pages += in.Pages
			rep.Inputs[i].Ignored += in.Ignored
		}
	}
	return rep
}

// appendNew appends to list each of more not in it already.
func appendNew(list []string, more ...string) []string {
	for _, m := range more {
		if !slices.Contains(list, m) {
			list = append(list, m)
		}
	}
	return list
}

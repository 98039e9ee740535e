package migrate

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/replykit/replykit/examples/replykit/internal/hashindex"

	"github.com/replykit/replykit/reply"
)

// ReportName is the name of the report in the output directory.
const ReportName = "report.json"

// ReportFormat is the version tag of the report this package writes, its
// "format" key. v2 is v1 with the optional key "capture" in a page's
// entry; the replies of a v2 run carry their provenance (replykit/v2).
const ReportFormat = "replykit-migrate/v2"

// ReportFormatV1 is the tag of the reports of earlier runs, which
// CheckReport still reads. A run does not take the sources of a v1 report
// as up to date, so that the outputs it made, without provenance, are
// made again.
const ReportFormatV1 = "replykit-migrate/v1"

// Status is what became of one page.
type Status string

// The statuses of a page.
const (
	// StatusOK is a reply to a proposal or suggestion, written out.
	StatusOK Status = "ok"
	// StatusOther is another notice (written out), or a page that holds
	// no notice at all (nothing written; its error says so).
	StatusOther Status = "other"
	// StatusFailed is a page that could not be read, converted or written.
	StatusFailed Status = "failed"
)

// Report is what a run did, page by page. Its JSON form is the same bytes
// whatever the number of workers: entries are sorted and no timing is in it.
type Report struct {
	// Format is ReportFormat.
	Format string `json:"format"`
	// Interrupted is true when the run was cancelled before every page
	// was done; the pages not reached are not in Pages.
	Interrupted bool `json:"interrupted,omitempty"`
	// Shard is set in the report of a shard (Options.Shard), which lists
	// only the shard's own pages and ignored files, and counts only them
	// in Totals and Inputs.
	Shard *ShardInfo `json:"shard,omitempty"`
	// Notes are what the run did beside reading pages that a person
	// should know, such as taking over the output directory's lock that
	// a run killed before its end left behind.
	Notes []string `json:"notes,omitempty"`
	// Totals sums up Pages and Ignored.
	Totals Totals `json:"totals"`
	// Inputs says, for each input in the order given, how many pages and
	// ignored files the walk found in it.
	Inputs []InputTotals `json:"inputs"`
	// Pages holds one entry a page, sorted by path (the records of a web
	// archive in record order, see comparePaths). It is nil in the report
	// Run or Merge returns, which leaves its entries in the file written:
	// EachPage reads them, from there or from here.
	Pages []Entry `json:"pages"`
	// Ignored lists the files of the inputs that were not read as pages,
	// with the reason, sorted by path as Pages is; as Pages, it is nil in
	// the report of Run or Merge (see EachIgnored).
	Ignored []Ignored `json:"ignored"`

	// Elapsed is how long the run took; it is left out of the JSON.
	Elapsed time.Duration `json:"-"`
	// Workers is how many pages were converted at once.
	Workers int `json:"-"`
	// Merged is how many shard reports Merge joined into this one; 0 for
	// the report of a run.
	Merged int `json:"-"`
	// Written is where the report was written, or "" when it could not
	// be.
	Written string `json:"-"`

	// streamed says the entries are in the file Written, not in Pages
	// and Ignored.
	streamed bool
}

// InputTotals is what the walk found in one input.
type InputTotals struct {
	Path    string `json:"path"`              // the input as given
	Pages   int    `json:"pages"`             // pages found, including those that failed
	Ignored int    `json:"ignored"`           // files and web-archive records that were not read as pages
	RawPath string `json:"rawPath,omitempty"` // Path without loss, when not UTF-8 (see RawPath)
}

// Totals sums up a report.
type Totals struct {
	Pages        int            `json:"pages"`                  // pages read
	Replies      int            `json:"replies"`                // status ok
	Other        int            `json:"other"`                  // status other
	Failed       int            `json:"failed"`                 // status failed
	Skipped      int            `json:"skipped"`                // outputs already up to date
	Renamed      int            `json:"renamed"`                // pages whose output is not their name
	Warnings     int            `json:"warnings"`               // reader warnings, over all pages
	Ignored      int            `json:"ignored"`                // files and web-archive records not read as pages
	Failures     map[string]int `json:"failures,omitempty"`     // failed pages by error kind
	WarningCodes map[string]int `json:"warningCodes,omitempty"` // warnings by code
	IgnoredBy    map[string]int `json:"ignoredBy,omitempty"`    // ignored files and records by reason
}

// Entry is what became of one page.
type Entry struct {
	// Path is the page as found: a file's path, or "archive.zip!a/b.html".
	// JSON holds text only: a byte of it that is not UTF-8 is U+FFFD here.
	Path string `json:"path"`
	// RawPath is Path without loss when it is not UTF-8 (see RawPath);
	// absent when it is.
	RawPath string `json:"rawPath,omitempty"`
	// Output is the output name relative to the output directory, without
	// the ".json" and ".html" that its two files add; absent when the page
	// failed before it was given one.
	Output string `json:"output,omitempty"`
	// Renamed says why Output is not the page's name within its input:
	// the name, or a folder's, was taken by another page's output, by the
	// run's own files, or is the same as another's when case and Unicode
	// normalisation are ignored; or it is not UTF-8.
	Renamed string `json:"renamed,omitempty"`
	// SHA256 is the hex SHA-256 of the page's bytes as read. A later run
	// keeps the outputs of a page with the same output name and hash.
	SHA256 string `json:"sha256,omitempty"`
	// Status says what became of the page.
	Status Status `json:"status"`
	// Kind is the kind of the notice read.
	Kind reply.Kind `json:"kind,omitempty"`
	// Error is why the page failed or holds no notice.
	Error *EntryError `json:"error,omitempty"`
	// Warnings are the reader's warnings for the page: where it was
	// unsure, with a code that Totals.WarningCodes counts.
	Warnings []Warning `json:"warnings,omitempty"`
	// Skipped is true when the run before made the outputs from the same
	// bytes (SHA256), and they were kept as they were.
	Skipped bool `json:"skipped,omitempty"`
	// Capture is the web-archive record the page was read from, as its
	// reply's provenance holds it; nil for a file or archive entry (a
	// pointer, so that a run over files keeps no room for one a page).
	Capture *reply.Capture `json:"capture,omitzero"`
}

// Warning is one of a page's reader warnings, as the page's JSON holds it
// (see reply.Warning).
type Warning struct {
	Code    string `json:"code"`            // a short stable name for the kind of doubt
	Message string `json:"message"`         // what was seen
	Where   string `json:"where,omitempty"` // where in the page, when known
}

// EntryError is a page's error in the report.
type EntryError struct {
	Kind    string `json:"kind"`    // a Kind constant, or a name Classify gives
	Message string `json:"message"` // the error's text
}

// add counts an entry into the totals.
func (t *Totals) add(e Entry) {
	t.Pages++
	t.Warnings += len(e.Warnings)
	for _, w := range e.Warnings {
		t.WarningCodes = count(t.WarningCodes, w.Code)
	}
	if e.Skipped {
		t.Skipped++
	}
	if e.Renamed != "" {
		t.Renamed++
	}
	switch e.Status {
	case StatusOK:
		t.Replies++
	case StatusOther:
		t.Other++
	case StatusFailed:
		t.Failed++
		kind := "" // a report being checked may lack the error
		if e.Error != nil {
			kind = e.Error.Kind
		}
		t.Failures = count(t.Failures, kind)
	}
}

// addIgnored counts an ignored file into the totals.
func (t *Totals) addIgnored(ig Ignored) {
	t.Ignored++
	t.IgnoredBy = count(t.IgnoredBy, ig.Reason)
}

// join adds the totals of o.
func (t *Totals) join(o Totals) {
	t.Pages += o.Pages
	t.Replies += o.Replies
	t.Other += o.Other
	t.Failed += o.Failed
	t.Skipped += o.Skipped
	t.Renamed += o.Renamed
	t.Warnings += o.Warnings
	t.Ignored += o.Ignored
	t.Failures = joinCounts(t.Failures, o.Failures)
	t.WarningCodes = joinCounts(t.WarningCodes, o.WarningCodes)
	t.IgnoredBy = joinCounts(t.IgnoredBy, o.IgnoredBy)
}

// joinCounts adds the counts of o to m, making m when it is nil and o is
// not empty.
func joinCounts(m, o map[string]int) map[string]int {
	for k, n := range o {
		if m == nil {
			m = map[string]int{}
		}
		m[k] += n
	}
	return m
}

// count adds one to m[key], making m when it is nil.
func count(m map[string]int, key string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[key]++
	return m
}

// compareEntries orders entries by path (see comparePaths), then output,
// then the rest, so that equal keys can only be equal entries.
func compareEntries(a, b *Entry) int {
	if c := comparePaths(a.Path, b.Path); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Output, b.Output); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Status, b.Status); c != 0 {
		return c
	}
	return cmp.Compare(errText(a.Error), errText(b.Error))
}

// compareIgnored orders ignored files by path (see comparePaths), then
// reason and detail.
func compareIgnored(a, b *Ignored) int {
	return cmp.Or(comparePaths(a.Path, b.Path), cmp.Compare(a.Reason, b.Reason), cmp.Compare(a.Detail, b.Detail))
}

func errText(e *EntryError) string {
	if e == nil {
		return ""
	}
	return e.Kind + ": " + e.Message
}

// Marshal writes the report as indented JSON ending in a newline.
func (r *Report) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("migrate: report: %w", err)
	}
	return buf.Bytes(), nil
}

// PagesPerSecond is the run's throughput.
func (r *Report) PagesPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Totals.Pages) / r.Elapsed.Seconds()
}

// WriteSummary writes the report's totals as a table for people.
func (r *Report) WriteSummary(w io.Writer) error {
	var b strings.Builder
	t := r.Totals
	// The labels' column holds the longest, "files or records ignored".
	row := func(label string, n int) { fmt.Fprintf(&b, "  %-24s %8d\n", label, n) }
	state := "done"
	if r.Interrupted {
		state = "interrupted"
	}
	workers := "workers"
	if r.Workers == 1 {
		workers = "worker"
	}
	switch {
	case r.Merged > 0:
		fmt.Fprintf(&b, "report merge: %d pages from %d shards\n", t.Pages, r.Merged)
	case r.Shard != nil:
		fmt.Fprintf(&b, "migrate shard %v %s: %d of %d pages in %s with %d %s\n", r.Shard.Shard, state, t.Pages, r.Shard.Walked.Pages,
			r.Elapsed.Round(time.Millisecond), r.Workers, workers)
	default:
		fmt.Fprintf(&b, "migrate %s: %d pages in %s with %d %s\n", state, t.Pages, r.Elapsed.Round(time.Millisecond), r.Workers, workers)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	rows := func(label string, n int, by map[string]int) {
		row(label, n)
		for _, k := range slices.Sorted(maps.Keys(by)) {
			row("  "+k, by[k])
		}
	}
	row("pages read", t.Pages)
	row("replies found", t.Replies)
	row("other notices", t.Other)
	row("up to date (skipped)", t.Skipped)
	if t.Renamed > 0 {
		row("outputs renamed", t.Renamed)
	}
	rows("failed", t.Failed, t.Failures)
	rows("warnings", t.Warnings, t.WarningCodes)
	// Ignored counts files and web-archive records alike.
	rows("files or records ignored", t.Ignored, t.IgnoredBy)
	if r.Merged == 0 {
		fmt.Fprintf(&b, "  %-24s %8.1f\n", "pages/s", r.PagesPerSecond())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sources maps the output names of a report to the SHA-256 of the page
// each was made from, past a bound on disk (see hashindex), so that a run
// over the outputs of millions of pages keeps a flat heap. Workers look
// pages up side by side.
type sources struct {
	mu sync.Mutex
	x  *hashindex.Index
}

// key is how sources finds an output name.
func (*sources) key(output string) hashindex.Key {
	sum := sha256.Sum256([]byte(output))
	return hashindex.Key(sum[:len(hashindex.Key{})])
}

// same reports whether the output was made from a page whose SHA-256 is
// sum. A lookup that fails says no: the page is converted again.
func (s *sources) same(output string, sum [sha256.Size]byte) bool {
	if s == nil {
		return false
	}
	var prev [sha256.Size]byte
	s.mu.Lock()
	ok, err := s.x.Get(s.key(output), prev[:])
	s.mu.Unlock()
	return ok && err == nil && prev == sum
}

// close removes the files of the sources.
func (s *sources) close() {
	if s != nil {
		_ = s.x.Close()
	}
}

// readSources reads the output names and hashes of the pages written by
// the run whose report is at name, entry by entry, keeping mem of them in
// memory and the others in dir. A report missing, unreadable or of
// another version, or sources that cannot be kept, give none: every page
// is then converted.
func readSources(name, dir string, mem int) *sources {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReaderSize(f, 64<<10))
	var format string
	// The format comes first: a report of another version is not read on.
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	if key, err := dec.Token(); err != nil || key != "format" || dec.Decode(&format) != nil || format != ReportFormat {
		return nil
	}
	if seekKey(dec, "pages") != nil {
		return nil
	}
	x, err := hashindex.New(hashindex.Options{Dir: dir, Pattern: tempPattern, ValueSize: sha256.Size, MemEntries: mem})
	if err != nil {
		return nil
	}
	out := &sources{x: x}
	for dec.More() {
		var e struct {
			Output string `json:"output"`
			Status Status `json:"status"`
			SHA256 string `json:"sha256"`
		}
		var sum [sha256.Size]byte
		err := dec.Decode(&e)
		if err == nil && e.Output != "" && e.Status != StatusFailed {
			if n, herr := hex.Decode(sum[:], []byte(e.SHA256)); herr == nil && n == len(sum) {
				err = x.Put(out.key(e.Output), sum[:])
			}
		}
		if err != nil {
			out.close()
			return nil
		}
	}
	return out
}

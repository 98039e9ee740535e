package migrate

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/replykit/replykit/reply"
)

// ReportName is the name of the report in the output directory.
const ReportName = "report.json"

// ReportFormat is the version tag of the report, its "format" key.
const ReportFormat = "replykit-migrate/v1"

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
	// StatusNotRead is an entry with a page's name that is not read, and
	// no failure: a link out of the input, a FIFO; its error says why.
	StatusNotRead Status = "not-read"
)

// Report is what a run did, page by page. Its JSON form is the same bytes
// whatever the number of workers: entries are sorted and no timing is in it.
type Report struct {
	// Format is ReportFormat.
	Format string `json:"format"`
	// Interrupted is true when the run was cancelled before every page
	// was done; the pages not reached are not in Pages.
	Interrupted bool `json:"interrupted,omitempty"`
	// Totals sums up Pages.
	Totals Totals `json:"totals"`
	// Pages holds one entry a page, sorted by path.
	Pages []Entry `json:"pages"`
	// Notes are what the run did beside the pages that a person should
	// know, such as taking over the lock a killed run left.
	Notes []string `json:"notes,omitempty"`

	// Elapsed is how long the run took; it is left out of the JSON.
	Elapsed time.Duration `json:"-"`
	// Workers is how many pages were converted at once.
	Workers int `json:"-"`
}

// Totals sums up a report.
type Totals struct {
	Pages    int            `json:"pages"`              // pages read
	Replies  int            `json:"replies"`            // status ok
	Other    int            `json:"other"`              // status other
	Failed   int            `json:"failed"`             // status failed
	Skipped  int            `json:"skipped"`            // outputs already up to date
	NotRead  int            `json:"notRead,omitempty"`  // entries not read (status not-read), not counted in pages
	Warnings int            `json:"warnings"`           // reader warnings, over all pages
	Failures map[string]int `json:"failures,omitempty"` // failed pages by error kind
}

// Entry is what became of one page.
type Entry struct {
	// Path is the page as found: a file's path, or "archive.zip!a/b.html".
	Path string `json:"path"`
	// Output is the output name relative to the output directory, without
	// the ".json" and ".html" that its two files add.
	Output string `json:"output,omitempty"`
	// Status says what became of the page.
	Status Status `json:"status"`
	// Kind is the kind of the notice read.
	Kind reply.Kind `json:"kind,omitempty"`
	// Error is why the page failed or holds no notice.
	Error *EntryError `json:"error,omitempty"`
	// Warnings counts the reader's warnings for the page.
	Warnings int `json:"warnings"`
	// Skipped is true when the outputs were newer than the page and were
	// kept as they were.
	Skipped bool `json:"skipped,omitempty"`
}

// EntryError is a page's error in the report.
type EntryError struct {
	Kind    string `json:"kind"`    // a Kind constant, or a name Classify gives
	Message string `json:"message"` // the error's text
}

// add counts an entry into the totals.
func (t *Totals) add(e Entry) {
	if e.Status == StatusNotRead {
		t.NotRead++
		return
	}
	t.Pages++
	t.Warnings += e.Warnings
	if e.Skipped {
		t.Skipped++
	}
	switch e.Status {
	case StatusOK:
		t.Replies++
	case StatusOther:
		t.Other++
	case StatusFailed:
		t.Failed++
		if t.Failures == nil {
			t.Failures = map[string]int{}
		}
		t.Failures[e.Error.Kind]++
	}
}

// sortEntries orders entries by path, then output, then the rest, so that
// equal keys can only be equal entries.
func sortEntries(es []Entry) {
	slices.SortFunc(es, func(a, b Entry) int {
		if c := cmp.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Output, b.Output); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Status, b.Status); c != 0 {
			return c
		}
		return cmp.Compare(errText(a.Error), errText(b.Error))
	})
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
	row := func(label string, n int) { fmt.Fprintf(&b, "  %-22s %8d\n", label, n) }
	state := "done"
	if r.Interrupted {
		state = "interrupted"
	}
	fmt.Fprintf(&b, "migrate %s: %d pages in %s with %d workers\n", state, t.Pages, r.Elapsed.Round(time.Millisecond), r.Workers)
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	row("pages read", t.Pages)
	row("replies found", t.Replies)
	row("other notices", t.Other)
	row("up to date (skipped)", t.Skipped)
	row("failed", t.Failed)
	for _, k := range slices.Sorted(maps.Keys(t.Failures)) {
		row("  "+k, t.Failures[k])
	}
	if t.NotRead > 0 {
		row("not read", t.NotRead)
	}
	row("warnings", t.Warnings)
	fmt.Fprintf(&b, "  %-22s %8.1f\n", "pages/s", r.PagesPerSecond())
	_, err := io.WriteString(w, b.String())
	return err
}

package migrate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"

	"github.com/replykit/replykit/reply"
)

// ReportProblem is one thing wrong in a report file.
type ReportProblem struct {
	// Path names the place: "totals.pages", "pages[3].status"; "" for the
	// report as a whole.
	Path string
	// Message says what is wrong.
	Message string
}

// DefaultMaxProblems is how many problems of pages and ignored files
// CheckReportFrom lists when CheckOptions.MaxProblems is 0.
const DefaultMaxProblems = 1000

// ErrNotReport is wrapped by the error of CheckReport and CheckReportFrom
// for input that is not a report at all: not JSON, or of another shape.
var ErrNotReport = errors.New("not a migrate report")

// MalformedError is the error of CheckReportFrom for input that is not
// well-formed JSON. It wraps ErrNotReport and the decoder's error.
type MalformedError struct {
	Offset int64 // about where reading stopped, in bytes from the start
	Err    error // what the JSON decoder said
}

func (e *MalformedError) Error() string {
	return fmt.Sprintf("%v: near byte %d: %v", ErrNotReport, e.Offset, e.Err)
}

// Unwrap gives ErrNotReport and the decoder's error.
func (e *MalformedError) Unwrap() []error { return []error{ErrNotReport, e.Err} }

// CheckOptions are the options of CheckReportFrom.
type CheckOptions struct {
	// MaxProblems is how many problems of pages and ignored files are
	// listed, the first in the report's order; those past it are only
	// counted. 0 is DefaultMaxProblems; a negative number lists them all.
	MaxProblems int
}

// ReportCheck is what CheckReportFrom found.
type ReportCheck struct {
	// Problems are the problems found, in order; none for a good report.
	Problems []ReportProblem
	// More is how many problems of pages and ignored files were found
	// past CheckOptions.MaxProblems and are not in Problems.
	More int
}

// CheckReport checks a report held in memory, as CheckReportFrom does,
// and returns every problem found.
func CheckReport(data []byte) ([]ReportProblem, error) {
	c, err := CheckReportFrom(bytes.NewReader(data), CheckOptions{MaxProblems: -1})
	if err != nil {
		return nil, err
	}
	return c.Problems, nil
}

// CheckReportFrom checks the report r reads, as Run writes it: its format
// tag, its keys (none unknown), each page's status, kind and error, each
// ignored file's reason, the order of its lists, and totals that add up.
// It reads the lists an item at a time and keeps running sums, so that
// its memory does not grow with the report, nor with the problems found
// (see CheckOptions.MaxProblems). It returns the problems found, in order;
// an error wrapping ErrNotReport when r does not read a report at all (a
// *MalformedError when it is not well-formed JSON).
func CheckReportFrom(r io.Reader, opts CheckOptions) (*ReportCheck, error) {
	c := newReportCheck(opts.MaxProblems)
	dec := json.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	dec.DisallowUnknownFields()
	head, err := streamReport(dec, c.page, c.ignored)
	if err == nil {
		err = atEnd(dec)
	}
	if err != nil {
		if isMalformed(err) {
			return nil, &MalformedError{Offset: dec.InputOffset(), Err: err}
		}
		return nil, fmt.Errorf("%w: %w", ErrNotReport, err)
	}
	var rep Report
	hdec := json.NewDecoder(bytes.NewReader(head))
	hdec.DisallowUnknownFields()
	if err := hdec.Decode(&rep); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotReport, err)
	}
	return c.result(&rep), nil
}

// atEnd reads the end of the report's object and checks that nothing
// but white space follows it.
func atEnd(dec *json.Decoder) error {
	if _, err := dec.Token(); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return &json.SyntaxError{Offset: dec.InputOffset()}
	}
	return nil
}

// isMalformed reports whether a decoding error says the JSON is not well
// formed (or ends too soon), rather than of another shape.
func isMalformed(err error) bool {
	var se *json.SyntaxError
	return errors.As(err, &se) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
}

// reportCheck is the running state of CheckReportFrom: the problems of
// items found so far, up to a cap, and the sums and order of the lists.
type reportCheck struct {
	pages, captures, ignoredItems problemList
	sum                           Totals
	nPages, nIgnored              int
	pageOrder, ignoredOrder       pathOrder
}

// problemList holds the first max problems of items added, with the
// index of each item, and counts them all.
type problemList struct {
	max   int
	items []itemProblem
	n     int
}

type itemProblem struct {
	item int
	ReportProblem
}

func (l *problemList) add(item int, path, format string, args ...any) {
	l.n++
	if l.max < 0 || len(l.items) < l.max {
		l.items = append(l.items, itemProblem{item, ReportProblem{Path: path, Message: fmt.Sprintf(format, args...)}})
	}
}

func newReportCheck(max int) *reportCheck {
	if max == 0 {
		max = DefaultMaxProblems
	}
	return &reportCheck{
		pages: problemList{max: max}, captures: problemList{max: max}, ignoredItems: problemList{max: max},
	}
}

// page checks one page's entry. A capture is a problem only in a v1
// report, which the format key, wherever it stands, says at the end.
func (c *reportCheck) page(e *Entry) error {
	i := c.nPages
	at := "pages[" + strconv.Itoa(i) + "]"
	checkEntry(*e, at, func(path, format string, args ...any) { c.pages.add(i, path, format, args...) })
	if e.Capture != nil && !e.Capture.IsZero() {
		c.captures.add(i, at+".capture", "unknown key in a %s report", ReportFormatV1)
	}
	c.pageOrder.next(at, e.Path, "the pages")
	c.sum.add(*e)
	c.nPages++
	return nil
}

// pathOrder checks that a list's paths come in order (comparePaths),
// keeping the first that does not.
type pathOrder struct {
	prev string
	seen bool
	out  []ReportProblem
}

// next takes the path of the item at, of a list of what.
func (o *pathOrder) next(at, path, what string) {
	if o.seen && o.out == nil && comparePaths(o.prev, path) > 0 {
		o.out = []ReportProblem{{Path: at + ".path", Message: fmt.Sprintf("%q comes after %q: %s are sorted by path", path, o.prev, what)}}
	}
	o.prev, o.seen = path, true
}

// ignored checks one ignored file's entry.
func (c *reportCheck) ignored(ig *Ignored) error {
	i := c.nIgnored
	at := "ignored[" + strconv.Itoa(i) + "]"
	if !knownReason(ig.Reason) {
		c.ignoredItems.add(i, at+".reason", "%q is not a reason a file is ignored for", ig.Reason)
	}
	c.ignoredOrder.next(at, ig.Path, "ignored files")
	c.sum.addIgnored(*ig)
	c.nIgnored++
	return nil
}

// result is what was found, once the report's keys but its lists are
// known: the problems of the pages (with the captures of a v1 report)
// and of the ignored files, the first max of them, then those of the
// lists' order, the totals and the inputs.
func (c *reportCheck) result(r *Report) *ReportCheck {
	if r.Format != ReportFormat && r.Format != ReportFormatV1 {
		return &ReportCheck{Problems: []ReportProblem{{Path: "format", Message: fmt.Sprintf(
			"%q is not a report version this replykit reads (it reads %q and %q)", r.Format, ReportFormatV1, ReportFormat)}}}
	}
	items := c.pages.items
	found := c.pages.n + c.ignoredItems.n
	if r.Format == ReportFormatV1 {
		items = mergeByItem(items, c.captures.items)
		found += c.captures.n
	}
	items = append(items, c.ignoredItems.items...)
	if max := c.pages.max; max >= 0 && len(items) > max {
		items = items[:max]
	}
	out := &ReportCheck{More: found - len(items)}
	for _, p := range items {
		out.Problems = append(out.Problems, p.ReportProblem)
	}
	add := func(path, format string, args ...any) {
		out.Problems = append(out.Problems, ReportProblem{Path: path, Message: fmt.Sprintf(format, args...)})
	}
	out.Problems = append(append(out.Problems, c.pageOrder.out...), c.ignoredOrder.out...)
	checkTotals(r.Totals, c.sum, add)
	if !r.Interrupted {
		var pages, ignored int
		for _, in := range r.Inputs {
			pages += in.Pages
			ignored += in.Ignored
		}
		if len(r.Inputs) > 0 && (pages != c.nPages || ignored != c.nIgnored) {
			add("inputs", "%d pages and %d ignored files over the inputs, but the report lists %d and %d", pages, ignored, c.nPages, c.nIgnored)
		}
	}
	return out
}

// mergeByItem merges two lists of problems in item order, those of a
// for an item before those of b.
func mergeByItem(a, b []itemProblem) []itemProblem {
	out := make([]itemProblem, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].item < a[0].item {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// checkEntry checks one page's entry.
func checkEntry(e Entry, at string, add func(path, format string, args ...any)) {
	if e.Path == "" {
		add(at+".path", "empty")
	}
	switch e.Status {
	case StatusOK:
		if e.Kind != reply.KindProposalReply && e.Kind != reply.KindSuggestionReply {
			add(at+".kind", "%q with status ok: an ok page is a proposal-reply or a suggestion-reply", e.Kind)
		}
	case StatusOther:
	case StatusFailed:
		if e.Error == nil {
			add(at+".error", "missing: a failed page says why")
		}
	default:
		add(at+".status", "%q is not ok, other or failed", e.Status)
	}
	if e.Renamed != "" && e.Output == "" {
		add(at+".output", "missing: a renamed page says its output")
	}
	if e.SHA256 != "" && !isSHA256(e.SHA256) {
		add(at+".sha256", "%q is not 64 lower-case hex digits", e.SHA256)
	}
	for j, w := range e.Warnings {
		if w.Code == "" {
			add(at+".warnings["+strconv.Itoa(j)+"].code", "empty")
		}
	}
}

// checkTotals compares the totals a report gives with those of its lists.
func checkTotals(got, want Totals, add func(path, format string, args ...any)) {
	for _, f := range []struct {
		key       string
		got, want int
	}{
		{"pages", got.Pages, want.Pages}, {"replies", got.Replies, want.Replies},
		{"other", got.Other, want.Other}, {"failed", got.Failed, want.Failed},
		{"skipped", got.Skipped, want.Skipped}, {"renamed", got.Renamed, want.Renamed}, {"warnings", got.Warnings, want.Warnings},
		{"ignored", got.Ignored, want.Ignored},
	} {
		if f.got != f.want {
			add("totals."+f.key, "%d, but the report's lists make %d", f.got, f.want)
		}
	}
	for _, m := range []struct {
		key       string
		got, want map[string]int
	}{
		{"failures", got.Failures, want.Failures}, {"warningCodes", got.WarningCodes, want.WarningCodes},
		{"ignoredBy", got.IgnoredBy, want.IgnoredBy},
	} {
		if !maps.Equal(m.got, m.want) {
			add("totals."+m.key, "%v, but the report's lists make %v", sortedCounts(m.got), sortedCounts(m.want))
		}
	}
}

// sortedCounts writes counts by name in name order.
func sortedCounts(m map[string]int) string {
	var b bytes.Buffer
	for i, k := range slices.Sorted(maps.Keys(m)) {
		if i > 0 {
			b.WriteString(", ")
		}
		name := k
		if name == "" {
			name = "(no kind)"
		}
		fmt.Fprintf(&b, "%s %d", name, m[k])
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// knownReason reports whether reason is one of the Ignored constants.
func knownReason(reason string) bool {
	switch reason {
	case IgnoredNotPage, IgnoredNotHTML, IgnoredHidden, IgnoredNotRegular, IgnoredBrokenLink,
		IgnoredLinkLoop, IgnoredOutside, IgnoredWalked, IgnoredOutput,
		IgnoredRequest, IgnoredMetadata, IgnoredWarcinfo, IgnoredRecordType, IgnoredStatus, IgnoredTruncated,
		IgnoredEncoding, IgnoredBadHTTP, IgnoredBadRecord, IgnoredRevisit, IgnoredRevisitUnresolved,
		IgnoredNotListed, IgnoredListedMissing, IgnoredDuplicate:
		return true
	}
	return false
}

// isSHA256 reports whether s is a SHA-256 in lower-case hex.
func isSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

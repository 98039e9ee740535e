package migrate

import (
	"bytes"
	"encoding/json"
	"fmt"
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

// CheckReport checks a report file as Run writes it: its format tag, its
// keys (none unknown), each page's status, kind and error, each ignored
// file's reason, the order of its lists, and totals that add up. It
// returns the problems found, in order, none for a good report; an error
// when data is not a report at all (not JSON, or of another shape).
func CheckReport(data []byte) ([]ReportProblem, error) {
	var r Report
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("not a migrate report: %w", err)
	}
	var out []ReportProblem
	add := func(path, format string, args ...any) {
		out = append(out, ReportProblem{Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if r.Format != ReportFormat && r.Format != ReportFormatV1 {
		add("format", "%q is not a report version this replykit reads (it reads %q and %q)", r.Format, ReportFormatV1, ReportFormat)
		return out, nil
	}
	var sum Totals
	for i, e := range r.Pages {
		at := "pages[" + strconv.Itoa(i) + "]"
		checkEntry(e, at, add)
		if r.Format == ReportFormatV1 && e.Capture != nil && !e.Capture.IsZero() {
			add(at+".capture", "unknown key in a %s report", ReportFormatV1)
		}
		sum.add(e)
	}
	for i, ig := range r.Ignored {
		if !knownReason(ig.Reason) {
			add("ignored["+strconv.Itoa(i)+"].reason", "%q is not a reason a file is ignored for", ig.Reason)
		}
		sum.addIgnored(ig)
	}
	if i := firstUnsorted(r.Pages, func(a, b Entry) bool { return comparePaths(a.Path, b.Path) > 0 }); i > 0 {
		add("pages["+strconv.Itoa(i)+"].path", "%q comes after %q: the pages are sorted by path", r.Pages[i].Path, r.Pages[i-1].Path)
	}
	if i := firstUnsorted(r.Ignored, func(a, b Ignored) bool { return comparePaths(a.Path, b.Path) > 0 }); i > 0 {
		add("ignored["+strconv.Itoa(i)+"].path", "%q comes after %q: ignored files are sorted by path", r.Ignored[i].Path, r.Ignored[i-1].Path)
	}
	checkTotals(r.Totals, sum, add)
	if !r.Interrupted {
		var pages, ignored int
		for _, in := range r.Inputs {
			pages += in.Pages
			ignored += in.Ignored
		}
		if len(r.Inputs) > 0 && (pages != len(r.Pages) || ignored != len(r.Ignored)) {
			add("inputs", "%d pages and %d ignored files over the inputs, but the report lists %d and %d", pages, ignored, len(r.Pages), len(r.Ignored))
		}
	}
	return out, nil
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

// firstUnsorted is the index of the first element that after reports
// out of order with the one before it, or -1.
func firstUnsorted[T any](s []T, after func(prev, cur T) bool) int {
	for i := 1; i < len(s); i++ {
		if after(s[i-1], s[i]) {
			return i
		}
	}
	return -1
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

package migrate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/reply"
)

// FuzzWriteReportIsMarshal: the report written as a stream, its entries
// given one at a time, is the same bytes as Marshal of the report holding
// them all, whatever its strings (not UTF-8, HTML's <>&, U+2028, quotes,
// control characters), and reads back, through EachPage and EachIgnored,
// as the entries given, a path not UTF-8 byte for byte.
func FuzzWriteReportIsMarshal(f *testing.F) {
	f.Add("a/b.html", "out/b.html", "x<y>&z\u2028", "note", 2, 1)
	f.Add("d\xff/é.html", "d%FF/é.html", "\"quoted\"\n\ttab", "", 0, 3)
	f.Add("w.warc.gz@10+3", "h/p@20240101000000.html", "", "taken over", 1, 0)
	f.Fuzz(func(t *testing.T, path, out, msg, note string, pages, ignored int) {
		pages, ignored = min(max(pages, 0), 4), min(max(ignored, 0), 4)
		out = escapeName(out) // as the name plan gives output names: UTF-8
		rep := &Report{Format: ReportFormat, Inputs: []InputTotals{{Path: path, Pages: pages, Ignored: ignored, RawPath: RawPath(path)}}}
		if note != "" {
			rep.Notes = []string{note}
		}
		var es []Entry
		for i := range pages {
			e := Entry{Path: path + string(rune('a'+i)), Output: out, Status: StatusOK, Kind: reply.KindProposalReply, SHA256: "ab",
				Warnings: []Warning{{Code: "c", Message: msg, Where: note}}}
			e.RawPath = RawPath(e.Path)
			if i%2 == 1 {
				e.Status, e.Kind, e.Warnings = StatusFailed, "", nil
				e.Error = &EntryError{Kind: KindConvert, Message: msg}
				e.Capture = &reply.Capture{URI: msg, Date: "2024-01-01T00:00:00Z", RecordID: note}
			}
			es = append(es, e)
			rep.Totals.add(e)
		}
		var igs []Ignored
		for i := range ignored {
			ig := Ignored{Path: path + string(rune('0'+i)), Reason: IgnoredNotPage, Detail: msg}
			ig.RawPath = RawPath(ig.Path)
			igs = append(igs, ig)
			rep.Totals.addIgnored(ig)
		}
		sortEntries(es)
		sortIgnored(igs)

		whole := *rep
		whole.Pages, whole.Ignored = append([]Entry{}, es...), append([]Ignored{}, igs...)
		want, err := whole.Marshal()
		require.NoError(t, err)

		name := filepath.Join(t.TempDir(), ReportName)
		require.NoError(t, writeReport(OS{}, name, rep, func(yield func(*Entry) error) error { return eachHeld(es, yield) },
			func(yield func(*Ignored) error) error { return eachHeld(igs, yield) }, true))
		got, err := os.ReadFile(name)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got))

		rep.Written, rep.streamed = name, true
		var back []Entry
		require.NoError(t, rep.EachPage(func(e *Entry) error { back = append(back, *e); return nil }))
		var backIg []Ignored
		require.NoError(t, rep.EachIgnored(func(ig *Ignored) error { backIg = append(backIg, *ig); return nil }))
		require.Len(t, back, len(es))
		require.Len(t, backIg, len(igs))
		for i := range es {
			assert.Equal(t, es[i].Path, back[i].Path, "a path comes back byte for byte")
			assert.Equal(t, es[i].Output, back[i].Output)
		}
		for i := range igs {
			assert.Equal(t, igs[i].Path, backIg[i].Path)
		}
	})
}

package collection

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

// page is one page of a made-up run: what its report entry says and the
// reply its JSON output holds (nil for none written).
type page struct {
	path, output string
	status       migrate.Status
	reply        *reply.Reply
	skipped      bool
	errKind      string
}

// newReply makes a signed reply to proposal number of the county CPPCC's
// tenth term, first session.
func newReply(title, office string, date reply.Date, number string, text string) *reply.Reply {
	return &reply.Reply{
		Kind:       reply.KindProposalReply,
		Title:      title,
		Proposal:   reply.Proposal{Body: "县政协", Term: 10, Session: 1, Number: number},
		Addressees: []reply.Addressee{{Name: "涂轶", Role: reply.RoleMember}},
		Salutation: "涂轶委员：",
		Opening:    []reply.Block{{Text: text}},
		Signature:  reply.Signature{Office: office, Date: date},
	}
}

// writeRun writes the JSON outputs of pages into out as a run would, and
// returns the run's report, pages sorted by path.
func writeRun(t testing.TB, out string, pages []page) *migrate.Report {
	t.Helper()
	rep := &migrate.Report{Format: migrate.ReportFormat, Workers: 2}
	for _, p := range pages {
		e := migrate.Entry{Path: p.path, Output: p.output, Status: p.status, Skipped: p.skipped}
		rep.Totals.Pages++
		switch {
		case p.errKind != "":
			e.Error = &migrate.EntryError{Kind: p.errKind, Message: "made up: " + p.errKind}
			if p.status == migrate.StatusFailed {
				rep.Totals.Failed++
			} else {
				rep.Totals.Other++
			}
		case p.reply != nil:
			e.Kind = p.reply.Kind
			for _, w := range p.reply.Warnings {
				e.Warnings = append(e.Warnings, migrate.Warning{Code: w.Code, Message: w.Message})
				rep.Totals.Warnings++
			}
			if p.status == migrate.StatusOK {
				rep.Totals.Replies++
			} else {
				rep.Totals.Other++
			}
			data, err := reply.Marshal(p.reply)
			require.NoError(t, err)
			name := filepath.Join(out, filepath.FromSlash(p.output)+".json")
			require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
			require.NoError(t, os.WriteFile(name, data, 0o644))
			require.NoError(t, os.WriteFile(strings.TrimSuffix(name, ".json")+".html", []byte("<!doctype html><title>x</title>"), 0o644))
		}
		rep.Pages = append(rep.Pages, e)
	}
	slices.SortFunc(rep.Pages, func(a, b migrate.Entry) int { return strings.Compare(a.Path, b.Path) })
	data, err := rep.Marshal()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(out, migrate.ReportName), data, 0o644))
	rep.Written = filepath.Join(out, migrate.ReportName)
	return rep
}

// samplePages are a small run: three replies (one skipped as up to date
// and one with a warning), another notice, a list page and a failure.
func samplePages() []page {
	a := newReply("关于县政协十届一次会议第73号提案的答复", "旺苍县人民政府办公室", reply.NewDate(2017, 3, 16), "73", "您提出的关于加强新型农村社区建设工作的建议收悉。")
	b := newReply("关于县政协十届一次会议第12号提案的答复", "旺苍县教育局", reply.NewDate(2018, 6, 1), "12", "关于校车安全的提案收悉，现答复如下。")
	b.Warnings = []reply.Warning{{Code: "numbering-gap", Message: "a section number is missing"}}
	c := newReply("关于市政协五届二次会议第5号提案的答复", "某某市交通运输局", reply.NewDate(2018, 9, 9), "5", "公交线路优化。")
	other := &reply.Reply{Kind: reply.KindOther, Title: "关于做好春节期间安全工作的通知", Opening: []reply.Block{{Text: "各乡镇：春节将至。"}},
		Page: reply.Page{URL: "http://www.example.gov.cn/tzgg/1.html", Published: reply.NewDate(2024, 1, 25)}}
	return []page{
		{path: "site/a.html", output: "a.html", status: migrate.StatusOK, reply: a},
		{path: "site/b.html", output: "b.html", status: migrate.StatusOK, reply: b},
		{path: "site/sub/c.htm", output: "sub/c.htm", status: migrate.StatusOK, reply: c, skipped: true},
		{path: "site/notice.html", output: "notice.html", status: migrate.StatusOther, reply: other},
		{path: "site/list.html", output: "list.html", status: migrate.StatusOther, errKind: migrate.KindNoNotice},
		{path: "site/broken.html", output: "broken.html", status: migrate.StatusFailed, errKind: "parse"},
	}
}

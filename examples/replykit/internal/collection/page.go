package collection

import (
	"bytes"
	_ "embed"
	"html/template"
	"slices"
	"strconv"

	"github.com/replykit/replykit/examples/replykit/internal/migrate"
	"github.com/replykit/replykit/reply"
)

var (
	//go:embed assets/index.html
	pageSource string
	//go:embed assets/index.css
	pageCSS string
	//go:embed assets/index.js
	pageJS string
)

// pageTemplate is index.html. html/template escapes every value by where
// it stands: text, attribute, or the JSON of the script that holds the
// page's data, where <, >, &, U+2028 and U+2029 are escaped too.
var pageTemplate = template.Must(template.New("index").Parse(pageSource))

// kindLabels name each kind in Chinese and English.
var kindLabels = map[reply.Kind][2]string{
	reply.KindProposalReply:   {"提案答复", "Proposal reply"},
	reply.KindSuggestionReply: {"建议答复", "Suggestion reply"},
	reply.KindOther:           {"其他通知", "Other notice"},
}

// pageMeta is what index.js reads from the page.
type pageMeta struct {
	Rows      int                  `json:"rows"`
	ChunkRows int                  `json:"chunkRows"`
	Shards    int                  `json:"shards"`
	Data      string               `json:"data"`
	Registry  string               `json:"registry"`
	Kinds     []string             `json:"kinds"`
	Labels    map[string][2]string `json:"labels"` // Chinese and English
}

// option is one value of a filter.
type option struct {
	Value int
	Label string
	Count int
}

// bar is one bar of a chart, placed in its SVG.
type bar struct {
	Label          string
	Count          int
	X, Y, W, H     int
	TextX, TextY   int
	CountX, CountY int
}

// chart is a bar chart.
type chart struct {
	Width, Height int
	Bars          []bar
}

// failure is a failed page as the page lists it.
type failure struct{ Path, Kind, Message string }

// pageData is what the template fills in.
type pageData struct {
	Meta                     pageMeta
	CSS                      template.CSS
	JS                       template.JS
	Replies, Others, Failed  int
	Pages, Skipped, Warnings int
	LeftOut                  int
	Interrupted              bool
	Kinds, Offices           []option
	Years, WarningCodes      []option
	ByYear, ByOffice         chart
	Failures                 []failure
	MoreFailures             int
	Report, JSONL            string
}

// maxFailures is how many failed pages the page lists; report.json has
// them all.
const maxFailures = 100

// indexPage writes index.html.
func indexPage(x *indexer, f *facets, rep *migrate.Report, res *Result, shards int, opts Options) ([]byte, error) {
	d := pageData{
		Meta: pageMeta{Rows: len(x.recs), ChunkRows: opts.RowsPerChunk, Shards: shards, Data: migrate.IndexDataDir,
			Registry: registry, Labels: map[string][2]string{}},
		CSS: template.CSS(pageCSS), JS: template.JS(pageJS),
		Replies: res.Replies, Others: res.Others, Failed: rep.Totals.Failed,
		Pages: rep.Totals.Pages, Skipped: rep.Totals.Skipped, Warnings: rep.Totals.Warnings,
		LeftOut: len(res.LeftOut), Interrupted: rep.Interrupted,
		Report: migrate.ReportName, JSONL: migrate.RepliesName,
	}
	for i, k := range kindOrder {
		l := kindLabels[k]
		d.Meta.Kinds = append(d.Meta.Kinds, string(k))
		d.Meta.Labels[string(k)] = l
		d.Kinds = append(d.Kinds, option{i, l[0] + " " + l[1], f.counts["kind"][i]})
	}
	for i, o := range f.Offices {
		label := o
		if o == "" {
			label = "（未署名） (unsigned)"
		}
		d.Offices = append(d.Offices, option{i, label, f.counts["office"][i]})
	}
	for i, y := range f.Years {
		label := strconv.Itoa(y)
		if y == 0 {
			label = "（无日期） (no date)"
		}
		d.Years = append(d.Years, option{i, label, f.counts["year"][i]})
	}
	for i, w := range f.Warnings {
		d.WarningCodes = append(d.WarningCodes, option{i, w, f.counts["warning"][i]})
	}
	d.ByYear, d.ByOffice = charts(x)
	if rep.Totals.Failed > 0 {
		err := rep.EachPage(func(e *migrate.Entry) error {
			if e.Status != migrate.StatusFailed {
				return nil
			}
			if len(d.Failures) == maxFailures {
				d.MoreFailures++
				return nil
			}
			fl := failure{Path: e.Path}
			if e.Error != nil {
				fl.Kind, fl.Message = e.Error.Kind, e.Error.Message
			}
			d.Failures = append(d.Failures, fl)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var b bytes.Buffer
	if err := pageTemplate.Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// The charts' geometry, in SVG user units.
const (
	yearBarW, yearGap, yearChartH, yearPlotH = 22, 10, 150, 100
	officeRows, officeRowH, officeLabelW     = 10, 22, 210
	officeBarMax                             = 260
)

// charts draws the replies (not other notices) per year, and per office
// for the offices with most replies.
func charts(x *indexer) (byYear, byOffice chart) {
	years, offices := map[int]int{}, map[string]int{}
	for _, r := range x.recs {
		if r.kind != reply.KindProposalReply && r.kind != reply.KindSuggestionReply {
			continue
		}
		if r.year > 0 {
			years[r.year]++
		}
		if r.office != "" {
			offices[r.office]++
		}
	}
	var ys []int
	most := 1
	for y, n := range years {
		ys = append(ys, y)
		most = max(most, n)
	}
	slices.Sort(ys)
	byYear = chart{Width: max(200, len(ys)*(yearBarW+yearGap)+yearGap), Height: yearChartH}
	for i, y := range ys {
		n := years[y]
		h := max(1, n*yearPlotH/most)
		bx := yearGap + i*(yearBarW+yearGap)
		byYear.Bars = append(byYear.Bars, bar{Label: strconv.Itoa(y), Count: n, X: bx, Y: 20 + yearPlotH - h, W: yearBarW, H: h,
			TextX: bx + yearBarW/2, TextY: 20 + yearPlotH + 18, CountX: bx + yearBarW/2, CountY: 20 + yearPlotH - h - 4})
	}
	type oc struct {
		name string
		n    int
	}
	var os []oc
	for o, n := range offices {
		os = append(os, oc{o, n})
	}
	slices.SortFunc(os, func(a, b oc) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return bytes.Compare([]byte(a.name), []byte(b.name))
	})
	os = os[:min(len(os), officeRows)]
	byOffice = chart{Width: officeLabelW + officeBarMax + 60, Height: max(1, len(os))*officeRowH + 4}
	for i, o := range os {
		w := 1
		if len(os) > 0 {
			w = max(1, o.n*officeBarMax/os[0].n)
		}
		y := 2 + i*officeRowH
		byOffice.Bars = append(byOffice.Bars, bar{Label: shorten(o.name, 14), Count: o.n, X: officeLabelW, Y: y + 3, W: w, H: officeRowH - 6,
			TextX: officeLabelW - 6, TextY: y + officeRowH - 7, CountX: officeLabelW + w + 4, CountY: y + officeRowH - 7})
	}
	return byYear, byOffice
}

// shorten cuts s to n characters, marking the cut with 「…」.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

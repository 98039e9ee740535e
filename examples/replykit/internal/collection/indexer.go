package collection

import (
	"cmp"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/replykit/replykit/reply"
)

// indexer gathers the rows of the index and the postings of its search.
type indexer struct {
	recs  []record
	post  *postings
	label func(string) []byte // a collation key for names and titles
}

func newIndexer() *indexer {
	c := collate.New(language.Chinese) // pinyin order, as Chinese readers look things up
	var buf collate.Buffer
	return &indexer{post: newPostings(), label: func(s string) []byte {
		buf.Reset()
		return slices.Clone(c.KeyFromString(&buf, s))
	}}
}

// add takes the next row and its text's tokens.
func (x *indexer) add(rec record, toks docTokens) {
	x.post.add(toks, int32(len(x.recs)))
	x.recs = append(x.recs, rec)
}

// kindOrder is the kinds in the order the index lists them.
var kindOrder = []reply.Kind{reply.KindProposalReply, reply.KindSuggestionReply, reply.KindOther}

// kindRank is where a kind stands in kindOrder; an unknown kind last.
func kindRank(k reply.Kind) int {
	if i := slices.Index(kindOrder, k); i >= 0 {
		return i
	}
	return len(kindOrder)
}

// facets are the values rows are filtered by, each listed once, and each
// row's index into them.
type facets struct {
	Offices  []string // in collation order; "" for unsigned notices
	Years    []int    // ascending; 0 for no date
	Warnings []string // codes, sorted
	office   []int    // per row
	year     []int
	warns    [][]int
	counts   map[string][]int // per facet, how many rows each value has
}

// facets lists the values of the rows.
func (x *indexer) facets() *facets {
	f := &facets{counts: map[string][]int{}}
	offices, years, warns := map[string]bool{}, map[int]bool{}, map[string]bool{}
	for _, r := range x.recs {
		offices[r.office] = true
		years[r.year] = true
		for _, w := range r.warnings {
			warns[w] = true
		}
	}
	keys := map[string][]byte{}
	for o := range offices {
		f.Offices = append(f.Offices, o)
		keys[o] = x.label(o)
	}
	slices.SortFunc(f.Offices, func(a, b string) int { return cmp.Or(slices.Compare(keys[a], keys[b]), cmp.Compare(a, b)) })
	for y := range years {
		f.Years = append(f.Years, y)
	}
	slices.Sort(f.Years)
	for w := range warns {
		f.Warnings = append(f.Warnings, w)
	}
	slices.Sort(f.Warnings)
	officeAt, yearAt, warnAt := indexOf(f.Offices), indexOf(f.Years), indexOf(f.Warnings)
	f.counts["office"] = make([]int, len(f.Offices))
	f.counts["year"] = make([]int, len(f.Years))
	f.counts["warning"] = make([]int, len(f.Warnings))
	f.counts["kind"] = make([]int, len(kindOrder)+1)
	for _, r := range x.recs {
		o, y := officeAt[r.office], yearAt[r.year]
		f.office, f.year = append(f.office, o), append(f.year, y)
		f.counts["office"][o]++
		f.counts["year"][y]++
		f.counts["kind"][kindRank(r.kind)]++
		ws := []int{}
		for _, w := range r.warnings {
			i := warnAt[w]
			if !slices.Contains(ws, i) {
				ws = append(ws, i)
				f.counts["warning"][i]++
			}
		}
		f.warns = append(f.warns, ws)
	}
	return f
}

// indexOf maps each value of a list to its place.
func indexOf[T comparable](vs []T) map[T]int {
	m := make(map[T]int, len(vs))
	for i, v := range vs {
		m[v] = i
	}
	return m
}

// sortColumns are the columns the table sorts by, as index.js names them.
var sortColumns = []string{"title", "office", "date", "kind", "number", "addressees", "warnings"}

// orders gives, for each sort column, the rows in ascending order; rows
// that compare equal keep the report's order, and empty cells go last.
func (x *indexer) orders() map[string][]int32 {
	n := len(x.recs)
	titles, addressees := make([][]byte, n), make([][]byte, n)
	for i, r := range x.recs {
		titles[i], addressees[i] = x.label(r.title), x.label(r.addressees)
	}
	offices := map[string][]byte{}
	for _, r := range x.recs {
		if _, ok := offices[r.office]; !ok {
			offices[r.office] = x.label(r.office)
		}
	}
	emptyLast := func(a, b string) int { return cmp.Compare(btoi(a == ""), btoi(b == "")) }
	by := map[string]func(a, b int) int{
		"title": func(a, b int) int { return slices.Compare(titles[a], titles[b]) },
		"office": func(a, b int) int {
			ra, rb := x.recs[a], x.recs[b]
			return cmp.Or(emptyLast(ra.office, rb.office), slices.Compare(offices[ra.office], offices[rb.office]))
		},
		"date": func(a, b int) int {
			return cmp.Or(emptyLast(x.recs[a].date, x.recs[b].date), cmp.Compare(x.recs[a].date, x.recs[b].date))
		},
		"kind": func(a, b int) int { return cmp.Compare(kindRank(x.recs[a].kind), kindRank(x.recs[b].kind)) },
		"number": func(a, b int) int {
			ra, rb := x.recs[a], x.recs[b]
			return cmp.Or(emptyLast(ra.number, rb.number), slices.Compare(ra.numberKey[:], rb.numberKey[:]), cmp.Compare(ra.number, rb.number))
		},
		"addressees": func(a, b int) int {
			return cmp.Or(emptyLast(x.recs[a].addressees, x.recs[b].addressees), slices.Compare(addressees[a], addressees[b]))
		},
		"warnings": func(a, b int) int { return cmp.Compare(len(x.recs[a].warnings), len(x.recs[b].warnings)) },
	}
	out := map[string][]int32{}
	for _, col := range sortColumns {
		less := by[col]
		rows := make([]int, n)
		for i := range rows {
			rows[i] = i
		}
		slices.SortStableFunc(rows, less)
		order := make([]int32, n)
		for i, r := range rows {
			order[i] = int32(r)
		}
		out[col] = order
	}
	return out
}

package migrate

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// orderedPaths reads testdata/order/paths.txt: paths in the order a
// report lists them.
func orderedPaths(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/order/paths.txt")
	require.NoError(t, err)
	var paths []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if !strings.HasPrefix(l, "#") {
			paths = append(paths, l)
		}
	}
	require.Greater(t, len(paths), 20)
	return paths
}

// TestComparePaths sorts the listed paths from several starting orders
// and checks that comparePaths is a total order on them: antisymmetric,
// transitive, and 0 only for a path with itself.
func TestComparePaths(t *testing.T) {
	want := orderedPaths(t)
	for _, start := range [][]string{slices.Clone(want), reversed(want), rotated(want, 7), rotated(reversed(want), 13)} {
		slices.SortFunc(start, comparePaths)
		assert.Equal(t, want, start)
	}
	for i, a := range want {
		for j, b := range want {
			c := comparePaths(a, b)
			assert.Equal(t, cmpInt(i, j), c, "%q against %q", a, b)
			for _, z := range want[j:] {
				if c < 0 {
					assert.Negative(t, comparePaths(a, z), "%q < %q < %q", a, b, z)
				}
			}
		}
	}
}

// TestSortByRecordOrder: entries and ignored records of one web archive
// come in record order, as CheckReport wants them.
func TestSortByRecordOrder(t *testing.T) {
	es := []Entry{{Path: "w.warc.gz@10000"}, {Path: "w.warc.gz@262"}, {Path: "w.warc.gz@0+30"}}
	sortEntries(es)
	assert.Equal(t, []string{"w.warc.gz@0+30", "w.warc.gz@262", "w.warc.gz@10000"}, []string{es[0].Path, es[1].Path, es[2].Path})
	igs := []Ignored{{Path: "w.warc.gz@5000", Reason: IgnoredRequest}, {Path: "w.warc.gz@700", Reason: IgnoredRequest}}
	sortIgnored(igs)
	assert.Equal(t, "w.warc.gz@700", igs[0].Path)
	r := &Report{Format: ReportFormat, Pages: es, Ignored: igs, Inputs: []InputTotals{{Path: "w.warc.gz", Pages: 3, Ignored: 2}}}
	for _, e := range es {
		r.Totals.add(e)
	}
	for _, ig := range igs {
		r.Totals.addIgnored(ig)
	}
	check := func() []ReportProblem { // of the order alone: the entries are bare
		data, err := r.Marshal()
		require.NoError(t, err)
		problems, err := CheckReport(data)
		require.NoError(t, err)
		return slices.DeleteFunc(problems, func(p ReportProblem) bool { return !strings.HasSuffix(p.Path, ".path") })
	}
	assert.Empty(t, check())
	r.Pages[0], r.Pages[2] = r.Pages[2], r.Pages[0]
	assert.Equal(t, []ReportProblem{{Path: "pages[1].path",
		Message: `"w.warc.gz@262" comes after "w.warc.gz@10000": the pages are sorted by path`}}, check())
}

func reversed(s []string) []string {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

func rotated(s []string, k int) []string {
	k %= len(s)
	return append(slices.Clone(s[k:]), s[:k]...)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

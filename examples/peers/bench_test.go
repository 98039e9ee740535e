package peers

import (
	"runtime"
	"testing"

	"github.com/replykit/replykit/internal/benchpair"
)

// BenchmarkPeers measures each tool on each page set apart, as
// BenchmarkPeers/<set>/<tool>: one operation reads every page of the set
// from its raw bytes. Besides time, bytes and allocations, cpu-ns/op is
// the CPU time the process used per operation, all goroutines included.
//
//	go test -run '^$' -bench . -benchmem -count 5
func BenchmarkPeers(b *testing.B) {
	for _, set := range pageSets(b) {
		b.Run(set.name, func(b *testing.B) {
			for _, tl := range tools() {
				b.Run(tl.name, func(b *testing.B) { benchTool(b, tl, set) })
			}
		})
	}
}

func benchTool(b *testing.B, tl tool, set pageSet) {
	run := readSet(b, tl, set)
	b.SetBytes(set.size())
	b.ReportAllocs()
	runtime.GC() // the set-up's garbage is not collected on the clock
	b.ResetTimer()
	cpu := benchpair.CPU()
	for b.Loop() {
		run()
	}
	if cpu = benchpair.CPU() - cpu; b.N > 0 && cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkPeersPaired runs parse.HTML and each other tool in turns on
// each set, as BenchmarkPeersPaired/<set>/<tool>, within one benchmark,
// alternating which goes first. It reports both times per operation, the
// ratio of their summed times the targets are judged by (parse/baseline,
// readability/parse or trafilatura/parse), and the same ratio of the CPU
// time the process used in each one's turns (<ratio>-cpu), which other
// work on the machine does not inflate. Measured in turns, both see the
// same state of a shared machine, whose speed drifts from second to
// second; BenchmarkPeers' separate runs do not.
func BenchmarkPeersPaired(b *testing.B) {
	for _, set := range pageSets(b) {
		b.Run(set.name, func(b *testing.B) {
			ts := tools()
			for _, peer := range ts[1:] {
				b.Run(peer.name, func(b *testing.B) { benchPaired(b, ts[0], peer, set) })
			}
		})
	}
}

func benchPaired(b *testing.B, parse, peer tool, set pageSet) {
	runs := [2]func(){readSet(b, parse, set), readSet(b, peer, set)}
	tm := benchpair.Run(b, [2]func() error{func() error { runs[0](); return nil }, func() error { runs[1](); return nil }})
	if b.N == 0 || tm.Wall[0] == 0 || tm.Wall[1] == 0 {
		return
	}
	b.ReportMetric(float64(tm.Wall[0].Nanoseconds())/float64(b.N), parse.name+"-ns/op")
	b.ReportMetric(float64(tm.Wall[1].Nanoseconds())/float64(b.N), peer.name+"-ns/op")
	// The ratio is parse.HTML's to the baseline's, or a peer's to parse.HTML's.
	num, den, unit := 0, 1, "parse/baseline"
	if peer.name != "baseline" {
		num, den, unit = 1, 0, peer.name+"/parse"
	}
	b.ReportMetric(tm.Ratio(num, den), unit)
	if r := tm.CPURatio(num, den); r > 0 {
		b.ReportMetric(r, unit+"-cpu")
	}
}

// readSet returns a function that runs tl on every page of set. Each page
// must be read or refused as it was when readSet was called, so that a
// tool is never timed skipping the work it did before.
func readSet(b *testing.B, tl tool, set pageSet) func() {
	b.Helper()
	refused := make([]bool, len(set.pages))
	for i, p := range set.pages {
		_, err := tl.read(p)
		refused[i] = err != nil
	}
	return func() {
		for i, p := range set.pages {
			if _, err := tl.read(p); (err != nil) != refused[i] {
				b.Fatalf("%s on %s: error %v, want refused %v", tl.name, p.name, err, refused[i])
			}
		}
	}
}

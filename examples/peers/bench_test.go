package peers

import (
	"runtime"
	"testing"
	"time"
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
	cpu := processCPU()
	for b.Loop() {
		run()
	}
	if cpu = processCPU() - cpu; b.N > 0 && cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkPeersPaired runs the tools in turns on each set, within one
// benchmark, starting each iteration with the next tool, and reports each
// tool's time per operation and the ratios the targets are judged by:
// parse/baseline, readability/parse and trafilatura/parse. Measured in
// turns, all the tools see the same state of a shared machine, whose speed
// drifts from second to second; BenchmarkPeers' separate runs do not.
func BenchmarkPeersPaired(b *testing.B) {
	for _, set := range pageSets(b) {
		b.Run(set.name, func(b *testing.B) {
			ts := tools()
			runs := make([]func(), len(ts))
			for i, tl := range ts {
				runs[i] = readSet(b, tl, set)
			}
			spent := map[string]time.Duration{}
			runtime.GC()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				for k := range ts {
					j := (i + k) % len(ts)
					start := time.Now()
					runs[j]()
					spent[ts[j].name] += time.Since(start)
				}
			}
			if b.N == 0 || spent["parse"] == 0 || spent["baseline"] == 0 {
				return
			}
			for _, tl := range ts {
				b.ReportMetric(float64(spent[tl.name].Nanoseconds())/float64(b.N), tl.name+"-ns/op")
			}
			b.ReportMetric(float64(spent["parse"])/float64(spent["baseline"]), "parse/baseline")
			b.ReportMetric(float64(spent["readability"])/float64(spent["parse"]), "readability/parse")
			b.ReportMetric(float64(spent["trafilatura"])/float64(spent["parse"]), "trafilatura/parse")
		})
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

package benchpair

import (
	"runtime"
	"testing"
	"time"
)

// Times are the summed wall and CPU times of each of the two pieces of
// work over a benchmark's iterations.
type Times struct {
	Wall, CPU [2]time.Duration
}

// Ratio is the wall time of work i over that of work j; 0 when j took
// none.
func (t Times) Ratio(i, j int) float64 {
	if t.Wall[j] == 0 {
		return 0
	}
	return float64(t.Wall[i]) / float64(t.Wall[j])
}

// CPURatio is the CPU time of work i over that of work j; 0 when j's was
// not measured (see CPU).
func (t Times) CPURatio(i, j int) float64 {
	if t.CPU[j] == 0 {
		return 0
	}
	return float64(t.CPU[i]) / float64(t.CPU[j])
}

// Run calls the two pieces of work once each per iteration of b, in
// turns (work[0] first in even iterations, work[1] first in odd ones, so
// neither always runs on the other's leftovers), and returns the time
// each took. The timer is reset after a collection; an error from either
// piece stops the benchmark.
func Run(b *testing.B, work [2]func() error) Times {
	b.Helper()
	var t Times
	runtime.GC()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		for k := range 2 {
			j := (i + k) % 2
			start, startCPU := time.Now(), CPU()
			if err := work[j](); err != nil {
				b.Fatal(err)
			}
			t.Wall[j] += time.Since(start)
			t.CPU[j] += CPU() - startCPU
		}
	}
	return t
}

package benchpair

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestTimesRatio divides the times of the two sides, and gives 0 when the
// divisor took none.
func TestTimesRatio(t *testing.T) {
	tm := Times{Wall: [2]time.Duration{3 * time.Second, 2 * time.Second}, CPU: [2]time.Duration{time.Second, 0}}
	assert.Equal(t, 1.5, tm.Ratio(0, 1))
	assert.InDelta(t, 2.0/3, tm.Ratio(1, 0), 1e-12)
	assert.Equal(t, 0.0, tm.CPURatio(0, 1))
	assert.Equal(t, 0.0, Times{}.Ratio(0, 1))
}

// TestRun runs both sides as often as the benchmark loops, in turns, and
// times the slower side as slower.
func TestRun(t *testing.T) {
	var calls [2]int
	var order []int
	res := testing.Benchmark(func(b *testing.B) {
		calls, order = [2]int{}, nil
		tm := Run(b, [2]func() error{
			func() error { calls[0]++; order = append(order, 0); time.Sleep(2 * time.Millisecond); return nil },
			func() error { calls[1]++; order = append(order, 1); return nil },
		})
		if b.N > 1 {
			assert.Greater(t, tm.Ratio(0, 1), 1.0)
		}
	})
	assert.Equal(t, res.N, calls[0])
	assert.Equal(t, res.N, calls[1])
	if len(order) >= 4 {
		assert.Equal(t, []int{0, 1, 1, 0}, order[:4], "each side goes first in turn")
	}
}

// TestRunStopsOnError: an error of either side fails the benchmark.
func TestRunStopsOnError(t *testing.T) {
	res := testing.Benchmark(func(b *testing.B) {
		Run(b, [2]func() error{func() error { return nil }, func() error { return errors.New("broken") }})
	})
	assert.Zero(t, res.N, "a failed benchmark reports no result")
}

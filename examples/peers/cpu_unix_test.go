//go:build unix

package peers

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time the process has used so far, on every
// core and the collector's included: the peers' charset guess runs its
// recognizers in goroutines, so their wall time can be less than the CPU
// time they take.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

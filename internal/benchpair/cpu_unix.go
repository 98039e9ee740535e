//go:build unix

package benchpair

import (
	"syscall"
	"time"
)

// CPU returns the CPU time (user and system, every core, the collector
// included) the process has used so far: unlike wall time it does not
// grow while other processes hold the cores, and it counts work a piece
// does in goroutines of its own.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

//go:build !unix

package benchpair

import "time"

// CPU is not measured on this system: it is always 0, and so is every
// CPU ratio.
func CPU() time.Duration { return 0 }

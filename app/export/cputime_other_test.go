//go:build !unix

package export

import "time"

// cpuTime is not measured off unix; the metric then reads 0.
func cpuTime() time.Duration { return 0 }

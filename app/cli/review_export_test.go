package cli

import "time"

// SetClock replaces the review commands' clock for a test.
func SetClock(f func() time.Time) (restore func()) {
	old := now
	now = f
	return func() { now = old }
}

package cli

import "runtime/debug"

// exportGCLimit is the heap past which an export collects as often as
// usual again.
const exportGCLimit = 512 << 20

// lessGC lets the garbage collector run less often for the rest of a
// one-shot export, whose heap is mostly the rows it loaded and keeps till
// the end: at the default setting collections were about a tenth of a
// 10k-article folder export's CPU. A soft memory limit keeps the heap of a
// big export where it would have been. The returned func restores both.
func lessGC() func() {
	gc := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(limit, exportGCLimit))
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}

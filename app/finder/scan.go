package finder

import (
	"cmp"
	"context"
	"runtime"
	"slices"
)

// result is one matching item before it becomes a Match.
type result struct {
	score int
	idx   int32
}

// better orders results best first: higher score, then earlier item.
func better(a, b result) int {
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	return cmp.Compare(a.idx, b.idx)
}

const (
	minChunk = 2048  // below this, goroutines cost more than they save
	maxChunk = 16384 // bounds the time between cancellation checks
)

// scan rates every item and returns the matches best first, at most limit
// of them when limit > 0, and false if ctx was cancelled; with floor >= 0
// it may leave out items scoring below floor. Substring search
// grades most words; items where some word needs an alignment get an upper
// bound first and are aligned best bound first, only while their bound can
// still make the top limit.
func (f *Finder) scan(ctx context.Context, q *query, base []int32, limit, floor int) ([]result, []int32, bool) {
	n := len(f.spans)
	if base != nil {
		n = len(base)
	}
	workers := runtime.GOMAXPROCS(0)
	size := min(max(minChunk, (n+4*workers-1)/(4*workers)), maxChunk)
	chunks := max((n+size-1)/size, 1)
	outs := make([][]result, chunks)
	pend := make([][]result, chunks)
	matched := make([][]int32, chunks)
	parallel(ctx, workers, chunks, func(c int) {
		lo, hi := c*size, min((c+1)*size, n)
		var out, pending []result
		var sc scratch
		for k := lo; k < hi; k++ {
			i := k
			if base != nil {
				i = int(base[k])
			}
			if !f.mayMatch(i, q) {
				continue
			}
			s, exact, ok, skip := f.boundAbove(i, q, floor)
			if !ok {
				continue
			}
			matched[c] = append(matched[c], int32(i)) // unverified when skipped: a superset
			if skip {
				continue
			}
			r := result{score: s, idx: int32(i)}
			switch {
			case !exact && limit <= 0:
				if r.score, ok = f.rate(i, q, nil, &sc); ok {
					out = append(out, r)
				}
			case !exact:
				pending = append(pending, r)
			case limit > 0:
				pushBounded(&out, r, limit)
			default:
				out = append(out, r)
			}
		}
		outs[c], pend[c] = out, pending
	})
	if ctx.Err() != nil {
		return nil, nil, false
	}
	var res, pending []result
	total := 0
	for c := range outs {
		res = append(res, outs[c]...)
		pending = append(pending, pend[c]...)
		total += len(matched[c])
	}
	all := make([]int32, 0, total)
	for _, m := range matched {
		all = append(all, m...)
	}
	slices.SortFunc(res, better)
	if limit > 0 && len(res) > limit {
		res = res[:limit]
	}
	if len(pending) > 0 {
		res = f.align(ctx, q, res, pending, limit)
	}
	return res, all, ctx.Err() == nil
}

// align rates the pending items, best bound first, into the best results
// res (sorted, at most limit), stopping once no bound can make the list.
func (f *Finder) align(ctx context.Context, q *query, res, pending []result, limit int) []result {
	slices.SortFunc(pending, better)
	heap := make([]result, 0, limit)
	for _, r := range res {
		pushBounded(&heap, r, limit)
	}
	// Rate a batch of the pending items on all cores, then take their
	// scores in bound order exactly as one loop would: at most one batch is
	// rated in vain, and the results do not depend on the scheduling.
	workers := runtime.GOMAXPROCS(0)
	scores := make([]int, alignBatch)
	scs := make([]scratch, workers)
	for lo := 0; lo < len(pending); lo += alignBatch {
		if len(heap) == limit && better(pending[lo], heap[0]) >= 0 {
			break // sorted: no later bound beats the worst kept either
		}
		if ctx.Err() != nil {
			return nil
		}
		batch := pending[lo:min(lo+alignBatch, len(pending))]
		per := (len(batch) + workers - 1) / workers
		parallel(ctx, workers, (len(batch)+per-1)/per, func(w int) {
			for k := w * per; k < min((w+1)*per, len(batch)); k++ {
				s, ok := f.rate(int(batch[k].idx), q, nil, &scs[w])
				if !ok {
					s = -1
				}
				scores[k] = s
			}
		})
		if ctx.Err() != nil {
			return nil
		}
		for k, p := range batch {
			if len(heap) == limit && better(p, heap[0]) >= 0 {
				break
			}
			if scores[k] >= 0 {
				pushBounded(&heap, result{score: scores[k], idx: p.idx}, limit)
			}
		}
	}
	slices.SortFunc(heap, better)
	return heap
}

// alignBatch is how many pending items align rates between checks of the
// stop condition: enough to split over the cores, few to waste.
const alignBatch = 256

// mayMatch is the cheap rejection: an item lacking some byte of every
// query word cannot match.
func (f *Finder) mayMatch(i int, q *query) bool {
	m := f.spans[i].mask
	for _, w := range q.masks {
		if w&^m == 0 {
			return true
		}
	}
	return false
}

// pushBounded keeps the best limit results in a heap whose root is the
// worst, so most late arrivals are turned away with one comparison.
func pushBounded(h *[]result, r result, limit int) {
	s := *h
	if len(s) < limit {
		s = append(s, r)
		for c := len(s) - 1; c > 0; {
			p := (c - 1) / 2
			if better(s[c], s[p]) <= 0 {
				break
			}
			s[c], s[p] = s[p], s[c]
			c = p
		}
		*h = s
		return
	}
	if better(r, s[0]) >= 0 {
		return
	}
	s[0] = r
	for p := 0; ; {
		c := 2*p + 1
		if c >= len(s) {
			break
		}
		if c+1 < len(s) && better(s[c+1], s[c]) > 0 {
			c++
		}
		if better(s[c], s[p]) <= 0 {
			break
		}
		s[c], s[p] = s[p], s[c]
		p = c
	}
}

package finder

import (
	"cmp"
	"context"
	"math/bits"
	"runtime"
	"slices"
)

// scanBounded is scan with a limit, rating the items best bound first: a
// bound from masks alone (quickBound: is there a word starting with the
// query word's first two letters?) sorts the candidates into a few groups,
// and once limit results score above the next group's bound, that group
// and every later one are skipped unrated. The matches it returns for the
// cache include the skipped candidates, unverified: narrowing needs only a
// superset.
func (f *Finder) scanBounded(ctx context.Context, q *query, base []int32, limit int) ([]result, []int32, bool) {
	n := len(f.spans)
	if base != nil {
		n = len(base)
	}
	workers := runtime.GOMAXPROCS(0)
	size := min(max(minChunk, (n+4*workers-1)/(4*workers)), maxChunk)
	chunks := max((n+size-1)/size, 1)
	cands := make([][]result, chunks)
	parallel(ctx, workers, chunks, func(c int) {
		lo, hi := c*size, min((c+1)*size, n)
		out := make([]result, 0, hi-lo)
		for k := lo; k < hi; k++ {
			i := k
			if base != nil {
				i = int(base[k])
			}
			if b, ok := f.quickBound(i, q); ok {
				out = append(out, result{score: b, idx: int32(i)})
			}
		}
		cands[c] = out
	})
	if ctx.Err() != nil {
		return nil, nil, false
	}
	// Group the candidates by bound, best first; within a group item order.
	groups := map[int][]int32{}
	for _, cs := range cands {
		for _, r := range cs {
			groups[r.score] = append(groups[r.score], r.idx)
		}
	}
	bounds := make([]int, 0, len(groups))
	for b := range groups {
		bounds = append(bounds, b)
	}
	slices.SortFunc(bounds, func(a, b int) int { return cmp.Compare(b, a) })

	var heap []result
	var matched []int32
	for g, b := range bounds {
		if len(heap) == limit && heap[0].score > b {
			for _, rest := range bounds[g:] {
				matched = append(matched, groups[rest]...)
			}
			break
		}
		floor := -1
		if len(heap) == limit {
			floor = heap[0].score
		}
		res, m, ok := f.scan(ctx, q, groups[b], limit, floor)
		if !ok {
			return nil, nil, false
		}
		matched = append(matched, m...)
		for _, r := range res {
			pushBounded(&heap, r, limit)
		}
	}
	slices.SortFunc(heap, better)
	return heap, sortItems(matched, len(f.spans)), true
}

// sortItems sorts distinct item indexes below n (every candidate sits in
// one group) through a bit set: linear where sorting 100k of them took a
// sixth of a keystroke.
func sortItems(s []int32, n int) []int32 {
	if len(s) < 1024 {
		slices.Sort(s)
		return s
	}
	set := make([]uint64, (n+63)/64)
	for _, i := range s {
		set[i>>6] |= 1 << (i & 63)
	}
	s = s[:0]
	for k, x := range set {
		for ; x != 0; x &= x - 1 {
			s = append(s, int32(k<<6|bits.TrailingZeros64(x)))
		}
	}
	return s
}

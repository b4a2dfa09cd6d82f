package finder

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"unicode/utf8"
)

// result is one matching item before it becomes a Match. Its matched byte
// offsets are the pattern's rune count of int32s at off in its chunk's pos
// arena: holding no pointers keeps 100k results cheap for the collector.
type result struct {
	score int
	idx   int32
	off   int32
	chunk int32
	tier  uint8 // 0: matched on the title; 1: needed the other fields
}

// compare orders results best first: title matches, higher score, then
// earlier item, which is sahilm's stable sort applied to each tier.
func compare(a, b result) int {
	if a.tier != b.tier {
		return cmp.Compare(a.tier, b.tier)
	}
	if a.score != b.score {
		return cmp.Compare(b.score, a.score)
	}
	return cmp.Compare(a.idx, b.idx)
}

// pushBounded keeps the best limit results in a heap whose root is the
// worst, so most late arrivals are turned away with one comparison.
func pushBounded(h *[]result, r result, limit int) {
	s := *h
	if len(s) < limit {
		s = append(s, r)
		for c := len(s) - 1; c > 0; {
			p := (c - 1) / 2
			if compare(s[c], s[p]) <= 0 {
				break
			}
			s[c], s[p] = s[p], s[c]
			c = p
		}
		*h = s
		return
	}
	if compare(r, s[0]) >= 0 {
		return
	}
	s[0] = r
	for p := 0; ; {
		c := 2*p + 1
		if c >= len(s) {
			break
		}
		if c+1 < len(s) && compare(s[c+1], s[c]) > 0 {
			c++
		}
		if compare(s[c], s[p]) <= 0 {
			break
		}
		s[c], s[p] = s[p], s[c]
		p = c
	}
}

// rank returns where each result belongs, best first, for results that
// arrive in item order within each tier. Scores usually span a few hundred
// values, so a stable counting sort by (tier, score) is linear and leaves
// ties in item order; wide spans fall back to a comparison sort. Placing
// results rather than moving them lets matches read them in item order,
// which is memory order.
func rank(rs []result) []int32 {
	dest := make([]int32, len(rs))
	if len(rs) == 0 {
		return dest
	}
	lo, hi := rs[0].score, rs[0].score
	for _, r := range rs {
		lo, hi = min(lo, r.score), max(hi, r.score)
	}
	const far = 1 << 40 // keeps hi-lo from overflowing
	if lo < -far || hi > far || hi-lo > 4*len(rs)+1024 {
		perm := make([]int32, len(rs))
		for k := range perm {
			perm[k] = int32(k)
		}
		slices.SortFunc(perm, func(a, b int32) int { return compare(rs[a], rs[b]) })
		for p, k := range perm {
			dest[k] = int32(p)
		}
		return dest
	}
	width := hi - lo + 1
	key := func(r *result) int { return int(r.tier)*width + hi - r.score }
	starts := make([]int32, 2*width+1)
	for k := range rs {
		starts[key(&rs[k])+1]++
	}
	for k := 1; k < len(starts); k++ {
		starts[k] += starts[k-1]
	}
	for k := range rs {
		b := key(&rs[k])
		dest[k] = starts[b]
		starts[b]++
	}
	return dest
}

// matches turns results into Matches, placed at dest (if not nil), and
// converts the matched byte offsets in the title to rune indexes. Large
// result sets are converted in parallel parts, each part's emphasis sharing
// one allocation.
func (f *Finder) matches(ctx context.Context, res []result, dest []int32, arenas [][]int32, m int) []Match {
	out := make([]Match, len(res))
	workers := runtime.GOMAXPROCS(0)
	size := max(minChunk, (len(res)+workers-1)/workers)
	parts := (len(res) + size - 1) / size
	parallel(ctx, workers, parts, func(c int) {
		lo, hi := c*size, min((c+1)*size, len(res))
		f.convert(res[lo:hi], dest, lo, arenas, m, out)
	})
	return out
}

// convert fills out for the results res, which start at index lo of all.
func (f *Finder) convert(res []result, dest []int32, lo int, arenas [][]int32, m int, out []Match) {
	n := 0
	for _, r := range res {
		tlen := f.spans[r.idx].title - f.spans[r.idx].start
		for _, p := range arenas[r.chunk][r.off : int(r.off)+m] {
			if p < tlen {
				n++
			}
		}
	}
	buf := make([]int, 0, n)
	for k, r := range res {
		sp := &f.spans[r.idx]
		at := lo + k
		if dest != nil {
			at = int(dest[at])
		}
		out[at] = Match{ID: f.ids[r.idx], Index: int(r.idx), Score: r.score}
		title := f.text[sp.start:sp.title]
		from := len(buf)
		b, runes, prev := 0, 0, int32(-1)
		for _, p := range arenas[r.chunk][r.off : int(r.off)+m] {
			if int(p) >= len(title) {
				break // offsets ascend: the rest lie past the title
			}
			if p == prev {
				continue // sahilm repeats an offset after its bonus wraps
			}
			prev = p
			if sp.asciiTitle {
				buf = append(buf, int(p))
				continue
			}
			runes += utf8.RuneCountInString(title[b:p])
			b = int(p)
			buf = append(buf, runes)
		}
		if len(buf) > from {
			out[at].Title = buf[from:len(buf):len(buf)]
		}
	}
}

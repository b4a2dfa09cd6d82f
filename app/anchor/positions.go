package anchor

import "sort"

// MapPositions maps code point offsets in oldBody (such as where each page
// of a PDF starts) to the same places in newBody: an offset moves with the
// character it stands before, and one whose character was deleted or
// replaced moves to the next character that survived (the end of newBody
// when none did). The change is found by a diff of the two texts, lines
// first and then the code points of each changed stretch, so an edit
// anywhere leaves every offset outside it exactly on its words. offs need
// not be sorted; the result is in their order, and sorted offsets stay
// sorted.
func MapPositions(oldBody, newBody string, offs []int) []int {
	if len(offs) == 0 {
		return nil
	}
	a, b := []rune(validUTF8(oldBody)), []rune(validUTF8(newBody))
	runs := alignRunes(a, b)
	out := make([]int, len(offs))
	for i, x := range offs {
		out[i] = mapThrough(runs, x, len(a), len(b))
	}
	return out
}

// run is a stretch of n code points equal in both texts: old[a:a+n] ==
// new[b:b+n]. Runs are in increasing order of a and of b.
type run struct{ a, b, n int }

// mapThrough places old offset x: the new offset of the first surviving
// old character at or after x.
func mapThrough(runs []run, x, oldN, newN int) int {
	if x <= 0 {
		return 0
	}
	if x >= oldN {
		return newN
	}
	i := sort.Search(len(runs), func(i int) bool { return runs[i].a+runs[i].n > x })
	if i == len(runs) {
		return newN
	}
	if r := runs[i]; x >= r.a {
		return r.b + x - r.a
	}
	return runs[i].b
}

// Bounds on the diffs: beyond them a changed stretch is aligned by its
// common head and tail alone, which is still exact outside its middle.
// runeWork bounds the code point diffs of one mapping altogether (steps of
// Myers' loop), so a text changed all over still maps in milliseconds.
const (
	maxLineEdits = 1000
	maxRuneEdits = 400
	runeWork     = 20_000_000
)

// alignRunes finds the runs two texts share: a diff of their lines, then
// of the code points inside each stretch of changed lines.
func alignRunes(a, b []rune) []run {
	la, lb := splitLines(a), splitLines(b)
	ids := map[string]int{}
	id := func(r []rune, ls []int) []int {
		out := make([]int, len(ls)-1)
		for i := range out {
			s := string(r[ls[i]:ls[i+1]])
			v, ok := ids[s]
			if !ok {
				v = len(ids)
				ids[s] = v
			}
			out[i] = v
		}
		return out
	}
	ia, ib := id(a, la), id(b, lb)
	lineRuns, ok := diffRuns(ia, ib, maxLineEdits)
	if !ok {
		lineRuns = affixRuns(ia, ib)
	}
	var out []run
	pa, pb := 0, 0 // lines aligned so far
	budget := runeWork
	gap := func(ea, eb int) {
		// Changed lines pa..ea (old) against pb..eb (new): align their text.
		sa, sb := a[la[pa]:la[ea]], b[lb[pb]:lb[eb]]
		size := len(sa) + len(sb) + 1
		limit := min(maxRuneEdits, budget/size)
		rs, ok := diffRuns(sa, sb, limit)
		budget -= size * limit // at most what it did
		if !ok {
			rs = affixRuns(sa, sb)
		}
		for _, r := range rs {
			out = append(out, run{r.a + la[pa], r.b + lb[pb], r.n})
		}
	}
	for _, r := range lineRuns {
		if r.a > pa || r.b > pb {
			gap(r.a, r.b)
		}
		out = append(out, run{la[r.a], lb[r.b], la[r.a+r.n] - la[r.a]})
		pa, pb = r.a+r.n, r.b+r.n
	}
	if pa < len(ia) || pb < len(ib) {
		gap(len(ia), len(ib))
	}
	return out
}

// splitLines returns the offsets where each line of r starts (a line keeps
// its '\n'), then len(r).
func splitLines(r []rune) []int {
	out := []int{0}
	for i, c := range r {
		if c == '\n' && i+1 < len(r) {
			out = append(out, i+1)
		}
	}
	if len(r) > 0 {
		out = append(out, len(r))
	}
	return out
}

// affixRuns is the common head and tail of a and b as runs.
func affixRuns[T comparable](a, b []T) []run {
	h := 0
	for h < len(a) && h < len(b) && a[h] == b[h] {
		h++
	}
	t := 0
	for t < len(a)-h && t < len(b)-h && a[len(a)-1-t] == b[len(b)-1-t] {
		t++
	}
	var out []run
	if h > 0 {
		out = append(out, run{0, 0, h})
	}
	if t > 0 {
		out = append(out, run{len(a) - t, len(b) - t, t})
	}
	return out
}

// diffRuns is Myers' O(ND) diff: the runs of a longest common subsequence
// of a and b, or ok false when more than maxD insertions and deletions
// separate them.
func diffRuns[T comparable](a, b []T, maxD int) (runs []run, ok bool) {
	n, m := len(a), len(b)
	maxD = min(maxD, n+m)
	v := make([]int, 2*maxD+3)
	off := maxD + 1
	var trace [][]int // trace[d]: v[-d..d] before step d
	for d := 0; d <= maxD; d++ {
		w := make([]int, 2*d+1)
		copy(w, v[off-d:off+d+1])
		trace = append(trace, w)
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m), true
			}
		}
	}
	return nil, false
}

// backtrack walks Myers' trace back from (n, m), collecting each step's
// snake: after the step's one insertion or deletion, the diagonal run of
// equal elements that follows it.
func backtrack(trace [][]int, n, m int) []run {
	var rev []run
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		sx, sy := 0, 0 // where the snake starts
		px, py := 0, 0 // where the step started
		if d > 0 {
			w := trace[d]
			at := func(k int) int { return w[k+d] }
			k := x - y
			pk := k - 1
			if k == -d || (k != d && at(k-1) < at(k+1)) {
				pk = k + 1
			}
			px = at(pk)
			py = px - pk
			sx, sy = px, py
			if pk == k+1 {
				sy++ // an insertion into b
			} else {
				sx++ // a deletion from a
			}
		}
		if x > sx {
			rev = append(rev, run{sx, sy, x - sx})
		}
		x, y = px, py
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

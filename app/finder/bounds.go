package finder

// Bounds on sahilm's score let a search with a limit skip scoring rows
// that cannot make the top limit: the score is at most the bonus sum plus
// the query length minus the text length (penalties only lower it).

// maxBound saturates score bounds, keeping them far from overflow.
const maxBound = 1 << 30

// extend bounds scored.bonus and scored.adj for a query grown by n runes
// from bounds for the shorter query. Only the last old rune's candidates
// change, and they shrink, so the old runes' bonuses cannot grow; each new
// rune adds at most 20 plus an adjacency bonus of 2·adj+5, and adj grows
// to at most 3·adj+5. The query's own bounds cap the result.
func extend(bonus, adj int32, n int, q *pattern) (int32, int32) {
	b, a := int64(bonus), int64(adj)
	for ; n > 0 && b < maxBound; n-- {
		b += 20 + 2*a + adjacentMatchBonus
		a = 3*a + adjacentMatchBonus
	}
	return int32(min(b, maxBound, int64(q.bonusUB))), int32(min(a, maxBound, int64(q.adjUB)))
}

// seedsByBound returns the limit title matches with the highest bounds.
func seedsByBound(f *Finder, q *pattern, titles []int32, limit int, out *chunkOut) []int32 {
	bound := func(t int32) int {
		sp := &f.spans[out.matched[t]]
		return int(out.bonus[t]) + len(q.enc) - int(sp.title-sp.start)
	}
	// A min-heap on bound: the root is the weakest seed so far.
	h := make([]int32, 0, limit)
	less := func(a, b int32) bool { return bound(a) < bound(b) }
	for _, t := range titles {
		if len(h) < limit {
			h = append(h, t)
			for c := len(h) - 1; c > 0 && less(h[c], h[(c-1)/2]); c = (c - 1) / 2 {
				h[c], h[(c-1)/2] = h[(c-1)/2], h[c]
			}
			continue
		}
		if !less(h[0], t) {
			continue
		}
		h[0] = t
		for p := 0; ; {
			c := 2*p + 1
			if c >= len(h) {
				break
			}
			if c+1 < len(h) && less(h[c+1], h[c]) {
				c++
			}
			if !less(h[c], h[p]) {
				break
			}
			h[c], h[p] = h[p], h[c]
			p = c
		}
	}
	return h
}

// titleBound bounds the bonus sum of a title whose bonus positions (its
// first rune, and runes after a separator or a lower-case letter) hold the
// folded bytes in smask: a query rune found at none of them earns no
// separator, camel-case or first-character bonus, only adjacency.
func titleBound(q *pattern, smask uint64) int32 {
	b := q.adjUB
	for _, bits := range q.bits {
		if bits&^smask == 0 {
			b += camelCaseMatchBonus
		}
	}
	return b
}

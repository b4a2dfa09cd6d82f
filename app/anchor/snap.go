package anchor

// minSnapped is the least quote similarity a match keeps once its edges
// are settled on whole words. It is below FuzzyThreshold because taking in
// a replaced word costs edits the match itself did not have ("Almost" to
// "Nearly" is six), but a match that only reaches whole words by taking in
// more than half again is not the quote.
const minSnapped = 0.5

// snap settles the edges of an approximate match on word boundaries: an
// edge the old highlight had on a word boundary must not land inside a word
// (or on a space) in the new body, nor on the wrong word. Each whole-word
// start and end on offer (see startOptions, endOptions) is scored as the
// match itself was, by quote similarity and context, and the best pair
// wins: that takes in a replaced first or last word and drops a deleted
// one. Edges that were not whole, because the user highlighted part of a
// word, are left as matched. It fails when no pair keeps minSnapped.
func (f *fuzzyMatch) snap(c candidate) (candidate, bool) {
	r := f.e.new.runes
	starts, ends := []int{c.start}, []int{c.end}
	if f.startWhole {
		starts = startOptions(r, c.start, c.end)
	}
	if f.endWhole {
		ends = endOptions(r, c.start, c.end)
	}
	if len(starts) == 1 && len(ends) == 1 && starts[0] == c.start && ends[0] == c.end {
		return c, true
	}
	best, bestScore := c, -1.0
	for _, s := range starts {
		far := s
		for _, t := range ends {
			far = max(far, t)
		}
		if far <= s {
			continue
		}
		dist := f.pt.distances(r[s:far])
		for _, t := range ends {
			if t <= s || 1-float64(dist[t-s])/float64(f.pt.m) < minSnapped {
				continue
			}
			cand := candidate{start: s, end: t, dist: dist[t-s]}
			if score := f.rank(cand); score > bestScore {
				best, bestScore = cand, score
			}
		}
	}
	return best, bestScore >= 0
}

// rank is score without its acceptance test: a snapped match stands on the
// match it was snapped from.
func (f *fuzzyMatch) rank(c candidate) float64 {
	pre, suf := f.e.new.contextSimilarity(c.start, c.end, f.prefix, f.suffix)
	return f.weigh(c, max(0, 1-float64(c.dist)/float64(f.pt.m)), pre, suf)
}

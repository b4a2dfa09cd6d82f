package anchor

import "slices"

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
	// An edge on the very word the old quote had there is right as it
	// is; only the others are settled. That is most matches: an edit in
	// the middle of a highlight leaves both its ends alone.
	if f.startWhole && !f.sameFirstWord(r, c) {
		starts = startOptions(r, c.start, c.end)
	}
	if f.endWhole && !f.sameLastWord(r, c) {
		ends = endOptions(r, c.start, c.end)
	}
	if len(starts) == 1 && len(ends) == 1 && starts[0] == c.start && ends[0] == c.end {
		return c, true
	}
	// The context scores depend on one edge each: compute them once.
	d := f.e.new
	pre := make([]float64, len(starts))
	for i, s := range starts {
		pre[i] = similarOutward(reversed(f.prefix), reversed(d.runes[max(0, s-len(f.prefix)-ContextLen/4):s]))
	}
	suf := make([]float64, len(ends))
	for i, t := range ends {
		suf[i] = similarOutward(f.suffix, d.runes[t:min(d.n(), t+len(f.suffix)+ContextLen/4)])
	}
	best, bestScore := c, -1.0
	for i, s := range starts {
		far := s
		for _, t := range ends {
			far = max(far, t)
		}
		if far <= s {
			continue
		}
		dist := f.pt.distances(r[s:far])
		for j, t := range ends {
			if t <= s || 1-float64(dist[t-s])/float64(f.pt.m) < minSnapped {
				continue
			}
			cand := candidate{start: s, end: t, dist: dist[t-s]}
			if score := f.weigh(cand, 1-float64(cand.dist)/float64(f.pt.m), pre[i], suf[j]); score > bestScore {
				best, bestScore = cand, score
			}
		}
	}
	return best, bestScore >= 0
}

// sameFirstWord reports whether match c starts, cutting no word, on the
// word the old quote started with.
func (f *fuzzyMatch) sameFirstWord(r []rune, c candidate) bool {
	if ragged(r, c.start, true) {
		return false
	}
	p := f.quote
	n := wordEnd(p, min(1, len(p)))
	return c.start+n <= c.end && slices.Equal(r[c.start:c.start+n], p[:n]) && !midWord(r, c.start+n)
}

// sameLastWord mirrors sameFirstWord for the end of the match.
func (f *fuzzyMatch) sameLastWord(r []rune, c candidate) bool {
	if ragged(r, c.end, false) {
		return false
	}
	p := f.quote
	n := len(p) - wordStart(p, max(len(p)-1, 0))
	return c.end-n >= c.start && slices.Equal(r[c.end-n:c.end], p[len(p)-n:]) && !midWord(r, c.end-n)
}

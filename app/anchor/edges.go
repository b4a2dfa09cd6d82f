package anchor

import "unicode"

// edgeEdit places a short highlight whose first or last word the edit
// changed, which the approximate match rejects: too few code points
// survive to clear FuzzyThreshold ("unwilling to budge" with "unwilling"
// deleted keeps 8 of 18). The edit's own diff says which of the quote's
// code points survived. When every part of the quote and its context
// outside the changed text is still there, unmoved, and a whole word of the
// quote survived (or, for a quote all of whose words were replaced, the
// context on both sides is intact), the highlight goes on the mapped range
// with its whole-word edges settled: a replaced edge word taken in, a
// deleted one dropped. A quote whose both edge words survived is a middle
// edit, left to the approximate match.
func (e *edit) edgeEdit(sel Selector, quote []rune, prefix, suffix []rune) (Result, bool) {
	d := e.new
	h, H := e.head, e.oldN-e.tail // old [h:H) became new [h:H2)
	delta := d.n() - e.oldN
	H2 := H + delta
	s := sel.Start
	t := s + len(quote)
	if s-len(prefix) < 0 || t+len(suffix) > e.oldN || len(quote) == 0 || len(quote) > maxFuzzyLen {
		return Result{}, false
	}
	overlaps := func(a, b int) bool { return a < H && h < b }
	// same reports whether old code points [a:b), which held c, read the
	// same in the new body wherever the edit left them alone.
	same := func(a int, c []rune) bool {
		for i, x := range c {
			p := a + i
			switch {
			case p < h:
				if d.runes[p] != x {
					return false
				}
			case p >= H:
				if p+delta >= d.n() || d.runes[p+delta] != x {
					return false
				}
			}
		}
		return true
	}
	if !overlaps(s, t) || !same(s, quote) || !same(s-len(prefix), prefix) || !same(t, suffix) {
		return Result{}, false
	}
	preIntact, sufIntact := !overlaps(s-len(prefix), s), !overlaps(t, t+len(suffix))
	// The quote's words and which of them the edit left alone.
	survived, firstTouched, lastTouched, words := false, false, false, 0
	for i := 0; i < len(quote); {
		if !wordRune(quote[i]) {
			i++
			continue
		}
		j := wordEnd(quote, i+1)
		touched := overlaps(s+i, s+j)
		if words == 0 {
			firstTouched = touched
		}
		lastTouched = touched
		survived = survived || !touched
		words++
		i = j
	}
	if words == 0 || (!firstTouched && !lastTouched) {
		return Result{}, false
	}
	if survived {
		if !preIntact && !sufIntact {
			return Result{}, false
		}
	} else if !preIntact || !sufIntact || len(prefix)+len(suffix) == 0 {
		return Result{}, false
	}
	// Map the ends: outside the change exactly; inside it, as far from
	// the change's edge as they were, within the replacement.
	ns, nt := s, t+delta
	if s >= H {
		ns = s + delta
	} else if s > h {
		ns = max(h, H2-(H-s))
	}
	if t <= h {
		nt = t
	} else if t < H {
		nt = min(H2, h+(t-h))
	}
	r := d.runes
	startWhole, endWhole := edges(prefix, string(quote), suffix)
	if startWhole {
		ns = wordStart(r, ns)
		for ns < nt && unicode.IsSpace(r[ns]) {
			ns++
		}
	}
	if endWhole {
		nt = wordEnd(r, nt)
		for nt > ns && unicode.IsSpace(r[nt-1]) {
			nt--
		}
	}
	if ns >= nt || ns < 0 || nt > d.n() {
		return Result{}, false // all its words are gone
	}
	hasWord := false
	for _, c := range r[ns:nt] {
		hasWord = hasWord || wordRune(c)
	}
	if !hasWord {
		return Result{}, false
	}
	dist := newPattern(quote).distances(r[ns:nt])
	// Score 0 means orphaned: a quote whose every word was replaced still
	// scores a little above it.
	score := max(1/float64(len(quote)+1), 1-float64(dist[nt-ns])/float64(len(quote)))
	return e.placed(ns, nt, Fuzzy, score), true
}
